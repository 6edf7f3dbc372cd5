using System.Numerics;
using ByteChip.Runtime;
using Xunit.Abstractions;

namespace ByteChip.EndToEnd.Tests;

/// <summary>
/// Kernels/mathlib.cu, double precision and exact operations: sin/cos/tan/sincos up to DBL_MAX (Payne–Hanek),
/// the inverse trigonometric and hyperbolic functions, sinpi/cospi, fmod/remainder/ldexp/frexp/modf/ilogb/nextafter,
/// and the float intrinsics with directed rounding against exact rational arithmetic (BigInteger).
/// References: System.Math (within an ulp), exact C# operations, or the double-double sinpi of MathLibraryTests.
/// </summary>
public class MathLibraryDoubleTests(ITestOutputHelper output)
{
    public static TheoryData<int, string> Configurations => MathLibraryTests.Configurations;

    private const int Random = 2000;

    private static readonly double[] s_common =
    [
        0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, 1e-310, 2.2250738585072014e-308,
        1e-300, 1e-20, 1e-8, 0.5, -0.5, 1, -1, 2, -2, 3, 10, 100, 1e10, 1e100, 1e300, double.MaxValue, -double.MaxValue,
    ];

    /// <summary>Huge trigonometric arguments: the literature's hardest cases near multiples of π/2, powers of two, DBL_MAX.</summary>
    private static readonly double[] s_trigEdges =
    [
        1e22, 5.319372648326541e255, 2.6965285931335238e-1, 6381956970095103.0 * Math.Pow(2, 797), 8.794873159354486e+157,
        524287.99999999994, 524288, 1647099.3291652855, 1e6, 1e15, 9007199254740993.0, 1.8446744073709552e19, 1.5707963267948966e300,
        Math.ScaleB(1, 1023), Math.ScaleB(1, 100), Math.ScaleB(1, 52), Math.ScaleB(1, 20) * Math.PI,
    ];

    private sealed record Case(string Kernel, Func<double, double> Reference, double Lo, double Hi, bool Log, double MaxUlp, double[]? Edges = null);

