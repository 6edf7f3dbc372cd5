using System.Collections.Immutable;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>The kinds of preprocessing tokens.</summary>
public enum PpTokenKind
{
    Identifier,
    Number,
    Character,
    String,
    Punctuator,

    /// <summary>A <c>#pragma</c> line kept for the parser; <see cref="PpToken.Text"/> is the text after <c>pragma</c>.</summary>
    Pragma,

    /// <summary>A character that starts no token (reported once, kept so the parser can recover).</summary>
    Other,
    EndOfFile,
}

/// <summary>One step of a macro expansion: which macro, where it was invoked, where its body was written.</summary>
public sealed record MacroExpansion(string MacroName, SourceLocation InvocationLocation, SourceLocation DefinitionLocation, MacroExpansion? Parent);

/// <summary>
/// A preprocessing token. <see cref="Location"/> is where diagnostics point: the user's text for tokens written
/// in the file or passed as macro arguments, and the outermost invocation for tokens from a macro body
/// (<see cref="Expansion"/> then says which macros, for the "expanded from macro" notes).
/// </summary>
public sealed record PpToken(PpTokenKind Kind, string Text, SourceLocation Location)
{
    /// <summary>Whitespace came before this token (matters for <c>#</c> stringizing and the dump).</summary>
    public bool LeadingSpace { get; init; }

    /// <summary>First token of a physical line (directives start only there).</summary>
    public bool AtLineStart { get; init; }

    public MacroExpansion? Expansion { get; init; }

    /// <summary>Macros that must not expand this token again (Prosser's hide sets).</summary>
    public ImmutableHashSet<string> HideSet { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>
    /// A lexical error of this token (stray character, unterminated literal), reported when the token is used, so
    /// text in a skipped <c>#if 0</c> block is never diagnosed.
    /// </summary>
    public (PreprocessorCode Code, string Message)? LexError { get; init; }

    public bool Is(string punctuator) => Kind == PpTokenKind.Punctuator && Text == punctuator;

    public bool IsIdentifier(string name) => Kind == PpTokenKind.Identifier && Text == name;

    public override string ToString() => Text;
}
