using System.Numerics;
using System.Runtime.Intrinsics;

namespace ByteChip.Runtime.DeviceModel;

#pragma warning disable SA1649 // one file holds the small op structs of a group

// 32-bit integer operations (spec group "int32"): wrap modulo 2^32, shifts by the full unsigned amount,
// division by zero and INT_MIN / -1 as the group text says.
internal struct AddU32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => a + b; }
internal struct SubU32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => a - b; }
internal struct MulLoU32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => a * b; }
internal struct MadLoU32 : IVectorOp3 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) => (a * b) + c; }
internal struct AndB32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => a & b; }
internal struct OrB32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => a | b; }
internal struct XorB32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => a ^ b; }
internal struct MinS32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => Vector256.Min(a.AsInt32(), b.AsInt32()).AsUInt32(); }
internal struct MinU32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => Vector256.Min(a, b); }
internal struct MaxS32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => Vector256.Max(a.AsInt32(), b.AsInt32()).AsUInt32(); }
internal struct MaxU32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => Vector256.Max(a, b); }

internal struct ShlB32 : IScalarOp2 { public static uint Apply(uint a, uint b) => b >= 32 ? 0 : a << (int)b; }
internal struct ShrU32 : IScalarOp2 { public static uint Apply(uint a, uint b) => b >= 32 ? 0 : a >> (int)b; }
internal struct ShrS32 : IScalarOp2 { public static uint Apply(uint a, uint b) => (uint)((int)a >> (int)Math.Min(b, 31u)); }
internal struct MulhiU32 : IScalarOp2 { public static uint Apply(uint a, uint b) => (uint)(((ulong)a * b) >> 32); }
internal struct MulhiS32 : IScalarOp2 { public static uint Apply(uint a, uint b) => (uint)(((long)(int)a * (int)b) >> 32); }
internal struct DivU32 : IScalarOp2 { public static uint Apply(uint a, uint b) => b == 0 ? uint.MaxValue : a / b; }
internal struct RemU32 : IScalarOp2 { public static uint Apply(uint a, uint b) => b == 0 ? a : a % b; }

internal struct DivS32 : IScalarOp2
{
    public static uint Apply(uint a, uint b)
    {
        int x = (int)a, y = (int)b;
        if (y == 0)
        {
            return x >= 0 ? uint.MaxValue : 1u;
        }
        return y == -1 ? (uint)(0 - x) : (uint)(x / y);
    }
}

internal struct RemS32 : IScalarOp2
{
    public static uint Apply(uint a, uint b)
    {
        int x = (int)a, y = (int)b;
        return y == 0 ? a : y == -1 ? 0u : (uint)(x % y);
    }
}

internal struct NotB32 : IScalarOp1 { public static uint Apply(uint a) => ~a; }
internal struct NegS32 : IScalarOp1 { public static uint Apply(uint a) => 0u - a; }
internal struct AbsS32 : IScalarOp1 { public static uint Apply(uint a) => (int)a < 0 ? 0u - a : a; }
internal struct PopcB32 : IScalarOp1 { public static uint Apply(uint a) => (uint)BitOperations.PopCount(a); }
internal struct ClzB32 : IScalarOp1 { public static uint Apply(uint a) => (uint)BitOperations.LeadingZeroCount(a); }
internal struct BrevB32 : IScalarOp1 { public static uint Apply(uint a) => BitManipulation.Reverse(a); }

// 64-bit integer operations (spec group "int64").
internal struct AddU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => a + b; }
internal struct SubU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => a - b; }
internal struct MulLoU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => a * b; }
internal struct MulhiU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => Math.BigMul(a, b, out _); }
internal struct MulhiS64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => (ulong)Math.BigMul((long)a, (long)b, out _); }
internal struct MinS64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => (ulong)Math.Min((long)a, (long)b); }
internal struct MinU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => Math.Min(a, b); }
internal struct MaxS64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => (ulong)Math.Max((long)a, (long)b); }
internal struct MaxU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => Math.Max(a, b); }
internal struct AndB64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => a & b; }
internal struct OrB64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => a | b; }
internal struct XorB64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => a ^ b; }
internal struct ShlB64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => b >= 64 ? 0 : a << (int)b; }
internal struct ShrU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => b >= 64 ? 0 : a >> (int)b; }
internal struct ShrS64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => (ulong)((long)a >> (int)Math.Min(b, 63UL)); }
internal struct DivU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => b == 0 ? ulong.MaxValue : a / b; }
internal struct RemU64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => b == 0 ? a : a % b; }
internal struct MulWideU32 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => (ulong)(uint)a * (uint)b; }
internal struct MulWideS32 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => (ulong)((long)(int)(uint)a * (int)(uint)b); }

internal struct DivS64 : IScalarOp64
{
    public static ulong Apply(ulong a, ulong b)
    {
        long x = (long)a, y = (long)b;
        if (y == 0)
        {
            return x >= 0 ? ulong.MaxValue : 1UL;
        }
        return y == -1 ? 0UL - a : (ulong)(x / y);
    }
}

internal struct RemS64 : IScalarOp64
{
    public static ulong Apply(ulong a, ulong b)
    {
        long x = (long)a, y = (long)b;
        return y == 0 ? a : y == -1 ? 0UL : (ulong)(x % y);
    }
}

/// <summary>Bit-field and bit-order helpers shared by the integer instructions.</summary>
internal static class BitManipulation
{
    public static uint Reverse(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        return BinaryPrimitivesReverse(v);
    }

    public static ulong Reverse(ulong v) => ((ulong)Reverse((uint)v) << 32) | Reverse((uint)(v >> 32));

    private static uint BinaryPrimitivesReverse(uint v) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);

    /// <summary>
    /// bfe: bit i of the result is bit pos+i of a when i &lt; len and pos+i &lt;= 31; otherwise 0 (unsigned)
    /// or the sign bit a[min(pos+len-1, 31)] (signed). len 0 gives 0.
    /// </summary>
    public static uint Extract(uint a, uint b, uint c, bool signed)
    {
        int pos = (int)(b & 0xFF), len = (int)(c & 0xFF);
        if (len == 0)
        {
            return 0;
        }
        int valid = pos >= 32 ? 0 : Math.Min(len, 32 - pos);
        uint mask = valid >= 32 ? uint.MaxValue : (1u << valid) - 1;
        uint field = valid == 0 ? 0 : (a >> pos) & mask;
        if (!signed)
        {
            return field;
        }
        int top = Math.Min(pos + len - 1, 31);
        return ((a >> top) & 1) != 0 ? field | ~mask : field;
    }

    /// <summary>bfi: b with bits [pos, pos+len) replaced by the low bits of a; bits past 31 dropped.</summary>
    public static uint Insert(uint a, uint b, uint c, uint e)
    {
        int pos = (int)(c & 0xFF), len = (int)(e & 0xFF);
        if (pos >= 32 || len == 0)
        {
            return b;
        }
        ulong mask = (len >= 32 ? 0xFFFF_FFFFUL : (1UL << len) - 1) << pos;
        uint m = (uint)mask;
        return (b & ~m) | ((uint)((ulong)a << pos) & m);
    }
}
