using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// Runs whole blocks of a launch on one host thread: the warps of a block are interleaved (each runs until
/// its runnable lanes block at a barrier or exit, or a time slice ends), so barriers work without host
/// synchronization. One executor is reused for many blocks; it allocates only when a block needs more
/// registers or memory than the previous one.
/// </summary>
internal sealed partial class BlockExecutor
{
    /// <summary>Warp instructions a warp issues before the scheduler moves on (fairness for spin loops).</summary>
    private const int Slice = 4096;

    private readonly LaunchContext _ctx;
    private readonly KernelImage _image;
    private readonly Uop[] _code;

    /// <summary>Scoreboard slots and latencies when the launch is timed; null otherwise (the fast path).</summary>
    private readonly TimingTable? _timing;
    private WarpState[] _warps = [];
    private byte[] _shared = [];
    private byte[] _local = [];

    /// <summary>Threads of the current block whose local memory was zeroed (it is cleared on first use).</summary>
    private bool[] _localTouched = [];
    private int _sharedSize;
    private int _localPerThread;
    private LaunchCounters _counters;
    private readonly int[] _arrived = new int[16];
    private int _liveThreads;
    private long _blockLinear;
    private Dim3 _blockIdx;

    public BlockExecutor(LaunchContext ctx)
    {
        _ctx = ctx;
        _image = ctx.Image;
        _code = ctx.Image.Code;
        _timing = ctx.Timing is null ? null : ctx.Image.Timing;
    }

    /// <summary>Adds this executor's counters to the launch totals.</summary>
    public void Flush() => _counters.AddTo(ref _ctx.Totals);

    /// <summary>Runs one block to completion; throws <see cref="DeviceFaultException"/> on a fault.</summary>
    public void RunBlock(long linear)
    {
        _blockLinear = linear;
        _blockIdx = _ctx.Grid.Unflatten(linear);
        int threads = _ctx.ThreadsPerBlock;
        int nWarps = _ctx.WarpsPerBlock;
        if (_warps.Length < nWarps)
        {
            Array.Resize(ref _warps, nWarps);
        }
        for (int i = 0; i < nWarps; i++)
        {
            _warps[i] ??= new WarpState();
            int lanes = Math.Min(32, threads - (i * 32));
            _warps[i].Reset(i, _image.TotalRows, lanes == 32 ? uint.MaxValue : (1u << lanes) - 1);
        }
        _sharedSize = (int)_ctx.SharedBytes;
        PrepareBuffer(ref _shared, _sharedSize);
        _localPerThread = (int)_ctx.LocalBytesPerThread;
        if (_localTouched.Length < threads)
        {
            _localTouched = new bool[threads];
        }
        else
        {
            Array.Clear(_localTouched, 0, threads);
        }
        Array.Clear(_arrived);
        _liveThreads = threads;
        if (_timing is not null)
        {
            StartBlockTiming(nWarps);
        }
        long issuedBefore = _counters.WarpInstructions;

        try
        {
            Schedule(nWarps);
        }
        catch (WarpFault fault)
        {
            throw Report(fault);
        }
        if (_timing is not null)
        {
            FinishBlockTiming(nWarps, _counters.WarpInstructions - issuedBefore);
        }
    }

