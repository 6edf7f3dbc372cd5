using ByteChip.Runtime;
using Xunit.Abstractions;

namespace ByteChip.EndToEnd.Tests;

/// <summary>
/// Kernels/doublemath.cu: the double-precision math library (IR sequences, FunctionEmitter.DoubleMath.cs)
/// over a few thousand inputs per function across its domain, edge values included, against System.Math
/// (or a decimal-precision reference where System.Math has no such function), with an ulp-distance bound.
/// The bounds are the measured maxima documented in compiler/docs/math.md plus a little margin.
/// </summary>
public class DoubleMathTests(ITestOutputHelper output)
{
    public static TheoryData<int, string> Configurations => CompiledKernels.Configurations;

    private const int Random = 3000;

    private sealed record Case(string Name, Func<double, double> Reference, double Lo, double Hi, bool Log, double[] Edges, int MaxUlp, double Limit = double.PositiveInfinity);

    private static readonly double[] s_common = [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, 1e-310, 1e-300, 1e-20, 1, -1, 0.5, -0.5, 2, 3, 10, 100, double.MaxValue, -double.MaxValue];

    /// <summary>Arguments here stay below 2^20·π/2 (the Cody–Waite range); MathLibraryDoubleTests covers the rest up to DBL_MAX.</summary>
    private const double TrigLimit = 1647099.3291652855;

