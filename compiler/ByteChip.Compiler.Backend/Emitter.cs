using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Compiler.Backend;

/// <summary>Encodes allocated machine code: physical registers, branch offsets, relocations and the line table.</summary>
public static class Emitter
{
    public sealed record Output(ulong[] Code, List<BcRelocation> Relocations, List<(int Index, SourcePosition Position)> Positions, List<Instruction> Instructions);

    /// <summary>One function of a kernel's text section with its allocation and register windows.</summary>
    public sealed record Part(string Name, MFunction Function, RegisterAssignment Assignment, int RegisterBase, int PredicateBase);

    /// <summary>Stands for the call link register in machine IR; replaced by the kernel's last register here.</summary>
    public const int LinkPlaceholder = 100_000;

    public static Output Emit(IReadOnlyList<Part> parts, int linkRegister)
    {
        var address = new Dictionary<MBlock, int>();
        var entries = new Dictionary<string, int>(StringComparer.Ordinal);
        int count = 0;
        foreach (var part in parts)
        {
            entries[part.Name] = count;
            foreach (var b in part.Function.Blocks)
            {
                address[b] = count;
                count += b.Instructions.Count;
            }
        }
        var code = new ulong[count];
        var insts = new List<Instruction>(count);
        var relocations = new List<BcRelocation>();
        var positions = new List<(int, SourcePosition)>();
        int n = 0;
        foreach (var part in parts)
        foreach (var b in part.Function.Blocks)
        {
            foreach (var m in b.Instructions)
            {
                var inst = Lower(m, part, n, address, entries, linkRegister);
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

    private static Instruction Lower(MInst m, Part part, int index, Dictionary<MBlock, int> address, Dictionary<string, int> entries, int linkRegister)
    {
        var a = part.Assignment;
        var form = m.Form;
        byte guard = m.Guard == MInst.None ? Pred.TrueIndex : (byte)(a.Physical[m.Guard] + part.PredicateBase);
        var inst = new Instruction(m.Op, guard, m.Guard != MInst.None && m.GuardNegated);
        foreach (var op in form.Operands)
        {
            if (op.Kind == OperandKind.Target)
            {
                int target = m.CallTarget is { } callee ? entries[callee] : address[m.Target!];
                inst = inst with { Imm = unchecked((uint)(target - (index + 1))) };
                continue;
            }
            if (op.IsRegister || op.Kind == OperandKind.Pred)
            {
                int v = m.Get(op.Field);
                uint phys = v == MInst.None ? (op.Kind == OperandKind.Pred ? Pred.TrueIndex : Reg.ZeroIndex)
                    : MInst.IsPhysical(v) ? (uint)(MInst.PhysicalIndex(v) == LinkPlaceholder ? linkRegister : MInst.PhysicalIndex(v))
                    : (uint)(a.Physical[v] + (op.Kind == OperandKind.Pred ? part.PredicateBase : part.RegisterBase));
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
        foreach (var mnemonicPart in form.Parts)
        {
            if (mnemonicPart.Field is { } field)
            {
                inst = InstructionCodec.With(inst, field, m.M);
            }
        }
        return inst;
    }
}
