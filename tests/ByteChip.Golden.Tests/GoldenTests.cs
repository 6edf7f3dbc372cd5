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
    }
}
