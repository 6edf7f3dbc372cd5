using System.Text;

namespace ByteChip.Build;

/// <summary>
/// Reads the make-style dependency file that <c>bytechipcc -MD</c> writes: <c>target: dep1 dep2 ...</c> with
/// backslash-newline continuations and <c>\ </c> for a space inside a path (also <c>$$</c> for <c>$</c>, as make
/// writes it). Paths are relative to the compiler's working directory unless rooted.
/// </summary>
public static class DependencyFile
{
    /// <summary>The prerequisites of every rule in <paramref name="text"/>, made absolute against <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<string> Parse(string text, string baseDirectory)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in SplitRules(text))
        {
            int colon = FindRuleColon(rule);
            if (colon < 0)
            {
                continue;
            }
            foreach (var word in Words(rule[(colon + 1)..]))
            {
                var full = Path.GetFullPath(Path.Combine(baseDirectory, word));
                if (seen.Add(full))
                {
                    result.Add(full);
                }
            }
        }
        return result;
    }

    /// <summary>Joins continuation lines; one string per rule.</summary>
    private static IEnumerable<string> SplitRules(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            int trailing = 0;
            for (int i = raw.Length - 1; i >= 0 && raw[i] == '\\'; i--)
            {
                trailing++;
            }
            // An odd number of trailing backslashes: the last one escapes the newline.
            if (trailing % 2 == 1)
            {
                current.Append(raw, 0, raw.Length - 1).Append(' ');
                continue;
            }
            current.Append(raw);
            if (current.ToString().Trim().Length > 0)
            {
                yield return current.ToString();
            }
            current.Clear();
        }
        if (current.ToString().Trim().Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>The colon that ends the targets: not an escaped one, not a drive letter's (<c>C:\</c>).</summary>
    private static int FindRuleColon(string rule)
    {
        for (int i = 0; i < rule.Length; i++)
        {
            if (rule[i] == '\\')
            {
                i++;
                continue;
            }
            if (rule[i] != ':')
            {
                continue;
            }
            bool driveLetter = i >= 1 && char.IsAsciiLetter(rule[i - 1]) && (i == 1 || char.IsWhiteSpace(rule[i - 2]))
                && i + 1 < rule.Length && (rule[i + 1] == '\\' || rule[i + 1] == '/');
            if (!driveLetter)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Whitespace-separated words with <c>\ </c>, <c>\#</c> and <c>$$</c> unescaped (other backslashes are path separators).</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && (text[i + 1] == ' ' || text[i + 1] == '#'))
            {
                word.Append(text[i + 1]);
                i++;
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                word.Append('$');
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
