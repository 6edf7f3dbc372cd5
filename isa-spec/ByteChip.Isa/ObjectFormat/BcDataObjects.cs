namespace ByteChip.Isa.ObjectFormat;

/// <summary>What a relocation writes. The value is always S + A: the target symbol's device address plus the addend.</summary>
public enum BcRelocationKind
{
    /// <summary>In kernel code: low 32 bits of S + A into the instruction's 32-bit immediate (bits 32..63).</summary>
    ImmLo32 = 1,

    /// <summary>In kernel code: high 32 bits of S + A into the instruction's 32-bit immediate (bits 32..63).</summary>
    ImmHi32 = 2,

    /// <summary>In a global's initializer: S + A as a 64-bit little-endian pointer.</summary>
    Abs64 = 3,
}

/// <summary>
/// A place the loader patches with the address of a global or constant symbol.
/// In <see cref="BcKernel.Relocations"/>, <paramref name="Offset"/> is an instruction index and the kind is
/// <see cref="BcRelocationKind.ImmLo32"/> or <see cref="BcRelocationKind.ImmHi32"/>; in
/// <see cref="BcGlobal.Relocations"/>, it is a byte offset inside the global and the kind is <see cref="BcRelocationKind.Abs64"/>.
/// </summary>
/// <param name="Kind">What is written.</param>
/// <param name="Offset">Instruction index (code) or byte offset within the global (data).</param>
/// <param name="Symbol">Name of the global or constant whose address is taken.</param>
/// <param name="Addend">Added to the symbol's address.</param>
public sealed record BcRelocation(BcRelocationKind Kind, ulong Offset, string Symbol, long Addend = 0);

/// <summary>A named object in the <c>__constant__</c> segment (<see cref="BcModule.ConstantData"/>).</summary>
/// <param name="Name">Symbol name.</param>
/// <param name="Offset">Byte offset in the constant segment; a multiple of <paramref name="Alignment"/>.</param>
/// <param name="Size">Size in bytes; the object lies inside the segment.</param>
/// <param name="Alignment">Alignment in bytes, a power of two.</param>
public sealed record BcConstant(string Name, ulong Offset, ulong Size, uint Alignment);

/// <summary>
/// A device global (<c>__device__</c> variable). With an <see cref="Initializer"/> it lives in <c>.data</c>,
/// without one it is zero-filled and lives in <c>.bss</c>; <see cref="Offset"/> is relative to that section.
/// </summary>
public sealed record BcGlobal
{
    private readonly byte[]? _initializer;
    private readonly IReadOnlyList<byte>? _initializerView;
    private readonly IReadOnlyList<BcRelocation> _relocations = [];

    /// <summary>Symbol name.</summary>
    public required string Name { get; init; }

    /// <summary>Byte offset in <c>.data</c> (initialized) or <c>.bss</c> (zero-filled); a multiple of <see cref="Alignment"/>.</summary>
    public required ulong Offset { get; init; }

    /// <summary>Size in bytes. An initializer has exactly this length.</summary>
    public required ulong Size { get; init; }

    /// <summary>Alignment in bytes, a power of two.</summary>
    public uint Alignment { get; init; } = 1;

    /// <summary>The initial bytes (exactly <see cref="Size"/> of them), or null for a zero-filled global. Copied on construction.</summary>
    public IReadOnlyList<byte>? Initializer
    {
        get => _initializerView;
        init
        {
            _initializer = value is null ? null : [.. value];
            _initializerView = _initializer is null ? null : Array.AsReadOnly(_initializer);
        }
    }

    /// <summary>The initial bytes as a span; empty for a zero-filled global.</summary>
    public ReadOnlySpan<byte> InitializerSpan => _initializer;

    /// <summary>Pointers to other globals or constants inside the initializer (kind <see cref="BcRelocationKind.Abs64"/>).</summary>
    public IReadOnlyList<BcRelocation> Relocations { get => _relocations; init => _relocations = ValueEquality.Freeze(value); }

    /// <summary>Whether the global is zero-filled (lives in <c>.bss</c>).</summary>
    public bool IsZeroFilled => _initializer is null;

    /// <inheritdoc/>
    public bool Equals(BcGlobal? other) =>
        other is not null
        && Name == other.Name
        && Offset == other.Offset
        && Size == other.Size
        && Alignment == other.Alignment
        && (_initializer is null) == (other._initializer is null)
        && _initializer.AsSpan().SequenceEqual(other._initializer)
        && ValueEquality.Equal(_relocations, other._relocations);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Offset, Size, Alignment, _initializer is null);
}
