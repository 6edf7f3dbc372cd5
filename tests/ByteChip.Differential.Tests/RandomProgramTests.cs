using ByteChip.Differential.Tests.Generator;
using ByteChip.Differential.Tests.Runner;
using Xunit.Abstractions;

namespace ByteChip.Differential.Tests;

/// <summary>Random kernels at -O0 and -O2 on n4 and n5 against the same code compiled as C by gcc.</summary>
public class RandomProgramTests(ITestOutputHelper output)
{
    /// <summary>The CI slice: a fixed range of seeds. <c>BYTECHIP_DIFF_PROGRAMS</c> and <c>BYTECHIP_DIFF_SEED</c> turn it
    /// into a long campaign; <c>BYTECHIP_DIFF_OUT</c> makes it reduce every failure into a regression case there.</summary>
    [GccFact]
    public void RandomProgramsAgreeWithGccAtEveryConfiguration()
    {
        var campaign = new Campaign
        {
            FirstSeed = Campaign.EnvSeed("BYTECHIP_DIFF_SEED", 1),
            Programs = Campaign.EnvInt("BYTECHIP_DIFF_PROGRAMS", 40),
            // The CI slice keeps to small and medium programs; campaigns generate every size.
            MaxSize = Environment.GetEnvironmentVariable("BYTECHIP_DIFF_PROGRAMS") is { Length: > 0 } ? 2 : 1,
            OutputDirectory = Environment.GetEnvironmentVariable("BYTECHIP_DIFF_OUT") is { Length: > 0 } dir ? dir : null,
            ReductionBudget = TimeSpan.FromSeconds(Campaign.EnvInt("BYTECHIP_DIFF_REDUCE_SECONDS", 180)),
            Log = line => { lock (output) { output.WriteLine(line); } Console.Error.WriteLine(line); },
        };
        var summary = campaign.Run();
        output.WriteLine($"{summary.Programs} programs (seeds {campaign.FirstSeed}..{campaign.FirstSeed + (ulong)campaign.Programs - 1}) in {summary.Elapsed.TotalSeconds:F1} s, {summary.Failures.Count} failing");
        Assert.True(summary.Failures.Count == 0, string.Join("\n", summary.Failures.Select(f => f.Describe())));
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        for (ulong seed = 100; seed < 120; seed++)
        {
            Assert.Equal(Emitter.Cuda(ProgramGenerator.Generate(seed)), Emitter.Cuda(ProgramGenerator.Generate(seed)));
            Assert.Equal(Emitter.C(ProgramGenerator.Generate(seed)), Emitter.C(ProgramGenerator.Generate(seed)));
        }
    }

    [Fact]
    public void GeneratedProgramsCoverTheLanguage()
    {
        string all = string.Concat(Enumerable.Range(1, 40).Select(i => Emitter.Cuda(ProgramGenerator.Generate((ulong)i))));
        foreach (string construct in new[] { "__syncthreads()", "__shared__", "__noinline__", "switch (", "break;", "continue;", "return;", "for (int", "while (", "do {", "(signed char)", "unsigned long long", "float", "% 8u]", " ? " })
        {
            Assert.Contains(construct, all);
        }
    }

    [Fact]
    public void LaunchHeaderRoundTrips()
    {
        var p = ProgramGenerator.Generate(7);
        var launch = LaunchInfo.Parse(Emitter.Cuda(p));
        Assert.Equal((p.Grid, p.BlockSize, p.Scalar), (launch.Grid, launch.BlockSize, launch.Scalar));
        Assert.Equal(p.Input, launch.Input);
    }
}
