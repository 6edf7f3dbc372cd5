namespace ByteChip.Runtime.DeviceModel;

/// <summary>Counters one block runner accumulates without synchronization, merged into the launch's totals.</summary>
internal struct LaunchCounters
{
    public long WarpInstructions;
    public long ThreadInstructions;
    public long DivergentBranches;
    public long GlobalLoadBytes;
    public long GlobalStoreBytes;
    public long SharedLoadBytes;
    public long SharedStoreBytes;
    public long Atomics;
    public long OperandStallCycles;
    public long BarrierStallCycles;

    public void AddTo(ref LaunchCounters total)
    {
        Interlocked.Add(ref total.WarpInstructions, WarpInstructions);
        Interlocked.Add(ref total.ThreadInstructions, ThreadInstructions);
        Interlocked.Add(ref total.DivergentBranches, DivergentBranches);
        Interlocked.Add(ref total.GlobalLoadBytes, GlobalLoadBytes);
        Interlocked.Add(ref total.GlobalStoreBytes, GlobalStoreBytes);
        Interlocked.Add(ref total.SharedLoadBytes, SharedLoadBytes);
        Interlocked.Add(ref total.SharedStoreBytes, SharedStoreBytes);
        Interlocked.Add(ref total.Atomics, Atomics);
        Interlocked.Add(ref total.OperandStallCycles, OperandStallCycles);
        Interlocked.Add(ref total.BarrierStallCycles, BarrierStallCycles);
        this = default;
    }
}
