using Antlr4.Runtime;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Syntax.Generated;

namespace ByteChip.Compiler.Syntax;

/// <summary>A parser token: its grammar type and the preprocessing token(s) it stands for.</summary>
/// <param name="Type">A token type of <see cref="CudaParser"/>.</param>
/// <param name="Token">The preprocessing token (the first one for HostCode/HostBody).</param>
/// <param name="Last">The last preprocessing token a HostCode/HostBody token replaces; otherwise <see cref="Token"/>.</param>
public sealed record ClassifiedToken(int Type, PpToken Token, PpToken Last);

/// <summary>
/// A kernel launch found in skipped host code (<c>reduce&lt;256&gt;&lt;&lt;&lt;g, b&gt;&gt;&gt;(...)</c>, <c>scale&lt;&lt;&lt;g, b&gt;&gt;&gt;(p, 2.0f)</c>).
/// Its template arguments (<c>&lt; 256 &gt;</c>, <c>&lt; &gt;</c> when there are none; host <c>const</c> integers are
/// replaced by their parenthesised initializers) are <see cref="ClassificationResult.Tokens"/>[<see cref="First"/>..<see cref="Last"/>],
/// after the end-of-file token, so the semantic analysis can instantiate the kernel the host launches.
/// </summary>
public sealed record HostLaunch(PpToken Name, int First, int Last)
{
    /// <summary>
    /// What is known of the launch's arguments, for deducing template arguments, as a template argument list
    /// (<c>&lt; float *, (2.0f) &gt;</c>: the declared type of a host variable, a literal in parentheses); null when an
    /// argument is something else.
    /// </summary>
    public HostLaunch? CallArguments { get; init; }
}

/// <summary>Parser tokens (ending in EOF, followed by the tokens of <see cref="Launches"/>) and the launches found in host code.</summary>
public sealed record ClassificationResult(List<ClassifiedToken> Tokens, List<HostLaunch> Launches)
{
    /// <summary>The file-scope type and template names at the end of the tokens.</summary>
    public KnownNames Names { get; init; } = KnownNames.None;
}

/// <summary>File-scope type names and function template names (what a continuation of the tokens must know).</summary>
public sealed record KnownNames(IReadOnlySet<string> TypeNames, IReadOnlySet<string> TemplateNames)
{
    public static KnownNames None { get; } = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// Turns preprocessing tokens into parser tokens in two passes.
/// <list type="number">
/// <item>Host code: at top level and in struct bodies, a function definition without <c>__global__</c>/<c>__device__</c>
/// keeps its head (so calls from device code can be diagnosed) and its body becomes one HostBody token; host-only
/// constructs (namespaces, classes, <c>std::</c>, <c>using namespace</c>, host templates) become one HostCode token.
/// Braces are matched, so anything inside a skipped body is never parsed.</item>
/// <item>Type names: a scope table of typedef, struct/union/enum, <c>using</c> alias and template type parameter
/// names decides Identifier vs TypeName (the C typedef ambiguity; see Cuda.g4), and names of function templates
/// become TemplateName so <c>reduce&lt;256&gt;(x)</c> is a template call, not a comparison.</item>
/// </list>
/// </summary>
public static partial class TokenClassifier
{
    private static readonly Dictionary<string, int> s_literalTypes = BuildLiteralTypes();

    /// <summary>Vector and other type names the semantic analysis defines itself.</summary>
    public static readonly IReadOnlySet<string> BuiltinTypeNames = BuildBuiltinTypeNames();

    private static readonly HashSet<string> s_hostOnlyWords = ["std", "cout", "cerr", "endl", "new", "delete", "throw", "try", "catch", "namespace", "class", "typeid", "dynamic_cast"];

    private static readonly HashSet<string> s_ignoredNamespaces = ["cg", "cooperative_groups"];

    public static ClassificationResult Classify(IReadOnlyList<PpToken> tokens) => Classify(tokens, null);

    /// <summary>Classifies <paramref name="tokens"/> as the continuation of a prelude that declared <paramref name="known"/>.</summary>
    public static ClassificationResult Classify(IReadOnlyList<PpToken> tokens, KnownNames? known)
    {
        var withoutHost = new List<ClassifiedToken>(tokens.Count);
        int end = tokens.Count;
        if (end > 0 && tokens[end - 1].Kind == PpTokenKind.EndOfFile)
        {
            end--;
        }
        var filter = new HostCodeFilter(tokens, withoutHost);
        filter.Process(0, end, inStruct: false);
        withoutHost = SplitPragmaUnrollCounts(withoutHost);
        var names = ClassifyNames(withoutHost, known);
        var globalTypeNames = names.TypeNames;
        var eof = tokens.Count > 0 ? tokens[^1] : new PpToken(PpTokenKind.EndOfFile, "", Isa.Diagnostics.SourceLocation.None);
        withoutHost.Add(new ClassifiedToken(TokenConstants.EOF, eof, eof));
        var launches = new List<HostLaunch>();
        foreach (var launch in filter.Launches)
        {
            var (first, last) = Append(withoutHost, launch.TemplateArguments, globalTypeNames);
            HostLaunch? call = null;
            if (launch.CallArguments != null)
            {
                var (cfirst, clast) = Append(withoutHost, launch.CallArguments, globalTypeNames);
                call = new HostLaunch(launch.Name, cfirst, clast);
            }
            launches.Add(new HostLaunch(launch.Name, first, last) { CallArguments = call });
        }
        return new ClassificationResult(withoutHost, launches) { Names = names };
    }

