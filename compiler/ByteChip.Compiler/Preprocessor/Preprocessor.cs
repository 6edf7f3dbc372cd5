using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ByteChip.Compiler.Driver;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>
/// The C preprocessor: includes, conditionals, object- and function-like macros (Prosser's algorithm with hide
/// sets, as chibicc does it). Input is kept as a stack of frames: one per open file plus one per macro
/// expansion waiting to be rescanned. The result is a flat token list ending in <see cref="PpTokenKind.EndOfFile"/>.
/// </summary>
public sealed partial class Preprocessor
{
    private const int MaxIncludeDepth = 200;

    private readonly SourceManager _sources;
    private readonly DiagnosticBag _diagnostics;
    private readonly PreprocessorOptions _options;
    private readonly Dictionary<string, MacroDefinition> _macros = new(StringComparer.Ordinal);
    private readonly HashSet<string> _onceFiles = new(StringComparer.Ordinal);

    /// <summary>#pragma once names a file, not a spelling: "sub/../defs.h" and "defs.h" are the same file.</summary>
    private static string OnceKey(string path) =>
        path.StartsWith(SourceManager.BuiltinPrefix, StringComparison.Ordinal) ? path : Path.GetFullPath(path);
    private readonly Dictionary<SourceFile, List<PpToken>> _lexed = [];
    private readonly List<Frame> _frames = [];
    private int _counter;

    public Preprocessor(SourceManager sources, DiagnosticBag diagnostics, PreprocessorOptions? options = null)
    {
        _sources = sources;
        _diagnostics = diagnostics;
        _options = options ?? new PreprocessorOptions();
        foreach (var name in new[] { "__FILE__", "__LINE__", "__COUNTER__" })
        {
            _macros[name] = new MacroDefinition(name, null, false, [], SourceLocation.None) { IsDynamic = true };
        }
    }

    /// <summary>Every macro defined at the end of the run (tests and <c>-dM</c>-style dumps).</summary>
    public IReadOnlyDictionary<string, MacroDefinition> Macros => _macros;

    /// <summary>Preprocesses <paramref name="main"/> and everything it includes.</summary>
    public IReadOnlyList<PpToken> Run(SourceFile main)
    {
        var output = new List<PpToken>();
        PushFile(main);
        if (_options.IncludeBuiltins && _sources.OpenBuiltin("__bytechip_builtins.h") is { } builtins)
        {
            PushFile(builtins);
        }
        PushFile(new SourceFile(SourceManager.BuiltinPrefix + "predefined", PredefinedText(), isBuiltin: true));
        while (true)
        {
            var tok = NextExpanded();
            if (tok.Kind == PpTokenKind.EndOfFile)
            {
                break;
            }
            output.Add(tok);
        }
        int lastLine = main.Text.Count(c => c == '\n') + 1;
        output.Add(new PpToken(PpTokenKind.EndOfFile, "", new SourceLocation(main.Path, lastLine, 1)) { AtLineStart = true });
        return output;
    }

