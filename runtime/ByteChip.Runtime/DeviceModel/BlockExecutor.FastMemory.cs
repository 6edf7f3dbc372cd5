using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// Fast paths for the commonest accesses (32-bit global through the warp's cached allocation, 32-bit shared):
/// the same checks as <see cref="Resolve"/>, without spans or table look-ups; anything unusual (another
/// allocation, misalignment, out of bounds) falls back to the general path, which also reports faults.
/// </summary>
internal sealed partial class BlockExecutor
{
    private void AccessGlobal32(WarpState w, in Uop u, uint exec, bool store)
    {
        uint[] r = w.Regs;
        ulong imm = (ulong)(long)(int)u.Imm;
        if (exec == uint.MaxValue && TryCoalescedGlobal32(w, u, r, imm, store))
        {
            return;
        }
        long bytes = 0;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong address = (r[u.A + l] | ((ulong)r[u.A + 32 + l] << 32)) + imm;
            var a = w.LastAllocation;
            ulong offset = address - (a?.Address ?? 0);
            ref uint reg = ref r[u.D + l];
            if (a is null || (address & 3) != 0 || offset >= a.Length || a.Length - offset < 4)
            {
                var span = Resolve(w, Space.Global, address, 4, l, store);
                Transfer(ref MemoryMarshal.GetReference(span), ref reg, store);
                continue;
            }
            Transfer(ref a.Data[offset], ref reg, store);
            bytes += 4;
        }
        if (store)
        {
            _counters.GlobalStoreBytes += bytes;
        }
        else
        {
            _counters.GlobalLoadBytes += bytes;
        }
    }

    /// <summary>
    /// The whole warp accessing 32 consecutive words of the cached allocation: one 128-byte copy. Returns
    /// false (and does nothing) when the pattern or the bounds do not hold, so the lane loop decides.
    /// </summary>
    private bool TryCoalescedGlobal32(WarpState w, in Uop u, uint[] r, ulong imm, bool store)
    {
        var a = w.LastAllocation;
        ulong first = (r[u.A] | ((ulong)r[u.A + 32] << 32)) + imm;
        if (a is null || first < a.Address || first - a.Address >= a.Length)
        {
            // Streams through several buffers alternate; one look-up per warp access keeps them fast.
            a = _ctx.Global.Find(first);
            if (a is null)
            {
                return false;
            }
            w.LastAllocation = a;
        }
        if ((first & 3) != 0 || a.Length < 128 || first - a.Address > a.Length - 128)
        {
            return false;
        }
        ulong expected = first - imm;
        for (int l = 1; l < 32; l++)
        {
            expected += 4;
            if ((r[u.A + l] | ((ulong)r[u.A + 32 + l] << 32)) != expected)
            {
                return false;
            }
        }
        var memory = MemoryMarshal.Cast<byte, uint>(a.Data.AsSpan((int)(first - a.Address), 128));
        var registers = r.AsSpan(u.D, 32);
        if (store)
        {
            registers.CopyTo(memory);
            _counters.GlobalStoreBytes += 128;
        }
        else
        {
            memory.CopyTo(registers);
            _counters.GlobalLoadBytes += 128;
        }
        return true;
    }

    private void AccessShared32(WarpState w, in Uop u, uint exec, bool store)
    {
        uint[] r = w.Regs;
        long imm = (int)u.Imm;
        ulong limit = (ulong)_sharedSize;
        long bytes = 0;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong address = (ulong)(r[u.A + l] + imm);
            ref uint reg = ref r[u.D + l];
            if ((address & 3) != 0 || address >= limit || limit - address < 4)
            {
                var span = Resolve(w, Space.Shared, address, 4, l, store);
                Transfer(ref MemoryMarshal.GetReference(span), ref reg, store);
                continue;
            }
            Transfer(ref _shared[address], ref reg, store);
            bytes += 4;
        }
        if (store)
        {
            _counters.SharedStoreBytes += bytes;
        }
        else
        {
            _counters.SharedLoadBytes += bytes;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transfer(ref byte memory, ref uint register, bool store)
    {
        if (store)
        {
            Unsafe.WriteUnaligned(ref memory, register);
        }
        else
        {
            register = Unsafe.ReadUnaligned<uint>(ref memory);
        }
    }
}
