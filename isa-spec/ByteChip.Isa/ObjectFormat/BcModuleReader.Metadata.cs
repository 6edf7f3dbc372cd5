using System.Buffers.Binary;
using static ByteChip.Isa.ObjectFormat.ElfLayout;

namespace ByteChip.Isa.ObjectFormat;

public static partial class BcModuleReader
{
    private sealed class KernelDraft
    {
        public required BcKernel Header { get; init; }

        public required ElfSection Text { get; init; }

        public List<BcRelocation> Relocations { get; } = [];

        public List<BcLineEntry> Lines { get; } = [];

        public BcKernel Build() => Header with { Relocations = Relocations, Lines = Lines };
    }

    private sealed class GlobalDraft
    {
        public required BcGlobal Header { get; init; }

        public List<BcRelocation> Relocations { get; } = [];

        public BcGlobal Build() => Header with { Relocations = Relocations };
    }

    private sealed partial class ModuleParser
    {
        private List<BcConstant> ReadObjects(out List<GlobalDraft> globals)
        {
            var objects = _symbols.Skip(1).Where(s => s.Type == SttObject).ToList();
            var alignments = ReadAlignments(objects);
            var constants = new List<BcConstant>();
            globals = [];
            ulong initializedBytes = 0;
            foreach (var symbol in objects)
            {
                uint alignment = alignments[symbol.Index];
                var role = _roles[symbol.Section.Index];
                if (alignment > Math.Max(1, symbol.Section.Align))
                {
                    throw new BcFormatException(BcFormatError.BadObjectMetadata, $"'{symbol.Name}' has alignment {alignment}, more than its section's {symbol.Section.Align}", symbol.Section.Name);
                }

                if (role == Role.Const)
                {
                    constants.Add(new BcConstant(symbol.Name, symbol.Value, symbol.Size, alignment));
                    continue;
                }

                byte[]? initializer = null;
                if (role == Role.Data)
                {
                    // Overlapping globals could make the copies below far larger than the file; refuse before copying.
                    initializedBytes += symbol.Size;
                    if (initializedBytes > symbol.Section.Size)
                    {
                        throw new BcFormatException(BcFormatError.BadObjectExtent, $"the initialized globals up to '{symbol.Name}' cover more bytes than the section holds, so some overlap", symbol.Section.Name);
                    }

                    initializer = image.Data(symbol.Section, BcFormatError.BadObjectExtent).Slice((long)symbol.Value, (long)symbol.Size, $"initializer of '{symbol.Name}'").ToArray();
                }

                globals.Add(new GlobalDraft
                {
                    Header = new BcGlobal { Name = symbol.Name, Offset = symbol.Value, Size = symbol.Size, Alignment = alignment, Initializer = initializer },
                });
            }

            return constants;
        }

        private Dictionary<int, uint> ReadAlignments(List<Symbol> objects)
        {
            var result = new Dictionary<int, uint>();
            if (!_single.TryGetValue(Role.Objects, out var section))
            {
                return objects.Count == 0 ? result : throw new BcFormatException(BcFormatError.MissingSection, $"section {BcElf.ObjectsSection} is missing but there are {objects.Count} object symbols", BcElf.ObjectsSection);
            }

            var data = image.Data(section, BcFormatError.BadObjectMetadata);
            CheckVersion(data);
            uint count = data.U32(4);
            if (data.U32(8) != ObjectRecordSize || data.U32(12) != 0 || (ulong)data.Length != MetaHeaderSize + ((ulong)count * ObjectRecordSize) || count != objects.Count)
            {
                throw data.Fail($"header says {count} records of {data.U32(8)} bytes; expected {objects.Count} records of {ObjectRecordSize} bytes filling the section", 4);
            }

            for (int i = 0; i < objects.Count; i++)
            {
                long at = MetaHeaderSize + ((long)i * ObjectRecordSize);
                uint symbol = data.U32(at);
                uint alignment = data.U32(at + 4);
                if (symbol != objects[i].Index || !BcModuleValidator.IsPowerOfTwo(alignment))
                {
                    throw data.Fail($"record {i} (symbol {symbol}, alignment {alignment}) must name object symbol {objects[i].Index} with a power-of-two alignment", at);
                }

                result[(int)symbol] = alignment;
            }

            return result;
        }

