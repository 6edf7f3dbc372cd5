using System.Text;

namespace ByteChip.Isa.ObjectFormat;

/// <summary>
/// The rules every <see cref="BcModule"/> obeys. The writer refuses a model that breaks one, and the reader
/// checks the model it built, so a file that reads is one the writer could have produced.
/// </summary>
public static class BcModuleValidator
{
    /// <summary>Most kernels in one module (each takes up to two ELF sections of the 16-bit section index space).</summary>
    public const int MaxKernels = 16_000;

    /// <summary>Largest <c>.data</c> or <c>__constant__</c> segment, in bytes.</summary>
    public const ulong MaxSegmentBytes = 1UL << 30;

    /// <summary>Largest <c>.bss</c> segment, in bytes.</summary>
    public const ulong MaxZeroFillBytes = 1UL << 48;

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks the module; throws <see cref="BcFormatException"/> (BC62xx) naming the first broken rule.</summary>
    public static void Validate(BcModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!Enum.IsDefined(module.Target))
        {
            throw Fail(BcFormatError.UnknownTarget, $"unknown target {(int)module.Target}");
        }

        if (module.Kernels.Count > MaxKernels)
        {
            throw Fail(BcFormatError.LimitExceeded, $"{module.Kernels.Count} kernels; at most {MaxKernels} fit in one module");
        }

        for (int i = 0; i < module.SourceFiles.Count; i++)
        {
            CheckName(module.SourceFiles[i], $"source file #{i}", allowEmpty: false);
        }

