using ByteChip.Tools.Bcgolden;
using Xunit.Abstractions;

namespace ByteChip.Golden.Tests;

/// <summary>
/// The golden-output regression suite as an xunit theory: one case per file under tests/golden, named by its
/// path, so <c>dotnet test --filter "DisplayName~sema/"</c> selects cases. <c>BYTECHIP_BLESS=1</c> rewrites precise
/// expectations (and the case passes, printing what changed).
/// </summary>
public sealed class GoldenTests(ITestOutputHelper output)
{
    private static readonly GoldenSuite s_suite = new(GoldenSuite.DefaultRoot(), GoldenSuite.BlessRequested);

    public static TheoryData<string> Cases => new(s_suite.Discover());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden(string file)
    {
        var result = s_suite.Run(file);
        foreach (var b in result.Blessed)
        {
            output.WriteLine("BLESSED: " + b);
        }
        Assert.True(result.Passed, "\n" + result.Report);
    }

    [Fact]
    public void SuiteHasCasesForEveryStage()
    {
        var cases = s_suite.Discover();
        Assert.True(cases.Count >= 150, $"only {cases.Count} golden cases");
        string[] stages = ["preprocessor", "parser", "sema", "llvm", "isel", "regalloc", "backend", "resources", "driver", "asm", "disasm", "exec", "samples"];
        var empty = stages.Where(s => !cases.Any(c => c.StartsWith(s + "/", StringComparison.Ordinal))).ToList();
        Assert.True(empty.Count == 0, $"stages without cases: {string.Join(", ", empty)}");
    }
}

/// <summary>The rules of the suite that hold for every case, checked over the files themselves.</summary>
public sealed class GoldenRulesTests
{
    private static readonly GoldenSuite s_suite = new(GoldenSuite.DefaultRoot(), bless: false);

    /// <summary>
    /// Every case that executes a kernel does so at -O0 and -O2 on n4 and n5 (a case named <c>*_n4</c>/<c>*_n5</c>
    /// tests a feature of that target only: both levels on it).
    /// </summary>
    [Fact]
    public void EveryExecutionCaseRunsAtO0AndO2OnBothTargets()
    {
        var problems = new List<string>();
        int executed = 0;
        foreach (var relative in s_suite.Discover())
        {
            var file = GoldenFile.Load(Path.Combine(s_suite.Root, relative), s_suite.Root);
            var runs = file.RunLines.Where(r => r.Text.Contains("| bcrun", StringComparison.Ordinal)).ToList();
            if (runs.Count == 0)
            {
                continue;
            }
            executed++;
            var seen = runs.Select(r =>
            {
                var words = r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string level = words.FirstOrDefault(w => w is "-O0" or "-O1" or "-O2" or "-O3") ?? "-O0";
                int arch = Array.IndexOf(words, "--arch");
                return $"{level} {(arch >= 0 ? words[arch + 1] : "n4")}";
            }).ToHashSet();
            string stem = Path.GetFileNameWithoutExtension(relative);
            string[] targets = stem.EndsWith("_n5", StringComparison.Ordinal) ? ["n5"] : stem.EndsWith("_n4", StringComparison.Ordinal) ? ["n4"] : ["n4", "n5"];
            var missing = targets.SelectMany(t => new[] { $"-O0 {t}", $"-O2 {t}" }).Where(c => !seen.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{relative}: no execution at {string.Join(", ", missing)}");
            }
        }
        Assert.True(executed >= 30, $"only {executed} execution cases");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
