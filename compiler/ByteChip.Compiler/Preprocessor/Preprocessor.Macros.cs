using System.Text;
using ByteChip.Compiler.Driver;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>
/// Function-like macro invocations: argument collection, substitution with <c>#</c>, <c>##</c> and C++20
/// <c>__VA_OPT__</c> (C11 6.10.3.1–6.10.3.3, C++20 [cpp.subst]); the <c>_Pragma</c> and <c>defined</c> operators.
/// </summary>
public sealed partial class Preprocessor
{
    /// <summary>
    /// Reads the arguments after <c>(</c>; null after an error (already reported). Directives inside the arguments
    /// are processed as gcc and clang do (<c>#ifdef</c> choosing an argument is common), except <c>#include</c> and
    /// <c>#pragma</c>, which cannot take effect in the middle of an invocation (BC1030).
    /// </summary>
    private List<List<PpToken>>? CollectArguments(PpToken name, MacroDefinition macro, out PpToken rparen)
    {
        var args = new List<List<PpToken>> { new() };
        int depth = 0;
        int named = macro.Parameters!.Count;
        _argumentDepth++;
        try
        {
            while (true)
            {
                var t = NextRaw(directives: true);
                if (t.Kind == PpTokenKind.EndOfFile)
                {
                    Error(PreprocessorCode.UnterminatedMacroArguments, name.Location, $"unterminated function-like macro invocation of '{macro.Name}'", MacroNote(macro));
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
        }
        finally
        {
            _argumentDepth--;
        }
        if (named == 0 && !macro.IsVariadic && args.Count == 1 && args[0].Count == 0)
        {
            args.Clear();
        }
        if (macro.IsVariadic && args.Count == named)
        {
            args.Add([]); // C++20: the variadic arguments may be left out entirely
        }
        int expected = named + (macro.IsVariadic ? 1 : 0);
        if (args.Count != expected)
        {
            string what = args.Count > expected ? "too many" : "too few";
            string wanted = macro.IsVariadic ? $"at least {named}" : $"{named}";
            Error(PreprocessorCode.MacroArgumentCount, name.Location,
                $"{what} arguments provided to function-like macro invocation of '{macro.Name}' (expected {wanted}, have {args.Count})", MacroNote(macro));
            return null;
        }
        return args;
    }

    private static Diagnostic MacroNote(MacroDefinition macro) => DiagnosticBag.Note(macro.Location, $"macro '{macro.Name}' defined here");

    /// <summary>
    /// Replaces the parameters of <paramref name="body"/> (the macro's body or the content of a <c>__VA_OPT__</c>):
    /// <c>#</c> stringizes the unexpanded argument, an operand of <c>##</c> is the unexpanded argument, any other
    /// parameter the fully expanded one (cached per parameter). An empty operand of <c>##</c> is a placemarker.
    /// </summary>
    private List<PpToken> Substitute(MacroDefinition macro, IReadOnlyList<PpToken> body, List<List<PpToken>> args, PpToken invocation, Dictionary<int, List<PpToken>> expanded) =>
        Substitute(macro, body, args, invocation, expanded, out _, out _);

    /// <summary>
    /// <paramref name="leadingPlacemarker"/>/<paramref name="trailingPlacemarker"/>: the result starts or ends with an
    /// empty operand, which matters when it is the content of a <c>__VA_OPT__</c> next to <c>##</c>
    /// (C++20 [cpp.subst]: <c>__VA_OPT__(a X ## X) ## b</c> with an empty <c>X</c> gives <c>a b</c>).
    /// </summary>
    private List<PpToken> Substitute(MacroDefinition macro, IReadOnlyList<PpToken> body, List<List<PpToken>> args, PpToken invocation,
        Dictionary<int, List<PpToken>> expanded, out bool leadingPlacemarker, out bool trailingPlacemarker)
    {
        var result = new List<PpToken>();
        bool lastWasPlacemarker = false;
        leadingPlacemarker = false;
        for (int i = 0; i < body.Count; i++)
        {
            var t = body[i];
            if (t.Is("#") && i + 1 < body.Count && OperandEnd(macro, body, i + 1) is int se && se >= 0)
            {
                var operand = OperandValue(macro, body, i + 1, se, raw: true, args, invocation, expanded).Tokens;
                leadingPlacemarker |= result.Count == 0 && lastWasPlacemarker;
                result.Add(FromBody(t, invocation, macro) with { Kind = PpTokenKind.String, Text = Stringize(operand), LeadingSpace = t.LeadingSpace });
                i = se;
                lastWasPlacemarker = false;
                continue;
            }
            if (t.Is("##") && i + 1 < body.Count)
            {
                var rhsToken = body[i + 1];
                int re = OperandEnd(macro, body, i + 1);
                var value = re >= 0 ? OperandValue(macro, body, i + 1, re, raw: true, args, invocation, expanded) : new Operand([FromBody(rhsToken, invocation, macro)], false, false);
                var rhs = value.Tokens;
                i = re >= 0 ? re : i + 1;
                if (rhsToken.IsIdentifier("__VA_ARGS__") && macro.IsVariadic && result.Count > 0 && result[^1].Is(",") && !lastWasPlacemarker)
                {
                    // GNU ", ## __VA_ARGS__": the comma goes when there are no variadic arguments, else it stays
                    // and the arguments follow it unpasted.
                    if (rhs.Count == 0)
                    {
                        result.RemoveAt(result.Count - 1);
                    }
                    else
                    {
                        result.AddRange(rhs);
                    }
                    continue;
                }
                if (rhs.Count == 0)
                {
                    continue; // left ## placemarker is the left operand (or a placemarker)
                }
                if (lastWasPlacemarker || result.Count == 0 || value.LeadingPlacemarker)
                {
                    result.AddRange(rhs);
                }
                else
                {
                    AppendPasted(result, rhs[0]);
                    result.AddRange(rhs.Skip(1));
                }
                lastWasPlacemarker = value.TrailingPlacemarker;
                continue;
            }
            int end = OperandEnd(macro, body, i);
            if (end >= 0)
            {
                bool raw = end + 1 < body.Count && body[end + 1].Is("##");
                var value = OperandValue(macro, body, i, end, raw, args, invocation, expanded);
                var arg = value.Tokens;
                leadingPlacemarker |= result.Count == 0 && lastWasPlacemarker && arg.Count > 0;
                for (int k = 0; k < arg.Count; k++)
                {
                    result.Add(k == 0 ? arg[k] with { LeadingSpace = t.LeadingSpace } : arg[k]);
                }
                lastWasPlacemarker = raw && (arg.Count == 0 || value.TrailingPlacemarker); // a placemarker only matters before ##
                i = end;
                continue;
            }
            leadingPlacemarker |= result.Count == 0 && lastWasPlacemarker;
            result.Add(FromBody(t, invocation, macro));
            lastWasPlacemarker = false;
        }
        trailingPlacemarker = lastWasPlacemarker;
        return result;
    }

    /// <summary>The replacement of one operand (a parameter or a <c>__VA_OPT__</c>), see <see cref="Substitute(MacroDefinition, IReadOnlyList{PpToken}, List{List{PpToken}}, PpToken, Dictionary{int, List{PpToken}}, out bool, out bool)"/>.</summary>
    private readonly record struct Operand(List<PpToken> Tokens, bool LeadingPlacemarker, bool TrailingPlacemarker);

    /// <summary>
    /// When <c>body[start]</c> begins an operand (a parameter, or <c>__VA_OPT__ ( ... )</c> of a variadic macro), the
    /// index of its last token; else -1. <c>#define</c> has checked that every <c>__VA_OPT__</c> is closed.
    /// </summary>
    private static int OperandEnd(MacroDefinition macro, IReadOnlyList<PpToken> body, int start)
    {
        var t = body[start];
        if (t.Kind != PpTokenKind.Identifier)
        {
            return -1;
        }
        if (t.Text == "__VA_OPT__" && macro.IsVariadic)
        {
            return VaOptClose(body, start);
        }
        return macro.ParameterIndex(t.Text) >= 0 ? start : -1;
    }

    /// <summary>The index of the <c>)</c> closing the <c>__VA_OPT__</c> at <paramref name="start"/>, or -1.</summary>
    private static int VaOptClose(IReadOnlyList<PpToken> body, int start)
    {
        if (start + 1 >= body.Count || !body[start + 1].Is("("))
        {
            return -1;
        }
        int depth = 0;
        for (int k = start + 1; k < body.Count; k++)
        {
            if (body[k].Is("("))
            {
                depth++;
            }
            else if (body[k].Is(")") && --depth == 0)
            {
                return k;
            }
        }
        return -1;
    }

    private Operand OperandValue(MacroDefinition macro, IReadOnlyList<PpToken> body, int start, int end, bool raw,
        List<List<PpToken>> args, PpToken invocation, Dictionary<int, List<PpToken>> expanded)
    {
        if (body[start].IsIdentifier("__VA_OPT__") && end > start)
        {
            // C++20: the content when __VA_ARGS__ (macro-replaced) has tokens, else nothing.
            if (ExpandedArgument(args.Count - 1, args, expanded).Count == 0)
            {
                return new([], false, false);
            }
            var content = Substitute(macro, body.Skip(start + 2).Take(end - start - 2).ToList(), args, invocation, expanded, out bool leading, out bool trailing);
            return new(content, leading, trailing);
        }
        int index = macro.ParameterIndex(body[start].Text);
        return new(raw ? args[index] : ExpandedArgument(index, args, expanded), false, false);
    }

    private List<PpToken> ExpandedArgument(int index, List<List<PpToken>> args, Dictionary<int, List<PpToken>> expanded)
    {
        if (!expanded.TryGetValue(index, out var list))
        {
            list = ExpandList(args[index]);
            expanded[index] = list;
        }
        return list;
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
                AppendPasted(result, body[i + 1]);
                i++;
            }
            else
            {
                result.Add(body[i]);
            }
        }
        return result;
    }

