using System.Runtime.InteropServices;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// One instruction decoded once at module load into the form the interpreter wants: register operands
/// as offsets into the warp's lane-contiguous register file (row * 32), predicate operands as indices
/// into the warp's predicate masks, branch targets as instruction indices.
/// </summary>
/// <remarks>
/// RZ read as a source maps to always-zero rows, RZ as a destination to discard rows, and PT as a
/// destination to a discard predicate, so the interpreter never tests for them.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct Uop
{
    /// <summary>The opcode; <see cref="Opcode.Illegal"/> for words that fault when executed.</summary>
    public Opcode Op;

    /// <summary>Guard predicate index (7 = PT).</summary>
    public byte Guard;

    /// <summary>Whether the guard is negated.</summary>
    public bool GuardNegated;

    /// <summary>Modifier field (comparison, rounding, fence scope).</summary>
    public byte M;

    /// <summary>Predicate operands (index into the predicate masks; 8 = discard).</summary>
    public byte Pd, Pa, Pb;

    /// <summary>Operand fields: register row offsets, or predicate indices for predicate-kind fields.</summary>
    public int D, A, B, C, E;

    /// <summary>The immediate.</summary>
    public uint Imm;

    /// <summary>Branch target as an instruction index; -1 when the target is outside the kernel.</summary>
    public int Target;

    /// <summary>Why the word is illegal (for <see cref="Opcode.Illegal"/>).</summary>
    public IllegalReason Illegal;
}

/// <summary>Why an instruction word faults when it is executed.</summary>
internal enum IllegalReason : byte
{
    None,
    Undecodable,
    Unsupported,
    PastEnd,
}
