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
                    _diagnostics.Error((int)PreprocessorCode.MissingMacroName, name.Location, "macro name missing");
                }
                else
                {
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
                    _diagnostics.Error((int)PreprocessorCode.MissingMacroName, name.Location, "macro name missing");
                    return BeginConditional(f, name, false);
                }
                WarnExtra(rest, 1, name.Text);
                return BeginConditional(f, name, _macros.ContainsKey(rest[0].Text) == (name.Text == "ifdef"));
            case "elif":
            case "else":
                if (fs.Conditionals.Count == 0)
                {
                    _diagnostics.Error((int)PreprocessorCode.UnmatchedConditional, name.Location, $"#{name.Text} without #if");
                    return null;
                }
                var c = fs.Conditionals[^1];
                if (c.SeenElse)
                {
                    _diagnostics.Error((int)PreprocessorCode.ConditionalAfterElse, name.Location, $"#{name.Text} after #else");
                }
                c.SeenElse |= name.Text == "else";
                if (name.Text == "else")
                {
                    WarnExtra(rest, 0, "else");
                }
                // The group before was taken, so every later group is skipped.
                SkipGroup(f, skipRest: true);
                return null;
            case "endif":
                if (fs.Conditionals.Count == 0)
                {
                    _diagnostics.Error((int)PreprocessorCode.UnmatchedConditional, name.Location, "#endif without #if");
                }
                else
                {
                    fs.Conditionals.RemoveAt(fs.Conditionals.Count - 1);
                    WarnExtra(rest, 0, "endif");
                }
                return null;
            case "error":
                _diagnostics.Error((int)PreprocessorCode.ErrorDirective, name.Location, Spell(rest));
                return null;
            case "warning":
                _diagnostics.Warning((int)PreprocessorCode.WarningDirective, name.Location, Spell(rest));
                return null;
            case "line":
                LineDirective(fs, hash, name, rest);
                return null;
            case "pragma":
                if (rest.Count > 0 && rest[0].IsIdentifier("once"))
                {
                    _onceFiles.Add(OnceKey(fs.Source.Path));
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
                _diagnostics.Error((int)PreprocessorCode.InvalidDirective, name.Location, $"invalid preprocessing directive '#{name.Text}'");
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
                        _diagnostics.Warning((int)PreprocessorCode.PragmaUnrollIgnored, count[0].Location,
                            $"'#pragma unroll' count must be a positive integer constant, not {value} ('{Spell(count)}'); pragma ignored");
                        return null;
                    }
                    body = [rest[0], count[0] with { Kind = PpTokenKind.Number, Text = value.ToString(CultureInfo.InvariantCulture), LeadingSpace = true }];
                }
            }
        }
        return new PpToken(PpTokenKind.Pragma, Spell(body), at.Location) { AtLineStart = true, Expansion = at.Expansion };
    }

    private void WarnExtra(List<PpToken> rest, int used, string directive)
    {
        if (rest.Count > used)
        {
            _diagnostics.Warning((int)PreprocessorCode.ExtraTokensAfterDirective, rest[used].Location, $"extra tokens at end of #{directive} directive");
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
                        _diagnostics.Error((int)PreprocessorCode.ConditionalAfterElse, line[0].Location, "#elif after #else");
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
                        _diagnostics.Error((int)PreprocessorCode.ConditionalAfterElse, line[0].Location, "#else after #else");
                    }
                    cond.SeenElse = true;
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
            _diagnostics.Error((int)PreprocessorCode.InvalidIncludeSyntax, directive.Location, "#include expects \"FILENAME\" or <FILENAME>");
            return;
        }
        WarnExtra(rest, used, directive.Text);
        var file = _sources.ResolveInclude(name, angled, fs.Source.Path, out bool stubbed);
        if (file == null)
        {
            _diagnostics.Error((int)PreprocessorCode.IncludeNotFound, rest[0].Location, $"'{name}' file not found");
            return;
        }
        if (stubbed)
        {
            _diagnostics.Warning((int)PreprocessorCode.SystemHeaderStubbed, rest[0].Location, $"system header '{name}' not found; using an empty stub (device code cannot use its declarations)");
        }
        if (_onceFiles.Contains(OnceKey(file.Path)))
        {
            return;
        }
        if (_frames.Count(fr => fr.File != null) >= MaxIncludeDepth)
        {
            _diagnostics.Error((int)PreprocessorCode.IncludeTooDeep, directive.Location, "#include nested too deeply");
            return;
        }
        PushFile(file);
    }

    private void Define(PpToken directive, List<PpToken> rest)
    {
        if (rest.Count == 0 || rest[0].Kind != PpTokenKind.Identifier)
        {
            _diagnostics.Error((int)PreprocessorCode.MissingMacroName, directive.Location, "macro name missing");
            return;
        }
        var name = rest[0];
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
                _diagnostics.Error((int)PreprocessorCode.InvalidMacroParameters, name.Location, $"invalid macro parameter list for '{name.Text}'");
                return;
            }
        }
        var body = rest.GetRange(i, rest.Count - i);
        if (body.Count > 0)
        {
            body[0] = body[0] with { LeadingSpace = false };
        }
        var macro = new MacroDefinition(name.Text, parameters, variadic, body, name.Location);
        foreach (var (t, k) in body.Select((t, k) => (t, k)))
        {
            if (t.IsIdentifier("__VA_ARGS__") && !variadic)
            {
                _diagnostics.Error((int)PreprocessorCode.VaArgsOutsideVariadicMacro, t.Location, "__VA_ARGS__ can only appear in the expansion of a variadic macro");
                return;
            }
            if (parameters != null && t.Is("#") && (k + 1 >= body.Count || macro.ParameterIndex(body[k + 1].Text) < 0))
            {
                _diagnostics.Error((int)PreprocessorCode.StringizeWithoutParameter, t.Location, "'#' is not followed by a macro parameter");
                return;
            }
        }
        if (_macros.TryGetValue(name.Text, out var previous) && !previous.IsDynamic && !previous.IsSameAs(macro))
        {
            _diagnostics.Warning((int)PreprocessorCode.MacroRedefined, name.Location, $"'{name.Text}' macro redefined",
                DiagnosticBag.Note(previous.Location, "previous definition is here"));
        }
        _macros[name.Text] = macro;
    }

    private void LineDirective(FileState fs, PpToken hash, PpToken directive, List<PpToken> rest)
    {
        var expanded = ExpandList(rest);
        if (expanded.Count == 0 || expanded[0].Kind != PpTokenKind.Number
            || !int.TryParse(expanded[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            _diagnostics.Error((int)PreprocessorCode.InvalidLineDirective, directive.Location, "#line directive requires a positive integer argument");
            return;
        }
        // The line after the directive gets the number; keep the difference to the physical line.
        fs.LineDelta = number - (hash.Location.Line + 1);
        int used = 1;
        if (expanded.Count > 1 && expanded[1].Kind == PpTokenKind.String)
        {
            fs.PresumedName = expanded[1].Text[1..^1];
            used = 2;
        }
        if (directive.Kind != PpTokenKind.Number)
        {
            WarnExtra(expanded, used, "line"); // GNU line markers "# 12 "file" 1 3" carry flags after the name
        }
    }

    private bool EvaluateCondition(PpToken directive, List<PpToken> rest)
    {
        // "defined X" / "defined(X)" are replaced before expansion, so the macro names are not expanded away.
        var replaced = new List<PpToken>();
        for (int i = 0; i < rest.Count; i++)
        {
            if (rest[i].IsIdentifier("defined"))
            {
                bool paren = i + 1 < rest.Count && rest[i + 1].Is("(");
                int ni = paren ? i + 2 : i + 1;
                if (ni >= rest.Count || rest[ni].Kind != PpTokenKind.Identifier || (paren && (ni + 1 >= rest.Count || !rest[ni + 1].Is(")"))))
                {
                    _diagnostics.Error((int)PreprocessorCode.MissingMacroName, rest[i].Location, "macro name missing after 'defined'");
                    return false;
                }
                replaced.Add(rest[i] with { Kind = PpTokenKind.Number, Text = _macros.ContainsKey(rest[ni].Text) ? "1" : "0" });
                i = paren ? ni + 1 : ni;
                continue;
            }
            replaced.Add(rest[i]);
        }
        var tokens = ExpandList(replaced);
        if (tokens.Count == 0)
        {
            _diagnostics.Error((int)PreprocessorCode.InvalidConditionalExpression, directive.Location, $"#{directive.Text} with no expression");
            return false;
        }
        var evaluator = new ConditionalExpression(tokens, _diagnostics, directive.Location);
        return evaluator.Evaluate() != 0;
    }
}
