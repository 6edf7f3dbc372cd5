using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Syntax.Ast;
using static ByteChip.Compiler.Syntax.Generated.CudaParser;

namespace ByteChip.Compiler.Syntax;

/// <summary>Statements and expressions.</summary>
public sealed partial class AstBuilder
{
    private BlockStatementSyntax Block(CompoundStatementContext ctx) => new(Span(ctx), ctx.statement().Select(Statement).ToImmutableArray());

    private StatementSyntax Statement(StatementContext? ctx)
    {
        if (ctx?.Start == null || ctx.Start.Type == TokenConstants.EOF || ctx.exception != null && ctx.ChildCount == 0)
        {
            return new ErrorStatementSyntax(Span(ctx));
        }
        var span = Span(ctx);
        var stmts = ctx.statement();
        StatementSyntax Sub(int i) => i < stmts.Length ? Statement(stmts[i]) : new ErrorStatementSyntax(span);
        ExpressionSyntax Expr(int i) => ctx.expression(i) is { } e ? Expression(e) : new ErrorExpressionSyntax(span);

        switch (ctx.Start.Type)
        {
            case PragmaUnroll:
                return AttachUnroll(ctx.PragmaUnroll(), null, Sub(0));
            case PragmaUnrollCount:
                return AttachUnroll(ctx.PragmaUnrollCount(), ctx.pragmaArgument(), Sub(0));
            case PragmaOther:
                var pragma = Pragma(ctx.PragmaOther());
                return new PragmaStatementSyntax(pragma.Span, pragma.Text);
        }
        if (ctx.compoundStatement() is { } block)
        {
            return Block(block);
        }
        if (ctx.declaration() is { } decl)
        {
            return new DeclarationStatementSyntax(span, Declaration(decl));
        }
        string first = ctx.Start.Text;
        if (ctx.Start.Type == Identifier && ctx.ChildCount >= 2 && ctx.GetChild(1).GetText() == ":")
        {
            return new LabeledStatementSyntax(span, first, Sub(0));
        }
        switch (first)
        {
            case "case":
                return new CaseStatementSyntax(span, Expr(0), Sub(0));
            case "default" when HasToken(ctx, ":"):
                return new CaseStatementSyntax(span, null, Sub(0));
            case "if":
                return new IfStatementSyntax(span, Expr(0), Sub(0), stmts.Length > 1 ? Statement(stmts[1]) : null);
            case "switch":
                return new SwitchStatementSyntax(span, Expr(0), Sub(0));
            case "while":
                return new WhileStatementSyntax(span, Expr(0), Sub(0), null);
            case "do":
                return new DoStatementSyntax(span, Sub(0), Expr(0), null);
            case "for":
                return For(ctx, span);
            case "goto":
                return new GotoStatementSyntax(span, ctx.Identifier()?.GetText() ?? "<error>");
            case "continue":
                return new ContinueStatementSyntax(span);
            case "break":
                return new BreakStatementSyntax(span);
            case "return":
                ExpressionSyntax? value = ctx.expression(0) is { } rv ? Expression(rv)
                    : ctx.bracedInitList() is { } bl ? new InitListExpressionSyntax(Span(bl), BraceList(bl))
                    : null;
                return new ReturnStatementSyntax(span, value);
        }
        if (ctx.expression(0) is { } expression)
        {
            return new ExpressionStatementSyntax(span, Expression(expression));
        }
        return HasToken(ctx, ";") && ctx.ChildCount == 1 ? new EmptyStatementSyntax(span) : new ErrorStatementSyntax(span);
    }

    private StatementSyntax For(StatementContext ctx, SourceSpan span)
    {
        StatementSyntax? init = null;
        var forInit = ctx.forInit();
        if (forInit?.declaration() is { } d)
        {
            init = new DeclarationStatementSyntax(Span(d), Declaration(d));
        }
        else if (forInit?.expression() is { } e)
        {
            init = new ExpressionStatementSyntax(Span(e), Expression(e));
        }
        // The two optional expressions are told apart by the ';' between them.
        ExpressionSyntax? condition = null, step = null;
        int semicolon = -1;
        for (int i = 0; i < ctx.ChildCount; i++)
        {
            var child = ctx.GetChild(i);
            if (child is ITerminalNode t && t.GetText() == ";")
            {
                semicolon = i;
            }
            else if (child is ExpressionContext ec)
            {
                if (semicolon < 0)
                {
                    condition = Expression(ec);
                }
                else
                {
                    step = Expression(ec);
                }
            }
        }
        var stmts = ctx.statement();
        var body = stmts.Length > 0 ? Statement(stmts[0]) : new ErrorStatementSyntax(span);
        return new ForStatementSyntax(span, init, condition, step, body, null);
    }

