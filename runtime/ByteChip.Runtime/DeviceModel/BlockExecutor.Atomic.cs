using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// Atomic read-modify-write. Every operation is a compare-and-swap loop on the backing array, so it is
/// indivisible with respect to other blocks running on other host threads; lanes of a warp are applied
/// in ascending lane order. The order between blocks is the host's (documented as unspecified).
/// </summary>
internal sealed partial class BlockExecutor
{
    private void ExecuteAtomic(WarpState w, in Uop u, uint exec)
    {
        var f = MemoryForms.Of(u.Op);
        uint[] r = w.Regs;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong address = f.Space == Space.Shared ? r[u.A + l] : Lanes.Get64(r, u.A, l);
            if (f.Space == Space.Generic && address - LocalWindow < WindowSize)
            {
                throw new WarpFault(RuntimeError.InvalidAddressSpace, l, $"atomic on generic address 0x{address:X}, which is local memory");
            }
            var span = Resolve(w, f.Space, address, f.Size, l, write: true, count: false);
            _counters.Atomics++;
            ref byte target = ref MemoryMarshal.GetReference(span);
            if (f.Size == 4)
            {
                uint old = Rmw32(ref Unsafe.As<byte, uint>(ref target), f.Operation, f.Type, r[u.B + l], r[u.C + l]);
                r[u.D + l] = old;
            }
            else
            {
                ulong old = Rmw64(ref Unsafe.As<byte, ulong>(ref target), f.Operation, f.Type, Lanes.Get64(r, u.B, l), Lanes.Get64(r, u.C, l));
                Lanes.Set64(r, u.D, l, old);
            }
        }
    }

    /// <summary>The new cell value of an atomic operation (values of 4-byte forms in the low 32 bits).</summary>
    private static ulong Apply(string op, char type, int size, ulong old, ulong b, ulong c)
    {
        bool wide = size == 8;
        return op switch
        {
            "add" when type == 'f' => wide ? FloatMath.Bits(FloatMath.D(old) + FloatMath.D(b)) : FloatMath.Bits(FloatMath.F((uint)old) + FloatMath.F((uint)b)),
            "add" => old + b,
            "min" when type == 's' => wide ? (ulong)Math.Min((long)old, (long)b) : (uint)Math.Min((int)old, (int)b),
            "max" when type == 's' => wide ? (ulong)Math.Max((long)old, (long)b) : (uint)Math.Max((int)old, (int)b),
            "min" => Math.Min(old, b),
            "max" => Math.Max(old, b),
            "and" => old & b,
            "or" => old | b,
            "xor" => old ^ b,
            "exch" => b,
            "cas" => old == b ? c : old,
            "inc" => old >= b ? 0 : old + 1,
            "dec" => old == 0 || old > b ? b : old - 1,
            _ => throw new WarpFault(RuntimeError.Internal, 0, $"unknown atomic operation '{op}'"),
        };
    }

    private static uint Rmw32(ref uint cell, string op, char type, uint b, uint c)
    {
        uint old = Volatile.Read(ref cell);
        while (true)
        {
            uint seen = Interlocked.CompareExchange(ref cell, (uint)Apply(op, type, 4, old, b, c), old);
            if (seen == old)
            {
                return old;
            }
            old = seen;
        }
    }

    private static ulong Rmw64(ref ulong cell, string op, char type, ulong b, ulong c)
    {
        ulong old = Volatile.Read(ref cell);
        while (true)
        {
            ulong seen = Interlocked.CompareExchange(ref cell, Apply(op, type, 8, old, b, c), old);
            if (seen == old)
            {
                return old;
            }
            old = seen;
        }
    }
}
