using System.Diagnostics.CodeAnalysis;
using static ByteChip.Isa.ObjectFormat.ElfLayout;

namespace ByteChip.Isa.ObjectFormat;

/// <summary>
/// Reads a <c>.bcbin</c> into a <see cref="BcModule"/>. Defensive: every offset, size, count, alignment and
/// string index is checked, and the only exception that comes out for bad input is <see cref="BcFormatException"/>.
/// Memory use is bounded by a small multiple of the input size.
/// </summary>
public static partial class BcModuleReader
{
    /// <summary>Reads a module; throws <see cref="BcFormatException"/> saying what is wrong and where.</summary>
    public static BcModule Read(ReadOnlySpan<byte> bytes) => new ModuleParser(new ElfImage(bytes.ToArray())).Parse();

    /// <summary>Reads a module from a file.</summary>
    public static BcModule ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads a module, returning false with the error instead of throwing for bad input.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out BcModule? module, [NotNullWhen(false)] out BcFormatException? error)
    {
        try
        {
            module = Read(bytes);
            error = null;
            return true;
        }
        catch (BcFormatException e)
        {
            module = null;
            error = e;
            return false;
        }
    }

    /// <summary>Reads a module, returning null for bad input.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out BcModule? module) => TryRead(bytes, out module, out _);

    /// <summary>What a section is, decided by its name.</summary>
    private enum Role
    {
        Text,
        Rela,
        Const,
        Data,
        Bss,
        Kernels,
        Objects,
        Lines,
        Symtab,
        Strtab,
        Shstrtab,
    }

    private sealed record Symbol(int Index, string Name, byte Type, ElfSection Section, ulong Value, ulong Size);

    /// <summary>Reads the ByteChip content of a checked ELF image: symbols, relocations, metadata, line table.</summary>
    private sealed partial class ModuleParser(ElfImage image)
    {
        private readonly Dictionary<int, Role> _roles = [];
        private readonly Dictionary<Role, ElfSection> _single = [];
        private StringTable _strings = null!;
        private Symbol[] _symbols = [];

        public BcModule Parse()
        {
            ClassifySections();
            var strtab = Require(Role.Strtab, ".strtab");
            _strings = new StringTable(image, strtab, ".strtab");
            _symbols = ReadSymbols(Require(Role.Symtab, ".symtab"));
            var constants = ReadObjects(out var globals);
            var kernels = ReadKernels(Require(Role.Kernels, BcElf.KernelsSection));
            var sourceFiles = ReadLines(kernels);
            ReadRelocations(kernels, globals);
            var module = new BcModule
            {
                Target = image.Target,
                Kernels = kernels.Select(k => k.Build()).ToList(),
                ConstantData = _single.TryGetValue(Role.Const, out var c) ? image.Data(c, BcFormatError.BadSectionBounds).Slice(0, (long)c.Size, ".bc.const").ToArray() : default,
                Constants = constants,
                Globals = globals.Select(g => g.Build()).ToList(),
                SourceFiles = sourceFiles,
            };
            BcModuleValidator.Validate(module);
            return module;
        }

        private ElfSection Require(Role role, string name) =>
            _single.TryGetValue(role, out var s) ? s : throw new BcFormatException(BcFormatError.MissingSection, $"required section {name} is missing", name);

        private void ClassifySections()
        {
            foreach (var s in image.Sections.Skip(1))
            {
                Role role = s.Name switch
                {
                    BcElf.ConstSection => Role.Const,
                    BcElf.DataSection => Role.Data,
                    BcElf.BssSection => Role.Bss,
                    BcElf.KernelsSection => Role.Kernels,
                    BcElf.ObjectsSection => Role.Objects,
                    BcElf.LinesSection => Role.Lines,
                    ".symtab" => Role.Symtab,
                    ".strtab" => Role.Strtab,
                    ".shstrtab" => Role.Shstrtab,
                    _ when s.Name.StartsWith(BcElf.TextSectionPrefix, StringComparison.Ordinal) && s.Name.Length > BcElf.TextSectionPrefix.Length => Role.Text,
                    _ when s.Name.StartsWith(".rela.", StringComparison.Ordinal) => Role.Rela,
                    _ => throw new BcFormatException(BcFormatError.UnexpectedSection, $"unknown section '{s.Name}'", s.Name),
                };
                _roles[s.Index] = role;
                if (role is not (Role.Text or Role.Rela))
                {
                    _single[role] = s;
                }
            }

            foreach (var s in image.Sections.Skip(1))
            {
                CheckAttributes(s, _roles[s.Index]);
            }
        }

        private void CheckAttributes(ElfSection s, Role role)
        {
            int strtab = _single.TryGetValue(Role.Strtab, out var st) ? st.Index : -1;
            int symtab = _single.TryGetValue(Role.Symtab, out var sy) ? sy.Index : -1;
            var (type, flags, link, entSize) = role switch
            {
                Role.Text => (ShtProgbits, ShfAlloc | ShfExecInstr, 0, 0UL),
                Role.Rela => (ShtRela, ShfInfoLink, symtab, (ulong)RelaSize),
                Role.Const => (ShtProgbits, ShfAlloc, 0, 0UL),
                Role.Data => (ShtProgbits, ShfAlloc | ShfWrite, 0, 0UL),
                Role.Bss => (ShtNobits, ShfAlloc | ShfWrite, 0, 0UL),
                Role.Kernels or Role.Lines => (ShtProgbits, 0UL, strtab, 0UL),
                Role.Objects => (ShtProgbits, 0UL, 0, 0UL),
                Role.Symtab => (ShtSymtab, 0UL, strtab, (ulong)SymbolSize),
                _ => (ShtStrtab, 0UL, 0, 0UL),
            };
            bool ok = s.Type == type && s.Flags == flags && s.Link == (uint)link && s.EntSize == entSize
                && (entSize == 0 || s.Size % entSize == 0)
                && (role != Role.Text || s.Size % 8 == 0)
                && (role is Role.Rela or Role.Symtab || s.Info == 0);
            if (!ok)
            {
                throw new BcFormatException(BcFormatError.BadSectionAttributes, $"type {s.Type}, flags 0x{s.Flags:X}, link {s.Link}, info {s.Info}, entsize {s.EntSize}, size {s.Size}; expected type {type}, flags 0x{flags:X}, link {link}, entsize {entSize}", s.Name, (long)s.Offset);
            }

            if (role == Role.Rela)
            {
                var target = s.Info < image.Sections.Count ? image.Sections[(int)s.Info] : null;
                bool targetOk = target is not null && _roles.TryGetValue(target.Index, out var tr) && tr is Role.Text or Role.Data && s.Name == ".rela" + target.Name;
                if (!targetOk)
                {
                    throw new BcFormatException(BcFormatError.BadSectionAttributes, $"sh_info {s.Info} must name the text or .data section this relocation section is named after", s.Name, (long)s.Offset);
                }
            }
        }

        private Symbol[] ReadSymbols(ElfSection symtab)
        {
            var data = image.Data(symtab, BcFormatError.BadSymbol);
            int count = data.Length / SymbolSize;
            if (count == 0 || symtab.Info != 1 || data.Slice(0, SymbolSize, "the null symbol").ContainsAnyExcept((byte)0))
            {
                throw data.Fail("the symbol table must start with the all-zero null symbol and have sh_info 1 (no local symbols)", 0);
            }

            var symbols = new Symbol[count];
            for (int i = 1; i < count; i++)
            {
                long at = (long)i * SymbolSize;
                string name = _strings.Get(data.U32(at), $"name of symbol #{i}");
                byte info = data.U8(at + 4);
                byte type = (byte)(info & 0xF);
                ushort shndx = data.U16(at + 6);
                ulong value = data.U64(at + 8);
                ulong size = data.U64(at + 16);
                var section = shndx < image.Sections.Count && shndx != 0 ? image.Sections[shndx] : null;
                var role = section is null ? (Role?)null : _roles[section.Index];
                bool ok = name.Length > 0 && info >> 4 == StbGlobal && data.U8(at + 5) == 0 && (type, role) switch
                {
                    (SttFunc, Role.Text) => value == 0 && size == section!.Size,
                    (SttObject, Role.Const or Role.Data or Role.Bss) => BcModuleValidator.Fits(value, size, section!.Size),
                    _ => false,
                };
                if (!ok)
                {
                    throw data.Fail($"symbol #{i} '{name}' (info 0x{info:X2}, section {shndx}, value 0x{value:X}, size 0x{size:X}) must be a global function covering its text section or a global object inside .bc.const/.data/.bss", at);
                }

                symbols[i] = new Symbol(i, name, type, section!, value, size);
            }

            return symbols;
        }
    }
}
