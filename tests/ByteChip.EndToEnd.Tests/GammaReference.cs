using System.Numerics;

namespace ByteChip.EndToEnd.Tests;

/// <summary>
/// lgamma and tgamma of a double to well beyond double precision, in 320-bit fixed-point integer arithmetic:
/// lgamma(x) = lgamma(x + 100) − log(x(x+1)···(x+99)), the product exact in integers, and lgamma(x + 100) by
/// Stirling's series to the x^-15 term (the next term is below 2·10^-35 there: absolute accuracy matters near the
/// zeros of lgamma). log and exp are series on reduced
/// arguments (2·atanh((m−1)/(m+1)) for m in [½, 1); e^r with |r| &lt;= ln2/2). Negative x by reflection with the
/// double-double sinpi of MathLibraryTests (within about half an ulp).
/// </summary>
internal static class GammaReference
{
    private const int Bits = 320;
    private static readonly BigInteger s_one = BigInteger.One << Bits;
    private static readonly BigInteger s_ln2 = 2 * Atanh(s_one / 3);

    /// <summary>atanh(s) = s + s³/3 + s^5/5 + ... for |s| &lt;= 1/3 (fixed point).</summary>
    private static BigInteger Atanh(BigInteger s)
    {
        BigInteger sum = s, power = s, s2 = s * s >> Bits;
        for (int k = 3; !power.IsZero; k += 2)
        {
            power = BigInteger.Divide(power * s2, s_one); // truncates towards zero, so negative s terminates too
            sum += power / k;
        }
        return sum;
    }

    /// <summary>ln(num/den) for positive integers, fixed point.</summary>
    private static BigInteger Ln(BigInteger num, BigInteger den)
    {
        long e = (long)num.GetBitLength() - (long)den.GetBitLength();
        // m = num/(den·2^e) in [½, 2): bring it into [½, 1).
        var m = e >= 0 ? (num << Bits) / (den << (int)e) : (num << (int)(Bits - e)) / den;
        if (m >= s_one)
        {
            m >>= 1;
            e++;
        }
        var s = ((m - s_one) << Bits) / (m + s_one);
        return 2 * Atanh(s) + e * s_ln2;
    }

    /// <summary>e^v (v fixed point) as a double, through 2^k·e^r.</summary>
    private static double Exp(BigInteger v)
    {
        var k = BigInteger.Divide(v, s_ln2); // |r| < ln 2 below
        var r = v - k * s_ln2;
        BigInteger sum = s_one, term = s_one;
        for (int n = 1; !term.IsZero; n++)
        {
            term = term * r / (n * s_one);
            sum += term;
        }
        if (k > 2000)
        {
            return double.PositiveInfinity;
        }
        if (k < -2000)
        {
            return 0;
        }
        return Math.ScaleB(ToDouble(sum), (int)k);
    }

    private static double ToDouble(BigInteger fixedPoint)
    {
        var a = BigInteger.Abs(fixedPoint);
        int shift = Math.Max((int)a.GetBitLength() - 62, 0);
        double d = Math.ScaleB((double)(a >> shift), shift - Bits);
        return fixedPoint.Sign < 0 ? -d : d;
    }

    /// <summary>lgamma(x) for x &gt; 0, fixed point.</summary>
    private static BigInteger LgammaPositive(double x)
    {
        // x = mant·2^e exactly; work with the integer X = mant·2^(e + s) and denominator D = 2^s (s >= 0).
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exp = (int)(bits >> 52);
        var mant = new BigInteger((bits & 0xFFFFFFFFFFFFFL) | (exp == 0 ? 0 : 1L << 52));
        int e = Math.Max(exp, 1) - 1075;
        BigInteger xn = e >= 0 ? mant << e : mant, xd = e >= 0 ? BigInteger.One : BigInteger.One << -e;
        const int shiftBy = 100;
        BigInteger prodNum = BigInteger.One, prodDen = BigInteger.One;
        for (int i = 0; i < shiftBy; i++)
        {
            prodNum *= xn + i * xd;
            prodDen *= xd;
        }
        // z = x + 100 in fixed point; Stirling: (z − ½)ln z − z + ½ ln 2π + Σ B_2j/(2j(2j − 1)) z^(1−2j), B_2..B_16
        var z = ((xn + shiftBy * xd) << Bits) / xd;
        var lnZ = Ln(xn + shiftBy * xd, xd);
        var halfLn2Pi = s_halfLn2Pi;
        var inv = (s_one << Bits) / z;
        var inv2 = inv * inv >> Bits;
        BigInteger series = 0, power = inv;
        (int Num, int Den)[] c = [(1, 12), (-1, 360), (1, 1260), (-1, 1680), (1, 1188), (-691, 360360), (1, 156), (-3617, 122400)];
        foreach (var (num, den) in c)
        {
            series += power * num / den;
            power = power * inv2 >> Bits;
        }
        var stirling = ((z - s_one / 2) * lnZ >> Bits) - z + halfLn2Pi + series;
        return stirling - Ln(prodNum, prodDen);
    }

    private static readonly BigInteger s_halfLn2Pi = Ln(2 * TrigReference.PiFixed(Bits), s_one) / 2;

    public static double Lgamma(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (double.IsInfinity(x) || x == 0 || x < 0 && Math.Floor(x) == x)
        {
            return double.PositiveInfinity;
        }
        if (x is 1 or 2)
        {
            return 0; // exactly; the fixed-point value is off by units of 2^-320
        }
        if (x > 0)
        {
            return ToDouble(LgammaPositive(x));
        }
        // log π − log|sinpi(x)·x| − lgamma(−x)
        double s = Math.Abs(MathLibraryTests.RefSinCosPi(x).Sin);
        return Math.Log(Math.PI) - Math.Log(s) - Math.Log(-x) - ToDouble(LgammaPositive(-x));
    }

    public static double Tgamma(double x)
    {
        if (double.IsNaN(x) || x == double.NegativeInfinity || x < 0 && Math.Floor(x) == x)
        {
            return double.NaN;
        }
        if (x == 0)
        {
            return 1 / x;
        }
        if (x == double.PositiveInfinity)
        {
            return x;
        }
        if (x > 0)
        {
            return Exp(LgammaPositive(x));
        }
        // π / (sinpi(x)·(−x)·Γ(−x)), with 1/Γ(−x) = e^(−lgamma(−x))
        double s = MathLibraryTests.RefSinCosPi(x).Sin;
        return Math.PI / (s * -x) * Exp(-LgammaPositive(-x));
    }
}
