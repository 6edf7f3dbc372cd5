using System.Numerics;

namespace ByteChip.EndToEnd.Tests;

/// <summary>
/// sin, cos and tan of any double by an exact reduction: x·(2/π) in 1,600-bit integer arithmetic, with π from
/// Gauss's formula π/4 = 12·atan(1/18) + 8·atan(1/57) − 5·atan(1/239), so that the reduced r = x − q·π/2 is
/// known to far beyond double precision; then System.Math on the small r (where it is accurate) with a
/// first-order correction for r's low part. System.Math alone is not a reference for huge arguments: at
/// x = 6381956970095103·2^797, where x comes within 2^-61 of a multiple of π/2, it is 8 ulp off in cos and 14 in tan.
/// </summary>
internal static class TrigReference
{
    private const int Bits = 1600;

    private static readonly Lazy<BigInteger> s_pi = new(() =>
    {
        static BigInteger AtanInv(int n)
        {
            BigInteger power = (BigInteger.One << Bits) / n, sum = power, n2 = n * n;
            for (int k = 1; !power.IsZero; k++)
            {
                power /= n2;
                sum += (k % 2 == 1 ? -1 : 1) * (power / (2 * k + 1));
            }
            return sum;
        }
        return 4 * (12 * AtanInv(18) + 8 * AtanInv(57) - 5 * AtanInv(239));
    });

    /// <summary>π·2^bits, truncated (bits &lt;= 1,590).</summary>
    public static BigInteger PiFixed(int bits) => s_pi.Value >> (Bits - bits);

    /// <summary>(q mod 4, rh, rl) with x = q·π/2 + rh + rl, |rh + rl| &lt;= π/4.</summary>
    public static (int Q, double Rh, double Rl) Reduce(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int exp = (int)(bits >> 52);
        var mant = new BigInteger((bits & 0xFFFFFFFFFFFFFL) | (exp == 0 ? 0 : 1L << 52));
        int e = Math.Max(exp, 1) - 1075;
        // t = |x|·2/π·2^Bits = mant·2^e·2^(Bits+1)·2^Bits / (π·2^Bits)
        var num = mant << (Bits + 1 + Bits + Math.Max(e, 0));
        var den = s_pi.Value << Math.Max(-e, 0);
        var t = num / den;
        var one = BigInteger.One << Bits;
        var q = t >> Bits;
        var frac = t - (q << Bits);
        if (frac > one / 2)
        {
            frac -= one;
            q += 1;
        }
        // r = frac·π/2 (fixed point, scale 2^Bits)
        var r = frac * s_pi.Value >> (Bits + 1);
        double rh = ToDouble(r);
        double rl = ToDouble(r - FromDouble(rh));
        int quadrant = (int)(q % 4);
        if (x < 0)
        {
            (rh, rl, quadrant) = (-rh, -rl, (4 - quadrant) % 4);
        }
        return (quadrant, rh, rl);
    }

    public static double Sin(double x) => Eval(x, 0);

    public static double Cos(double x) => Eval(x, 1);

    public static double Tan(double x) => Eval(x, 2);

    private static double Eval(double x, int which)
    {
        if (!double.IsFinite(x))
        {
            return double.NaN;
        }
        if (Math.Abs(x) < 1e5)
        {
            return which switch { 0 => Math.Sin(x), 1 => Math.Cos(x), _ => Math.Tan(x) };
        }
        var (q, rh, rl) = Reduce(x);
        double s = Math.Sin(rh) + Math.Cos(rh) * rl, c = Math.Cos(rh) - Math.Sin(rh) * rl;
        if (which == 2)
        {
            double tan = Math.Tan(rh), t = tan + (1 + tan * tan) * rl;
            return q % 2 == 0 ? t : -1 / t;
        }
        if (which == 1)
        {
            q = (q + 1) % 4;
        }
        return q switch { 0 => s, 1 => c, 2 => -s, _ => -c };
    }

    private static double ToDouble(BigInteger fixedPoint)
    {
        if (fixedPoint.IsZero)
        {
            return 0;
        }
        var a = BigInteger.Abs(fixedPoint);
        int shift = (int)a.GetBitLength() - 64;
        double d = shift > 0 ? Math.ScaleB((double)(a >> shift), shift - Bits) : Math.ScaleB((double)a, -Bits);
        return fixedPoint.Sign < 0 ? -d : d;
    }

    private static BigInteger FromDouble(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
        int exp = (int)(bits >> 52);
        var mant = new BigInteger((bits & 0xFFFFFFFFFFFFFL) | (exp == 0 ? 0 : 1L << 52));
        int shift = Math.Max(exp, 1) - 1075 + Bits;
        var v = shift >= 0 ? mant << shift : mant >> -shift;
        return d < 0 ? -v : v;
    }
}
