using System.Text;
using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Compiler.Backend;

/// <summary>Register classes of virtual registers.</summary>
public enum RegClass : byte
{
    /// <summary>A 32-bit register.</summary>
    R32,

    /// <summary>An even-aligned pair (64-bit values, 64-bit addresses).</summary>
    R64,

    /// <summary>A predicate.</summary>
    Pred,
}

/// <summary>A source position carried from LLVM debug locations to the line table.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public bool IsKnown => Line > 0;
}

/// <summary>
/// A machine instruction over virtual registers. Fields mirror <see cref="Instruction"/>: register and
/// predicate fields hold virtual register numbers (-1 means RZ or PT, or unused); <see cref="Target"/>
/// replaces branch offsets until emission; <see cref="Relocation"/> marks an immediate filled at load time.
/// </summary>
public sealed class MInst(Opcode op)
{
    public const int None = -1;

    /// <summary>A fixed physical register in a register field (the call link register): encoded below <see cref="None"/>.</summary>
    public static int Physical(int register) => -2 - register;

    public static bool IsPhysical(int value) => value <= -2;

    public static int PhysicalIndex(int value) => -2 - value;

    /// <summary>For <c>call</c>: the name of the called function, resolved to its address at emission.</summary>
    public string? CallTarget { get; set; }

    public Opcode Op { get; set; } = op;

    public InstructionForm Form => InstructionTable.Of(Op);

    public int D { get; set; } = None;

    public int A { get; set; } = None;

    public int B { get; set; } = None;

    public int C { get; set; } = None;

    public int E { get; set; } = None;

    public int Pd { get; set; } = None;

    public int Pa { get; set; } = None;

    public int Pb { get; set; } = None;

    public byte M { get; set; }

    public uint Imm { get; set; }

    /// <summary>Guard predicate (virtual register), or <see cref="None"/> for PT.</summary>
    public int Guard { get; set; } = None;

    public bool GuardNegated { get; set; }

    public MBlock? Target { get; set; }

    public BcRelocation? Relocation { get; set; }

    public SourcePosition Position { get; set; }

    public int Get(InstructionField field) => field switch
    {
        InstructionField.D => D,
        InstructionField.A => A,
        InstructionField.B => B,
        InstructionField.C => C,
        InstructionField.E => E,
        InstructionField.Pd => Pd,
        InstructionField.Pa => Pa,
        InstructionField.Pb => Pb,
        _ => None,
    };

    public void Set(InstructionField field, int value)
    {
        switch (field)
        {
            case InstructionField.D: D = value; break;
            case InstructionField.A: A = value; break;
            case InstructionField.B: B = value; break;
            case InstructionField.C: C = value; break;
            case InstructionField.E: E = value; break;
            case InstructionField.Pd: Pd = value; break;
            case InstructionField.Pa: Pa = value; break;
            case InstructionField.Pb: Pb = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a register field");
        }
    }

    /// <summary>The register and predicate operands (virtual registers) with their roles; the guard is a use.</summary>
    public IEnumerable<(InstructionField Field, OperandInfo Operand, int Reg)> Registers()
    {
        foreach (var op in Form.Operands)
        {
            if (op.IsRegister || op.Kind == OperandKind.Pred)
            {
                int r = Get(op.Field);
                if (r >= 0)
                {
                    yield return (op.Field, op, r);
                }
            }
        }
    }

    public bool IsBranch => Op is Opcode.Bra or Opcode.BraUni;

    public bool IsTerminator => IsBranch || Op is Opcode.Exit or Opcode.Ret or Opcode.Trap;

    public bool IsCall => Op == Opcode.Call;

