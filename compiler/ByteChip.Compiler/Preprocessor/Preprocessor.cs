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
    private SourceFile? _main;

    /// <summary>Above 0 while the arguments of a function-like macro invocation are read (directives there are special).</summary>
    private int _argumentDepth;

    /// <summary>True while an <c>#if</c>/<c>#elif</c> line is expanded: <c>defined</c> is an operator then.</summary>
    private bool _inCondition;

    /// <summary>Set when <c>defined</c> was misused on the current <c>#if</c> line (reported; nothing is evaluated).</summary>
    private bool _conditionFailed;

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
        _main = main;
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
            if (tok.LexError is { Code: PreprocessorCode.StrayCharacter } stray)
            {
                Error(stray.Code, tok.Location, stray.Message);
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

        /// <summary>Where the <c>#include</c> that opened this file is (null for the main file and the prelude).</summary>
        public SourceLocation? IncludedAt { get; init; }
    }

    private sealed class Conditional(SourceLocation location, bool anyTaken)
    {
        public SourceLocation Location { get; } = location;

        public bool AnyTaken { get; set; } = anyTaken;

        public bool SeenElse { get; set; }

        /// <summary>The <c>#else</c> of this group, for the note of "#else after #else".</summary>
        public SourceLocation ElseLocation { get; set; }
    }

    /// <summary>A file (File set), a macro expansion to rescan, or a barrier that ends in EOF instead of popping.</summary>
    private sealed class Frame(List<PpToken> tokens, FileState? file, bool isBarrier)
    {
        public List<PpToken> Tokens { get; } = tokens;

        public int Index { get; set; }

        public FileState? File { get; } = file;

        public bool IsBarrier { get; } = isBarrier;
    }

    private void PushFile(SourceFile file, SourceLocation? includedAt = null)
    {
        var scratch = new DiagnosticBag();
        if (!_lexed.TryGetValue(file, out var tokens))
        {
            tokens = PpLexer.Lex(file, scratch);
            _lexed[file] = tokens;
        }
        _frames.Add(new Frame(tokens, new FileState(file) { IncludedAt = includedAt }, false));
        Forward(scratch);
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
            // A stray character is a valid preprocessing token (C11 6.4p1: "each non-white-space character that
            // cannot be one of the above") that stringizing may consume (str(@)); it is reported when it reaches
            // the output. An unterminated literal is an error wherever it is.
            if (f.File != null && tok.LexError is { Code: not PreprocessorCode.StrayCharacter } lexError)
            {
                Error(lexError.Code, tok.Location, lexError.Message);
            }
            if (f.File != null && tok.Kind == PpTokenKind.Identifier)
            {
                // In a macro body these are parameters (checked by #define); anywhere else they are mistakes.
                if (tok.Text == "__VA_ARGS__")
                {
                    Error(PreprocessorCode.VaArgsOutsideVariadicMacro, tok.Location, "__VA_ARGS__ can only appear in the expansion of a variadic macro");
                }
                else if (tok.Text == "__VA_OPT__")
                {
                    Error(PreprocessorCode.InvalidVaOpt, tok.Location, "__VA_OPT__ can only appear in the expansion of a variadic macro");
                }
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
            Error(PreprocessorCode.UnterminatedConditional, c.Location, "unterminated conditional directive");
        }
        file.Conditionals.Clear();
    }

    /// <summary>The next fully macro-expanded token.</summary>
    private PpToken NextExpanded()
    {
        while (true)
        {
            var tok = NextRaw();
            if (_inCondition && tok.IsIdentifier("defined"))
            {
                return DefinedOperator(tok);
            }
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
        if (tok.Text == "_Pragma" && !tok.HideSet.Contains("_Pragma"))
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
        PushExpansion(Finish(Substitute(macro, macro.Body, args, tok, []), tok, hs));
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

    /// <summary>
    /// A token of a macro body as it appears in the expansion: reported at the invocation. Its hide set is the one
    /// <see cref="Finish"/> gives the whole expansion (for a function-like macro the invocation's hide set
    /// intersected with the closing parenthesis's, Prosser's rule: C11 6.10.3.4's <c>f(2)(9)</c> is <c>2*9*g</c>).
    /// </summary>
    private static PpToken FromBody(PpToken bodyToken, PpToken invocation, MacroDefinition macro) => bodyToken with
    {
        Location = invocation.Location,
        Expansion = new MacroExpansion(macro.Name, invocation.Location, bodyToken.Location, invocation.Expansion),
        HideSet = ImmutableHashSet<string>.Empty,
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
}
