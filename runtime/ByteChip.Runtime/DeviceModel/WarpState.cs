namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// The state of one warp. Registers are lane-contiguous: register r of lane l is <c>Regs[r * 32 + l]</c>,
/// so one register of the whole warp is 32 adjacent uints (four <c>Vector256&lt;uint&gt;</c>). Predicates are
/// 32-bit lane masks. Each lane has a PC and call depth; while the lanes of the active group agree, the
/// group's PC and depth live in <see cref="GroupPc"/>/<see cref="GroupDepth"/> and the per-lane arrays are
/// only brought up to date when the group changes (the converged fast path).
/// </summary>
internal sealed class WarpState
{
    public uint[] Regs = [];

    /// <summary>Predicate masks P0..P6, PT (all ones) and a discard slot.</summary>
    public readonly uint[] Preds = new uint[9];

    public readonly int[] Pc = new int[32];

    public readonly int[] Depth = new int[32];

    /// <summary>Lanes that retired (including lanes past the block's thread count).</summary>
    public uint Exited;

    /// <summary>Lanes waiting at a barrier.</summary>
    public uint Waiting;

    /// <summary>Per barrier id, the lanes of this warp waiting at it.</summary>
    public readonly uint[] BarrierWait = new uint[16];

    /// <summary>Lanes whose predicate was true when they arrived at a reducing barrier.</summary>
    public uint BarrierPredicate;

    /// <summary>The lanes the warp issues for; 0 when no lane can run.</summary>
    public uint Group;

    public int GroupPc;

    public int GroupDepth;

    /// <summary>Scheduling key (see <see cref="Key"/>) of the best runnable lanes outside the group, or <see cref="long.MaxValue"/>.</summary>
    public long OtherKey;

    /// <summary>
    /// Lanes that arrived at a barrier as the warp's whole runnable group while converged: their PC
    /// (<see cref="FastWaitPc"/>) and depth (<see cref="GroupDepth"/>) were not written to the lanes, so
    /// releasing them is one assignment. <see cref="MaterializeFastWait"/> writes them out when needed.
    /// </summary>
    public uint FastWaitMask;

    /// <summary>The barrier instruction the <see cref="FastWaitMask"/> lanes wait at.</summary>
    public int FastWaitPc;

    /// <summary>Index of the warp in its block.</summary>
    public int WarpIndex;

    /// <summary>Instructions this warp issued (the clock special register).</summary>
    public long Clock;

    /// <summary>The warp's timing state in a timed launch; null otherwise.</summary>
    public WarpTimeline? Timeline;

    /// <summary>Cache of the last global allocation touched, so streaming accesses skip the lookup.</summary>
    public DeviceAllocation? LastAllocation;

    /// <summary>Whether every lane retired.</summary>
    public bool Done => Exited == uint.MaxValue;

    /// <summary>Lowest key runs first: greatest call depth, then lowest PC.</summary>
    public static long Key(int depth, int pc) => ((long)(int.MaxValue - depth) << 32) | (uint)pc;

    public void Reset(int warpIndex, int rows, uint validLanes)
    {
        int size = rows * 32;
        if (Regs.Length < size)
        {
            Regs = new uint[size];
        }
        else
        {
            Array.Clear(Regs, 0, size);
        }
        Array.Clear(Preds);
        Preds[KernelImage.TruePredicate] = uint.MaxValue;
        Array.Clear(Pc);
        Array.Clear(Depth);
        Array.Clear(BarrierWait);
        BarrierPredicate = 0;
        FastWaitMask = 0;
        Exited = ~validLanes;
        Waiting = 0;
        Group = validLanes;
        GroupPc = 0;
        GroupDepth = 0;
        OtherKey = long.MaxValue;
        WarpIndex = warpIndex;
        Clock = 0;
        LastAllocation = null;
    }

    /// <summary>Writes the PC and depth of fast-waiting lanes to the lanes.</summary>
    public void MaterializeFastWait()
    {
        uint m = FastWaitMask;
        FastWaitMask = 0;
        while (m != 0)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(m);
            m &= m - 1;
            Pc[lane] = FastWaitPc;
            Depth[lane] = GroupDepth;
        }
    }

    /// <summary>Writes the group's PC and depth back to its lanes (before the group changes).</summary>
    public void SyncGroup()
    {
        uint g = Group;
        while (g != 0)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(g);
            g &= g - 1;
            Pc[lane] = GroupPc;
            Depth[lane] = GroupDepth;
        }
    }

    /// <summary>
    /// Picks the next active group among runnable lanes (not exited, not waiting): greatest call depth,
    /// then lowest PC. Lanes at the same PC and depth merge, which is how the warp reconverges.
    /// Returns false when no lane can run.
    /// </summary>
    public bool Reschedule()
    {
        uint runnable = ~Exited & ~Waiting;
        long best = long.MaxValue, second = long.MaxValue;
        uint group = 0;
        uint r = runnable;
        while (r != 0)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
            r &= r - 1;
            long key = Key(Depth[lane], Pc[lane]);
            if (key < best)
            {
                second = best;
                best = key;
                group = 1u << lane;
            }
            else if (key == best)
            {
                group |= 1u << lane;
            }
            else if (key < second)
            {
                second = key;
            }
        }
        Group = group;
        OtherKey = second;
        if (group == 0)
        {
            return false;
        }
        int first = System.Numerics.BitOperations.TrailingZeroCount(group);
        GroupPc = Pc[first];
        GroupDepth = Depth[first];
        return true;
    }
}
