using System.Diagnostics;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Dfa;
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
    /// <param name="stageTime">Called with a stage name ("prelude", "classify") and the timestamp it started at, as each ends.</param>
    public static ParseResult Parse(IReadOnlyList<PpToken> ppTokens, DiagnosticBag diagnostics, Action<string, long>? stageTime = null)
    {
        long start = Stopwatch.GetTimestamp();
        int before = ppTokens.Count;
        ppTokens = LimitNesting(ppTokens, diagnostics);
        bool truncated = ppTokens.Count != before;
        var prelude = BuiltinPrelude.For(ppTokens, out int preludeLength);
        ImmutableArray<Ast.DeclarationSyntax>? declarations = null;
        KnownNames? known = null;
        if (prelude != null)
        {
            var rest = ppTokens.Skip(preludeLength).ToList();
            if (prelude.DeclarationsFor(rest) is { } used)
            {
                (ppTokens, declarations, known) = (rest, used, prelude.Names);
            }
        }
        stageTime?.Invoke("prelude", start);
        start = Stopwatch.GetTimestamp();
        var classification = TokenClassifier.Classify(ppTokens, known);
        stageTime?.Invoke("classify", start);
        var result = ParseClassified(classification.Tokens, diagnostics, truncated, classification.Launches) with { Names = classification.Names };
        return declarations is { } d ? result with { Prelude = d } : result;
    }

    /// <summary>Parses classified tokens (ending in end of file, followed by the tokens of <paramref name="hostLaunches"/>).</summary>
    internal static ParseResult ParseClassified(List<ClassifiedToken> classified, DiagnosticBag diagnostics, bool truncated = false, IReadOnlyList<HostLaunch>? hostLaunches = null)
    {
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

        var launches = (hostLaunches ?? []).Select(l => (l, ParseLaunch(tokens, l), l.CallArguments is { } c ? ParseLaunch(tokens, c) : null)).ToList();
        int eof = tokens.FindIndex(t => t.Type == TokenConstants.EOF);
        var main = tokens.GetRange(0, eof + 1);

        var parser = Create(main);
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        parser.Profile = s_profile;
        try
        {
            var tree = parser.translationUnit();
            ReportProfile(parser, "SLL");
            return new ParseResult(tree, classified, false) { Launches = launches };
        }
        catch (ParseCanceledException)
        {
            ReportProfile(parser, "SLL (failed, LL follows)");
        }

        parser = Create(main, recover: true);
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        if (!truncated)
        {
            // After a cut the end of the file is missing: its errors would all be follow-ons.
            parser.AddErrorListener(new ErrorListener(classified, diagnostics));
        }
        return new ParseResult(parser.translationUnit(), classified, true) { Launches = launches };
    }

    /// <summary><c>BYTECHIP_PARSE_PROFILE=1</c>: the prediction cost of each grammar decision goes to standard error.</summary>
    private static readonly bool s_profile = Environment.GetEnvironmentVariable("BYTECHIP_PARSE_PROFILE") == "1";

    /// <summary>The decisions that took the most prediction time (ANTLR's profiler: lookahead depth, LL fallbacks).</summary>
    private static void ReportProfile(CudaParser parser, string mode)
    {
        if (!s_profile || parser.ParseInfo is not { } info)
        {
            return;
        }
        var decisions = info.getDecisionInfo().Where(d => d.invocations > 0).OrderByDescending(d => d.timeInPrediction).ToList();
        Console.Error.WriteLine($"parse profile ({mode}, {parser.InputStream.Size} tokens): {decisions.Sum(d => d.timeInPrediction) / 1e6:F1} ms in prediction");
        foreach (var d in decisions.Take(12))
        {
            var state = parser.Atn.decisionToState[d.decision];
            Console.Error.WriteLine($"  decision {d.decision,3} in {parser.RuleNames[state.ruleIndex],-26} {d.timeInPrediction / 1e6,7:F2} ms  calls {d.invocations,5}  SLL look {d.SLL_TotalLook,6} (max {d.SLL_MaxLook,3})  ATN {d.SLL_ATNTransitions,5}  LL fallbacks {d.LL_Fallback}");
        }
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

    private static CudaParser Create(List<IToken> tokens, bool recover = false)
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
        if (!recover)
        {
            var plain = new CudaParser(new CommonTokenStream(source));
            plain.RemoveErrorListeners();
            return plain;
        }
        var recovery = new StatementRecovery();
        var parser = new RecoveringParser(new UnwindingTokenStream(source, recovery), recovery) { ErrorHandler = recovery };
        parser.RemoveErrorListeners();
        return parser;
    }

    /// <summary>
    /// Panic-mode recovery at statement granularity, as clang does it. ANTLR's default recovery resumes inside the
    /// rule that failed, at the first token of the follow sets of every rule on the stack: the rest of the statement
    /// is then parsed from the wrong place, and each later mismatch (a <c>[</c>, the function's <c>}</c>) becomes
    /// one more error. Here, once an error is reported, the tokens up to the end of the innermost statement or
    /// declaration are skipped (brackets balanced, so a <c>;</c> inside an unclosed <c>for (</c> or a brace block
    /// does not end it early), and every rule up to that statement returns without looking at the input: the
    /// token stream shows them end of file and their matches fail silently. Parsing then resumes at the next
    /// statement with error reporting on, so a later independent mistake is reported at its own token.
    /// Single-token repairs (a missing <c>;</c> or <c>)</c>, one extra token) keep ANTLR's inline recovery.
    /// </summary>
    private sealed class StatementRecovery : DefaultErrorStrategy
    {
        private ParserRuleContext? _unwindTo;
        private int _lastRecoverIndex = -1;

        /// <summary>True while the rules inside the statement being abandoned return.</summary>
        public bool Unwinding => _unwindTo != null;

        public override void ReportError(Parser recognizer, RecognitionException e)
        {
            if (!Unwinding)
            {
                base.ReportError(recognizer, e);
            }
        }

        public override void Recover(Parser recognizer, RecognitionException e)
        {
            if (Unwinding)
            {
                return;
            }
            var anchor = Anchor(recognizer.Context);
            if (anchor == null)
            {
                base.Recover(recognizer, e);
                return;
            }
            var input = (ITokenStream)recognizer.InputStream;
            int start = input.Index;
            SkipStatement(recognizer, anchor);
            if (input.Index == start && start == _lastRecoverIndex && input.LA(1) != TokenConstants.EOF)
            {
                recognizer.Consume(); // a second error at the same token: make progress
            }
            _lastRecoverIndex = input.Index;
            _unwindTo = anchor;
        }

        /// <summary>
        /// A <c>;</c> or brace is never dropped as "one extra token": in <c>i &lt; n +; i++</c> that would glue the
        /// next clause onto the broken one and report a second, made-up error.
        /// </summary>
        protected override IToken? SingleTokenDeletion(Parser recognizer) =>
            IsStatementBoundary(recognizer.CurrentToken) ? null : base.SingleTokenDeletion(recognizer);

        private static bool IsStatementBoundary(IToken t) => t.Type != TokenConstants.EOF && t.Text is ";" or "{" or "}";

        public override IToken RecoverInline(Parser recognizer) =>
            Unwinding ? throw new InputMismatchException(recognizer) : base.RecoverInline(recognizer);

        public override void Sync(Parser recognizer)
        {
            if (Unwinding)
            {
                throw new InputMismatchException(recognizer);
            }
            base.Sync(recognizer);
        }

        /// <summary>Called as each rule returns: the abandoned statement's own return ends the unwinding.</summary>
        public void Exiting(Parser recognizer, ParserRuleContext context)
        {
            if (ReferenceEquals(context, _unwindTo))
            {
                _unwindTo = null;
                EndErrorCondition(recognizer);
            }
        }

        /// <summary>The innermost construct that recovery abandons as a whole.</summary>
        private static ParserRuleContext? Anchor(ParserRuleContext? context)
        {
            for (var c = context; c != null; c = c.Parent as ParserRuleContext)
            {
                if (c is CudaParser.StatementContext or CudaParser.DeclarationContext or CudaParser.MemberDeclarationContext
                    or CudaParser.ExternalDeclarationContext)
                {
                    return c;
                }
            }
            return null;
        }

        /// <summary>
        /// Consumes the rest of <paramref name="anchor"/>: up to and including a <c>;</c> outside every bracket it
        /// opened (parentheses left open by the error do not hold a <c>;</c> back, except a <c>for (</c> header's), or
        /// the <c>}</c> that closes its last open brace; a closing bracket it did not open (the enclosing block's
        /// <c>}</c>) and the end of the file stay for the enclosing rules.
        /// </summary>
        private static void SkipStatement(Parser recognizer, ParserRuleContext anchor)
        {
            var input = (ITokenStream)recognizer.InputStream;
            var open = new List<(int Type, bool ForHeader)>();
            for (int i = Math.Max(0, anchor.Start.TokenIndex); i < input.Index; i++)
            {
                Track(open, input.Get(i), i > 0 ? input.Get(i - 1) : null);
            }
            while (true)
            {
                var t = input.LT(1);
                string text = t.Type == TokenConstants.EOF ? "" : t.Text;
                if (t.Type == TokenConstants.EOF)
                {
                    return;
                }
                if (text == ";" && !open.Any(o => o.Type == '{' || o.ForHeader))
                {
                    recognizer.Consume();
                    return;
                }
                if (text is ")" or "]" or "}" && open.Count == 0)
                {
                    return; // closes something the statement is inside of
                }
                Track(open, t, input.LT(-1));
                recognizer.Consume();
                if (text == "}" && open.Count == 0)
                {
                    return;
                }
            }
        }

        /// <summary>Keeps the stack of open brackets; a <c>}</c> also closes the parentheses left open inside its block.</summary>
        private static void Track(List<(int Type, bool ForHeader)> open, IToken t, IToken? previous)
        {
            switch (t.Type == TokenConstants.EOF ? "" : t.Text)
            {
                case "(":
                    open.Add(('(', previous?.Text == "for"));
                    break;
                case "[":
                    open.Add(('[', false));
                    break;
                case "{":
                    open.Add(('{', false));
                    break;
                case ")":
                case "]":
                    int kind = t.Text == ")" ? '(' : '[';
                    if (open.Count > 0 && open[^1].Type == kind)
                    {
                        open.RemoveAt(open.Count - 1);
                    }
                    break;
                case "}":
                    int brace = open.FindLastIndex(o => o.Type == '{');
                    if (brace >= 0)
                    {
                        open.RemoveRange(brace, open.Count - brace);
                    }
                    else
                    {
                        open.Clear();
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// The generated parser, telling the recovery strategy when each rule returns, with a prediction that commits to
    /// the alternative that read furthest when none reads a broken construct to its end.
    /// </summary>
    private sealed class RecoveringParser : CudaParser
    {
        private readonly StatementRecovery recovery;

        public RecoveringParser(ITokenStream input, StatementRecovery recovery) : base(input)
        {
            this.recovery = recovery;
            Interpreter = new FurthestAlternativePrediction(this, decisionToDFA, sharedContextCache);
        }

        public override void ExitRule()
        {
            recovery.Exiting(this, Context);
            base.ExitRule();
        }
    }

    /// <summary>
    /// Full-LL prediction looks ahead as far as it takes: deciding between a function definition and a declaration
    /// reads the whole function body (or struct body). When a mistake in it kills every alternative, plain ANTLR
    /// reports "no viable alternative" for the whole construct at the decision, and recovery throws it away. Here
    /// the decision is taken again on a copy of the input with the broken statement cut out (what statement-level
    /// recovery will skip), a few times over if there are more mistakes, and then, failing that, goes to the
    /// lowest alternative still alive before the bad token. The parser then walks into the construct and reports
    /// the mistake where it is. A bad token right at the decision still fails the decision.
    /// </summary>
    private sealed class FurthestAlternativePrediction(Parser parser, DFA[] dfa, PredictionContextCache cache)
        : ParserATNSimulator(parser, parser.Atn, dfa, cache)
    {
        private const int MaxRepairs = 8;

        public override int AdaptivePredict(ITokenStream input, int decision, ParserRuleContext outerContext)
        {
            int start = input.Index;
            try
            {
                return base.AdaptivePredict(input, decision, outerContext);
            }
            catch (NoViableAltException e) when (e.OffendingToken is { } bad && bad.TokenIndex > start && e.DeadEndConfigs is { Count: > 0 } alive)
            {
                input.Seek(start);
                (input as BufferedTokenStream)?.Fill();
                var rest = new List<IToken>();
                for (int i = start; ; i++)
                {
                    var t = input.Get(i);
                    rest.Add(t);
                    if (t.Type == TokenConstants.EOF)
                    {
                        break;
                    }
                }
                int badAt = bad.TokenIndex - start;
                for (int repair = 0; repair < MaxRepairs && CutStatement(rest, badAt); repair++)
                {
                    var copy = new CommonTokenStream(new ListTokenSource(rest.Select(t => (IToken)new CommonToken(t)).ToList()));
                    copy.Fill();
                    try
                    {
                        return base.AdaptivePredict(copy, decision, outerContext);
                    }
                    catch (NoViableAltException again) when (again.OffendingToken is { } next && next.TokenIndex > 0)
                    {
                        badAt = next.TokenIndex;
                    }
                    catch (NoViableAltException)
                    {
                        break;
                    }
                }
                return alive.GetAlts().NextSetBit(0);
            }
        }

        /// <summary>Removes the statement from <paramref name="at"/> up to its <c>;</c> (brackets balanced), or one token.</summary>
        private static bool CutStatement(List<IToken> tokens, int at)
        {
            if (at >= tokens.Count - 1)
            {
                return false; // at the end of file
            }
            int depth = 0, end = at;
            while (end < tokens.Count - 1)
            {
                string text = tokens[end].Text;
                if (text == ";" && depth == 0)
                {
                    end++;
                    break;
                }
                if (text is "(" or "[" or "{")
                {
                    depth++;
                }
                else if (text is ")" or "]" or "}")
                {
                    if (depth == 0)
                    {
                        break;
                    }
                    if (--depth == 0 && text == "}")
                    {
                        end++;
                        break;
                    }
                }
                end++;
            }
            tokens.RemoveRange(at, Math.Max(end, at + 1) - at);
            return true;
        }
    }

    /// <summary>A token stream that shows end of file while <see cref="StatementRecovery"/> unwinds.</summary>
    private sealed class UnwindingTokenStream(ITokenSource source, StatementRecovery recovery) : CommonTokenStream(source)
    {
        private readonly CommonToken _end = new(TokenConstants.EOF, "<EOF>");

        public override IToken LT(int k) => k > 0 && recovery.Unwinding ? _end : base.LT(k);

        public override int LA(int i) => i > 0 && recovery.Unwinding ? TokenConstants.EOF : base.LA(i);
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
