using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Syntax.Generated;

namespace ByteChip.Compiler.Syntax;

/// <summary>The parse tree of one translation unit and the parser tokens it was built from.</summary>
public sealed record ParseResult(CudaParser.TranslationUnitContext Tree, IReadOnlyList<ClassifiedToken> Tokens, bool UsedFullContext)
{
    /// <summary>Declarations of the built-in header prelude, parsed once per process and shared (see <see cref="BuiltinPrelude"/>).</summary>
    public ImmutableArray<Ast.DeclarationSyntax> Prelude { get; init; } = [];

    /// <summary>File-scope type and template names at the end of the tokens.</summary>
    public KnownNames Names { get; init; } = KnownNames.None;

    /// <summary>Template kernel launches found in host code, with their template arguments parsed.</summary>
    public IReadOnlyList<(HostLaunch Launch, CudaParser.TemplateArgumentsContext? Arguments, CudaParser.TemplateArgumentsContext? CallArguments)> Launches { get; init; } = [];
}

/// <summary>
/// Runs the ANTLR parser: SLL prediction with a bail-out strategy first (fast, exact for this predicate-free
/// grammar on valid input), then full LL with error recovery when SLL fails, which gives the real error messages.
/// </summary>
public static class SyntaxParser
{
    public static ParseResult Parse(IReadOnlyList<PpToken> ppTokens, DiagnosticBag diagnostics)
    {
        int before = ppTokens.Count;
        ppTokens = LimitNesting(ppTokens, diagnostics);
        bool truncated = ppTokens.Count != before;
        var prelude = BuiltinPrelude.For(ppTokens, out int preludeLength);
        if (prelude != null)
        {
            ppTokens = ppTokens.Skip(preludeLength).ToList();
        }
        var result = ParseTokens(ppTokens, diagnostics, truncated, prelude?.Names);
        return prelude == null ? result : result with { Prelude = prelude.Declarations };
    }

    internal static ParseResult ParseTokens(IReadOnlyList<PpToken> ppTokens, DiagnosticBag diagnostics, bool truncated, KnownNames? known)
    {
        var classification = TokenClassifier.Classify(ppTokens, known);
        var classified = classification.Tokens;
        var tokens = new List<IToken>(classified.Count);
        for (int i = 0; i < classified.Count; i++)
        {
            var c = classified[i];
            tokens.Add(new CommonToken(c.Type, c.Type == TokenConstants.EOF ? "<EOF>" : c.Token.Text)
            {
                Line = c.Token.Location.Line,
                Column = Math.Max(0, c.Token.Location.Column - 1),
                StartIndex = i,
                StopIndex = i,
                TokenIndex = i,
            });
        }

        var launches = classification.Launches.Select(l => (l, ParseLaunch(tokens, l), l.CallArguments is { } c ? ParseLaunch(tokens, c) : null)).ToList();
        int eof = tokens.FindIndex(t => t.Type == TokenConstants.EOF);
        var main = tokens.GetRange(0, eof + 1);

        var parser = Create(main);
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            return new ParseResult(parser.translationUnit(), classified, false) { Launches = launches, Names = classification.Names };
        }
        catch (ParseCanceledException)
        {
        }

