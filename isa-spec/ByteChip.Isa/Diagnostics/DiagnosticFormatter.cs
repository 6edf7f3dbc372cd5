using System.Text;
using System.Text.Json;

namespace ByteChip.Isa.Diagnostics;

/// <summary>The output forms of diagnostics shared by every tool (<c>--diagnostics-format</c>).</summary>
public enum DiagnosticFormat
{
    /// <summary><c>file:line:col: error BC1234: message</c>, then the source line and a caret.</summary>
    Clang,

    /// <summary><c>file(line,col): error BC1234: message</c>, the canonical MSBuild form.</summary>
    MSBuild,

    /// <summary>One JSON object per line.</summary>
    Json,
}

/// <summary>Renders diagnostics as text in one of the <see cref="DiagnosticFormat"/> forms.</summary>
public static class DiagnosticFormatter
{
    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    public static string Format(Diagnostic d, DiagnosticFormat format)
    {
        var sb = new StringBuilder();
        Append(sb, d, format);
        return sb.ToString().TrimEnd('\n');
    }

    public static void Append(StringBuilder sb, Diagnostic d, DiagnosticFormat format)
    {
        switch (format)
        {
            case DiagnosticFormat.Json:
                sb.Append(ToJson(d)).Append('\n');
                return;
            case DiagnosticFormat.MSBuild:
                if (!d.Location.IsNone)
                {
                    sb.Append(d.Location.File).Append('(').Append(d.Location.Line).Append(',').Append(d.Location.Column).Append("): ");
                }
                sb.Append(SeverityText(d.Severity)).Append(' ').Append(d.CodeText).Append(": ").Append(d.Message).Append('\n');
                foreach (var n in d.Notes)
                {
                    Append(sb, n with { Code = d.Code }, format);
                }
                return;
            default:
                if (!d.Location.IsNone)
                {
                    sb.Append(d.Location.File).Append(':').Append(d.Location.Line).Append(':').Append(d.Location.Column).Append(": ");
                }
                sb.Append(SeverityText(d.Severity));
                if (d.Severity != DiagnosticSeverity.Note)
                {
                    sb.Append(' ').Append(d.CodeText);
                }
                sb.Append(": ").Append(d.Message).Append('\n');
                if (d.SourceLine is { } line && d.Location.Column > 0)
                {
                    sb.Append(line).Append('\n');
                    for (int i = 1; i < d.Location.Column && i <= line.Length; i++)
                    {
                        sb.Append(line[i - 1] == '\t' ? '\t' : ' ');
                    }
                    sb.Append("^\n");
                }
                foreach (var n in d.Notes)
                {
                    Append(sb, n, format);
                }
                return;
        }
    }

    /// <summary>One diagnostic as a single-line JSON object (written without reflection, so NativeAOT builds keep it).</summary>
    private static string ToJson(Diagnostic d)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            WriteLocation(w, d);
            w.WriteString("severity", SeverityText(d.Severity));
            w.WriteString("code", d.CodeText);
            w.WriteString("message", d.Message);
            w.WriteStartArray("notes");
            foreach (var n in d.Notes)
            {
                w.WriteStartObject();
                WriteLocation(w, n);
                w.WriteString("message", n.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteLocation(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteString("file", d.Location.File);
        w.WriteNumber("line", d.Location.Line);
        w.WriteNumber("column", d.Location.Column);
    }
}

/// <summary>Parsing of the <c>--diagnostics-format</c> option shared by the tools.</summary>
public static class DiagnosticFormats
{
    public const string Names = "clang|msbuild|json";

    public static bool TryParse(string? text, out DiagnosticFormat format)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "clang":
                format = DiagnosticFormat.Clang;
                return true;
            case "msbuild":
                format = DiagnosticFormat.MSBuild;
                return true;
            case "json":
                format = DiagnosticFormat.Json;
                return true;
            default:
                format = DiagnosticFormat.Clang;
                return false;
        }
    }
}
