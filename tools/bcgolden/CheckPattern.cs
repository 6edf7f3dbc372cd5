using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ByteChip.Tools.Bcgolden;

/// <summary>
/// A FileCheck pattern compiled to a .NET regex: literal text (runs of blanks match any run of blanks),
/// <c>{{regex}}</c>, <c>[[VAR:regex]]</c> (defines VAR), <c>[[VAR]]</c> (the text VAR matched earlier, or in this
/// pattern), <c>[[@LINE]]</c> and <c>[[@LINE+N]]</c>/<c>[[@LINE-N]]</c> (the directive's own line number).
/// </summary>
public sealed class CheckPattern
{
    private CheckPattern(Regex regex, IReadOnlyList<string> defines)
    {
        Regex = regex;
        Defines = defines;
    }

    /// <summary>The compiled pattern.</summary>
    public Regex Regex { get; }

    /// <summary>Variables this pattern defines (named groups of <see cref="Regex"/>).</summary>
    public IReadOnlyList<string> Defines { get; }

    /// <summary>Compiles <paramref name="text"/>; <paramref name="variables"/> holds the values defined by earlier matches.</summary>
    public static CheckPattern Compile(string text, int line, IReadOnlyDictionary<string, string> variables)
    {
        var sb = new StringBuilder();
        var defines = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (At(text, i, "{{"))
            {
                int end = RegexEnd(text, i + 2);
                sb.Append("(?:").Append(text, i + 2, end - i - 2).Append(')');
                i = end + 2;
            }
            else if (At(text, i, "[["))
            {
                int end = text.IndexOf("]]", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new GoldenException($"unterminated '[[' in pattern '{text}'");
                }
                // A definition's regex may itself contain "]]" (a character class at its end): take the last "]]" that
                // still leaves a balanced bracket expression.
                string body = text[(i + 2)..end];
                int colon = body.IndexOf(':');
                if (colon > 0)
                {
                    while (!BracketsBalanced(body[(colon + 1)..]) && text.IndexOf("]]", end + 1, StringComparison.Ordinal) is int next && next > 0)
                    {
                        end = next;
                        body = text[(i + 2)..end];
                    }
                    string name = body[..colon];
                    CheckName(name, text);
                    if (defines.Contains(name))
                    {
                        throw new GoldenException($"variable '{name}' is defined twice in pattern '{text}'");
                    }
                    defines.Add(name);
                    sb.Append("(?<").Append(name).Append('>').Append(body[(colon + 1)..]).Append(')');
                }
                else if (body.StartsWith("@LINE", StringComparison.Ordinal))
                {
                    sb.Append(LineExpression(body, line).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    CheckName(body, text);
                    if (defines.Contains(body))
                    {
                        sb.Append(@"\k<").Append(body).Append('>');
                    }
                    else if (variables.TryGetValue(body, out var value))
                    {
                        sb.Append(Regex.Escape(value));
                    }
                    else
                    {
                        throw new GoldenException($"undefined variable '{body}' in pattern '{text}'");
                    }
                }
                i = end + 2;
            }
            else if (text[i] is ' ' or '\t')
            {
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }
                sb.Append(@"[ \t]+");
            }
            else
            {
                sb.Append(Regex.Escape(text[i].ToString()));
                i++;
            }
        }
        try
        {
            return new CheckPattern(new Regex(sb.ToString(), RegexOptions.CultureInvariant), defines);
        }
        catch (ArgumentException e)
        {
            throw new GoldenException($"invalid regex in pattern '{text}': {e.Message}");
        }
    }

    private static bool At(string text, int i, string what) => string.CompareOrdinal(text, i, what, 0, what.Length) == 0;

    // The index of the "}}" closing a {{regex}}: braces inside the regex ({2}, {1,3}) nest, escapes are skipped.
    private static int RegexEnd(string text, int start)
    {
        int depth = 0;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0 && i + 1 < text.Length && text[i + 1] == '}')
                {
                    return i;
                }
                depth = Math.Max(0, depth - 1);
            }
        }
        throw new GoldenException($"unterminated '{{{{' in pattern '{text}'");
    }

    private static bool BracketsBalanced(string regex)
    {
        int depth = 0;
        for (int i = 0; i < regex.Length; i++)
        {
            if (regex[i] == '\\')
            {
                i++;
            }
            else if (regex[i] == '[')
            {
                depth++;
            }
            else if (regex[i] == ']')
            {
                depth--;
            }
        }
        return depth == 0;
    }

    private static void CheckName(string name, string pattern)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new GoldenException($"invalid variable name '{name}' in pattern '{pattern}'");
        }
    }

    private static int LineExpression(string body, int line)
    {
        string rest = body["@LINE".Length..].Replace(" ", "", StringComparison.Ordinal);
        if (rest.Length == 0)
        {
            return line;
        }
        if (rest[0] is '+' or '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            return rest[0] == '+' ? line + n : line - n;
        }
        throw new GoldenException($"malformed line expression '[[{body}]]' (use [[@LINE]], [[@LINE+N]] or [[@LINE-N]])");
    }
}
