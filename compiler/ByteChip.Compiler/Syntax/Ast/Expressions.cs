namespace ByteChip.Compiler.Syntax.Ast;

public abstract record ExpressionSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>A name, optionally qualified (<c>cg::sync</c>) and with template arguments (<c>reduce&lt;256&gt;</c>).</summary>
public sealed record NameExpressionSyntax(SourceSpan Span, string Name, string? Qualifier, ImmutableArray<TemplateArgumentSyntax>? TemplateArguments) : ExpressionSyntax(Span);

/// <summary>An integer literal with its suffix (<c>u</c>, <c>l</c>, <c>ll</c>, combinations) and whether it was decimal.</summary>
public sealed record IntegerLiteralSyntax(SourceSpan Span, string Text, ulong Value, bool IsUnsigned, int LongCount, bool IsDecimal) : ExpressionSyntax(Span);

/// <summary>A floating literal; <see cref="IsFloat"/> for the <c>f</c> suffix.</summary>
public sealed record FloatLiteralSyntax(SourceSpan Span, string Text, double Value, bool IsFloat) : ExpressionSyntax(Span);

public sealed record CharLiteralSyntax(SourceSpan Span, string Text, long Value) : ExpressionSyntax(Span);

public sealed record StringLiteralSyntax(SourceSpan Span, string Value) : ExpressionSyntax(Span);

public sealed record BoolLiteralSyntax(SourceSpan Span, bool Value) : ExpressionSyntax(Span);

public sealed record NullptrLiteralSyntax(SourceSpan Span) : ExpressionSyntax(Span);

public sealed record ThisExpressionSyntax(SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>Prefix operators: <c>+ - ! ~ * &amp; ++ --</c>.</summary>
public sealed record UnaryExpressionSyntax(SourceSpan Span, string Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);

/// <summary>Postfix <c>++</c> and <c>--</c>.</summary>
public sealed record PostfixExpressionSyntax(SourceSpan Span, string Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);

public sealed record BinaryExpressionSyntax(SourceSpan Span, string Operator, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax(Span);

/// <summary><c>=</c> and the compound assignments (<see cref="Operator"/> is <c>+=</c> etc.).</summary>
public sealed record AssignmentExpressionSyntax(SourceSpan Span, string Operator, ExpressionSyntax Target, ExpressionSyntax Value) : ExpressionSyntax(Span);

public sealed record ConditionalExpressionSyntax(SourceSpan Span, ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse) : ExpressionSyntax(Span);

public sealed record CommaExpressionSyntax(SourceSpan Span, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax(Span);

public sealed record CallExpressionSyntax(SourceSpan Span, ExpressionSyntax Callee, ImmutableArray<ExpressionSyntax> Arguments) : ExpressionSyntax(Span);

public sealed record IndexExpressionSyntax(SourceSpan Span, ExpressionSyntax Base, ExpressionSyntax Index) : ExpressionSyntax(Span);

public sealed record MemberExpressionSyntax(SourceSpan Span, ExpressionSyntax Base, string Member, bool IsArrow) : ExpressionSyntax(Span);

/// <summary>The kind of a cast as written.</summary>
public enum CastSyntaxKind
{
    CStyle,
    Static,
    Reinterpret,
    Const,
}

public sealed record CastExpressionSyntax(SourceSpan Span, CastSyntaxKind Kind, TypeSyntax Type, ExpressionSyntax Operand) : ExpressionSyntax(Span);

/// <summary><c>T(args)</c> or <c>T{args}</c>: a functional cast (one argument) or a construction (<c>float3(a, b, c)</c>).</summary>
public sealed record ConstructExpressionSyntax(SourceSpan Span, TypeSyntax Type, ImmutableArray<ExpressionSyntax> Arguments, bool IsBraced) : ExpressionSyntax(Span);

/// <summary><c>sizeof(type)</c> (<see cref="Type"/>) or <c>sizeof expr</c> (<see cref="Operand"/>).</summary>
public sealed record SizeofExpressionSyntax(SourceSpan Span, TypeSyntax? Type, ExpressionSyntax? Operand) : ExpressionSyntax(Span);

public sealed record AlignofExpressionSyntax(SourceSpan Span, TypeSyntax Type) : ExpressionSyntax(Span);

/// <summary>A brace list used as a value (<c>x = {1, 2}</c>, <c>return {a, b};</c>).</summary>
public sealed record InitListExpressionSyntax(SourceSpan Span, BraceInitializerSyntax List) : ExpressionSyntax(Span);

/// <summary>An expression the parser could not read.</summary>
public sealed record ErrorExpressionSyntax(SourceSpan Span) : ExpressionSyntax(Span);
