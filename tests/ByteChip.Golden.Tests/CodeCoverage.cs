using System.Text.RegularExpressions;
using ByteChip.Tools.Bcgolden;

namespace ByteChip.Golden.Tests;

/// <summary>What the code-coverage tests share: the README's table of unreachable codes and the list of problems.</summary>
internal static class CodeCoverage
{
    /// <summary>Code → reason of the rows (<paramref name="row"/>: code in group 1, reason in group 2) in the README section <paramref name="title"/>.</summary>
    public static Dictionary<string, string> Unreachable(string title, Regex row)
    {
        var readme = File.ReadAllText(Path.Combine(GoldenSuite.DefaultRoot(), "README.md"));
        int section = readme.IndexOf(title, StringComparison.Ordinal);
        Assert.True(section >= 0, $"tests/golden/README.md has no section '{title}'");
        int end = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        return row.Matches(end < 0 ? readme[section..] : readme[section..end])
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);
    }

    /// <summary>Codes neither covered nor listed, listed codes that are covered or do not exist, rows without a reason.</summary>
    public static List<string> Problems(IReadOnlySet<string> codes, IReadOnlySet<string> covered, Dictionary<string, string> unreachable, string where)
    {
        var problems = new List<string>();
        problems.AddRange(codes.Order().Where(c => !covered.Contains(c) && !unreachable.ContainsKey(c)).Select(c => $"{c}: no case {where} and not listed as unreachable"));
        problems.AddRange(unreachable.Keys.Where(covered.Contains).Select(c => $"{c}: has a case but is also listed as unreachable"));
        problems.AddRange(unreachable.Keys.Where(c => !codes.Contains(c)).Select(c => $"{c}: listed as unreachable but no such code exists"));
        problems.AddRange(unreachable.Where(u => u.Value.Length < 20).Select(u => $"{u.Key}: the README gives no real reason"));
        return problems;
    }
}
