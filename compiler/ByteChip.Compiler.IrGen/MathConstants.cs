using System.Numerics;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Constants of the device math library computed here in exact integer arithmetic rather than typed in: π by
/// Machin's formula in 1,500-bit fixed point, the bits of 2/π for the Payne–Hanek reduction, and atan(k/8) as
/// double-double pairs. Each is computed once per process.
/// </summary>
internal static class MathConstants
{
    private const int Bits = 1500;

    private static readonly Lazy<BigInteger> s_pi = new(() =>
    {
        // π = 16·atan(1/5) − 4·atan(1/239), each term truncated: the error is a few units of 2^-1500.
        static BigInteger AtanInv(int n)
        {
            BigInteger one = BigInteger.One << Bits, power = one / n, sum = power, n2 = n * n;
            for (int k = 1; !power.IsZero; k++)
            {
                power /= n2;
                var term = power / (2 * k + 1);
                sum += k % 2 == 1 ? -term : term;
            }
            return sum;
        }
        return 16 * AtanInv(5) - 4 * AtanInv(239);
    });

    /// <summary>π·2^1500, truncated (error a few units).</summary>
    public static BigInteger PiFixed => s_pi.Value;

    /// <summary>Number of 32-bit words in <see cref="TwoOverPiWords"/>.</summary>
    public const int TwoOverPiWordCount = 44;

    /// <summary>
    /// 2/π in 32-bit words, most significant first, preceded by two zero words: word w, bit 31 − i (bit index
    /// 32w + i from the top) has weight 2^(63 − 32w − i) in 2/π. 44 words reach 2^-1344, beyond what any double
    /// needs (the reduction reads a 256-bit window starting at most at bit 1035).
    /// </summary>
    public static readonly Lazy<uint[]> TwoOverPiWords = new(() =>
    {
        int total = TwoOverPiWordCount * 32;
        // floor(2/π · 2^(total − 64)) = floor(2^(total − 63 + Bits) / (π·2^Bits)).
        var v = (BigInteger.One << (total - 63 + Bits)) / PiFixed;
        var words = new uint[TwoOverPiWordCount];
        for (int w = TwoOverPiWordCount - 1; w >= 0; w--)
        {
            words[w] = (uint)(v & uint.MaxValue);
            v >>= 32;
        }
        return words;
    });

    /// <summary>The fixed-point value (scaled by 2^1500) as a double-double: hi correctly rounded, lo the rest.</summary>
    public static (double Hi, double Lo) ToDoubleDouble(BigInteger fixedPoint)
    {
        double hi = Ratio(fixedPoint, BigInteger.One << Bits);
        var rest = fixedPoint - Exact(hi);
        return (hi, Ratio(rest, BigInteger.One << Bits));
    }

    /// <summary>A double as an exact fixed-point value scaled by 2^1500 (|x| &gt;= 2^-1400).</summary>
    private static BigInteger Exact(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int exp = (int)(bits >> 52);
        var mant = new BigInteger((bits & 0xFFFFFFFFFFFFFL) | (exp == 0 ? 0 : 1L << 52));
        int shift = Math.Max(exp, 1) - 1075 + Bits;
        var v = shift >= 0 ? mant << shift : mant >> -shift;
        return x < 0 ? -v : v;
    }

    /// <summary>num/den rounded to nearest double (ties are immaterial at 80 extra bits).</summary>
    public static double Ratio(BigInteger num, BigInteger den)
    {
        int sign = num.Sign * den.Sign;
        num = BigInteger.Abs(num);
        den = BigInteger.Abs(den);
        if (num.IsZero)
        {
            return 0;
        }
        long shift = (long)(den.GetBitLength() - num.GetBitLength()) + 80;
        var q = shift >= 0 ? (num << (int)shift) / den : num / (den << (int)-shift);
        // Round q to 53 significant bits before scaling so the result is one correct rounding.
        int extra = (int)q.GetBitLength() - 53;
        var half = BigInteger.One << (extra - 1);
        var rounded = (q + half) >> extra;
        return sign * Math.ScaleB((double)rounded, (int)(extra - shift));
    }

    /// <summary>π/2 · 2^1500 and friends as double-doubles.</summary>
    public static (double Hi, double Lo) PiOver2 => ToDoubleDouble(PiFixed >> 1);

    public static (double Hi, double Lo) Pi => ToDoubleDouble(PiFixed);

    /// <summary>
    /// atan(k/8) for k = 0..8 as double-doubles, from Euler's series atan(x) = y/x · Σ (2^2n (n!)²/(2n+1)!) y^n,
    /// y = x²/(1 + x²) ≤ 1/2, in fixed point.
    /// </summary>
    public static readonly Lazy<(double Hi, double Lo)[]> AtanEighths = new(() =>
    {
        var result = new (double, double)[9];
        for (int k = 0; k <= 8; k++)
        {
            if (k == 0)
            {
                result[k] = (0, 0);
                continue;
            }
            BigInteger term = BigInteger.One << Bits, sum = term;
            int num = k * k, den = 64 + k * k;
            for (int n = 1; !term.IsZero; n++)
            {
                term = term * (2 * n) * num / ((2 * n + 1) * (BigInteger)den);
                sum += term;
            }
            // y/x = 8k / (64 + k²)
            result[k] = ToDoubleDouble(sum * (8 * k) / den);
        }
        return result;
    });
}
