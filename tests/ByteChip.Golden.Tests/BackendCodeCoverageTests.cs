using System.Reflection;
using System.Text.RegularExpressions;
using ByteChip.Compiler.Backend;
using ByteChip.Tools.Bcgolden;

namespace ByteChip.Golden.Tests;

/// <summary>
/// Every backend code (BC4xxx in <see cref="BackendErrors"/>) has a golden case in tests/golden/backend whose name
/// starts with the code and which expects that code, or is listed with its reason in the suite's README as one that
/// user input cannot reach; never both, and the README lists no code that does not exist.
/// </summary>
public sealed partial class BackendCodeCoverageTests
{
    [Fact]
    public void EveryBackendCodeHasACaseOrIsListedAsUnreachable()
    {
        var codes = typeof(BackendErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => $"BC{(int)f.GetRawConstantValue()!:D4}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(codes);
        string root = GoldenSuite.DefaultRoot();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "backend")))
        {
            var m = CaseName().Match(Path.GetFileName(path));
            if (!m.Success || !GoldenSuite.Extensions.Contains(Path.GetExtension(path)))
            {
                continue;
            }
            // A case covers its code when it expects that code (a CHECK line or an annotation) and is not an XFAIL.
            string code = m.Groups[1].Value, text = File.ReadAllText(path);
            if (!text.Contains("XFAIL:", StringComparison.Ordinal) && Regex.IsMatch(text, $@"error(?:@\S+)? {code}\b"))
            {
                covered.Add(code);
            }
        }
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        int section = readme.IndexOf("## Backend codes that input cannot reach", StringComparison.Ordinal);
        Assert.True(section >= 0, "tests/golden/README.md has no section '## Backend codes that input cannot reach'");
        int end = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        var unreachable = UnreachableRow().Matches(end < 0 ? readme[section..] : readme[section..end])
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);

        var problems = new List<string>();
        problems.AddRange(codes.Where(c => !covered.Contains(c) && !unreachable.ContainsKey(c)).Select(c => $"{c}: no case in backend/ and not listed as unreachable"));
        problems.AddRange(unreachable.Keys.Where(covered.Contains).Select(c => $"{c}: has a case but is also listed as unreachable"));
        problems.AddRange(unreachable.Keys.Where(c => !codes.Contains(c)).Select(c => $"{c}: listed as unreachable but BackendErrors has no such code"));
        problems.AddRange(unreachable.Where(u => u.Value.Length < 20).Select(u => $"{u.Key}: the README gives no real reason"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"^(BC4\d{3})_")]
    private static partial Regex CaseName();

    [GeneratedRegex(@"^\| (BC4\d{3}) \| [^|]+ \|(.+)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex UnreachableRow();
}
