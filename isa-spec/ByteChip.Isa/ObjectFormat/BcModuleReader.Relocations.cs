using static ByteChip.Isa.ObjectFormat.ElfLayout;

namespace ByteChip.Isa.ObjectFormat;

public static partial class BcModuleReader
{
    private sealed partial class ModuleParser
    {
        /// <summary>Reads <c>.bc.lines</c> into the kernels' rows and returns the source file names.</summary>
        private List<string> ReadLines(List<KernelDraft> kernels)
        {
            var files = new List<string>();
            if (!_single.TryGetValue(Role.Lines, out var section))
            {
                return files;
            }

            var data = image.Data(section, BcFormatError.BadLineTable);
            CheckVersion(data);
            uint fileCount = data.U32(4);
            uint tableCount = data.U32(8);
            if (data.U16(12) != LineTableHeaderSize || data.U16(14) != LineRowSize || fileCount > (uint)data.Length / 4 || tableCount > (uint)kernels.Count)
            {
                throw data.Fail($"header says {fileCount} files, {tableCount} tables, {data.U16(12)}-byte table headers and {data.U16(14)}-byte rows; expected {LineTableHeaderSize}/{LineRowSize} and counts that fit", 4);
            }

            long at = MetaHeaderSize;
            for (int i = 0; i < fileCount; i++, at += 4)
            {
                files.Add(_strings.Get(data.U32(at), $"source file #{i}"));
            }

            long previousKernel = -1;
            for (int t = 0; t < tableCount; t++)
            {
                uint kernel = data.U32(at);
                uint rows = data.U32(at + 4);
                if (kernel <= previousKernel || kernel >= kernels.Count || rows == 0 || rows > (data.Length - at - LineTableHeaderSize) / LineRowSize)
                {
                    throw data.Fail($"line table {t} (kernel {kernel}, {rows} rows) must name a later kernel below {kernels.Count} and fit in the section", at);
                }

                at += LineTableHeaderSize;
                var lines = kernels[(int)kernel].Lines;
                for (int r = 0; r < rows; r++, at += LineRowSize)
                {
                    lines.Add(new BcLineEntry(data.U32(at), data.U32(at + 4), data.U32(at + 8), data.U32(at + 12)));
                }

                previousKernel = kernel;
            }

            if (at != data.Length)
            {
                throw data.Fail($"{data.Length - at} bytes follow the last line table", at);
            }

            return files;
        }

        /// <summary>Reads every <c>.rela.*</c> section into the relocations of the kernel or global it patches.</summary>
        private void ReadRelocations(List<KernelDraft> kernels, List<GlobalDraft> globals)
        {
            var byText = kernels.ToDictionary(k => k.Text.Index);
            // Zero-size globals own no bytes, so they can neither overlap nor hold a relocation.
            var initialized = globals.Where(g => !g.Header.IsZeroFilled && g.Header.Size > 0).OrderBy(g => g.Header.Offset).ToArray();
            for (int i = 1; i < initialized.Length; i++)
            {
                var (prev, cur) = (initialized[i - 1].Header, initialized[i].Header);
                if (cur.Offset - prev.Offset < prev.Size)
                {
                    throw new BcFormatException(BcFormatError.BadObjectExtent, $"global '{cur.Name}' at {cur.Offset} overlaps '{prev.Name}'", BcElf.DataSection);
                }
            }

            var starts = initialized.Select(g => g.Header.Offset).ToArray();
            foreach (var section in image.Sections.Where(s => s.Index != 0 && _roles[s.Index] == Role.Rela))
            {
                var data = image.Data(section, BcFormatError.BadRelocation);
                var target = image.Sections[(int)section.Info];
                bool isText = _roles[target.Index] == Role.Text;
                for (long at = 0; at < data.Length; at += RelaSize)
                {
                    ulong offset = data.U64(at);
                    ulong info = data.U64(at + 8);
                    long addend = (long)data.U64(at + 16);
                    ulong symbolIndex = info >> 32;
                    uint type = (uint)info;
                    if (symbolIndex == 0 || symbolIndex >= (ulong)_symbols.Length || _symbols[symbolIndex].Type != SttObject)
                    {
                        throw data.Fail($"relocation at 0x{offset:X} refers to symbol {symbolIndex}, which is no global or constant", at + 8);
                    }

                    string symbol = _symbols[symbolIndex].Name;
                    if (isText)
                    {
                        if (type is not (BcElf.RelocImmLo32 or BcElf.RelocImmHi32) || offset % 8 != 0 || offset >= target.Size)
                        {
                            throw data.Fail($"code relocation type {type} at 0x{offset:X} must be IMM_LO32/IMM_HI32 at an instruction of the {target.Size}-byte {target.Name}", at);
                        }

                        byText[target.Index].Relocations.Add(new BcRelocation((BcRelocationKind)type, offset / 8, symbol, addend));
                        continue;
                    }

                    // Starts are strictly increasing (no overlaps), so the owner is the last global starting at or before the offset.
                    int owner = Array.BinarySearch(starts, offset);
                    owner = owner >= 0 ? owner : ~owner - 1;
                    if (type != BcElf.RelocAbs64 || owner < 0 || !BcModuleValidator.Fits(offset - starts[owner], 8, initialized[owner].Header.Size))
                    {
                        throw data.Fail($"data relocation type {type} at 0x{offset:X} must be ABS64 with 8 bytes inside one initialized global", at);
                    }

                    initialized[owner].Relocations.Add(new BcRelocation(BcRelocationKind.Abs64, offset - starts[owner], symbol, addend));
                }
            }
        }
    }
}
