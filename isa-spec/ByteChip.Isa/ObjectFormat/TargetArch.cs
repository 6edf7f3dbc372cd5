namespace ByteChip.Isa.ObjectFormat;

/// <summary>
/// The ByteChip part a binary is built for. Recorded in the ELF header flags
/// (<see cref="BcElf.TargetFlagsN4"/>, <see cref="BcElf.TargetFlagsN5"/>).
/// </summary>
public enum TargetArch
{
    /// <summary>The training part, built on TSMC N4.</summary>
    N4,

    /// <summary>The inference part, built on TSMC N5.</summary>
    N5,
}
