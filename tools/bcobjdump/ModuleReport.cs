using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

/// <summary>The information parts of bcobjdump's output, all as assembly comments.</summary>
internal static class ModuleReport
{
    public static void Headers(TextWriter w, string path, int length, BcModule m)
    {
        var target = m.Target == TargetArch.N4 ? TargetInfo.Find("n4")! : TargetInfo.Find("n5")!;
        w.WriteLine($"// {path}: ELF64 little-endian, machine 0x{BcElf.Machine:X4} (ByteChip), {length} bytes");
        w.WriteLine($"// target {target.Name} (e_flags 0x{BcElf.HeaderFlags(m.Target):x8}): {target.Title}");
        w.WriteLine($"// kernels {m.Kernels.Count}, constant segment {m.ConstantData.Length} bytes ({m.Constants.Count} symbols), globals {m.Globals.Count}, source files {m.SourceFiles.Count}");
        foreach (var s in m.Symbols)
        {
            w.WriteLine($"//   symbol {s.Kind,-8} {s.Name} offset {s.Offset} size {s.Size}");
        }
    }

    public static void Kernels(TextWriter w, BcModule m)
    {
        foreach (var k in m.Kernels)
        {
            w.WriteLine($"// kernel {k.Name}{(k.MangledName is null ? "" : $" ({k.MangledName})")}: {k.Code.Count} instructions, {k.RegistersPerThread} registers, {k.PredicatesUsed} predicates, " +
                $"{k.StaticSharedBytes} static shared bytes{(k.UsesDynamicShared ? " + dynamic" : "")}, {k.LocalBytesPerThread} local bytes/thread, max threads {(k.MaxThreadsPerBlock == 0 ? "target limit" : k.MaxThreadsPerBlock.ToString())}");
            foreach (var p in k.Parameters)
            {
                var what = p.Kind == BcParameterKind.Pointer ? $"pointer ({p.AddressSpace.ToString().ToLowerInvariant()})" : "value";
                w.WriteLine($"//   param {(p.Name.Length == 0 ? "<unnamed>" : p.Name)}: offset {p.Offset}, size {p.Size}, align {p.Alignment}, {what}");
            }
            foreach (var r in k.Relocations)
            {
                w.WriteLine($"//   reloc {r.Kind} at 0x{r.Offset * 8:x4}: {r.Symbol}{(r.Addend == 0 ? "" : $"{r.Addend:+#;-#}")}");
            }
        }
    }

    public static void Lines(TextWriter w, BcModule m)
    {
        foreach (var k in m.Kernels)
        {
            w.WriteLine($"// line table of {k.Name}: {k.Lines.Count} rows");
            foreach (var row in k.Lines)
            {
                var file = row.FileIndex < m.SourceFiles.Count ? m.SourceFiles[(int)row.FileIndex] : $"file#{row.FileIndex}";
                w.WriteLine($"//   0x{row.InstructionIndex * 8:x4}  {file}:{row.Line}:{row.Column}");
            }
        }
    }
}
