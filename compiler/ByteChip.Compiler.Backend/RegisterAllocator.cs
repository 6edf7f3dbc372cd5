using ByteChip.Isa;

namespace ByteChip.Compiler.Backend;

/// <summary>The result of register allocation: a physical register per virtual register and the spill area.</summary>
public sealed class RegisterAssignment(int[] physical, int registersUsed, int predicatesUsed, int spilledValues, uint spillBytes)
{
    /// <summary>Physical register (or first of a pair, or predicate index) of each virtual register; -1 when never used.</summary>
    public IReadOnlyList<int> Physical { get; } = physical;

    public int RegistersUsed { get; } = registersUsed;

    public int PredicatesUsed { get; } = predicatesUsed;

    public int SpilledValues { get; } = spilledValues;

    public uint SpillBytes { get; } = spillBytes;
}

/// <summary>
/// Linear-scan register allocation over the laid-out code with lifetime holes (Wimmer and Mössenböck, without
/// interval splitting): each virtual register's live interval is a list of ranges computed from the block
/// live-out sets, so a value that is dead between two pieces of its life (a loop-carried variable between its last
/// use in the body and its redefinition on the back edge) leaves the register free for others there. Copies whose
/// source and destination intervals do not intersect are coalesced into one interval before the scan; the other
/// copies give hints (a value prefers the register of the value it is copied from or to). Either way phi copies
/// mostly get one register and <see cref="RedundantMoveElimination"/> deletes them. Pairs take an even register and the next; predicates use
/// their own file. When registers run out, the interval that ends last is spilled to local memory
/// ("spill everywhere": a reload before each use, a store after each def, into short-lived temporaries) and
/// allocation starts again. <see cref="RegisterAllocationChecker"/> verifies the result.
/// </summary>
public static class RegisterAllocator
{
    /// <summary>Positions: instruction k of the layout reads at 2k and writes at 2k+1; blocks are two positions apart.</summary>
    private sealed class Interval(int reg, RegClass cls)
    {
        /// <summary>Disjoint inclusive ranges, sorted by start once built.</summary>
        public List<(int From, int To)> Ranges { get; } = [];

        public int Reg { get; } = reg;

        public RegClass Class { get; } = cls;

        public int Start => Ranges[0].From;

        public int End => Ranges[^1].To;

        public int Physical { get; set; } = -1;

        /// <summary>Values this one is copied from or to (coalescing hints).</summary>
        public List<int> Hints { get; } = [];

        /// <summary>The virtual registers sharing this interval (more than <see cref="Reg"/> after coalescing).</summary>
        public List<int> Members { get; } = [reg];

