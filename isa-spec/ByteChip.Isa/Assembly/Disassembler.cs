using System.Globalization;
using System.Text;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Isa.Assembly;

/// <summary>
/// Turns a module back into assembly text that <see cref="Assembler"/> reads to the same bytes: directives for
/// data and metadata, labels at branch targets, <c>/*address*/</c> prefixes and encodings in comments, source
/// positions as <c>.loc</c>, undecodable words as <c>.word</c>.
/// </summary>
public static class Disassembler
{
    public sealed record Options(bool ShowEncoding = true, bool ShowAddresses = true)
    {
        /// <summary>When set, each <c>.loc</c> is followed by the source line it names, as a comment.</summary>
        public Func<string, int, string?>? SourceLine { get; init; }
    }

    public static string Disassemble(BcModule module, Options? options = null)
    {
        options ??= new Options();
        var sb = new StringBuilder();
        var target = module.Target == TargetArch.N4 ? "n4" : "n5";
        sb.Append(".target ").Append(target).Append('\n');
        for (int f = 0; f < module.SourceFiles.Count; f++)
        {
            sb.Append(".file ").Append(f).Append(" \"").Append(module.SourceFiles[f]).Append("\"\n");
        }
        var constData = module.ConstantData.Span;
        foreach (var c in module.Constants.OrderBy(c => c.Offset))
        {
            sb.Append($".const {Quote(c.Name)} {c.Size} {c.Alignment} at {c.Offset}");
            AppendBytes(sb, constData.Slice((int)c.Offset, (int)c.Size));
            sb.Append('\n');
        }
        foreach (var g in module.Globals)
        {
            sb.Append($".global {Quote(g.Name)} {g.Size} {g.Alignment} at {g.Offset}");
            if (!g.IsZeroFilled)
            {
                AppendBytes(sb, g.InitializerSpan);
            }
            sb.Append('\n');
            foreach (var r in g.Relocations)
            {
                sb.Append($".globalreloc {Quote(g.Name)} {r.Offset} {Quote(r.Symbol)} {r.Addend}\n");
            }
        }
        foreach (var k in module.Kernels)
        {
            sb.Append('\n');
            AppendKernel(sb, k, options, module.SourceFiles);
        }
        return sb.ToString();
    }

    private static void AppendBytes(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        sb.Append(" =");
        foreach (var b in bytes)
        {
            sb.Append(' ').Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
    }

    private static string Quote(string name) => name.Any(c => char.IsWhiteSpace(c) || c is ',' or '"' or '#' or '/') ? "\"" + name + "\"" : name;

    private static void AppendKernel(StringBuilder sb, BcKernel k, Options options, IReadOnlyList<string> files)
    {
        sb.Append(".kernel ").Append(Quote(k.Name));
        if (k.MangledName is { } m)
        {
            sb.Append(" mangled ").Append(Quote(m));
        }
        sb.Append('\n');
        sb.Append("    .registers ").Append(k.RegistersPerThread).Append('\n');
        if (k.StaticSharedBytes != 0)
        {
            sb.Append("    .shared ").Append(k.StaticSharedBytes).Append('\n');
        }
        if (k.LocalBytesPerThread != 0)
        {
            sb.Append("    .local ").Append(k.LocalBytesPerThread).Append('\n');
        }
        if (k.MaxThreadsPerBlock != 0)
        {
            sb.Append("    .maxthreads ").Append(k.MaxThreadsPerBlock).Append('\n');
        }
        if (k.UsesDynamicShared)
        {
            sb.Append("    .dynshared\n");
        }
        foreach (var p in k.Parameters)
        {
            sb.Append($"    .param {Quote(p.Name.Length == 0 ? $"_p{p.Offset}" : p.Name)} {p.Size} {p.Alignment}");
            if (p.Kind == BcParameterKind.Pointer)
            {
                sb.Append(" ptr ").Append(p.AddressSpace.ToString().ToLowerInvariant());
            }
            sb.Append(" at ").Append(p.Offset).Append('\n');
        }
        var code = k.Code;
        var decoded = new Instruction[code.Count];
        var valid = new bool[code.Count];
        var targets = new SortedSet<long>();
        for (int n = 0; n < code.Count; n++)
        {
            valid[n] = InstructionCodec.TryDecode(code[n], out decoded[n]) == DecodeStatus.Ok;
            if (valid[n] && decoded[n].Form.Operands.Any(o => o.Kind == OperandKind.Target))
            {
                long t = 8L * n + 8 + 8L * unchecked((int)decoded[n].Imm);
                if (t >= 0 && t <= 8L * code.Count)
                {
                    targets.Add(t);
                }
            }
        }
        string? LabelOf(long address) => targets.Contains(address) ? $".L{address:x4}" : null;
        var relocs = k.Relocations.ToDictionary(r => r.Offset);
        (uint File, uint Line) shown = (uint.MaxValue, 0);
        var lines = k.Lines.ToDictionary(l => l.InstructionIndex);
        for (int n = 0; n <= code.Count; n++)
        {
            long address = 8L * n;
            if (LabelOf(address) is { } label)
            {
                sb.Append(label).Append(":\n");
            }
            if (n == code.Count)
            {
                break;
            }
            if (lines.TryGetValue((uint)n, out var loc))
            {
                sb.Append($"    .loc {loc.FileIndex} {loc.Line} {loc.Column}");
                if (options.SourceLine is { } source && (loc.FileIndex, loc.Line) != shown && loc.FileIndex < files.Count
                    && source(files[(int)loc.FileIndex], (int)loc.Line) is { Length: > 0 } text)
                {
                    shown = (loc.FileIndex, loc.Line);
                    sb.Append("    // ").Append(Path.GetFileName(files[(int)loc.FileIndex])).Append(':').Append(loc.Line).Append(": ").Append(text);
                }
                sb.Append('\n');
            }
            sb.Append("    ");
            if (options.ShowAddresses)
            {
                sb.Append("/*").Append(address.ToString("x4", CultureInfo.InvariantCulture)).Append("*/ ");
            }
            int start = sb.Length;
            if (!valid[n])
            {
                sb.Append(".word 0x").Append(code[n].ToString("x16", CultureInfo.InvariantCulture));
                var status = InstructionCodec.TryDecode(code[n], out _);
                sb.Append("    // not an instruction: ").Append(InstructionCodec.Describe(status)).Append('\n');
                continue;
            }
            string? immediate = null;
            if (relocs.TryGetValue((ulong)n, out var r))
            {
                var addend = r.Addend == 0 ? "" : r.Addend > 0 ? $"+{r.Addend}" : $"{r.Addend}";
                immediate = $"{(r.Kind == BcRelocationKind.ImmHi32 ? "%hi" : "%lo")}({r.Symbol}{addend})";
            }
            InstructionPrinter.Append(sb, decoded[n], address, LabelOf, immediate);
            if (options.ShowEncoding)
            {
                int width = sb.Length - start;
                sb.Append(' ', Math.Max(1, 44 - width)).Append("// 0x").Append(code[n].ToString("x16", CultureInfo.InvariantCulture));
            }
            sb.Append('\n');
        }
        sb.Append(".end\n");
    }
}
