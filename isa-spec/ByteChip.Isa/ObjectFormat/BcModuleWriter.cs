using System.Buffers.Binary;
using static ByteChip.Isa.ObjectFormat.ElfLayout;

namespace ByteChip.Isa.ObjectFormat;

/// <summary>
/// Writes a <see cref="BcModule"/> as a <c>.bcbin</c> ELF64 relocatable object. Output is deterministic:
/// the same model always gives the same bytes. The layout is documented in <c>isa-spec/docs/binary-format.md</c>.
/// </summary>
public static class BcModuleWriter
{
    /// <summary>Validates the module (<see cref="BcModuleValidator"/>) and returns the file's bytes.</summary>
    /// <exception cref="BcFormatException">The module breaks a format rule (BC62xx).</exception>
    public static byte[] Write(BcModule module)
    {
        BcModuleValidator.Validate(module);
        return new Builder(module).Build();
    }

    /// <summary>Writes the module to a file.</summary>
    public static void WriteFile(BcModule module, string path) => File.WriteAllBytes(path, Write(module));

    private sealed record Section(string Name, uint Type, ulong Flags, ulong Align, ulong EntSize)
    {
        public byte[] Data { get; set; } = [];

        public ulong NoBitsSize { get; set; }

        public uint Link { get; set; }

        public uint Info { get; set; }

        public ulong Offset { get; set; }
    }

    private sealed class Builder(BcModule module)
    {
        private readonly StringTableBuilder _strtab = new();
        private readonly List<Section> _sections = [new("", ShtNull, 0, 0, 0)];
        private readonly Dictionary<string, uint> _symbolIndex = new(StringComparer.Ordinal);

        public byte[] Build()
        {
            // Symbol indices are fixed first: kernels, constants, globals (index 0 is the null symbol).
            uint next = 1;
            foreach (var kernel in module.Kernels)
            {
                _symbolIndex[kernel.SymbolName] = next++;
            }

            foreach (var name in module.Constants.Select(c => c.Name).Concat(module.Globals.Select(g => g.Name)))
            {
                _symbolIndex[name] = next++;
            }

            var textSections = new int[module.Kernels.Count];
            var relaSections = new List<Section>();
            for (int k = 0; k < module.Kernels.Count; k++)
            {
                var kernel = module.Kernels[k];
                textSections[k] = Add(new Section(BcElf.TextSectionPrefix + kernel.SymbolName, ShtProgbits, ShfAlloc | ShfExecInstr, 8, 0) { Data = Code(kernel) });
                if (kernel.Relocations.Count > 0)
                {
                    var rela = Rela(kernel.Relocations.Select(r => ((ulong)r.Offset * 8, r)));
                    relaSections.Add(_sections[Add(new Section(".rela" + BcElf.TextSectionPrefix + kernel.SymbolName, ShtRela, ShfInfoLink, 8, RelaSize) { Data = rela, Info = (uint)textSections[k] })]);
                }
            }

            int constIndex = Add(new Section(BcElf.ConstSection, ShtProgbits, ShfAlloc, SegmentAlign(module.Constants.Select(c => c.Alignment)), 0) { Data = module.ConstantData.ToArray() });
            var initialized = module.Globals.Where(g => !g.IsZeroFilled).ToList();
            var zeroFilled = module.Globals.Where(g => g.IsZeroFilled).ToList();
            int dataIndex = Add(new Section(BcElf.DataSection, ShtProgbits, ShfAlloc | ShfWrite, SegmentAlign(initialized.Select(g => g.Alignment)), 0) { Data = Data(initialized) });
            var dataRelocs = initialized.SelectMany(g => g.Relocations.Select(r => (g.Offset + r.Offset, r))).ToList();
            if (dataRelocs.Count > 0)
            {
                relaSections.Add(_sections[Add(new Section(".rela" + BcElf.DataSection, ShtRela, ShfInfoLink, 8, RelaSize) { Data = Rela(dataRelocs), Info = (uint)dataIndex })]);
            }

            int bssIndex = Add(new Section(BcElf.BssSection, ShtNobits, ShfAlloc | ShfWrite, SegmentAlign(zeroFilled.Select(g => g.Alignment)), 0)
            {
                NoBitsSize = zeroFilled.Select(g => g.Offset + g.Size).DefaultIfEmpty(0UL).Max(),
            });

            var kernels = Add(new Section(BcElf.KernelsSection, ShtProgbits, 0, 8, 0) { Data = KernelMetadata(textSections) });
            Add(new Section(BcElf.ObjectsSection, ShtProgbits, 0, 8, 0) { Data = ObjectMetadata() });
            var lines = Add(new Section(BcElf.LinesSection, ShtProgbits, 0, 8, 0) { Data = LineTable() });
            int symtabIndex = Add(new Section(".symtab", ShtSymtab, 0, 8, SymbolSize) { Data = SymbolTable(textSections, constIndex, dataIndex, bssIndex), Info = 1 });
            int strtabIndex = Add(new Section(".strtab", ShtStrtab, 0, 1, 0) { Data = _strtab.ToArray() });
            _sections[symtabIndex].Link = (uint)strtabIndex;
            _sections[kernels].Link = (uint)strtabIndex;
            _sections[lines].Link = (uint)strtabIndex;
            foreach (var rela in relaSections)
            {
                rela.Link = (uint)symtabIndex;
            }

            int shstrtabIndex = Add(new Section(".shstrtab", ShtStrtab, 0, 1, 0));
            var shstrtab = new StringTableBuilder();
            var names = _sections.Select(s => shstrtab.Add(s.Name)).ToArray();
            _sections[shstrtabIndex].Data = shstrtab.ToArray();
            if (_sections.Count >= ShnLoReserve)
            {
                throw new BcFormatException(BcFormatError.LimitExceeded, $"{_sections.Count} sections exceed the ELF limit of {ShnLoReserve - 1}");
            }

            return Emit(names, shstrtabIndex);
        }

