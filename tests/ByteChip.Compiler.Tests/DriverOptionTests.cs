using static ByteChip.Compiler.Tests.DriverHarness;

namespace ByteChip.Compiler.Tests;

/// <summary>bytechipcc's handling of unknown options and the --time-report table.</summary>
public class DriverOptionTests
{
    private const string Good = "__global__ void k(float* p) { p[threadIdx.x] = 1.0f; }\n";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UnknownOptionIsNamedWhereverItStands(bool before)
    {
        var file = Write(Good);
        var (exit, _, error) = before ? Run("--bogus", file) : Run(file, "--bogus");
        Assert.Equal(1, exit);
        Assert.Equal("bytechipcc: error BC0006: unknown argument: '--bogus'\n", error.Replace("\r\n", "\n"));
    }

    [Fact]
    public void MisspelledOptionGetsASuggestion()
    {
        var (exit, _, error) = Run("--resource-usag", Write(Good));
        Assert.Equal(1, exit);
        Assert.Contains("unknown argument: '--resource-usag'; did you mean '--resource-usage'?", error);
    }

    [Fact]
    public void OptionValuesStartingWithADashAreNotOptions()
    {
        var (exit, output, error) = Run(Write(Good), "-S", "-o", "-");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains(".kernel ", output);
    }

    [Fact]
    public void TimeReportListsEveryPhaseOnStandardError()
    {
        var file = Write(Good);
        var (exit, output, error) = Run(file, "-S", "-o", "-", "--time-report");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("time report", output);
        var lines = error.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("===== bytechipcc time report", lines[0]);
        var phases = lines.Skip(1).Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToList();
        foreach (var phase in new[] { "frontend", "llvm-load", "irgen", "llvm-opt", "isel", "machine-opt", "regalloc", "emit", "write", "total" })
        {
            Assert.Contains(phase, phases);
        }
        Assert.Equal("total", phases[^1]);
        // The frontend's stages are listed, indented, right after it: parts of its time, not phases of their own.
        int frontend = phases.IndexOf("frontend");
        string[] stages = ["preprocess", "prelude", "classify", "parse", "ast", "sema"];
        Assert.Equal(stages, phases.Skip(frontend + 1).Take(stages.Length));
        Assert.All(lines.Skip(frontend + 2).Take(stages.Length), l => Assert.StartsWith("    ", l));
        // The shares of the phases add up to the total (each rounded to 0.1 %).
        var shares = lines.Skip(1).SkipLast(1).Where(l => !l.StartsWith("    ", StringComparison.Ordinal)).Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(shares.Sum(), 99.0, 101.0);
    }
}