    private string PredefinedText()
    {
        var sb = new StringBuilder();
        sb.Append("#define __BYTECHIP__ 1\n");
        sb.Append(CultureInfo.InvariantCulture, $"#define __BYTECHIP_ARCH__ {PreprocessorOptions.ArchNumber(_options.Arch)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"#define __BYTECHIP_ARCH_{_options.Arch.ToUpperInvariant()}__ 1\n");
        // CUDA code takes its device path under __CUDA_ARCH__; 800 (sm_80) enables every feature the subset has.
        sb.Append("#define __CUDACC__ 1\n#define __NVCC__ 1\n#define __CUDA_ARCH__ 800\n");
        sb.Append("#define __CUDACC_VER_MAJOR__ 12\n#define __CUDACC_VER_MINOR__ 0\n#define CUDART_VERSION 12000\n");
        sb.Append("#define __cplusplus 201703L\n#define __STDC_VERSION__ 201112L\n");
        foreach (var d in _options.Defines)
        {
            int eq = d.IndexOf('=');
            sb.Append("#define ").Append(eq < 0 ? d + " 1" : d[..eq] + " " + d[(eq + 1)..]).Append('\n');
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- frames

    private sealed class FileState(SourceFile source)
    {
        public SourceFile Source { get; } = source;

        public string PresumedName { get; set; } = source.Path;

        public int LineDelta { get; set; }

        public List<Conditional> Conditionals { get; } = [];
    }

    private sealed class Conditional(SourceLocation location, bool anyTaken)
    {
        public SourceLocation Location { get; } = location;

        public bool AnyTaken { get; set; } = anyTaken;

        public bool SeenElse { get; set; }
    }

    /// <summary>A file (File set), a macro expansion to rescan, or a barrier that ends in EOF instead of popping.</summary>
    private sealed class Frame(List<PpToken> tokens, FileState? file, bool isBarrier)
    {
        public List<PpToken> Tokens { get; } = tokens;

        public int Index { get; set; }

        public FileState? File { get; } = file;

        public bool IsBarrier { get; } = isBarrier;
    }

    private void PushFile(SourceFile file)
    {
        if (!_lexed.TryGetValue(file, out var tokens))
        {
            tokens = PpLexer.Lex(file, _diagnostics);
            _lexed[file] = tokens;
        }
        _frames.Add(new Frame(tokens, new FileState(file), false));
    }

    private PpToken EofAt(SourceLocation location) => new(PpTokenKind.EndOfFile, "", location);

    /// <summary>The next token after directives, before macro expansion.</summary>
    private PpToken NextRaw(bool directives = true)
    {
        while (true)
        {
            if (_frames.Count == 0)
            {
                return EofAt(SourceLocation.None);
            }
            var f = _frames[^1];
            if (f.Index >= f.Tokens.Count)
            {
                if (f.IsBarrier)
                {
                    return EofAt(f.Tokens.Count > 0 ? f.Tokens[^1].Location : SourceLocation.None);
                }
                if (f.File != null)
                {
                    EndFile(f.File);
                }
                _frames.RemoveAt(_frames.Count - 1);
                continue;
            }
            var tok = f.Tokens[f.Index];
            if (f.File != null && directives && tok.AtLineStart && tok.Is("#"))
            {
                f.Index++;
                if (HandleDirective(f, tok) is { } emitted)
                {
                    return emitted;
                }
                continue;
            }
            f.Index++;
            if (f.File != null && tok.LexError is { } lexError)
            {
                _diagnostics.Error((int)lexError.Code, tok.Location, lexError.Message);
            }
            if (f.File is { } fs && (fs.LineDelta != 0 || !ReferenceEquals(fs.PresumedName, fs.Source.Path)))
            {
                tok = tok with { Location = new SourceLocation(fs.PresumedName, tok.Location.Line + fs.LineDelta, tok.Location.Column) };
            }
            return tok;
        }
    }

    /// <summary>The next raw token without consuming it; exhausted expansion frames are dropped on the way.</summary>
    private PpToken? PeekRaw()
    {
        while (_frames.Count > 0)
        {
            var f = _frames[^1];
            if (f.Index < f.Tokens.Count)
            {
                var t = f.Tokens[f.Index];
                return f.File != null && t.AtLineStart && t.Is("#") ? null : t;
            }
            if (f.File != null || f.IsBarrier)
            {
                return null;
            }
            _frames.RemoveAt(_frames.Count - 1);
        }
        return null;
    }

    private void EndFile(FileState file)
    {
        foreach (var c in file.Conditionals)
        {
            _diagnostics.Error((int)PreprocessorCode.UnterminatedConditional, c.Location, "unterminated conditional directive");
        }
        file.Conditionals.Clear();
    }

    /// <summary>The next fully macro-expanded token.</summary>
    private PpToken NextExpanded()
    {
        while (true)
        {
            var tok = NextRaw();
            if (tok.Kind == PpTokenKind.Identifier && TryExpand(tok))
            {
                continue;
            }
            return tok;
        }
    }

    /// <summary>Macro-expands a token list in isolation (macro arguments, <c>#if</c> lines, <c>#include</c> operands).</summary>
    private List<PpToken> ExpandList(IReadOnlyList<PpToken> tokens)
    {
        var frame = new Frame(tokens.Select(t => t with { AtLineStart = false }).ToList(), null, true);
        _frames.Add(frame);
        int depth = _frames.Count;
        var result = new List<PpToken>();
        while (true)
        {
            var tok = NextExpanded();
            if (tok.Kind == PpTokenKind.EndOfFile && _frames.Count == depth && _frames[^1] == frame)
            {
                break;
            }
            if (tok.Kind == PpTokenKind.EndOfFile)
            {
                break;
            }
            result.Add(tok);
        }
        while (_frames.Count >= depth)
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
        return result;
    }

    // ---------------------------------------------------------------- expansion

    private bool TryExpand(PpToken tok)
    {
        if (tok.Text == "_Pragma" && PeekRaw() is { } open && open.Is("("))
        {
            return ExpandPragmaOperator(tok);
        }
        if (tok.HideSet.Contains(tok.Text) || !_macros.TryGetValue(tok.Text, out var macro))
        {
            return false;
        }
        if (macro.IsDynamic)
        {
            PushExpansion([DynamicMacroValue(tok)]);
            return true;
        }
        if (!macro.IsFunctionLike)
        {
            var hideSet = tok.HideSet.Add(macro.Name);
            var body = Paste(macro.Body.Select(b => FromBody(b, tok, macro)).ToList());
            PushExpansion(Finish(body, tok, hideSet));
            return true;
        }
        if (PeekRaw() is not { } next || !next.Is("("))
        {
            return false;
        }
        NextRaw(directives: false);
        var args = CollectArguments(tok, macro, out var rparen);
        if (args == null)
        {
            if (rparen.Kind != PpTokenKind.EndOfFile)
            {
                // The arity error is reported; a 0 stands in for the invocation so that the expression around it
                // still parses and the one mistake gives one error (with errors, nothing is analyzed or lowered).
                PushExpansion([tok with { Kind = PpTokenKind.Number, Text = "0", HideSet = tok.HideSet.Add(macro.Name) }]);
            }
            return true;
        }
        var hs = tok.HideSet.Intersect(rparen.HideSet).Add(macro.Name);
        PushExpansion(Finish(Substitute(macro, args, tok), tok, hs));
        return true;
    }

    private void PushExpansion(List<PpToken> tokens) => _frames.Add(new Frame(tokens, null, false));

    private static List<PpToken> Finish(List<PpToken> body, PpToken invocation, ImmutableHashSet<string> hideSet)
    {
        for (int i = 0; i < body.Count; i++)
        {
            body[i] = body[i] with
            {
                HideSet = body[i].HideSet.Union(hideSet),
                AtLineStart = false,
                LeadingSpace = i == 0 ? invocation.LeadingSpace : body[i].LeadingSpace,
            };
        }
        return body;
    }

    /// <summary>A token of a macro body as it appears in the expansion: reported at the invocation.</summary>
    private static PpToken FromBody(PpToken bodyToken, PpToken invocation, MacroDefinition macro) => bodyToken with
    {
        Location = invocation.Location,
        Expansion = new MacroExpansion(macro.Name, invocation.Location, bodyToken.Location, invocation.Expansion),
        HideSet = invocation.HideSet,
    };

    private PpToken DynamicMacroValue(PpToken tok)
    {
        var where = tok.Expansion is { } e ? Outermost(e).InvocationLocation : tok.Location;
        return tok.Text switch
        {
            "__FILE__" => tok with { Kind = PpTokenKind.String, Text = Quote(where.File) },
            "__LINE__" => tok with { Kind = PpTokenKind.Number, Text = where.Line.ToString(CultureInfo.InvariantCulture) },
            _ => tok with { Kind = PpTokenKind.Number, Text = (_counter++).ToString(CultureInfo.InvariantCulture) },
        };
    }

    private static MacroExpansion Outermost(MacroExpansion e)
    {
        while (e.Parent != null)
        {
            e = e.Parent;
        }
        return e;
    }

    /// <summary>Reads the arguments after <c>(</c>; null after an error (already reported).</summary>
    private List<List<PpToken>>? CollectArguments(PpToken name, MacroDefinition macro, out PpToken rparen)
    {
        var args = new List<List<PpToken>> { new() };
        int depth = 0;
        int named = macro.Parameters!.Count;
        while (true)
        {
            var t = NextRaw(directives: false);
            if (t.Kind == PpTokenKind.EndOfFile)
            {
                _diagnostics.Error((int)PreprocessorCode.UnterminatedMacroArguments, name.Location, $"unterminated function-like macro invocation of '{macro.Name}'", MacroNote(macro));
                rparen = t;
                return null;
            }
            if (depth == 0 && t.Is(")"))
            {
                rparen = t;
                break;
            }
            if (depth == 0 && t.Is(",") && !(macro.IsVariadic && args.Count > named))
            {
                args.Add([]);
                continue;
            }
            if (t.Is("("))
            {
                depth++;
            }
            else if (t.Is(")"))
            {
                depth--;
            }
            args[^1].Add(t with { AtLineStart = false });
        }
        if (named == 0 && !macro.IsVariadic && args.Count == 1 && args[0].Count == 0)
        {
            args.Clear();
        }
        if (macro.IsVariadic && args.Count == named)
        {
            args.Add([]);
        }
        int expected = named + (macro.IsVariadic ? 1 : 0);
        if (args.Count != expected)
        {
            string what = args.Count > expected ? "too many" : "too few";
            _diagnostics.Error((int)PreprocessorCode.MacroArgumentCount, name.Location,
                $"{what} arguments provided to function-like macro invocation of '{macro.Name}' (expected {named}, have {args.Count})", MacroNote(macro));
            return null;
        }
        return args;
    }

    private static Diagnostic MacroNote(MacroDefinition macro) => DiagnosticBag.Note(macro.Location, $"macro '{macro.Name}' defined here");

    private List<PpToken> Substitute(MacroDefinition macro, List<List<PpToken>> args, PpToken invocation)
    {
        var body = macro.Body;
        var result = new List<PpToken>();
        var expandedCache = new Dictionary<int, List<PpToken>>();
        bool lastWasEmptyArgument = false;
        for (int i = 0; i < body.Count; i++)
        {
            var t = body[i];
            if (t.Is("#") && i + 1 < body.Count && macro.ParameterIndex(body[i + 1].Text) is int si && si >= 0)
            {
                result.Add(FromBody(t, invocation, macro) with { Kind = PpTokenKind.String, Text = Stringize(args[si]), LeadingSpace = t.LeadingSpace });
                i++;
                lastWasEmptyArgument = false;
                continue;
            }
            if (t.Is("##") && i + 1 < body.Count)
            {
                var rhsToken = body[i + 1];
                int ri = macro.ParameterIndex(rhsToken.Text);
                var rhs = ri >= 0 ? args[ri] : [FromBody(rhsToken, invocation, macro)];
                i++;
                if (ri >= 0 && rhsToken.Text == "__VA_ARGS__" && rhs.Count == 0 && result.Count > 0 && result[^1].Is(","))
                {
                    result.RemoveAt(result.Count - 1); // GNU ", ## __VA_ARGS__" drops the comma when there are no variadic arguments
                    continue;
                }
                if (rhs.Count == 0)
                {
                    continue;
                }
                if (lastWasEmptyArgument || result.Count == 0)
                {
                    result.AddRange(rhs);
                }
                else
                {
                    result[^1] = PasteTokens(result[^1], rhs[0]);
                    result.AddRange(rhs.Skip(1));
                }
                lastWasEmptyArgument = false;
                continue;
            }
            int pi = macro.ParameterIndex(t.Text);
            if (t.Kind == PpTokenKind.Identifier && pi >= 0)
            {
                bool raw = i + 1 < body.Count && body[i + 1].Is("##");
                List<PpToken> arg;
                if (raw)
                {
                    arg = args[pi];
                }
                else if (!expandedCache.TryGetValue(pi, out arg!))
                {
                    arg = ExpandList(args[pi]);
                    expandedCache[pi] = arg;
                }
                for (int k = 0; k < arg.Count; k++)
                {
                    result.Add(k == 0 ? arg[k] with { LeadingSpace = t.LeadingSpace } : arg[k]);
                }
                lastWasEmptyArgument = arg.Count == 0;
                continue;
            }
            result.Add(FromBody(t, invocation, macro));
            lastWasEmptyArgument = false;
        }
        return result;
    }

    /// <summary>Object-like macros may use <c>##</c> too.</summary>
    private List<PpToken> Paste(List<PpToken> body)
    {
        if (!body.Any(t => t.Is("##")))
        {
            return body;
        }
        var result = new List<PpToken>();
        for (int i = 0; i < body.Count; i++)
        {
            if (body[i].Is("##") && result.Count > 0 && i + 1 < body.Count)
            {
                result[^1] = PasteTokens(result[^1], body[i + 1]);
                i++;
            }
            else
            {
                result.Add(body[i]);
            }
        }
        return result;
    }

    private PpToken PasteTokens(PpToken left, PpToken right)
    {
        string text = left.Text + right.Text;
        var lexed = PpLexer.Lex(text, left.Location.File, left.Location.Line, null);
        if (lexed.Count != 1)
        {
            _diagnostics.Error((int)PreprocessorCode.InvalidTokenPaste, left.Location, $"pasting \"{left.Text}\" and \"{right.Text}\" does not give a valid preprocessing token");
            return left;
        }
        return left with { Kind = lexed[0].Kind, Text = text };
    }

    private static string Stringize(List<PpToken> arg)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < arg.Count; i++)
        {
            if (i > 0 && arg[i].LeadingSpace)
            {
                sb.Append(' ');
            }
            sb.Append(arg[i].Kind is PpTokenKind.String or PpTokenKind.Character ? arg[i].Text.Replace("\\", "\\\\").Replace("\"", "\\\"") : arg[i].Text);
        }
        return "\"" + sb + "\"";
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary><c>_Pragma("unroll 4")</c> becomes the same pragma token as the directive.</summary>
    private bool ExpandPragmaOperator(PpToken tok)
    {
        NextRaw(directives: false);
        var str = NextRaw(directives: false);
        var close = PeekRaw();
        if (str.Kind != PpTokenKind.String || close == null || !close.Is(")"))
        {
            _diagnostics.Error((int)PreprocessorCode.InvalidDirective, tok.Location, "_Pragma takes a parenthesized string literal");
            return true;
        }
        NextRaw(directives: false);
        string text = str.Text[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\");
        var lexed = PpLexer.Lex(text, tok.Location.File, tok.Location.Line, null).Select(t => t with { Location = tok.Location }).ToList();
        PushExpansion(MakePragma(tok, lexed) is { } pragma ? [pragma] : []);
        return true;
    }
}
