namespace ByteChip.Compiler.Preprocessor;

/// <summary>One source text with its name as diagnostics show it and its lines for the caret display.</summary>
public sealed class SourceFile
{
    private string[]? _lines;

    public SourceFile(string path, string text, bool isBuiltin = false)
    {
        Path = path;
        Text = text;
        IsBuiltin = isBuiltin;
    }

    /// <summary>The name diagnostics print: the path as given, or <c>&lt;built-in&gt;/name</c> for shipped headers.</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>True for headers shipped with the compiler; declarations from them are the built-ins.</summary>
    public bool IsBuiltin { get; }

    /// <summary>The 1-based line <paramref name="line"/>, or null when out of range.</summary>
    public string? GetLine(int line)
    {
        _lines ??= Text.Replace("\r\n", "\n").Split('\n');
        return line >= 1 && line <= _lines.Length ? _lines[line - 1] : null;
    }
}