        private int Add(Section section)
        {
            _sections.Add(section);
            return _sections.Count - 1;
        }

        private static ulong SegmentAlign(IEnumerable<uint> alignments) => Math.Max(8UL, alignments.DefaultIfEmpty(1U).Max());

        private static byte[] Code(BcKernel kernel)
        {
            var bytes = new byte[kernel.CodeSpan.Length * 8];
            var code = kernel.CodeSpan;
            for (int i = 0; i < code.Length; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), code[i]);
            }

            return bytes;
        }

        private static byte[] Data(List<BcGlobal> initialized)
        {
            var bytes = new byte[(int)initialized.Select(g => g.Offset + g.Size).DefaultIfEmpty(0UL).Max()];
            foreach (var global in initialized)
            {
                global.InitializerSpan.CopyTo(bytes.AsSpan((int)global.Offset));
            }

            return bytes;
        }

        private byte[] Rela(IEnumerable<(ulong Offset, BcRelocation Reloc)> relocations)
        {
            var buffer = new ByteBuffer();
            foreach (var (offset, reloc) in relocations)
            {
                buffer.U64(offset);
                buffer.U64(((ulong)_symbolIndex[reloc.Symbol] << 32) | (uint)reloc.Kind);
                buffer.I64(reloc.Addend);
            }

            return buffer.ToArray();
        }

        private byte[] KernelMetadata(int[] textSections)
        {
            var buffer = new ByteBuffer();
            buffer.U32(BcElf.MetadataVersion);
            buffer.U32((uint)module.Kernels.Count);
            buffer.U32((uint)module.Kernels.Sum(k => (long)k.Parameters.Count));
            buffer.U16(KernelRecordSize);
            buffer.U16(ParamRecordSize);
            uint firstParam = 0;
            for (int k = 0; k < module.Kernels.Count; k++)
            {
                var kernel = module.Kernels[k];
                buffer.U32(_strtab.Add(kernel.Name));
                buffer.U32(kernel.MangledName is null ? 0 : _strtab.Add(kernel.MangledName));
                buffer.U32((uint)textSections[k]);
                buffer.U32(_symbolIndex[kernel.SymbolName]);
                buffer.U32(kernel.RegistersPerThread);
                buffer.U32(kernel.PredicatesUsed);
                buffer.U32(kernel.StaticSharedBytes);
                buffer.U32(kernel.LocalBytesPerThread);
                buffer.U32(kernel.MaxThreadsPerBlock);
                buffer.U32(kernel.UsesDynamicShared ? KernelFlagDynamicShared : 0);
                buffer.U32(firstParam);
                buffer.U32((uint)kernel.Parameters.Count);
                firstParam += (uint)kernel.Parameters.Count;
            }

            foreach (var p in module.Kernels.SelectMany(k => k.Parameters))
            {
                buffer.U32(_strtab.Add(p.Name));
                buffer.U32(p.Offset);
                buffer.U32(p.Size);
                buffer.U32(p.Alignment);
                buffer.U8((byte)p.Kind);
                buffer.U8((byte)p.AddressSpace);
                buffer.U16(0);
            }

            return buffer.ToArray();
        }

        private byte[] ObjectMetadata()
        {
            var buffer = new ByteBuffer();
            var alignments = module.Constants.Select(c => c.Alignment).Concat(module.Globals.Select(g => g.Alignment)).ToList();
            buffer.U32(BcElf.MetadataVersion);
            buffer.U32((uint)alignments.Count);
            buffer.U32(ObjectRecordSize);
            buffer.U32(0);
            uint symbol = (uint)module.Kernels.Count + 1;
            foreach (uint alignment in alignments)
            {
                buffer.U32(symbol++);
                buffer.U32(alignment);
            }

            return buffer.ToArray();
        }

        private byte[] LineTable()
        {
            var buffer = new ByteBuffer();
            var tables = module.Kernels.Select((k, i) => (Kernel: k, Index: i)).Where(t => t.Kernel.Lines.Count > 0).ToList();
            buffer.U32(BcElf.MetadataVersion);
            buffer.U32((uint)module.SourceFiles.Count);
            buffer.U32((uint)tables.Count);
            buffer.U16(LineTableHeaderSize);
            buffer.U16(LineRowSize);
            foreach (var file in module.SourceFiles)
            {
                buffer.U32(_strtab.Add(file));
            }

            foreach (var (kernel, index) in tables)
            {
                buffer.U32((uint)index);
                buffer.U32((uint)kernel.Lines.Count);
                foreach (var row in kernel.Lines)
                {
                    buffer.U32(row.InstructionIndex);
                    buffer.U32(row.FileIndex);
                    buffer.U32(row.Line);
                    buffer.U32(row.Column);
                }
            }

            return buffer.ToArray();
        }

        private byte[] SymbolTable(int[] textSections, int constIndex, int dataIndex, int bssIndex)
        {
            var buffer = new ByteBuffer();
            buffer.Zeros(SymbolSize);
            void Symbol(string name, byte type, int section, ulong value, ulong size)
            {
                buffer.U32(_strtab.Add(name));
                buffer.U8((byte)((StbGlobal << 4) | type));
                buffer.U8(0);
                buffer.U16((ushort)section);
                buffer.U64(value);
                buffer.U64(size);
            }

            for (int k = 0; k < module.Kernels.Count; k++)
            {
                Symbol(module.Kernels[k].SymbolName, SttFunc, textSections[k], 0, module.Kernels[k].CodeBytes);
            }

            foreach (var c in module.Constants)
            {
                Symbol(c.Name, SttObject, constIndex, c.Offset, c.Size);
            }

            foreach (var g in module.Globals)
            {
                Symbol(g.Name, SttObject, g.IsZeroFilled ? bssIndex : dataIndex, g.Offset, g.Size);
            }

            return buffer.ToArray();
        }

        private byte[] Emit(uint[] names, int shstrtabIndex)
        {
            long offset = HeaderSize;
            foreach (var section in _sections.Skip(1))
            {
                offset = AlignUp(offset, FileAlignment);
                section.Offset = (ulong)offset;
                offset += section.Data.Length;
            }

            long sectionTable = AlignUp(offset, FileAlignment);
            long total = sectionTable + ((long)_sections.Count * SectionHeaderSize);
            if (total > Array.MaxLength)
            {
                throw new BcFormatException(BcFormatError.LimitExceeded, $"the file would be {total} bytes; at most {Array.MaxLength} can be written");
            }

            var bytes = new byte[total];
            var span = bytes.AsSpan();
            "\u007FELF"u8.CopyTo(span);
            span[4] = ClassElf64;
            span[5] = DataLsb;
            span[6] = VersionCurrent;
            span[7] = OsAbiNone;
            BinaryPrimitives.WriteUInt16LittleEndian(span[16..], BcElf.FileType);
            BinaryPrimitives.WriteUInt16LittleEndian(span[18..], BcElf.Machine);
            BinaryPrimitives.WriteUInt32LittleEndian(span[20..], VersionCurrent);
            BinaryPrimitives.WriteUInt64LittleEndian(span[40..], (ulong)sectionTable);
            BinaryPrimitives.WriteUInt32LittleEndian(span[48..], BcElf.HeaderFlags(module.Target));
            BinaryPrimitives.WriteUInt16LittleEndian(span[52..], HeaderSize);
            BinaryPrimitives.WriteUInt16LittleEndian(span[58..], SectionHeaderSize);
            BinaryPrimitives.WriteUInt16LittleEndian(span[60..], (ushort)_sections.Count);
            BinaryPrimitives.WriteUInt16LittleEndian(span[62..], (ushort)shstrtabIndex);
            for (int i = 0; i < _sections.Count; i++)
            {
                var s = _sections[i];
                s.Data.CopyTo(span[(int)s.Offset..]);
                var header = span.Slice((int)sectionTable + (i * SectionHeaderSize), SectionHeaderSize);
                if (i == 0)
                {
                    continue;
                }

                BinaryPrimitives.WriteUInt32LittleEndian(header, names[i]);
                BinaryPrimitives.WriteUInt32LittleEndian(header[4..], s.Type);
                BinaryPrimitives.WriteUInt64LittleEndian(header[8..], s.Flags);
                BinaryPrimitives.WriteUInt64LittleEndian(header[24..], s.Offset);
                BinaryPrimitives.WriteUInt64LittleEndian(header[32..], s.Type == ShtNobits ? s.NoBitsSize : (ulong)s.Data.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(header[40..], s.Link);
                BinaryPrimitives.WriteUInt32LittleEndian(header[44..], s.Info);
                BinaryPrimitives.WriteUInt64LittleEndian(header[48..], s.Align);
                BinaryPrimitives.WriteUInt64LittleEndian(header[56..], s.EntSize);
            }

            return bytes;
        }

        private static long AlignUp(long value, int alignment) => (value + alignment - 1) & ~(long)(alignment - 1);
    }
}
