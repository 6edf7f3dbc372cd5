using System.Text;
using ByteChip.Compiler.Driver;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>
/// Splits a source text into preprocessing tokens (C11 6.4): line splices and comments are removed, every token
/// records its physical line and column and whether it starts a line.
/// </summary>
public static class PpLexer
{
    // Longest first, so the first match is the longest one.
    private static readonly string[] s_punctuators =
    [
        "<<=", ">>=", "...", "->*",
        "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=",
        "&=", "^=", "|=", "##", "::",
        "[", "]", "(", ")", "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%", "<", ">", "^", "|", "?",
        ":", ";", "=", ",", "#",
    ];

    /// <summary>Lexes a whole file. Reports unterminated comments/literals and stray characters.</summary>
    public static List<PpToken> Lex(SourceFile file, DiagnosticBag diagnostics) => Lex(file.Text, file.Path, 1, diagnostics);

    /// <summary>Lexes <paramref name="text"/> as if it started at <paramref name="firstLine"/> of <paramref name="path"/>.</summary>
    public static List<PpToken> Lex(string text, string path, int firstLine, DiagnosticBag? diagnostics)
    {
        var tokens = new List<PpToken>();
        int i = 0, line = firstLine, col = 1;
        bool atLineStart = true, space = false;
        (PreprocessorCode, string)? lexError = null;

        // Line splices are rare; handle them by peeking through them instead of rewriting the text, so columns
        // stay those of the file.
        char Peek(int k)
        {
            int j = i;
            for (;;)
            {
                while (j + 1 < text.Length && text[j] == '\\' && (text[j + 1] == '\n' || (text[j + 1] == '\r' && j + 2 < text.Length && text[j + 2] == '\n')))
                {
                    j += text[j + 1] == '\r' ? 3 : 2;
                }
                if (j >= text.Length)
                {
                    return '\0';
                }
                if (k == 0)
                {
                    return text[j];
                }
                k--;
                j++;
            }
        }

        void Advance()
        {
            while (i + 1 < text.Length && text[i] == '\\' && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n')))
            {
                i += text[i + 1] == '\r' ? 3 : 2;
                line++;
                col = 1;
            }
            if (i >= text.Length)
            {
                return;
            }
            if (text[i] == '\n')
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }
            i++;
        }

        while (true)
        {
            char c = Peek(0);
            if (AtEnd())
            {
                break;
            }
            if (c == '\n')
            {
                Advance();
                atLineStart = true;
                space = false;
                continue;
            }
            if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                Advance();
                space = true;
                continue;
            }
            if (c == '/' && Peek(1) == '/')
            {
                while (!AtEnd() && Peek(0) != '\n')
                {
                    Advance();
                }
                space = true;
                continue;
            }
            var start = new SourceLocation(path, line, col);
            if (c == '/' && Peek(1) == '*')
            {
                Advance();
                Advance();
                while (!AtEnd() && !(Peek(0) == '*' && Peek(1) == '/'))
                {
                    Advance();
                }
                if (AtEnd())
                {
                    diagnostics?.Error((int)PreprocessorCode.UnterminatedComment, start, "unterminated /* comment");
                }
                else
                {
                    Advance();
                    Advance();
                }
                space = true;
                continue;
            }

            var sb = new StringBuilder();
            PpTokenKind kind;
            if (IsIdentStart(c) && !IsLiteralPrefix())
            {
                while (IsIdentPart(Peek(0)))
                {
                    sb.Append(Peek(0));
                    Advance();
                }
                kind = PpTokenKind.Identifier;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                // pp-number: digits, letters, '.', and sign after e/E/p/P.
                while (true)
                {
                    char d = Peek(0);
                    if ((d is '+' or '-') && sb.Length > 0 && sb[^1] is 'e' or 'E' or 'p' or 'P')
                    {
                        sb.Append(d);
                        Advance();
                    }
                    else if (IsIdentPart(d) || d == '.' || (d == '\'' && IsIdentPart(Peek(1))))
                    {
                        if (d != '\'')
                        {
                            sb.Append(d);
                        }
                        Advance();
                    }
                    else
                    {
                        break;
                    }
                }
                kind = PpTokenKind.Number;
            }
            else if (c is '"' or '\'' || IsLiteralPrefix())
            {
                while (Peek(0) is not ('"' or '\''))
                {
                    sb.Append(Peek(0));
                    Advance();
                }
                char quote = Peek(0);
                sb.Append(quote);
                Advance();
                bool closed = false;
                while (!AtEnd() && Peek(0) != '\n')
                {
                    char d = Peek(0);
                    sb.Append(d);
                    Advance();
                    if (d == '\\' && !AtEnd() && Peek(0) != '\n')
                    {
                        sb.Append(Peek(0));
                        Advance();
                    }
                    else if (d == quote)
                    {
                        closed = true;
                        break;
                    }
                }
                if (!closed)
                {
                    lexError = (PreprocessorCode.UnterminatedLiteral, quote == '"' ? "missing terminating '\"' character" : "missing terminating ' character");
                    sb.Append(quote);
                }
                kind = quote == '"' ? PpTokenKind.String : PpTokenKind.Character;
            }
            else
            {
                string? punct = null;
                foreach (var p in s_punctuators)
                {
                    bool match = true;
                    for (int k = 0; k < p.Length && match; k++)
                    {
                        match = Peek(k) == p[k];
                    }
                    if (match)
                    {
                        punct = p;
                        break;
                    }
                }
                if (punct != null)
                {
                    for (int k = 0; k < punct.Length; k++)
                    {
                        Advance();
                    }
                    sb.Append(punct);
                    kind = PpTokenKind.Punctuator;
                }
                else
                {
                    sb.Append(c);
                    Advance();
                    kind = PpTokenKind.Other;
                    lexError = (PreprocessorCode.StrayCharacter, char.IsControl(c) ? $"stray '\\x{(int)c:x2}' in program" : $"stray '{c}' in program");
                }
            }
            tokens.Add(new PpToken(kind, sb.ToString(), start) { AtLineStart = atLineStart, LeadingSpace = space, LexError = lexError });
            lexError = null;
            atLineStart = false;
            space = false;
        }
        return tokens;

        bool AtEnd()
        {
            int j = i;
            while (j + 1 < text.Length && text[j] == '\\' && (text[j + 1] == '\n' || text[j + 1] == '\r'))
            {
                j += text[j + 1] == '\r' && j + 2 < text.Length && text[j + 2] == '\n' ? 3 : 2;
            }
            return j >= text.Length;
        }

        bool IsLiteralPrefix()
        {
            // L"..", u"..", U"..", u8"..", L'..' etc.
            char a = Peek(0);
            if (a is 'L' or 'U' or 'u')
            {
                char b = Peek(1);
                if (b is '"' or '\'')
                {
                    return true;
                }
                if (a == 'u' && b == '8' && Peek(2) is '"' or '\'')
                {
                    return true;
                }
            }
            return false;
        }
    }

    public static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == '$';

    public static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';
}
