using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>A 32-bit lane operation as eight lanes at once.</summary>
internal interface IVectorOp2
{
    static abstract Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b);
}

/// <summary>A 32-bit three-operand lane operation as eight lanes at once.</summary>
internal interface IVectorOp3
{
    static abstract Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c);
}

/// <summary>A 32-bit lane operation on one lane.</summary>
internal interface IScalarOp2
{
    static abstract uint Apply(uint a, uint b);
}

/// <summary>A 32-bit unary lane operation on one lane.</summary>
internal interface IScalarOp1
{
    static abstract uint Apply(uint a);
}

/// <summary>A 64-bit lane operation on one lane.</summary>
internal interface IScalarOp64
{
    static abstract ulong Apply(ulong a, ulong b);
}

/// <summary>A comparison of eight lanes giving a bit per lane.</summary>
internal interface IVectorCompare
{
    static abstract uint Apply(Vector256<uint> a, Vector256<uint> b, int mode);
}

/// <summary>
/// The lane loops of the interpreter. Registers are lane-contiguous rows of 32 uints, so a row is four
/// <see cref="Vector256{T}"/>; results are written only to the lanes in the execution mask (a full
/// byte of the mask stores the vector directly, a partial one blends with a mask from a table).
/// </summary>
internal static partial class Lanes
{
    private static readonly Vector256<uint>[] s_byteMasks = BuildMasks();

    private static Vector256<uint>[] BuildMasks()
    {
        var masks = new Vector256<uint>[256];
        Span<uint> lanes = stackalloc uint[8];
        for (int b = 0; b < 256; b++)
        {
            for (int i = 0; i < 8; i++)
            {
                lanes[i] = (b & (1 << i)) != 0 ? uint.MaxValue : 0;
            }
            masks[b] = Vector256.Create<uint>(lanes);
        }
        return masks;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref uint Row(uint[] regs) => ref MemoryMarshal.GetArrayDataReference(regs);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(ref uint r, int offset) => Vector256.LoadUnsafe(ref r, (nuint)offset);

    /// <summary>Stores eight lanes of <paramref name="value"/> at <paramref name="offset"/> where bits of <paramref name="mask"/> (low byte) are set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ref uint r, int offset, Vector256<uint> value, uint mask)
    {
        uint b = mask & 0xFF;
        if (b == 0xFF)
        {
            value.StoreUnsafe(ref r, (nuint)offset);
        }
        else if (b != 0)
        {
            Vector256.ConditionalSelect(s_byteMasks[b], value, Load(ref r, offset)).StoreUnsafe(ref r, (nuint)offset);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Binary<T>(uint[] regs, in Uop u, uint exec) where T : IVectorOp2
    {
        ref uint r = ref Row(regs);
        for (int k = 0; k < 32; k += 8)
        {
            Store(ref r, u.D + k, T.Apply(Load(ref r, u.A + k), Load(ref r, u.B + k)), exec >> k);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BinaryImm<T>(uint[] regs, in Uop u, uint exec) where T : IVectorOp2
    {
        ref uint r = ref Row(regs);
        var b = Vector256.Create(u.Imm);
        for (int k = 0; k < 32; k += 8)
        {
            Store(ref r, u.D + k, T.Apply(Load(ref r, u.A + k), b), exec >> k);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Ternary<T>(uint[] regs, in Uop u, uint exec) where T : IVectorOp3
    {
        ref uint r = ref Row(regs);
        for (int k = 0; k < 32; k += 8)
        {
            Store(ref r, u.D + k, T.Apply(Load(ref r, u.A + k), Load(ref r, u.B + k), Load(ref r, u.C + k)), exec >> k);
        }
    }

    /// <summary>d = op(a, imm, d): the immediate fma form, whose destination is also the addend.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TernaryImmAccumulate<T>(uint[] regs, in Uop u, uint exec) where T : IVectorOp3
    {
        ref uint r = ref Row(regs);
        var b = Vector256.Create(u.Imm);
        for (int k = 0; k < 32; k += 8)
        {
            Store(ref r, u.D + k, T.Apply(Load(ref r, u.A + k), b, Load(ref r, u.D + k)), exec >> k);
        }
    }

    public static void Move(uint[] regs, int d, int a, uint exec)
    {
        ref uint r = ref Row(regs);
        for (int k = 0; k < 32; k += 8)
        {
            Store(ref r, d + k, Load(ref r, a + k), exec >> k);
        }
    }

    public static void Fill(uint[] regs, int d, uint value, uint exec)
    {
        ref uint r = ref Row(regs);
        var v = Vector256.Create(value);
        for (int k = 0; k < 32; k += 8)
        {
            Store(ref r, d + k, v, exec >> k);
        }
    }

    /// <summary>Compares rows a and b (or a and the immediate) and writes the predicate for the executing lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compare<T>(WarpState w, in Uop u, uint exec, bool immediate) where T : IVectorCompare
    {
        ref uint r = ref Row(w.Regs);
        uint bits = 0;
        var imm = Vector256.Create(u.Imm);
        for (int k = 0; k < 32; k += 8)
        {
            bits |= T.Apply(Load(ref r, u.A + k), immediate ? imm : Load(ref r, u.B + k), u.M) << k;
        }
        SetPredicate(w, u.Pd, bits, exec);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetPredicate(WarpState w, int pd, uint bits, uint exec)
    {
        ref uint p = ref w.Preds[pd];
        p = (p & ~exec) | (bits & exec);
    }

    public static void Scalar2<T>(uint[] regs, in Uop u, uint exec, bool immediate) where T : IScalarOp2
    {
        while (exec != 0)
        {
            int lane = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            regs[u.D + lane] = T.Apply(regs[u.A + lane], immediate ? u.Imm : regs[u.B + lane]);
        }
    }

    public static void Scalar1<T>(uint[] regs, in Uop u, uint exec) where T : IScalarOp1
    {
        while (exec != 0)
        {
            int lane = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            regs[u.D + lane] = T.Apply(regs[u.A + lane]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Get64(uint[] regs, int row, int lane) => regs[row + lane] | ((ulong)regs[row + 32 + lane] << 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set64(uint[] regs, int row, int lane, ulong value)
    {
        regs[row + lane] = (uint)value;
        regs[row + 32 + lane] = (uint)(value >> 32);
    }

    /// <summary>64-bit d = op(a, b) where b is a pair, an r32 (zero-extended) or the sign-extended immediate.</summary>
    public static void Scalar64<T>(uint[] regs, in Uop u, uint exec, Operand64 b) where T : IScalarOp64
    {
        while (exec != 0)
        {
            int lane = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong bv = b switch
            {
                Operand64.Pair => Get64(regs, u.B, lane),
                Operand64.Reg32 => regs[u.B + lane],
                Operand64.ImmSigned => (ulong)(long)(int)u.Imm,
                _ => u.Imm,
            };
            Set64(regs, u.D, lane, T.Apply(Get64(regs, u.A, lane), bv));
        }
    }
}

/// <summary>Where the second operand of a 64-bit operation comes from.</summary>
internal enum Operand64
{
    Pair,
    Reg32,
    ImmSigned,
    ImmUnsigned,
}