    /// <summary>
    /// <c>#pragma unroll [N]</c> becomes the loop's <see cref="UnrollHintSyntax"/> (the semantic analysis evaluates
    /// <c>N</c>, per template instance); before anything else it is a warning.
    /// </summary>
    private StatementSyntax AttachUnroll(ITerminalNode pragma, PragmaArgumentContext? argument, StatementSyntax statement)
    {
        var span = Span(pragma);
        ExpressionSyntax? count = null;
        if (argument != null)
        {
            if (argument.conditionalExpression() is { } e)
            {
                count = Conditional(e);
            }
            else
            {
                string arg = Tok(pragma.Symbol).Token.Text["unroll".Length..].Trim();
                _diagnostics.Error((int)SyntaxCode.InvalidPragmaUnroll, span.Start, $"'#pragma unroll' expects an integral constant expression, not '{arg}'");
            }
        }
        var hint = new UnrollHintSyntax(span, count);
        switch (statement)
        {
            case ForStatementSyntax f:
                return f with { Unroll = hint };
            case WhileStatementSyntax w:
                return w with { Unroll = hint };
            case DoStatementSyntax d:
                return d with { Unroll = hint };
            default:
                _diagnostics.Warning((int)SyntaxCode.PragmaUnrollWithoutLoop, span.Start, "'#pragma unroll' must precede a loop; ignored");
                return statement;
        }
    }

    // ------------------------------------------------------------------ expressions

    private ExpressionSyntax Expression(ExpressionContext? ctx)
    {
        if (ctx == null)
        {
            return new ErrorExpressionSyntax(SourceSpan.None);
        }
        var parts = ctx.assignmentExpression();
        if (parts.Length == 0)
        {
            return new ErrorExpressionSyntax(Span(ctx));
        }
        var result = Assignment(parts[0]);
        for (int i = 1; i < parts.Length; i++)
        {
            var right = Assignment(parts[i]);
            result = new CommaExpressionSyntax(new SourceSpan(result.Span.Start, right.Span.End, result.Span.Expansion), result, right);
        }
        return result;
    }

    private ImmutableArray<ExpressionSyntax> Arguments(ArgumentListContext ctx) => ctx.assignmentExpression().Select(Assignment).ToImmutableArray();

    private ExpressionSyntax Assignment(AssignmentExpressionContext ctx)
    {
        var target = ctx.conditionalExpression() is { } c ? Conditional(c) : new ErrorExpressionSyntax(Span(ctx));
        if (ctx.assignmentOperator() is not { } op)
        {
            return target;
        }
        ExpressionSyntax value = ctx.assignmentExpression() is { } v ? Assignment(v)
            : ctx.bracedInitList() is { } b ? new InitListExpressionSyntax(Span(b), BraceList(b))
            : new ErrorExpressionSyntax(Span(ctx));
        return new AssignmentExpressionSyntax(Span(ctx), op.GetText(), target, value);
    }

    private ExpressionSyntax Conditional(ConditionalExpressionContext ctx)
    {
        var cond = ctx.binaryExpression() is { } b ? Binary(b) : new ErrorExpressionSyntax(Span(ctx));
        if (!HasToken(ctx, "?"))
        {
            return cond;
        }
        var whenTrue = ctx.expression() is { } e ? Expression(e) : new ErrorExpressionSyntax(Span(ctx));
        var whenFalse = ctx.assignmentExpression() is { } a ? Assignment(a) : new ErrorExpressionSyntax(Span(ctx));
        return new ConditionalExpressionSyntax(Span(ctx), cond, whenTrue, whenFalse);
    }

    private ExpressionSyntax Binary(BinaryExpressionContext ctx) =>
        BinaryTree(ctx, ctx.castExpression(), ctx.op, ctx.binaryExpression(), o => Binary((BinaryExpressionContext)o));

    /// <summary><c>f&lt;A == B&gt;</c>: the same tree as the parenthesised <c>(A == B)</c>.</summary>
    private ExpressionSyntax TemplateArgumentExpression(TemplateArgumentExpressionContext ctx) =>
        BinaryTree(ctx, ctx.castExpression(), ctx.op, ctx.templateArgumentExpression(), o => TemplateArgumentExpression((TemplateArgumentExpressionContext)o));

