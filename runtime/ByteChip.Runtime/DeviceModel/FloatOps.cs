using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ByteChip.Runtime.DeviceModel;

// f32 arithmetic (spec group "f32"): IEEE round to nearest even, denormals kept, every NaN result canonical.
internal static class F32Vector
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Canonical(Vector256<float> r) =>
        Vector256.ConditionalSelect(Vector256.Equals(r, r).AsUInt32(), r.AsUInt32(), Vector256.Create(FloatMath.CanonicalNaN32));
}

internal struct AddF32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => F32Vector.Canonical(a.AsSingle() + b.AsSingle()); }
internal struct SubF32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => F32Vector.Canonical(a.AsSingle() - b.AsSingle()); }
internal struct MulF32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => F32Vector.Canonical(a.AsSingle() * b.AsSingle()); }
internal struct DivF32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => F32Vector.Canonical(a.AsSingle() / b.AsSingle()); }
internal struct SqrtF32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => F32Vector.Canonical(Vector256.Sqrt(a.AsSingle())); }
internal struct AbsF32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => a & Vector256.Create(0x7FFF_FFFFu); }
internal struct NegF32 : IVectorOp2 { public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b) => a ^ Vector256.Create(0x8000_0000u); }

internal struct FmaF32 : IVectorOp3
{
    public static Vector256<uint> Apply(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) =>
        F32Vector.Canonical(Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()));
}

internal struct MinF32 : IScalarOp2 { public static uint Apply(uint a, uint b) => FloatMath.Min32(a, b); }
internal struct MaxF32 : IScalarOp2 { public static uint Apply(uint a, uint b) => FloatMath.Max32(a, b); }
internal struct RcpF32 : IScalarOp1 { public static uint Apply(uint a) => FloatMath.Rcp32(a); }
internal struct RsqrtF32 : IScalarOp1 { public static uint Apply(uint a) => FloatMath.Rsqrt32(a); }
internal struct Ex2F32 : IScalarOp1 { public static uint Apply(uint a) => FloatMath.Ex2(a); }
internal struct Ex2FtzF32 : IScalarOp1 { public static uint Apply(uint a) => FloatMath.Ex2Ftz(a); }
internal struct Lg2F32 : IScalarOp1 { public static uint Apply(uint a) => FloatMath.Lg2(a); }
internal struct SinF32 : IScalarOp1 { public static uint Apply(uint a) => FloatMath.Sin(a); }
internal struct CosF32 : IScalarOp1 { public static uint Apply(uint a) => FloatMath.Cos(a); }

// f64 arithmetic (spec group "f64").
internal struct AddF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => FloatMath.Bits(FloatMath.D(a) + FloatMath.D(b)); }
internal struct SubF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => FloatMath.Bits(FloatMath.D(a) - FloatMath.D(b)); }
internal struct MulF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => FloatMath.Bits(FloatMath.D(a) * FloatMath.D(b)); }
internal struct DivF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => FloatMath.Bits(FloatMath.D(a) / FloatMath.D(b)); }
internal struct MinF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => FloatMath.Min64(a, b); }
internal struct MaxF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => FloatMath.Max64(a, b); }
internal struct AbsF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => a & 0x7FFF_FFFF_FFFF_FFFFUL; }
internal struct NegF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => a ^ 0x8000_0000_0000_0000UL; }
internal struct SqrtF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => FloatMath.Bits(Math.Sqrt(FloatMath.D(a))); }
internal struct RcpF64 : IScalarOp64 { public static ulong Apply(ulong a, ulong b) => FloatMath.Rcp64(a); }

// Comparisons (spec group "compare"): the modifier is a cmpi or cmpf value.
internal struct CompareS32 : IVectorCompare
{
    public static uint Apply(Vector256<uint> a, Vector256<uint> b, int mode) => IntegerCompare.Apply(a.AsInt32(), b.AsInt32(), mode);
}

internal struct CompareU32 : IVectorCompare
{
    public static uint Apply(Vector256<uint> a, Vector256<uint> b, int mode) => IntegerCompare.Apply(a, b, mode);
}

/// <summary>A cmpi comparison of eight lanes; the signedness is the element type's.</summary>
internal static class IntegerCompare
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Apply<T>(Vector256<T> x, Vector256<T> y, int mode)
    {
        Vector256<T> r = mode switch
        {
            0 => Vector256.Equals(x, y),
            1 => ~Vector256.Equals(x, y),
            2 => Vector256.LessThan(x, y),
            3 => Vector256.LessThanOrEqual(x, y),
            4 => Vector256.GreaterThan(x, y),
            _ => Vector256.GreaterThanOrEqual(x, y),
        };
        return r.ExtractMostSignificantBits();
    }
}

internal struct CompareF32 : IVectorCompare
{
    public static uint Apply(Vector256<uint> a, Vector256<uint> b, int mode)
    {
        Vector256<float> x = a.AsSingle(), y = b.AsSingle();
        Vector256<float> ordered = Vector256.Equals(x, x) & Vector256.Equals(y, y);
        Vector256<float> r = mode switch
        {
            0 => Vector256.Equals(x, y),
            1 => ~Vector256.Equals(x, y) & ordered,
            2 => Vector256.LessThan(x, y),
            3 => Vector256.LessThanOrEqual(x, y),
            4 => Vector256.GreaterThan(x, y),
            5 => Vector256.GreaterThanOrEqual(x, y),
            6 => Vector256.Equals(x, y) | ~ordered,
            7 => ~Vector256.Equals(x, y),
            8 => Vector256.LessThan(x, y) | ~ordered,
            9 => Vector256.LessThanOrEqual(x, y) | ~ordered,
            10 => Vector256.GreaterThan(x, y) | ~ordered,
            11 => Vector256.GreaterThanOrEqual(x, y) | ~ordered,
            12 => ordered,
            _ => ~ordered,
        };
        return r.ExtractMostSignificantBits();
    }
}

/// <summary>Scalar comparisons for the 64-bit setp forms.</summary>
internal static class Comparisons
{
    public static bool Int<T>(T a, T b, int mode) where T : IComparable<T> => mode switch
    {
        0 => a.CompareTo(b) == 0,
        1 => a.CompareTo(b) != 0,
        2 => a.CompareTo(b) < 0,
        3 => a.CompareTo(b) <= 0,
        4 => a.CompareTo(b) > 0,
        _ => a.CompareTo(b) >= 0,
    };

    public static bool Float(double x, double y, int mode)
    {
        bool unordered = double.IsNaN(x) || double.IsNaN(y);
        return mode switch
        {
            0 => x == y,
            1 => !unordered && x != y,
            2 => x < y,
            3 => x <= y,
            4 => x > y,
            5 => x >= y,
            6 => unordered || x == y,
            7 => x != y,
            8 => unordered || x < y,
            9 => unordered || x <= y,
            10 => unordered || x > y,
            11 => unordered || x >= y,
            12 => !unordered,
            _ => unordered,
        };
    }
}
