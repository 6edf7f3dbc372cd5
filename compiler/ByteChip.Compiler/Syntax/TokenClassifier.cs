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
/// A kernel launch with explicit template arguments found in skipped host code (<c>reduce&lt;256&gt;&lt;&lt;&lt;g, b&gt;&gt;&gt;(...)</c>).
/// Its argument tokens (<c>&lt; 256 &gt;</c>) are <see cref="ClassificationResult.Tokens"/>[<see cref="First"/>..<see cref="Last"/>],
/// after the end-of-file token, so the semantic analysis can instantiate the kernel the host launches.
/// </summary>
public sealed record HostLaunch(PpToken Name, int First, int Last);

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
public static class TokenClassifier
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
        var names = ClassifyNames(withoutHost, known);
        var globalTypeNames = names.TypeNames;
        var eof = tokens.Count > 0 ? tokens[^1] : new PpToken(PpTokenKind.EndOfFile, "", Isa.Diagnostics.SourceLocation.None);
        withoutHost.Add(new ClassifiedToken(TokenConstants.EOF, eof, eof));
        var launches = new List<HostLaunch>();
        foreach (var (name, first, last) in filter.Launches)
        {
            int start = withoutHost.Count;
            for (int k = first; k <= last; k++)
            {
                var t = tokens[k];
                int type = BaseType(t);
                if (type == CudaParser.Identifier && globalTypeNames.Contains(t.Text))
                {
                    type = CudaParser.TypeName;
                }
                withoutHost.Add(new ClassifiedToken(type, t, t));
            }
            launches.Add(new HostLaunch(name, start, withoutHost.Count - 1));
        }
        return new ClassificationResult(withoutHost, launches) { Names = names };
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

    // ------------------------------------------------------------------ pass 1: host code

    private sealed class HostCodeFilter(IReadOnlyList<PpToken> tokens, List<ClassifiedToken> output)
    {
        public void Process(int start, int end, bool inStruct)
        {
            int i = start;
            while (i < end)
            {
                var t = tokens[i];
                if (t.Kind == PpTokenKind.Pragma || t.Is(";"))
                {
                    Emit(i);
                    i++;
                    continue;
                }
                if (!inStruct && t.IsIdentifier("extern") && i + 2 < end && tokens[i + 1].Kind == PpTokenKind.String && tokens[i + 2].Is("{"))
                {
                    // extern "C" { ... } is transparent for device compilation.
                    int close = Match(i + 2, end);
                    Process(i + 3, close, inStruct: false);
                    i = close + 1;
                    continue;
                }
                var (segmentEnd, bodyStart) = FindSegmentEnd(i, end);
                int headEnd = bodyStart >= 0 ? bodyStart : segmentEnd + 1;
                if (IsHostOnlyConstruct(i, headEnd))
                {
                    EmitHost(CudaParser.HostCode, i, segmentEnd);
                }
                else if (bodyStart >= 0)
                {
                    if (HasDeviceQualifier(i, bodyStart))
                    {
                        EmitRange(i, segmentEnd);
                    }
                    else if (IsSimpleHead(i, bodyStart))
                    {
                        EmitRange(i, bodyStart - 1);
                        EmitHost(CudaParser.HostBody, bodyStart, segmentEnd);
                    }
                    else
                    {
                        EmitHost(CudaParser.HostCode, i, segmentEnd);
                    }
                }
                else
                {
                    EmitDeclaration(i, segmentEnd);
                }
                i = segmentEnd + 1;
            }
        }

        private void Emit(int i)
        {
            var t = tokens[i];
            if (t.Kind == PpTokenKind.Other)
            {
                return; // already reported by the preprocessor as a stray character
            }
            output.Add(new ClassifiedToken(BaseType(t), t, t));
        }

        private void EmitRange(int from, int to)
        {
            for (int k = from; k <= to; k++)
            {
                // A launch in device code (kernel<<<g, b>>>(args);) becomes one invalid token up to its ';', so the
                // parser reports it once and goes on with the next statement.
                if (tokens[k].Is("<<") && k + 1 <= to && tokens[k + 1].Is("<") && tokens[k + 1].Location.Column == tokens[k].Location.Column + 2)
                {
                    int end = k;
                    while (end < to && !tokens[end].Is(";"))
                    {
                        end++;
                    }
                    if (output.Count > 0 && output[^1].Type == CudaParser.Identifier)
                    {
                        output.RemoveAt(output.Count - 1);
                    }
                    output.Add(new ClassifiedToken(CudaParser.Unknown, tokens[k], tokens[end]));
                    k = end;
                    continue;
                }
                Emit(k);
            }
        }

        /// <summary>Template launches in skipped host code: name, index of '&lt;' and of the matching '&gt;'.</summary>
        public List<(PpToken Name, int First, int Last)> Launches { get; } = [];

        private void EmitHost(int type, int from, int to)
        {
            output.Add(new ClassifiedToken(type, tokens[from], tokens[Math.Max(from, to)]));
            FindLaunches(from, to);
        }

        /// <summary>name &lt; args &gt; &lt;&lt;&lt; ... (the lexer splits "&lt;&lt;&lt;" into "&lt;&lt;" "&lt;").</summary>
        private void FindLaunches(int from, int to)
        {
            for (int k = from; k + 1 <= to; k++)
            {
                if (tokens[k].Kind != PpTokenKind.Identifier || !tokens[k + 1].Is("<"))
                {
                    continue;
                }
                int depth = 0, close = -1;
                for (int j = k + 1; j <= to && j < k + 64; j++)
                {
                    if (tokens[j].Is("<"))
                    {
                        depth++;
                    }
                    else if (tokens[j].Is(">") && --depth == 0)
                    {
                        close = j;
                        break;
                    }
                    else if (tokens[j].Is(";") || tokens[j].Is("{") || tokens[j].Is("}"))
                    {
                        break;
                    }
                }
                if (close > 0 && close + 2 <= to && tokens[close + 1].Is("<<") && tokens[close + 2].Is("<"))
                {
                    Launches.Add((tokens[k], k + 1, close));
                    k = close;
                }
            }
        }

        /// <summary>A declaration: struct/union bodies are filtered member by member (host member functions).</summary>
        private void EmitDeclaration(int from, int to)
        {
            int k = from;
            int paren = 0;
            while (k <= to)
            {
                var t = tokens[k];
                if (t.Is("(") || t.Is("["))
                {
                    paren++;
                }
                else if (t.Is(")") || t.Is("]"))
                {
                    paren--;
                }
                else if (t.Is("{") && paren == 0)
                {
                    int close = Match(k, to + 1);
                    if (IsAggregateBody(from, k))
                    {
                        Emit(k);
                        Process(k + 1, close, inStruct: true);
                        if (close <= to)
                        {
                            Emit(close);
                        }
                    }
                    else
                    {
                        EmitRange(k, Math.Min(close, to));
                    }
                    k = close + 1;
                    continue;
                }
                Emit(k);
                k++;
            }
        }

        /// <summary>A struct/union body (not an enum or an initializer): the brace follows the key, its name or attributes.</summary>
        private bool IsAggregateBody(int from, int brace)
        {
            for (int k = brace - 1; k >= from; k--)
            {
                var t = tokens[k];
                if (t.IsIdentifier("struct") || t.IsIdentifier("union"))
                {
                    return true;
                }
                if (t.Is("=") || t.Is(",") || t.IsIdentifier("enum") || t.Is("}"))
                {
                    return false;
                }
            }
            return false;
        }

        /// <summary>Index of the matching closer of the bracket at <paramref name="open"/>, or <paramref name="end"/>-1.</summary>
        private int Match(int open, int end)
        {
            string o = tokens[open].Text;
            string c = o switch { "{" => "}", "(" => ")", _ => "]" };
            int depth = 0;
            for (int k = open; k < end; k++)
            {
                if (tokens[k].Is(o))
                {
                    depth++;
                }
                else if (tokens[k].Is(c) && --depth == 0)
                {
                    return k;
                }
            }
            return end - 1;
        }

        /// <summary>The last token of the declaration starting at <paramref name="i"/>, and the index of its function body brace or -1.</summary>
        private (int End, int BodyStart) FindSegmentEnd(int i, int end)
        {
            if (tokens[i].IsIdentifier("namespace"))
            {
                for (int k = i; k < end; k++)
                {
                    if (tokens[k].Is(";"))
                    {
                        return (k, -1);
                    }
                    if (tokens[k].Is("{"))
                    {
                        return (Match(k, end), -1);
                    }
                }
                return (end - 1, -1);
            }
            int depth = 0;
            for (int k = i; k < end; k++)
            {
                var t = tokens[k];
                if (t.Is("(") || t.Is("["))
                {
                    depth++;
                }
                else if (t.Is(")") || t.Is("]"))
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (depth == 0 && t.Is(";"))
                {
                    return (k, -1);
                }
                else if (depth == 0 && t.Is("{"))
                {
                    int close = Match(k, end);
                    if (IsFunctionBody(i, k))
                    {
                        return (close, k);
                    }
                    k = close;
                }
                else if (depth == 0 && t.Is("}"))
                {
                    // A stray closer: end the segment before it so the parser reports it.
                    return (Math.Max(i, k), -1);
                }
            }
            return (end - 1, -1);
        }

        private bool IsFunctionBody(int start, int brace)
        {
            if (brace == start)
            {
                return false;
            }
            var prev = tokens[brace - 1];
            if (prev.IsIdentifier("const") || prev.IsIdentifier("noexcept") || prev.IsIdentifier("override") || prev.IsIdentifier("final"))
            {
                return true;
            }
            if (!prev.Is(")"))
            {
                return false;
            }
            // The parenthesis must close a parameter list (or a member initializer), not __align__(16) or __attribute__((...)).
            int depth = 0;
            for (int k = brace - 1; k >= start; k--)
            {
                if (tokens[k].Is(")"))
                {
                    depth++;
                }
                else if (tokens[k].Is("(") && --depth == 0)
                {
                    if (k == start)
                    {
                        return false;
                    }
                    var before = tokens[k - 1];
                    return !(before.IsIdentifier("__align__") || before.IsIdentifier("alignas") || before.Is("(") || before.IsIdentifier("__launch_bounds__") || before.IsIdentifier("__attribute__"));
                }
            }
            return false;
        }

        private bool HasDeviceQualifier(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (tokens[k].IsIdentifier("__global__") || tokens[k].IsIdentifier("__device__"))
                {
                    return true;
                }
            }
            return false;
        }

        private bool IsHostOnlyConstruct(int from, int to)
        {
            var first = tokens[from];
            if (first.IsIdentifier("namespace") || first.IsIdentifier("class") || (first.IsIdentifier("using") && from + 1 < to && tokens[from + 1].IsIdentifier("namespace")))
            {
                return true;
            }
            bool device = HasDeviceQualifier(from, to);
            if (first.IsIdentifier("template"))
            {
                int close = from + 1;
                int angle = 0;
                for (; close < to; close++)
                {
                    if (tokens[close].Is("<"))
                    {
                        angle++;
                    }
                    else if (tokens[close].Is(">") && --angle == 0)
                    {
                        break;
                    }
                }
                if (close + 1 < to && tokens[close + 1].IsIdentifier("class"))
                {
                    return true;
                }
                bool isStruct = close + 1 < to && (tokens[close + 1].IsIdentifier("struct") || tokens[close + 1].IsIdentifier("union"));
                if (!device && !isStruct)
                {
                    return true;
                }
            }
            for (int k = from; k < to; k++)
            {
                var t = tokens[k];
                if (t.Is("::") && !(k > from && s_ignoredNamespaces.Contains(tokens[k - 1].Text)))
                {
                    return true;
                }
                if (t.Kind == PpTokenKind.Identifier && s_hostOnlyWords.Contains(t.Text) && !(k > from && (tokens[k - 1].IsIdentifier("enum") || tokens[k - 1].Is("<") || tokens[k - 1].Is(","))))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>A host function head the grammar can read: no templates, qualified names or operators.</summary>
        private bool IsSimpleHead(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                var t = tokens[k];
                if (t.Is("<") || t.Is(">") || t.Is("::") || t.Is("&&") || t.IsIdentifier("operator") || t.IsIdentifier("template") || t.IsIdentifier("const_iterator"))
                {
                    return false;
                }
            }
            return true;
        }
    }

    // ------------------------------------------------------------------ pass 2: type names

    private sealed class Scope(int braceDepth, bool isTemplate)
    {
        public HashSet<string> TypeNames { get; } = new(StringComparer.Ordinal);

        public HashSet<string> TemplateNames { get; } = new(StringComparer.Ordinal);

        public int BraceDepth { get; } = braceDepth;

        public bool IsTemplate { get; } = isTemplate;
    }

    /// <summary>Classifies identifiers in place; returns the names of the global scope at the end.</summary>
    private static KnownNames ClassifyNames(List<ClassifiedToken> list, KnownNames? known)
    {
        var scopes = new List<Scope> { new(0, false) };
        scopes[0].TypeNames.UnionWith(BuiltinTypeNames);
        if (known != null)
        {
            scopes[0].TypeNames.UnionWith(known.TypeNames);
            scopes[0].TemplateNames.UnionWith(known.TemplateNames);
        }
        int braceDepth = 0;
        var pendingTypedefNames = new Dictionary<int, List<string>>();
        var declaratorNames = new HashSet<int>();
        var parameterLists = new Stack<bool>();
        bool IsType(string name) => scopes.Any(s => s.TypeNames.Contains(name));
        bool IsTemplate(string name) => scopes.Any(s => s.TemplateNames.Contains(name));
        Scope Innermost() => scopes.Last(s => !s.IsTemplate);

        for (int i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var t = item.Token;
            int type = item.Type;
            if (type == CudaParser.HostCode || type == CudaParser.HostBody)
            {
                continue;
            }
            if (type == CudaParser.Identifier)
            {
                string prev = i > 0 ? list[i - 1].Token.Text : "";
                if (prev == ")" && AttributeStart(list, i - 1) is int attr && attr > 0 && list[attr - 1].Token.Text is "struct" or "union")
                {
                    prev = list[attr - 1].Token.Text; // struct __align__(16) Name
                }
                bool afterKey = i > 0 && list[i - 1].Type != CudaParser.HostCode && list[i - 1].Type != CudaParser.HostBody
                    && prev is "struct" or "union" or "enum" or "typename" or "class" or "using";
                bool afterMember = prev is "." or "->";
                if (afterKey)
                {
                    if (!(prev == "using" && (i + 1 >= list.Count || list[i + 1].Token.Text != "=")))
                    {
                        // typename/class in a template parameter list belong to the template scope; the others to the enclosing one.
                        (prev is "typename" or "class" && scopes[^1].IsTemplate ? scopes[^1] : Innermost()).TypeNames.Add(t.Text);
                    }
                    type = CudaParser.TypeName;
                }
                else if (declaratorNames.Contains(i))
                {
                    type = CudaParser.Identifier;
                }
                else if (!afterMember && IsType(t.Text))
                {
                    type = CudaParser.TypeName;
                }
                else if (!afterMember && IsTemplate(t.Text))
                {
                    type = CudaParser.TemplateName;
                }
                else if (!afterMember && LooksLikeUnknownType(list, i, parameterLists))
                {
                    // "Foo x;" or "void f(Foo* p)" with Foo declared nowhere: read it as a type so the parser goes on
                    // and the semantic analysis reports one "unknown type name 'Foo'" instead of a syntax cascade.
                    type = CudaParser.TypeName;
                }
                list[i] = item with { Type = type };
            }
            if (t.Is("("))
            {
                parameterLists.Push(OpensParameterList(list, i));
            }
            else if (t.Is(")") && parameterLists.Count > 0)
            {
                parameterLists.Pop();
            }
            switch (t.Text)
            {
                case "template" when type != CudaParser.Identifier:
                    var scope = new Scope(braceDepth, true);
                    scopes.Add(scope);
                    RegisterTemplateName(list, i, scopes[^2] is { IsTemplate: false } outer ? outer : Innermost());
                    break;
                case "typedef" when type != CudaParser.Identifier:
                    foreach (var (at, name, index) in TypedefNames(list, i))
                    {
                        declaratorNames.Add(index); // typedef struct Node {...} Node;  the second Node is the declared name
                        if (!pendingTypedefNames.TryGetValue(at, out var names))
                        {
                            pendingTypedefNames[at] = names = [];
                        }
                        names.Add(name);
                    }
                    break;
                case "{" when t.Kind == PpTokenKind.Punctuator:
                    braceDepth++;
                    scopes.Add(new Scope(braceDepth, false));
                    break;
                case "}" when t.Kind == PpTokenKind.Punctuator:
                    if (scopes.Count > 1 && !scopes[^1].IsTemplate)
                    {
                        scopes.RemoveAt(scopes.Count - 1);
                    }
                    braceDepth = Math.Max(0, braceDepth - 1);
                    // A function template ends with its body.
                    if (scopes[^1].IsTemplate && scopes[^1].BraceDepth == braceDepth && !(i + 1 < list.Count && list[i + 1].Token.Is(";")))
                    {
                        scopes.RemoveAt(scopes.Count - 1);
                    }
                    break;
                case ";" when t.Kind == PpTokenKind.Punctuator:
                    if (scopes[^1].IsTemplate && scopes[^1].BraceDepth == braceDepth && !InsideParens(list, i))
                    {
                        scopes.RemoveAt(scopes.Count - 1);
                    }
                    break;
            }
            if (pendingTypedefNames.Remove(i, out var declared))
            {
                Innermost().TypeNames.UnionWith(declared);
            }
        }
        return new KnownNames(scopes[0].TypeNames, scopes[0].TemplateNames);
    }

    private static readonly HashSet<string> s_declarationStarters =
    [
        "(", ",", "{", "}", ";", "const", "volatile", "static", "extern", "register", "__shared__", "__device__",
        "__constant__", "__restrict__", "inline", "__forceinline__", "__host__", "__global__",
    ];

    /// <summary>
    /// An undeclared identifier in type position: followed by a declarator name (<c>Foo x;</c>), or by pointer
    /// operators and a name inside a function's parameter list (<c>f(Foo* p)</c>; elsewhere that reads as a
    /// multiplication).
    /// </summary>
    private static bool LooksLikeUnknownType(List<ClassifiedToken> list, int i, Stack<bool> parameterLists)
    {
        if (i > 0 && !s_declarationStarters.Contains(list[i - 1].Token.Text) && list[i - 1].Type != CudaParser.PragmaOther)
        {
            return false;
        }
        int k = i + 1;
        int pointers = 0;
        while (k < list.Count && list[k].Token.Text is "*" or "&" or "const" or "__restrict__")
        {
            pointers++;
            k++;
        }
        if (k + 1 >= list.Count || list[k].Type != CudaParser.Identifier || list[k].Token.Kind != PpTokenKind.Identifier)
        {
            return false;
        }
        if (list[k + 1].Token.Text is not ("," or ")" or "=" or ";" or "["))
        {
            return false;
        }
        return pointers == 0 || (parameterLists.Count > 0 && parameterLists.Peek());
    }

    /// <summary>A '(' after a declared name that follows a type: <c>void f(</c>, <c>T* g(</c>.</summary>
    private static bool OpensParameterList(List<ClassifiedToken> list, int open)
    {
        if (open < 2 || list[open - 1].Type is not (CudaParser.Identifier or CudaParser.TemplateName))
        {
            return false;
        }
        var before = list[open - 2];
        return before.Type == CudaParser.TypeName || before.Token.Text is "*" or "&" or "void" or "int" or "float" or "double" or "char" or "bool"
            or "short" or "long" or "unsigned" or "signed" or "auto" or "__half" or "__global__" or "__device__";
    }

    /// <summary>The index of the attribute keyword whose argument list ends at <paramref name="close"/>, or null.</summary>
    private static int? AttributeStart(List<ClassifiedToken> list, int close)
    {
        int depth = 0;
        for (int k = close; k >= 0; k--)
        {
            var t = list[k].Token;
            if (t.Is(")"))
            {
                depth++;
            }
            else if (t.Is("(") && --depth == 0)
            {
                return k > 0 && list[k - 1].Token.Text is "__align__" or "alignas" or "__attribute__" ? k - 1 : null;
            }
        }
        return null;
    }

    private static bool InsideParens(List<ClassifiedToken> list, int i)
    {
        int depth = 0;
        for (int k = i - 1; k >= 0; k--)
        {
            var t = list[k].Token;
            if (t.Is(")"))
            {
                depth++;
            }
            else if (t.Is("("))
            {
                if (depth-- == 0)
                {
                    return true;
                }
            }
            else if (t.Is("{") || t.Is("}") || (t.Is(";") && depth == 0))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The name of a function template is the identifier just before the first '(' after the parameter list.</summary>
    private static void RegisterTemplateName(List<ClassifiedToken> list, int templateIndex, Scope scope)
    {
        int angle = 0;
        int k = templateIndex + 1;
        for (; k < list.Count; k++)
        {
            var t = list[k].Token;
            if (t.Is("<"))
            {
                angle++;
            }
            else if (t.Is(">") && --angle == 0)
            {
                break;
            }
            else if (t.Is(">>"))
            {
                angle -= 2;
                if (angle <= 0)
                {
                    break;
                }
            }
        }
        for (k++; k < list.Count; k++)
        {
            var t = list[k].Token;
            if (t.Is(";") || t.Is("{") || t.IsIdentifier("struct") || t.IsIdentifier("union"))
            {
                return;
            }
            if (t.Is("(") && k > 0 && list[k - 1].Token.Kind == PpTokenKind.Identifier && list[k - 1].Token.Text is not ("__launch_bounds__" or "__align__" or "__attribute__" or "alignas"))
            {
                scope.TemplateNames.Add(list[k - 1].Token.Text);
                return;
            }
        }
    }

    /// <summary>Names a typedef declares, each with the index of the token after which it is in scope (its ';').</summary>
    private static IEnumerable<(int At, string Name, int Index)> TypedefNames(List<ClassifiedToken> list, int typedefIndex)
    {
        int end = typedefIndex;
        int depth = 0;
        for (; end < list.Count; end++)
        {
            var t = list[end].Token;
            if (t.Is("{"))
            {
                depth++;
            }
            else if (t.Is("}"))
            {
                depth--;
            }
            else if (depth == 0 && t.Is(";"))
            {
                break;
            }
        }
        depth = 0;
        var names = new List<(int, string, int)>();
        for (int k = typedefIndex + 1; k < end && k + 1 < list.Count; k++)
        {
            var t = list[k].Token;
            if (t.Is("{"))
            {
                depth++;
            }
            else if (t.Is("}"))
            {
                depth--;
            }
            else if (depth == 0 && t.Kind == PpTokenKind.Identifier && !s_literalTypes.ContainsKey(t.Text))
            {
                var next = list[k + 1].Token;
                var prev = list[k - 1].Token;
                if ((next.Is(";") || next.Is(",") || next.Is("[") || next.Is(")") || next.Is("=")) && !(prev.IsIdentifier("struct") || prev.IsIdentifier("union") || prev.IsIdentifier("enum")))
                {
                    names.Add((end, t.Text, k));
                }
            }
        }
        return names;
    }
}