        /// <summary>Takes <paramref name="other"/>'s ranges (which must not intersect these), members and hints.</summary>
        public void Absorb(Interval other)
        {
            var merged = new List<(int From, int To)>(Ranges.Count + other.Ranges.Count);
            int i = 0, j = 0;
            while (i < Ranges.Count || j < other.Ranges.Count)
            {
                var next = j >= other.Ranges.Count || (i < Ranges.Count && Ranges[i].From < other.Ranges[j].From) ? Ranges[i++] : other.Ranges[j++];
                if (merged.Count > 0 && merged[^1].To + 1 >= next.From)
                {
                    merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, next.To));
                }
                else
                {
                    merged.Add(next);
                }
            }
            Ranges.Clear();
            Ranges.AddRange(merged);
            Members.AddRange(other.Members);
            Hints.AddRange(other.Hints);
        }

        public bool Covers(int pos)
        {
            foreach (var (from, to) in Ranges)
            {
                if (pos < from)
                {
                    return false;
                }
                if (pos <= to)
                {
                    return true;
                }
            }
            return false;
        }

        public bool Intersects(Interval other)
        {
            int i = 0, j = 0;
            while (i < Ranges.Count && j < other.Ranges.Count)
            {
                var a = Ranges[i];
                var b = other.Ranges[j];
                if (a.To < b.From)
                {
                    i++;
                }
                else if (b.To < a.From)
                {
                    j++;
                }
                else
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Adds a range while building backwards (ranges arrive in decreasing order, may overlap or touch).</summary>
        public void AddRange(int from, int to)
        {
            if (Ranges.Count > 0 && Ranges[0].From <= to + 1)
            {
                Ranges[0] = (Math.Min(from, Ranges[0].From), Math.Max(to, Ranges[0].To));
                return;
            }
            Ranges.Insert(0, (from, to));
        }

        /// <summary>A definition at <paramref name="pos"/> starts the first range there (the value is dead before it).</summary>
        public void SetFrom(int pos)
        {
            if (Ranges.Count == 0)
            {
                Ranges.Add((pos, pos)); // a definition nobody reads still needs its register at that point
            }
            else if (Ranges[0].From <= pos && pos <= Ranges[0].To)
            {
                Ranges[0] = (pos, Ranges[0].To);
            }
            else if (pos < Ranges[0].From)
            {
                Ranges.Insert(0, (pos, pos));
            }
        }
    }

    public static RegisterAssignment Run(MFunction f, int maxRegisters, int maxPredicates = Pred.TrueIndex)
    {
        var unspillable = new HashSet<int>();
        var slots = new Dictionary<int, uint>();
        for (int attempt = 0; ; attempt++)
        {
            if (attempt > 64)
            {
                throw new BackendException(BackendErrors.TooManyRegisters, $"kernel '{ItaniumNames.SourceName(f.Name)}' cannot be allocated in {maxRegisters} registers even with spilling");
            }
            var intervals = BuildIntervals(f, out var calls);
            // A call clobbers the predicate file (a callee may use all of it): predicates live across a call
            // go to local memory first.
            var acrossCalls = intervals.Values.Where(i => i.Class == RegClass.Pred && !unspillable.Contains(i.Reg) && calls.Any(c => i.Covers(c) && i.Covers(c + 1))).ToList();
            if (acrossCalls.Count > 0)
            {
                foreach (var s in acrossCalls)
                {
                    slots[s.Reg] = f.AllocateFrame(4, 4);
                }
                RewriteSpills(f, acrossCalls.Select(s => s.Reg).ToHashSet(), slots, unspillable);
                continue;
            }
            Coalesce(f, intervals, unspillable);
            var spilled = Allocate(intervals, maxRegisters, maxPredicates, unspillable, f);
            if (spilled.Count == 0)
            {
                var physical = new int[f.RegisterCount];
                Array.Fill(physical, -1);
                int regs = 0, predCount = 0;
                foreach (var (v, i) in intervals)
                {
                    physical[v] = i.Physical;
                    if (i.Class == RegClass.Pred)
                    {
                        predCount = Math.Max(predCount, i.Physical + 1);
                    }
                    else
                    {
                        regs = Math.Max(regs, i.Physical + (i.Class == RegClass.R64 ? 2 : 1));
                    }
                }
                return new RegisterAssignment(physical, regs, predCount, slots.Count, slots.Count == 0 ? 0 : f.FrameBytes - SpillBase(f, slots));
            }
            foreach (var v in spilled.SelectMany(s => s.Members))
            {
                uint size = f.ClassOf(v) == RegClass.R64 ? 8u : 4u;
                slots[v] = f.AllocateFrame(size, size);
            }
            RewriteSpills(f, spilled.SelectMany(s => s.Members).ToHashSet(), slots, unspillable);
        }
    }

    /// <summary>
    /// Copy coalescing before the scan: the source and destination of a copy whose intervals do not intersect
    /// become one interval (so one register, and the copy disappears after allocation). Copies in deeper loops
    /// go first. Hints alone miss these when another value takes the register in between (a loop-carried value's
    /// register reused inside the body before the new value is computed). Spill temporaries are left alone.
    /// Afterwards every member virtual register maps to its shared interval.
    /// </summary>
    private static void Coalesce(MFunction f, Dictionary<int, Interval> intervals, HashSet<int> unspillable)
    {
        var copies = new List<(int D, int S, int Depth)>();
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Instructions)
            {
                if (i.Guard == MInst.None && i.Op is Opcode.MovB32 or Opcode.MovB64 && i.A >= 0 && i.D >= 0)
                {
                    copies.Add((i.D, i.A, b.LoopDepth));
                }
                else if (i.Guard == MInst.None && i.Op == Opcode.MovPred && i.Pa >= 0 && i.Pd >= 0)
                {
                    copies.Add((i.Pd, i.Pa, b.LoopDepth));
                }
            }
        }
        foreach (var (d, s, _) in copies.OrderByDescending(c => c.Depth))
        {
            if (!intervals.TryGetValue(d, out var a) || !intervals.TryGetValue(s, out var b) || a == b || a.Class != b.Class
                || a.Members.Any(unspillable.Contains) || b.Members.Any(unspillable.Contains) || a.Intersects(b))
            {
                continue;
            }
            a.Absorb(b);
            foreach (var m in b.Members)
            {
                intervals[m] = a;
            }
        }
    }

    /// <summary>One linear scan; returns the intervals to spill (empty when every interval got a register).</summary>
    private static List<Interval> Allocate(Dictionary<int, Interval> intervals, int maxRegisters, int maxPredicates, HashSet<int> unspillable, MFunction f)
    {
        var spilled = new List<Interval>();
        var active = new List<Interval>();
        var inactive = new List<Interval>();
        var gprBlocked = new bool[maxRegisters];
        var predBlocked = new bool[maxPredicates];
        foreach (var cur in intervals.Values.Distinct().OrderBy(i => i.Start).ThenBy(i => i.Reg))
        {
            int pos = cur.Start;
            for (int k = active.Count - 1; k >= 0; k--)
            {
                var a = active[k];
                if (a.End < pos)
                {
                    active.RemoveAt(k);
                }
                else if (!a.Covers(pos))
                {
                    active.RemoveAt(k);
                    inactive.Add(a);
                }
            }
            for (int k = inactive.Count - 1; k >= 0; k--)
            {
                var a = inactive[k];
                if (a.End < pos)
                {
                    inactive.RemoveAt(k);
                }
                else if (a.Covers(pos))
                {
                    inactive.RemoveAt(k);
                    active.Add(a);
                }
            }
            while (true)
            {
                var blocked = cur.Class == RegClass.Pred ? predBlocked : gprBlocked;
                Array.Clear(blocked);
                foreach (var a in active)
                {
                    Block(a, cur, blocked);
                }
                foreach (var a in inactive)
                {
                    if (a.Intersects(cur))
                    {
                        Block(a, cur, blocked);
                    }
                }
                int chosen = Choose(cur, blocked, intervals);
                if (chosen >= 0)
                {
                    cur.Physical = chosen;
                    active.Add(cur);
                    break;
                }
                // Spill the conflicting interval (or this one) that lives longest; its register may free this one's.
                var victim = active.Concat(inactive.Where(a => a.Intersects(cur)))
                    .Where(a => (a.Class == RegClass.Pred) == (cur.Class == RegClass.Pred) && !unspillable.Contains(a.Reg))
                    .Append(cur).Where(a => !unspillable.Contains(a.Reg)).OrderByDescending(a => a.End).FirstOrDefault();
                if (victim is null)
                {
                    throw new BackendException(BackendErrors.TooManyRegisters, $"kernel '{ItaniumNames.SourceName(f.Name)}' needs more than {maxRegisters} registers at one point even after spilling");
                }
                spilled.Add(victim);
                if (victim == cur)
                {
                    break;
                }
                active.Remove(victim);
                inactive.Remove(victim);
                victim.Physical = -1;
            }
        }
        return spilled;
    }

    private static void Block(Interval a, Interval cur, bool[] blocked)
    {
        if ((a.Class == RegClass.Pred) != (cur.Class == RegClass.Pred) || a.Physical < 0)
        {
            return;
        }
        blocked[a.Physical] = true;
        if (a.Class == RegClass.R64)
        {
            blocked[a.Physical + 1] = true;
        }
    }

    private static bool Fits(Interval cur, int r, bool[] blocked) => cur.Class switch
    {
        RegClass.R64 => r % 2 == 0 && r + 1 < blocked.Length && !blocked[r] && !blocked[r + 1],
        _ => r >= 0 && r < blocked.Length && !blocked[r],
    };

    private static int Choose(Interval cur, bool[] blocked, Dictionary<int, Interval> intervals)
    {
        foreach (var h in cur.Hints)
        {
            if (intervals.TryGetValue(h, out var other) && other.Physical >= 0 && other.Class == cur.Class && Fits(cur, other.Physical, blocked))
            {
                return other.Physical;
            }
        }
        switch (cur.Class)
        {
            case RegClass.Pred:
                return Array.IndexOf(blocked, false);
            case RegClass.R64:
                for (int r = 0; r + 1 < blocked.Length; r += 2)
                {
                    if (Fits(cur, r, blocked))
                    {
                        return r;
                    }
                }
                return -1;
            default:
                // First a register whose pair partner is taken (completing a pair keeps whole pairs free and the
                // register count low), then odd registers so pairs stay available, then even ones.
                for (int r = 0; r < blocked.Length; r++)
                {
                    if (!blocked[r] && (r ^ 1) < blocked.Length && blocked[r ^ 1])
                    {
                        return r;
                    }
                }
                for (int pass = 0; pass < 2; pass++)
                {
                    for (int r = pass == 0 ? 1 : 0; r < blocked.Length; r += 2)
                    {
                        if (!blocked[r])
                        {
                            return r;
                        }
                    }
                }
                return -1;
        }
    }

    private static uint SpillBase(MFunction f, Dictionary<int, uint> slots) => slots.Values.Min();

    /// <summary>Live intervals with holes, built backwards per block from the live-out sets; calls' positions.</summary>
    private static Dictionary<int, Interval> BuildIntervals(MFunction f, out List<int> callPositions)
    {
        callPositions = [];
        var live = new Liveness(f);
        var intervals = new Dictionary<int, Interval>();
        Interval Of(int r) => intervals.TryGetValue(r, out var i) ? i : intervals[r] = new Interval(r, f.ClassOf(r));
        var blockStart = new int[f.Blocks.Count];
        int position = 0;
        for (int n = 0; n < f.Blocks.Count; n++)
        {
            blockStart[n] = position;
            position += 2 * f.Blocks[n].Instructions.Count + 2;
        }
        for (int n = f.Blocks.Count - 1; n >= 0; n--)
        {
            var b = f.Blocks[n];
            int from = blockStart[n];
            int to = from + 2 * b.Instructions.Count;
            foreach (var r in live.LiveOut[b])
            {
                Of(r).AddRange(from, to);
            }
            for (int k = b.Instructions.Count - 1; k >= 0; k--)
            {
                var inst = b.Instructions[k];
                int pos = from + 2 * k;
                if (inst.IsCall)
                {
                    callPositions.Add(pos);
                }
                foreach (var d in Liveness.Defs(inst))
                {
                    Of(d).SetFrom(pos + 1);
                }
                foreach (var u in Liveness.Uses(inst))
                {
                    Of(u).AddRange(from, pos);
                }
                if (inst.Guard == MInst.None && inst.Op is Opcode.MovB32 or Opcode.MovB64 && inst.A >= 0 && inst.D >= 0)
                {
                    Of(inst.D).Hints.Add(inst.A);
                    Of(inst.A).Hints.Add(inst.D);
                }
                else if (inst.Guard == MInst.None && inst.Op == Opcode.MovPred && inst.Pa >= 0 && inst.Pd >= 0)
                {
                    Of(inst.Pd).Hints.Add(inst.Pa);
                    Of(inst.Pa).Hints.Add(inst.Pd);
                }
            }
        }
        return intervals;
    }

    private static void RewriteSpills(MFunction f, HashSet<int> spilled, Dictionary<int, uint> slots, HashSet<int> unspillable)
    {
        foreach (var b in f.Blocks)
        {
            var result = new List<MInst>(b.Instructions.Count);
            foreach (var inst in b.Instructions)
            {
                var uses = Liveness.Uses(inst).Where(spilled.Contains).ToHashSet();
                var defs = Liveness.Defs(inst).Where(spilled.Contains).ToHashSet();
                var temps = new Dictionary<int, int>();
                foreach (var v in uses.Union(defs))
                {
                    int t = f.NewReg(f.ClassOf(v));
                    unspillable.Add(t);
                    temps[v] = t;
                }
                foreach (var v in uses)
                {
                    result.AddRange(Reload(f, temps[v], slots[v], inst.Position, unspillable));
                }
                foreach (var (field, _, reg) in inst.Registers().ToList())
                {
                    if (temps.TryGetValue(reg, out var t))
                    {
                        inst.Set(field, t);
                    }
                }
                if (temps.TryGetValue(inst.Guard, out var g))
                {
                    inst.Guard = g;
                }
                result.Add(inst);
                foreach (var v in defs)
                {
                    result.AddRange(Store(f, temps[v], slots[v], inst.Position, unspillable));
                }
            }
            b.Instructions.Clear();
            b.Instructions.AddRange(result);
        }
    }

    private static IEnumerable<MInst> Reload(MFunction f, int temp, uint slot, SourcePosition pos, HashSet<int> unspillable)
    {
        var cls = f.ClassOf(temp);
        if (cls == RegClass.Pred)
        {
            int word = f.NewReg(RegClass.R32);
            unspillable.Add(word);
            yield return new MInst(Opcode.LdLocalB32) { D = word, Imm = slot, Position = pos };
            yield return new MInst(Opcode.SetpU32Imm) { Pd = temp, A = word, M = (byte)Cmpi.Ne, Imm = 0, Position = pos };
            yield break;
        }
        yield return new MInst(cls == RegClass.R64 ? Opcode.LdLocalB64 : Opcode.LdLocalB32) { D = temp, Imm = slot, Position = pos };
    }

    private static IEnumerable<MInst> Store(MFunction f, int temp, uint slot, SourcePosition pos, HashSet<int> unspillable)
    {
        var cls = f.ClassOf(temp);
        if (cls == RegClass.Pred)
        {
            int one = f.NewReg(RegClass.R32), word = f.NewReg(RegClass.R32);
            unspillable.Add(one);
            unspillable.Add(word);
            yield return new MInst(Opcode.MovB32Imm) { D = one, Imm = 1, Position = pos };
            yield return new MInst(Opcode.SelpB32) { D = word, A = one, B = MInst.None, C = temp, Position = pos };
            yield return new MInst(Opcode.StLocalB32) { D = word, Imm = slot, Position = pos };
            yield break;
        }
        yield return new MInst(cls == RegClass.R64 ? Opcode.StLocalB64 : Opcode.StLocalB32) { D = temp, Imm = slot, Position = pos };
    }
}