    /// <summary>A node of a left-recursive binary-operator rule: a cast expression, or two operands and an operator.</summary>
    private ExpressionSyntax BinaryTree(ParserRuleContext ctx, CastExpressionContext? cast, IToken? op, ParserRuleContext[] operands, Func<ParserRuleContext, ExpressionSyntax> operand)
    {
        if (cast != null)
        {
            return Cast(cast);
        }
        if (operands.Length < 2 || op == null)
        {
            return operands.Length == 1 ? operand(operands[0]) : new ErrorExpressionSyntax(Span(ctx));
        }
        return new BinaryExpressionSyntax(Span(ctx), op.Text, operand(operands[0]), operand(operands[1]));
    }

    private ExpressionSyntax Cast(CastExpressionContext ctx)
    {
        if (ctx.unaryExpression() is { } u)
        {
            return Unary(u);
        }
        var type = ctx.typeName() is { } tn ? TypeName(tn) : ErrorType(Span(ctx));
        var operand = ctx.castExpression() is { } c ? Cast(c) : new ErrorExpressionSyntax(Span(ctx));
        return new CastExpressionSyntax(Span(ctx), CastSyntaxKind.CStyle, type, operand);
    }

    private ExpressionSyntax Unary(UnaryExpressionContext ctx)
    {
        var span = Span(ctx);
        if (ctx.postfixExpression() is { } p)
        {
            return Postfix(p);
        }
        string first = ctx.Start.Text;
        if (first == "sizeof")
        {
            return ctx.typeName() is { } t ? new SizeofExpressionSyntax(span, TypeName(t), null)
                : new SizeofExpressionSyntax(span, null, ctx.unaryExpression() is { } ue ? Unary(ue) : new ErrorExpressionSyntax(span));
        }
        if (first is "alignof" or "__alignof__")
        {
            return new AlignofExpressionSyntax(span, ctx.typeName() is { } t ? TypeName(t) : ErrorType(span));
        }
        ExpressionSyntax operand = ctx.unaryExpression() is { } inner ? Unary(inner)
            : ctx.castExpression() is { } c ? Cast(c)
            : new ErrorExpressionSyntax(span);
        return new UnaryExpressionSyntax(span, ctx.op?.Text ?? first, operand);
    }

    private ExpressionSyntax Postfix(PostfixExpressionContext ctx)
    {
        var result = ctx.primaryExpression() is { } p ? Primary(p) : new ErrorExpressionSyntax(Span(ctx));
        foreach (var s in ctx.postfixSuffix())
        {
            var span = new SourceSpan(result.Span.Start, Span(s).End, result.Span.Expansion);
            string first = s.Start.Text;
            result = first switch
            {
                "[" => new IndexExpressionSyntax(span, result, s.expression() is { } e ? Expression(e) : new ErrorExpressionSyntax(span)),
                "(" => new CallExpressionSyntax(span, result, s.argumentList() is { } al ? Arguments(al) : []),
                "." or "->" => new MemberExpressionSyntax(span, result, s.memberName()?.GetText() ?? "<error>", first == "->"),
                _ => new PostfixExpressionSyntax(span, first, result),
            };
        }
        return result;
    }

