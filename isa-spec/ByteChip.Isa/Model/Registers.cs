namespace ByteChip.Isa;

/// <summary>A general register index (R0..R254, RZ = 255). Pairs and quads are named by their first register.</summary>
public readonly record struct Reg(byte Index)
{
    public const byte ZeroIndex = 255;

    public static Reg RZ { get; } = new(ZeroIndex);

    public bool IsZero => Index == ZeroIndex;

    public static Reg R(int index) => index is >= 0 and < ZeroIndex ? new((byte)index) : throw new ArgumentOutOfRangeException(nameof(index), index, "general registers are R0..R254");

    public override string ToString() => IsZero ? "RZ" : $"R{Index}";
}

/// <summary>A predicate register index (P0..P6, PT = 7).</summary>
public readonly record struct Pred(byte Index)
{
    public const byte TrueIndex = 7;

    public static Pred PT { get; } = new(TrueIndex);

    public bool IsTrue => Index == TrueIndex;

    public static Pred P(int index) => index is >= 0 and < TrueIndex ? new((byte)index) : throw new ArgumentOutOfRangeException(nameof(index), index, "predicates are P0..P6");

    public override string ToString() => IsTrue ? "PT" : $"P{Index}";
}
