namespace ByteChip.Isa.ObjectFormat;

/// <summary>How a kernel parameter is passed.</summary>
public enum BcParameterKind : byte
{
    /// <summary>A value copied into the parameter buffer (scalars, structs).</summary>
    Value = 0,

    /// <summary>A pointer into the address space named by <see cref="BcParameter.AddressSpace"/>.</summary>
    Pointer = 1,
}

/// <summary>The memory a pointer parameter points into. <see cref="None"/> for value parameters.</summary>
public enum BcAddressSpace : byte
{
    /// <summary>Not a pointer.</summary>
    None = 0,

    /// <summary>Generic address covering global, shared, local and constant memory.</summary>
    Generic = 1,

    /// <summary>Device global memory.</summary>
    Global = 2,

    /// <summary>Per-block shared memory.</summary>
    Shared = 3,

    /// <summary>Per-thread local memory.</summary>
    Local = 4,

    /// <summary>The read-only <c>__constant__</c> segment.</summary>
    Constant = 5,
}

/// <summary>One kernel parameter: where it sits in the parameter buffer and what it is.</summary>
/// <param name="Name">The parameter's source name (may be empty for unnamed parameters).</param>
/// <param name="Offset">Byte offset in the parameter buffer; a multiple of <paramref name="Alignment"/>.</param>
/// <param name="Size">Size in bytes (at least 1).</param>
/// <param name="Alignment">Alignment in bytes, a power of two.</param>
/// <param name="Kind">Value or pointer.</param>
/// <param name="AddressSpace">For pointers, the memory pointed into; <see cref="BcAddressSpace.None"/> for values.</param>
public sealed record BcParameter(
    string Name,
    uint Offset,
    uint Size,
    uint Alignment,
    BcParameterKind Kind = BcParameterKind.Value,
    BcAddressSpace AddressSpace = BcAddressSpace.None);

/// <summary>One line-table row: instructions from <paramref name="InstructionIndex"/> up to the next row come from this source position.</summary>
/// <param name="InstructionIndex">Index of the first instruction word the row covers.</param>
/// <param name="FileIndex">Index into <see cref="BcModule.SourceFiles"/>.</param>
/// <param name="Line">1-based source line.</param>
/// <param name="Column">1-based source column (0 when unknown).</param>
public sealed record BcLineEntry(uint InstructionIndex, uint FileIndex, uint Line, uint Column);

/// <summary>
/// One kernel: its code as 64-bit instruction words, its parameter layout and resource use,
/// relocations into its code and its line table.
/// </summary>
public sealed record BcKernel
{
    private readonly ulong[] _code = [];
    private readonly IReadOnlyList<ulong> _codeView = Array.AsReadOnly(Array.Empty<ulong>());
    private readonly IReadOnlyList<BcParameter> _parameters = [];
    private readonly IReadOnlyList<BcRelocation> _relocations = [];
    private readonly IReadOnlyList<BcLineEntry> _lines = [];

    /// <summary>The source name as written: <c>saxpy</c>, <c>reduce&lt;256&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The mangled symbol name, or null when the kernel is <c>extern "C"</c>. The ELF symbol is this name when present, else <see cref="Name"/>.</summary>
    public string? MangledName { get; init; }

    /// <summary>The instruction words, little-endian in the file. Takes a <c>ulong[]</c> or a collection expression; copied on construction.</summary>
    public required IReadOnlyList<ulong> Code
    {
        get => _codeView;
        init
        {
            _code = [.. value];
            _codeView = Array.AsReadOnly(_code);
        }
    }

    /// <summary>The instruction words as a span, for decoders and loaders.</summary>
    public ReadOnlySpan<ulong> CodeSpan => _code;

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<BcParameter> Parameters { get => _parameters; init => _parameters = ValueEquality.Freeze(value); }

    /// <summary>32-bit general registers each thread uses.</summary>
    public uint RegistersPerThread { get; init; }

    /// <summary>Predicate registers the kernel uses.</summary>
    public uint PredicatesUsed { get; init; }

    /// <summary>Bytes of statically sized <c>__shared__</c> memory per block.</summary>
    public uint StaticSharedBytes { get; init; }

    /// <summary>Bytes of local (stack and spill) memory per thread.</summary>
    public uint LocalBytesPerThread { get; init; }

    /// <summary>The kernel's launch bound on threads per block; 0 means the target's maximum.</summary>
    public uint MaxThreadsPerBlock { get; init; }

    /// <summary>Whether the kernel uses <c>extern __shared__</c> memory sized at launch.</summary>
    public bool UsesDynamicShared { get; init; }

    /// <summary>Relocations into this kernel's code: <see cref="BcRelocation.Offset"/> is an instruction index.</summary>
    public IReadOnlyList<BcRelocation> Relocations { get => _relocations; init => _relocations = ValueEquality.Freeze(value); }

    /// <summary>Line-table rows, strictly increasing by instruction index.</summary>
    public IReadOnlyList<BcLineEntry> Lines { get => _lines; init => _lines = ValueEquality.Freeze(value); }

    /// <summary>The name of the kernel's ELF symbol and text section suffix.</summary>
    public string SymbolName => MangledName ?? Name;

    /// <summary>The size of the code in bytes.</summary>
    public ulong CodeBytes => (ulong)_code.Length * 8;

    /// <summary>The line-table row covering an instruction, or null when none does.</summary>
    public BcLineEntry? FindLine(uint instructionIndex)
    {
        int lo = 0, hi = _lines.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (_lines[mid].InstructionIndex <= instructionIndex)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : _lines[found];
    }

    /// <inheritdoc/>
    public bool Equals(BcKernel? other) =>
        other is not null
        && Name == other.Name
        && MangledName == other.MangledName
        && _code.AsSpan().SequenceEqual(other._code)
        && ValueEquality.Equal(_parameters, other._parameters)
        && RegistersPerThread == other.RegistersPerThread
        && PredicatesUsed == other.PredicatesUsed
        && StaticSharedBytes == other.StaticSharedBytes
        && LocalBytesPerThread == other.LocalBytesPerThread
        && MaxThreadsPerBlock == other.MaxThreadsPerBlock
        && UsesDynamicShared == other.UsesDynamicShared
        && ValueEquality.Equal(_relocations, other._relocations)
        && ValueEquality.Equal(_lines, other._lines);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Name, MangledName, ValueEquality.Hash<ulong>(_code), ValueEquality.Hash(_parameters), RegistersPerThread, StaticSharedBytes, ValueEquality.Hash(_lines));
}
