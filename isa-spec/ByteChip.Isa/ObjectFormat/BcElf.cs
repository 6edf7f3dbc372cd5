namespace ByteChip.Isa.ObjectFormat;

/// <summary>
/// The fixed numbers of the <c>.bcbin</c> ELF container: machine value, header flags, format versions,
/// relocation types and the names of the sections. <c>isa-spec/docs/binary-format.md</c> documents each.
/// </summary>
public static class BcElf
{
    /// <summary><c>e_machine</c> of every <c>.bcbin</c>: 0xBC01, far outside the range assigned by the ELF registry.</summary>
    public const ushort Machine = 0xBC01;

    /// <summary><c>e_type</c>: ET_REL. Nothing has an address yet; the loader places every section and applies the relocations.</summary>
    public const ushort FileType = 1;

    /// <summary>The container format version, stored in bits 16..23 of <c>e_flags</c>.</summary>
    public const uint FormatVersion = 1;

    /// <summary>Version of the records in <c>.bc.kernels</c>, <c>.bc.objects</c> and <c>.bc.lines</c>.</summary>
    public const uint MetadataVersion = 1;

    /// <summary><c>e_flags</c> target field (bits 0..15) for <see cref="TargetArch.N4"/>.</summary>
    public const uint TargetFlagsN4 = 0x400;

    /// <summary><c>e_flags</c> target field (bits 0..15) for <see cref="TargetArch.N5"/>.</summary>
    public const uint TargetFlagsN5 = 0x500;

    /// <summary>Mask of the target field in <c>e_flags</c>.</summary>
    public const uint TargetFlagsMask = 0xFFFF;

    /// <summary>Shift of the format version field (8 bits) in <c>e_flags</c>.</summary>
    public const int FormatVersionShift = 16;

    /// <summary>The whole <c>e_flags</c> value for a target at the current format version.</summary>
    public static uint HeaderFlags(TargetArch target) => TargetFlags(target) | (FormatVersion << FormatVersionShift);

    /// <summary>The target field of <c>e_flags</c> for a target.</summary>
    public static uint TargetFlags(TargetArch target) => target switch
    {
        TargetArch.N4 => TargetFlagsN4,
        TargetArch.N5 => TargetFlagsN5,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "unknown ByteChip target"),
    };

    /// <summary>Relocation type R_BYTECHIP_NONE (never written; rejected by the reader).</summary>
    public const uint RelocNone = 0;

    /// <summary>Relocation type R_BYTECHIP_IMM_LO32: low 32 bits of S + A into bits 32..63 of the instruction word.</summary>
    public const uint RelocImmLo32 = 1;

    /// <summary>Relocation type R_BYTECHIP_IMM_HI32: high 32 bits of S + A into bits 32..63 of the instruction word.</summary>
    public const uint RelocImmHi32 = 2;

    /// <summary>Relocation type R_BYTECHIP_ABS64: S + A as a 64-bit little-endian value in a global's initializer.</summary>
    public const uint RelocAbs64 = 3;

    /// <summary>Prefix of the per-kernel text sections; the kernel's symbol name follows.</summary>
    public const string TextSectionPrefix = ".text.";

    /// <summary>Name of the kernel metadata section.</summary>
    public const string KernelsSection = ".bc.kernels";

    /// <summary>Name of the data object metadata section (alignment of each global and constant).</summary>
    public const string ObjectsSection = ".bc.objects";

    /// <summary>Name of the line table section.</summary>
    public const string LinesSection = ".bc.lines";

    /// <summary>Name of the <c>__constant__</c> segment.</summary>
    public const string ConstSection = ".bc.const";

    /// <summary>Name of the section of initialized device globals.</summary>
    public const string DataSection = ".data";

    /// <summary>Name of the section of zero-filled device globals.</summary>
    public const string BssSection = ".bss";
}
