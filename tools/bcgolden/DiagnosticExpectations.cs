using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ByteChip.Tools.Bcgolden;

/// <summary>A diagnostic as a tool printed it in the clang form (file relative to the golden root).</summary>
public sealed record ReportedDiagnostic(string? File, int Line, int Column, string Severity, string Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{(File is null ? "" : $"{File}:{Line}:{Column}: ")}{Severity} {Code}: {Message}";
}

/// <summary>
/// clang <c>-verify</c> for every tool: the errors and warnings on standard error must be exactly the file's
/// <c>expected-error</c>/<c>expected-warning</c> annotations (same line, code, and a message containing the
/// <c>{{text}}</c>); notes are ignored. <c>expected-no-diagnostics</c> states that there are none.
/// </summary>
public static partial class DiagnosticExpectations
{
    /// <summary>The error and warning lines of clang-form diagnostics output.</summary>
    public static List<ReportedDiagnostic> Parse(string stderr)
    {
        var list = new List<ReportedDiagnostic>();
        foreach (var line in stderr.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var m = LocatedPattern().Match(line);
            if (m.Success)
            {
                list.Add(new ReportedDiagnostic(m.Groups["file"].Value, Number(m.Groups["line"].Value), Number(m.Groups["col"].Value),
                    m.Groups["sev"].Value, m.Groups["code"].Value, m.Groups["msg"].Value));
                continue;
            }
            m = ToolPattern().Match(line);
            if (m.Success)
            {
                list.Add(new ReportedDiagnostic(null, 0, 0, "error", m.Groups["code"].Value, m.Groups["msg"].Value));
            }
        }
        return list;
    }

    /// <summary>Null when the diagnostics are exactly the expected ones; else a report of both differences.</summary>
    public static string? Verify(GoldenFile file, string stderr)
    {
        var expected = file.ExpectedDiagnostics();
        if (expected.Count == 0 && !file.ExpectsNoDiagnostics)
        {
            return $"{file.RelativePath}: error: 'verify' needs expected-error/expected-warning annotations or 'expected-no-diagnostics'";
        }
        var reported = Parse(stderr);
        var unmatched = new List<ReportedDiagnostic>(reported);
        var missing = new List<ExpectedDiagnostic>();
        string dir = Path.GetDirectoryName(file.RelativePath)!.Replace('\\', '/');
        foreach (var e in expected)
        {
            string wantedFile = e.File is null ? file.RelativePath : Normalize(dir.Length == 0 ? e.File : dir + "/" + e.File);
            int hit = unmatched.FindIndex(r =>
                r.Severity == e.Severity && r.Code == e.Code &&
                (e.Line is null || (r.File is not null && Normalize(r.File) == wantedFile && r.Line == e.Line)) &&
                (e.Text is null || r.Message.Contains(e.Text, StringComparison.Ordinal)));
            if (hit < 0)
            {
                missing.Add(e);
            }
            else
            {
                unmatched.RemoveAt(hit);
            }
        }
        if (missing.Count == 0 && unmatched.Count == 0)
        {
            return null;
        }
        var sb = new StringBuilder($"{file.RelativePath}: error: the diagnostics differ from the expectations (- expected, not reported; + reported, not expected):\n");
        foreach (var e in missing)
        {
            sb.Append("- ").Append(e.File is null && e.Line is not null ? file.RelativePath + ":" : "").Append(e).Append(CultureInfo.InvariantCulture, $"   (annotation on line {e.WrittenOn})\n");
        }
        foreach (var r in unmatched)
        {
            sb.Append("+ ").Append(r).Append('\n');
        }
        sb.Append("standard error was:\n").Append(Indent(stderr));
        return sb.ToString();
    }

    /// <summary>Indents every line of <paramref name="text"/> by four spaces.</summary>
    public static string Indent(string text) =>
        text.Length == 0 ? "    (empty)\n" : string.Concat(text.TrimEnd('\n').Split('\n').Select(l => "    " + l + "\n"));

    private static string Normalize(string relative)
    {
        var parts = new List<string>();
        foreach (var p in relative.Split('/'))
        {
            if (p == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (p is not ("." or ""))
            {
                parts.Add(p);
            }
        }
        return string.Join("/", parts);
    }

    private static int Number(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+):(?<col>\d+): (?<sev>error|warning) (?<code>BC\d{4}): (?<msg>.*)$")]
    private static partial Regex LocatedPattern();

    [GeneratedRegex(@"^(?:[\w.<>-]+: )?(?:internal )?error (?<code>BC\d{4}): (?<msg>.*)$")]
    private static partial Regex ToolPattern();
}
