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
/// Linear-scan register allocation over the laid-out code (Poletto and Sarkar), one live interval per
/// virtual register from block live-in/live-out sets. Pairs take an even register and the next; predicates
/// use their own file. When registers run out, the interval that ends last is spilled to local memory
/// ("spill everywhere": a reload before each use, a store after each def, into short-lived temporaries)
/// and allocation starts again. <see cref="RegisterAllocationChecker"/> verifies the result.
/// </summary>
public static class RegisterAllocator
{
    private sealed class Interval(int reg, RegClass cls)
    {
        public int Reg { get; } = reg;

        public RegClass Class { get; } = cls;

        public int Start { get; set; } = int.MaxValue;

        public int End { get; set; } = int.MinValue;

        public int Physical { get; set; } = -1;
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
            var acrossCalls = intervals.Where(i => i.Class == RegClass.Pred && !unspillable.Contains(i.Reg) && calls.Any(c => i.Start < c && i.End > c + 1)).ToList();
            if (acrossCalls.Count > 0)
            {
                foreach (var s in acrossCalls)
                {
                    slots[s.Reg] = f.AllocateFrame(4, 4);
                }
                RewriteSpills(f, acrossCalls.Select(s => s.Reg).ToHashSet(), slots, unspillable);
                continue;
            }
            var spilled = new List<Interval>();
            var active = new List<Interval>();
            var gpr = new bool[maxRegisters];
            var preds = new bool[maxPredicates];
            foreach (var cur in intervals.OrderBy(i => i.Start).ThenBy(i => i.Reg))
            {
                active.RemoveAll(a =>
                {
                    if (a.End >= cur.Start)
                    {
                        return false;
                    }
                    Release(a, gpr, preds);
                    return true;
                });
                while (!TryAssign(cur, gpr, preds))
                {
                    var victim = active.Where(a => SameFile(a, cur) && !unspillable.Contains(a.Reg)).Append(cur)
                        .Where(a => !unspillable.Contains(a.Reg)).OrderByDescending(a => a.End).FirstOrDefault();
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
                    Release(victim, gpr, preds);
                    victim.Physical = -1;
                }
                if (cur.Physical >= 0)
                {
                    active.Add(cur);
                }
            }
            if (spilled.Count == 0)
            {
                var physical = new int[f.RegisterCount];
                Array.Fill(physical, -1);
                int regs = 0, predCount = 0;
                foreach (var i in intervals)
                {
                    physical[i.Reg] = i.Physical;
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
            foreach (var s in spilled)
            {
                uint size = s.Class == RegClass.R64 ? 8u : 4u;
                slots[s.Reg] = f.AllocateFrame(size, size);
            }
            RewriteSpills(f, spilled.Select(s => s.Reg).ToHashSet(), slots, unspillable);
        }
    }

    private static uint SpillBase(MFunction f, Dictionary<int, uint> slots) => slots.Values.Min();

    private static bool SameFile(Interval a, Interval b) => (a.Class == RegClass.Pred) == (b.Class == RegClass.Pred);

    private static bool TryAssign(Interval cur, bool[] gpr, bool[] preds)
    {
        switch (cur.Class)
        {
            case RegClass.Pred:
                for (int p = 0; p < preds.Length; p++)
                {
                    if (!preds[p])
                    {
                        preds[p] = true;
                        cur.Physical = p;
                        return true;
                    }
                }
                return false;
            case RegClass.R64:
                for (int r = 0; r + 1 < gpr.Length; r += 2)
                {
                    if (!gpr[r] && !gpr[r + 1])
                    {
                        gpr[r] = gpr[r + 1] = true;
                        cur.Physical = r;
                        return true;
                    }
                }
                return false;
            default:
                // Prefer odd registers for 32-bit values so pairs stay available.
                for (int pass = 0; pass < 2; pass++)
                {
                    for (int r = pass == 0 ? 1 : 0; r < gpr.Length; r += 2)
                    {
                        if (!gpr[r])
                        {
                            gpr[r] = true;
                            cur.Physical = r;
                            return true;
                        }
                    }
                }
                return false;
        }
    }

    private static void Release(Interval a, bool[] gpr, bool[] preds)
    {
        if (a.Physical < 0)
        {
            return;
        }
        if (a.Class == RegClass.Pred)
        {
            preds[a.Physical] = false;
        }
        else
        {
            gpr[a.Physical] = false;
            if (a.Class == RegClass.R64)
            {
                gpr[a.Physical + 1] = false;
            }
        }
    }

    private static List<Interval> BuildIntervals(MFunction f, out List<int> callPositions)
    {
        callPositions = [];
        var live = new Liveness(f);
        var intervals = new Dictionary<int, Interval>();
        Interval Of(int r) => intervals.TryGetValue(r, out var i) ? i : intervals[r] = new Interval(r, f.ClassOf(r));
        void Extend(int r, int pos)
        {
            var i = Of(r);
            i.Start = Math.Min(i.Start, pos);
            i.End = Math.Max(i.End, pos);
        }
        int position = 0;
        foreach (var b in f.Blocks)
        {
            int blockStart = position;
            int blockEnd = position + 2 * b.Instructions.Count;
            foreach (var r in live.LiveIn[b])
            {
                Extend(r, blockStart);
            }
            foreach (var r in live.LiveOut[b])
            {
                Extend(r, blockEnd);
            }
            foreach (var inst in b.Instructions)
            {
                if (inst.IsCall)
                {
                    callPositions.Add(position);
                }
                foreach (var u in Liveness.Uses(inst))
                {
                    Extend(u, position);
                }
                foreach (var d in Liveness.Defs(inst))
                {
                    Extend(d, position + 1);
                }
                position += 2;
            }
        }
        return [.. intervals.Values];
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
