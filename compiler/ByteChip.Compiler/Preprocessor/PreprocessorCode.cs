namespace ByteChip.Compiler.Preprocessor;

/// <summary>
/// Diagnostic codes of the preprocessor (BC1xxx). Numbers are stable and never reused;
/// <c>compiler/docs/diagnostics.md</c> documents each one.
/// </summary>
public enum PreprocessorCode
{
    /// <summary>An <c>#include</c> names a file that is in no search directory.</summary>
    IncludeNotFound = 1001,

    /// <summary>An <c>#if</c> group is still open at the end of its file.</summary>
    UnterminatedConditional = 1002,

    /// <summary><c>#else</c>, <c>#elif</c> or <c>#endif</c> without a matching <c>#if</c>.</summary>
    UnmatchedConditional = 1003,

    /// <summary>The user's <c>#error</c> directive.</summary>
    ErrorDirective = 1004,

    /// <summary>The user's <c>#warning</c> directive (a warning).</summary>
    WarningDirective = 1005,

    /// <summary>A directive name that does not exist.</summary>
    InvalidDirective = 1006,

    /// <summary>A macro is defined again with a different body (a warning).</summary>
    MacroRedefined = 1007,

    /// <summary>A function-like macro is invoked with the wrong number of arguments.</summary>
    MacroArgumentCount = 1008,

    /// <summary>The argument list of a function-like macro invocation is not closed.</summary>
    UnterminatedMacroArguments = 1009,

    /// <summary>An <c>#if</c>/<c>#elif</c> expression is malformed.</summary>
    InvalidConditionalExpression = 1010,

    /// <summary>Division or remainder by zero in an <c>#if</c> expression.</summary>
    DivisionByZeroInConditional = 1011,

    /// <summary><c>##</c> produced text that is not one token.</summary>
    InvalidTokenPaste = 1012,

    /// <summary><c>#</c> in a function-like macro body is not followed by a parameter name.</summary>
    StringizeWithoutParameter = 1013,

    /// <summary>A block comment is not closed before the end of the file.</summary>
    UnterminatedComment = 1014,

    /// <summary>A string or character literal is not closed on its line.</summary>
    UnterminatedLiteral = 1015,

    /// <summary>A character that starts no token.</summary>
    StrayCharacter = 1016,

    /// <summary>Includes nest deeper than the limit (usually an include cycle without guards).</summary>
    IncludeTooDeep = 1017,

    /// <summary><c>#define</c>/<c>#undef</c>/<c>#ifdef</c> without a valid macro name.</summary>
    MissingMacroName = 1018,

    /// <summary><c>#line</c> without a valid line number.</summary>
    InvalidLineDirective = 1019,

    /// <summary><c>#elif</c> or <c>#else</c> after <c>#else</c>.</summary>
    ConditionalAfterElse = 1020,

    /// <summary><c>__VA_ARGS__</c> used outside a variadic macro.</summary>
    VaArgsOutsideVariadicMacro = 1021,

    /// <summary><c>#include</c> not followed by <c>"FILE"</c> or <c>&lt;FILE&gt;</c>.</summary>
    InvalidIncludeSyntax = 1022,

    /// <summary>An unknown system header is replaced by an empty stub (a warning).</summary>
    SystemHeaderStubbed = 1023,

    /// <summary>A macro parameter list is malformed.</summary>
    InvalidMacroParameters = 1024,

    /// <summary>Extra tokens at the end of a directive (a warning).</summary>
    ExtraTokensAfterDirective = 1025,

    /// <summary><c>#pragma unroll</c> with a constant count that is zero, negative or too large: the pragma is ignored (a warning).</summary>
    PragmaUnrollIgnored = 1026,

    /// <summary><c>##</c> at the start or end of a macro body or of a <c>__VA_OPT__</c> content.</summary>
    TokenPasteAtEdge = 1027,

    /// <summary><c>#define</c> or <c>#undef</c> of a built-in macro (<c>__FILE__</c>, <c>__LINE__</c>, <c>__COUNTER__</c>; a warning).</summary>
    BuiltinMacroRedefined = 1028,

    /// <summary><c>__VA_OPT__</c> outside a variadic macro, without its parentheses, unterminated or nested.</summary>
    InvalidVaOpt = 1029,

    /// <summary><c>#include</c> or <c>#pragma</c> inside the arguments of a function-like macro invocation.</summary>
    DirectiveInMacroArguments = 1030,

    /// <summary><c>_Pragma</c> not followed by a parenthesized string literal.</summary>
    InvalidPragmaOperator = 1031,

    /// <summary><c>#pragma once</c> in the main file (a warning).</summary>
    PragmaOnceInMainFile = 1032,
}
