using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ByteChip.Tools.Bcgolden;

/// <summary>The outcome of one golden file: pass or fail, the failure report, the expectation files blessing rewrote.</summary>
public sealed record CaseResult(string Case, bool Passed, string Report, IReadOnlyList<string> Blessed, TimeSpan Elapsed)
{
    /// <summary>The XFAIL reason when the case failed as its XFAIL line expects.</summary>
    public string? ExpectedFailure { get; init; }
}

/// <summary>
/// The golden-output regression suite: every <c>.cu</c>, <c>.s</c> and <c>.ll</c> file under the root (except in
/// <c>Inputs</c> and <c>data</c> folders) is a case whose RUN lines say what to run and how to check it. Paths of the
/// root are shown relative to it in every output, so expectations do not depend on where the checkout is.
/// </summary>
public sealed class GoldenSuite
{
    /// <summary>Extensions of test files.</summary>
    public static readonly string[] Extensions = [".cu", ".s", ".ll"];

    private static readonly string[] s_skippedFolders = ["Inputs", "data"];
    private static readonly bool s_trace = Environment.GetEnvironmentVariable("BCGOLDEN_TRACE") is { Length: > 0 } t && t != "0";

    /// <summary>Creates the suite over <paramref name="root"/>; <paramref name="bless"/> rewrites precise expectations that differ.</summary>
    public GoldenSuite(string root, bool bless)
    {
        Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        Bless = bless;
    }

    /// <summary>The folder of the suite.</summary>
    public string Root { get; }

    /// <summary>Whether precise expectations are rewritten instead of failing.</summary>
    public bool Bless { get; }

    /// <summary>Whether <c>BYTECHIP_BLESS</c> asks for blessing (any value but empty and 0).</summary>
    public static bool BlessRequested => Environment.GetEnvironmentVariable("BYTECHIP_BLESS") is { Length: > 0 } v && v != "0";

