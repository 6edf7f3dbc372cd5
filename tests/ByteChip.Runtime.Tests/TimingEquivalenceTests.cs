namespace ByteChip.Runtime.Tests;

/// <summary>
/// The timing estimate changes nothing a kernel computes or the functional model counts, and its figures do
/// not depend on how many host threads run the blocks.
/// </summary>
public sealed class TimingEquivalenceTests
{
    /// <summary>A kernel under Kernels/ with its launch: buffers to upload (the first <c>outputs</c> are read back) and scalars.</summary>
    public sealed record Case(string File, string Kernel, uint Grid, uint Block, Func<Device, List<DeviceBuffer<uint>>> Buffers, object[] Scalars)
    {
        public override string ToString() => Kernel;
    }

    private static uint[] Uints(int n, int seed, uint max = uint.MaxValue)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (uint)rng.NextInt64(0, (long)max + 1)).ToArray();
    }

    private static uint[] FloatBits(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => BitConverter.SingleToUInt32Bits((float)((rng.NextDouble() * 200) - 100))).ToArray();
    }

    public static TheoryData<string> Cases() => new(s_cases.Keys);

    private static readonly Dictionary<string, Case> s_cases = new[]
    {
        // Barriers, shared memory and a divergent tree reduction.
        new Case("block_sum.s", "block_sum", 12, 256, d => [d.Upload<uint>(FloatBits(3000, 2)), d.Allocate<uint>(12)], [3000]),
        // Divergent loops, early exits and nested ifs.
        new Case("divergent.s", "divergent", 5, 96, d => [d.Upload<uint>(Uints(96 * 5, 4, 255)), d.Allocate<uint>(96 * 5)], []),
        // Warp shuffles.
        new Case("warp_sum.s", "warp_sum", 3, 256, d => [d.Upload<uint>(Uints(32 * 24, 5)), d.Allocate<uint>(24)], []),
        // Shared and global atomics.
        new Case("histogram.s", "histogram", 7, 128, d => [d.Upload<uint>(Uints(10_007, 3)), d.Allocate<uint>(64)], [10_007u]),
    }.ToDictionary(c => c.Kernel);

    private static (LaunchStatistics Stats, uint[][] Buffers) Run(Case c, bool timed, int hostThreads)
    {
        using var device = Device.Create();
        device.EstimateTiming = timed;
        device.HostThreads = hostThreads;
        using var module = TestKernels.Load(device, c.File);
        var buffers = c.Buffers(device);
        try
        {
            var stats = module.GetKernel(c.Kernel).Launch(c.Grid, c.Block, 0, [.. buffers.Cast<object>(), .. c.Scalars]);
            return (stats, buffers.Select(b => b.ToArray()).ToArray());
        }
        finally
        {
            buffers.ForEach(b => b.Dispose());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResultsAndCountsAreTheSameWithTimingOnAndOff(string kernel)
    {
        var c = s_cases[kernel];
        var off = Run(c, timed: false, hostThreads: 2);
        var on = Run(c, timed: true, hostThreads: 2);
        Assert.Equal(off.Buffers, on.Buffers);
        Assert.Null(off.Stats.Timing);
        Assert.NotNull(on.Stats.Timing);
        var a = off.Stats;
        var b = on.Stats;
        Assert.Equal(
            (a.WarpInstructions, a.ThreadInstructions, a.DivergentBranches, a.GlobalLoadBytes, a.GlobalStoreBytes, a.SharedLoadBytes, a.SharedStoreBytes, a.Atomics),
            (b.WarpInstructions, b.ThreadInstructions, b.DivergentBranches, b.GlobalLoadBytes, b.GlobalStoreBytes, b.SharedLoadBytes, b.SharedStoreBytes, b.Atomics));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheEstimateDoesNotDependOnHostThreads(string kernel)
    {
        var c = s_cases[kernel];
        var one = Run(c, timed: true, hostThreads: 1).Stats.Timing!;
        var two = Run(c, timed: true, hostThreads: 2).Stats.Timing!;
        var three = Run(c, timed: true, hostThreads: 3).Stats.Timing!;
        Assert.Equal(one, two);
        Assert.Equal(one, three);
        Assert.Equal(Math.Max(one.LatencyBoundCycles, one.IssueBoundCycles), one.EstimatedCycles);
        Assert.True(one.StallCycles > 0, "every case reads memory results and so waits for them");
    }

    [Fact]
    public void StatisticsOfSeveralLaunchesAddTheirEstimates()
    {
        var c = s_cases["warp_sum"];
        var s = Run(c, timed: true, hostThreads: 2).Stats;
        var sum = s.Add(s);
        Assert.Equal(2 * s.EstimatedCycles, sum.EstimatedCycles);
        Assert.Equal(2 * s.StallCycles, sum.StallCycles);
        Assert.Equal(2 * s.Timing!.BarrierStallCycles, sum.Timing!.BarrierStallCycles);
        var untimed = s with { Timing = null };
        Assert.Equal(s.Timing, untimed.Add(s).Timing);
        Assert.Null(untimed.Add(untimed).Timing);
    }
}
