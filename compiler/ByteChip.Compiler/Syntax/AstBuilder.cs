using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Syntax.Ast;
using ByteChip.Compiler.Syntax.Generated;
using static ByteChip.Compiler.Syntax.Generated.CudaParser;

namespace ByteChip.Compiler.Syntax;

/// <summary>
/// Builds the immutable AST from the ANTLR parse tree. Parts the parser could not read (missing children after
/// error recovery) become error nodes. Reports the few syntax-level diagnostics that need the tree
/// (<c>#pragma unroll</c> placement, literal values).
/// </summary>
public sealed partial class AstBuilder
{
    private readonly IReadOnlyList<ClassifiedToken> _tokens;
    private readonly DiagnosticBag _diagnostics;

    private AstBuilder(IReadOnlyList<ClassifiedToken> tokens, DiagnosticBag diagnostics)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    public static TranslationUnitSyntax Build(ParseResult parse, DiagnosticBag diagnostics)
    {
        var builder = new AstBuilder(parse.Tokens, diagnostics);
        var decls = ImmutableArray.CreateBuilder<DeclarationSyntax>();
        decls.AddRange(parse.Prelude);
        foreach (var e in parse.Tree.externalDeclaration())
        {
            builder.ExternalDeclaration(e, decls);
        }
        var launches = parse.Launches.Where(l => l.Arguments != null)
            .Select(l => new HostLaunchSyntax(new SourceSpan(l.Launch.Name.Location, l.Launch.Name.Location, l.Launch.Name.Expansion), l.Launch.Name.Text, builder.TemplateArguments(l.Arguments!))
            {
                CallArguments = l.CallArguments is { } call ? builder.TemplateArguments(call) : null,
            })
            .ToImmutableArray();
        // The unit spans the main file (the end-of-file token is in it), not the built-in header that comes first.
        var end = parse.Tokens.First(t => t.Type == TokenConstants.EOF).Token.Location;
        var span = new SourceSpan(new Isa.Diagnostics.SourceLocation(end.File, 1, 1), end);
        return new TranslationUnitSyntax(span, decls.ToImmutable()) { HostLaunches = launches };
    }

    // ------------------------------------------------------------------ spans

    private ClassifiedToken Tok(IToken t) => _tokens[Math.Clamp(t.StartIndex, 0, _tokens.Count - 1)];

    private SourceSpan Span(ParserRuleContext? ctx)
    {
        if (ctx?.Start == null)
        {
            return SourceSpan.None;
        }
        var first = Tok(ctx.Start);
        var last = ctx.Stop != null && ctx.Stop.StartIndex >= ctx.Start.StartIndex ? Tok(ctx.Stop) : first;
        return new SourceSpan(first.Token.Location, last.Last.Location, first.Token.Expansion);
    }

    private SourceSpan Span(IToken t)
    {
        var c = Tok(t);
        return new SourceSpan(c.Token.Location, c.Last.Location, c.Token.Expansion);
    }

    private SourceSpan Span(ITerminalNode n) => Span(n.Symbol);

    private static IEnumerable<IParseTree> Children(ParserRuleContext ctx)
    {
        for (int i = 0; i < ctx.ChildCount; i++)
        {
            yield return ctx.GetChild(i);
        }
    }

    private static bool HasToken(ParserRuleContext ctx, string text) =>
        Children(ctx).Any(c => c is ITerminalNode t && t.Symbol.Type != TokenConstants.EOF && t.GetText() == text);

    private static int FirstTokenType(ParserRuleContext ctx) => ctx.Start?.Type ?? TokenConstants.EOF;

    // ------------------------------------------------------------------ top level

