using System.Collections.Concurrent;
using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Syntax;

/// <summary>
/// The built-in header comes first in every translation unit and is the same text every time: its tokens are
/// parsed into (immutable) declarations once per process and reused, which more than halves the parse time of a
/// typical kernel file. The cache key is the exact token sequence, so a <c>-D</c> that changed the header
/// simply makes a new entry.
/// </summary>
public sealed class BuiltinPrelude
{
    private static readonly ConcurrentDictionary<string, BuiltinPrelude?> s_cache = new(StringComparer.Ordinal);

    private BuiltinPrelude(ImmutableArray<DeclarationSyntax> declarations, KnownNames names)
    {
        Declarations = declarations;
        Names = names;
    }

    public ImmutableArray<DeclarationSyntax> Declarations { get; }

    /// <summary>Type and template names the prelude declares, for classifying the rest of the file.</summary>
    public KnownNames Names { get; }

    /// <summary>The prelude at the start of <paramref name="tokens"/> (null when there is none or it has errors).</summary>
    public static BuiltinPrelude? For(IReadOnlyList<PpToken> tokens, out int length)
    {
        length = 0;
        while (length < tokens.Count && tokens[length].Kind != PpTokenKind.EndOfFile
            && tokens[length].Location.File.StartsWith(SourceManager.BuiltinPrefix, StringComparison.Ordinal))
        {
            length++;
        }
        if (length == 0)
        {
            return null;
        }
        var prefix = tokens.Take(length).ToList();
        var hash = new HashCode();
        foreach (var t in prefix)
        {
            hash.Add(t.Text);
            hash.Add(t.Location);
        }
        string key = $"{length}:{hash.ToHashCode()}:{prefix[^1].Location}";
        var prelude = s_cache.GetOrAdd(key, _ => Build(prefix));
        if (prelude == null)
        {
            length = 0;
        }
        return prelude;
    }

    private static BuiltinPrelude? Build(List<PpToken> prefix)
    {
        var diagnostics = new DiagnosticBag();
        var eof = new PpToken(PpTokenKind.EndOfFile, "", prefix[^1].Location);
        var parse = SyntaxParser.ParseTokens([.. prefix, eof], diagnostics, truncated: false, known: null);
        var unit = AstBuilder.Build(parse, diagnostics);
        if (diagnostics.HasErrors || !parse.Launches.Count.Equals(0))
        {
            return null;
        }
        return new BuiltinPrelude(unit.Declarations, parse.Names);
    }
}
