using ByteChip.Isa;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Within each block, an instruction that recomputes a value already computed (same opcode, operands,
/// modifier and immediate; no side effects, no memory read, no warp-level or time-dependent result) is
/// replaced by the earlier result everywhere. Selection emits such repeats freely (constants per use,
/// one address computation per GEP); this pass and <see cref="DeadCodeElimination"/> remove them.
/// Only values defined once in the function take part, so the earlier definition dominates every use.
/// </summary>
public static class LocalValueNumbering
{
    private readonly record struct Key(Opcode Op, int A, int B, int C, int E, int Pa, int Pb, byte M, uint Imm);

    public static int Run(MFunction f)
    {
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
        var replace = new Dictionary<int, int>();
        int Resolve(int r) => r >= 0 && replace.TryGetValue(r, out var t) ? t : r;
        int replaced = 0;
        foreach (var b in f.Blocks)
        {
            var seen = new Dictionary<Key, int>();
            foreach (var i in b.Instructions)
            {
                foreach (var (field, _, reg) in i.Registers().ToList())
                {
                    int r = Resolve(reg);
                    if (r != reg)
                    {
                        i.Set(field, r);
                    }
                }
                if (i.Guard >= 0)
                {
                    i.Guard = Resolve(i.Guard);
                }
                if (!IsCandidate(i) || i.Guard != MInst.None)
                {
                    continue;
                }
                var outs = Liveness.Defs(i).ToList();
                if (outs.Count != 1 || defs.GetValueOrDefault(outs[0]) != 1)
                {
                    continue;
                }
                // The key holds every input; the result field itself (d or pd) is left out.
                var key = new Key(i.Op, Input(i, InstructionField.A), Input(i, InstructionField.B), Input(i, InstructionField.C), Input(i, InstructionField.E),
                    Input(i, InstructionField.Pa), Input(i, InstructionField.Pb), i.M, i.Imm);
                if (seen.TryGetValue(key, out var earlier) && f.ClassOf(earlier) == f.ClassOf(outs[0]))
                {
                    replace[outs[0]] = earlier;
                    replaced++;
                }
                else
                {
                    seen[key] = outs[0];
                }
            }
        }
        if (replaced > 0)
        {
            f.ReplaceUses(Resolve);
        }
        return replaced;
    }

    private static int Input(MInst i, InstructionField field) =>
        i.Form.Operands.Any(o => o.Field == field && o.IsUse) || i.Form.Operands.Any(o => o.Field == field && o.Kind == OperandKind.SpecialRegister) ? i.Get(field) : MInst.None;

    private static bool IsCandidate(MInst i)
    {
        if (i.Relocation is not null || i.CallTarget is not null || DeadCodeElimination.HasSideEffects(i.Op))
        {
            return false;
        }
        var form = i.Form;
        if (form.Group is "warp" or "memory" && !form.MnemonicTemplate.StartsWith("cvta", StringComparison.Ordinal))
        {
            return false; // loads read memory; warp operations depend on which lanes execute
        }
        if (i.Op == Opcode.S2r && (SpecialRegister)i.A is SpecialRegister.Clock or SpecialRegister.ClockHi or SpecialRegister.GlobaltimerLo or SpecialRegister.GlobaltimerHi)
        {
            return false;
        }
        return i.Op is not (Opcode.Activemask or Opcode.BarRedPopcU32 or Opcode.BarRedAnd or Opcode.BarRedOr);
    }
}
