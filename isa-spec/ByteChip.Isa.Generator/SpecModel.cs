namespace ByteChip.Isa.Generator;

/// <summary>The whole ISA as read from <c>bytechip.isa</c>, after validation.</summary>
public sealed record IsaSpec(
    string Name,
    int Version,
    IReadOnlyList<FeatureDef> Features,
    IReadOnlyList<LatencyClassDef> LatencyClasses,
    IReadOnlyList<TargetDef> Targets,
    IReadOnlyList<EnumDef> Enums,
    IReadOnlyList<SpecialRegisterDef> SpecialRegisters,
    IReadOnlyList<FormatDef> Formats,
    IReadOnlyList<GroupDef> Groups,
    IReadOnlyList<InstructionDef> Instructions);

public sealed record FeatureDef(string Name, string Description);

public sealed record TargetLimit(string Key, long Value, string Description);

/// <summary>A latency class: the instructions it covers and what its figure measures.</summary>
public sealed record LatencyClassDef(string Name, string Description, int Line);

/// <summary>A target's figure for a latency class: cycles from issue until a dependent instruction may issue.</summary>
public sealed record TargetLatency(string Class, int Cycles, string Note, int Line);

public sealed record TargetDef(string Name, int Code, string Title, IReadOnlyList<TargetLimit> Limits, IReadOnlyList<string> Features, IReadOnlyList<TargetLatency> Latencies)
{
    public int? LatencyOf(string latencyClass) => Latencies.FirstOrDefault(l => l.Class == latencyClass)?.Cycles;
}

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

/// <summary>An instruction group; <paramref name="LatencyClass"/> is the default class of its instructions (null when none is given).</summary>
public sealed record GroupDef(string Name, string Feature, string Title, IReadOnlyList<string> Doc, string? LatencyClass = null, int Line = 0);

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
    /// <summary>The instruction's own latency class, overriding its group's (null when it has none).</summary>
    public string? LatencyOverride { get; init; }

    /// <summary>The latency class in effect: the instruction's own, else its group's (set by the parser; null when neither gives one).</summary>
    public string? LatencyClass { get; init; }

    /// <summary>The C# name of the opcode, made unique by the parser (for example <c>AddU32</c>, <c>AddU32Imm</c>).</summary>
    public string Name { get; init; } = "";
}
