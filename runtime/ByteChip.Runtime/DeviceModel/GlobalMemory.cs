namespace ByteChip.Runtime.DeviceModel;

/// <summary>One live or freed region of device global memory, backed by a host array.</summary>
internal sealed class DeviceAllocation(ulong address, byte[] data, string owner)
{
    /// <summary>Device address of the first byte (never 0, 256-byte aligned).</summary>
    public ulong Address { get; } = address;

    /// <summary>The backing bytes; its length is the allocation size.</summary>
    public byte[] Data { get; } = data;

    /// <summary>What the allocation is (for messages): a buffer, or a module global.</summary>
    public string Owner { get; } = owner;

    public ulong Length => (ulong)Data.LongLength;

    public ulong End => Address + Length;

    /// <summary>Set once freed; kept so late users get a use-after-free error rather than a crash.</summary>
    public volatile bool Freed;
}

/// <summary>
/// Device global memory: a set of allocations at distinct addresses that are never reused, so a stale
/// pointer faults instead of silently reading a newer allocation. Lookups read an immutable sorted
/// snapshot, so kernels running on many host threads never take a lock.
/// </summary>
internal sealed class GlobalMemory(long capacityBytes)
{
    /// <summary>First device address handed out: far from 0 and from the generic shared/local windows.</summary>
    public const ulong BaseAddress = 0x0000_0010_0000_0000UL;

    /// <summary>Unmapped gap after every allocation, so running past the end faults.</summary>
    private const ulong GuardGap = 0x1_0000;

    private readonly Lock _lock = new();
    private DeviceAllocation[] _sorted = [];
    private ulong _next = BaseAddress;
    private long _used;

    public long Capacity { get; } = capacityBytes;

    public long Used => Interlocked.Read(ref _used);

    public DeviceAllocation Allocate(long bytes, string owner)
    {
        if (bytes < 0 || bytes > Array.MaxLength)
        {
            throw new RuntimeException(RuntimeError.OutOfMemory, $"cannot allocate {bytes} bytes for {owner}: the device model's largest allocation is {Array.MaxLength} bytes");
        }
        lock (_lock)
        {
            if (_used + bytes > Capacity)
            {
                throw new RuntimeException(RuntimeError.OutOfMemory, $"cannot allocate {bytes} bytes for {owner}: {Capacity - _used} of {Capacity} bytes free");
            }
            byte[] data;
            try
            {
                data = new byte[bytes];
            }
            catch (OutOfMemoryException)
            {
                throw new RuntimeException(RuntimeError.OutOfMemory, $"cannot allocate {bytes} bytes for {owner}: the host is out of memory");
            }
            var alloc = new DeviceAllocation(_next, data, owner);
            _next = (alloc.End + GuardGap + 255) & ~255UL;
            var copy = new DeviceAllocation[_sorted.Length + 1];
            _sorted.CopyTo(copy, 0);
            copy[^1] = alloc;
            _sorted = copy;
            _used += bytes;
            return alloc;
        }
    }

    public void Free(DeviceAllocation alloc)
    {
        lock (_lock)
        {
            if (alloc.Freed)
            {
                throw new RuntimeException(RuntimeError.DoubleFree, $"{alloc.Owner} at 0x{alloc.Address:X} was already freed");
            }
            alloc.Freed = true;
            _sorted = Array.FindAll(_sorted, a => !ReferenceEquals(a, alloc));
            _used -= alloc.Data.LongLength;
        }
    }

    /// <summary>The live allocation containing <paramref name="address"/>, or null.</summary>
    public DeviceAllocation? Find(ulong address)
    {
        var sorted = Volatile.Read(ref _sorted);
        int lo = 0, hi = sorted.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var a = sorted[mid];
            if (address < a.Address)
            {
                hi = mid - 1;
            }
            else if (address >= a.End)
            {
                lo = mid + 1;
            }
            else
            {
                return a;
            }
        }
        return null;
    }
}
