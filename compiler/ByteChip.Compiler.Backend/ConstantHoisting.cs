using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Loop-invariant code motion for what selection materializes inside loops and LLVM cannot see: constants
/// (<c>mov.b32 %r, imm</c>, <c>mov.b64 %r, imm</c>, relocated global addresses). Such a move, unguarded and the only
/// definition of its register, goes to the preheader of the outermost loop containing it (created right before
/// the header when the loop has none), and equal constants share one register. A constant then costs one
/// instruction per loop entry instead of one per iteration; math sequences (a polynomial's coefficients) inside
/// loops gain the most. Every hoisted constant stays live across the whole loop, so hoisting stops while the
/// loop's register pressure plus the hoisted constants would exceed <c>budget</c> (the allocator's window less a
/// margin): a spilled constant would cost more than the move it replaced. Runs after <see cref="BlockLayout"/>,
/// whose contiguous loops it keeps (the preheader sits directly before its header).
/// </summary>
public static class ConstantHoisting
{
    private readonly record struct Key(Opcode Op, uint Imm, BcRelocation? Relocation);

    public static int Run(MFunction f, int budget)
    {
        f.RebuildEdges();
        var idom = BlockLayout.Dominators(f);
        var loops = BlockLayout.FindLoops(f, idom);
        var defs = new Dictionary<int, int>();
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Instructions)
            {
                foreach (var d in Liveness.Defs(i))
                {
                    defs[d] = defs.GetValueOrDefault(d) + 1;
                }
            }
        }
        int hoisted = 0;
        // Outermost loops first: a constant leaves the whole nest at once when the budget allows; what does not fit
        // is tried again at the inner loops' preheaders.
        foreach (var loop in loops.OrderBy(Depth))
        {
            if (loop.Header == f.Blocks[0])
            {
                continue;
            }
            var candidates = f.Blocks.Where(loop.Blocks.Contains)
                .SelectMany(b => b.Instructions.Select(i => (Block: b, Inst: i)))
                .Where(x => IsConstant(x.Inst) && defs.GetValueOrDefault(x.Inst.D) == 1)
                .OrderByDescending(x => x.Block.LoopDepth)
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }
            int free = budget - Pressure(f, loop.Blocks);
            var kept = new Dictionary<Key, int>();
            var moved = new List<(MBlock Block, MInst Inst)>();
            var replace = new Dictionary<int, int>();
            foreach (var (block, inst) in candidates)
            {
                var key = new Key(inst.Op, inst.Imm, inst.Relocation);
                int width = f.ClassOf(inst.D) == RegClass.R64 ? 2 : 1;
                if (kept.TryGetValue(key, out var first) && f.ClassOf(first) == f.ClassOf(inst.D))
                {
                    replace[inst.D] = first;
                    moved.Add((block, inst));
                    free += width; // the duplicate's own register is gone
                    continue;
                }
                if (free < width)
                {
                    continue;
                }
                free -= width;
                kept[key] = inst.D;
                moved.Add((block, inst));
            }
            if (moved.Count == 0)
            {
                continue;
            }
            var preheader = Preheader(f, loop);
            foreach (var (block, inst) in moved)
            {
                block.Instructions.Remove(inst);
                if (!replace.ContainsKey(inst.D))
                {
                    preheader.Instructions.Insert(InsertionPoint(preheader), inst);
                    inst.Position = default;
                }
                hoisted++;
            }
            if (replace.Count > 0)
            {
                f.ReplaceUses(r => replace.GetValueOrDefault(r, r));
            }
        }
        return hoisted;
    }

    private static int Depth(BlockLayout.Loop l)
    {
        int d = 0;
        for (var p = l.Parent; p is not null; p = p.Parent)
        {
            d++;
        }
        return d;
    }

    private static bool IsConstant(MInst i) =>
        i.Op is Opcode.MovB32Imm or Opcode.MovB64Imm && i.Guard == MInst.None && i.D >= 0;

    /// <summary>The most 32-bit registers live at once at any instruction of the blocks (pairs count two).</summary>
    private static int Pressure(MFunction f, HashSet<MBlock> blocks)
    {
        var live = new Liveness(f);
        return blocks.Max(b => Liveness.MaxPressure(f, b.Instructions, live.LiveOut[b]));
    }

    /// <summary>The loop's preheader: its header's only predecessor outside the loop when that block leads only to the
    /// header, else a new block placed right before the header that every entering edge now goes through.</summary>
    private static MBlock Preheader(MFunction f, BlockLayout.Loop loop)
    {
        var header = loop.Header;
        var outside = header.Predecessors.Where(p => !loop.Blocks.Contains(p)).Distinct().ToList();
        int index = f.Blocks.IndexOf(header);
        if (outside.Count == 1 && outside[0].Successors.Count == 1 && index > 0 && f.Blocks[index - 1] == outside[0]
            && !outside[0].Instructions.Any(i => i.IsBranch || i.IsTerminator))
        {
            return outside[0];
        }
        var pre = f.NewBlock(header.Name + ".preheader");
        f.Blocks.Remove(pre);
        f.Blocks.Insert(index, pre);
        pre.LoopDepth = header.LoopDepth - 1;
        pre.Successors.Add(header);
        foreach (var p in outside)
        {
            foreach (var i in p.Instructions)
            {
                if (i.IsBranch && i.Target == header)
                {
                    i.Target = pre;
                }
            }
            for (int k = 0; k < p.Successors.Count; k++)
            {
                if (p.Successors[k] == header)
                {
                    p.Successors[k] = pre; // branches above, or the fall-through into the block now placed before the header
                }
            }
        }
        f.RebuildEdges();
        return pre;
    }

    private static int InsertionPoint(MBlock b)
    {
        int k = b.Instructions.Count;
        while (k > 0 && (b.Instructions[k - 1].IsBranch || b.Instructions[k - 1].IsTerminator))
        {
            k--;
        }
        return k;
    }
}
