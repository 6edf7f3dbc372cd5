namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// One warp's place in the timing estimate: the next cycle it may issue in, a scoreboard with the cycle each
/// register row and predicate becomes ready, and what it waited for. Allocated only for timed launches.
/// </summary>
internal sealed class WarpTimeline
{
    /// <summary>Per scoreboard slot, the cycle its pending value becomes ready (0: ready from the start).</summary>
    public long[] Ready = [];

    /// <summary>The first cycle the warp may issue its next instruction in (one issue per cycle).</summary>
    public long Cycle;

    /// <summary>The cycle of the warp's latest issue.</summary>
    public long LastIssue;

    /// <summary>Cycles the warp waited for operands (sources, or destinations still pending).</summary>
    public long OperandStall;

    /// <summary>Cycles the warp waited at barriers for the rest of the block.</summary>
    public long BarrierStall;

    public void Reset(int slots)
    {
        if (Ready.Length < slots)
        {
            Ready = new long[slots];
        }
        else
        {
            Array.Clear(Ready, 0, slots);
        }
        Cycle = 0;
        LastIssue = 0;
        OperandStall = 0;
        BarrierStall = 0;
    }
}