        parser = Create(main);
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        if (!truncated)
        {
            // After a cut the end of the file is missing: its errors would all be follow-ons.
            parser.AddErrorListener(new ErrorListener(classified, diagnostics));
        }
        return new ParseResult(parser.translationUnit(), classified, true) { Launches = launches, Names = classification.Names };
    }

    /// <summary>The deepest bracket nesting the recursive-descent parser is given (clang's -fbracket-depth default).</summary>
    public const int MaxNesting = 256;

    /// <summary>Cuts the token list at the first bracket nested deeper than <see cref="MaxNesting"/>, so no input exhausts the stack.</summary>
    private static IReadOnlyList<PpToken> LimitNesting(IReadOnlyList<PpToken> tokens, DiagnosticBag diagnostics)
    {
        int depth = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != PpTokenKind.Punctuator)
            {
                continue;
            }
            if (t.Text is "(" or "[" or "{")
            {
                if (++depth > MaxNesting)
                {
                    diagnostics.Error((int)SyntaxCode.NestingTooDeep, t.Location, $"brackets nested too deeply (more than {MaxNesting} levels); the rest of the file is not parsed");
                    return [.. tokens.Take(i), tokens[^1]];
                }
            }
            else if (t.Text is ")" or "]" or "}")
            {
                depth = Math.Max(0, depth - 1);
            }
        }
        return tokens;
    }

    /// <summary>The template arguments of a host launch, or null when they are not something the grammar reads.</summary>
    private static CudaParser.TemplateArgumentsContext? ParseLaunch(List<IToken> tokens, HostLaunch launch)
    {
        var slice = tokens.GetRange(launch.First, launch.Last - launch.First + 1);
        slice.Add(new CommonToken(TokenConstants.EOF, "<EOF>") { StartIndex = launch.Last, TokenIndex = slice.Count });
        var parser = Create(slice);
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            var args = parser.templateArguments();
            return parser.CurrentToken.Type == TokenConstants.EOF ? args : null;
        }
        catch (ParseCanceledException)
        {
            return null;
        }
    }

    private static CudaParser Create(List<IToken> tokens)
    {
        // Each parse gets its own token objects: TokenIndex is the stream's, StartIndex keeps pointing into the
        // classified tokens, and the source is set so error recovery can make up missing tokens.
        var copies = new List<IToken>(tokens.Count);
        var source = new ListTokenSource(copies);
        var pair = Tuple.Create<ITokenSource, ICharStream>(source, null!);
        foreach (var t in tokens)
        {
            copies.Add(new CommonToken(pair, t.Type, TokenConstants.DefaultChannel, t.StartIndex, t.StopIndex)
            {
                Text = t.Text,
                Line = t.Line,
                Column = t.Column,
                TokenIndex = copies.Count,
            });
        }
        var parser = new CudaParser(new CommonTokenStream(source));
        parser.RemoveErrorListeners();
        return parser;
    }

    private sealed class ErrorListener(IReadOnlyList<ClassifiedToken> tokens, DiagnosticBag diagnostics) : IAntlrErrorListener<IToken>
    {
        public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
        {
            int index = offendingSymbol?.StartIndex is int s && s >= 0 && s < tokens.Count ? s : tokens.Count - 1;
            var at = tokens[index];
            var parser = (Parser)recognizer;
            string message;
            SyntaxCode code = SyntaxCode.UnexpectedToken;
            if (at.Type == TokenConstants.EOF)
            {
                code = SyntaxCode.UnexpectedEndOfFile;
                message = $"unexpected end of file{Expecting(parser, e)}";
            }
            else if (at.Type == CudaParser.Unknown)
            {
                code = SyntaxCode.InvalidToken;
                message = at.Token.Text == "<<"
                    ? "kernel launch '<<<...>>>' in device code is not supported (no dynamic parallelism)"
                    : $"invalid token '{at.Token.Text}'";
            }
            else
            {
                string expecting = Expecting(parser, e);
                message = expecting.Length > 0 ? $"{expecting.TrimStart(',', ' ')} before '{Spell(at)}'" : $"unexpected '{Spell(at)}'";
                if (at.Type == CudaParser.HostCode)
                {
                    message = "host-only code is not allowed here";
                }
            }
            diagnostics.Error((int)code, at.Token.Location, message, MacroNotes.For(at.Token));
        }

        private static string Spell(ClassifiedToken t) => t.Type == CudaParser.HostBody ? "{" : t.Token.Text;

        /// <summary>"expected ';'" when one token would do, nothing when the set is large (it would not help).</summary>
        private static string Expecting(Parser parser, RecognitionException? e)
        {
            IntervalSet? set = null;
            try
            {
                set = e?.GetExpectedTokens() ?? parser.GetExpectedTokens();
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
            if (set == null || set.Count == 0 || set.Count > 3)
            {
                return "";
            }
            var names = set.ToList().Select(t => parser.Vocabulary.GetDisplayName(t)).Select(n => n == "Identifier" ? "identifier" : n == "TypeName" ? "type name" : n);
            return ", expected " + string.Join(" or ", names);
        }
    }
}

/// <summary>Builds the "expanded from macro" notes of a token that came from a macro body.</summary>
public static class MacroNotes
{
    public static Isa.Diagnostics.Diagnostic[] For(PpToken token)
    {
        var notes = new List<Isa.Diagnostics.Diagnostic>();
        for (var e = token.Expansion; e != null && notes.Count < 8; e = e.Parent)
        {
            notes.Add(DiagnosticBag.Note(e.DefinitionLocation, $"expanded from macro '{e.MacroName}'"));
        }
        return [.. notes];
    }
}
