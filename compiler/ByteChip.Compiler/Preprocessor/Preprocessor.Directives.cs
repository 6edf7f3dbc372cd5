using System.Globalization;
using System.Text;
using ByteChip.Compiler.Driver;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>Directive handling: <c>#include</c>, <c>#define</c>, conditionals, <c>#line</c>, <c>#pragma</c>, diagnostics.</summary>
public sealed partial class Preprocessor
{
    /// <summary>The rest of the directive line after <c>#</c>, consumed from the frame.</summary>
    private static List<PpToken> TakeLine(Frame f)
    {
        var line = new List<PpToken>();
        while (f.Index < f.Tokens.Count && !f.Tokens[f.Index].AtLineStart)
        {
            line.Add(f.Tokens[f.Index++]);
        }
        return line;
    }

    /// <summary>Runs one directive; returns a token to emit (a pragma) or null.</summary>
    private PpToken? HandleDirective(Frame f, PpToken hash)
    {
        var fs = f.File!;
        var line = TakeLine(f);
        if (line.Count == 0)
        {
            return null; // the null directive
        }
        var name = line[0];
        var rest = line.GetRange(1, line.Count - 1);
        if (_argumentDepth > 0 && name.Text is "include" or "include_next" or "import" or "pragma")
        {
            // The invocation is being read: an included file or a pragma cannot be placed inside it.
            Error(PreprocessorCode.DirectiveInMacroArguments, name.Location,
                $"'#{name.Text}' cannot appear within the arguments of a function-like macro invocation{(name.Text == "pragma" ? " (use _Pragma)" : "")}");
            return null;
        }
        switch (name.Text)
        {
            case "include":
            case "include_next":
            case "import":
                Include(fs, name, rest);
                return null;
            case "define":
                Define(name, rest);
                return null;
            case "undef":
                if (rest.Count == 0 || rest[0].Kind != PpTokenKind.Identifier)
                {
                    Error(PreprocessorCode.MissingMacroName, name.Location, "macro name missing");
                }
                else if (rest[0].IsIdentifier("defined"))
                {
                    Error(PreprocessorCode.MissingMacroName, rest[0].Location, "'defined' cannot be used as a macro name");
                }
                else
                {
                    if (_macros.TryGetValue(rest[0].Text, out var undefined) && undefined.IsDynamic)
                    {
                        Warning(PreprocessorCode.BuiltinMacroRedefined, rest[0].Location, $"undefining builtin macro '{rest[0].Text}'");
                    }
                    _macros.Remove(rest[0].Text);
                    WarnExtra(rest, 1, "undef");
                }
                return null;
            case "if":
                return BeginConditional(f, name, EvaluateCondition(name, rest));
            case "ifdef":
            case "ifndef":
                if (rest.Count == 0 || rest[0].Kind != PpTokenKind.Identifier)
                {
                    Error(PreprocessorCode.MissingMacroName, name.Location, "macro name missing");
                    return BeginConditional(f, name, false);
                }
                WarnExtra(rest, 1, name.Text);
                return BeginConditional(f, name, _macros.ContainsKey(rest[0].Text) == (name.Text == "ifdef"));
            case "elif":
            case "else":
                if (fs.Conditionals.Count == 0)
                {
                    Error(PreprocessorCode.UnmatchedConditional, name.Location, $"#{name.Text} without #if");
                    return null;
                }
                var c = fs.Conditionals[^1];
                if (c.SeenElse)
                {
                    Error(PreprocessorCode.ConditionalAfterElse, name.Location, $"#{name.Text} after #else", DiagnosticBag.Note(c.ElseLocation, "previous #else is here"));
                }
                if (name.Text == "else" && !c.SeenElse)
                {
                    c.SeenElse = true;
                    c.ElseLocation = name.Location;
                }
                if (name.Text == "else")
                {
                    WarnExtra(rest, 0, "else");
                }
                else if (rest.Count == 0)
                {
                    // Not evaluated (an earlier group was taken) but still malformed.
                    Error(PreprocessorCode.InvalidConditionalExpression, name.Location, "#elif with no expression");
                }
                // The group before was taken, so every later group is skipped.
                SkipGroup(f, skipRest: true);
                return null;
            case "endif":
                if (fs.Conditionals.Count == 0)
                {
                    Error(PreprocessorCode.UnmatchedConditional, name.Location, "#endif without #if");
                }
                else
                {
                    fs.Conditionals.RemoveAt(fs.Conditionals.Count - 1);
                    WarnExtra(rest, 0, "endif");
                }
                return null;
            case "error":
                Error(PreprocessorCode.ErrorDirective, name.Location, rest.Count == 0 ? "#error" : MessageText(rest));
                return null;
            case "warning":
                Warning(PreprocessorCode.WarningDirective, name.Location, rest.Count == 0 ? "#warning" : MessageText(rest));
                return null;
            case "line":
                LineDirective(fs, hash, name, rest);
                return null;
            case "pragma":
                if (rest.Count > 0 && rest[0].IsIdentifier("once"))
                {
                    PragmaOnce(rest[0].Location);
                    WarnExtra(rest, 1, "pragma once");
                    return null;
                }
                return MakePragma(hash, rest);
            case "ident":
            case "sccs":
                return null;
            default:
                if (name.Kind == PpTokenKind.Number)
                {
                    LineDirective(fs, hash, name, line); // GNU line marker "# 12 "file""
                    return null;
                }
                Error(PreprocessorCode.InvalidDirective, name.Location, $"invalid preprocessing directive '#{name.Text}'");
                return null;
        }
    }

