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
    private void LoadGlobal32(WarpState w, in Uop u, uint exec)
    {
        uint[] r = w.Regs;
        ulong imm = (ulong)(long)(int)u.Imm;
        long bytes = 0;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong address = (r[u.A + l] | ((ulong)r[u.A + 32 + l] << 32)) + imm;
            var a = w.LastAllocation;
            ulong offset = address - (a?.Address ?? 0);
            if (a is null || (address & 3) != 0 || offset >= a.Length || a.Length - offset < 4)
            {
                r[u.D + l] = MemoryMarshal.Read<uint>(Resolve(w, Space.Global, address, 4, l, write: false));
                continue;
            }
            r[u.D + l] = Unsafe.ReadUnaligned<uint>(ref a.Data[offset]);
            bytes += 4;
        }
        _counters.GlobalLoadBytes += bytes;
    }

    private void StoreGlobal32(WarpState w, in Uop u, uint exec)
    {
        uint[] r = w.Regs;
        ulong imm = (ulong)(long)(int)u.Imm;
        long bytes = 0;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong address = (r[u.A + l] | ((ulong)r[u.A + 32 + l] << 32)) + imm;
            var a = w.LastAllocation;
            ulong offset = address - (a?.Address ?? 0);
            if (a is null || (address & 3) != 0 || offset >= a.Length || a.Length - offset < 4)
            {
                MemoryMarshal.Write(Resolve(w, Space.Global, address, 4, l, write: true), r[u.D + l]);
                continue;
            }
            Unsafe.WriteUnaligned(ref a.Data[offset], r[u.D + l]);
            bytes += 4;
        }
        _counters.GlobalStoreBytes += bytes;
    }

    private void LoadShared32(WarpState w, in Uop u, uint exec)
    {
        uint[] r = w.Regs;
        long imm = (int)u.Imm;
        ulong limit = (ulong)_sharedSize;
        byte[] shared = _shared;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong address = (ulong)(r[u.A + l] + imm);
            if ((address & 3) != 0 || address >= limit || limit - address < 4)
            {
                r[u.D + l] = MemoryMarshal.Read<uint>(Resolve(w, Space.Shared, address, 4, l, write: false));
                continue;
            }
            r[u.D + l] = Unsafe.ReadUnaligned<uint>(ref shared[address]);
            _counters.SharedLoadBytes += 4;
        }
    }

    private void StoreShared32(WarpState w, in Uop u, uint exec)
    {
        uint[] r = w.Regs;
        long imm = (int)u.Imm;
        ulong limit = (ulong)_sharedSize;
        byte[] shared = _shared;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong address = (ulong)(r[u.A + l] + imm);
            if ((address & 3) != 0 || address >= limit || limit - address < 4)
            {
                MemoryMarshal.Write(Resolve(w, Space.Shared, address, 4, l, write: true), r[u.D + l]);
                continue;
            }
            Unsafe.WriteUnaligned(ref shared[address], r[u.D + l]);
            _counters.SharedStoreBytes += 4;
        }
    }
}
