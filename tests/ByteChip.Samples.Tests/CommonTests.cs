using ByteChip.Samples.BlackScholes;
using ByteChip.Samples.Common;

namespace ByteChip.Samples.Tests;

/// <summary>The shared host helpers: argument parsing, comparisons, and the references that need care.</summary>
public class CommonTests
{
    [Fact]
    public void OptionsParseArchAndOptimizationLevel()
    {
        var options = SampleOptions.Parse(["--arch", "n5", "-O0", "--stats"], out var error);
        Assert.Null(error);
        Assert.Equal(new SampleOptions { Arch = "n5", OptimizationLevel = 0, DetailedStats = true }, options);
        Assert.Equal("n4", SampleOptions.Parse(["--arch=n4"], out _)!.Arch);
        Assert.Equal(2, SampleOptions.Parse([], out _)!.OptimizationLevel);
        Assert.Equal(new SampleOptions { Timing = true, NoSchedule = true }, SampleOptions.Parse(["--timing", "-fno-schedule-insns"], out _));
    }

    [Fact]
    public void TimingEstimatesCyclesWithoutChangingResultsAndSchedulingDoesNotAddCycles()
    {
        // Softmax: global loads feed the exp sequence, so the estimate has operand stalls to hide. With and without
        // scheduling the sample's C# checks pass and the instruction count is the same (scheduling only reorders).
        var sample = SampleCatalog.Find("Softmax");
        var scheduled = SampleRunner.Execute(sample, new SampleOptions { Timing = true }, TextWriter.Null);
        var unscheduled = SampleRunner.Execute(sample, new SampleOptions { Timing = true, NoSchedule = true }, TextWriter.Null);
        Assert.True(scheduled.Passed && unscheduled.Passed);
        Assert.Equal(unscheduled.ThreadInstructions, scheduled.ThreadInstructions);
        Assert.All(scheduled.Launches, l => Assert.NotNull(l.Timing));
        long Cycles(SampleReport r) => r.Launches.Sum(l => l.EstimatedCycles);
        Assert.True(Cycles(scheduled) > 0);
        Assert.True(Cycles(scheduled) <= Cycles(unscheduled), $"{Cycles(scheduled)} cycles scheduled, {Cycles(unscheduled)} without");
        var text = new StringWriter();
        SampleRunner.PrintReport(scheduled, text);
        Assert.Contains("estimated cycles", text.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--arch", "--arch needs a value (n4 or n5)")]
    [InlineData("--arch n7", "unknown target 'n7' (expected n4 or n5)")]
    [InlineData("-O9", "unknown argument '-O9'")]
    [InlineData("--fast", "unknown argument '--fast'")]
    public void BadOptionsAreReported(string args, string message)
    {
        Assert.Null(SampleOptions.Parse(args.Split(' '), out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void ExactComparisonCountsMismatchesAndNamesTheFirst()
    {
        var result = Compare.Exact<int>("v", [1, 2, 3, 4], [1, 5, 3, 6]);
        Assert.Equal((4, 2, false), (result.Count, result.Mismatches, result.Passed));
        Assert.Equal("[1] expected 2, got 5", result.FirstMismatch);
        Assert.False(Compare.Exact<int>("v", [1, 2], [1]).Passed);
        Assert.False(Compare.Exact<int>("empty", [], []).Passed); // nothing compared is not a pass
    }

    [Fact]
    public void ToleranceComparisonRejectsNaNAndErrorsAboveTheBound()
    {
        Assert.True(Compare.Within("v", [1.0, 2.0], [1.00001f, 2f], 1e-4, 0).Passed);
        Assert.False(Compare.Within("v", [1.0, 2.0], [1.001f, 2f], 1e-4, 0).Passed);
        Assert.False(Compare.Within("v", [1.0], [float.NaN], 1, 1).Passed);
        Assert.Equal(2, Compare.Within("v", [1.0, 1.0], [3f, 1.5f], 0.1, 0).Mismatches);
    }

    [Fact]
    public void SummationBoundIsGammaN()
    {
        double u = Math.Pow(2, -24);
        Assert.Equal(10 * u / (1 - 10 * u) * 5.0, ErrorBounds.Sum(10, 5.0), 1e-20);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.52049987781304654)]
    [InlineData(1.0, 0.84270079294971487)]
    [InlineData(-2.0, -0.99532226501895273)]
    [InlineData(2.9, 0.99995890212190053)]
    [InlineData(3.5, 0.99999925690162766)]
    [InlineData(6.0, 0.99999999999999998)]
    public void BlackScholesReferenceErfMatchesTabulatedValues(double x, double erf)
    {
        Assert.Equal(erf, BlackScholesSample.Erf(x), 1e-14);
    }

    [Fact]
    public void BlackScholesReferenceSatisfiesPutCallParity()
    {
        // C - P = S - X e^(-rT), whatever N is; and the textbook case S = X = 100, T = 1, r = 5%, v = 20%: C = 10.4506.
        var (call, put) = BlackScholesSample.Reference(100, 100, 1, 0.05, 0.2);
        Assert.Equal(10.4506, call, 4);
        Assert.Equal(100 - 100 * Math.Exp(-0.05), call - put, 12);
    }
}

/// <summary>The runner's verdicts: a failed check fails the sample (exit code 1), a bad command line gives 2.</summary>
public class RunnerTests
{
    /// <summary>Runs the VectorAdd kernel but expects a + b + 1: every element must be reported as a mismatch.</summary>
    private sealed class WrongExpectationSample : Sample
    {
        public override string Name => "VectorAdd";

        public override string Title => "vector_add checked against a wrong reference";

        public override void Run(SampleContext ctx)
        {
            float[] a = [1, 2, 3], b = [10, 20, 30];
            using var da = ctx.Device.Upload<float>(a);
            using var db = ctx.Device.Upload<float>(b);
            using var dc = ctx.Device.Allocate<float>(3);
            ctx.Launch("vector_add", 1, 32, 0, da, db, dc, 3);
            ctx.Check(Compare.Exact<float>("c", [12f, 23f, 34f], dc.ToArray()));
        }
    }

    [Fact]
    public void AMismatchFailsTheReportAndTheExitCode()
    {
        var sample = new WrongExpectationSample();
        var report = SampleRunner.Execute(sample, new SampleOptions(), TextWriter.Null);
        Assert.False(report.Passed);
        Assert.Equal(3, report.Checks.Single().Mismatches);
        Assert.Equal("[0] expected 12, got 11", report.Checks.Single().FirstMismatch);
        Assert.Equal(1, SampleRunner.Main(sample, ["-O0"]));
    }

    [Fact]
    public void ABadCommandLineExitsWithTwoAndHelpWithZero()
    {
        var sample = new WrongExpectationSample();
        Assert.Equal(2, SampleRunner.Main(sample, ["--arch", "n9"]));
        Assert.Equal(0, SampleRunner.Main(sample, ["--help"]));
    }
}