    private void ExternalDeclaration(ExternalDeclarationContext ctx, ImmutableArray<DeclarationSyntax>.Builder output)
    {
        if (ctx.linkageSpecification() is { } link)
        {
            foreach (var e in link.externalDeclaration())
            {
                ExternalDeclaration(e, output);
            }
            return;
        }
        if (ctx.HostCode() is { } host)
        {
            output.Add(new HostCodeSyntax(Span(host)));
            return;
        }
        if (ctx.PragmaUnroll() is { } unroll)
        {
            _diagnostics.Warning((int)SyntaxCode.PragmaUnrollWithoutLoop, Span(unroll).Start, "'#pragma unroll' must precede a loop; ignored");
            output.Add(new PragmaDeclarationSyntax(Span(unroll), Tok(unroll.Symbol).Token.Text));
            return;
        }
        if (ctx.PragmaUnrollCount() is { } unrollCount)
        {
            _diagnostics.Warning((int)SyntaxCode.PragmaUnrollWithoutLoop, Span(unrollCount).Start, "'#pragma unroll' must precede a loop; ignored");
            output.Add(new PragmaDeclarationSyntax(Span(unrollCount), Tok(unrollCount.Symbol).Token.Text));
            return;
        }
        if (ctx.PragmaOther() is { } pragma)
        {
            output.Add(Pragma(pragma));
            return;
        }
        DeclarationSyntax? inner = ctx.functionDefinition() is { } fd ? FunctionDefinition(fd)
            : ctx.declaration() is { } d ? Declaration(d)
            : null;
        if (inner == null)
        {
            if (!HasToken(ctx, ";"))
            {
                output.Add(new ErrorDeclarationSyntax(Span(ctx)));
            }
            return;
        }
        output.Add(ctx.templatePrefix() is { } tp ? Template(tp, inner, Span(ctx)) : inner);
    }

    private PragmaDeclarationSyntax Pragma(ITerminalNode pragma)
    {
        string text = Tok(pragma.Symbol).Token.Text;
        _diagnostics.Warning((int)SyntaxCode.UnknownPragma, Span(pragma).Start, $"unknown pragma ignored: '#pragma {text}'");
        return new PragmaDeclarationSyntax(Span(pragma), text);
    }

    private TemplateDeclarationSyntax Template(TemplatePrefixContext ctx, DeclarationSyntax inner, SourceSpan span)
    {
        var parameters = ctx.templateParameter().Select(p =>
        {
            if (p.declSpecifiers() is { } spec)
            {
                var name = p.Identifier()?.GetText() ?? "<error>";
                TemplateArgumentSyntax? def = p.templateArgument() is { } ta ? TemplateArgument(ta) : null;
                return new TemplateParameterSyntax(Span(p), name, DeclSpecifiers(spec), def);
            }
            TemplateArgumentSyntax? typeDefault = p.typeName() is { } tn ? new TypeTemplateArgumentSyntax(Span(tn), TypeName(tn)) : null;
            return new TemplateParameterSyntax(Span(p), p.TypeName()?.GetText() ?? "<error>", null, typeDefault);
        }).ToImmutableArray();
        return new TemplateDeclarationSyntax(span, parameters, inner);
    }

    private FunctionDefinitionSyntax FunctionDefinition(FunctionDefinitionContext ctx)
    {
        var spec = DeclSpecifiers(ctx.declSpecifiers());
        var declarator = Declarator(ctx.declarator());
        var (body, host) = FunctionBody(ctx.functionBody());
        return new FunctionDefinitionSyntax(Span(ctx), spec, declarator, body, host);
    }

    private (BlockStatementSyntax? Body, bool Host) FunctionBody(FunctionBodyContext? ctx)
    {
        if (ctx?.compoundStatement() is { } block)
        {
            return (Block(block), false);
        }
        return (ctx?.HostBody() != null ? null : new BlockStatementSyntax(Span(ctx), []), ctx?.HostBody() != null);
    }

    private DeclarationSyntax Declaration(DeclarationContext ctx)
    {
        if (FirstTokenType(ctx) == TokenConstants.EOF)
        {
            return new ErrorDeclarationSyntax(Span(ctx));
        }
        if (HasToken(ctx, "using"))
        {
            var type = ctx.typeName() is { } tn ? TypeName(tn) : ErrorType(Span(ctx));
            return new TypeAliasSyntax(Span(ctx), ctx.TypeName()?.GetText() ?? "<error>", type);
        }
        if (HasToken(ctx, "static_assert"))
        {
            var cond = ctx.conditionalExpression() is { } e ? Conditional(e) : new ErrorExpressionSyntax(Span(ctx));
            var message = ctx.StringLiteral();
            return new StaticAssertSyntax(Span(ctx), cond, message.Length > 0 ? string.Concat(message.Select(s => StringValue(s.GetText()))) : null);
        }
        if (ctx.declSpecifiers() is not { } specCtx)
        {
            return new ErrorDeclarationSyntax(Span(ctx));
        }
        var spec = DeclSpecifiers(specCtx);
        var declarators = ctx.initDeclaratorList()?.initDeclarator().Select(InitDeclarator).ToImmutableArray() ?? [];
        return new SimpleDeclarationSyntax(Span(ctx), spec, declarators);
    }

