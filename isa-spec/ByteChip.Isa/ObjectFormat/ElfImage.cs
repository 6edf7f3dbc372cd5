using System.Buffers.Binary;
using static ByteChip.Isa.ObjectFormat.ElfLayout;

namespace ByteChip.Isa.ObjectFormat;

/// <summary>One section header as read, with its resolved name.</summary>
internal sealed record ElfSection(int Index, string Name, uint Type, ulong Flags, ulong Offset, ulong Size, uint Link, uint Info, ulong Align, ulong EntSize);

/// <summary>
/// The ELF container of a <c>.bcbin</c>, checked field by field: header, section table, section names.
/// Every read is bounds-checked and reports a <see cref="BcFormatException"/> with the offset it concerns.
/// </summary>
internal sealed class ElfImage
{
    private readonly byte[] _bytes;

    public ElfImage(byte[] bytes)
    {
        _bytes = bytes;
        Target = ReadHeader(out ulong shoff, out int shnum, out int shstrndx);
        Sections = ReadSections(shoff, shnum, shstrndx);
    }

    public TargetArch Target { get; }

    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>A bounds-checked view of a section's bytes that reports problems with the given code.</summary>
    public SectionData Data(ElfSection section, BcFormatError error) =>
        section.Type == ShtNobits ? new(this, section, error, 0) : new(this, section, error, (int)section.Size);

    internal ReadOnlySpan<byte> Span(long offset, int length) => _bytes.AsSpan((int)offset, length);

    private TargetArch ReadHeader(out ulong shoff, out int shnum, out int shstrndx)
    {
        var b = _bytes.AsSpan();
        if (b.Length < HeaderSize)
        {
            throw new BcFormatException(BcFormatError.TruncatedHeader, $"file is {b.Length} bytes, shorter than the {HeaderSize}-byte ELF header", offset: b.Length);
        }

        if (!b[..4].SequenceEqual("\u007FELF"u8))
        {
            throw new BcFormatException(BcFormatError.BadMagic, "not an ELF file (magic is not 7F 45 4C 46)", offset: 0);
        }

        if (b[4] != ClassElf64)
        {
            throw new BcFormatException(BcFormatError.WrongClass, $"ELF class {b[4]} is not ELFCLASS64 (2)", offset: 4);
        }

        if (b[5] != DataLsb)
        {
            throw new BcFormatException(BcFormatError.WrongEndianness, $"ELF data encoding {b[5]} is not little-endian (1)", offset: 5);
        }

        if (b[6] != VersionCurrent || b[7] != OsAbiNone || b[8] != 0 || b[9..16].ContainsAnyExcept((byte)0))
        {
            throw new BcFormatException(BcFormatError.BadIdent, "e_ident version, OS/ABI, ABI version or padding is not (1, ELFOSABI_NONE, 0, zeros)", offset: 6);
        }

        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(b[16..]);
        if (type != BcElf.FileType)
        {
            throw new BcFormatException(BcFormatError.WrongFileType, $"e_type {type} is not ET_REL (1)", offset: 16);
        }

        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(b[18..]);
        if (machine != BcElf.Machine)
        {
            throw new BcFormatException(BcFormatError.WrongMachine, $"e_machine 0x{machine:X4} is not ByteChip (0x{BcElf.Machine:X4})", offset: 18);
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(b[20..]) != VersionCurrent)
        {
            throw new BcFormatException(BcFormatError.BadIdent, "e_version is not EV_CURRENT (1)", offset: 20);
        }

        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(b[48..]);
        uint version = (flags >> BcElf.FormatVersionShift) & 0xFF;
        if (version != BcElf.FormatVersion)
        {
            throw new BcFormatException(BcFormatError.FormatVersionMismatch, $"format version {version} in e_flags 0x{flags:X8}; this reader understands version {BcElf.FormatVersion}", offset: 48);
        }

        var target = (flags & ~(0xFFu << BcElf.FormatVersionShift)) switch
        {
            BcElf.TargetFlagsN4 => TargetArch.N4,
            BcElf.TargetFlagsN5 => TargetArch.N5,
            _ => throw new BcFormatException(BcFormatError.UnknownTarget, $"e_flags 0x{flags:X8} names no target (0x400 = n4, 0x500 = n5; bits 24..31 reserved)", offset: 48),
        };

        ulong entry = BinaryPrimitives.ReadUInt64LittleEndian(b[24..]);
        ulong phoff = BinaryPrimitives.ReadUInt64LittleEndian(b[32..]);
        ushort ehsize = BinaryPrimitives.ReadUInt16LittleEndian(b[52..]);
        ushort phentsize = BinaryPrimitives.ReadUInt16LittleEndian(b[54..]);
        ushort phnum = BinaryPrimitives.ReadUInt16LittleEndian(b[56..]);
        ushort shentsize = BinaryPrimitives.ReadUInt16LittleEndian(b[58..]);
        if (entry != 0 || phoff != 0 || phentsize != 0 || phnum != 0 || ehsize != HeaderSize || shentsize != SectionHeaderSize)
        {
            throw new BcFormatException(BcFormatError.BadHeaderField, $"header fields e_entry={entry}, e_phoff={phoff}, e_phentsize={phentsize}, e_phnum={phnum}, e_ehsize={ehsize}, e_shentsize={shentsize}; expected 0, 0, 0, 0, 64, 64", offset: 24);
        }

        shoff = BinaryPrimitives.ReadUInt64LittleEndian(b[40..]);
        shnum = BinaryPrimitives.ReadUInt16LittleEndian(b[60..]);
        shstrndx = BinaryPrimitives.ReadUInt16LittleEndian(b[62..]);
        if (shnum == 0 || shnum >= ShnLoReserve || shoff < HeaderSize || !BcModuleValidator.Fits(shoff, (ulong)shnum * SectionHeaderSize, (ulong)b.Length))
        {
            throw new BcFormatException(BcFormatError.BadSectionTable, $"section header table ({shnum} entries at 0x{shoff:X}) does not lie inside the {b.Length}-byte file", offset: 40);
        }

        if (shstrndx == 0 || shstrndx >= shnum)
        {
            throw new BcFormatException(BcFormatError.BadStringTable, $"e_shstrndx {shstrndx} is not a section index below {shnum}", offset: 62);
        }

        return target;
    }

