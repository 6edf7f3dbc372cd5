using System.Runtime.CompilerServices;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// Floating-point semantics of the spec's f32/f64 groups that .NET does not give directly: the canonical
/// NaN, the min/max NaN and signed-zero rule, and the transcendental approximations with their special cases.
/// </summary>
internal static class FloatMath
{
    public const uint CanonicalNaN32 = 0x7FFF_FFFF;
    public const ulong CanonicalNaN64 = 0x7FFF_FFFF_FFFF_FFFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Bits(float f) => float.IsNaN(f) ? CanonicalNaN32 : BitConverter.SingleToUInt32Bits(f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(double f) => double.IsNaN(f) ? CanonicalNaN64 : BitConverter.DoubleToUInt64Bits(f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double D(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    /// <summary>min: one NaN gives the other operand, two give the canonical NaN, -0 orders below +0.</summary>
    public static uint Min32(uint a, uint b) => (uint)MinMax(F(a), F(b), a, b, max: false, CanonicalNaN32);

    public static uint Max32(uint a, uint b) => (uint)MinMax(F(a), F(b), a, b, max: true, CanonicalNaN32);

    public static ulong Min64(ulong a, ulong b) => MinMax(D(a), D(b), a, b, max: false, CanonicalNaN64);

    public static ulong Max64(ulong a, ulong b) => MinMax(D(a), D(b), a, b, max: true, CanonicalNaN64);

    /// <summary>The min/max rule on values x, y (f32 widen exactly) with their bit patterns a, b.</summary>
    private static ulong MinMax(double x, double y, ulong a, ulong b, bool max, ulong nan)
    {
        if (double.IsNaN(x))
        {
            return double.IsNaN(y) ? nan : b;
        }
        if (double.IsNaN(y))
        {
            return a;
        }
        if (x != y)
        {
            return (x < y) != max ? a : b;
        }
        // Equal values differ only for zeros of opposite sign: the sign bit decides (-0 below +0).
        return max ? a & b : a | b;
    }

    /// <summary>rcp.approx.f32: computed in double and rounded once, so within 0.5 ulp plus the double error.</summary>
    public static uint Rcp32(uint a) => Bits((float)(1.0 / F(a)));

    public static ulong Rcp64(ulong a) => Bits(1.0 / D(a));

    /// <summary>rsqrt.approx.f32: rsqrt(-x) = NaN, rsqrt(+0) = +inf, rsqrt(-0) = -inf.</summary>
    public static uint Rsqrt32(uint a)
    {
        double x = F(a);
        if (x == 0)
        {
            return Bits(1.0f / F(a));
        }
        return Bits((float)(1.0 / Math.Sqrt(x)));
    }

    /// <summary>ex2.approx.f32: 2^a; ex2(-inf) = +0.</summary>
    public static uint Ex2(uint a) => Bits((float)Math.Pow(2.0, F(a)));

    /// <summary>ex2.approx.ftz.f32: as ex2 with denormal results flushed to +0.</summary>
    public static uint Ex2Ftz(uint a)
    {
        uint r = Ex2(a);
        return (r & 0x7F80_0000) == 0 ? 0 : r;
    }

    /// <summary>lg2.approx.f32: lg2(0) = -inf, lg2(x &lt; 0) = NaN.</summary>
    public static uint Lg2(uint a) => Bits((float)Math.Log2(F(a)));

    /// <summary>Largest |a| evaluated directly; larger inputs are reduced modulo 2*pi in double first.</summary>
    private const double DirectRange = 100 * Math.PI;

    public static uint Sin(uint a) => Bits((float)Math.Sin(Reduce(F(a))));

    public static uint Cos(uint a) => Bits((float)Math.Cos(Reduce(F(a))));

    private static double Reduce(double x) => Math.Abs(x) <= DirectRange || double.IsInfinity(x) ? x : Math.IEEERemainder(x, 2 * Math.PI);

    /// <summary>rndi with the rndi modifier: rni (ties to even), rzi, rmi (floor), rpi (ceiling).</summary>
    public static double RoundIntegral(double x, int mode) => mode switch
    {
        0 => Math.Round(x, MidpointRounding.ToEven),
        1 => Math.Truncate(x),
        2 => Math.Floor(x),
        _ => Math.Ceiling(x),
    };

    public static float RoundIntegral(float x, int mode) => mode switch
    {
        0 => MathF.Round(x, MidpointRounding.ToEven),
        1 => MathF.Truncate(x),
        2 => MathF.Floor(x),
        _ => MathF.Ceiling(x),
    };

    /// <summary>float-to-integer: round by the rndi mode, saturate to [min, max], NaN gives 0.</summary>
    public static long ToSigned(double x, int mode, long min, long max)
    {
        if (double.IsNaN(x))
        {
            return 0;
        }
        double r = RoundIntegral(x, mode);
        if (r <= min)
        {
            return min;
        }
        // (double)max may round up to 2^63; compare with >= so that value saturates.
        return r >= (double)max ? max : (long)r;
    }

    public static ulong ToUnsigned(double x, int mode, ulong max)
    {
        if (double.IsNaN(x))
        {
            return 0;
        }
        double r = RoundIntegral(x, mode);
        if (r <= 0)
        {
            return 0;
        }
        return r >= (double)max ? max : (ulong)r;
    }
}