    private InitDeclaratorSyntax InitDeclarator(InitDeclaratorContext ctx)
    {
        var declarator = ctx.declarator() is { } d ? Declarator(d)
            : ctx.objectDeclarator() is { } o ? WrapPointers(o.pointerOperator(), ObjectDirectDeclarator(o.objectDirectDeclarator()))
            : new NameDeclaratorSyntax(Span(ctx), null, null, null);
        InitializerSyntax? init = null;
        if (ctx.initializer() is { } i)
        {
            init = Initializer(i);
        }
        else if (ctx.bracedInitList() is { } b)
        {
            init = BraceList(b);
        }
        else if (ctx.argumentList() is { } args)
        {
            init = new ConstructorInitializerSyntax(Span(args), Arguments(args));
        }
        return new InitDeclaratorSyntax(Span(ctx), declarator, init);
    }

    private InitializerSyntax Initializer(InitializerContext ctx) =>
        ctx.bracedInitList() is { } b ? BraceList(b)
        : new ExpressionInitializerSyntax(Span(ctx), ctx.assignmentExpression() is { } e ? Assignment(e) : new ErrorExpressionSyntax(Span(ctx)));

    private BraceInitializerSyntax BraceList(BracedInitListContext ctx) =>
        new(Span(ctx), ctx.initializerItem().Select(item => new InitializerItemSyntax(
            Span(item),
            item.designator().Select(d => new DesignatorSyntax(Span(d), d.Identifier()?.GetText(), d.expression() is { } e ? Expression(e) : null)).ToImmutableArray(),
            item.initializer() is { } init ? Initializer(init) : new ExpressionInitializerSyntax(Span(item), new ErrorExpressionSyntax(Span(item))))).ToImmutableArray());

    // ------------------------------------------------------------------ specifiers

    private DeclSpecifiersSyntax DeclSpecifiers(DeclSpecifiersContext? ctx)
    {
        var keywords = ImmutableArray.CreateBuilder<string>();
        var attributes = ImmutableArray.CreateBuilder<AttributeSyntax>();
        TypeReferenceSyntax? named = null;
        StructSpecifierSyntax? structSpec = null;
        EnumSpecifierSyntax? enumSpec = null;
        string? linkage = null;
        foreach (var s in ctx?.declSpecifier() ?? [])
        {
            if (s.attributeSpecifier() is { } attr)
            {
                attributes.Add(Attribute(attr));
            }
            else if (s.typeSpecifier() is { } ts)
            {
                if (ts.structSpecifier() is { } ss)
                {
                    structSpec = Struct(ss);
                }
                else if (ts.enumSpecifier() is { } es)
                {
                    enumSpec = Enum(es);
                }
                else if (ts.typenameSpecifier() is { } tn)
                {
                    named = TypeReference(tn);
                }
                else
                {
                    keywords.Add(ts.GetText());
                }
            }
            else if (s.storageClassSpecifier() is { } sc && sc.StringLiteral() is { } lit)
            {
                keywords.Add("extern");
                linkage = StringValue(lit.GetText());
            }
            else
            {
                keywords.Add(s.GetText());
            }
        }
        return new DeclSpecifiersSyntax(Span(ctx), keywords.ToImmutable(), named, structSpec, enumSpec, attributes.ToImmutable()) { Linkage = linkage };
    }

    private TypeReferenceSyntax TypeReference(TypenameSpecifierContext ctx) =>
        new(Span(ctx), ctx.TypeName()?.GetText() ?? "<error>", Qualifier(ctx.nestedNameSpecifier()),
            ctx.templateArguments() is { } ta ? TemplateArguments(ta) : []);

