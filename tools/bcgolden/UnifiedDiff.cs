using System.Text;

namespace ByteChip.Tools.Bcgolden;

/// <summary>A line-based unified diff (<c>diff -u</c> form, three lines of context) from a longest common subsequence.</summary>
public static class UnifiedDiff
{
    /// <summary>The diff from <paramref name="expected"/> to <paramref name="actual"/>; empty when they are equal.</summary>
    public static string Create(string expected, string actual, string expectedName, string actualName, int context = 3)
    {
        var a = SplitLines(expected);
        var b = SplitLines(actual);
        var ops = Script(a, b);
        if (ops.All(o => o.Kind == ' '))
        {
            return "";
        }
        var sb = new StringBuilder();
        sb.Append("--- ").Append(expectedName).Append('\n');
        sb.Append("+++ ").Append(actualName).Append('\n');
        int i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }
            // A hunk: from `context` lines before this change to `context` lines after the last change that is
            // separated from the next by no more than 2 * context unchanged lines.
            int start = Math.Max(0, i - context);
            int end = i;
            while (true)
            {
                while (end < ops.Count && ops[end].Kind != ' ')
                {
                    end++;
                }
                int same = end;
                while (same < ops.Count && ops[same].Kind == ' ')
                {
                    same++;
                }
                if (same < ops.Count && same - end <= 2 * context)
                {
                    end = same;
                    continue;
                }
                end = Math.Min(ops.Count, end + context);
                break;
            }
            int aStart = ops[start].A, bStart = ops[start].B;
            int aCount = ops.Skip(start).Take(end - start).Count(o => o.Kind != '+');
            int bCount = ops.Skip(start).Take(end - start).Count(o => o.Kind != '-');
            sb.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
            for (int k = start; k < end; k++)
            {
                sb.Append(ops[k].Kind).Append(ops[k].Kind == '+' ? b[ops[k].B] : a[ops[k].A]).Append('\n');
            }
            i = end;
        }
        return sb.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static string[] SplitLines(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return [];
        }
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }
        return text.Split('\n');
    }

    private readonly record struct Op(char Kind, int A, int B);

    // The edit script: ' ' keeps a[A] (= b[B]), '-' drops a[A], '+' inserts b[B]. Common prefix and suffix are
    // trimmed first so the quadratic table only covers the part that changed.
    private static List<Op> Script(string[] a, string[] b)
    {
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }
        int n = a.Length - prefix - suffix, m = b.Length - prefix - suffix;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var ops = new List<Op>();
        for (int k = 0; k < prefix; k++)
        {
            ops.Add(new Op(' ', k, k));
        }
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                ops.Add(new Op(' ', prefix + x++, prefix + y++));
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(new Op('-', prefix + x++, prefix + y));
            }
            else
            {
                ops.Add(new Op('+', prefix + x, prefix + y++));
            }
        }
        for (int k = 0; k < suffix; k++)
        {
            ops.Add(new Op(' ', a.Length - suffix + k, b.Length - suffix + k));
        }
        return ops;
    }
}
