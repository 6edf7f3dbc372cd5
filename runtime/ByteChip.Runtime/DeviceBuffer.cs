using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ByteChip.Runtime.DeviceModel;

namespace ByteChip.Runtime;

/// <summary>A raw device address, passed to pointer parameters.</summary>
public readonly record struct DevicePointer(ulong Address)
{
    /// <summary>The null pointer (every access through it faults).</summary>
    public static DevicePointer Null => default;

    /// <summary>A pointer <paramref name="bytes"/> further on.</summary>
    public DevicePointer Offset(long bytes) => new((ulong)((long)Address + bytes));

    /// <inheritdoc/>
    public override string ToString() => $"0x{Address:X}";
}

/// <summary>
/// Device global memory holding elements of one type. Passing a buffer as a kernel argument passes its
/// address. <see cref="Free"/> releases it and reports a second free; <see cref="Dispose"/> frees it if it
/// is still live. Any use after it was freed, including launching with it, throws <see cref="RuntimeError.UseAfterFree"/>.
/// </summary>
public abstract class DeviceBuffer : IDisposable
{
    private protected DeviceBuffer(Device device, DeviceAllocation allocation)
    {
        Device = device;
        Allocation = allocation;
    }

    /// <summary>The device the memory lives on.</summary>
    public Device Device { get; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes => Allocation.Data.LongLength;

    /// <summary>Whether the buffer was freed.</summary>
    public bool IsFreed => Allocation.Freed;

    /// <summary>The device address of the first byte.</summary>
    public DevicePointer Pointer
    {
        get
        {
            ThrowIfFreed();
            return new(Allocation.Address);
        }
    }

    /// <summary>The element type's size in bytes.</summary>
    public abstract int ElementSize { get; }

    internal DeviceAllocation Allocation { get; }

    /// <summary>Releases the memory; throws <see cref="RuntimeError.DoubleFree"/> if it was already released.</summary>
    public void Free() => Device.Memory.Free(Allocation);

    /// <summary>Releases the memory if it is still live.</summary>
    public void Dispose()
    {
        if (!Allocation.Freed)
        {
            Device.Memory.Free(Allocation);
        }
        GC.SuppressFinalize(this);
    }

    internal void ThrowIfFreed()
    {
        if (Allocation.Freed)
        {
            throw new RuntimeException(RuntimeError.UseAfterFree, $"{Allocation.Owner} at 0x{Allocation.Address:X} was used after it was freed");
        }
    }

    /// <summary>The raw bytes (for copies that are not typed).</summary>
    internal Span<byte> Bytes
    {
        get
        {
            ThrowIfFreed();
            return Allocation.Data;
        }
    }
}

/// <summary>A typed device buffer of <see cref="Length"/> elements of <typeparamref name="T"/>.</summary>
public sealed class DeviceBuffer<T> : DeviceBuffer where T : unmanaged
{
    internal DeviceBuffer(Device device, DeviceAllocation allocation, long length)
        : base(device, allocation)
    {
        Length = length;
    }

    /// <summary>Number of elements.</summary>
    public long Length { get; }

    /// <inheritdoc/>
    public override int ElementSize => Unsafe.SizeOf<T>();

    /// <summary>Copies host data into the buffer starting at element <paramref name="offset"/>.</summary>
    public void Upload(ReadOnlySpan<T> data, long offset = 0)
    {
        CheckRange(offset, data.Length, "upload");
        MemoryMarshal.AsBytes(data).CopyTo(Bytes[checked((int)(offset * ElementSize))..]);
    }

    /// <summary>Copies elements starting at <paramref name="offset"/> into host memory.</summary>
    public void Download(Span<T> destination, long offset = 0)
    {
        CheckRange(offset, destination.Length, "download");
        Bytes.Slice(checked((int)(offset * ElementSize)), destination.Length * ElementSize).CopyTo(MemoryMarshal.AsBytes(destination));
    }

    /// <summary>The whole buffer as a new array.</summary>
    public T[] ToArray()
    {
        var result = new T[Length];
        Download(result);
        return result;
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(T value) => MemoryMarshal.Cast<byte, T>(Bytes).Fill(value);

    private void CheckRange(long offset, long count, string what)
    {
        ThrowIfFreed();
        if (offset < 0 || count < 0 || offset + count > Length)
        {
            throw new RuntimeException(RuntimeError.CopyOutOfBounds, $"{what} of {count} elements at element {offset} is outside the buffer of {Length} elements");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"DeviceBuffer<{typeof(T).Name}>[{Length}] at 0x{Allocation.Address:X}";
}
