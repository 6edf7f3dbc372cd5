using System.Runtime.InteropServices;

namespace ByteChip.Runtime;

/// <summary>
/// A named device global or constant of a module. <see cref="Address"/> is a global's device address (pass
/// it as a pointer argument) or a constant's offset in the constant segment. Reads and writes are bounds-checked.
/// </summary>
public sealed class DeviceSymbol
{
    private readonly Module _module;
    private readonly byte[] _storage;
    private readonly int _offset;

    internal DeviceSymbol(Module module, string name, ulong address, byte[] storage, int offset, int size, bool isConstant)
    {
        _module = module;
        Name = name;
        Address = address;
        _storage = storage;
        _offset = offset;
        Size = size;
        IsConstant = isConstant;
    }

    /// <summary>The symbol's name.</summary>
    public string Name { get; }

    /// <summary>Device address (globals) or constant-segment offset (constants).</summary>
    public ulong Address { get; }

    /// <summary>Size in bytes.</summary>
    public int Size { get; }

    /// <summary>Whether the symbol is in the constant segment.</summary>
    public bool IsConstant { get; }

    /// <summary>The address as a pointer argument (globals only).</summary>
    public DevicePointer Pointer => IsConstant
        ? throw new RuntimeException(RuntimeError.ArgumentMismatch, $"constant '{Name}' has no global address; kernels read it with ld.const")
        : new(Address);

    /// <summary>Copies host data into the symbol at byte offset <paramref name="byteOffset"/>.</summary>
    public void Write<T>(ReadOnlySpan<T> data, int byteOffset = 0) where T : unmanaged => MemoryMarshal.AsBytes(data).CopyTo(Slice(byteOffset, data.Length * Marshal.SizeOf<T>(), "write"));

    /// <summary>Copies the symbol's bytes from <paramref name="byteOffset"/> into host memory.</summary>
    public void Read<T>(Span<T> destination, int byteOffset = 0) where T : unmanaged => Slice(byteOffset, destination.Length * Marshal.SizeOf<T>(), "read").CopyTo(MemoryMarshal.AsBytes(destination));

    /// <summary>Writes one value at the start of the symbol.</summary>
    public void Set<T>(T value) where T : unmanaged => Write<T>([value]);

    /// <summary>Reads one value from the start of the symbol.</summary>
    public T Get<T>() where T : unmanaged
    {
        Span<T> one = stackalloc T[1];
        Read(one);
        return one[0];
    }

    private Span<byte> Slice(int byteOffset, int bytes, string what)
    {
        _module.ThrowIfDisposed();
        if (byteOffset < 0 || bytes < 0 || byteOffset + bytes > Size)
        {
            throw new RuntimeException(RuntimeError.CopyOutOfBounds, $"{what} of {bytes} bytes at offset {byteOffset} is outside '{Name}' ({Size} bytes)");
        }
        return _storage.AsSpan(_offset + byteOffset, bytes);
    }
}
