using System.Globalization;
using System.Text.RegularExpressions;

namespace ByteChip.Build;

/// <summary>The severity of a bytechipcc diagnostic.</summary>
public enum CompilerDiagnosticSeverity
{
    Error,
    Warning,
    Note,
}

/// <summary>
/// One line of <c>bytechipcc --diagnostics-format msbuild</c> output: <c>file(line,col): error BC1234: message</c>,
/// or without a location <c>[origin: ]error BC1234: message</c> (driver errors such as a missing file).
/// </summary>
public sealed partial record CompilerDiagnostic(
    CompilerDiagnosticSeverity Severity,
    string Code,
    string Message,
    string? File,
    int Line,
    int Column)
{
    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+)(?:,(?<col>\d+))?(?:,\d+,\d+)?\)\s*:\s*(?<sev>error|warning|note)\s+(?<code>[A-Za-z]+\d+)\s*:\s?(?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocatedForm();

    [GeneratedRegex(@"^(?:(?<origin>[^:()]+):\s+)?(?<sev>error|warning|note)\s+(?<code>[A-Za-z]+\d+)\s*:\s?(?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnlocatedForm();

    /// <summary>Parses one output line; false for anything else (progress text, resource usage, ...).</summary>
    public static bool TryParse(string line, out CompilerDiagnostic diagnostic)
    {
        var text = line.TrimEnd('\r', '\n');
        var m = LocatedForm().Match(text);
        if (m.Success)
        {
            diagnostic = new CompilerDiagnostic(
                SeverityOf(m.Groups["sev"].Value),
                m.Groups["code"].Value,
                m.Groups["msg"].Value,
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
                m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value, CultureInfo.InvariantCulture) : 0);
            return true;
        }
        m = UnlocatedForm().Match(text);
        if (m.Success)
        {
            diagnostic = new CompilerDiagnostic(SeverityOf(m.Groups["sev"].Value), m.Groups["code"].Value, m.Groups["msg"].Value, null, 0, 0);
            return true;
        }
        diagnostic = null!;
        return false;
    }

    private static CompilerDiagnosticSeverity SeverityOf(string text) => text switch
    {
        "error" => CompilerDiagnosticSeverity.Error,
        "warning" => CompilerDiagnosticSeverity.Warning,
        _ => CompilerDiagnosticSeverity.Note,
    };
}
