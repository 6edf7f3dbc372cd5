namespace ByteChip.Isa.Generator;

/// <summary>The whole ISA as read from <c>bytechip.isa</c>, after validation.</summary>
public sealed record IsaSpec(
    string Name,
    int Version,
    IReadOnlyList<FeatureDef> Features,
    IReadOnlyList<TargetDef> Targets,
    IReadOnlyList<EnumDef> Enums,
    IReadOnlyList<SpecialRegisterDef> SpecialRegisters,
    IReadOnlyList<FormatDef> Formats,
    IReadOnlyList<GroupDef> Groups,
    IReadOnlyList<InstructionDef> Instructions);

public sealed record FeatureDef(string Name, string Description);

public sealed record TargetLimit(string Key, long Value, string Description);

public sealed record TargetDef(string Name, int Code, string Title, IReadOnlyList<TargetLimit> Limits, IReadOnlyList<string> Features);

public sealed record EnumValueDef(string Name, int Value, string Description);

public sealed record EnumDef(string Name, int Bits, string Title, IReadOnlyList<EnumValueDef> Values);

public sealed record SpecialRegisterDef(string Name, int Number, string Description);

public sealed record FieldDef(string Name, int Low, int Width)
{
    public bool IsReserved => Name == "_";

    public ulong Mask => (Width == 64 ? ulong.MaxValue : ((1UL << Width) - 1)) << Low;
}

public sealed record FormatDef(string Name, string Title, IReadOnlyList<FieldDef> Fields)
{
    public FieldDef? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

public sealed record GroupDef(string Name, string Feature, string Title, IReadOnlyList<string> Doc);

/// <summary>Operand kinds, as written in the spec.</summary>
public enum OperandKind
{
    R32,
    R64,
    R128,
    Pred,
    SpecialRegister,
    U32,
    S32,
    F32,
    Target,
}

/// <summary>Whether an operand is read, written, or both.</summary>
public enum OperandRole
{
    Use,
    Def,
    UseDef,
}

/// <summary>One operand: a field and a kind, or a memory operand with a base field and an optional offset field.</summary>
public sealed record OperandDef(OperandKind Kind, string Field, bool IsMemory, string? OffsetField, OperandRole Role = OperandRole.Use);

/// <summary>A mnemonic part: a literal, or a modifier held in a field and named by an enum.</summary>
public sealed record MnemonicPart(string? Literal, string? Field, string? Enum);

public sealed record InstructionDef(
    int Opcode,
    string Mnemonic,
    IReadOnlyList<MnemonicPart> Parts,
    string Format,
    IReadOnlyList<OperandDef> Operands,
    string Group,
    IReadOnlyList<string> Doc,
    int Line)
{
    /// <summary>The C# name of the opcode, made unique by the parser (for example <c>AddU32</c>, <c>AddU32Imm</c>).</summary>
    public string Name { get; init; } = "";
}