    private static string? Qualifier(NestedNameSpecifierContext? ctx) =>
        ctx == null ? null : string.Join("::", Children(ctx).Where(c => c.GetText() != "::").Select(c => c.GetText()));

    private ImmutableArray<TemplateArgumentSyntax> TemplateArguments(TemplateArgumentsContext ctx) => ctx.templateArgument().Select(TemplateArgument).ToImmutableArray();

    private TemplateArgumentSyntax TemplateArgument(TemplateArgumentContext ctx)
    {
        if (ctx.typeName() is { } tn)
        {
            return new TypeTemplateArgumentSyntax(Span(ctx), TypeName(tn));
        }
        var value = ctx.templateArgumentExpression() is { } e ? TemplateArgumentExpression(e) : new ErrorExpressionSyntax(Span(ctx));
        return new ValueTemplateArgumentSyntax(Span(ctx), value);
    }

    private AttributeSyntax Attribute(AttributeSpecifierContext ctx)
    {
        string name = ctx.Start.Text;
        var args = ctx.argumentList() is { } al ? Arguments(al)
            : ctx.expression() is { } e ? [Expression(e)]
            : [];
        return new AttributeSyntax(Span(ctx), name, args, ctx.GetText());
    }

    private StructSpecifierSyntax Struct(StructSpecifierContext ctx)
    {
        bool isUnion = ctx.structKey()?.GetText() == "union";
        string? name = ctx.TypeName()?.GetText();
        ImmutableArray<DeclarationSyntax>? members = null;
        if (HasToken(ctx, "{"))
        {
            var list = ImmutableArray.CreateBuilder<DeclarationSyntax>();
            foreach (var m in ctx.memberDeclaration())
            {
                if (Member(m) is { } decl)
                {
                    list.Add(decl);
                }
            }
            members = list.ToImmutable();
        }
        return new StructSpecifierSyntax(Span(ctx), isUnion, name, members, ctx.attributeSpecifier().Select(Attribute).ToImmutableArray());
    }

    private DeclarationSyntax? Member(MemberDeclarationContext ctx)
    {
        if (ctx.HostCode() is { } host)
        {
            return new HostCodeSyntax(Span(host));
        }
        if (ctx.accessSpecifier() is { } access)
        {
            return new AccessSpecifierSyntax(Span(ctx), access.GetText());
        }
        if (ctx.PragmaOther() is { } pragma)
        {
            return Pragma(pragma);
        }
        if (ctx.functionDefinition() is { } fd)
        {
            var f = FunctionDefinition(fd);
            return ctx.templatePrefix() is { } tp ? Template(tp, f, Span(ctx)) : f;
        }
        if (ctx.constructorDefinition() is { } ctor)
        {
            return Constructor(ctor);
        }
        if (ctx.declaration() is { } d)
        {
            return Declaration(d);
        }
        return HasToken(ctx, ";") ? null : new ErrorDeclarationSyntax(Span(ctx));
    }

    private DeclarationSyntax Constructor(ConstructorDefinitionContext ctx)
    {
        var keywords = ctx.functionSpecifier().Select(f => f.GetText()).ToImmutableArray();
        var attributes = ctx.attributeSpecifier().Select(Attribute).ToImmutableArray();
        var nameNode = ctx.TypeName();
        var spec = new DeclSpecifiersSyntax(Span(ctx), keywords, null, null, null, attributes);
        var name = new NameDeclaratorSyntax(nameNode != null ? Span(nameNode) : Span(ctx), nameNode?.GetText() ?? "<error>", null, null);
        var (parameters, variadic) = Parameters(ctx.parameterList());
        var declarator = new FunctionDeclaratorSyntax(Span(ctx), name, parameters, variadic, []);
        var inits = ctx.constructorInitializer()?.memberInitializer().Select(m => new MemberInitializerSyntax(
            Span(m), m.Identifier()?.GetText() ?? "<error>",
            m.argumentList() is { } al ? Arguments(al)
            : m.bracedInitList() is { } b ? b.initializerItem().Select(item => item.initializer()?.assignmentExpression() is { } ae ? Assignment(ae) : new ErrorExpressionSyntax(Span(item))).ToImmutableArray()
            : [])).ToImmutableArray() ?? [];
        if (ctx.functionBody() is { } bodyCtx)
        {
            var (body, host) = FunctionBody(bodyCtx);
            return new FunctionDefinitionSyntax(Span(ctx), spec, declarator, body, host) { IsConstructor = true, MemberInitializers = inits };
        }
        if (HasToken(ctx, "default"))
        {
            return new FunctionDefinitionSyntax(Span(ctx), spec, declarator, new BlockStatementSyntax(Span(ctx), []), false) { IsConstructor = true };
        }
        return new SimpleDeclarationSyntax(Span(ctx), spec, [new InitDeclaratorSyntax(Span(ctx), declarator, null)]);
    }

