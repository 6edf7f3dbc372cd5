using System.Globalization;
using System.Text;
using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Pipeline;
using ByteChip.Isa.Assembly;
using ByteChip.Isa.Diagnostics;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Tools.Bytechipcc;

/// <summary>What the command line asks of a code-generating run.</summary>
internal sealed record CodeGenerationRequest(
    string Input,
    string? Output,
    CompileOptions Options,
    bool Assembly,
    bool EmitLlvm,
    bool ResourceUsage,
    bool DependencyFile,
    string? DependencyPath,
    string? DumpStage,
    DiagnosticFormat Format);

/// <summary>
/// bytechipcc beyond the frontend: compile .cu (or LLVM IR) to a .bcbin, or to assembly (-S, with source lines
/// as comments), or to LLVM IR (--emit-llvm, after optimization); print --resource-usage like
/// <c>nvcc -Xptxas -v</c>; write a make-style dependency file (-MD); dump a stage (--dump-after).
/// </summary>
internal static class CodeGeneration
{
    public static readonly string[] Stages = ["llvm", "opt", "isel", "layout", "regalloc", "asm"];

    public static int Run(CodeGenerationRequest r, TextWriter stdout, TextWriter stderr)
    {
        var stages = new HashSet<string>(StringComparer.Ordinal);
        if (r.DumpStage is { } s && s != "asm")
        {
            stages.Add(s);
        }
        if (r.EmitLlvm)
        {
            stages.Add("opt");
        }
        long compilationStart = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = Compilation.CompileFile(r.Input, r.Options with { DumpStages = stages });
        try
        {
            return Finish(r, result, stdout, stderr);
        }
        finally
        {
            if (result.Timings is { } timings)
            {
                stderr.Write(TimeReport(timings, compilationStart));
            }
        }
    }

    private static int Finish(CodeGenerationRequest r, CompileResult result, TextWriter stdout, TextWriter stderr)
    {
        var text = new StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            DiagnosticFormatter.Append(text, d, r.Format);
        }
        stderr.Write(text.ToString());
        int errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors > 0 && r.Format == DiagnosticFormat.Clang)
        {
            stderr.WriteLine($"{errors} error{(errors == 1 ? "" : "s")} generated.");
        }
        if (!result.Success && r.DumpStage is { } failedStage && result.Dumps.TryGetValue(failedStage, out var partial))
        {
            stdout.Write(partial); // what the stage produced before the failure
        }
        if (result.Diagnostics.Any(d => d.Code == (int)DriverCode.InternalError))
        {
            return 2;
        }
        if (!result.Success)
        {
            return 1;
        }
        var module = result.Module!;
        if (r.DumpStage is { } stage)
        {
            stdout.Write(stage == "asm" ? Listing(module, r.Input) : result.Dumps.GetValueOrDefault(stage, ""));
            return 0;
        }
        string stem = Path.ChangeExtension(Path.GetFileName(r.Input), null);
        string output = r.Output ?? (r.Assembly ? stem + ".s" : r.EmitLlvm ? stem + ".ll" : stem + ".bcbin");
        try
        {
            using var writing = result.Timings?.Measure("write");
            if (output == "-")
            {
                stdout.Write(r.Assembly ? Listing(module, r.Input) : r.EmitLlvm ? result.Dumps["opt"] : throw new IOException("a binary cannot be written to standard output"));
            }
            else if (r.Assembly)
            {
                File.WriteAllText(output, Listing(module, r.Input));
            }
            else if (r.EmitLlvm)
            {
                File.WriteAllText(output, result.Dumps["opt"]);
            }
            else
            {
                File.WriteAllBytes(output, BcModuleWriter.Write(module));
            }
            if (r.DependencyFile)
            {
                var depPath = r.DependencyPath ?? Path.ChangeExtension(output == "-" ? stem : output, ".d");
                File.WriteAllText(depPath, DependencyText(output, result.Dependencies));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"bytechipcc: error BC0007: cannot write '{output}': {e.Message}");
            return 1;
        }
        if (r.ResourceUsage)
        {
            foreach (var k in result.Resources)
            {
                var kernel = module.FindKernel(k.Name);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bytechipcc info: kernel '{k.Name}' for {r.Options.Arch}: {k.Registers} registers, {k.Predicates} predicates, {k.StaticSharedBytes} bytes static shared, " +
                    $"{k.LocalBytes} bytes local ({k.SpilledValues} values spilled, {k.SpillBytes} bytes), {kernel?.Parameters.Sum(p => (long)p.Size) ?? 0} bytes parameters, {k.Instructions} instructions"));
            }
        }
        return 0;
    }

    /// <summary>
    /// The --time-report table: each phase's wall time and share; "driver" is the time from Main to the compilation
    /// (argument parsing; in a framework-dependent build also the JIT of the driver). The runtime's own start-up
    /// before Main is not included (the OS records process start times only to about 10 ms).
    /// </summary>
    public static string TimeReport(Compiler.Backend.PhaseTimings timings, long compilationStart = 0)
    {
        var phases = timings.Phases.ToList();
        if (Program.MainStartTimestamp != 0 && compilationStart > Program.MainStartTimestamp)
        {
            phases.Insert(0, ("driver", System.Diagnostics.Stopwatch.GetElapsedTime(Program.MainStartTimestamp, compilationStart)));
        }
        double total = phases.Where(p => !Compiler.Backend.PhaseTimings.IsPart(p.Phase)).Sum(p => p.Time.TotalMilliseconds);
        var sb = new StringBuilder("===== bytechipcc time report (wall clock) =====\n");
        foreach (var (phase, time) in phases.Append(("total", TimeSpan.FromMilliseconds(total))))
        {
            string name = Compiler.Backend.PhaseTimings.IsPart(phase) ? "  " + phase[(phase.IndexOf('/', StringComparison.Ordinal) + 1)..] : phase;
            sb.Append(CultureInfo.InvariantCulture, $"  {name,-12} {time.TotalMilliseconds,9:F1} ms {100 * time.TotalMilliseconds / Math.Max(total, 1e-9),6:F1} %\n");
        }
        return sb.ToString();
    }

    /// <summary>The -S listing: assembly bcas accepts, with each new source line shown as a comment.</summary>
    public static string Listing(BcModule module, string input)
    {
        var cache = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        string? SourceLine(string file, int line)
        {
            if (!cache.TryGetValue(file, out var lines))
            {
                try
                {
                    lines = File.Exists(file) ? File.ReadAllLines(file) : null;
                }
                catch (IOException)
                {
                    lines = null;
                }
                cache[file] = lines;
            }
            return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : null;
        }
        var header = $"// bytechipcc: {Path.GetFileName(input)}\n";
        return header + Disassembler.Disassemble(module, new Disassembler.Options(ShowEncoding: false, ShowAddresses: false) { SourceLine = SourceLine });
    }

    /// <summary>A make rule: the output depends on the input and every header it included.</summary>
    public static string DependencyText(string output, IEnumerable<string> dependencies)
    {
        static string Escape(string p) => p.Replace(" ", "\\ ", StringComparison.Ordinal);
        var sb = new StringBuilder(Escape(output)).Append(':');
        foreach (var d in dependencies.Distinct())
        {
            sb.Append(" \\\n  ").Append(Escape(d));
        }
        return sb.Append('\n').ToString();
    }
}
