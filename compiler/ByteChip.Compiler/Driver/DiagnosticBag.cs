using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Driver;

/// <summary>
/// Collects the diagnostics of one compilation across all frontend stages. Every stage reports through
/// <see cref="Report"/> with a code from its own range, so the driver renders them in one order and
/// decides whether a tree may be lowered (<see cref="HasErrors"/>).
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(int Code, SourceLocation Location)> _seen = [];

    /// <summary>Treat warnings as errors (<c>-Werror</c>).</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Stop recording after this many errors; the rest are almost always follow-on noise.</summary>
    public int ErrorLimit { get; init; } = 100;

    public IReadOnlyList<Diagnostic> Items => _items;

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public bool HasErrors => ErrorCount > 0;

    public void Report(Diagnostic diagnostic)
    {
        // One mistake at one place is reported once, however many passes look at it.
        if (!_seen.Add((diagnostic.Code, diagnostic.Location)))
        {
            return;
        }
        if (diagnostic.Severity == DiagnosticSeverity.Warning && WarningsAsErrors)
        {
            diagnostic = diagnostic with { Severity = DiagnosticSeverity.Error };
        }
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            if (ErrorCount >= ErrorLimit)
            {
                return;
            }
            ErrorCount++;
        }
        else if (diagnostic.Severity == DiagnosticSeverity.Warning)
        {
            WarningCount++;
        }
        _items.Add(diagnostic);
    }

    public void Error(int code, SourceLocation location, string message, params Diagnostic[] notes) =>
        Report(new Diagnostic(code, DiagnosticSeverity.Error, message, location) { Notes = notes });

    public void Warning(int code, SourceLocation location, string message, params Diagnostic[] notes) =>
        Report(new Diagnostic(code, DiagnosticSeverity.Warning, message, location) { Notes = notes });

    /// <summary>A note to attach to another diagnostic ("previous declaration is here").</summary>
    public static Diagnostic Note(SourceLocation location, string message) => new(0, DiagnosticSeverity.Note, message, location);
}