/// <summary>Verifies an allocation: classes fit their registers, and no two values live at the same point share a register.</summary>
public static class RegisterAllocationChecker
{
    public static void Check(MFunction f, RegisterAssignment a, int maxRegisters)
    {
        var live = new Liveness(f);
        foreach (var b in f.Blocks)
        {
            var current = new HashSet<int>(live.LiveOut[b]);
            for (int k = b.Instructions.Count - 1; k >= 0; k--)
            {
                var inst = b.Instructions[k];
                if (inst.IsCall && current.FirstOrDefault(v => f.ClassOf(v) == RegClass.Pred) is var p && current.Any(v => f.ClassOf(v) == RegClass.Pred))
                {
                    throw new InvalidOperationException($"predicate %{p} is live across '{inst}', which clobbers the predicate file");
                }
                // Values defined here must not share a register with anything live after the instruction.
                var after = new HashSet<int>(current);
                after.UnionWith(Liveness.Defs(inst));
                Verify(f, a, after, inst, maxRegisters);
                current.ExceptWith(Liveness.Defs(inst));
                current.UnionWith(Liveness.Uses(inst));
                Verify(f, a, current, inst, maxRegisters);
            }
        }
    }

    private static void Verify(MFunction f, RegisterAssignment a, HashSet<int> live, MInst at, int maxRegisters)
    {
        var gpr = new Dictionary<int, int>();
        var preds = new Dictionary<int, int>();
        foreach (var v in live)
        {
            int p = a.Physical[v];
            var cls = f.ClassOf(v);
            if (p < 0)
            {
                throw new InvalidOperationException($"%{v} is live at '{at}' but has no register");
            }
            if (cls == RegClass.Pred)
            {
                if (p >= Pred.TrueIndex || !preds.TryAdd(p, v))
                {
                    throw new InvalidOperationException($"P{p} holds both %{preds.GetValueOrDefault(p)} and %{v} at '{at}'");
                }
                continue;
            }
            int width = cls == RegClass.R64 ? 2 : 1;
            if ((cls == RegClass.R64 && p % 2 != 0) || p + width > maxRegisters)
            {
                throw new InvalidOperationException($"%{v} ({cls}) got R{p}, which is misaligned or over the limit of {maxRegisters}");
            }
            for (int r = p; r < p + width; r++)
            {
                if (!gpr.TryAdd(r, v))
                {
                    throw new InvalidOperationException($"R{r} holds both %{gpr[r]} and %{v} at '{at}'");
                }
            }
        }
    }
}
