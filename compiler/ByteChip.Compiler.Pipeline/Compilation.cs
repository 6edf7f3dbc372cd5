using ByteChip.Compiler.Backend;
using ByteChip.Compiler.Driver;
using ByteChip.Compiler.IrGen;
using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using ByteChip.Isa.Diagnostics;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Compiler.Pipeline;

/// <summary>Options of one compilation (the flags of bytechipcc).</summary>
public sealed record CompileOptions
{
    public string Arch { get; init; } = "n4";

    /// <summary>0..3; -O2 by default.</summary>
    public int OptimizationLevel { get; init; } = 2;

    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];

    public IReadOnlyList<string> Defines { get; init; } = [];

    public bool WarningsAsErrors { get; init; }

    /// <summary>Registers per thread at most (like -maxrregcount); 0 = the target's limit.</summary>
    public int MaxRegisters { get; init; }

    /// <summary>Schedule instructions against the target's latencies at -O1 and above (false: -fno-schedule-insns).</summary>
    public bool ScheduleInstructions { get; init; } = true;

    /// <summary>Stages whose output is wanted in <see cref="CompileResult.Dumps"/> (tokens, ast, sema, llvm, opt, isel, layout, regalloc, asm).</summary>
    public IReadOnlySet<string> DumpStages { get; init; } = new HashSet<string>();

    /// <summary>Verify every register allocation (slower; on in tests).</summary>
    public bool VerifyRegisterAllocation { get; init; }

    /// <summary>Record the wall time of each phase in <see cref="CompileResult.Timings"/> (--time-report).</summary>
    public bool CollectTimings { get; init; }
}

/// <summary>What a compilation produced.</summary>
public sealed class CompileResult
{
    public List<Diagnostic> Diagnostics { get; } = [];

    public BcModule? Module { get; internal set; }

    public IReadOnlyList<KernelResources> Resources { get; internal set; } = [];

    /// <summary>Files the compilation read (the input and every header), for -MD.</summary>
    public List<string> Dependencies { get; } = [];

    /// <summary>Stage name → text, for the stages asked for in <see cref="CompileOptions.DumpStages"/>.</summary>
    public Dictionary<string, string> Dumps { get; } = new(StringComparer.Ordinal);

    /// <summary>Wall time per phase, when <see cref="CompileOptions.CollectTimings"/> asked for it.</summary>
    public PhaseTimings? Timings { get; internal set; }

