using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime.DeviceModel;

namespace ByteChip.Runtime;

/// <summary>
/// A module loaded on a device: its kernels (decoded once here), its device globals (allocated in global
/// memory, initialized, relocated) and its constant segment. Disposing it frees the globals.
/// </summary>
public sealed class Module : IDisposable
{
    private readonly Dictionary<string, DeviceAllocation> _globals = new(StringComparer.Ordinal);
    private readonly List<Kernel> _kernels = [];
    private bool _disposed;

    internal Module(Device device, BcModule image)
    {
        Device = device;
        Image = image;
        var arch = image.Target == TargetArch.N4 ? "n4" : "n5";
        if (!string.Equals(arch, device.Target.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new RuntimeException(RuntimeError.TargetMismatch, $"the module is built for {arch}, the device is {device.Target.Name}");
        }
        if (image.ConstantData.Length > device.Target.ConstantBytes)
        {
            throw new RuntimeException(RuntimeError.ResourceLimit, $"the module's constant segment has {image.ConstantData.Length} bytes, the target allows {device.Target.ConstantBytes}");
        }
        Constants = image.ConstantData.ToArray();
        try
        {
            foreach (var g in image.Globals)
            {
                var alloc = device.Memory.Allocate((long)g.Size, $"device global '{g.Name}'");
                g.InitializerSpan.CopyTo(alloc.Data);
                _globals[g.Name] = alloc;
            }
            foreach (var g in image.Globals)
            {
                foreach (var reloc in g.Relocations)
                {
                    BitConverter.TryWriteBytes(_globals[g.Name].Data.AsSpan((int)reloc.Offset, 8), Resolve(reloc));
                }
            }
            foreach (var k in image.Kernels)
            {
                _kernels.Add(new Kernel(this, new KernelImage(k, image, device.Target, Resolve)));
            }
        }
        catch
        {
            FreeGlobals();
            throw;
        }
    }

    /// <summary>The device the module is loaded on.</summary>
    public Device Device { get; }

    /// <summary>The module as read from its binary.</summary>
    public BcModule Image { get; }

    /// <summary>The kernels in file order.</summary>
    public IReadOnlyList<Kernel> Kernels => _kernels;

    /// <summary>The module's constant segment (read by <c>ld.const</c>); written through <see cref="GetConstant"/>.</summary>
    internal byte[] Constants { get; }

    /// <summary>
    /// Finds a kernel as the source names it (<c>saxpy</c>, a template instance <c>reduce&lt;256&gt;</c>) or by its
    /// mangled symbol; throws <see cref="RuntimeError.SymbolNotFound"/> listing the kernels there are.
    /// </summary>
    public Kernel GetKernel(string name)
    {
        ThrowIfDisposed();
        return TryGetKernel(name, out var kernel)
            ? kernel
            : throw new RuntimeException(RuntimeError.SymbolNotFound, $"no kernel '{name}' in the module (kernels: {string.Join(", ", _kernels.Select(k => k.Name))})");
    }

    /// <summary>Finds a kernel by source or mangled name.</summary>
    public bool TryGetKernel(string name, out Kernel kernel)
    {
        kernel = _kernels.FirstOrDefault(k => k.Name == name) ?? _kernels.FirstOrDefault(k => k.MangledName == name)!;
        return kernel is not null;
    }

    /// <summary>A device global (<c>__device__</c> variable) by name.</summary>
    public DeviceSymbol GetGlobal(string name)
    {
        ThrowIfDisposed();
        var g = Image.FindGlobal(name) ?? throw new RuntimeException(RuntimeError.SymbolNotFound,
            $"no device global '{name}' in the module (globals: {string.Join(", ", Image.Globals.Select(x => x.Name))})");
        var alloc = _globals[g.Name];
        return new DeviceSymbol(this, name, alloc.Address, alloc.Data, 0, (int)g.Size, isConstant: false);
    }

    /// <summary>A <c>__constant__</c> object by name; its address is its offset in the constant segment.</summary>
    public DeviceSymbol GetConstant(string name)
    {
        ThrowIfDisposed();
        var c = Image.FindConstant(name) ?? throw new RuntimeException(RuntimeError.SymbolNotFound,
            $"no constant '{name}' in the module (constants: {string.Join(", ", Image.Constants.Select(x => x.Name))})");
        return new DeviceSymbol(this, name, c.Offset, Constants, (int)c.Offset, (int)c.Size, isConstant: true);
    }

    /// <summary>
    /// The value a relocation writes: a global's device address or a constant's offset in the constant
    /// segment (what <c>ld.const</c> takes), plus the addend.
    /// </summary>
    private ulong Resolve(BcRelocation reloc)
    {
        if (_globals.TryGetValue(reloc.Symbol, out var alloc))
        {
            return alloc.Address + (ulong)reloc.Addend;
        }
        if (Image.FindConstant(reloc.Symbol) is { } c)
        {
            return c.Offset + (ulong)reloc.Addend;
        }
        throw new RuntimeException(RuntimeError.UnresolvedRelocation, $"relocation against unknown symbol '{reloc.Symbol}'");
    }

    internal void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new RuntimeException(RuntimeError.UseAfterFree, "the module was used after it was disposed");
        }
    }

    private void FreeGlobals()
    {
        foreach (var alloc in _globals.Values)
        {
            if (!alloc.Freed)
            {
                Device.Memory.Free(alloc);
            }
        }
    }

    /// <summary>Frees the module's globals; kernels of a disposed module cannot be launched.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            FreeGlobals();
            _disposed = true;
        }
    }
}
