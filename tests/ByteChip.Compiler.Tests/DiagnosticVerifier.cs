using System.Text.RegularExpressions;
using ByteChip.Compiler.Driver;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Tests;

/// <summary>
/// clang -verify for bytechipcc: a file states its diagnostics as
/// <c>// expected-error BC3001 {{use of undeclared identifier 'x'}}</c> (or <c>expected-warning</c>) on the line
/// they belong to, or with <c>@+N</c>/<c>@-N</c> for a line nearby. <c>// ARGS: --arch n5 -D X=1 -Werror</c> sets
/// options. Every expected diagnostic must be reported at its line with its code and a message containing the
/// text; every error or warning reported in the file must be expected.
/// </summary>
internal static partial class DiagnosticVerifier
{
    public sealed record Expectation(int Line, DiagnosticSeverity Severity, int Code, string Text);

    [GeneratedRegex(@"expected-(error|warning)(@[+-]\d+)?\s+BC(\d{4})\s+\{\{(.*?)\}\}")]
    private static partial Regex ExpectationPattern();

    public static List<Expectation> Expectations(string text)
    {
        var list = new List<Expectation>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            foreach (Match m in ExpectationPattern().Matches(lines[i]))
            {
                int line = i + 1 + (m.Groups[2].Success ? int.Parse(m.Groups[2].Value[1..], System.Globalization.CultureInfo.InvariantCulture) : 0);
                var severity = m.Groups[1].Value == "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                list.Add(new Expectation(line, severity, int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[4].Value));
            }
        }
        return list;
    }

    public static FrontendOptions Options(string text)
    {
        var options = new FrontendOptions();
        var args = text.Split('\n').Where(l => l.StartsWith("// ARGS:", StringComparison.Ordinal)).SelectMany(l => l[8..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var defines = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--arch":
                    options = options with { Arch = args[++i] };
                    break;
                case "-D":
                    defines.Add(args[++i]);
                    break;
                case "-Werror":
                    options = options with { WarningsAsErrors = true };
                    break;
            }
        }
        return options with { Defines = defines };
    }

    /// <summary>The mismatches between what <paramref name="path"/> expects and what the frontend reports (empty when they agree).</summary>
    public static List<string> Verify(string path)
    {
        string text = File.ReadAllText(path);
        var expected = Expectations(text);
        var result = Frontend.Compile(path, Options(text));
        var actual = result.Diagnostics.Items.Where(d => d.Severity != DiagnosticSeverity.Note).ToList();
        var problems = new List<string>();
        var matched = new HashSet<Diagnostic>();
        foreach (var e in expected)
        {
            var hit = actual.FirstOrDefault(d => !matched.Contains(d) && d.Location.File == path && d.Location.Line == e.Line && d.Severity == e.Severity && d.Code == e.Code && d.Message.Contains(e.Text, StringComparison.Ordinal));
            if (hit == null)
            {
                problems.Add($"line {e.Line}: expected {e.Severity} BC{e.Code:D4} {{{{{e.Text}}}}} was not reported");
            }
            else
            {
                matched.Add(hit);
            }
        }
        foreach (var d in actual.Where(d => !matched.Contains(d)))
        {
            problems.Add($"unexpected: {DiagnosticFormatter.Format(d with { Notes = [] }, DiagnosticFormat.Clang)}");
        }
        return problems;
    }
}
