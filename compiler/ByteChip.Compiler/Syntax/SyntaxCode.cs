namespace ByteChip.Compiler.Syntax;

/// <summary>
/// Diagnostic codes of the parser (BC2xxx). Numbers are stable and never reused;
/// <c>compiler/docs/diagnostics.md</c> documents each one.
/// </summary>
public enum SyntaxCode
{
    /// <summary>The tokens do not form the construct the grammar expects here ("expected ';'").</summary>
    UnexpectedToken = 2001,

    /// <summary>A token the language has no use for in device code (<c>&lt;&lt;&lt;</c>: dynamic parallelism).</summary>
    InvalidToken = 2002,

    /// <summary>The file ends inside a construct (missing <c>}</c> or <c>)</c>).</summary>
    UnexpectedEndOfFile = 2003,

    /// <summary><c>#pragma unroll</c> not followed by a loop (a warning).</summary>
    PragmaUnrollWithoutLoop = 2005,

    /// <summary><c>#pragma unroll</c> with an argument that is not a positive integer.</summary>
    InvalidPragmaUnroll = 2006,

    /// <summary>An unknown <c>#pragma</c> is ignored (a warning).</summary>
    UnknownPragma = 2007,

    /// <summary>An integer or floating literal that is malformed or too large.</summary>
    InvalidLiteral = 2008,

    /// <summary>Brackets nest deeper than the parser supports (256, as clang's default); the rest of the file is not parsed.</summary>
    NestingTooDeep = 2009,
}