    private ExpressionSyntax Primary(PrimaryExpressionContext ctx)
    {
        var span = Span(ctx);
        if (ctx.constant() is { } c)
        {
            return Constant(c);
        }
        if (ctx.Identifier() is { } id)
        {
            return new NameExpressionSyntax(span, id.GetText(), Qualifier(ctx.nestedNameSpecifier()), null);
        }
        if (ctx.TemplateName() is { } tn)
        {
            return new NameExpressionSyntax(span, tn.GetText(), Qualifier(ctx.nestedNameSpecifier()), ctx.templateArguments() is { } ta ? TemplateArguments(ta) : null);
        }
        if (ctx.StringLiteral().Length > 0)
        {
            return new StringLiteralSyntax(span, string.Concat(ctx.StringLiteral().Select(s => StringValue(s.GetText()))));
        }
        if (ctx.castKeyword() is { } ck)
        {
            var kind = ck.GetText() switch
            {
                "reinterpret_cast" => CastSyntaxKind.Reinterpret,
                "const_cast" => CastSyntaxKind.Const,
                _ => CastSyntaxKind.Static,
            };
            return new CastExpressionSyntax(span, kind, ctx.typeName() is { } t ? TypeName(t) : ErrorType(span), Expression(ctx.expression()));
        }
        if (ctx.functionalCastType() is { } fct)
        {
            var type = FunctionalType(fct);
            if (ctx.bracedInitList() is { } b)
            {
                var items = b.initializerItem().Select(item => item.initializer()?.assignmentExpression() is { } ae ? Assignment(ae) : new ErrorExpressionSyntax(Span(item))).ToImmutableArray();
                return new ConstructExpressionSyntax(span, type, items, true);
            }
            return new ConstructExpressionSyntax(span, type, ctx.argumentList() is { } al ? Arguments(al) : [], false);
        }
        switch (ctx.Start.Text)
        {
            case "(":
                return ctx.expression() is { } inner ? Expression(inner) : new ErrorExpressionSyntax(span);
            case "true":
                return new BoolLiteralSyntax(span, true);
            case "false":
                return new BoolLiteralSyntax(span, false);
            case "nullptr":
                return new NullptrLiteralSyntax(span);
            case "this":
                return new ThisExpressionSyntax(span);
        }
        return new ErrorExpressionSyntax(span);
    }

    private TypeSyntax FunctionalType(FunctionalCastTypeContext ctx)
    {
        var span = Span(ctx);
        var named = ctx.typenameSpecifier() is { } ts ? TypeReference(ts) : null;
        var keywords = named == null ? Children(ctx).Select(c => c.GetText()).ToImmutableArray() : [];
        return new TypeSyntax(span, new DeclSpecifiersSyntax(span, keywords, named, null, null, []), new NameDeclaratorSyntax(span, null, null, null));
    }

    private ExpressionSyntax Constant(ConstantContext ctx)
    {
        var span = Span(ctx);
        string text = ctx.GetText();
        return ctx.Start.Type switch
        {
            IntegerConstant => IntegerLiteral(span, text),
            FloatingConstant => FloatLiteral(span, text),
            _ => new CharLiteralSyntax(span, text, ConditionalExpressionValue(text)),
        };
    }

    private static long ConditionalExpressionValue(string text) => Preprocessor.ConditionalExpression.CharacterValue(text);

    private IntegerLiteralSyntax IntegerLiteral(SourceSpan span, string text)
    {
        int end = text.Length;
        bool isUnsigned = false;
        int longs = 0;
        while (end > 0 && text[end - 1] is 'u' or 'U' or 'l' or 'L')
        {
            if (text[end - 1] is 'u' or 'U')
            {
                isUnsigned = true;
            }
            else
            {
                longs++;
            }
            end--;
        }
        string digits = text[..end];
        ulong value = ParseIntegerDigits(digits, out bool ok);
        if (!ok || longs > 2)
        {
            _diagnostics.Error((int)SyntaxCode.InvalidLiteral, span.Start, $"invalid integer literal '{text}'");
        }
        bool isDecimal = !(digits.Length > 1 && digits[0] == '0');
        return new IntegerLiteralSyntax(span, text, value, isUnsigned, longs, isDecimal);
    }

    private FloatLiteralSyntax FloatLiteral(SourceSpan span, string text)
    {
        bool isFloat = text.EndsWith('f') || text.EndsWith('F');
        string digits = text.TrimEnd('f', 'F', 'l', 'L');
        double value;
        bool ok;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = TryParseHexFloat(digits, out value);
        }
        else
        {
            ok = double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        if (!ok)
        {
            _diagnostics.Error((int)SyntaxCode.InvalidLiteral, span.Start, $"invalid floating literal '{text}'");
        }
        return new FloatLiteralSyntax(span, text, value, isFloat);
    }

    private static bool TryParseHexFloat(string text, out double value)
    {
        value = 0;
        int p = text.IndexOfAny(['p', 'P']);
        string mantissa = p < 0 ? text[2..] : text[2..p];
        int exponent = 0;
        if (p >= 0 && !int.TryParse(text[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }
        int dot = mantissa.IndexOf('.');
        string digits = mantissa.Replace(".", "");
        if (digits.Length == 0 || !ulong.TryParse(digits.Length > 15 ? digits[..15] : digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong m))
        {
            return false;
        }
        int fractionDigits = dot < 0 ? 0 : Math.Min(15, digits.Length) - dot;
        value = m * Math.Pow(2, exponent - 4 * fractionDigits);
        return true;
    }
}