    /// <summary>
    /// The suite's folder: <c>BYTECHIP_GOLDEN_DIR</c>, else the source folder recorded when bcgolden was built,
    /// else <c>tests/golden</c> above the working directory.
    /// </summary>
    public static string DefaultRoot()
    {
        if (Environment.GetEnvironmentVariable("BYTECHIP_GOLDEN_DIR") is { Length: > 0 } env)
        {
            return env;
        }
        var recorded = typeof(GoldenSuite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ByteChip.GoldenRoot")?.Value;
        if (recorded is not null && Directory.Exists(recorded))
        {
            return recorded;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "golden");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine("tests", "golden");
    }

    /// <summary>The cases (relative paths with '/'), in order; <paramref name="filter"/> keeps those whose path contains it.</summary>
    public IReadOnlyList<string> Discover(string? filter = null)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }
        return Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(r => !r.Split('/').SkipLast(1).Any(s_skippedFolders.Contains))
            .Where(r => filter is null || r.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Runs one case: every RUN line in order; the first failing line ends the case.</summary>
    public CaseResult Run(string relativePath)
    {
        var clock = Stopwatch.StartNew();
        var blessed = new List<string>();
        string? failure;
        GoldenFile? file = null;
        try
        {
            file = GoldenFile.Load(Path.Combine(Root, relativePath), Root);
            failure = RunFile(file, blessed);
        }
        catch (GoldenException e)
        {
            failure = $"{relativePath}: error: {e.Message}\n";
        }
        if (file?.ExpectedFailure is { } reason)
        {
            return failure is null
                ? new CaseResult(relativePath, false, $"{relativePath}: error: unexpectedly passed (XPASS); the XFAIL line says: {reason}\n", blessed, clock.Elapsed)
                : new CaseResult(relativePath, true, failure, blessed, clock.Elapsed) { ExpectedFailure = reason };
        }
        return new CaseResult(relativePath, failure is null, failure ?? "", blessed, clock.Elapsed);
    }

    private string? RunFile(GoldenFile file, List<string> blessed)
    {
        if (file.RunLines.Count == 0)
        {
            return $"{file.RelativePath}: error: no RUN lines (every file of the suite is a test)\n";
        }
        var pipelines = file.RunLines.Select(r => RunPipeline.Parse(r.Text, r.Line, file)).ToList();
        var names = pipelines.Where(p => p.Sink.Kind == SinkKind.Precise).GroupBy(p => p.Sink.Name ?? "").FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
        {
            throw new GoldenException($"{file.RelativePath}: two precise RUN lines write the same expectation; name them ('precise NAME')");
        }
        foreach (var p in pipelines)
        {
            if (RunPipelineOf(file, p, blessed) is { } failure)
            {
                return $"{file.RelativePath}:{p.Line}: RUN: {Normalize(p.Text)}\n{failure}";
            }
        }
        return null;
    }

    private string? RunPipelineOf(GoldenFile file, RunPipeline p, List<string> blessed)
    {
        string where = $"{file.RelativePath}:{p.Line}";
        ToolOutput? output = null;
        for (int i = 0; i < p.Commands.Count; i++)
        {
            var command = p.Commands[i];
            var toolClock = Stopwatch.StartNew();
            output = InProcessTools.Run(command, output, file, where);
            if (s_trace)
            {
                Console.Error.WriteLine($"bcgolden: {where}: {command.Tool}: {toolClock.Elapsed.TotalMilliseconds:F0} ms");
            }
            output = output with { Stdout = Normalize(output.Stdout), Stderr = Normalize(output.Stderr) };
            int wanted = command.ExpectFailure ? 1 : 0;
            if (output.ExitCode != wanted)
            {
                string what = output.ExitCode >= 2 ? "crashed (internal error)" : $"exited with {output.ExitCode}";
                return $"{command.Tool} {what}, expected exit code {wanted}{(command.ExpectFailure ? " (a reported user error)" : "")}\n" +
                    $"standard error:\n{DiagnosticExpectations.Indent(output.Stderr)}standard output:\n{DiagnosticExpectations.Indent(output.Stdout)}";
            }
            if (command.ExpectFailure && i + 1 < p.Commands.Count)
            {
                throw new GoldenException($"{where}: a 'not' tool can only be the last tool of the pipe");
            }
        }
        var last = output!;
        string text = p.Sink.IncludeStderr ? last.Stdout + last.Stderr : last.Stdout;
        return p.Sink.Kind switch
        {
            SinkKind.FileCheck => FileCheck.Run(text, file.CheckDirectives(p.Sink.Prefixes), file.RelativePath, p.Sink.Prefixes),
            SinkKind.Precise => Precise(file, p.Sink.Name, text, blessed),
            SinkKind.Verify => DiagnosticExpectations.Verify(file, last.Stderr),
            _ => null,
        };
    }

    /// <summary>The expectation file of a precise RUN line: <c>FILE.expected</c> or <c>FILE.NAME.expected</c>.</summary>
    public static string ExpectationPath(string testPath, string? name) => testPath + (name is null ? "" : "." + name) + ".expected";

    private string? Precise(GoldenFile file, string? name, string actual, List<string> blessed)
    {
        string path = ExpectationPath(file.FullPath, name);
        string shown = Path.GetRelativePath(Root, path).Replace('\\', '/');
        bool exists = File.Exists(path);
        string expected = exists ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (exists && expected == actual)
        {
            return null;
        }
        string diff = UnifiedDiff.Create(expected, actual, shown + (exists ? "" : " (missing)"), "actual output");
        if (Bless)
        {
            File.WriteAllText(path, actual);
            blessed.Add($"{(exists ? "updated" : "created")} {shown}\n{diff}");
            return null;
        }
        return (exists ? $"the output differs from {shown}" : $"{shown} does not exist") +
            " (BYTECHIP_BLESS=1 or bcgolden --bless rewrites it):\n" + diff;
    }

    /// <summary>Shows paths under the root relative to it and uses '\n' line ends.</summary>
    public string Normalize(string text)
    {
        var sb = new StringBuilder(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        sb.Replace(Root + Path.DirectorySeparatorChar, "");
        if (Path.DirectorySeparatorChar != '/')
        {
            sb.Replace(Root.Replace(Path.DirectorySeparatorChar, '/') + "/", "");
        }
        sb.Replace(Root, ".");
        return sb.ToString();
    }
}