    private ElfSection[] ReadSections(ulong shoff, int shnum, int shstrndx)
    {
        var raw = new ElfSection[shnum];
        for (int i = 0; i < shnum; i++)
        {
            long at = (long)shoff + ((long)i * SectionHeaderSize);
            var h = _bytes.AsSpan((int)at, SectionHeaderSize);
            var section = new ElfSection(
                i,
                "",
                BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[24..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[32..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[40..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[44..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[48..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[56..]));
            if (i == 0)
            {
                if (h.ContainsAnyExcept((byte)0))
                {
                    throw new BcFormatException(BcFormatError.BadSectionTable, "section 0 is not the all-zero null section", offset: at);
                }
            }
            else if (section.Type != ShtNobits && !BcModuleValidator.Fits(section.Offset, section.Size, (ulong)_bytes.Length))
            {
                throw new BcFormatException(BcFormatError.BadSectionBounds, $"section #{i} data (0x{section.Size:X} bytes at 0x{section.Offset:X}) lies outside the {_bytes.Length}-byte file", offset: at + 24);
            }
            else if (section.Align != 0 && !BcModuleValidator.IsPowerOfTwo(section.Align))
            {
                throw new BcFormatException(BcFormatError.BadSectionBounds, $"section #{i} alignment {section.Align} is not a power of two", offset: at + 48);
            }
            else if (BinaryPrimitives.ReadUInt64LittleEndian(h[16..]) != 0)
            {
                throw new BcFormatException(BcFormatError.BadSectionAttributes, $"section #{i} has a load address; .bcbin sections are unplaced (sh_addr 0)", offset: at + 16);
            }

            raw[i] = section;
        }

        var shstrtab = raw[shstrndx];
        if (shstrtab.Type != ShtStrtab)
        {
            throw new BcFormatException(BcFormatError.BadStringTable, $"section #{shstrndx} named by e_shstrndx is not SHT_STRTAB", offset: (long)shoff + (shstrndx * SectionHeaderSize));
        }

        // e_shstrndx names the section name table by definition; call it that in messages before names exist.
        var names = new StringTable(this, shstrtab with { Name = ".shstrtab" }, "section name table");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i < shnum; i++)
        {
            long at = (long)shoff + ((long)i * SectionHeaderSize);
            string name = names.Get(BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan((int)at)), $"name of section #{i}");
            if (name.Length == 0 || !seen.Add(name))
            {
                throw new BcFormatException(BcFormatError.UnexpectedSection, $"section #{i} has an empty or duplicate name '{name}'", offset: at);
            }

            raw[i] = raw[i] with { Name = name };
        }

        if (raw[shstrndx].Name != ".shstrtab")
        {
            throw new BcFormatException(BcFormatError.BadStringTable, $"e_shstrndx names section '{raw[shstrndx].Name}', not .shstrtab");
        }

        return raw;
    }
}

/// <summary>A bounds-checked little-endian view of one section.</summary>
internal readonly struct SectionData(ElfImage image, ElfSection section, BcFormatError error, int length)
{
    public int Length => length;

    public uint U32(long position) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(position, 4, "a 32-bit field"));

    public ushort U16(long position) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(position, 2, "a 16-bit field"));

