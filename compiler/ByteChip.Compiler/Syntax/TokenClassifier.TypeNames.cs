using Antlr4.Runtime;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Syntax.Generated;

namespace ByteChip.Compiler.Syntax;

/// <summary>Pass 2: the scope table of type names decides Identifier, TypeName and TemplateName.</summary>
public static partial class TokenClassifier
{
    // ------------------------------------------------------------------ pass 2: type names

    private sealed class Scope(int braceDepth, bool isTemplate)
    {
        public HashSet<string> TypeNames { get; } = new(StringComparer.Ordinal);

        public HashSet<string> TemplateNames { get; } = new(StringComparer.Ordinal);

        /// <summary>Variables and parameters declared here that hide a type name of an enclosing scope.</summary>
        public HashSet<string> ValueNames { get; } = new(StringComparer.Ordinal);

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
        var pendingParameterNames = new List<string>();
        // A for statement is a scope of its own: a variable of its header that hides a type name (for (int count = 0;
        // ...)) does so up to the end of the loop's body, the token index kept here.
        var forScopeEnds = new Stack<int>();
        bool IsType(string name)
        {
            // The innermost declaration wins: a variable named like a type hides it until the end of its scope.
            for (int s = scopes.Count - 1; s >= 0; s--)
            {
                if (scopes[s].ValueNames.Contains(name))
                {
                    return false;
                }
                if (scopes[s].TypeNames.Contains(name))
                {
                    return true;
                }
            }
            return false;
        }
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
                else if (!afterMember && IsType(t.Text) && IsShadowingDeclarator(list, i))
                {
                    // int count = 0;  with a struct 'count' in scope: a variable (or parameter) hiding the type.
                    if (parameterLists.Count > 0 && parameterLists.Peek())
                    {
                        pendingParameterNames.Add(t.Text);
                    }
                    else
                    {
                        Innermost().ValueNames.Add(t.Text);
                    }
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
                if (i > 0 && list[i - 1].Token.IsIdentifier("for") && list[i - 1].Type != CudaParser.Identifier)
                {
                    scopes.Add(new Scope(braceDepth, false));
                    forScopeEnds.Push(StatementEnd(list, MatchingClose(list, i) + 1));
                }
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
                    // Parameters that hide a type name are in scope in the function body.
                    scopes[^1].ValueNames.UnionWith(pendingParameterNames);
                    pendingParameterNames.Clear();
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
                    if (parameterLists.Count == 0)
                    {
                        pendingParameterNames.Clear(); // a prototype: its parameter names end here
                    }
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
            while (forScopeEnds.Count > 0 && forScopeEnds.Peek() <= i && scopes.Count > 1)
            {
                forScopeEnds.Pop();
                scopes.RemoveAt(scopes.Count - 1);
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

    /// <summary>The index of the bracket that closes the one at <paramref name="open"/> (the last token when unbalanced).</summary>
    private static int MatchingClose(List<ClassifiedToken> list, int open)
    {
        int depth = 0;
        for (int k = open; k < list.Count; k++)
        {
            string text = list[k].Token.Text;
            if (text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (text is ")" or "]" or "}" && --depth == 0)
            {
                return k;
            }
        }
        return list.Count - 1;
    }

    /// <summary>The index of the last token of the statement that starts at <paramref name="start"/>.</summary>
    private static int StatementEnd(List<ClassifiedToken> list, int start)
    {
        if (start >= list.Count - 1)
        {
            return list.Count - 1;
        }
        var first = list[start];
        if (first.Type is CudaParser.PragmaUnroll or CudaParser.PragmaOther)
        {
            return StatementEnd(list, start + 1);
        }
        if (first.Type == CudaParser.PragmaUnrollCount)
        {
            int end = list.FindIndex(start, t => t.Type == CudaParser.PragmaEnd);
            return end < 0 ? list.Count - 1 : StatementEnd(list, end + 1);
        }
        switch (first.Token.Text)
        {
            case "{":
                return MatchingClose(list, start);
            case "for" or "while" or "switch" when start + 1 < list.Count && list[start + 1].Token.Is("("):
                return StatementEnd(list, MatchingClose(list, start + 1) + 1);
            case "if" when start + 1 < list.Count && list[start + 1].Token.Is("("):
                int then = StatementEnd(list, MatchingClose(list, start + 1) + 1);
                return then + 1 < list.Count && list[then + 1].Token.IsIdentifier("else") ? StatementEnd(list, then + 2) : then;
            case "do":
                int body = StatementEnd(list, start + 1);
                return StatementEnd(list, body + 1); // while (...);
        }
        int depth = 0;
        for (int k = start; k < list.Count; k++)
        {
            string text = list[k].Token.Text;
            if (text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (text is ")" or "]" or "}")
            {
                if (--depth < 0)
                {
                    return k - 1; // the enclosing block ends first
                }
            }
            else if (text == ";" && depth == 0)
            {
                return k;
            }
        }
        return list.Count - 1;
    }

    private static readonly HashSet<string> s_typeKeywords =
    [
        "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "bool", "_Bool", "__half", "auto",
    ];

    /// <summary>
    /// A type name in declarator position: after a type (<c>int count = 0;</c>, <c>float value;</c>,
    /// <c>Vec3* value,</c>) and before what ends a declarator, so it declares a variable that hides the type.
    /// </summary>
    private static bool IsShadowingDeclarator(List<ClassifiedToken> list, int i)
    {
        if (i + 1 >= list.Count || list[i + 1].Token.Text is not ("=" or ";" or "," or "[" or ")" or "{"))
        {
            return false;
        }
        int k = i - 1;
        while (k >= 0 && list[k].Token.Text is "*" or "&" or "__restrict__" or "__restrict" || k >= 0 && list[k].Token.Text == "const" && k < i - 1)
        {
            k--;
        }
        if (k < 0)
        {
            return false;
        }
        var before = list[k];
        if (before.Token.Is(","))
        {
            return list[i + 1].Token.Text != ")" && DeclarationStart(list, k) is int start && StartsDeclaration(list, start);
        }
        return IsTypeToken(before);
    }

    private static bool IsTypeToken(ClassifiedToken t) =>
        t.Type == CudaParser.TypeName || (t.Token.Kind == PpTokenKind.Identifier && s_typeKeywords.Contains(t.Token.Text));

    /// <summary>
    /// The first token of the statement (or <c>for</c> header) that the <c>,</c> at <paramref name="comma"/> is in,
    /// outside brackets; null when the comma is inside parentheses or brackets (an argument or parameter list).
    /// </summary>
    private static int? DeclarationStart(List<ClassifiedToken> list, int comma)
    {
        int depth = 0;
        for (int k = comma - 1; k >= 0; k--)
        {
            var item = list[k];
            if (item.Type is CudaParser.HostCode or CudaParser.HostBody or CudaParser.PragmaOther or CudaParser.PragmaUnroll or CudaParser.PragmaEnd)
            {
                return depth == 0 ? k + 1 : null;
            }
            switch (item.Token.Text)
            {
                case ")" or "]":
                    depth++;
                    break;
                case "}":
                    if (depth == 0 && !list[k + 1].Token.Is(","))
                    {
                        return k + 1; // the end of the previous statement, not a brace initializer
                    }
                    depth++;
                    break;
                case "(" or "[" or "{":
                    if (depth > 0)
                    {
                        depth--;
                        break;
                    }
                    return item.Token.Text == "{" ? k + 1 : item.Token.Text == "(" && k > 0 && list[k - 1].Token.Text == "for" ? k + 1 : null;
                case ";" when depth == 0:
                    return k + 1;
            }
        }
        return depth == 0 ? 0 : null;
    }

    private static readonly HashSet<string> s_declarationQualifiers =
    [
        "const", "volatile", "static", "extern", "register", "constexpr", "__shared__", "__device__", "__constant__", "__restrict__", "inline",
        "__forceinline__",
    ];

    /// <summary>Whether the tokens from <paramref name="start"/> begin a declaration: qualifiers, a type, then a declarator.</summary>
    private static bool StartsDeclaration(List<ClassifiedToken> list, int start)
    {
        int k = start;
        while (k < list.Count && list[k].Token.Kind == PpTokenKind.Identifier && s_declarationQualifiers.Contains(list[k].Token.Text))
        {
            k++;
        }
        int types = 0;
        while (k < list.Count && IsTypeToken(list[k]))
        {
            k++;
            types++;
        }
        return types > 0 && k < list.Count && (list[k].Type == CudaParser.Identifier || list[k].Token.Text is "*" or "&");
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
