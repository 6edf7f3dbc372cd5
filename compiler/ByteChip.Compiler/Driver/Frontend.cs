using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Semantics;
using ByteChip.Compiler.Syntax;
using ByteChip.Compiler.Syntax.Ast;
using ByteChip.Isa;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Driver;

/// <summary>Options of one frontend run (the subset of bytechipcc's options that the frontend reads).</summary>
public sealed record FrontendOptions
{
    /// <summary><c>n4</c> or <c>n5</c>.</summary>
    public string Arch { get; init; } = "n4";

    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];

    /// <summary><c>-D NAME[=VALUE]</c>.</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    public bool WarningsAsErrors { get; init; }
}

/// <summary>What each frontend stage produced; later stages are null when an earlier one had errors.</summary>
public sealed class FrontendResult(SourceManager sources, DiagnosticBag diagnostics)
{
    public SourceManager Sources { get; } = sources;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public IReadOnlyList<PpToken>? Tokens { get; internal set; }

    public TranslationUnitSyntax? Syntax { get; internal set; }

    /// <summary>The typed model; lower it only when <see cref="SemanticModel.HasErrors"/> is false.</summary>
    public SemanticModel? Model { get; internal set; }

    public bool HasErrors => Diagnostics.HasErrors;

    /// <summary>
    /// Wall time of each stage that ran, in order ("preprocess"; "prelude": finding and parsing the built-in
    /// declarations the file uses; "classify": type names and host code; "parse": the ANTLR parse; "ast"; "sema"),
    /// for --time-report.
    /// </summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes => _stageTimes;

    private readonly List<(string Stage, TimeSpan Time)> _stageTimes = [];

    internal void AddStageTime(string stage, long startTimestamp) =>
        _stageTimes.Add((stage, System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp)));

    /// <summary>
    /// When the frontend's work ended (<see cref="System.Diagnostics.Stopwatch"/> ticks; 0 when it did not start), which
    /// is before <see cref="Frontend.Compile"/> returns when the work alongside it took longer (--time-report).
    /// </summary>
    public long FinishedTimestamp { get; internal set; }

    /// <summary>The diagnostics with their source lines attached, ready for <see cref="DiagnosticFormatter"/>.</summary>
    public IEnumerable<Diagnostic> RenderableDiagnostics => Diagnostics.Items.Select(WithSource);

    private Diagnostic WithSource(Diagnostic d) => d with
    {
        SourceLine = d.Location.IsNone ? null : Sources.GetLine(d.Location.File, d.Location.Line),
        Notes = [.. d.Notes.Select(WithSource)],
    };
}

/// <summary>
/// The frontend pipeline: preprocess → classify and parse → build the AST → semantic analysis. Semantic analysis
/// runs only on a tree without syntax errors, so one typo does not produce a cascade of follow-on errors. Any
/// exception is turned into one internal-error diagnostic (BC0001), never thrown to the caller.
/// </summary>
public static class Frontend
{
    /// <summary>
    /// Compiles the file <paramref name="path"/>. <paramref name="alongside"/>, when given, runs on the calling thread
    /// while the frontend runs on its own (see <see cref="Run"/>) and must not throw; it does not run when the file
    /// cannot be opened.
    /// </summary>
    public static FrontendResult Compile(string path, FrontendOptions options, Action? alongside = null)
    {
        var sources = new SourceManager(options.IncludeDirectories);
        var diagnostics = new DiagnosticBag { WarningsAsErrors = options.WarningsAsErrors };
        var result = new FrontendResult(sources, diagnostics);
        var file = sources.Open(path);
        if (file == null)
        {
            diagnostics.Error((int)DriverCode.InputNotFound, SourceLocation.None, $"no such file or directory: '{path}'");
            return result;
        }
        Run(file, options, result, alongside);
        return result;
    }

    /// <summary>Compiles in-memory <paramref name="text"/> as the file <paramref name="path"/> (tests, fuzzing).</summary>
    public static FrontendResult CompileText(string path, string text, FrontendOptions options, Action? alongside = null)
    {
        var sources = new SourceManager(options.IncludeDirectories);
        var diagnostics = new DiagnosticBag { WarningsAsErrors = options.WarningsAsErrors };
        var result = new FrontendResult(sources, diagnostics);
        Run(sources.AddFile(path, text), options, result, alongside);
        return result;
    }

    /// <summary>
    /// Stages recurse over the input (macro arguments, parse trees, expressions); they run on a thread with a large
    /// stack so that deeply nested but legal input is handled, and the parser caps nesting for the rest.
    /// </summary>
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Runs the stages on their thread and <paramref name="alongside"/> (the compiler loads LLVM there) on this one,
    /// started in that order: creating a thread waits for a library being loaded (the dynamic loader's lock), so
    /// the frontend's thread must exist before the loading begins.
    /// </summary>
    private static void Run(SourceFile file, FrontendOptions options, FrontendResult result, Action? alongside)
    {
        var thread = new Thread(() =>
        {
            RunStages(file, options, result);
            result.FinishedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        }, StackBytes) { Name = "bytechipcc frontend" };
        thread.Start();
        try
        {
            alongside?.Invoke();
        }
        finally
        {
            thread.Join();
        }
    }

    private static void RunStages(SourceFile file, FrontendOptions options, FrontendResult result)
    {
        var diagnostics = result.Diagnostics;
        var target = TargetInfo.Find(options.Arch);
        if (target == null)
        {
            diagnostics.Error((int)DriverCode.UnknownTarget, SourceLocation.None, $"unknown target '{options.Arch}' (expected {string.Join(" or ", TargetInfo.All.Select(t => t.Name))})");
            return;
        }
        try
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            var pp = new Preprocessor.Preprocessor(result.Sources, diagnostics, new PreprocessorOptions { Arch = target.Name, Defines = options.Defines });
            result.Tokens = pp.Run(file);
            result.AddStageTime("preprocess", start);
            start = System.Diagnostics.Stopwatch.GetTimestamp();
            var parse = SyntaxParser.Parse(result.Tokens, diagnostics, (stage, begin) =>
            {
                result.AddStageTime(stage, begin);
                start = System.Diagnostics.Stopwatch.GetTimestamp();
            });
            result.AddStageTime("parse", start);
            start = System.Diagnostics.Stopwatch.GetTimestamp();
            result.Syntax = AstBuilder.Build(parse, diagnostics);
            result.AddStageTime("ast", start);
            if (diagnostics.HasErrors)
            {
                return;
            }
            start = System.Diagnostics.Stopwatch.GetTimestamp();
            result.Model = SemanticAnalyzer.Analyze(result.Syntax, diagnostics, new SemanticOptions { Target = target });
            result.AddStageTime("sema", start);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The report names the failing method; the full trace only with BYTECHIP_DEBUG=1 (never for users by default).
            string where = new System.Diagnostics.StackTrace(ex).GetFrame(0) is { } frame && System.Diagnostics.DiagnosticMethodInfo.Create(frame) is { } m
                ? $" in {m.DeclaringTypeName[(m.DeclaringTypeName.LastIndexOf('.') + 1)..]}.{m.Name}"
                : "";
            string trace = Environment.GetEnvironmentVariable("BYTECHIP_DEBUG") == "1" ? "\n" + ex : "";
            diagnostics.Report(new Diagnostic((int)DriverCode.InternalError, DiagnosticSeverity.Error,
                $"internal compiler error: {ex.GetType().Name}{where}: {ex.Message} (please report this with the input file {file.Path}){trace}", SourceLocation.None));
        }
    }
}