    /// <summary>
    /// Pastes <paramref name="right"/> onto the last token of <paramref name="result"/>. When the text is not one
    /// token the error (which names both tokens) is reported and the left token stands for the result, so the
    /// statement around it still parses and the one mistake gives one error.
    /// </summary>
    private void AppendPasted(List<PpToken> result, PpToken right)
    {
        var left = result[^1];
        string text = left.Text + right.Text;
        var lexed = PpLexer.Lex(text, left.Location.File, left.Location.Line, null);
        if (lexed.Count != 1 || lexed[0].Kind == PpTokenKind.Other || lexed[0].LexError != null)
        {
            Error(PreprocessorCode.InvalidTokenPaste, left.Location, $"pasting \"{left.Text}\" and \"{right.Text}\" does not give a valid preprocessing token");
            return;
        }
        result[^1] = left with { Kind = lexed[0].Kind, Text = text };
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

    /// <summary>
    /// <c>_Pragma("unroll 4")</c> becomes the same pragma token as the directive (C11 6.10.9). A malformed operand
    /// is reported (BC1031) and consumed up to its <c>)</c> on the same line.
    /// </summary>
    private bool ExpandPragmaOperator(PpToken tok)
    {
        if (PeekRaw() is not { } open)
        {
            return false; // "_Pragma" at the end of a macro argument: it is handled when the expansion is rescanned
        }
        if (!open.Is("("))
        {
            Error(PreprocessorCode.InvalidPragmaOperator, tok.Location, "_Pragma takes a parenthesized string literal");
            PushExpansion([tok with { HideSet = tok.HideSet.Add("_Pragma") }]); // kept as a name, reported once
            return true;
        }
        NextRaw(directives: false);
        var operand = new List<PpToken>();
        int depth = 0;
        bool closed = false;
        while (PeekRaw() is { } next && !(next.AtLineStart && operand.Count > 0 && !next.Is(")")))
        {
            NextRaw(directives: false);
            if (next.Is(")") && depth == 0)
            {
                closed = true;
                break;
            }
            depth += next.Is("(") ? 1 : next.Is(")") ? -1 : 0;
            operand.Add(next);
        }
        if (!closed)
        {
            Error(PreprocessorCode.InvalidPragmaOperator, tok.Location, "missing ')' after _Pragma operand");
            return true;
        }
        if (operand.Count != 1 || operand[0].Kind != PpTokenKind.String || operand[0].LexError != null)
        {
            string what = operand.Count == 0 ? "nothing" : $"'{Spell(operand)}'";
            Error(PreprocessorCode.InvalidPragmaOperator, operand.Count > 0 ? operand[0].Location : tok.Location,
                $"_Pragma takes one string literal, not {what}");
            return true;
        }
        // Destringize: drop an encoding prefix and the quotes, unescape \" and \\.
        string str = operand[0].Text;
        str = str[(str.IndexOf('"') + 1)..^1];
        string text = str.Replace("\\\"", "\"").Replace("\\\\", "\\");
        var lexed = PpLexer.Lex(text, tok.Location.File, tok.Location.Line, null).Select(t => t with { Location = tok.Location }).ToList();
        if (lexed.Count > 0 && lexed[0].IsIdentifier("once"))
        {
            PragmaOnce(tok.Location);
            return true;
        }
        PushExpansion(MakePragma(tok, lexed) is { } pragma ? [pragma] : []);
        return true;
    }

    /// <summary>
    /// <c>defined NAME</c> / <c>defined ( NAME )</c> in an <c>#if</c> line, also when a macro expansion produced it
    /// (gcc and clang accept that; the name after it is not expanded).
    /// </summary>
    private PpToken DefinedOperator(PpToken tok)
    {
        bool paren = PeekRaw()?.Is("(") == true;
        if (paren)
        {
            NextRaw(directives: false);
        }
        if (PeekRaw() is not { Kind: PpTokenKind.Identifier } name)
        {
            Error(PreprocessorCode.MissingMacroName, tok.Location, "macro name missing after 'defined'");
            _conditionFailed = true;
            return tok with { Kind = PpTokenKind.Number, Text = "0" };
        }
        NextRaw(directives: false);
        if (paren)
        {
            if (PeekRaw()?.Is(")") == true)
            {
                NextRaw(directives: false);
            }
            else
            {
                Error(PreprocessorCode.MissingMacroName, tok.Location, $"missing ')' after 'defined({name.Text}'");
                _conditionFailed = true;
            }
        }
        return tok with { Kind = PpTokenKind.Number, Text = _macros.ContainsKey(name.Text) ? "1" : "0" };
    }
}
