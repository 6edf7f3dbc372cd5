namespace ByteChip.Isa;

/// <summary>Operand kinds, as in the spec.</summary>
public enum OperandKind : byte
{
    /// <summary>A 32-bit register.</summary>
    R32,

    /// <summary>An even-aligned register pair holding a 64-bit value.</summary>
    R64,

    /// <summary>A quad of registers starting at a multiple of 4.</summary>
    R128,

    /// <summary>A predicate register.</summary>
    Pred,

    /// <summary>A special register number.</summary>
    SpecialRegister,

    /// <summary>An unsigned 32-bit immediate.</summary>
    U32,

    /// <summary>A signed 32-bit immediate.</summary>
    S32,

    /// <summary>An f32 bit pattern immediate.</summary>
    F32,

    /// <summary>A branch target: signed words relative to the next instruction.</summary>
    Target,
}

/// <summary>A part of a mnemonic: a literal, or a modifier held in a field.</summary>
public sealed record MnemonicPart(string? Literal, InstructionField? Field, ModifierKind? Modifier);

/// <summary>Whether an operand is read, written, or both.</summary>
public enum OperandRole : byte
{
    Use,
    Def,
    UseDef,
}

/// <summary>One operand of a form. Memory operands (<c>[a+imm]</c>) name their base and optional offset field.</summary>
public sealed record OperandInfo(OperandKind Kind, InstructionField Field, bool IsMemory, InstructionField? OffsetField, OperandRole Role)
{
    public bool IsDef => Role != OperandRole.Use;

    public bool IsUse => Role != OperandRole.Def;

    public bool IsRegister => Kind is OperandKind.R32 or OperandKind.R64 or OperandKind.R128;

    /// <summary>Registers covered by a register operand (1, 2 or 4).</summary>
    public int RegisterCount => Kind switch
    {
        OperandKind.R64 => 2,
        OperandKind.R128 => 4,
        _ => 1,
    };
}

/// <summary>An instruction form of the spec: opcode, mnemonic template, format, operands, feature and documentation.</summary>
public sealed class InstructionForm(
    Opcode opcode,
    string mnemonicTemplate,
    InstructionFormat format,
    Feature feature,
    string group,
    LatencyClass latencyClass,
    ulong usedBits,
    MnemonicPart[] parts,
    OperandInfo[] operands,
    string semantics)
{
    public Opcode Opcode { get; } = opcode;

    /// <summary>The mnemonic as the spec writes it, with <c>{field:enum}</c> placeholders.</summary>
    public string MnemonicTemplate { get; } = mnemonicTemplate;

    public InstructionFormat Format { get; } = format;

    public Feature Feature { get; } = feature;

    public string Group { get; } = group;

    /// <summary>The form's latency class; its cycles on a target are <see cref="TargetInfo.LatencyOf(LatencyClass)"/>.</summary>
    public LatencyClass LatencyClass { get; } = latencyClass;

    /// <summary>Bits of the word this form gives meaning to; every other bit must be zero.</summary>
    public ulong UsedBits { get; } = usedBits;

    public IReadOnlyList<MnemonicPart> Parts { get; } = parts;

    public IReadOnlyList<OperandInfo> Operands { get; } = operands;

    public string Semantics { get; } = semantics;

    /// <summary>The mnemonic with modifiers shown as <c>{enum}</c>, used to group forms for parsing.</summary>
    public string Shape { get; } = string.Join('.', parts.Select(p => p.Literal ?? "{" + p.Modifier + "}"));

    public override string ToString() => MnemonicTemplate;
}
