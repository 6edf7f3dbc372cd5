using System.Globalization;
using System.Text.RegularExpressions;
using ByteChip.Tools.Bcrun;

namespace ByteChip.Tools.Bcgolden;

/// <summary>A directive line of a golden file: its 1-based line number and the text after the directive's colon.</summary>
public sealed record DirectiveLine(int Line, string Text);

/// <summary>
/// The directives of one golden test file, read from comments in the file's own syntax (<c>//</c> for .cu and .s,
/// <c>;</c> for .ll): <c>RUN:</c> lines (a trailing <c>\</c> continues on the next RUN line), FileCheck lines for any
/// prefix, <c>expected-error</c>/<c>expected-warning</c> annotations and a <c>TOLERANCE:</c> rule for execution.
/// </summary>
public sealed partial class GoldenFile
{
    private GoldenFile(string path, string relativePath, string[] lines, string root)
    {
        SamplesFolder = Path.GetFullPath(Path.Combine(root, "..", "..", "samples"));
        FullPath = path;
        RelativePath = relativePath;
        Lines = lines;
    }

    /// <summary>The absolute path of the file.</summary>
    public string FullPath { get; }

    /// <summary>The path relative to the golden root with '/' separators: the case's name.</summary>
    public string RelativePath { get; }

    /// <summary>The checkout's <c>samples</c> folder (<c>%{samples}</c>): the suite's root is <c>tests/golden</c>.</summary>
    public string SamplesFolder { get; }

    /// <summary>The file's lines (line n is <c>Lines[n - 1]</c>).</summary>
    public string[] Lines { get; }

    /// <summary>The RUN lines, continuation lines joined; <see cref="DirectiveLine.Line"/> is the first line.</summary>
    public IReadOnlyList<DirectiveLine> RunLines { get; private set; } = [];

    /// <summary>
    /// <c>XFAIL: reason</c>: the case documents a known bug and is expected to fail; it counts as passing while it
    /// fails and as failing once it passes (then the XFAIL line should go).
    /// </summary>
    public string? ExpectedFailure { get; private set; }

    /// <summary>The execution tolerance for floating-point outputs (exact when absent).</summary>
    public Tolerance Tolerance { get; private set; } = Tolerance.Exact;

    /// <summary>The comment markers directives may follow in this file.</summary>
    public static string CommentPattern(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ll" => ";",
        _ => "//",
    };