    /// <summary>
    /// <c>#pragma unroll N</c> becomes PragmaUnrollCount, the tokens of <c>N</c> (at the pragma's location) and
    /// PragmaEnd, so the count is parsed as an expression whose names are classified like any other (see Cuda.g4).
    /// </summary>
    private static List<ClassifiedToken> SplitPragmaUnrollCounts(List<ClassifiedToken> tokens)
    {
        if (!tokens.Exists(t => t.Type == CudaParser.PragmaUnroll && t.Token.Text.Length > "unroll".Length))
        {
            return tokens;
        }
        var output = new List<ClassifiedToken>(tokens.Count + 8);
        foreach (var t in tokens)
        {
            string arg = t.Type == CudaParser.PragmaUnroll ? t.Token.Text["unroll".Length..].Trim() : "";
            if (arg.Length == 0)
            {
                output.Add(t);
                continue;
            }
            output.Add(t with { Type = CudaParser.PragmaUnrollCount });
            foreach (var a in PpLexer.Lex(arg, t.Token.Location.File, t.Token.Location.Line, null))
            {
                if (a.Kind == PpTokenKind.EndOfFile)
                {
                    break;
                }
                var at = a with { Location = t.Token.Location, Expansion = t.Token.Expansion };
                output.Add(new ClassifiedToken(BaseType(at), at, at));
            }
            output.Add(new ClassifiedToken(CudaParser.PragmaEnd, t.Token, t.Token));
        }
        return output;
    }

    private static (int First, int Last) Append(List<ClassifiedToken> output, List<PpToken> tokens, IReadOnlySet<string> typeNames)
    {
        int start = output.Count;
        foreach (var t in tokens)
        {
            int type = BaseType(t);
            if (type == CudaParser.Identifier && typeNames.Contains(t.Text))
            {
                type = CudaParser.TypeName;
            }
            output.Add(new ClassifiedToken(type, t, t));
        }
        return (start, output.Count - 1);
    }

    /// <summary>The grammar type of a plain token before type-name classification.</summary>
    private static int BaseType(PpToken t) => t.Kind switch
    {
        PpTokenKind.Identifier => s_literalTypes.TryGetValue(t.Text, out int kw) ? kw : CudaParser.Identifier,
        PpTokenKind.Number => IsFloatingLiteral(t.Text) ? CudaParser.FloatingConstant : CudaParser.IntegerConstant,
        PpTokenKind.Character => CudaParser.CharacterConstant,
        PpTokenKind.String => CudaParser.StringLiteral,
        PpTokenKind.Punctuator => s_literalTypes.TryGetValue(t.Text, out int p) ? p : CudaParser.Unknown,
        PpTokenKind.Pragma => t.Text == "unroll" || t.Text.StartsWith("unroll ", StringComparison.Ordinal) || t.Text.StartsWith("unroll(", StringComparison.Ordinal)
            ? CudaParser.PragmaUnroll
            : CudaParser.PragmaOther,
        _ => CudaParser.Unknown,
    };

    public static bool IsFloatingLiteral(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return text.Contains('.') || text.Contains('p') || text.Contains('P');
        }
        return text.Contains('.') || text.Contains('e') || text.Contains('E') || text.EndsWith('f') || text.EndsWith('F');
    }

    private static Dictionary<string, int> BuildLiteralTypes()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = CudaParser.DefaultVocabulary;
        for (int i = 1; i <= 256; i++)
        {
            if (vocabulary.GetLiteralName(i) is { Length: > 2 } literal)
            {
                map[literal[1..^1].Replace("\\'", "'").Replace("\\\\", "\\")] = i;
            }
        }
        return map;
    }

    private static HashSet<string> BuildBuiltinTypeNames()
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { "dim3" };
        foreach (var e in new[] { "char", "uchar", "short", "ushort", "int", "uint", "long", "ulong", "longlong", "ulonglong", "float", "double" })
        {
            for (int n = 1; n <= 4; n++)
            {
                set.Add(e + n);
            }
        }
        return set;
    }
}