    private static void PrepareBuffer(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new byte[size];
        }
        else
        {
            Array.Clear(buffer, 0, size);
        }
    }

    private void Schedule(int nWarps)
    {
        while (true)
        {
            bool progress = false, allDone = true;
            for (int i = 0; i < nWarps; i++)
            {
                var w = _warps[i];
                if (w.Done)
                {
                    continue;
                }
                allDone = false;
                if (w.Group == 0)
                {
                    continue;
                }
                progress = true;
                long issued = _timing is null ? RunWarp<Untimed>(w) : RunWarp<Timed>(w);
                if (Interlocked.Add(ref _ctx.Issued, issued) > _ctx.InstructionBudget)
                {
                    throw new WarpFault(RuntimeError.WatchdogTimeout, FirstLane(w.Group | ~w.Exited),
                        $"instruction budget of {_ctx.InstructionBudget} warp instructions exceeded (watchdog)");
                }
                if (Volatile.Read(ref _ctx.FaultBlock) < _blockLinear)
                {
                    return;
                }
                if (ReleaseBarriers())
                {
                    progress = true;
                }
            }
            if (allDone)
            {
                return;
            }
            if (!progress && !ReleaseBarriers())
            {
                throw Deadlock(nWarps);
            }
        }
    }

    /// <summary>Releases every barrier whose arrivals equal the block's live threads.</summary>
    private bool ReleaseBarriers()
    {
        bool released = false;
        for (int id = 0; id < 16; id++)
        {
            if (_arrived[id] == 0 || _arrived[id] < _liveThreads)
            {
                continue;
            }
            released = true;
            Release(id);
        }
        return released;
    }

    private void Release(int id)
    {
        int nWarps = _ctx.WarpsPerBlock;
        long resume = _timing is null ? 0 : BarrierReleaseCycle(id);
        uint popc = 0;
        bool all = true, any = false;
        if (id == 0)
        {
            for (int i = 0; i < nWarps; i++)
            {
                var w = _warps[i];
                uint arrived = w.BarrierWait[0];
                uint truth = w.BarrierPredicate & arrived;
                popc += (uint)BitOperations.PopCount(truth);
                all &= truth == arrived;
                any |= truth != 0;
            }
        }
        _arrived[id] = 0;
        for (int i = 0; i < nWarps; i++)
        {
            var w = _warps[i];
            uint m = w.BarrierWait[id];
            if (m == 0)
            {
                continue;
            }
            w.BarrierWait[id] = 0;
            if (_timing is not null)
            {
                ResumeAfterBarrier(w, resume);
            }
            if (w.FastWaitMask == m && w.Waiting == m && w.Group == 0)
            {
                // Released as it arrived: whole and converged.
                w.FastWaitMask = 0;
                w.Waiting = 0;
                w.Group = m;
                w.GroupPc = w.FastWaitPc + 1;
                w.OtherKey = long.MaxValue;
                continue;
            }
            w.MaterializeFastWait();
            w.Waiting &= ~m;
            if (id == 0)
            {
                w.BarrierPredicate &= ~m;
            }
            while (m != 0)
            {
                int lane = BitOperations.TrailingZeroCount(m);
                m &= m - 1;
                ref Uop u = ref _code[w.Pc[lane]];
                switch (u.Op)
                {
                    case Opcode.BarRedPopcU32:
                        w.Regs[u.D + lane] = popc;
                        break;
                    case Opcode.BarRedAnd:
                        SetPredicateLane(w, u.D, lane, all);
                        break;
                    case Opcode.BarRedOr:
                        SetPredicateLane(w, u.D, lane, any);
                        break;
                }
                w.Pc[lane]++;
            }
            if (w.Group != 0)
            {
                w.SyncGroup();
            }
            w.Reschedule();
        }
    }

    private static void SetPredicateLane(WarpState w, int pred, int lane, bool value)
    {
        if (value)
        {
            w.Preds[pred] |= 1u << lane;
        }
        else
        {
            w.Preds[pred] &= ~(1u << lane);
        }
        w.Preds[KernelImage.TruePredicate] = uint.MaxValue;
    }

    private WarpFault Deadlock(int nWarps)
    {
        for (int i = 0; i < nWarps; i++)
        {
            var w = _warps[i];
            w.MaterializeFastWait();
            if (w.Waiting != 0)
            {
                int lane = FirstLane(w.Waiting);
                int id = Array.FindIndex(w.BarrierWait, m => (m & (1u << lane)) != 0);
                _current = w;
                return new WarpFault(RuntimeError.BarrierDeadlock, lane,
                    $"barrier deadlock: {_arrived.Sum()} of {_liveThreads} live threads of the block wait at barriers and barrier {id} can never complete")
                {
                    InstructionIndex = w.Pc[lane],
                };
            }
        }
        return new WarpFault(RuntimeError.Internal, 0, "no warp can run but none waits at a barrier");
    }

    private static int FirstLane(uint mask) => mask == 0 ? 0 : BitOperations.TrailingZeroCount(mask);

    private DeviceFaultException Report(WarpFault fault)
    {
        var w = _current;
        int index = fault.InstructionIndex ?? w?.GroupPc ?? 0;
        int warp = w?.WarpIndex ?? 0;
        var thread = _ctx.Block.Unflatten((warp * 32L) + fault.Lane);
        return new DeviceFaultException(fault.Error, fault.Detail, _image.Name, _blockIdx, thread, index * 8L,
            _image.Describe(index), _image.SourceOf(index));
    }
}
