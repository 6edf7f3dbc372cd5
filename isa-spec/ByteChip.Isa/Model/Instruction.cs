namespace ByteChip.Isa;

/// <summary>
/// One decoded instruction: its opcode, its guard and the raw value of every operand field. Which fields
/// mean something is given by <see cref="Form"/>; unused fields are zero. This is the model that the
/// encoder, decoder, printer, parser and the device model share.
/// </summary>
public readonly record struct Instruction
{
    public Instruction(Opcode opcode, byte guard = Pred.TrueIndex, bool guardNegated = false)
    {
        Opcode = opcode;
        Guard = guard;
        GuardNegated = guardNegated;
    }

    public Opcode Opcode { get; init; }

    /// <summary>Guard predicate index; <see cref="Pred.TrueIndex"/> (PT) when unguarded.</summary>
    public byte Guard { get; init; }

    public bool GuardNegated { get; init; }

    public byte D { get; init; }

    public byte A { get; init; }

    public byte B { get; init; }

    public byte C { get; init; }

    public byte E { get; init; }

    /// <summary>The modifier field (comparison, rounding, scope) of the forms that have one.</summary>
    public byte M { get; init; }

    public byte Pd { get; init; }

    public byte Pa { get; init; }

    public byte Pb { get; init; }

    /// <summary>The 32-bit immediate: a constant, memory offset or branch offset in words.</summary>
    public uint Imm { get; init; }

    /// <summary>The spec's description of this opcode (throws for an opcode the spec does not define).</summary>
    public InstructionForm Form => InstructionTable.Of(Opcode);

    public bool IsGuarded => Guard != Pred.TrueIndex || GuardNegated;

    public Instruction WithGuard(Pred predicate, bool negated = false) => this with { Guard = predicate.Index, GuardNegated = negated };

    public override string ToString() => InstructionPrinter.Print(this, 0);
}
