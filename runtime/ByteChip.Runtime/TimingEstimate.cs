namespace ByteChip.Runtime;

/// <summary>
/// The device model's cycle estimate of a launch (see <see cref="Device.EstimateTiming"/>): each warp issues in
/// order, one instruction per cycle, once its operands are ready by the ISA spec's latencies; barriers align
/// the block's warps; an SM issues at most the target's issue width of warp instructions per cycle. The model
/// is described in runtime/docs/device-model.md. A sum of launches adds each figure (launches run one after another).
/// </summary>
public sealed record TimingEstimate
{
    /// <summary>The estimate: the larger of <see cref="LatencyBoundCycles"/> and <see cref="IssueBoundCycles"/>.</summary>
    public long EstimatedCycles { get; init; }

    /// <summary>The busiest SM's sum over its waves of blocks of the wave's slowest block (a block: its slowest warp's finish cycle).</summary>
    public long LatencyBoundCycles { get; init; }

    /// <summary>The busiest SM's warp instructions divided by the target's issue width (rounded up).</summary>
    public long IssueBoundCycles { get; init; }

    /// <summary>Cycles warps waited for operands, summed over warps.</summary>
    public long StallCycles { get; init; }

    /// <summary>Cycles warps waited at barriers for the rest of their block, summed over warps.</summary>
    public long BarrierStallCycles { get; init; }

    /// <summary>The figures of two launches run one after the other.</summary>
    public TimingEstimate Add(TimingEstimate other) => new()
    {
        EstimatedCycles = EstimatedCycles + other.EstimatedCycles,
        LatencyBoundCycles = LatencyBoundCycles + other.LatencyBoundCycles,
        IssueBoundCycles = IssueBoundCycles + other.IssueBoundCycles,
        StallCycles = StallCycles + other.StallCycles,
        BarrierStallCycles = BarrierStallCycles + other.BarrierStallCycles,
    };
}
