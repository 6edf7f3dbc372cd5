namespace ByteChip.Runtime;

/// <summary>What one launch (or a sum of launches) executed, as <c>bcrun --stats</c> reports it.</summary>
public sealed record LaunchStatistics
{
    /// <summary>The kernel's source name.</summary>
    public required string Kernel { get; init; }

    /// <summary>Number of launches summed here.</summary>
    public int Launches { get; init; } = 1;

    /// <summary>Instructions issued per warp (one per active group issue).</summary>
    public long WarpInstructions { get; init; }

    /// <summary>Lanes that issued, summed over warp instructions.</summary>
    public long ThreadInstructions { get; init; }

    /// <summary>Host wall-clock time of the launches.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Branches whose guard differed among the active lanes.</summary>
    public long DivergentBranches { get; init; }

    /// <summary>Bytes loaded from global memory (including generic accesses that resolve there).</summary>
    public long GlobalLoadBytes { get; init; }

    /// <summary>Bytes stored to global memory.</summary>
    public long GlobalStoreBytes { get; init; }

    /// <summary>Bytes loaded from shared memory.</summary>
    public long SharedLoadBytes { get; init; }

    /// <summary>Bytes stored to shared memory.</summary>
    public long SharedStoreBytes { get; init; }

    /// <summary>Atomic operations (per lane).</summary>
    public long Atomics { get; init; }

    /// <summary>The cycle estimate, when the launch ran with <see cref="Device.EstimateTiming"/>; otherwise null.</summary>
    public TimingEstimate? Timing { get; init; }

    /// <summary>Estimated device cycles of the launch (<see cref="TimingEstimate.EstimatedCycles"/>; 0 without an estimate).</summary>
    public long EstimatedCycles => Timing?.EstimatedCycles ?? 0;

    /// <summary>Cycles warps waited for operands, summed over warps (<see cref="TimingEstimate.StallCycles"/>; 0 without an estimate).</summary>
    public long StallCycles => Timing?.StallCycles ?? 0;

    /// <summary>Simulated thread instructions per host second.</summary>
    public double ThreadInstructionsPerSecond => Elapsed.TotalSeconds > 0 ? ThreadInstructions / Elapsed.TotalSeconds : 0;

    /// <summary>The sum of two statistics of the same kernel (or of a total); a launch without a cycle estimate adds nothing to the estimate.</summary>
    public LaunchStatistics Add(LaunchStatistics other) => this with
    {
        Launches = Launches + other.Launches,
        WarpInstructions = WarpInstructions + other.WarpInstructions,
        ThreadInstructions = ThreadInstructions + other.ThreadInstructions,
        Elapsed = Elapsed + other.Elapsed,
        DivergentBranches = DivergentBranches + other.DivergentBranches,
        GlobalLoadBytes = GlobalLoadBytes + other.GlobalLoadBytes,
        GlobalStoreBytes = GlobalStoreBytes + other.GlobalStoreBytes,
        SharedLoadBytes = SharedLoadBytes + other.SharedLoadBytes,
        SharedStoreBytes = SharedStoreBytes + other.SharedStoreBytes,
        Atomics = Atomics + other.Atomics,
        Timing = Timing is null ? other.Timing : other.Timing is null ? Timing : Timing.Add(other.Timing),
    };
}