    /// <summary>
    /// A pragma token for the parser. <c>#pragma unroll N</c> has its count macro-expanded, as clang does, so
    /// <c>#pragma unroll BLOCK</c> works.
    /// </summary>
    private PpToken? MakePragma(PpToken at, List<PpToken> rest)
    {
        var body = rest;
        if (rest.Count > 0 && rest[0].IsIdentifier("unroll"))
        {
            var count = ExpandList(rest.GetRange(1, rest.Count - 1));
            body = [rest[0], .. count];
            if (count.Count > 0 && !count.Any(t => t.Kind == PpTokenKind.Identifier))
            {
                // An integral constant expression ("4", "(2+2)", a macro) is folded here, as nvcc does; names (a
                // template parameter, a constant) are left for the parser and semantic analysis.
                var scratch = new DiagnosticBag();
                long value = new ConditionalExpression(count, scratch, count[0].Location).Evaluate();
                if (!scratch.HasErrors)
                {
                    if (value <= 0 || value > int.MaxValue)
                    {
                        Warning(PreprocessorCode.PragmaUnrollIgnored, count[0].Location,
                            $"'#pragma unroll' count must be a positive integer constant, not {value} ('{Spell(count)}'); pragma ignored");
                        return null;
                    }
                    body = [rest[0], count[0] with { Kind = PpTokenKind.Number, Text = value.ToString(CultureInfo.InvariantCulture), LeadingSpace = true }];
                }
            }
        }
        return new PpToken(PpTokenKind.Pragma, Spell(body), at.Location) { AtLineStart = true, Expansion = at.Expansion };
    }

    /// <summary>
    /// <c>#pragma once</c> (or <c>_Pragma("once")</c>) marks the innermost open file; in the main file it means
    /// nothing, which clang warns about.
    /// </summary>
    private void PragmaOnce(SourceLocation at)
    {
        var fs = _frames.Last(f => f.File != null).File!;
        if (ReferenceEquals(fs.Source, _main))
        {
            Warning(PreprocessorCode.PragmaOnceInMainFile, at, "#pragma once in main file");
            return;
        }
        _onceFiles.Add(OnceKey(fs.Source.Path));
    }

    /// <summary>
    /// The text of <c>#error</c>/<c>#warning</c> as written: spacing between tokens on one line is kept, and a
    /// lone apostrophe (<c>#error don't</c>) is shown without the quote the lexer adds to close it.
    /// </summary>
    private static string MessageText(List<PpToken> tokens)
    {
        var sb = new StringBuilder();
        PpToken? previous = null;
        foreach (var t in tokens)
        {
            if (previous != null)
            {
                int gap = t.Location.Line == previous.Location.Line && t.Location.File == previous.Location.File
                    ? t.Location.Column - previous.Location.Column - previous.Text.Length
                    : (t.LeadingSpace ? 1 : 0);
                sb.Append(' ', Math.Max(gap, t.LeadingSpace ? 1 : 0));
            }
            sb.Append(t.LexError is { Code: PreprocessorCode.UnterminatedLiteral } ? t.Text[..^1] : t.Text);
            previous = t;
        }
        return sb.ToString();
    }

    private void WarnExtra(List<PpToken> rest, int used, string directive)
    {
        if (rest.Count > used)
        {
            Warning(PreprocessorCode.ExtraTokensAfterDirective, rest[used].Location, $"extra tokens at end of #{directive} directive");
        }
    }