    private EnumSpecifierSyntax Enum(EnumSpecifierContext ctx)
    {
        ImmutableArray<EnumeratorSyntax>? enumerators = HasToken(ctx, "{")
            ? ctx.enumerator().Select(e => new EnumeratorSyntax(Span(e), e.Identifier()?.GetText() ?? "<error>", e.conditionalExpression() is { } x ? Conditional(x) : null)).ToImmutableArray()
            : null;
        bool scoped = HasToken(ctx, "class") || HasToken(ctx, "struct");
        return new EnumSpecifierSyntax(Span(ctx), ctx.TypeName()?.GetText(), scoped, ctx.declSpecifiers() is { } u ? DeclSpecifiers(u) : null, enumerators);
    }

    // ------------------------------------------------------------------ declarators

    private DeclaratorSyntax Declarator(DeclaratorContext? ctx)
    {
        if (ctx == null)
        {
            return new NameDeclaratorSyntax(SourceSpan.None, null, null, null);
        }
        var inner = ctx.directDeclarator() is { } dd ? DirectDeclarator(dd) : new NameDeclaratorSyntax(Span(ctx), null, null, null);
        return WrapPointers(ctx.pointerOperator(), inner);
    }

    /// <summary>Pointer operators apply to the specifiers' type first, so the first one is the outermost wrapper.</summary>
    private DeclaratorSyntax WrapPointers(PointerOperatorContext[] pointers, DeclaratorSyntax inner)
    {
        for (int i = pointers.Length - 1; i >= 0; i--)
        {
            var p = pointers[i];
            inner = p.Start.Text switch
            {
                "*" => new PointerDeclaratorSyntax(Span(p), inner, p.typeQualifier().Select(q => q.GetText()).ToImmutableArray()),
                "&&" => new ReferenceDeclaratorSyntax(Span(p), inner, true),
                _ => new ReferenceDeclaratorSyntax(Span(p), inner, false),
            };
        }
        return inner;
    }

    private static (string Name, string? Operator) DeclaratorIdName(DeclaratorIdContext id)
    {
        string? op = id.overloadableOperator()?.GetText();
        return (op != null ? "operator" + op : (id.Identifier() ?? id.TemplateName())?.GetText() ?? "<error>", op);
    }

    /// <summary>A declarator with a brace initializer: a name, a parenthesised declarator or an array of them.</summary>
    private DeclaratorSyntax ObjectDirectDeclarator(ObjectDirectDeclaratorContext? ctx)
    {
        if (ctx == null)
        {
            return new NameDeclaratorSyntax(SourceSpan.None, null, null, null);
        }
        if (ctx.declaratorId() is { } id)
        {
            var (name, op) = DeclaratorIdName(id);
            return new NameDeclaratorSyntax(Span(id), name, Qualifier(id.nestedNameSpecifier()), op);
        }
        if (ctx.objectDirectDeclarator() is { } inner)
        {
            return new ArrayDeclaratorSyntax(Span(ctx), ObjectDirectDeclarator(inner), ctx.expression() is { } e ? Expression(e) : null);
        }
        return ctx.declarator() is { } d ? Declarator(d) : new NameDeclaratorSyntax(Span(ctx), null, null, null);
    }

