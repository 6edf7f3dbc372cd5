using ByteChip.Isa;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// List scheduling within basic blocks, before register allocation, against the target's latencies from the ISA
/// spec (<see cref="TargetInfo.LatencyOf"/>). A warp issues in order and waits when an operand is not ready, so
/// an instruction that depends on a load or a special-function result should not come right after it: the
/// scheduler fills the gap with independent work. Top-down, one issue per cycle; among the instructions whose
/// operands are ready it takes the one with the longest latency path to the end of its region (the critical
/// path), ties in source order. Dependences: registers (read after write with the producer's latency; write
/// after read and write after write as order), memory (loads stay between the stores and atomics around them;
/// loads from parameter and constant memory, which kernels cannot write, move freely), warp operations keep
/// their order, and control instructions (branches, barriers, fences, calls, exit) and time or mask reads
/// split a block into regions that are scheduled separately. A block whose new order would need more registers
/// than both its old order and the budget keeps its old order, so scheduling never causes a spill.
/// </summary>
public static class InstructionScheduler
{
    private sealed class Node(MInst inst, int index)
    {
        public MInst Inst { get; } = inst;

        public int Index { get; } = index;

        public List<(Node To, int Latency)> Succs { get; } = [];

        public int Preds { get; set; }

        public int Height { get; set; }

        public int Earliest { get; set; }
    }

    /// <summary>Schedules every block of <paramref name="f"/>; returns how many blocks changed order.</summary>
    public static int Run(MFunction f, TargetInfo target, int budget)
    {
        var live = new Liveness(f);
        int changed = 0;
        foreach (var b in f.Blocks)
        {
            if (b.Instructions.Count < 3)
            {
                continue;
            }
            var order = new List<MInst>(b.Instructions.Count);
            int start = 0;
            for (int k = 0; k <= b.Instructions.Count; k++)
            {
                if (k == b.Instructions.Count || IsBoundary(b.Instructions[k]))
                {
                    order.AddRange(ScheduleRegion(b.Instructions.GetRange(start, k - start), target));
                    if (k < b.Instructions.Count)
                    {
                        order.Add(b.Instructions[k]);
                    }
                    start = k + 1;
                }
            }
            if (order.SequenceEqual(b.Instructions))
            {
                continue;
            }
            int before = Liveness.MaxPressure(f, b.Instructions, live.LiveOut[b]);
            int after = Liveness.MaxPressure(f, order, live.LiveOut[b]);
            if (after > Math.Max(before, budget))
            {
                continue;
            }
            b.Instructions.Clear();
            b.Instructions.AddRange(order);
            changed++;
        }
        return changed;
    }

    /// <summary>Instructions nothing moves across: control flow, barriers, fences, calls, and reads of time or of the active mask.</summary>
    private static bool IsBoundary(MInst i) =>
        i.Form.Group == "control" || i.Op == Opcode.Activemask
        || (i.Op == Opcode.S2r && (SpecialRegister)i.A is SpecialRegister.Clock or SpecialRegister.ClockHi or SpecialRegister.GlobaltimerLo or SpecialRegister.GlobaltimerHi);

    private static bool WritesMemory(MInst i) => i.Form.Group == "atomic" || i.Form.MnemonicTemplate.StartsWith("st.", StringComparison.Ordinal);

    private static bool ReadsMutableMemory(MInst i) =>
        i.Form.MnemonicTemplate.StartsWith("ld.", StringComparison.Ordinal)
        && !i.Form.MnemonicTemplate.StartsWith("ld.param", StringComparison.Ordinal)
        && !i.Form.MnemonicTemplate.StartsWith("ld.const", StringComparison.Ordinal);

    private static List<MInst> ScheduleRegion(List<MInst> region, TargetInfo target)
    {
        if (region.Count < 3)
        {
            return region;
        }
        var nodes = region.Select((i, k) => new Node(i, k)).ToList();
        var lastDef = new Dictionary<int, Node>();
        var readers = new Dictionary<int, List<Node>>();
        Node? lastWrite = null, lastWarp = null;
        var loadsSinceWrite = new List<Node>();
        void Edge(Node from, Node to, int latency)
        {
            from.Succs.Add((to, latency));
            to.Preds++;
        }
        foreach (var n in nodes)
        {
            var inst = n.Inst;
            foreach (var u in Liveness.Uses(inst).Distinct())
            {
                if (lastDef.TryGetValue(u, out var d))
                {
                    Edge(d, n, target.LatencyOf(d.Inst.Op));
                }
                (readers.TryGetValue(u, out var list) ? list : readers[u] = []).Add(n);
            }
            foreach (var d in Liveness.Defs(inst).Distinct())
            {
                if (lastDef.TryGetValue(d, out var prev) && prev != n)
                {
                    Edge(prev, n, 1);
                }
                if (readers.TryGetValue(d, out var list))
                {
                    foreach (var r in list.Where(r => r != n))
                    {
                        Edge(r, n, 0);
                    }
                    list.Clear();
                }
                lastDef[d] = n;
            }
            if (WritesMemory(inst))
            {
                if (lastWrite is not null)
                {
                    Edge(lastWrite, n, 1);
                }
                foreach (var l in loadsSinceWrite)
                {
                    Edge(l, n, 0);
                }
                loadsSinceWrite.Clear();
                lastWrite = n;
            }
            else if (ReadsMutableMemory(inst))
            {
                if (lastWrite is not null)
                {
                    Edge(lastWrite, n, 1);
                }
                loadsSinceWrite.Add(n);
            }
            if (inst.Form.Group == "warp")
            {
                if (lastWarp is not null)
                {
                    Edge(lastWarp, n, 1);
                }
                lastWarp = n;
            }
        }
        for (int k = nodes.Count - 1; k >= 0; k--)
        {
            var n = nodes[k];
            int h = Liveness.Defs(n.Inst).Any() ? target.LatencyOf(n.Inst.Op) : 1;
            foreach (var (to, latency) in n.Succs)
            {
                h = Math.Max(h, latency + to.Height);
            }
            n.Height = h;
        }
        var ready = nodes.Where(n => n.Preds == 0).ToList();
        var result = new List<MInst>(nodes.Count);
        int cycle = 0;
        while (ready.Count > 0)
        {
            Node? best = null;
            foreach (var n in ready)
            {
                if (n.Earliest <= cycle && (best is null || n.Height > best.Height || (n.Height == best.Height && n.Index < best.Index)))
                {
                    best = n;
                }
            }
            if (best is null)
            {
                // Nothing can issue yet: the warp stalls until the first operand arrives.
                foreach (var n in ready)
                {
                    if (best is null || n.Earliest < best.Earliest || (n.Earliest == best.Earliest && (n.Height > best.Height || (n.Height == best.Height && n.Index < best.Index))))
                    {
                        best = n;
                    }
                }
                cycle = best!.Earliest;
            }
            ready.Remove(best);
            result.Add(best.Inst);
            foreach (var (to, latency) in best.Succs)
            {
                to.Earliest = Math.Max(to.Earliest, cycle + latency);
                if (--to.Preds == 0)
                {
                    ready.Add(to);
                }
            }
            cycle++;
        }
        return result;
    }
}
