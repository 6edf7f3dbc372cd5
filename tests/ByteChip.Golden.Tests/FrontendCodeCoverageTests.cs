using System.Text.RegularExpressions;
using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Semantics;
using ByteChip.Compiler.Syntax;
using ByteChip.Tools.Bcgolden;

namespace ByteChip.Golden.Tests;

/// <summary>
/// Every frontend code (driver BC0xxx, preprocessor BC1xxx, parser BC2xxx, semantic analysis BC3xxx) is expected by
/// some golden case (an <c>expected-error</c>/<c>expected-warning</c> annotation or a positive check line, in a case
/// that is not an XFAIL) or listed with its reason in the README as one that input cannot reach; never both.
/// </summary>
public sealed partial class FrontendCodeCoverageTests
{
    [Fact]
    public void EveryFrontendCodeHasACaseOrIsListedAsUnreachable()
    {
        var codes = Enum.GetValues<DriverCode>().Select(c => (int)c)
            .Concat(Enum.GetValues<PreprocessorCode>().Select(c => (int)c))
            .Concat(Enum.GetValues<SyntaxCode>().Select(c => (int)c))
            .Concat(Enum.GetValues<SemanticCode>().Select(c => (int)c))
            .Select(c => $"BC{c:D4}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(codes.Count > 90, $"only {codes.Count} frontend codes");
        var suite = new GoldenSuite(GoldenSuite.DefaultRoot(), bless: false);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in suite.Discover())
        {
            var lines = File.ReadAllLines(Path.Combine(suite.Root, relative));
            if (lines.Any(l => l.Contains("XFAIL:", StringComparison.Ordinal)))
            {
                continue;
            }
            foreach (var line in lines.Where(l => !l.Contains("-NOT:", StringComparison.Ordinal)))
            {
                if (ExpectingLine().IsMatch(line))
                {
                    covered.UnionWith(Code().Matches(line).Select(m => m.Value));
                }
            }
        }
        var unreachable = CodeCoverage.Unreachable("## Frontend codes that input cannot reach", UnreachableRow());
        var problems = CodeCoverage.Problems(codes, covered, unreachable, "expects it");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // An annotation, or a check line (any prefix) that expects text.
    [GeneratedRegex(@"expected-(?:error|warning)|(?://|;).*\b[A-Z][A-Z0-9_]*(?:-NEXT|-SAME|-DAG|-LABEL|-COUNT-\d+)?:")]
    private static partial Regex ExpectingLine();

    [GeneratedRegex(@"\bBC[0-3]\d{3}\b")]
    private static partial Regex Code();

    [GeneratedRegex(@"^\| (BC[0-3]\d{3}) \| [^|]+ \|(.+)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex UnreachableRow();
}
