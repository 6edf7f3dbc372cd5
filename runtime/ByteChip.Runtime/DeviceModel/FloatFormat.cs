using System.Numerics;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// An IEEE binary format (f16, bf16, f32, f64) and exact conversion into it with a chosen rounding:
/// a value is taken as sign * mantissa * 2^exponent with an integer mantissa, so integer sources and
/// wider floats are rounded once, correctly, for every mode (rn rz rm rp), including denormal results
/// and the overflow rule of the spec's convert group.
/// </summary>
internal sealed class FloatFormat
{
    public static readonly FloatFormat F16 = new(16, 5, 11, 0x7FFF);
    public static readonly FloatFormat Bf16 = new(16, 8, 8, 0x7FFF);
    public static readonly FloatFormat F32 = new(32, 8, 24, FloatMath.CanonicalNaN32);
    public static readonly FloatFormat F64 = new(64, 11, 53, FloatMath.CanonicalNaN64);

    private FloatFormat(int bits, int exponentBits, int precision, ulong canonicalNaN)
    {
        Bits = bits;
        ExponentBits = exponentBits;
        Precision = precision;
        CanonicalNaN = canonicalNaN;
        Bias = (1 << (exponentBits - 1)) - 1;
    }

    public int Bits { get; }

    public int ExponentBits { get; }

    /// <summary>Significand bits including the implicit one.</summary>
    public int Precision { get; }

    public int Bias { get; }

    public ulong CanonicalNaN { get; }

    private ulong SignBit => 1UL << (Bits - 1);

    private ulong ExponentMask => ((1UL << ExponentBits) - 1) << (Precision - 1);

    private ulong FractionMask => (1UL << (Precision - 1)) - 1;

    public ulong Infinity(bool negative) => ExponentMask | (negative ? SignBit : 0);

    public ulong MaxFinite(bool negative) => (ExponentMask - (1UL << (Precision - 1))) | FractionMask | (negative ? SignBit : 0);

    /// <summary>Classifies bits of this format: NaN, infinity, or a finite value as sign * mantissa * 2^exponent.</summary>
    public FloatClass Decompose(ulong bits, out bool negative, out ulong mantissa, out int exponent)
    {
        negative = (bits & SignBit) != 0;
        ulong e = (bits & ExponentMask) >> (Precision - 1);
        ulong f = bits & FractionMask;
        if (e == (1UL << ExponentBits) - 1)
        {
            mantissa = 0;
            exponent = 0;
            return f != 0 ? FloatClass.NaN : FloatClass.Infinity;
        }
        if (e == 0)
        {
            mantissa = f;
            exponent = 1 - Bias - (Precision - 1);
        }
        else
        {
            mantissa = f | (1UL << (Precision - 1));
            exponent = (int)e - Bias - (Precision - 1);
        }
        return FloatClass.Finite;
    }

    /// <summary>Rounds sign * mantissa * 2^exponent into this format with rounding mode rnd (rn rz rm rp).</summary>
    public ulong Round(bool negative, ulong mantissa, int exponent, int rnd)
    {
        ulong sign = negative ? SignBit : 0;
        if (mantissa == 0)
        {
            return sign;
        }
        int msb = 63 - BitOperations.LeadingZeroCount(mantissa);
        int valueExp = msb + exponent;
        int emin = 1 - Bias;
        int quantumExp = Math.Max(valueExp, emin) - (Precision - 1);
        int shift = quantumExp - exponent;
        ulong q;
        if (shift <= 0)
        {
            q = mantissa << -shift;
        }
        else
        {
            ulong rem;
            if (shift >= 64)
            {
                q = 0;
                rem = mantissa;
            }
            else
            {
                q = mantissa >> shift;
                rem = mantissa & ((1UL << shift) - 1);
            }
            if (rem != 0)
            {
                bool up = rnd switch
                {
                    0 => shift <= 64 && RoundHalfEven(rem, shift, q),
                    1 => false,
                    2 => negative,
                    _ => !negative,
                };
                if (up)
                {
                    q++;
                }
            }
        }
        // q * 2^quantumExp. Below the normal range q < 2^(p-1) and the biased exponent field is 0; a carry
        // into 2^(p-1) lands in the smallest normal, which the same addition encodes.
        ulong bits;
        if (valueExp < emin)
        {
            bits = q;
        }
        else
        {
            ulong biased = (ulong)(quantumExp + (Precision - 1) + Bias);
            bits = ((biased - 1) << (Precision - 1)) + q;
        }
        if (bits >= ExponentMask)
        {
            bool toInfinity = rnd == 0 || (rnd == 2 && negative) || (rnd == 3 && !negative);
            return toInfinity ? Infinity(negative) : MaxFinite(negative);
        }
        return bits | sign;
    }

    private static bool RoundHalfEven(ulong rem, int shift, ulong q)
    {
        if (shift == 64)
        {
            ulong half64 = 1UL << 63;
            return rem > half64 || (rem == half64 && (q & 1) != 0);
        }
        ulong half = 1UL << (shift - 1);
        return rem > half || (rem == half && (q & 1) != 0);
    }

    /// <summary>Converts bits of <paramref name="from"/> to this format (NaN to the canonical NaN).</summary>
    public ulong Convert(FloatFormat from, ulong bits, int rnd)
    {
        switch (from.Decompose(bits, out bool negative, out ulong mantissa, out int exponent))
        {
            case FloatClass.NaN:
                return CanonicalNaN;
            case FloatClass.Infinity:
                return Infinity(negative);
            default:
                return Round(negative, mantissa, exponent, rnd);
        }
    }

    /// <summary>The value of bits of this format as a double (exact: every format here fits in f64).</summary>
    public double ToDouble(ulong bits) => Decompose(bits, out bool negative, out ulong mantissa, out int exponent) switch
    {
        FloatClass.NaN => double.NaN,
        FloatClass.Infinity => negative ? double.NegativeInfinity : double.PositiveInfinity,
        _ => (negative ? -1.0 : 1.0) * Math.ScaleB(mantissa, exponent),
    };
}

/// <summary>What a float bit pattern is.</summary>
internal enum FloatClass
{
    Finite,
    Infinity,
    NaN,
}
