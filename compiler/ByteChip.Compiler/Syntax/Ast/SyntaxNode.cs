using ByteChip.Compiler.Preprocessor;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Syntax.Ast;

/// <summary>
/// Where a node is in the user's text: first and last token, and the macro expansion of the first token (for
/// "expanded from macro" notes).
/// </summary>
public readonly record struct SourceSpan(SourceLocation Start, SourceLocation End, MacroExpansion? Expansion = null)
{
    public static SourceSpan None { get; } = new(SourceLocation.None, SourceLocation.None);

    public override string ToString() => Start.IsNone ? "<none>" : $"{Start.Line}:{Start.Column}";
}

/// <summary>
/// The base of the immutable syntax tree. Every node kind is a sealed record; a construct the parser could not
/// read becomes an error node (<see cref="ErrorExpression"/>, <see cref="ErrorStatement"/>), never null.
/// </summary>
public abstract record SyntaxNode(SourceSpan Span);

/// <summary>One translation unit: the top-level declarations of the file and everything it includes.</summary>
public sealed record TranslationUnitSyntax(SourceSpan Span, ImmutableArray<DeclarationSyntax> Declarations) : SyntaxNode(Span)
{
    /// <summary>Kernel template launches in skipped host code (<c>reduce&lt;256&gt;&lt;&lt;&lt;...&gt;&gt;&gt;</c>): the instances the host needs.</summary>
    public ImmutableArray<HostLaunchSyntax> HostLaunches { get; init; } = [];
}

/// <summary>A kernel launch seen in host code, with its explicit template arguments (none for <c>scale&lt;&lt;&lt;g, b&gt;&gt;&gt;(p, 2.0f)</c>).</summary>
public sealed record HostLaunchSyntax(SourceSpan Span, string Name, ImmutableArray<TemplateArgumentSyntax> TemplateArguments) : SyntaxNode(Span)
{
    /// <summary>
    /// The launch's arguments as far as host code tells (a type for a host variable, a value for a literal), for
    /// deducing the remaining template arguments; null when they are not known.
    /// </summary>
    public ImmutableArray<TemplateArgumentSyntax>? CallArguments { get; init; }
}
