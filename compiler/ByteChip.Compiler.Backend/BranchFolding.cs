using ByteChip.Isa;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// After layout, until nothing changes:
/// <list type="bullet">
/// <item>branches to a block that only jumps on (or is empty and falls through) go straight to the final target,
/// and a conditional branch falling into such a block takes its jump along;</item>
/// <item><c>@p bra exit; bra header</c> at the bottom of a loop becomes <c>@!p bra header; bra exit</c>, so an
/// iteration costs one branch instead of two (the pair's other order is kept for forward branches: the layout
/// puts the likelier fall-through next);</item>
/// <item>unconditional branches to the next block are dropped and <c>@p bra next; bra other</c> becomes
/// <c>@!p bra other</c>;</item>
/// <item>blocks no branch or fall-through reaches any more are removed.</item>
/// </list>
/// Block order is never changed, so the lowest-PC-first reconvergence the layout arranged is kept. Successor and
/// predecessor lists are rebuilt from the branches at the end.
/// </summary>
public static class BranchFolding
{
    public static void Run(MFunction f)
    {
        for (int round = 0; round < 8; round++)
        {
            bool changed = ThreadJumps(f);
            changed |= InvertLoopBranches(f);
            changed |= FoldFallThroughs(f);
            changed |= RemoveUnreachable(f);
            if (!changed)
            {
                break;
            }
        }
        RebuildSuccessors(f);
    }

    private static bool IsUnconditionalJump(MInst i) => i.Op == Opcode.Bra && i.Guard == MInst.None;

    private static bool FallsThrough(MBlock b) => b.Instructions.Count == 0 || !(b.Instructions[^1].IsTerminator && b.Instructions[^1].Guard == MInst.None);

    /// <summary>Where control really goes when it enters <paramref name="b"/>: past blocks that only jump or are empty.</summary>
    private static MBlock FinalTarget(MFunction f, MBlock b)
    {
        var seen = new HashSet<MBlock>();
        while (seen.Add(b))
        {
            if (b.Instructions.Count == 1 && IsUnconditionalJump(b.Instructions[0]) && b.Instructions[0].Target is { } next)
            {
                b = next;
            }
            else if (b.Instructions.Count == 0 && f.Blocks.IndexOf(b) is int k && k + 1 < f.Blocks.Count)
            {
                b = f.Blocks[k + 1];
            }
            else
            {
                break;
            }
        }
        return b;
    }

    private static bool ThreadJumps(MFunction f)
    {
        bool changed = false;
        for (int k = 0; k + 1 < f.Blocks.Count; k++)
        {
            // A conditional branch that falls into a block which only jumps on takes the jump itself, so the
            // pair can be inverted or folded below (the jump-only block usually becomes unreachable).
            var insts = f.Blocks[k].Instructions;
            var next = f.Blocks[k + 1];
            if (insts.Count > 0 && insts[^1].IsBranch && insts[^1].Guard != MInst.None
                && next.Instructions.Count == 1 && IsUnconditionalJump(next.Instructions[0]) && next.Instructions[0].Target != next)
            {
                insts.Add(next.Instructions[0].Clone());
                changed = true;
            }
        }
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Instructions)
            {
                if (i.IsBranch && i.Target is { } t && FinalTarget(f, t) is var final && final != t)
                {
                    i.Target = final;
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static bool InvertLoopBranches(MFunction f)
    {
        bool changed = false;
        for (int k = 0; k < f.Blocks.Count; k++)
        {
            var insts = f.Blocks[k].Instructions;
            if (insts.Count >= 2 && IsUnconditionalJump(insts[^1]) && insts[^2].IsBranch && insts[^2].Guard != MInst.None
                && insts[^1].Target is { } back && f.Blocks.IndexOf(back) <= k
                && insts[^2].Target is { } exit && f.Blocks.IndexOf(exit) > k)
            {
                insts[^2].GuardNegated = !insts[^2].GuardNegated;
                insts[^2].Target = back;
                insts[^1].Target = exit;
                changed = true;
            }
        }
        return changed;
    }

    private static bool FoldFallThroughs(MFunction f)
    {
        bool changed = false;
        for (int k = 0; k < f.Blocks.Count; k++)
        {
            var next = k + 1 < f.Blocks.Count ? f.Blocks[k + 1] : null;
            var insts = f.Blocks[k].Instructions;
            if (insts.Count > 0 && IsUnconditionalJump(insts[^1]) && insts[^1].Target == next)
            {
                insts.RemoveAt(insts.Count - 1);
                if (insts.Count > 0 && insts[^1].IsBranch && insts[^1].Guard != MInst.None && insts[^1].Target == next)
                {
                    insts.RemoveAt(insts.Count - 1); // both edges fall through
                }
                changed = true;
                continue;
            }
            if (insts.Count >= 2 && IsUnconditionalJump(insts[^1])
                && insts[^2].IsBranch && insts[^2].Guard != MInst.None && insts[^2].Target == next)
            {
                var cond = insts[^2];
                cond.GuardNegated = !cond.GuardNegated;
                cond.Target = insts[^1].Target;
                insts.RemoveAt(insts.Count - 1);
                changed = true;
            }
        }
        return changed;
    }

    private static bool RemoveUnreachable(MFunction f)
    {
        var reached = new HashSet<MBlock>();
        var work = new Stack<MBlock>();
        work.Push(f.Blocks[0]);
        while (work.Count > 0)
        {
            var b = work.Pop();
            if (!reached.Add(b))
            {
                continue;
            }
            foreach (var i in b.Instructions)
            {
                if (i.IsBranch && i.Target is { } t)
                {
                    work.Push(t);
                }
            }
            int k = f.Blocks.IndexOf(b);
            if (FallsThrough(b) && k + 1 < f.Blocks.Count)
            {
                work.Push(f.Blocks[k + 1]);
            }
        }
        return f.Blocks.RemoveAll(b => !reached.Contains(b)) > 0;
    }

    private static void RebuildSuccessors(MFunction f)
    {
        for (int k = 0; k < f.Blocks.Count; k++)
        {
            var b = f.Blocks[k];
            b.Successors.Clear();
            foreach (var i in b.Instructions)
            {
                if (i.IsBranch && i.Target is { } t && !b.Successors.Contains(t))
                {
                    b.Successors.Add(t);
                }
            }
            if (FallsThrough(b) && k + 1 < f.Blocks.Count && !b.Successors.Contains(f.Blocks[k + 1]))
            {
                b.Successors.Add(f.Blocks[k + 1]);
            }
        }
        f.RebuildEdges();
    }
}