    public ulong U64(long position) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(position, 8, "a 64-bit field"));

    public byte U8(long position) => Slice(position, 1, "a byte")[0];

    public ReadOnlySpan<byte> Slice(long position, long count, string what)
    {
        if (position < 0 || count < 0 || position > length || count > length - position)
        {
            throw Fail($"{what} at section offset {position} (+{count} bytes) runs past the {length}-byte section", position);
        }

        return image.Span((long)section.Offset + position, (int)count);
    }

    public BcFormatException Fail(string message, long position, BcFormatError? code = null) =>
        new(code ?? error, message, section.Name.Length > 0 ? section.Name : $"#{section.Index}", (long)section.Offset + Math.Clamp(position, 0, length));
}

/// <summary>
/// A checked ELF string table. Decoded strings are cached by offset, and the bytes decoded for distinct
/// offsets are budgeted, so crafted tables cannot make the reader allocate far more than the file's size.
/// </summary>
internal sealed class StringTable
{
    private readonly SectionData _data;
    private readonly string _what;
    private readonly Dictionary<uint, string> _cache = [];
    private long _budget;

    public StringTable(ElfImage image, ElfSection section, string what)
    {
        _data = image.Data(section, BcFormatError.BadStringIndex);
        _what = what;
        var bytes = _data.Slice(0, _data.Length, what);
        if (section.Type != ShtStrtab || bytes.Length == 0 || bytes[0] != 0 || bytes[^1] != 0)
        {
            throw _data.Fail($"{what} is not a SHT_STRTAB that starts and ends with NUL", 0, BcFormatError.BadStringTable);
        }

        _budget = (4L * bytes.Length) + 4096;
    }

    public string Get(uint offset, string use)
    {
        if (_cache.TryGetValue(offset, out var cached))
        {
            return cached;
        }

        if (offset >= (uint)_data.Length)
        {
            throw _data.Fail($"{use}: string offset {offset} is outside the {_data.Length}-byte {_what}", _data.Length);
        }

        var rest = _data.Slice(offset, _data.Length - offset, use);
        var bytes = rest[..rest.IndexOf((byte)0)];
        _budget -= bytes.Length + 1;
        if (_budget < 0)
        {
            throw _data.Fail($"{use}: strings of the {_what} overlap far beyond its size", offset);
        }

        string value;
        try
        {
            value = ElfLayout.StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw _data.Fail($"{use}: string at offset {offset} is not valid UTF-8", offset);
        }

        _cache[offset] = value;
        return value;
    }
}
