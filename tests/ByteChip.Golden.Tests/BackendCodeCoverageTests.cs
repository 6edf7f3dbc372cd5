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
        var unreachable = CodeCoverage.Unreachable("## Backend codes that input cannot reach", UnreachableRow());
        var problems = CodeCoverage.Problems(codes, covered, unreachable, "in backend/");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"^(BC4\d{3})_")]
    private static partial Regex CaseName();

    [GeneratedRegex(@"^\| (BC4\d{3}) \| [^|]+ \|(.+)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex UnreachableRow();
}