        var symbols = CheckNames(module);
        CheckConstants(module);
        CheckGlobals(module, symbols);
        foreach (var kernel in module.Kernels)
        {
            CheckKernel(module, kernel, symbols);
        }
    }

    /// <summary>Checks that a name can be stored: no NUL, valid UTF-16, and non-empty unless allowed.</summary>
    internal static void CheckName(string? name, string what, bool allowEmpty)
    {
        if (name is null || (name.Length == 0 && !allowEmpty))
        {
            throw Fail(BcFormatError.InvalidName, $"{what} has an empty name");
        }

        if (name.Contains('\0'))
        {
            throw Fail(BcFormatError.InvalidName, $"{what} name contains NUL");
        }

        try
        {
            _ = _strictUtf8.GetByteCount(name);
        }
        catch (EncoderFallbackException)
        {
            throw Fail(BcFormatError.InvalidName, $"{what} name is not valid Unicode (unpaired surrogate)");
        }
    }

    internal static bool IsPowerOfTwo(ulong value) => value != 0 && (value & (value - 1)) == 0;

    /// <summary>Whether [offset, offset + size) fits in [0, limit), without overflow.</summary>
    internal static bool Fits(ulong offset, ulong size, ulong limit) => offset <= limit && size <= limit - offset;

    private static Dictionary<string, BcSymbolKind> CheckNames(BcModule module)
    {
        // One namespace for kernel source names, mangled names, constants and globals, so lookup by name is unambiguous.
        var owners = new Dictionary<string, object>(StringComparer.Ordinal);
        var symbols = new Dictionary<string, BcSymbolKind>(StringComparer.Ordinal);
        void Claim(string name, object owner, string what)
        {
            if (owners.TryGetValue(name, out var existing) && !ReferenceEquals(existing, owner))
            {
                throw Fail(BcFormatError.DuplicateName, $"{what} '{name}' has the same name as another kernel, constant or global");
            }

            owners[name] = owner;
        }

        foreach (var kernel in module.Kernels)
        {
            CheckName(kernel.Name, "kernel", allowEmpty: false);
            Claim(kernel.Name, kernel, "kernel");
            if (kernel.MangledName is { } mangled)
            {
                CheckName(mangled, $"kernel '{kernel.Name}' mangled", allowEmpty: false);
                Claim(mangled, kernel, "kernel mangled name");
            }
        }

        foreach (var constant in module.Constants)
        {
            CheckName(constant.Name, "constant", allowEmpty: false);
            Claim(constant.Name, constant, "constant");
            symbols[constant.Name] = BcSymbolKind.Constant;
        }

        foreach (var global in module.Globals)
        {
            CheckName(global.Name, "global", allowEmpty: false);
            Claim(global.Name, global, "global");
            symbols[global.Name] = BcSymbolKind.Global;
        }

        return symbols;
    }

    private static void CheckConstants(BcModule module)
    {
        ulong length = (ulong)module.ConstantData.Length;
        if (length > MaxSegmentBytes)
        {
            throw Fail(BcFormatError.LimitExceeded, $"constant segment of {length} bytes exceeds {MaxSegmentBytes}");
        }

        foreach (var constant in module.Constants)
        {
            CheckPlacement($"constant '{constant.Name}'", constant.Offset, constant.Alignment);
            if (!Fits(constant.Offset, constant.Size, length))
            {
                throw Fail(BcFormatError.BadObjectExtent, $"constant '{constant.Name}' at {constant.Offset} size {constant.Size} lies outside the {length}-byte constant segment");
            }
        }

        CheckOverlaps("constant", module.Constants.Select(c => (c.Name, c.Offset, c.Size)));
    }

    private static void CheckGlobals(BcModule module, Dictionary<string, BcSymbolKind> symbols)
    {
        foreach (var global in module.Globals)
        {
            string what = $"global '{global.Name}'";
            CheckPlacement(what, global.Offset, global.Alignment);
            ulong limit = global.IsZeroFilled ? MaxZeroFillBytes : MaxSegmentBytes;
            if (!Fits(global.Offset, global.Size, limit))
            {
                throw Fail(BcFormatError.BadObjectExtent, $"{what} at {global.Offset} size {global.Size} exceeds the {limit}-byte segment limit");
            }

            if (global.Initializer is { } init && (ulong)init.Count != global.Size)
            {
                throw Fail(BcFormatError.BadInitializer, $"{what} has size {global.Size} but a {init.Count}-byte initializer");
            }

            foreach (var reloc in global.Relocations)
            {
                if (global.IsZeroFilled)
                {
                    throw Fail(BcFormatError.BadRelocationSite, $"{what} is zero-filled but has a relocation; give it an initializer");
                }

                if (reloc.Kind != BcRelocationKind.Abs64 || !Fits(reloc.Offset, 8, global.Size))
                {
                    throw Fail(BcFormatError.BadRelocationSite, $"{what}: relocation {reloc.Kind} at byte {reloc.Offset} must be Abs64 with 8 bytes inside the global");
                }

                CheckTarget(what, reloc, symbols);
            }
        }

        CheckOverlaps(".data global", module.Globals.Where(g => !g.IsZeroFilled).Select(g => (g.Name, g.Offset, g.Size)));
        CheckOverlaps(".bss global", module.Globals.Where(g => g.IsZeroFilled).Select(g => (g.Name, g.Offset, g.Size)));
    }

    private static void CheckKernel(BcModule module, BcKernel kernel, Dictionary<string, BcSymbolKind> symbols)
    {
        string what = $"kernel '{kernel.Name}'";
        foreach (var p in kernel.Parameters)
        {
            CheckName(p.Name, $"{what} parameter", allowEmpty: true);
            string param = $"{what} parameter '{p.Name}'";
            if (p.Size == 0 || !IsPowerOfTwo(p.Alignment) || p.Offset % p.Alignment != 0 || !Fits(p.Offset, p.Size, uint.MaxValue))
            {
                throw Fail(BcFormatError.BadParameter, $"{param}: offset {p.Offset}, size {p.Size}, alignment {p.Alignment} is not a valid placement");
            }

            bool kindOk = p.Kind switch
            {
                BcParameterKind.Value => p.AddressSpace == BcAddressSpace.None,
                BcParameterKind.Pointer => p.AddressSpace != BcAddressSpace.None && Enum.IsDefined(p.AddressSpace),
                _ => false,
            };
            if (!kindOk)
            {
                throw Fail(BcFormatError.BadParameter, $"{param}: kind {p.Kind} with address space {p.AddressSpace} (values have none, pointers need one)");
            }
        }

        try
        {
            CheckOverlaps($"{what} parameter", kernel.Parameters.Select(p => (p.Name, (ulong)p.Offset, (ulong)p.Size)));
        }
        catch (BcFormatException e)
        {
            throw Fail(BcFormatError.BadParameter, e.Detail);
        }

        ulong count = (ulong)kernel.CodeSpan.Length;
        foreach (var reloc in kernel.Relocations)
        {
            if (reloc.Kind is not (BcRelocationKind.ImmLo32 or BcRelocationKind.ImmHi32) || reloc.Offset >= count)
            {
                throw Fail(BcFormatError.BadRelocationSite, $"{what}: relocation {reloc.Kind} at instruction {reloc.Offset} must be ImmLo32/ImmHi32 inside the {count}-instruction code");
            }

            CheckTarget(what, reloc, symbols);
        }

        long previous = -1;
        foreach (var row in kernel.Lines)
        {
            if (row.InstructionIndex <= previous || row.InstructionIndex >= count)
            {
                throw Fail(BcFormatError.BadLineEntry, $"{what}: line row at instruction {row.InstructionIndex} is out of order or outside the {count}-instruction code");
            }

            if (row.FileIndex >= module.SourceFiles.Count || row.Line == 0)
            {
                throw Fail(BcFormatError.BadLineEntry, $"{what}: line row at instruction {row.InstructionIndex} names file #{row.FileIndex} line {row.Line}; there are {module.SourceFiles.Count} files and lines start at 1");
            }

            previous = row.InstructionIndex;
        }
    }

    private static void CheckTarget(string what, BcRelocation reloc, Dictionary<string, BcSymbolKind> symbols)
    {
        if (reloc.Symbol is null || !symbols.ContainsKey(reloc.Symbol))
        {
            throw Fail(BcFormatError.BadRelocationSite, $"{what}: relocation at {reloc.Offset} refers to '{reloc.Symbol}', which is no global or constant of the module");
        }
    }

    private static void CheckPlacement(string what, ulong offset, uint alignment)
    {
        if (!IsPowerOfTwo(alignment) || offset % alignment != 0)
        {
            throw Fail(BcFormatError.BadAlignment, $"{what}: alignment {alignment} must be a power of two dividing offset {offset}");
        }
    }

    private static void CheckOverlaps(string what, IEnumerable<(string Name, ulong Offset, ulong Size)> objects)
    {
        var sorted = objects.Where(o => o.Size != 0).OrderBy(o => o.Offset).ToList();
        for (int i = 1; i < sorted.Count; i++)
        {
            var (prev, cur) = (sorted[i - 1], sorted[i]);
            if (cur.Offset - prev.Offset < prev.Size)
            {
                throw Fail(BcFormatError.BadObjectExtent, $"{what} '{cur.Name}' at {cur.Offset} overlaps '{prev.Name}' at {prev.Offset} (size {prev.Size})");
            }
        }
    }

    private static BcFormatException Fail(BcFormatError error, string message) => new(error, message);
}
