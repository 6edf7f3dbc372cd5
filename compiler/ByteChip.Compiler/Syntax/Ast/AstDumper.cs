namespace ByteChip.Compiler.Syntax.Ast;

/// <summary>
/// The text of <c>--dump-after=ast</c>: the syntax tree, one node per line. Declarations from built-in headers
/// are left out unless asked for, so dumps show the user's code only.
/// </summary>
public static class AstDumper
{
    public static string Dump(SyntaxNode node, bool includeBuiltins = false) =>
        new TreeDumper(
            o => o is SyntaxNode,
            o => ((SyntaxNode)o).Span,
            _ => null,
            o => includeBuiltins || !((SyntaxNode)o).Span.Start.File.StartsWith(Preprocessor.SourceManager.BuiltinPrefix, StringComparison.Ordinal)).Dump(node);
}