    private static Case[] Unary =>
    [
        new("exp", Math.Exp, -745.2, 709.8, false, [709.78, 709.79, -708.4, -745.1, -745.2, -744.5, 1e-17, -1e-17, 0.34657359, 0.5 * Math.Log(2)], 2),
        new("exp2", x => Math.Pow(2, x), -1076, 1024.5, false, [1023.99, 1024, -1022, -1074, -1075, -1074.5, -1073.3, 0.5, 52.5, -0.25], 2),
        new("exp10", x => Math.Pow(10, x), -324, 308.3, false, [308.25, 308.26, -307, -323.3, -324, 1e-5, 22, 15, -5], 2),
        new("expm1", RefExpm1, -50, 710, false, [1e-10, -1e-10, 1e-5, 0.3, -0.3, 0.35, 0.7, 40, 41, -40, -41, 709.78, 709.8, -38, 37], 2),
        new("log", Math.Log, 1e-320, 1e308, true, [0.9999999, 1.0000001, 1 + 1e-15, 1 - 1e-16, Math.Sqrt(2), Math.Sqrt(0.5), 2.2250738585072014e-308, 5e-324, 0.7071, 1.4142], 2),
        new("log2", Math.Log2, 1e-320, 1e308, true, [1024, 0.125, 1 + 1e-15, 1 - 1e-16, Math.Sqrt(2), 2.2250738585072014e-308, 5e-324, 3, 7, 1e-300], 2),
        new("log10", Math.Log10, 1e-320, 1e308, true, [1000, 1e-5, 1 + 1e-15, 1 - 1e-16, Math.Sqrt(2), 2.2250738585072014e-308, 5e-324, 1e22, 1e-300], 2),
        new("log1p", RefLog1p, -0.999999, 1e300, true, [1e-10, -1e-10, 1e-17, -0.5, -0.9999999999, 0.4142, -0.2929, 1e15, 1e16], 2),
        new("sin", Math.Sin, -1e5, 1e5, false, [Math.PI, Math.PI / 2, Math.PI / 4, 3 * Math.PI / 4, 1e-8, 355, 103993, 0.7853981633974483, -6.283185307179586, 1e5, 710.0, 1e6], 2, TrigLimit),
        new("cos", Math.Cos, -1e5, 1e5, false, [Math.PI, Math.PI / 2, Math.PI / 4, 3 * Math.PI / 4, 1e-8, 355, 103993, 0.7853981633974483, -6.283185307179586, 1e5, 710.0, 1e6], 2, TrigLimit),
        new("tan", Math.Tan, -1e5, 1e5, false, [Math.PI, Math.PI / 4, 3 * Math.PI / 4, 1e-8, 355, 103993, 0.7853981633974483, 1.5, 1e5, 1e6], 3, TrigLimit),
        new("sinh", Math.Sinh, -711, 711, false, [1e-9, 0.999, 1.001, 21.9, 22.1, 710.4, 710.5, 710.48, -0.5], 3),
        new("cosh", Math.Cosh, -711, 711, false, [1e-9, 0.999, 1.001, 21.9, 22.1, 710.4, 710.5, 710.48, -0.5], 4),
        new("tanh", Math.Tanh, -25, 25, false, [1e-9, 0.54, 0.55, 0.999, 1.001, 21.9, 22.1, -1e-300, 3.7e-9], 4),
        new("erf", RefErf, -7, 7, false, [1e-300, 1e-9, 0.999, 1.0001, 3.19, 3.21, 5.9, 6.1, -2.5], 3),
        new("erfc", RefErfc, -7, 27.5, false, [1e-300, 1e-9, 0.999, 1.0001, 3.19, 3.21, 5.9, 6.1, -2.5, 26.5, 27.2, 27.3], 4),
        new("cbrt", Math.Cbrt, -1e300, 1e300, true, [8, 27, -64, 1e-310, 2.2250738585072014e-308, 0.001, 1e300], 3),
    ];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void UnaryFunctionsAreWithinTheirUlpBounds(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("doublemath.cu", opt, arch);
        using var _ = device;
        var failures = new List<string>();
        foreach (var c in Unary)
        {
            var inputs = Inputs(c);
            using var dx = device.Upload<double>(inputs);
            using var dout = device.Allocate<double>(inputs.Length);
            module.GetKernel("d_" + c.Name).Launch(new Dim3((uint)(inputs.Length + 255) / 256), new Dim3(256), 0, dx, dout, inputs.Length);
            Check(c.Name, c.MaxUlp, inputs.Select(x => c.Reference(x)).ToArray(), dout.ToArray(), i => $"{inputs[i]:R}", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void PowAndHypotAreWithinTheirUlpBounds(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("doublemath.cu", opt, arch);
        using var _ = device;
        var failures = new List<string>();
        var rng = new Random(7);
        var xs = new List<double>();
        var ys = new List<double>();
        // Magnitudes across the range, results from underflow to overflow; then integer/negative/special bases.
        for (int i = 0; i < Random; i++)
        {
            double x = Math.Exp(rng.NextDouble() * 1400 - 700);
            double y = (rng.NextDouble() * 2 - 1) * 700 / Math.Max(Math.Abs(Math.Log(x)), 0.25);
            xs.Add(x);
            ys.Add(y);
        }
        for (int i = 0; i < 500; i++)
        {
            xs.Add(rng.NextDouble() * 20 - 10);
            ys.Add(rng.Next(-40, 40));
        }
        double[] specials = [0.0, -0.0, 1, -1, 2, -2, 0.5, -0.5, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 3, -3, 1e300, 1e-300];
        foreach (var x in specials)
        {
            foreach (var y in specials)
            {
                xs.Add(x);
                ys.Add(y);
            }
        }
        xs.AddRange([1 + 1e-15, 1 - 1e-16, 10, 2, 7, 0.1, -8]);
        ys.AddRange([1e17, -1e17, 308.2, 1023.9, 364.7, 323.5, 1.0 / 3]);
        var x1 = xs.ToArray();
        var y1 = ys.ToArray();
        using var dx = device.Upload<double>(x1);
        using var dy = device.Upload<double>(y1);
        using var dout = device.Allocate<double>(x1.Length);
        module.GetKernel("d_pow").Launch(new Dim3((uint)(x1.Length + 255) / 256), new Dim3(256), 0, dx, dy, dout, x1.Length);
        Check("pow", 2, x1.Select((x, i) => Math.Pow(x, y1[i])).ToArray(), dout.ToArray(), i => $"{x1[i]:R}, {y1[i]:R}", failures);
        module.GetKernel("d_hypot").Launch(new Dim3((uint)(x1.Length + 255) / 256), new Dim3(256), 0, dx, dy, dout, x1.Length);
        Check("hypot", 3, x1.Select((x, i) => double.Hypot(x, y1[i])).ToArray(), dout.ToArray(), i => $"{x1[i]:R}, {y1[i]:R}", failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static double[] Inputs(Case c)
    {
        var rng = new Random(c.Name.Length * 7919 + c.Name[0]);
        var list = new List<double>(s_common);
        list.AddRange(c.Edges);
        list.AddRange(c.Edges.Select(e => -e));
        for (int i = 0; i < Random; i++)
        {
            double u = rng.NextDouble();
            list.Add(c.Log ? Math.Exp(Math.Log(c.Lo) + u * (Math.Log(c.Hi) - Math.Log(c.Lo))) : c.Lo + u * (c.Hi - c.Lo));
        }
        for (int i = 0; i < 500; i++)
        {
            list.Add((rng.NextDouble() * 2 - 1) * 4); // dense near the origin, where the approximations switch
        }
        return list.Where(x => !(Math.Abs(x) > c.Limit && double.IsFinite(x))).ToArray();
    }

    /// <summary>Distance in units in the last place (0 when both are NaN or both the same infinity/zero of the same sign).</summary>
    public static double UlpDistance(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual) ? 0 : double.PositiveInfinity;
        }
        if (expected == 0 && actual == 0)
        {
            return double.IsNegative(expected) == double.IsNegative(actual) ? 0 : double.PositiveInfinity;
        }
        static long Ordered(double d)
        {
            long b = BitConverter.DoubleToInt64Bits(d);
            return b < 0 ? long.MinValue - b : b;
        }
        return (double)Int128.Abs((Int128)Ordered(expected) - Ordered(actual));
    }

    private void Check(string name, int maxUlp, double[] expected, double[] actual, Func<int, string> input, List<string> failures) =>
        UlpReport.Check(output, name, maxUlp, expected.Length, i => UlpDistance(expected[i], actual[i]), i => $"expected {expected[i]:R}, got {actual[i]:R}", input, failures);

    // ---- references without a System.Math counterpart (decimal arithmetic, ~25 digits) ----

    internal static double RefExpm1(double x)
    {
        if (x == 0)
        {
            return x;
        }
        if (Math.Abs(x) < 1e-8)
        {
            return x + x * x * (0.5 + x / 6);
        }
        if (double.IsNaN(x) || Math.Abs(x) >= 0.5)
        {
            return Math.Exp(x) - 1; // exp's error stays below 1 ulp after the subtraction here
        }
        decimal d = Dec(x), term = d, sum = d;
        for (int n = 2; n < 40 && term != 0; n++)
        {
            term = term * d / n;
            sum += term;
        }
        return (double)sum;
    }

    internal static double RefLog1p(double x)
    {
        if (Math.Abs(x) < 1e-8)
        {
            return x - x * x * (0.5 - x / 3);
        }
        if (double.IsNaN(x) || x > 1 || x <= -0.5)
        {
            return Math.Log(1 + x);
        }
        // log(1+x) = 2 atanh(s), s = x/(2+x), |s| <= 1/3
        decimal s = Dec(x) / (2 + Dec(x)), s2 = s * s, term = s, sum = 0;
        for (int n = 1; n < 120; n += 2)
        {
            sum += term / n;
            term *= s2;
        }
        return (double)(2 * sum);
    }

    internal static double RefErf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        double a = Math.Abs(x);
        if (a < 1e-8)
        {
            return x * 1.1283791670955126 * (1 - x * x / 3);
        }
        if (a > 3.5)
        {
            return Math.CopySign(1 - RefErfc(a), x);
        }
        return Math.CopySign((double)ErfSeries(Dec(a)), x);
    }

    internal static double RefErfc(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x < 0)
        {
            return 1 + RefErf(-x);
        }
        if (x > 27.3)
        {
            return 0;
        }
        if (x < 3.5)
        {
            return (double)(1 - ErfSeries(Dec(x)));
        }
        // Continued fraction (deep enough to converge beyond 3.5) times e^(-x²) with x² split exactly.
        double t = x;
        for (int n = 400; n >= 1; n--)
        {
            t = x + n * 0.5 / t;
        }
        double z = x * x, zl = Math.FusedMultiplyAdd(x, x, -z);
        return Math.Exp(-z) * (1 - zl) / Math.Sqrt(Math.PI) / t;
    }

    /// <summary>The double exactly in decimal (the explicit conversion keeps only 15 digits) as far as 28 digits allow.</summary>
    private static decimal Dec(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int exp = (int)(bits >> 52);
        long mant = bits & 0xFFFFFFFFFFFFF;
        if (exp == 0)
        {
            exp = 1;
        }
        else
        {
            mant |= 1L << 52;
        }
        decimal r = mant;
        for (int e = exp - 1075; e < 0; e++)
        {
            r /= 2;
        }
        for (int e = exp - 1075; e > 0; e--)
        {
            r *= 2;
        }
        return x < 0 ? -r : r;
    }

    /// <summary>erf(a) = 2/√π Σ (−1)^n a^(2n+1)/(n!(2n+1)) in decimal (a &lt;= 3.5 keeps 20+ digits).</summary>
    private static decimal ErfSeries(decimal a)
    {
        decimal a2 = a * a, term = a, sum = 0;
        for (int n = 0; n < 200; n++)
        {
            decimal t = term / (2 * n + 1);
            sum += t;
            if (Math.Abs(t) < 1e-27m && n > 2)
            {
                break;
            }
            term = -term * a2 / (n + 1);
        }
        return sum * 1.1283791670955125738961589031m;
    }
}
