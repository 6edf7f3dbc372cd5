using System.Collections.Concurrent;
using Antlr4.Runtime;
using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Syntax.Ast;
using ByteChip.Compiler.Syntax.Generated;

namespace ByteChip.Compiler.Syntax;

/// <summary>
/// The built-in header comes first in every translation unit and is the same text every time. It is classified
/// once per process (its type and template names are needed for the rest of the file) and cut into its top-level
/// declarations. Most of them are prototypes of built-in functions (<c>__device__ float sinf(float x);</c>), and a
/// kernel names only a few: a prototype, a typedef or a struct is parsed (once per process, then shared: the
/// declarations are immutable) only when the name it declares occurs in the file's tokens or in a declaration
/// already taken (<c>this_thread_block()</c> returns a <c>thread_block</c>), so neither the parser nor the semantic
/// analysis spends time on the hundreds of built-ins a file does not use. Anything else (pragmas, a declaration
/// whose name is not plain) is always taken; the order is the header's. The cache key is the exact token sequence,
/// so a <c>-D</c> that changed the header simply makes a new entry.
/// </summary>
public sealed class BuiltinPrelude
{
    private static readonly ConcurrentDictionary<string, BuiltinPrelude?> s_cache = new(StringComparer.Ordinal);

    private readonly List<ClassifiedToken> _tokens;
    private readonly Chunk[] _chunks;
    private readonly Lazy<ImmutableArray<DeclarationSyntax>?> _whole;

