using ByteChip.Isa;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// After layout: drops unconditional branches to the next block and turns
/// <c>@p bra next; bra other</c> into <c>@!p bra other</c>.
/// </summary>
public static class BranchFolding
{
    public static void Run(MFunction f)
    {
        for (int k = 0; k < f.Blocks.Count; k++)
        {
            var block = f.Blocks[k];
            var next = k + 1 < f.Blocks.Count ? f.Blocks[k + 1] : null;
            var insts = block.Instructions;
            if (insts.Count > 0 && insts[^1].Op == Opcode.Bra && insts[^1].Guard == MInst.None && insts[^1].Target == next)
            {
                insts.RemoveAt(insts.Count - 1);
                if (insts.Count > 0 && insts[^1].IsBranch && insts[^1].Guard != MInst.None && insts[^1].Target == next)
                {
                    insts.RemoveAt(insts.Count - 1); // both edges fall through
                }
                continue;
            }
            if (insts.Count >= 2 && insts[^1].Op == Opcode.Bra && insts[^1].Guard == MInst.None
                && insts[^2].IsBranch && insts[^2].Guard != MInst.None && insts[^2].Target == next)
            {
                var cond = insts[^2];
                cond.GuardNegated = !cond.GuardNegated;
                cond.Target = insts[^1].Target;
                insts.RemoveAt(insts.Count - 1);
            }
        }
    }
}
