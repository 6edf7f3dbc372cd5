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

    /// <summary>Bernoulli numbers B_0..B_n as exact fractions (Akiyama–Tanigawa; B_1 = +1/2, unused here).</summary>
    private static (BigInteger Num, BigInteger Den)[] Bernoulli(int n)
    {
        var result = new (BigInteger, BigInteger)[n + 1];
        var a = new (BigInteger Num, BigInteger Den)[n + 1];
        for (int m = 0; m <= n; m++)
        {
            a[m] = (1, m + 1);
            for (int j = m; j >= 1; j--)
            {
                var (pn, pd) = a[j - 1];
                var (qn, qd) = a[j];
                BigInteger num = j * (pn * qd - qn * pd), den = pd * qd;
                var g = BigInteger.GreatestCommonDivisor(num, den);
                a[j - 1] = g.IsZero ? (0, 1) : (num / g, den / g);
            }
            result[m] = a[0];
        }
        return result;
    }

    /// <summary>
    /// Stirling's series for lgamma: c_j = B_2j / (2j(2j − 1)), j = 1..count, so that
    /// lgamma(x) = (x − ½)·log x − x + ½·log 2π + Σ c_j·x^(1 − 2j).
    /// </summary>
    public static double[] StirlingCoefficients(int count)
    {
        var b = Bernoulli(2 * count);
        return Enumerable.Range(1, count).Select(j => Ratio(b[2 * j].Num, b[2 * j].Den * (2 * j) * (2 * j - 1))).ToArray();
    }

    /// <summary>Euler's constant γ (to 30 digits; a defining constant, as π's digits would be).</summary>
    public const double EulerGamma = 0.577215664901532860606512090082;

    /// <summary>
    /// Taylor coefficients of lgamma(2 + t) = (1 − γ)·t + Σ_{k≥2} (−1)^k (ζ(k) − 1)/k · t^k, as c[0] = 1 − γ,
    /// c[k − 1] for t^k. ζ(k) − 1 by Euler–Maclaurin: Σ_{n=2}^{19} n^-k + 20^(1−k)/(k−1) + 20^-k/2 +
    /// Σ_{j=1}^{8} B_2j/(2j)! · k(k+1)···(k+2j−2) · 20^(−k−2j+1), in 1,500-bit fixed point.
    /// </summary>
    public static double[] LgammaTwoCoefficients(int degree)
    {
        const int n = 20;
        var b = Bernoulli(16);
        var one = BigInteger.One << Bits;
        var c = new double[degree];
        c[0] = 1 - EulerGamma;
        for (int k = 2; k <= degree; k++)
        {
            // Rational sum with a common fixed-point scale: value·2^Bits.
            BigInteger sum = 0;
            for (int m = 2; m < n; m++)
            {
                sum += one / BigInteger.Pow(m, k);
            }
            var nk = BigInteger.Pow(n, k);
            sum += one * n / (nk * (k - 1)) + one / (2 * nk);
            BigInteger rising = k, factorial = 2; // k(k+1)...(k+2j−2), (2j)!
            for (int j = 1; j <= 8; j++)
            {
                var (bn, bd) = b[2 * j];
                sum += one * bn * rising / (bd * factorial * nk * BigInteger.Pow(n, 2 * j - 1));
                rising *= (k + 2 * j - 1) * (BigInteger)(k + 2 * j);
                factorial *= (2 * j + 1) * (BigInteger)(2 * j + 2);
            }
            c[k - 1] = (k % 2 == 0 ? 1 : -1) * Ratio(sum, one * k);
        }
        return c;
    }
}
