using System.Runtime.CompilerServices;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>Selects the interpreter loop without the timing estimate (the default).</summary>
internal readonly struct Untimed;

/// <summary>Selects the interpreter loop that keeps each warp's timeline.</summary>
internal readonly struct Timed;

/// <summary>
/// The timing estimate (runtime/docs/device-model.md, "Timing estimate"): each warp issues in order, one
/// instruction per cycle, when the scoreboard says its operands are ready; a barrier releases the block's
/// warps a barrier latency after the last arrival. Runs only in timed launches.
/// </summary>
internal sealed partial class BlockExecutor
{
    /// <summary>Per barrier id, the latest issue cycle of an arrival at it since its last release.</summary>
    private readonly long[] _barrierArrival = new long[16];

    private void StartBlockTiming(int nWarps)
    {
        for (int i = 0; i < nWarps; i++)
        {
            (_warps[i].Timeline ??= new WarpTimeline()).Reset(_timing!.SlotCount);
        }
        Array.Clear(_barrierArrival);
    }

    /// <summary>
    /// Issues instruction <paramref name="pc"/> on the warp's timeline: at its next free cycle or, if later, when
    /// its sources and pending destinations are ready; its destinations become ready a latency later.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Issue(WarpTimeline t, int pc)
    {
        var table = _timing!;
        TimedOp op = table.Ops[pc];
        int[] slots = table.Slots;
        long[] ready = t.Ready;
        long at = t.Cycle;
        int writes = op.Start + op.Reads;
        int end = writes + op.Writes;
        for (int i = op.Start; i < end; i++)
        {
            at = Math.Max(at, ready[slots[i]]);
        }
        t.OperandStall += at - t.Cycle;
        long done = at + op.Latency;
        for (int i = writes; i < end; i++)
        {
            ready[slots[i]] = done;
        }
        t.LastIssue = at;
        t.Cycle = at + 1;
    }

    /// <summary>The warp's lanes arrived at a barrier with the instruction it just issued.</summary>
    private void NoteArrival(WarpState w, in Uop u)
    {
        int id = u.Op == Opcode.BarSync ? (int)u.Imm : 0;
        _barrierArrival[id] = Math.Max(_barrierArrival[id], w.Timeline!.LastIssue);
    }

    /// <summary>The cycle the warps waiting at barrier <paramref name="id"/> resume in; resets the barrier's arrivals.</summary>
    private long BarrierReleaseCycle(int id)
    {
        long resume = _barrierArrival[id] + _timing!.BarrierLatency;
        _barrierArrival[id] = 0;
        return resume;
    }

    private static void ResumeAfterBarrier(WarpState w, long resume)
    {
        var t = w.Timeline!;
        if (resume > t.Cycle)
        {
            t.BarrierStall += resume - t.Cycle;
            t.Cycle = resume;
        }
    }

    /// <summary>The block is done: its cycles are its slowest warp's finish (the cycle after its last issue).</summary>
    private void FinishBlockTiming(int nWarps, long warpInstructions)
    {
        long cycles = 0;
        for (int i = 0; i < nWarps; i++)
        {
            var t = _warps[i].Timeline!;
            cycles = Math.Max(cycles, t.Cycle);
            _counters.OperandStallCycles += t.OperandStall;
            _counters.BarrierStallCycles += t.BarrierStall;
        }
        _ctx.Timing!.AddBlock(_blockLinear, warpInstructions, cycles);
    }
}
