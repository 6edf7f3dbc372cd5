using ByteChip.Isa;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Removes machine instructions whose results are never read and that have no effect besides their
/// results (what selection leaves behind, e.g. a sign extension folded into a widening multiply).
/// Returns whether anything changed.
/// </summary>
public static class DeadCodeElimination
{
    public static bool Run(MFunction f)
    {
        bool changed = false;
        while (true)
        {
            var used = new HashSet<int>();
            foreach (var b in f.Blocks)
            {
                foreach (var i in b.Instructions)
                {
                    used.UnionWith(Liveness.Uses(i));
                }
            }
            int removed = 0;
            foreach (var b in f.Blocks)
            {
                removed += b.Instructions.RemoveAll(i => !HasSideEffects(i.Op) && Liveness.Defs(i).All(d => !used.Contains(d)));
            }
            if (removed == 0)
            {
                return changed;
            }
            changed = true;
        }
    }

    /// <summary>Instructions that must stay even when nothing reads their result.</summary>
    public static bool HasSideEffects(Opcode op)
    {
        var form = InstructionTable.Of(op);
        if (form.Group is "control" or "atomic")
        {
            return true;
        }
        return form.MnemonicTemplate.StartsWith("st.", StringComparison.Ordinal);
    }
}

/// <summary>After allocation: drops moves whose source and destination got the same register.</summary>
public static class RedundantMoveElimination
{
    public static int Run(MFunction f, RegisterAssignment a)
    {
        int removed = 0;
        foreach (var b in f.Blocks)
        {
            removed += b.Instructions.RemoveAll(i => i.Guard == MInst.None && i.Op switch
            {
                Opcode.MovB32 or Opcode.MovB64 => i.A != MInst.None && i.D != MInst.None && a.Physical[i.A] == a.Physical[i.D],
                Opcode.MovPred => i.Pa != MInst.None && a.Physical[i.Pa] == a.Physical[i.Pd],
                _ => false,
            });
        }
        return removed;
    }
}
