namespace ByteChip.Isa.ObjectFormat;

/// <summary>What a <see cref="BcSymbol"/> names.</summary>
public enum BcSymbolKind
{
    /// <summary>A kernel entry point (STT_FUNC in its own text section).</summary>
    Kernel,

    /// <summary>An object in the <c>__constant__</c> segment.</summary>
    Constant,

    /// <summary>A device global in <c>.data</c> (initialized) or <c>.bss</c> (zero-filled).</summary>
    Global,
}

/// <summary>One entry of the module's symbol table as the ELF file holds it.</summary>
/// <param name="Name">ELF symbol name (a kernel's mangled name when it has one).</param>
/// <param name="Kind">What the symbol names.</param>
/// <param name="Offset">Offset in its section (0 for kernels).</param>
/// <param name="Size">Size in bytes (code bytes for kernels).</param>
public sealed record BcSymbol(string Name, BcSymbolKind Kind, ulong Offset, ulong Size);

/// <summary>
/// A whole <c>.bcbin</c>: the target, its kernels, the <c>__constant__</c> segment with its symbols,
/// device globals, and the source files the line tables refer to. Write it with <see cref="BcModuleWriter"/>,
/// read it with <see cref="BcModuleReader"/>; <see cref="BcModuleValidator"/> states the rules both enforce.
/// </summary>
public sealed record BcModule
{
    private readonly IReadOnlyList<BcKernel> _kernels = [];
    private readonly ReadOnlyMemory<byte> _constantData = ReadOnlyMemory<byte>.Empty;
    private readonly IReadOnlyList<BcConstant> _constants = [];
    private readonly IReadOnlyList<BcGlobal> _globals = [];
    private readonly IReadOnlyList<string> _sourceFiles = [];

    /// <summary>The part the module is built for.</summary>
    public required TargetArch Target { get; init; }

    /// <summary>The kernels in file order.</summary>
    public IReadOnlyList<BcKernel> Kernels { get => _kernels; init => _kernels = ValueEquality.Freeze(value); }

    /// <summary>The bytes of the <c>__constant__</c> segment. Copied on construction.</summary>
    public ReadOnlyMemory<byte> ConstantData { get => _constantData; init => _constantData = ValueEquality.Freeze(value); }

    /// <summary>Named objects inside <see cref="ConstantData"/>.</summary>
    public IReadOnlyList<BcConstant> Constants { get => _constants; init => _constants = ValueEquality.Freeze(value); }

    /// <summary>Device globals, initialized and zero-filled.</summary>
    public IReadOnlyList<BcGlobal> Globals { get => _globals; init => _globals = ValueEquality.Freeze(value); }

    /// <summary>Source file names; line-table rows refer to them by index.</summary>
    public IReadOnlyList<string> SourceFiles { get => _sourceFiles; init => _sourceFiles = ValueEquality.Freeze(value); }

    /// <summary>
    /// The symbol table in file order: kernels, then constants, then globals.
    /// Every relocation refers to a constant or global by its name here.
    /// </summary>
    public IReadOnlyList<BcSymbol> Symbols
    {
        get
        {
            var symbols = new List<BcSymbol>(_kernels.Count + _constants.Count + _globals.Count);
            symbols.AddRange(_kernels.Select(k => new BcSymbol(k.SymbolName, BcSymbolKind.Kernel, 0, k.CodeBytes)));
            symbols.AddRange(_constants.Select(c => new BcSymbol(c.Name, BcSymbolKind.Constant, c.Offset, c.Size)));
            symbols.AddRange(_globals.Select(g => new BcSymbol(g.Name, BcSymbolKind.Global, g.Offset, g.Size)));
            return symbols;
        }
    }

    /// <summary>Finds a kernel by its source name (<c>reduce&lt;256&gt;</c>) or its mangled name.</summary>
    public BcKernel? FindKernel(string name) =>
        _kernels.FirstOrDefault(k => k.Name == name) ?? _kernels.FirstOrDefault(k => k.MangledName == name);

    /// <summary>Finds a device global by name.</summary>
    public BcGlobal? FindGlobal(string name) => _globals.FirstOrDefault(g => g.Name == name);

    /// <summary>Finds a constant symbol by name.</summary>
    public BcConstant? FindConstant(string name) => _constants.FirstOrDefault(c => c.Name == name);

    /// <inheritdoc/>
    public bool Equals(BcModule? other) =>
        other is not null
        && Target == other.Target
        && ValueEquality.Equal(_kernels, other._kernels)
        && ValueEquality.Equal(_constantData, other._constantData)
        && ValueEquality.Equal(_constants, other._constants)
        && ValueEquality.Equal(_globals, other._globals)
        && ValueEquality.Equal(_sourceFiles, other._sourceFiles);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Target, ValueEquality.Hash(_kernels), ValueEquality.Hash(_constants), ValueEquality.Hash(_globals), ValueEquality.Hash(_sourceFiles));
}
