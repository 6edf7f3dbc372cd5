using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Compiler.Backend;

/// <summary>Encodes allocated machine code: physical registers, branch offsets, relocations and the line table.</summary>
public static class Emitter
{
    public sealed record Output(ulong[] Code, List<BcRelocation> Relocations, List<(int Index, SourcePosition Position)> Positions, List<Instruction> Instructions);

    public static Output Emit(MFunction f, RegisterAssignment assignment)
    {
        var address = new Dictionary<MBlock, int>();
        int count = 0;
        foreach (var b in f.Blocks)
        {
            address[b] = count;
            count += b.Instructions.Count;
        }
        var code = new ulong[count];
        var insts = new List<Instruction>(count);
        var relocations = new List<BcRelocation>();
        var positions = new List<(int, SourcePosition)>();
        int n = 0;
        foreach (var b in f.Blocks)
        {
            foreach (var m in b.Instructions)
            {
                var inst = Lower(m, assignment, n, address);
                code[n] = InstructionCodec.Encode(inst);
                insts.Add(inst);
                if (m.Relocation is { } r)
                {
                    relocations.Add(r with { Offset = (ulong)n });
                }
                positions.Add((n, m.Position));
                n++;
            }
        }
        return new Output(code, relocations, positions, insts);
    }

    private static Instruction Lower(MInst m, RegisterAssignment a, int index, Dictionary<MBlock, int> address)
    {
        var form = m.Form;
        byte guard = m.Guard == MInst.None ? Pred.TrueIndex : (byte)a.Physical[m.Guard];
        var inst = new Instruction(m.Op, guard, m.Guard != MInst.None && m.GuardNegated);
        foreach (var op in form.Operands)
        {
            if (op.Kind == OperandKind.Target)
            {
                inst = inst with { Imm = unchecked((uint)(address[m.Target!] - (index + 1))) };
                continue;
            }
            if (op.IsRegister || op.Kind == OperandKind.Pred)
            {
                int v = m.Get(op.Field);
                uint phys = v == MInst.None ? (op.Kind == OperandKind.Pred ? Pred.TrueIndex : Reg.ZeroIndex) : (uint)a.Physical[v];
                inst = InstructionCodec.With(inst, op.Field, phys);
            }
            else if (op.Kind == OperandKind.SpecialRegister)
            {
                inst = InstructionCodec.With(inst, op.Field, (uint)m.Get(op.Field));
            }
            else
            {
                inst = inst with { Imm = m.Relocation is null ? m.Imm : 0 };
            }
            if (op.OffsetField is not null)
            {
                inst = inst with { Imm = m.Imm };
            }
        }
        foreach (var part in form.Parts)
        {
            if (part.Field is { } field)
            {
                inst = InstructionCodec.With(inst, field, m.M);
            }
        }
        return inst;
    }
}