    /// <summary>Reads a golden file; throws <see cref="GoldenException"/> when a directive is malformed.</summary>
    public static GoldenFile Load(string path, string root)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var file = new GoldenFile(path, relative, lines, root);
        file.ReadDirectives();
        return file;
    }

    private void ReadDirectives()
    {
        var comment = Regex.Escape(CommentPattern(FullPath));
        var run = new Regex(comment + @"\s*RUN:(.*)$");
        var tolerance = new Regex(comment + @"\s*TOLERANCE:(.*)$");
        var xfail = new Regex(comment + @"\s*XFAIL:(.*)$");
        var runs = new List<DirectiveLine>();
        DirectiveLine? pending = null;
        for (int i = 0; i < Lines.Length; i++)
        {
            var m = run.Match(Lines[i]);
            if (!m.Success)
            {
                if (pending is not null)
                {
                    throw new GoldenException($"{RelativePath}:{pending.Line}: the RUN line ends with '\\' but the next line is not a RUN line");
                }
                if (xfail.Match(Lines[i]) is { Success: true } x)
                {
                    ExpectedFailure = x.Groups[1].Value.Trim() is { Length: > 0 } reason ? reason : throw new GoldenException($"{RelativePath}:{i + 1}: XFAIL needs a reason (the bug it documents)");
                }
                var t = tolerance.Match(Lines[i]);
                if (t.Success)
                {
                    try
                    {
                        Tolerance = Tolerance.Parse(t.Groups[1].Value);
                    }
                    catch (FormatException e)
                    {
                        throw new GoldenException($"{RelativePath}:{i + 1}: TOLERANCE: {e.Message}");
                    }
                }
                continue;
            }
            string text = m.Groups[1].Value.Trim();
            bool continues = text.EndsWith('\\');
            if (continues)
            {
                text = text[..^1].TrimEnd();
            }
            pending = pending is null ? new DirectiveLine(i + 1, text) : pending with { Text = pending.Text + " " + text };
            if (!continues)
            {
                runs.Add(pending);
                pending = null;
            }
        }
        if (pending is not null)
        {
            throw new GoldenException($"{RelativePath}:{pending.Line}: the last RUN line ends with '\\'");
        }
        RunLines = runs;
    }

    /// <summary>The FileCheck directives of the given prefixes, in file order.</summary>
    public List<CheckDirective> CheckDirectives(IReadOnlyCollection<string> prefixes)
    {
        var comment = Regex.Escape(CommentPattern(FullPath));
        // Longest first, so that a prefix that begins another (N4, N4-O2) does not take its directives.
        var alternatives = string.Join("|", prefixes.OrderByDescending(p => p.Length).Select(Regex.Escape));
        var pattern = new Regex(comment + @".*?(?<![\w-])(?<prefix>" + alternatives + @")(?<kind>-NEXT|-NOT|-LABEL|-DAG|-SAME|-EMPTY|-COUNT-\d+)?:(?<text>.*)$");
        var misspelled = new Regex(comment + @".*?(?<![\w-])(?:" + alternatives + @")-[A-Z0-9-]*:");
        // Prefixes that other RUN lines of the file use are not misspellings (N4-O2: with N4).
        var known = RunLines.SelectMany(r => CheckPrefixOption().Matches(r.Text)).SelectMany(m => m.Groups[1].Value.Split(',')).ToHashSet(StringComparer.Ordinal);
        var list = new List<CheckDirective>();
        for (int i = 0; i < Lines.Length; i++)
        {
            var m = pattern.Match(Lines[i]);
            if (!m.Success)
            {
                if (misspelled.Match(Lines[i]) is { Success: true } bad && !known.Any(k => KnownPrefixAt(bad.Value, k)))
                {
                    throw new GoldenException($"{RelativePath}:{i + 1}: unknown check directive '{bad.Value[(bad.Value.LastIndexOfAny([' ', '/', ';']) + 1)..]}'");
                }
                continue;
            }
            string kindText = m.Groups["kind"].Value;
            int count = 1;
            var kind = kindText switch
            {
                "" => CheckKind.Plain,
                "-NEXT" => CheckKind.Next,
                "-NOT" => CheckKind.Not,
                "-LABEL" => CheckKind.Label,
                "-DAG" => CheckKind.Dag,
                "-SAME" => CheckKind.Same,
                "-EMPTY" => CheckKind.Empty,
                _ => CheckKind.Count,
            };
            if (kind == CheckKind.Count)
            {
                count = int.Parse(kindText["-COUNT-".Length..], CultureInfo.InvariantCulture);
            }
            string spelling = m.Groups["prefix"].Value + kindText;
            list.Add(new CheckDirective(i + 1, kind, spelling, m.Groups["text"].Value.Trim(), count, m.Groups["prefix"].Value));
        }
        return list;
    }

    // Whether a directive-like word (N4-O2:) is a directive of another prefix the file's RUN lines use.
    private static bool KnownPrefixAt(string match, string prefix)
    {
        string word = match[(match.LastIndexOfAny([' ', '/', ';']) + 1)..^1];
        return word.StartsWith(prefix, StringComparison.Ordinal) && DirectiveSuffix().IsMatch(word[prefix.Length..]);
    }

    [GeneratedRegex(@"^(?:-NEXT|-NOT|-LABEL|-DAG|-SAME|-EMPTY|-COUNT-\d+)?$")]
    private static partial Regex DirectiveSuffix();

    [GeneratedRegex(@"--check-prefix(?:es)?=(\S+)")]
    private static partial Regex CheckPrefixOption();

    /// <summary>The expected diagnostics written into the file (clang -verify style).</summary>
    public List<ExpectedDiagnostic> ExpectedDiagnostics()
    {
        var list = new List<ExpectedDiagnostic>();
        for (int i = 0; i < Lines.Length; i++)
        {
            foreach (Match m in ExpectationPattern().Matches(Lines[i]))
            {
                var at = m.Groups["at"];
                string? file = null;
                int? line = i + 1;
                if (at.Success)
                {
                    string where = at.Value;
                    if (where == "*")
                    {
                        line = null;
                    }
                    else if (where[0] is '+' or '-')
                    {
                        line = i + 1 + int.Parse(where, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    }
                    else if (int.TryParse(where, NumberStyles.None, CultureInfo.InvariantCulture, out int absolute))
                    {
                        line = absolute;
                    }
                    else
                    {
                        int colon = where.LastIndexOf(':');
                        if (colon <= 0 || !int.TryParse(where[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int l))
                        {
                            throw new GoldenException($"{RelativePath}:{i + 1}: malformed location '@{where}' (use @+N, @-N, @N, @FILE:N or @*)");
                        }
                        file = where[..colon];
                        line = l;
                    }
                }
                string? text = m.Groups["text"].Success ? m.Groups["text"].Value : null;
                list.Add(new ExpectedDiagnostic(i + 1, m.Groups["severity"].Value, file, line, m.Groups["code"].Value, text));
            }
        }
        return list;
    }

    /// <summary>True when the file says it expects no diagnostics at all.</summary>
    public bool ExpectsNoDiagnostics => Lines.Any(l => l.Contains("expected-no-diagnostics", StringComparison.Ordinal));

    [GeneratedRegex(@"expected-(?<severity>error|warning)(?:@(?<at>\*|[+-]\d+|[^\s]+))?\s+(?<code>BC\d{4})(?:\s+\{\{(?<text>.*?)\}\})?")]
    private static partial Regex ExpectationPattern();
}

/// <summary>The kinds of FileCheck directive.</summary>
public enum CheckKind
{
    Plain,
    Next,
    Not,
    Label,
    Dag,
    Same,
    Empty,
    Count,
}

/// <summary>One FileCheck directive: where it is, its kind, how it is spelled (<c>N5-NEXT</c>), its pattern text, its prefix (<c>N5</c>).</summary>
public sealed record CheckDirective(int Line, CheckKind Kind, string Spelling, string Pattern, int Count, string Prefix = "CHECK");

/// <summary>An <c>expected-error</c>/<c>expected-warning</c>: the line it is written on, the line (and file) it expects, the code and text.</summary>
/// <param name="WrittenOn">The line of the annotation.</param>
/// <param name="Severity">error or warning.</param>
/// <param name="File">null for the test file itself, else a path relative to the test file's folder.</param>
/// <param name="Line">The expected line, or null for anywhere (<c>@*</c>, also diagnostics without a location).</param>
/// <param name="Code">BC####.</param>
/// <param name="Text">Text the message must contain, or null.</param>
public sealed record ExpectedDiagnostic(int WrittenOn, string Severity, string? File, int? Line, string Code, string? Text)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{(Line is null ? "*" : $"{(File is null ? "" : File + ":")}{Line}")}: {Severity} {Code}{(Text is null ? "" : $" {{{{{Text}}}}}")}";
}

/// <summary>A problem with a golden file itself (malformed directive, missing input), as opposed to a failing check.</summary>
public sealed class GoldenException(string message) : Exception(message);