    public bool Success => Module is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// The compiler pipeline: source (.cu) → frontend (preprocessor, parser, semantic analysis) → LLVM IR →
/// backend → .bcbin module; or LLVM IR (.ll/.bc, e.g. clang's CUDA device IR) → backend. Every failure is a
/// diagnostic with a stable code and, where known, a source location; nothing throws to the caller.
/// </summary>
public static class Compilation
{
    public static CompileResult CompileFile(string path, CompileOptions options)
    {
        var result = new CompileResult();
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".ll" or ".bc")
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result.Diagnostics.Add(Diagnostic.Error(3, SourceLocation.None, $"cannot read '{path}': {e.Message}"));
                return result;
            }
            result.Dependencies.Add(Path.GetFullPath(path));
            result.Timings = options.CollectTimings ? new PhaseTimings() : null;
            CompileIr(bytes, path, options, result);
            return result;
        }
        result.Timings = options.CollectTimings ? new PhaseTimings() : null;
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        var frontend = Frontend.Compile(path, FrontendOptionsOf(options), PreloadLlvm(options));
        if (result.Timings is { } timings)
        {
            // LLVM loaded while the frontend ran: "frontend" is the frontend's own time, "llvm-load" what of the
            // loading was left when the frontend finished.
            long finished = frontend.FinishedTimestamp != 0 ? frontend.FinishedTimestamp : System.Diagnostics.Stopwatch.GetTimestamp();
            timings.Add("frontend", System.Diagnostics.Stopwatch.GetElapsedTime(start, finished));
            foreach (var (stage, time) in frontend.StageTimes)
            {
                timings.Add("frontend/" + stage, time);
            }
            timings.Add("llvm-load", System.Diagnostics.Stopwatch.GetElapsedTime(finished));
        }
        return FromFrontend(frontend, path, options, result);
    }

    /// <summary>Compiles in-memory CUDA source (tests, the MSBuild task's in-process path).</summary>
    public static CompileResult CompileSource(string path, string text, CompileOptions options) =>
        FromFrontend(Frontend.CompileText(path, text, FrontendOptionsOf(options), PreloadLlvm(options)), path, options, new CompileResult());

    /// <summary>
    /// LLVM's loading and target set-up (~13 ms, about as long as the frontend of a small file) done on the calling
    /// thread while the frontend runs on its own: the machine's second core hides it.
    /// </summary>
    private static Action PreloadLlvm(CompileOptions options) => () => LlvmPreload.Load(options.OptimizationLevel);

    private static FrontendOptions FrontendOptionsOf(CompileOptions o) => new()
    {
        Arch = o.Arch,
        IncludeDirectories = o.IncludeDirectories,
        Defines = o.Defines,
        WarningsAsErrors = o.WarningsAsErrors,
    };

    private static CompileResult FromFrontend(FrontendResult frontend, string path, CompileOptions options, CompileResult result)
    {
        result.Diagnostics.AddRange(frontend.RenderableDiagnostics);
        result.Dependencies.AddRange(frontend.Sources.Files.Select(f => f.Path).Where(p => !p.StartsWith(Preprocessor.SourceManager.BuiltinPrefix, StringComparison.Ordinal)));
        if (frontend.HasErrors || frontend.Model is null || frontend.Model.HasErrors)
        {
            return result;
        }
        var target = TargetInfo.Find(options.Arch)!;
        if (!LoadLlvm(result))
        {
            return result;
        }
        try
        {
            using var context = new LlvmContext();
            LlvmModule generated;
            using (result.Timings?.Measure("irgen"))
            {
                generated = IrGenerator.Generate(frontend.Model, context, path);
            }
            using var module = generated;
            if (module.Verify() is { } broken)
            {
                result.Diagnostics.Add(Diagnostic.Error(BackendErrors.InvalidIr, new SourceLocation(path, 0, 0), $"internal compiler error: the generated LLVM IR does not verify: {FirstLine(broken)}"));
                if (options.DumpStages.Contains("llvm"))
                {
                    result.Dumps["llvm"] = module.Print();
                }
                return result;
            }
            RunBackend(module, target, options, result, path);
        }
        catch (IrGenException e)
        {
            result.Diagnostics.Add(Diagnostic.Error(BackendErrors.UnsupportedInstruction, e.Location, e.Message) with { SourceLine = frontend.Sources.GetLine(e.Location.File, e.Location.Line) });
        }
        return result;
    }

    private static void CompileIr(byte[] bytes, string path, CompileOptions options, CompileResult result)
    {
        var target = TargetInfo.Find(options.Arch);
        if (target is null)
        {
            result.Diagnostics.Add(Diagnostic.Error(2, SourceLocation.None, $"unknown target '{options.Arch}' (expected {string.Join(" or ", TargetInfo.All.Select(t => t.Name))})"));
            return;
        }
        if (!LoadLlvm(result))
        {
            return;
        }
        using var context = new LlvmContext();
        using var module = LlvmModule.Parse(context, bytes, path, out var parseError);
        if (module is null)
        {
            result.Diagnostics.Add(Diagnostic.Error(BackendErrors.InvalidIr, new SourceLocation(path, 1, 1), $"cannot read LLVM IR: {FirstLine(parseError ?? "")}"));
            return;
        }
        if (module.Verify() is { } broken)
        {
            result.Diagnostics.Add(Diagnostic.Error(BackendErrors.InvalidIr, new SourceLocation(path, 1, 1), $"the LLVM IR does not verify: {FirstLine(broken)}"));
            return;
        }
        RunBackend(module, target, options, result, path);
    }

    private static bool LoadLlvm(CompileResult result)
    {
        using (result.Timings?.Measure("llvm-load"))
        {
            if (LlvmLibrary.TryEnsureLoaded(out var llvmError))
            {
                return true;
            }
            result.Diagnostics.Add(Diagnostic.Error(BackendErrors.LlvmUnavailable, SourceLocation.None, llvmError!));
            return false;
        }
    }

    private static void RunBackend(LlvmModule module, TargetInfo target, CompileOptions options, CompileResult result, string path)
    {
        try
        {
            var backend = new BackendOptions(target, options.OptimizationLevel)
            {
                MaxRegisters = options.MaxRegisters,
                ScheduleInstructions = options.ScheduleInstructions,
                VerifyRegisterAllocation = options.VerifyRegisterAllocation,
                Timings = result.Timings,
                Dump = options.DumpStages.Count == 0 ? null : (stage, text) =>
                {
                    string key = stage switch { "llvm-before" => "llvm", "llvm-after" => "opt", _ => stage };
                    if (options.DumpStages.Contains(key))
                    {
                        result.Dumps[key] = result.Dumps.TryGetValue(key, out var old) ? old + "\n" + text : text;
                    }
                },
            };
            var (bc, resources) = CodeGenerator.Compile(module, backend);
            result.Module = bc;
            result.Resources = resources;
        }
        catch (BackendException e)
        {
            var loc = e.Position.IsKnown ? new SourceLocation(e.Position.File, e.Position.Line, e.Position.Column) : new SourceLocation(path, 0, 0);
            result.Diagnostics.Add(Diagnostic.Error(e.Code, loc, e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A backend bug: reported as an internal error naming the input, with the dumps of the stages that ran
            // (--dump-after) still printed, so the failing stage can be inspected.
            string trace = Environment.GetEnvironmentVariable("BYTECHIP_DEBUG") == "1" ? "\n" + e : "";
            result.Diagnostics.Add(Diagnostic.Error((int)DriverCode.InternalError, new SourceLocation(path, 0, 0),
                $"internal compiler error in the backend: {e.GetType().Name}: {e.Message} (please report this with the input file){trace}"));
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? text;
}
