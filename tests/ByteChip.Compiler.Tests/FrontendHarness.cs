using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Syntax;

namespace ByteChip.Compiler.Tests;

/// <summary>Runs frontend stages on in-memory sources.</summary>
internal static class FrontendHarness
{
    public static (IReadOnlyList<PpToken> Tokens, DiagnosticBag Diagnostics, Preprocessor.Preprocessor Pp) Preprocess(string source, IReadOnlyDictionary<string, string>? files = null, PreprocessorOptions? options = null, bool builtins = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "bcc-tests", Guid.NewGuid().ToString("N"));
        var sources = new SourceManager([dir]);
        foreach (var (name, text) in files ?? new Dictionary<string, string>())
        {
            sources.AddFile(Path.Combine(dir, name), text);
        }
        var main = sources.AddFile("test.cu", source);
        var diagnostics = new DiagnosticBag();
        var pp = new Preprocessor.Preprocessor(sources, diagnostics, (options ?? new PreprocessorOptions()) with { IncludeBuiltins = builtins });
        var tokens = pp.Run(main);
        return (tokens, diagnostics, pp);
    }

    /// <summary>The expanded tokens of <paramref name="source"/> as text, one space between tokens.</summary>
    public static string Expand(string source, IReadOnlyDictionary<string, string>? files = null, PreprocessorOptions? options = null)
    {
        var (tokens, diagnostics, _) = Preprocess(source, files, options);
        Assert.True(diagnostics.Items.Count == 0, string.Join("\n", diagnostics.Items));
        return string.Join(" ", tokens.Where(t => t.Kind != PpTokenKind.EndOfFile).Select(t => t.Kind == PpTokenKind.Pragma ? "#pragma " + t.Text : t.Text));
    }

    public static (ParseResult Result, DiagnosticBag Diagnostics) Parse(string source)
    {
        var (tokens, diagnostics, _) = Preprocess(source, builtins: true);
        var result = SyntaxParser.Parse(tokens, diagnostics);
        return (result, diagnostics);
    }

    public static (Syntax.Ast.TranslationUnitSyntax Tree, DiagnosticBag Diagnostics) Ast(string source)
    {
        var (result, diagnostics) = Parse(source);
        return (AstBuilder.Build(result, diagnostics), diagnostics);
    }
}
