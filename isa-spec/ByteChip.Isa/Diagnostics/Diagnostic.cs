namespace ByteChip.Isa.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    Note,
    Warning,
    Error,
}

/// <summary>A position in a source file: 1-based line and column. <see cref="None"/> when there is no file.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None { get; } = new("", 0, 0);

    public bool IsNone => File.Length == 0;

    public override string ToString() => IsNone ? "<unknown>" : $"{File}:{Line}:{Column}";
}

/// <summary>
/// One message for the user: a stable code (<c>BC####</c>), a severity, the text, and where it is about.
/// Code ranges: BC0xxx driver, BC1xxx preprocessor, BC2xxx parser, BC3xxx semantic analysis,
/// BC4xxx IR generation and backend, BC5xxx assembler, BC6xxx binary format, BC7xxx runtime and bcrun.
/// </summary>
public sealed record Diagnostic(int Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>Notes attached to this diagnostic (for example "expanded from macro").</summary>
    public IReadOnlyList<Diagnostic> Notes { get; init; } = [];

    /// <summary>The source line the diagnostic points at, when known, for the caret display.</summary>
    public string? SourceLine { get; init; }

    public string CodeText => $"BC{Code:D4}";

    public static Diagnostic Error(int code, SourceLocation location, string message) => new(code, DiagnosticSeverity.Error, message, location);

    public static Diagnostic Warning(int code, SourceLocation location, string message) => new(code, DiagnosticSeverity.Warning, message, location);

    public override string ToString() => DiagnosticFormatter.Format(this, DiagnosticFormat.Clang);
}
