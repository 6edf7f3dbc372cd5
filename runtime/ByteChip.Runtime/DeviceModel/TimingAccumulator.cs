using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// Combines the blocks of a timed launch into the launch's estimate (the model is described in
/// runtime/docs/device-model.md). Block <c>b</c> runs on multiprocessor <c>b mod multiprocessors</c> (as
/// <c>%smid</c> says); an SM's blocks run in waves of as many blocks as its resident warps hold, each wave as long
/// as its slowest block. Blocks report from any host thread in any order: sums and maxima do not depend on it.
/// </summary>
internal sealed class TimingAccumulator
{
    private readonly int _sms;
    private readonly long _blocksPerWave;
    private readonly int _issueWidth;
    private readonly long[] _issued;
    private readonly long[] _waveCycles;

    public TimingAccumulator(TargetInfo target, long blocks, int warpsPerBlock)
    {
        _sms = (int)Math.Min(target.Multiprocessors, blocks);
        _blocksPerWave = Math.Max(1, target.ResidentWarps / warpsPerBlock);
        _issueWidth = (int)target.IssueWidth;
        long blocksPerSm = (blocks + _sms - 1) / _sms;
        long waves = (blocksPerSm + _blocksPerWave - 1) / _blocksPerWave;
        _issued = new long[_sms];
        _waveCycles = new long[checked(waves * _sms)];
    }

    /// <summary>A finished block: its warp instructions and its cycles (the latest finish of its warps).</summary>
    public void AddBlock(long linear, long warpInstructions, long cycles)
    {
        int sm = (int)(linear % _sms);
        long wave = linear / _sms / _blocksPerWave;
        Interlocked.Add(ref _issued[sm], warpInstructions);
        ref long slot = ref _waveCycles[(wave * _sms) + sm];
        long seen = Volatile.Read(ref slot);
        while (cycles > seen)
        {
            long previous = Interlocked.CompareExchange(ref slot, cycles, seen);
            if (previous == seen)
            {
                break;
            }
            seen = previous;
        }
    }

    public TimingEstimate Result(long operandStall, long barrierStall)
    {
        long latencyBound = 0, issueBound = 0;
        for (int sm = 0; sm < _sms; sm++)
        {
            long cycles = 0;
            for (int i = sm; i < _waveCycles.Length; i += _sms)
            {
                cycles += _waveCycles[i];
            }
            latencyBound = Math.Max(latencyBound, cycles);
            issueBound = Math.Max(issueBound, (_issued[sm] + _issueWidth - 1) / _issueWidth);
        }
        return new TimingEstimate
        {
            EstimatedCycles = Math.Max(latencyBound, issueBound),
            LatencyBoundCycles = latencyBound,
            IssueBoundCycles = issueBound,
            StallCycles = operandStall,
            BarrierStallCycles = barrierStall,
        };
    }
}