    private BuiltinPrelude(List<ClassifiedToken> tokens, Chunk[] chunks, KnownNames names)
    {
        _tokens = tokens;
        _chunks = chunks;
        Names = names;
        _whole = new(() => ParseRange(0, _tokens.Count - 1), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Type and template names the prelude declares, for classifying the rest of the file.</summary>
    public KnownNames Names { get; }

    /// <summary>One top-level declaration: tokens [<see cref="First"/>, <see cref="End"/>) of the prelude.</summary>
    private sealed class Chunk(int first, int end, string? name, string[] uses)
    {
        public int First { get; } = first;

        public int End { get; } = end;

        /// <summary>The function, type or struct the chunk declares; null for a chunk that is always taken.</summary>
        public string? Name { get; } = name;

        /// <summary>The names the chunk's tokens mention (a taken chunk needs their declarations too).</summary>
        public string[] Uses { get; } = uses;

        public Lazy<ImmutableArray<DeclarationSyntax>?>? Declarations { get; set; }
    }

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
        var hash = new HashCode();
        for (int i = 0; i < length; i++)
        {
            hash.Add(tokens[i].Text);
            hash.Add(tokens[i].Location);
        }
        string key = $"{length}:{hash.ToHashCode()}:{tokens[length - 1].Location}";
        int count = length;
        var prelude = s_cache.GetOrAdd(key, _ => Build([.. tokens.Take(count)]));
        if (prelude == null)
        {
            length = 0;
        }
        return prelude;
    }

    /// <summary>
    /// The declarations a file whose tokens (after the prelude) are <paramref name="rest"/> needs, in header order;
    /// null when a part of the prelude does not parse (the caller then parses it as ordinary text, which reports
    /// the errors).
    /// </summary>
    public ImmutableArray<DeclarationSyntax>? DeclarationsFor(IReadOnlyList<PpToken> rest)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in rest)
        {
            if (t.Kind == PpTokenKind.Identifier)
            {
                names.Add(t.Text);
            }
        }
        // The names a taken chunk mentions can take earlier chunks (a typedef before its uses): repeat until stable.
        var taken = new bool[_chunks.Length];
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int c = 0; c < _chunks.Length; c++)
            {
                if (!taken[c] && (_chunks[c].Name == null || names.Contains(_chunks[c].Name!)))
                {
                    taken[c] = true;
                    changed |= _chunks[c].Uses.Any(names.Add);
                }
            }
        }
        var result = ImmutableArray.CreateBuilder<DeclarationSyntax>();
        for (int c = 0; c < _chunks.Length; c++)
        {
            var chunk = _chunks[c];
            if (!taken[c])
            {
                continue;
            }
            if (chunk.Declarations!.Value is not { } declarations)
            {
                return _whole.Value; // cut in the wrong place: the header as a whole (null if it has errors)
            }
            result.AddRange(declarations);
        }
        return result.ToImmutable();
    }

    private static BuiltinPrelude? Build(List<PpToken> prefix)
    {
        var eof = new PpToken(PpTokenKind.EndOfFile, "", prefix[^1].Location);
        var classification = TokenClassifier.Classify([.. prefix, eof], null);
        if (classification.Launches.Count != 0)
        {
            return null;
        }
        var tokens = classification.Tokens;
        var prelude = new BuiltinPrelude(tokens, Split(tokens), classification.Names);
        foreach (var chunk in prelude._chunks)
        {
            chunk.Declarations = new(() => prelude.ParseRange(chunk.First, chunk.End), LazyThreadSafetyMode.ExecutionAndPublication);
        }
        return prelude;
    }

    /// <summary>The declarations of tokens [<paramref name="first"/>, <paramref name="end"/>), or null when they do not parse on their own.</summary>
    private ImmutableArray<DeclarationSyntax>? ParseRange(int first, int end)
    {
        var diagnostics = new DiagnosticBag();
        var eof = _tokens[^1];
        var parse = SyntaxParser.ParseClassified([.. _tokens.Skip(first).Take(end - first), eof], diagnostics);
        var unit = AstBuilder.Build(parse, diagnostics);
        return diagnostics.HasErrors ? null : unit.Declarations;
    }

    /// <summary>
    /// Cuts the prelude's tokens (ending in end of file) after each <c>;</c> outside brackets and braces, after a
    /// <c>}</c> that closes a top-level brace and is not followed by a <c>;</c>, and around single-token
    /// declarations (pragmas, host code).
    /// </summary>
    private static Chunk[] Split(List<ClassifiedToken> tokens)
    {
        var chunks = new List<Chunk>();
        int depth = 0, start = 0;
        int end = tokens.Count - 1; // the end-of-file token
        for (int i = 0; i < end; i++)
        {
            int type = tokens[i].Type;
            if (depth == 0 && i == start && type is CudaParser.PragmaOther or CudaParser.PragmaUnroll or CudaParser.HostCode)
            {
                chunks.Add(new Chunk(i, i + 1, null, []));
                start = i + 1;
                continue;
            }
            string text = tokens[i].Token.Text;
            if (text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (text is ")" or "]" or "}")
            {
                depth--;
            }
            bool cut = depth == 0 && (text == ";" || text == "}" && (i + 1 >= end || tokens[i + 1].Token.Text != ";"));
            if (cut)
            {
                chunks.Add(new Chunk(start, i + 1, DeclaredName(tokens, start, i + 1), Uses(tokens, start, i + 1)));
                start = i + 1;
            }
        }
        if (start < end)
        {
            chunks.Add(new Chunk(start, end, null, []));
        }
        return [.. chunks];
    }

    private static string[] Uses(List<ClassifiedToken> tokens, int first, int end) =>
        [.. tokens.Skip(first).Take(end - first).Where(t => t.Token.Kind == PpTokenKind.Identifier).Select(t => t.Token.Text).Distinct()];

    /// <summary>
    /// The one name a chunk declares: a typedef's (<c>typedef unsigned long size_t;</c>), a struct definition's
    /// (<c>struct thread_block { ... };</c>) or a function prototype's; null when it is something else.
    /// </summary>
    private static string? DeclaredName(List<ClassifiedToken> tokens, int first, int end)
    {
        var head = tokens[first].Token;
        if (head.IsIdentifier("typedef"))
        {
            // One plain declarator: typedef <type words> Name;
            bool plain = tokens.Skip(first).Take(end - first - 1).All(t => t.Token.Kind == PpTokenKind.Identifier);
            return plain && end - first >= 3 ? tokens[end - 2].Token.Text : null;
        }
        if (head.IsIdentifier("struct") && end - first >= 4 && tokens[first + 2].Token.Is("{") && tokens[end - 2].Token.Is("}"))
        {
            return tokens[first + 1].Type == CudaParser.TypeName ? tokens[first + 1].Token.Text : null; // struct Name { ... };
        }
        return PrototypeName(tokens, first, end);
    }

    /// <summary>
    /// The name of a function prototype with one declarator (<c>__device__ int atomicAdd(int* a, int v);</c>): an
    /// identifier right before the first top-level parenthesis, no braces, no typedef or struct; null otherwise.
    /// </summary>
    private static string? PrototypeName(List<ClassifiedToken> tokens, int first, int end)
    {
        if (tokens[end - 1].Token.Text != ";")
        {
            return null;
        }
        string? name = null;
        int depth = 0;
        for (int i = first; i < end - 1; i++)
        {
            var t = tokens[i];
            switch (t.Token.Text)
            {
                case "{" or "}" or "typedef" or "struct" or "union" or "enum" or "using" or "template" or "operator" or "static_assert":
                    return null;
                case "(":
                    if (depth == 0)
                    {
                        if (name != null || i == first || tokens[i - 1].Type != CudaParser.Identifier)
                        {
                            return null;
                        }
                        name = tokens[i - 1].Token.Text;
                    }
                    depth++;
                    break;
                case ")":
                    depth--;
                    break;
                case "," when depth == 0:
                    return null;
            }
        }
        return name;
    }
}
