using System.Numerics;

namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>
/// Reference conversions by exhaustive reasoning rather than bit tricks: a value is an exact rational
/// num * 2^exp; the two representable neighbours are found by binary search over the target format's
/// (monotonic) positive bit patterns, and the rounding mode picks one.
/// </summary>
internal sealed record IeeeFormat(int Bits, int ExponentBits, int Precision, ulong NaN)
{
    public static readonly IeeeFormat F16 = new(16, 5, 11, 0x7FFF);
    public static readonly IeeeFormat Bf16 = new(16, 8, 8, 0x7FFF);
    public static readonly IeeeFormat F32 = new(32, 8, 24, 0x7FFF_FFFF);
    public static readonly IeeeFormat F64 = new(64, 11, 53, 0x7FFF_FFFF_FFFF_FFFF);

    private int Bias => (1 << (ExponentBits - 1)) - 1;

    public ulong InfPattern => ((1UL << ExponentBits) - 1) << (Precision - 1);

    public ulong SignBit => 1UL << (Bits - 1);

    /// <summary>Value of a non-negative finite pattern as num * 2^exp.</summary>
    public (BigInteger Num, int Exp) Value(ulong pattern)
    {
        ulong e = pattern >> (Precision - 1);
        ulong f = pattern & ((1UL << (Precision - 1)) - 1);
        return e == 0 ? (f, 1 - Bias - (Precision - 1)) : (f | (1UL << (Precision - 1)), (int)e - Bias - (Precision - 1));
    }

    /// <summary>Decodes bits: null for NaN; infinity as (sign, null).</summary>
    public (bool Negative, (BigInteger Num, int Exp)? Value)? Decode(ulong bits)
    {
        bool neg = (bits & SignBit) != 0;
        ulong mag = bits & (SignBit - 1);
        if (mag > InfPattern)
        {
            return null;
        }
        return mag == InfPattern ? (neg, null) : (neg, Value(mag));
    }

    public static int Compare((BigInteger Num, int Exp) x, (BigInteger Num, int Exp) y)
    {
        int e = Math.Min(x.Exp, y.Exp);
        return (x.Num << (x.Exp - e)).CompareTo(y.Num << (y.Exp - e));
    }

    /// <summary>Rounds sign * |x| into this format with rnd 0..3 (rn rz rm rp).</summary>
    public ulong Round(bool negative, (BigInteger Num, int Exp) x, int rnd)
    {
        ulong sign = negative ? SignBit : 0;
        if (x.Num.IsZero)
        {
            return sign;
        }
        ulong max = InfPattern - 1;
        ulong lo;
        if (Compare(x, Value(max)) >= 0)
        {
            lo = max;
        }
        else
        {
            ulong a = 0, b = max;
            while (a < b)
            {
                ulong mid = a + ((b - a + 1) / 2);
                if (Compare(Value(mid), x) <= 0)
                {
                    a = mid;
                }
                else
                {
                    b = mid - 1;
                }
            }
            lo = a;
        }
        if (Compare(Value(lo), x) == 0)
        {
            return lo | sign;
        }
        ulong hi = lo + 1;
        var hiValue = hi == InfPattern ? (BigInteger.One, (1 << (ExponentBits - 1))) : Value(hi);
        ulong pick = rnd switch
        {
            1 => lo,
            2 => negative ? hi : lo,
            3 => negative ? lo : hi,
            _ => Nearest(x, Value(lo), hiValue, lo, hi),
        };
        return pick | sign;
    }

    private static ulong Nearest((BigInteger Num, int Exp) x, (BigInteger Num, int Exp) lo, (BigInteger Num, int Exp) hi, ulong loBits, ulong hiBits)
    {
        int e = Math.Min(Math.Min(x.Exp, lo.Exp), hi.Exp);
        BigInteger twiceX = (x.Num << (x.Exp - e)) * 2;
        BigInteger sum = (lo.Num << (lo.Exp - e)) + (hi.Num << (hi.Exp - e));
        int c = twiceX.CompareTo(sum);
        return c < 0 ? loBits : c > 0 ? hiBits : (loBits & 1) == 0 ? loBits : hiBits;
    }

    /// <summary>Rounds an exact value to an integer with rndi 0..3 (rni rzi rmi rpi).</summary>
    public static BigInteger ToInteger(bool negative, (BigInteger Num, int Exp) x, int mode)
    {
        BigInteger v = negative ? -x.Num : x.Num;
        if (x.Exp >= 0)
        {
            return v << x.Exp;
        }
        BigInteger den = BigInteger.One << -x.Exp;
        BigInteger floor = BigInteger.Divide(v - (v.Sign < 0 ? den - 1 : 0), den);
        BigInteger rem = v - (floor * den);
        if (rem.IsZero)
        {
            return floor;
        }
        return mode switch
        {
            1 => negative ? floor + 1 : floor,
            2 => floor,
            3 => floor + 1,
            _ => (rem * 2).CompareTo(den) switch
            {
                < 0 => floor,
                > 0 => floor + 1,
                _ => floor.IsEven ? floor : floor + 1,
            },
        };
    }
}