    private static Case[] Unary =>
    [
        new("md_sin", TrigReference.Sin, 1e-10, double.MaxValue, true, 1, s_trigEdges),
        new("md_cos", TrigReference.Cos, 1e-10, double.MaxValue, true, 1, s_trigEdges),
        new("md_tan", TrigReference.Tan, 1e-10, double.MaxValue, true, 2, s_trigEdges),
        new("md_asin", Math.Asin, -1, 1, false, 2, [0.9999999999999999, 0.5, 0.7071067811865476, 1e-300, 0.99, 0.1]),
        new("md_acos", Math.Acos, -1, 1, false, 2, [0.9999999999999999, 0.5, 0.7071067811865476, 1e-300, 0.99, 0.1]),
        new("md_atan", Math.Atan, 1e-300, 1e300, true, 2, [0.0625, 0.1875, 0.9999999999999999, 1.0000000000000002, 0.4375, 1e16]),
        new("md_atan", Math.Atan, -4, 4, false, 2),
        new("md_asinh", Math.Asinh, 1e-300, 1e300, true, 2, [1.9999999999999998, 2.0000000000000004, 268435456, 0.5]),
        new("md_acosh", Math.Acosh, 1, 1e300, true, 2, [1.0000000000000002, 1.9999999999999998, 2.0000000000000004, 268435456]),
        new("md_atanh", Math.Atanh, -1, 1, false, 2, [0.9999999999999999, 0.49999999999999994, 0.5, 1e-300, 1e-9]),
        new("md_sinpi", x => MathLibraryTests.RefSinCosPi(x).Sin, 1e-300, 1e300, true, 1, [0.5, 1, 1.5, 0.25, 4503599627370495.5, 9007199254740992, 0.75, 1e-20]),
        new("md_cospi", x => MathLibraryTests.RefSinCosPi(x).Cos, 1e-300, 1e300, true, 1, [0.5, 1, 1.5, 0.25, 4503599627370495.5, 9007199254740992, 0.75, 1e-20]),
        new("md_sinpi", x => MathLibraryTests.RefSinCosPi(x).Sin, -8, 8, false, 1),
        new("md_rsqrt", x => 1 / Math.Sqrt(x), 1e-320, 1e308, true, 1, [4, 0.25, 2]),
        new("md_rcbrt", x => 1 / Math.Cbrt(x), -1e308, 1e308, true, 2, [8, 27, -64, 0.001]),
        new("md_logb", x => double.IsNaN(x) ? x : x == 0 ? double.NegativeInfinity : double.IsInfinity(x) ? double.PositiveInfinity : Math.ILogB(x), 1e-320, 1e308, true, 0),
    ];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void UnaryDoubleFunctionsAreWithinTheirUlpBounds(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var failures = new List<string>();
        foreach (var c in Unary)
        {
            var inputs = Inputs(c);
            var got = Run(device, module, c.Kernel, inputs);
            Check(c.Kernel, c.MaxUlp, inputs.Select(c.Reference).ToArray(), got, i => $"{inputs[i]:R}", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>sin(1e22) from the literature (Ng, "Argument reduction for huge arguments"), independent of System.Math.</summary>
    [Theory]
    [MemberData(nameof(Configurations))]
    public void SinOfTenToTheTwentyTwoIsTheKnownValue(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var got = Run(device, module, "md_sin", [1e22]);
        Assert.Equal(-0.8522008497671888, got[0]);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void BinaryDoubleFunctionsMatchTheirReferences(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var rng = new Random(17);
        var xs = new List<double>();
        var ys = new List<double>();
        double Any() => (rng.Next(2) == 0 ? -1 : 1) * Math.Exp(rng.NextDouble() * 1400 - 700);
        for (int i = 0; i < Random; i++)
        {
            xs.Add(Any());
            ys.Add(Any());
        }
        for (int i = 0; i < 300; i++)
        {
            xs.Add(rng.Next(-50, 50) * 0.5);
            ys.Add(rng.Next(-8, 8) * 0.5);
        }
        foreach (var x in s_common)
        {
            foreach (var y in s_common)
            {
                xs.Add(x);
                ys.Add(y);
            }
        }
        var x1 = xs.ToArray();
        var y1 = ys.ToArray();
        var failures = new List<string>();
        (string Kernel, Func<double, double, double> Reference, double MaxUlp)[] cases =
        [
            ("md_atan2", Math.Atan2, 2),
            ("md_fmod", (x, y) => x % y, 0),
            ("md_remainder", Math.IEEERemainder, 0),
            ("md_fdim", (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : x > y ? x - y : 0, 0),
            ("md_nextafter", (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : x == y ? y : x < y ? Math.BitIncrement(x) : Math.BitDecrement(x), 0),
        ];
        foreach (var (kernel, reference, maxUlp) in cases)
        {
            var got = MathLibraryTests.Run(device, module, kernel, x1, y1);
            Check(kernel, maxUlp, x1.Select((x, i) => reference(x, y1[i])).ToArray(), got, i => $"{x1[i]:R}, {y1[i]:R}", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void SinCosAndExponentFunctionsMatchTheirReferences(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var failures = new List<string>();
        var xs = Inputs(Unary[0]);
        var both = Run(device, module, "md_sincos", xs, 2);
        Check("sincos (sin)", 1, xs.Select(TrigReference.Sin).ToArray(), MathLibraryTests.Every(both, 0), i => $"{xs[i]:R}", failures);
        Check("sincos (cos)", 1, xs.Select(TrigReference.Cos).ToArray(), MathLibraryTests.Every(both, 1), i => $"{xs[i]:R}", failures);
        both = Run(device, module, "md_sincospi", xs, 2);
        Check("sincospi (sin)", 1, xs.Select(x => MathLibraryTests.RefSinCosPi(x).Sin).ToArray(), MathLibraryTests.Every(both, 0), i => $"{xs[i]:R}", failures);
        Check("sincospi (cos)", 1, xs.Select(x => MathLibraryTests.RefSinCosPi(x).Cos).ToArray(), MathLibraryTests.Every(both, 1), i => $"{xs[i]:R}", failures);
        var parts = Run(device, module, "md_modf", xs, 2);
        Check("modf (fraction)", 0, xs.Select(x => Math.CopySign(double.IsInfinity(x) ? 0 : x - Math.Truncate(x), x)).ToArray(), MathLibraryTests.Every(parts, 0), i => $"{xs[i]:R}", failures);
        Check("modf (integral)", 0, xs.Select(Math.Truncate).ToArray(), MathLibraryTests.Every(parts, 1), i => $"{xs[i]:R}", failures);
        var rng = new Random(23);
        var ks = xs.Select(_ => rng.Next(-2200, 2200)).ToArray();
        using (var dx = device.Upload<double>(xs))
        using (var dk = device.Upload<int>(ks))
        using (var dout = device.Allocate<double>(xs.Length))
        {
            module.GetKernel("md_ldexp").Launch(MathLibraryTests.Grid(xs.Length), new Dim3(256), 0, dx, dk, dout, xs.Length);
            Check("ldexp", 0, xs.Select((x, i) => Math.ScaleB(x, ks[i])).ToArray(), dout.ToArray(), i => $"{xs[i]:R}, {ks[i]}", failures);
        }
        using (var dx = device.Upload<double>(xs))
        using (var dout = device.Allocate<double>(xs.Length))
        using (var de = device.Allocate<int>(xs.Length))
        {
            module.GetKernel("md_frexp").Launch(MathLibraryTests.Grid(xs.Length), new Dim3(256), 0, dx, dout, de, xs.Length);
            var m = dout.ToArray();
            var e = de.ToArray();
            for (int i = 0; i < xs.Length; i++)
            {
                double x = xs[i];
                // frexp: x = m·2^e with |m| in [1/2, 1); zero, infinities and NaN come back unchanged with exponent 0.
                (double wantM, int wantE) = x == 0 || !double.IsFinite(x) ? (x, 0) : (Math.ScaleB(x, -(Math.ILogB(x) + 1)), Math.ILogB(x) + 1);
                if (BitConverter.DoubleToInt64Bits(m[i]) != BitConverter.DoubleToInt64Bits(wantM) && !(double.IsNaN(x) && double.IsNaN(m[i])) || e[i] != wantE)
                {
                    failures.Add($"frexp({x:R}) = ({m[i]:R}, {e[i]}), expected ({wantM:R}, {wantE})");
                }
            }
        }
        using (var dx = device.Upload<double>(xs))
        using (var dout = device.Allocate<int>(xs.Length))
        {
            module.GetKernel("md_ilogb").Launch(MathLibraryTests.Grid(xs.Length), new Dim3(256), 0, dx, dout, xs.Length);
            var got = dout.ToArray();
            for (int i = 0; i < xs.Length; i++)
            {
                // CUDA: ilogb(±0) and ilogb(NaN) are INT_MIN, ilogb(±inf) is INT_MAX.
                double x = xs[i];
                int want = double.IsNaN(x) || x == 0 ? int.MinValue : double.IsInfinity(x) ? int.MaxValue : Math.ILogB(x);
                if (got[i] != want)
                {
                    failures.Add($"ilogb({x:R}) = {got[i]}, expected {want}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // ---- directed rounding: exact rational references ----

    private enum Mode { Zero, Up, Down }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void DirectedRoundingIntrinsicsAreExact(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var rng = new Random(29);
        int n = 1500;
        float Any() => (float)((rng.Next(2) == 0 ? -1 : 1) * Math.Exp(rng.NextDouble() * 60 - 30) * (rng.Next(8) == 0 ? 1e25 : 1)); // finite: up to 1e38
        var x = Enumerable.Range(0, n).Select(_ => Any()).Concat([float.MaxValue, float.MaxValue, 1, float.Epsilon, 0]).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => Any()).Concat([float.MaxValue, -float.MaxValue, 1e-30f, 0.5f, 1]).ToArray();
        var z = Enumerable.Range(0, n).Select(_ => Any()).Concat([1, float.MaxValue, -1, 1e-45f, -0f]).ToArray();
        var failures = new List<string>();
        void Expect(string kernel, float[] got, Func<int, float> want)
        {
            for (int i = 0; i < got.Length; i++)
            {
                float w = want(i);
                if (BitConverter.SingleToInt32Bits(got[i]) != BitConverter.SingleToInt32Bits(w) && !(w == 0 && got[i] == 0))
                {
                    failures.Add($"{kernel}({x[i]:R}, {y[i]:R}, {z[i]:R}) = {got[i]:R}, expected {w:R}");
                    return;
                }
            }
            output.WriteLine($"{kernel}: {got.Length} inputs exact");
        }
        using var dx = device.Upload<float>(x);
        using var dy = device.Upload<float>(y);
        using var dz = device.Upload<float>(z);
        using var dout = device.Allocate<float>(x.Length);
        float[] Launch2(string k)
        {
            module.GetKernel(k).Launch(MathLibraryTests.Grid(x.Length), new Dim3(256), 0, dx, dy, dout, x.Length);
            return dout.ToArray();
        }
        float[] Launch3(string k)
        {
            module.GetKernel(k).Launch(MathLibraryTests.Grid(x.Length), new Dim3(256), 0, dx, dy, dz, dout, x.Length);
            return dout.ToArray();
        }
        Expect("mf_fadd_rz", Launch2("mf_fadd_rz"), i => Round(Exact(x[i]) + Exact(y[i]), Mode.Zero));
        Expect("mf_fadd_ru", Launch2("mf_fadd_ru"), i => Round(Exact(x[i]) + Exact(y[i]), Mode.Up));
        Expect("mf_fadd_rd", Launch2("mf_fadd_rd"), i => Round(Exact(x[i]) + Exact(y[i]), Mode.Down));
        Expect("mf_fsub_rz", Launch2("mf_fsub_rz"), i => Round(Exact(x[i]) - Exact(y[i]), Mode.Zero));
        Expect("mf_fmul_rz", Launch2("mf_fmul_rz"), i => Round(Exact(x[i]) * Exact(y[i]), Mode.Zero));
        Expect("mf_fmul_ru", Launch2("mf_fmul_ru"), i => Round(Exact(x[i]) * Exact(y[i]), Mode.Up));
        Expect("mf_fmul_rd", Launch2("mf_fmul_rd"), i => Round(Exact(x[i]) * Exact(y[i]), Mode.Down));
        Expect("mf_fdiv_rz", Launch2("mf_fdiv_rz"), i => y[i] == 0 ? x[i] / y[i] : Round(Exact(x[i]) / Exact(y[i]), Mode.Zero));
        Expect("mf_fmaf_rz", Launch3("mf_fmaf_rz"), i => Round(Exact(x[i]) * Exact(y[i]) + Exact(z[i]), Mode.Zero));
        Expect("mf_fmaf_ru", Launch3("mf_fmaf_ru"), i => Round(Exact(x[i]) * Exact(y[i]) + Exact(z[i]), Mode.Up));
        Expect("mf_fmaf_rd", Launch3("mf_fmaf_rd"), i => Round(Exact(x[i]) * Exact(y[i]) + Exact(z[i]), Mode.Down));
        var absX = x.Select(MathF.Abs).ToArray();
        using var da = device.Upload<float>(absX);
        module.GetKernel("mf_fsqrt_rz").Launch(MathLibraryTests.Grid(x.Length), new Dim3(256), 0, da, dout, x.Length);
        Expect("mf_fsqrt_rz", dout.ToArray(), i => SqrtRz(absX[i]));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A rational number num/den (den &gt; 0).</summary>
    private readonly record struct Rational(BigInteger Num, BigInteger Den)
    {
        public static Rational operator +(Rational a, Rational b) => new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
        public static Rational operator -(Rational a, Rational b) => new(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);
        public static Rational operator *(Rational a, Rational b) => new(a.Num * b.Num, a.Den * b.Den);
        public static Rational operator /(Rational a, Rational b) => b.Num.Sign < 0 ? new(-a.Num * b.Den, a.Den * -b.Num) : new(a.Num * b.Den, a.Den * b.Num);
        public int CompareTo(Rational o) => (Num * o.Den).CompareTo(o.Num * Den);
    }

    private static Rational Exact(float f)
    {
        int bits = BitConverter.SingleToInt32Bits(f);
        int exp = (bits >> 23) & 0xFF;
        BigInteger mant = (bits & 0x7FFFFF) | (exp == 0 ? 0 : 1 << 23);
        int e = Math.Max(exp, 1) - 150;
        if (bits < 0)
        {
            mant = -mant;
        }
        return e >= 0 ? new(mant << e, 1) : new(mant, BigInteger.One << -e);
    }

    /// <summary>v rounded to float in the given direction: truncate |v| to 24 significant bits (or the subnormal grid), then step away from zero if the mode asks for it.</summary>
    private static float Round(Rational v, Mode mode)
    {
        if (v.Num.IsZero)
        {
            return 0;
        }
        bool negative = v.Num.Sign < 0;
        var a = BigInteger.Abs(v.Num);
        var b = v.Den;
        // e2 = floor(log2 |v|)
        long e2 = (long)a.GetBitLength() - (long)b.GetBitLength();
        bool below = e2 >= 0 ? a < b << (int)e2 : a << (int)-e2 < b;
        if (below)
        {
            e2--;
        }
        int e = (int)Math.Max(e2 - 23, -149);
        var q = e >= 0 ? BigInteger.DivRem(a, b << e, out var rem) : BigInteger.DivRem(a << -e, b, out rem);
        bool away = !rem.IsZero && (mode == Mode.Up && !negative || mode == Mode.Down && negative);
        if (away)
        {
            q += 1;
        }
        float magnitude = (float)Math.ScaleB((double)q, e);
        if (float.IsInfinity(magnitude) && !(mode == Mode.Up && !negative || mode == Mode.Down && negative))
        {
            magnitude = float.MaxValue; // beyond FLT_MAX: only rounding away from zero reaches infinity
        }
        return negative ? -magnitude : magnitude;
    }

    private static float SqrtRz(float a)
    {
        if (a == 0 || !float.IsFinite(a))
        {
            return MathF.Sqrt(a);
        }
        float f = MathF.Sqrt(a);
        var target = Exact(a);
        while (Exact(f) * Exact(f) is var sq && sq.CompareTo(target) > 0)
        {
            f = MathF.BitDecrement(f);
        }
        return f;
    }

    // ---- helpers ----

    private static double[] Inputs(Case c)
    {
        var rng = new Random(c.Kernel.Length * 104729 + (int)c.Lo);
        var list = new List<double>(s_common);
        if (c.Edges is not null)
        {
            list.AddRange(c.Edges);
            list.AddRange(c.Edges.Select(e => -e));
        }
        for (int i = 0; i < Random; i++)
        {
            double u = rng.NextDouble();
            double v = c.Log ? Math.Exp(Math.Log(c.Lo) + u * (Math.Log(c.Hi) - Math.Log(c.Lo))) : c.Lo + u * (c.Hi - c.Lo);
            list.Add(c.Log && c.Lo > 0 && rng.Next(2) == 0 && c.Kernel is not "md_acosh" and not "md_rsqrt" ? -v : v);
        }
        return list.ToArray();
    }

    private static double[] Run(Device device, Module module, string kernel, double[] x, int outputsPerInput = 1) =>
        MathLibraryTests.Run(device, module, kernel, x, outputsPerInput);

    private void Check(string name, double maxUlp, double[] expected, double[] actual, Func<int, string> input, List<string> failures) =>
        UlpReport.Check(output, name, maxUlp, expected.Length, i => DoubleMathTests.UlpDistance(expected[i], actual[i]), i => $"expected {expected[i]:R}, got {actual[i]:R}", input, failures);
}
