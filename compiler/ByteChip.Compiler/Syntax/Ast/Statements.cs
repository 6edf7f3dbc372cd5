namespace ByteChip.Compiler.Syntax.Ast;

public abstract record StatementSyntax(SourceSpan Span) : SyntaxNode(Span);

public sealed record BlockStatementSyntax(SourceSpan Span, ImmutableArray<StatementSyntax> Statements) : StatementSyntax(Span);

public sealed record DeclarationStatementSyntax(SourceSpan Span, DeclarationSyntax Declaration) : StatementSyntax(Span);

public sealed record ExpressionStatementSyntax(SourceSpan Span, ExpressionSyntax Expression) : StatementSyntax(Span);

public sealed record EmptyStatementSyntax(SourceSpan Span) : StatementSyntax(Span);

public sealed record IfStatementSyntax(SourceSpan Span, ExpressionSyntax Condition, StatementSyntax Then, StatementSyntax? Else) : StatementSyntax(Span);

public sealed record SwitchStatementSyntax(SourceSpan Span, ExpressionSyntax Value, StatementSyntax Body) : StatementSyntax(Span);

/// <summary><c>case V:</c> (<see cref="Value"/> set) or <c>default:</c>, labelling <see cref="Statement"/>.</summary>
public sealed record CaseStatementSyntax(SourceSpan Span, ExpressionSyntax? Value, StatementSyntax Statement) : StatementSyntax(Span);

public sealed record LabeledStatementSyntax(SourceSpan Span, string Label, StatementSyntax Statement) : StatementSyntax(Span);

/// <summary><c>#pragma unroll</c> (<see cref="Count"/> null) or <c>#pragma unroll N</c> attached to a loop.</summary>
public sealed record UnrollHintSyntax(SourceSpan Span, ExpressionSyntax? Count) : SyntaxNode(Span);

public sealed record WhileStatementSyntax(SourceSpan Span, ExpressionSyntax Condition, StatementSyntax Body, UnrollHintSyntax? Unroll) : StatementSyntax(Span);

public sealed record DoStatementSyntax(SourceSpan Span, StatementSyntax Body, ExpressionSyntax Condition, UnrollHintSyntax? Unroll) : StatementSyntax(Span);

/// <summary><c>for (Init Condition; Step) Body</c>; <see cref="Init"/> is a declaration or expression statement.</summary>
public sealed record ForStatementSyntax(SourceSpan Span, StatementSyntax? Init, ExpressionSyntax? Condition, ExpressionSyntax? Step, StatementSyntax Body, UnrollHintSyntax? Unroll) : StatementSyntax(Span);

public sealed record BreakStatementSyntax(SourceSpan Span) : StatementSyntax(Span);

public sealed record ContinueStatementSyntax(SourceSpan Span) : StatementSyntax(Span);

public sealed record ReturnStatementSyntax(SourceSpan Span, ExpressionSyntax? Value) : StatementSyntax(Span);

public sealed record GotoStatementSyntax(SourceSpan Span, string Label) : StatementSyntax(Span);

/// <summary>An unknown <c>#pragma</c> inside a function body.</summary>
public sealed record PragmaStatementSyntax(SourceSpan Span, string Text) : StatementSyntax(Span);

public sealed record ErrorStatementSyntax(SourceSpan Span) : StatementSyntax(Span);
