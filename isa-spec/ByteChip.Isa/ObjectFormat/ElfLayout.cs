using System.Buffers.Binary;
using System.Text;

namespace ByteChip.Isa.ObjectFormat;

/// <summary>ELF64 numbers and ByteChip record sizes shared by writer and reader.</summary>
internal static class ElfLayout
{
    public const int HeaderSize = 64;
    public const int SectionHeaderSize = 64;
    public const int SymbolSize = 24;
    public const int RelaSize = 24;
    public const int FileAlignment = 8;

    public const byte ClassElf64 = 2;
    public const byte DataLsb = 1;
    public const byte VersionCurrent = 1;
    public const byte OsAbiNone = 0;

    public const uint ShtNull = 0;
    public const uint ShtProgbits = 1;
    public const uint ShtSymtab = 2;
    public const uint ShtStrtab = 3;
    public const uint ShtRela = 4;
    public const uint ShtNobits = 8;

    public const ulong ShfWrite = 0x1;
    public const ulong ShfAlloc = 0x2;
    public const ulong ShfExecInstr = 0x4;
    public const ulong ShfInfoLink = 0x40;

    public const byte SttObject = 1;
    public const byte SttFunc = 2;
    public const byte StbGlobal = 1;

    /// <summary>First reserved section index; our section count stays below it.</summary>
    public const int ShnLoReserve = 0xFF00;

    // ByteChip metadata records (see isa-spec/docs/binary-format.md).
    public const int MetaHeaderSize = 16;
    public const int KernelRecordSize = 48;
    public const int ParamRecordSize = 20;
    public const int ObjectRecordSize = 8;
    public const int LineTableHeaderSize = 8;
    public const int LineRowSize = 16;
    public const uint KernelFlagDynamicShared = 0x1;

    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

/// <summary>A growable little-endian byte buffer for building sections.</summary>
internal sealed class ByteBuffer
{
    private byte[] _bytes = new byte[256];

    public int Length { get; private set; }

    public void U8(byte value) => Reserve(1)[0] = value;

    public void U16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    public void U32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void U64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void I64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    public void Bytes(ReadOnlySpan<byte> value) => value.CopyTo(Reserve(value.Length));

    public void Zeros(int count) => Reserve(count).Clear();

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public byte[] ToArray() => Span.ToArray();

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        }

        var span = _bytes.AsSpan(Length, count);
        Length += count;
        return span;
    }
}

/// <summary>An ELF string table under construction: NUL first, each distinct string stored once.</summary>
internal sealed class StringTableBuilder
{
    private readonly ByteBuffer _bytes = new();
    private readonly Dictionary<string, uint> _offsets = new(StringComparer.Ordinal);

    public StringTableBuilder()
    {
        _bytes.U8(0);
        _offsets[""] = 0;
    }

    public uint Add(string value)
    {
        if (!_offsets.TryGetValue(value, out uint offset))
        {
            offset = (uint)_bytes.Length;
            _bytes.Bytes(ElfLayout.StrictUtf8.GetBytes(value));
            _bytes.U8(0);
            _offsets[value] = offset;
        }

        return offset;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