    private static string Spell(IEnumerable<PpToken> tokens)
    {
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            if (sb.Length > 0 && t.LeadingSpace)
            {
                sb.Append(' ');
            }
            sb.Append(t.Text);
        }
        return sb.ToString();
    }

    private PpToken? BeginConditional(Frame f, PpToken at, bool value)
    {
        f.File!.Conditionals.Add(new Conditional(at.Location, value));
        if (!value)
        {
            SkipGroup(f, skipRest: false);
        }
        return null;
    }

    /// <summary>
    /// Skips lines up to the <c>#elif</c>/<c>#else</c> that starts a taken group or the matching <c>#endif</c>.
    /// With <paramref name="skipRest"/> every remaining group is skipped (an earlier one was taken).
    /// </summary>
    private void SkipGroup(Frame f, bool skipRest)
    {
        var fs = f.File!;
        var cond = fs.Conditionals[^1];
        int depth = 0;
        while (f.Index < f.Tokens.Count)
        {
            var t = f.Tokens[f.Index++];
            if (!(t.AtLineStart && t.Is("#")))
            {
                continue;
            }
            var line = TakeLine(f);
            if (line.Count == 0 || line[0].Kind != PpTokenKind.Identifier)
            {
                continue;
            }
            switch (line[0].Text)
            {
                case "if":
                case "ifdef":
                case "ifndef":
                    depth++;
                    break;
                case "endif":
                    if (depth-- == 0)
                    {
                        fs.Conditionals.RemoveAt(fs.Conditionals.Count - 1);
                        WarnExtra(line, 1, "endif");
                        return;
                    }
                    break;
                case "elif" when depth == 0:
                    if (cond.SeenElse)
                    {
                        Error(PreprocessorCode.ConditionalAfterElse, line[0].Location, "#elif after #else", DiagnosticBag.Note(cond.ElseLocation, "previous #else is here"));
                    }
                    if ((skipRest || cond.AnyTaken) && line.Count == 1)
                    {
                        Error(PreprocessorCode.InvalidConditionalExpression, line[0].Location, "#elif with no expression");
                    }
                    if (!skipRest && !cond.AnyTaken && EvaluateCondition(line[0], line.GetRange(1, line.Count - 1)))
                    {
                        cond.AnyTaken = true;
                        return;
                    }
                    break;
                case "else" when depth == 0:
                    if (cond.SeenElse)
                    {
                        Error(PreprocessorCode.ConditionalAfterElse, line[0].Location, "#else after #else", DiagnosticBag.Note(cond.ElseLocation, "previous #else is here"));
                    }
                    else
                    {
                        cond.SeenElse = true;
                        cond.ElseLocation = line[0].Location;
                    }
                    WarnExtra(line, 1, "else");
                    if (!skipRest && !cond.AnyTaken)
                    {
                        cond.AnyTaken = true;
                        return;
                    }
                    break;
            }
        }
    }

    private void Include(FileState fs, PpToken directive, List<PpToken> rest)
    {
        if (rest.Count > 0 && rest[0].Kind != PpTokenKind.String && !rest[0].Is("<"))
        {
            rest = ExpandList(rest);
        }
        string? name = null;
        bool angled = false;
        int used = 1;
        if (rest.Count > 0 && rest[0].Kind == PpTokenKind.String && rest[0].Text.StartsWith('"'))
        {
            name = rest[0].Text[1..^1];
        }
        else if (rest.Count > 0 && rest[0].Is("<"))
        {
            int close = rest.FindIndex(t => t.Is(">"));
            if (close > 0)
            {
                name = Spell(rest.GetRange(1, close - 1));
                angled = true;
                used = close + 1;
            }
        }
        if (string.IsNullOrEmpty(name))
        {
            Error(PreprocessorCode.InvalidIncludeSyntax, directive.Location, "#include expects \"FILENAME\" or <FILENAME>");
            return;
        }
        WarnExtra(rest, used, directive.Text);
        var file = _sources.ResolveInclude(name, angled, fs.Source.Path, out bool stubbed);
        if (file == null)
        {
            Error(PreprocessorCode.IncludeNotFound, rest[0].Location, $"'{name}' file not found");
            return;
        }
        if (stubbed)
        {
            Warning(PreprocessorCode.SystemHeaderStubbed, rest[0].Location, $"system header '{name}' not found; using an empty stub (device code cannot use its declarations)");
        }
        if (_onceFiles.Contains(OnceKey(file.Path)))
        {
            return;
        }
        if (_frames.Count(fr => fr.File != null) >= MaxIncludeDepth)
        {
            bool cycle = _frames.Any(fr => fr.File != null && ReferenceEquals(fr.File.Source, file));
            Error(PreprocessorCode.IncludeTooDeep, directive.Location, $"#include nested too deeply ({MaxIncludeDepth} levels)"
                + (cycle ? $": '{name}' includes itself without an include guard or '#pragma once'" : ""));
            return;
        }
        PushFile(file, rest[0].Location);
    }

    private void Define(PpToken directive, List<PpToken> rest)
    {
        if (rest.Count == 0 || rest[0].Kind != PpTokenKind.Identifier)
        {
            Error(PreprocessorCode.MissingMacroName, directive.Location, "macro name missing");
            return;
        }
        var name = rest[0];
        if (name.Text == "defined")
        {
            Error(PreprocessorCode.MissingMacroName, name.Location, "'defined' cannot be used as a macro name");
            return;
        }
        int i = 1;
        List<string>? parameters = null;
        bool variadic = false;
        if (i < rest.Count && rest[i].Is("(") && !rest[i].LeadingSpace)
        {
            parameters = [];
            i++;
            bool ok = false;
            while (i < rest.Count)
            {
                var p = rest[i++];
                if (p.Is(")") && parameters.Count == 0)
                {
                    ok = true;
                    break;
                }
                if (p.Is("..."))
                {
                    variadic = true;
                    ok = i < rest.Count && rest[i++].Is(")");
                    break;
                }
                if (p.Kind != PpTokenKind.Identifier)
                {
                    break;
                }
                parameters.Add(p.Text);
                if (i < rest.Count && rest[i].Is("..."))
                {
                    i++; // GNU named variadic "args..." is read as a plain parameter followed by variadic
                    variadic = true;
                }
                if (i < rest.Count && rest[i].Is(","))
                {
                    i++;
                    continue;
                }
                ok = i < rest.Count && rest[i++].Is(")");
                break;
            }
            if (!ok)
            {
                Error(PreprocessorCode.InvalidMacroParameters, name.Location, $"invalid macro parameter list for '{name.Text}'");
                return;
            }
        }
        var body = rest.GetRange(i, rest.Count - i);
        if (body.Count > 0)
        {
            body[0] = body[0] with { LeadingSpace = false };
        }
        var macro = new MacroDefinition(name.Text, parameters, variadic, body, name.Location);
        if (!CheckMacroBody(macro))
        {
            return; // not defined, as clang does: its uses then read as plain names
        }
        if (_macros.TryGetValue(name.Text, out var previous))
        {
            if (previous.IsDynamic)
            {
                Warning(PreprocessorCode.BuiltinMacroRedefined, name.Location, $"redefining builtin macro '{name.Text}'");
            }
            else if (!previous.IsSameAs(macro))
            {
                Warning(PreprocessorCode.MacroRedefined, name.Location, $"'{name.Text}' macro redefined",
                    DiagnosticBag.Note(previous.Location, "previous definition is here"));
            }
        }
        _macros[name.Text] = macro;
    }

    /// <summary>
    /// The constraints of C11 6.10.3 and C++20 [cpp.replace] on a replacement list: <c>__VA_ARGS__</c> and
    /// <c>__VA_OPT__</c> only in variadic macros, <c>__VA_OPT__</c> closed and not nested, <c>#</c> before a
    /// parameter, <c>##</c> not at either end (of the body or of a <c>__VA_OPT__</c>). Reports the first violation.
    /// </summary>
    private bool CheckMacroBody(MacroDefinition macro)
    {
        var body = macro.Body;
        if (body.Count > 0 && (body[0].Is("##") || body[^1].Is("##")))
        {
            var at = body[0].Is("##") ? body[0] : body[^1];
            Error(PreprocessorCode.TokenPasteAtEdge, at.Location, "'##' cannot appear at either end of a macro expansion");
            return false;
        }
        int vaOptEnd = -1;
        for (int k = 0; k < body.Count; k++)
        {
            var t = body[k];
            if (t.IsIdentifier("__VA_ARGS__") && !macro.IsVariadic)
            {
                Error(PreprocessorCode.VaArgsOutsideVariadicMacro, t.Location, "__VA_ARGS__ can only appear in the expansion of a variadic macro");
                return false;
            }
            if (t.IsIdentifier("__VA_OPT__"))
            {
                if (!macro.IsVariadic)
                {
                    Error(PreprocessorCode.InvalidVaOpt, t.Location, "__VA_OPT__ can only appear in the expansion of a variadic macro");
                    return false;
                }
                if (k < vaOptEnd)
                {
                    Error(PreprocessorCode.InvalidVaOpt, t.Location, "__VA_OPT__ cannot be nested within another __VA_OPT__");
                    return false;
                }
                if (k + 1 >= body.Count || !body[k + 1].Is("("))
                {
                    Error(PreprocessorCode.InvalidVaOpt, t.Location, "missing '(' following __VA_OPT__");
                    return false;
                }
                vaOptEnd = VaOptClose(body, k);
                if (vaOptEnd < 0)
                {
                    Error(PreprocessorCode.InvalidVaOpt, t.Location, "unterminated __VA_OPT__: missing ')'");
                    return false;
                }
                if (vaOptEnd > k + 2 && (body[k + 2].Is("##") || body[vaOptEnd - 1].Is("##")))
                {
                    var at = body[k + 2].Is("##") ? body[k + 2] : body[vaOptEnd - 1];
                    Error(PreprocessorCode.TokenPasteAtEdge, at.Location, "'##' cannot appear at either end of __VA_OPT__ content");
                    return false;
                }
            }
            if (macro.IsFunctionLike && t.Is("#") && (k + 1 >= body.Count || OperandEnd(macro, body, k + 1) < 0))
            {
                Error(PreprocessorCode.StringizeWithoutParameter, t.Location, "'#' is not followed by a macro parameter");
                return false;
            }
        }
        return true;
    }

    private void LineDirective(FileState fs, PpToken hash, PpToken directive, List<PpToken> rest)
    {
        bool marker = directive.Kind == PpTokenKind.Number; // GNU line marker "# 12 "file" 1 3"
        var expanded = marker ? rest : ExpandList(rest);
        if (expanded.Count == 0 || expanded[0].Kind != PpTokenKind.Number || !expanded[0].Text.All(char.IsAsciiDigit))
        {
            var at = expanded.Count > 0 ? expanded[0].Location : directive.Location;
            string what = expanded.Count == 0 ? "nothing" : $"'{expanded[0].Text}'";
            Error(PreprocessorCode.InvalidLineDirective, at, $"#line directive requires a positive integer argument (a digit sequence), not {what}");
            return;
        }
        // C11 6.10.4p3: 1 to 2147483647 (gcc's own output has markers with 0).
        if (!int.TryParse(expanded[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || (number == 0 && !marker))
        {
            Error(PreprocessorCode.InvalidLineDirective, expanded[0].Location, $"#line number {expanded[0].Text} out of range: it must be between 1 and 2147483647");
            return;
        }
        int used = 1;
        if (expanded.Count > 1)
        {
            if (expanded[1].Kind != PpTokenKind.String || !expanded[1].Text.StartsWith('"') || expanded[1].LexError != null)
            {
                Error(PreprocessorCode.InvalidLineDirective, expanded[1].Location, $"invalid file name '{Spell(expanded.Skip(1))}' for #line directive: it must be a string literal");
                return;
            }
            fs.PresumedName = expanded[1].Text[1..^1];
            used = 2;
        }
        // The line after the directive gets the number; keep the difference to the physical line.
        fs.LineDelta = number - (hash.Location.Line + 1);
        if (!marker)
        {
            WarnExtra(expanded, used, "line"); // GNU line markers carry flags after the name
        }
    }

    /// <summary>
    /// Expands and evaluates an <c>#if</c>/<c>#elif</c> line. <c>defined</c> is an operator during the expansion
    /// (<see cref="DefinedOperator"/>), so the name after it is not expanded away.
    /// </summary>
    private bool EvaluateCondition(PpToken directive, List<PpToken> rest)
    {
        if (rest.Count == 0)
        {
            Error(PreprocessorCode.InvalidConditionalExpression, directive.Location, $"#{directive.Text} with no expression");
            return false;
        }
        List<PpToken> tokens;
        _inCondition = true;
        _conditionFailed = false;
        try
        {
            tokens = ExpandList(rest);
        }
        finally
        {
            _inCondition = false;
        }
        if (_conditionFailed)
        {
            return false;
        }
        if (tokens.Count == 0)
        {
            Error(PreprocessorCode.InvalidConditionalExpression, directive.Location, $"#{directive.Text} expression is empty after macro expansion of '{Spell(rest)}'");
            return false;
        }
        var scratch = new DiagnosticBag();
        long value = new ConditionalExpression(tokens, scratch, directive.Location).Evaluate();
        Forward(scratch);
        return value != 0;
    }
}