    private DeclaratorSyntax DirectDeclarator(DirectDeclaratorContext ctx)
    {
        if (ctx.declaratorId() is { } id)
        {
            var (name, op) = DeclaratorIdName(id);
            return new NameDeclaratorSyntax(Span(id), name, Qualifier(id.nestedNameSpecifier()), op);
        }
        if (ctx.directDeclarator() is { } inner)
        {
            var innerDecl = DirectDeclarator(inner);
            if (HasToken(ctx, "["))
            {
                return new ArrayDeclaratorSyntax(Span(ctx), innerDecl, ctx.expression() is { } e ? Expression(e) : null);
            }
            var (parameters, variadic) = Parameters(ctx.parameterList());
            return new FunctionDeclaratorSyntax(Span(ctx), innerDecl, parameters, variadic, ctx.typeQualifier().Select(q => q.GetText()).ToImmutableArray());
        }
        return ctx.declarator() is { } d ? Declarator(d) : new NameDeclaratorSyntax(Span(ctx), null, null, null);
    }

    private (ImmutableArray<ParameterSyntax>, bool) Parameters(ParameterListContext? ctx)
    {
        if (ctx == null)
        {
            return ([], false);
        }
        var list = ctx.parameterDeclaration().Select(p =>
        {
            var spec = DeclSpecifiers(p.declSpecifiers());
            DeclaratorSyntax declarator = p.declarator() is { } d ? Declarator(d)
                : p.abstractDeclarator() is { } a ? AbstractDeclarator(a)
                : new NameDeclaratorSyntax(Span(p), null, null, null);
            ExpressionSyntax? def = p.initializer()?.assignmentExpression() is { } e ? Assignment(e) : null;
            return new ParameterSyntax(Span(p), spec, declarator, def);
        }).ToImmutableArray();
        return (list, HasToken(ctx, "..."));
    }

    private TypeSyntax TypeName(TypeNameContext ctx) =>
        new(Span(ctx), DeclSpecifiers(ctx.declSpecifiers()), ctx.abstractDeclarator() is { } a ? AbstractDeclarator(a) : new NameDeclaratorSyntax(Span(ctx), null, null, null));

    private static TypeSyntax ErrorType(SourceSpan span) =>
        new(span, new DeclSpecifiersSyntax(span, ["int"], null, null, null, []), new NameDeclaratorSyntax(span, null, null, null));

    private DeclaratorSyntax AbstractDeclarator(AbstractDeclaratorContext ctx)
    {
        DeclaratorSyntax inner = ctx.directAbstractDeclarator() is { } d ? DirectAbstract(d) : new NameDeclaratorSyntax(Span(ctx), null, null, null);
        return WrapPointers(ctx.pointerOperator(), inner);
    }

    private DeclaratorSyntax DirectAbstract(DirectAbstractDeclaratorContext ctx)
    {
        DeclaratorSyntax inner = ctx.directAbstractDeclarator() is { } d ? DirectAbstract(d)
            : ctx.abstractDeclarator() is { } a ? AbstractDeclarator(a)
            : new NameDeclaratorSyntax(Span(ctx), null, null, null);
        if (ctx.abstractDeclarator() != null && ctx.directAbstractDeclarator() == null)
        {
            return inner;
        }
        if (HasToken(ctx, "["))
        {
            return new ArrayDeclaratorSyntax(Span(ctx), inner, ctx.expression() is { } e ? Expression(e) : null);
        }
        var (parameters, variadic) = Parameters(ctx.parameterList());
        return new FunctionDeclaratorSyntax(Span(ctx), inner, parameters, variadic, []);
    }

    private static string StringValue(string literal)
    {
        int q = literal.IndexOf('"');
        return q >= 0 && literal.Length >= q + 2 ? literal[(q + 1)..^1] : literal;
    }

    internal static ulong ParseIntegerDigits(string digits, out bool ok)
    {
        ok = true;
        try
        {
            if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return ulong.Parse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            }
            if (digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
            {
                return Convert.ToUInt64(digits[2..], 2);
            }
            if (digits.Length > 1 && digits[0] == '0')
            {
                return Convert.ToUInt64(digits[1..], 8);
            }
            return ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            ok = false;
            return 0;
        }
    }
}