        private List<KernelDraft> ReadKernels(ElfSection section)
        {
            var data = image.Data(section, BcFormatError.BadKernelMetadata);
            CheckVersion(data);
            uint kernelCount = data.U32(4);
            uint paramCount = data.U32(8);
            ulong expected = MetaHeaderSize + ((ulong)kernelCount * KernelRecordSize) + ((ulong)paramCount * ParamRecordSize);
            if (data.U16(12) != KernelRecordSize || data.U16(14) != ParamRecordSize || expected != (ulong)data.Length || kernelCount > BcModuleValidator.MaxKernels)
            {
                throw data.Fail($"header says {kernelCount} kernels ({data.U16(12)}-byte records) and {paramCount} parameters ({data.U16(14)}-byte records); expected {KernelRecordSize}/{ParamRecordSize}-byte records filling the {data.Length}-byte section", 4);
            }

            var kernels = new List<KernelDraft>((int)kernelCount);
            var claimed = new HashSet<int>();
            long paramBase = MetaHeaderSize + ((long)kernelCount * KernelRecordSize);
            uint nextParam = 0;
            for (int k = 0; k < kernelCount; k++)
            {
                long at = MetaHeaderSize + ((long)k * KernelRecordSize);
                string name = _strings.Get(data.U32(at), $"name of kernel #{k}");
                uint mangledOffset = data.U32(at + 4);
                string? mangled = mangledOffset == 0 ? null : _strings.Get(mangledOffset, $"mangled name of kernel #{k}");
                uint textIndex = data.U32(at + 8);
                uint symbolIndex = data.U32(at + 12);
                uint flags = data.U32(at + 36);
                uint firstParam = data.U32(at + 40);
                uint count = data.U32(at + 44);
                var text = textIndex < image.Sections.Count && _roles.TryGetValue((int)textIndex, out var role) && role == Role.Text ? image.Sections[(int)textIndex] : null;
                var symbol = symbolIndex != 0 && symbolIndex < _symbols.Length ? _symbols[symbolIndex] : null;
                string symbolName = mangled ?? name;
                if (text is null || !claimed.Add(text.Index) || symbol is null || symbol.Type != SttFunc || symbol.Section != text
                    || symbol.Name != symbolName || text.Name != BcElf.TextSectionPrefix + symbolName)
                {
                    throw data.Fail($"kernel #{k} '{name}' must name its own text section and function symbol '{symbolName}' (has section {textIndex}, symbol {symbolIndex})", at);
                }

                if ((flags & ~KernelFlagDynamicShared) != 0 || firstParam != nextParam || count > paramCount - nextParam)
                {
                    throw data.Fail($"kernel #{k} '{name}': flags 0x{flags:X} or parameter range {firstParam}+{count} is invalid (next parameter {nextParam} of {paramCount})", at + 36);
                }

                nextParam += count;
                var parameters = new BcParameter[count];
                for (int p = 0; p < count; p++)
                {
                    parameters[p] = ReadParameter(data, paramBase + ((firstParam + p) * (long)ParamRecordSize), name);
                }

                kernels.Add(new KernelDraft
                {
                    Text = text,
                    Header = new BcKernel
                    {
                        Name = name,
                        MangledName = mangled,
                        Code = ReadCode(text),
                        Parameters = parameters,
                        RegistersPerThread = data.U32(at + 16),
                        PredicatesUsed = data.U32(at + 20),
                        StaticSharedBytes = data.U32(at + 24),
                        LocalBytesPerThread = data.U32(at + 28),
                        MaxThreadsPerBlock = data.U32(at + 32),
                        UsesDynamicShared = (flags & KernelFlagDynamicShared) != 0,
                    },
                });
            }

            if (nextParam != paramCount || _symbols.Count(s => s is { Type: SttFunc }) != kernels.Count || _roles.Values.Count(r => r == Role.Text) != kernels.Count)
            {
                throw data.Fail($"{kernels.Count} kernel records must use all {paramCount} parameter records, every function symbol and every text section", 0);
            }

            return kernels;
        }

        private BcParameter ReadParameter(SectionData data, long at, string kernel)
        {
            string name = _strings.Get(data.U32(at), $"parameter name of kernel '{kernel}'");
            byte kind = data.U8(at + 16);
            byte space = data.U8(at + 17);
            if (kind > (byte)BcParameterKind.Pointer || space > (byte)BcAddressSpace.Constant || data.U16(at + 18) != 0)
            {
                throw data.Fail($"parameter '{name}' of kernel '{kernel}' has kind {kind}, address space {space} or nonzero reserved bytes", at + 16);
            }

            return new BcParameter(name, data.U32(at + 4), data.U32(at + 8), data.U32(at + 12), (BcParameterKind)kind, (BcAddressSpace)space);
        }

        private ulong[] ReadCode(ElfSection text)
        {
            var bytes = image.Data(text, BcFormatError.BadSectionBounds).Slice(0, (long)text.Size, "code");
            var code = new ulong[bytes.Length / 8];
            for (int i = 0; i < code.Length; i++)
            {
                code[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]);
            }

            return code;
        }

        private static void CheckVersion(SectionData data)
        {
            uint version = data.U32(0);
            if (version != BcElf.MetadataVersion)
            {
                throw data.Fail($"metadata version {version}; this reader understands version {BcElf.MetadataVersion}", 0, BcFormatError.MetadataVersionMismatch);
            }
        }
    }
}