    public MInst Clone() => (MInst)MemberwiseClone();

    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Guard != None)
        {
            sb.Append('@').Append(GuardNegated ? "!" : "").Append('%').Append('p').Append(Guard).Append(' ');
        }
        sb.Append(Form.MnemonicTemplate);
        foreach (var op in Form.Operands)
        {
            sb.Append(op == Form.Operands[0] ? " " : ", ");
            if (op.IsRegister || op.Kind == OperandKind.Pred)
            {
                int r = Get(op.Field);
                sb.Append(op.IsMemory ? "[" : "").Append(r == None ? (op.Kind == OperandKind.Pred ? "PT" : "RZ") : $"%{r}");
                if (op.IsMemory)
                {
                    sb.Append(op.OffsetField is null ? "]" : $"+{(int)Imm}]");
                }
            }
            else if (op.Kind == OperandKind.Target)
            {
                sb.Append(Target is null ? "?" : $"bb{Target.Id}");
            }
            else if (Relocation is { } r && op.Field == InstructionField.Imm)
            {
                sb.Append(r.Kind == BcRelocationKind.ImmHi32 ? "%hi(" : "%lo(").Append(r.Symbol).Append(')');
            }
            else
            {
                sb.Append("0x").Append(Imm.ToString("x"));
            }
        }
        if (Form.Parts.Any(p => p.Field is not null))
        {
            sb.Append("  {m=").Append(M).Append('}');
        }
        return sb.ToString();
    }
}

/// <summary>A basic block of machine instructions.</summary>
public sealed class MBlock(int id, string name)
{
    public int Id { get; } = id;

    public string Name { get; } = name;

    public List<MInst> Instructions { get; } = [];

    public List<MBlock> Successors { get; } = [];

    public List<MBlock> Predecessors { get; } = [];

    /// <summary>Loop nesting depth (0 outside loops), used for spill costs.</summary>
    public int LoopDepth { get; set; }

    public override string ToString() => $"bb{Id}({Name})";
}

/// <summary>A function in machine IR: blocks (entry first), virtual register classes and the local frame.</summary>
public sealed class MFunction(string name, uint frameBase = 0)
{
    private readonly List<RegClass> _classes = [];

    public string Name { get; } = name;

    /// <summary>Where this function's local frame starts in the thread's local memory (after its callers' frames).</summary>
    public uint FrameBase { get; } = frameBase;

    public List<MBlock> Blocks { get; } = [];

    /// <summary>End of the local frame (absolute): allocas, then spill slots.</summary>
    public uint FrameBytes { get; set; } = frameBase;

    public int RegisterCount => _classes.Count;

    public RegClass ClassOf(int vreg) => _classes[vreg];

    public int NewReg(RegClass cls)
    {
        _classes.Add(cls);
        return _classes.Count - 1;
    }

    public MBlock NewBlock(string name)
    {
        var b = new MBlock(Blocks.Count == 0 ? 0 : Blocks.Max(x => x.Id) + 1, name);
        Blocks.Add(b);
        return b;
    }

    public uint AllocateFrame(uint size, uint align)
    {
        align = Math.Max(align, 1);
        uint offset = (FrameBytes + align - 1) / align * align;
        FrameBytes = offset + size;
        return offset;
    }

    /// <summary>Rewrites every register read (use operands that are not also written, and guards) through <paramref name="map"/>.</summary>
    public void ReplaceUses(Func<int, int> map)
    {
        foreach (var b in Blocks)
        {
            foreach (var i in b.Instructions)
            {
                foreach (var (field, op, reg) in i.Registers().ToList())
                {
                    if (op.IsUse && !op.IsDef)
                    {
                        i.Set(field, map(reg));
                    }
                }
                if (i.Guard >= 0)
                {
                    i.Guard = map(i.Guard);
                }
            }
        }
    }

    public void RebuildEdges()
    {
        foreach (var b in Blocks)
        {
            b.Predecessors.Clear();
        }
        foreach (var b in Blocks)
        {
            foreach (var s in b.Successors)
            {
                s.Predecessors.Add(b);
            }
        }
    }

    public string Dump()
    {
        var sb = new StringBuilder($"function {Name} (frame {FrameBytes} bytes)\n");
        foreach (var b in Blocks)
        {
            sb.Append(b).Append(": ; succ ").Append(string.Join(", ", b.Successors.Select(s => $"bb{s.Id}"))).Append('\n');
            foreach (var i in b.Instructions)
            {
                sb.Append("    ").Append(i).Append('\n');
            }
        }
        return sb.ToString();
    }
}
