using ByteChip.Runtime;
using Xunit.Abstractions;

namespace ByteChip.EndToEnd.Tests;

/// <summary>
/// Kernels/mathlib.cu, single precision: every float function of the math library over edge values and a few
/// thousand random inputs across its domain (trigonometric arguments up to FLT_MAX), against the double-precision
/// System.Math function (or the decimal references of DoubleMathTests) rounded to float. The single-precision
/// sequences (expf, logf, powf, sinf, erff, atan2f, asinhf, cbrtf, ...) are held to CUDA's documented bounds, the
/// exact functions to 0; compiler/docs/math.md lists the bounds and the measured maxima.
/// </summary>
public class MathLibraryTests(ITestOutputHelper output)
{
    /// <summary>-O0 and -O2 on n4; -O2 on n5 (the targets share the floating-point instructions; this keeps the suite fast).</summary>
    public static TheoryData<int, string> Configurations => new() { { 0, "n4" }, { 2, "n4" }, { 2, "n5" } };

    private const int Random = 2000;

    /// <summary>Range kinds: uniform in [Lo, Hi], or log-uniform magnitudes in [Lo, Hi] with both signs.</summary>
    private enum Spread { Uniform, LogBothSigns, LogPositive }

    private sealed record Case(string Kernel, Func<double, double> Reference, double Lo, double Hi, Spread Spread, double MaxUlp, float[]? Edges = null);

    private static readonly float[] s_common =
    [
        0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f,
        1.17549435e-38f, 1e-30f, 1e-10f, 1e-5f, 0.5f, -0.5f, 1, -1, 2, -2, 3, 10, -10, 100, 1e10f, -1e10f, 1e30f, float.MaxValue, -float.MaxValue,
    ];

    /// <summary>Trigonometric edge values: multiples of π/2 in float (the worst cancellations), 2^k, FLT_MAX.</summary>
    private static readonly float[] s_trigEdges =
    [
        1.5707964f, 3.1415927f, 4.712389f, 6.2831855f, 7.853982f, 105414350f, 1.0e22f, 2.3283064e-10f, 8.388608e6f, 16777216f,
        1.7014118e38f, 3.0e38f, 52174f, 105615f, 105615.01f, 105614.99f, 5.3e5f, 6.0e5f, 1.0e6f, 1.0e7f, 7.6e7f, 9.9e9f, 4.5e15f, 1.2e20f, 8.6e32f,
    ];

    private static Case[] Unary =>
    [
        new("mf_sinf", TrigReference.Sin, 1e-8, 3.4e38, Spread.LogBothSigns, 2, s_trigEdges),
        new("mf_cosf", TrigReference.Cos, 1e-8, 3.4e38, Spread.LogBothSigns, 2, s_trigEdges),
        new("mf_tanf", TrigReference.Tan, 1e-8, 3.4e38, Spread.LogBothSigns, 4, s_trigEdges),
        new("mf_sinf", TrigReference.Sin, -20, 20, Spread.Uniform, 2),
        new("mf_cosf", TrigReference.Cos, 1e3, 105615, Spread.Uniform, 2),
        new("mf_sinf", TrigReference.Sin, 1e3, 105615, Spread.Uniform, 2),
        new("mf_tanf", TrigReference.Tan, -20, 20, Spread.Uniform, 4),
        new("mf_tanf", TrigReference.Tan, 1e3, 105615, Spread.Uniform, 4),
        new("mf_expf", Math.Exp, -104, 89, Spread.Uniform, 2, [88.72283f, 88.72284f, -87.33654f, -103.97208f, -103.28f, 85.99999f, 86, 86.00001f, 1e-8f]),
        new("mf_expf", Math.Exp, 1e-30, 1, Spread.LogBothSigns, 2),
        new("mf_exp2f", x => Math.Pow(2, x), -150, 128.5, Spread.Uniform, 2, [127.99999f, 128, -126, -149, -150, -149.5f, 124, 123.99999f, -124, 0.5f, 1e-7f]),
        new("mf_exp2f", x => Math.Pow(2, x), -1, 1, Spread.Uniform, 2),
        new("mf_exp10f", x => Math.Pow(10, x), -46, 39, Spread.Uniform, 2, [38.53184f, 38.53185f, -37.9f, -44.8f, -45.5f, 7, -7, 37, 36.99999f, -37, 1e-7f]),
        new("mf_exp10f", x => Math.Pow(10, x), -1, 1, Spread.Uniform, 2),
        new("mf_expm1f", DoubleMathTests.RefExpm1, -20, 89, Spread.Uniform, 1, [1e-7f, -1e-7f, 1e-3f, 0.35f, -0.35f, 88.72f, 0.6931471f, 0.6931472f, 0.34657356f, 88.72283f, 88.72284f, 88.8f, 30, 17.12f]),
        new("mf_expm1f", DoubleMathTests.RefExpm1, -2, 2, Spread.Uniform, 1),
        new("mf_expm1f", DoubleMathTests.RefExpm1, 1e-30, 1, Spread.LogBothSigns, 1),
        new("mf_logf", Math.Log, 1e-45, 3.4e38, Spread.LogPositive, 1, [0.99999994f, 1.0000001f, 1.4142135f, 0.70710677f, 1.1754942e-38f, 0.6666666f, 0.6666667f, 1.3333333f, 1.3333334f]),
        new("mf_logf", Math.Log, 0.5, 2, Spread.Uniform, 1),
        new("mf_log2f", Math.Log2, 1e-45, 3.4e38, Spread.LogPositive, 1, [0.99999994f, 1.0000001f, 1024, 0.125f]),
        new("mf_log2f", Math.Log2, 0.5, 2, Spread.Uniform, 1),
        new("mf_log10f", Math.Log10, 0.5, 2, Spread.Uniform, 2),
        new("mf_log10f", Math.Log10, 1e-45, 3.4e38, Spread.LogPositive, 2, [0.99999994f, 1.0000001f, 1000, 1e-5f]),
        new("mf_log1pf", DoubleMathTests.RefLog1p, 1e-30, 3e38, Spread.LogPositive, 1, [-0.99999994f, -0.5f, 1e-8f, -1e-8f, 0.41421357f, 1.4901161e-8f, 1.5e-8f, -0.33333334f, 16777216f]),
        new("mf_log1pf", DoubleMathTests.RefLog1p, -0.9999, 1, Spread.Uniform, 1),
        new("mf_sinhf", Math.Sinh, -90, 90, Spread.Uniform, 3, [89.41599f, 89.416f, 1e-4f, 0.999f, 1, 1.0000001f, 0.99999994f, 90, 90.00001f]),
        new("mf_sinhf", Math.Sinh, -3, 3, Spread.Uniform, 3),
        new("mf_coshf", Math.Cosh, -90, 90, Spread.Uniform, 2, [89.41599f, 89.416f, 1e-4f, 90, 90.00001f]),
        new("mf_coshf", Math.Cosh, -3, 3, Spread.Uniform, 2),
        new("mf_tanhf", Math.Tanh, -12, 12, Spread.Uniform, 2, [1e-4f, 0.55f, 9.01f, 20, 0.75f, 0.75000006f, 0.7499999f, 9.5f]),
        new("mf_tanhf", Math.Tanh, -2, 2, Spread.Uniform, 2),
        new("mf_asinf", Math.Asin, -1, 1, Spread.Uniform, 2, [0.99999994f, 0.5f, 0.50000006f, 0.49999997f, 0.70710677f, 1e-20f, 1.0000001f, 1e-40f]),
        new("mf_asinf", Math.Asin, 0.45, 0.99, Spread.Uniform, 2),
        new("mf_acosf", Math.Acos, -1, 1, Spread.Uniform, 2, [0.99999994f, -0.99999994f, 0.5f, 0.50000006f, 0.49999997f, 1e-20f, 1.0000001f]),
        new("mf_acosf", Math.Acos, -0.99, -0.45, Spread.Uniform, 2),
        new("mf_atanf", Math.Atan, 1e-30, 1e30, Spread.LogBothSigns, 2, [0.0625f, 0.1875f, 0.9999f, 1.0001f, 0.99999994f, 1.0000001f, 16777216f, 1e-40f]),
        new("mf_atanf", Math.Atan, -3, 3, Spread.Uniform, 2),
        new("mf_asinhf", Math.Asinh, 1e-30, 3e38, Spread.LogBothSigns, 3, [1.9999999f, 2.0000002f, 2.6843546e8f, 0.5f, 0.50000006f, 4096, 4095.9998f, 1e-40f]),
        new("mf_asinhf", Math.Asinh, -5, 5, Spread.Uniform, 3),
        new("mf_acoshf", Math.Acosh, 1, 3e38, Spread.LogPositive, 4, [1.0000001f, 1.9999999f, 2.0000002f, 0.5f, 0.99999994f, 4096, 4095.9998f, 1.0001f]),
        new("mf_acoshf", Math.Acosh, 1, 5, Spread.Uniform, 4),
        new("mf_atanhf", Math.Atanh, -1, 1, Spread.Uniform, 3, [0.99999994f, 0.49999997f, 0.5f, 0.50000006f, 1e-20f, 1.0000001f, 1e-40f, 0.9999f]),
        new("mf_atanhf", Math.Atanh, 1e-30, 1, Spread.LogBothSigns, 3),
        new("mf_erff", DoubleMathTests.RefErf, -6, 6, Spread.Uniform, 2, [1e-20f, 0.99999994f, 1.0000001f, 3.9f, 0.9f, 0.90000004f, 0.8999999f, 3.92f, 4, 4.0000005f]),
        new("mf_erff", DoubleMathTests.RefErf, -1.5, 1.5, Spread.Uniform, 2),
        new("mf_erfcf", DoubleMathTests.RefErfc, -4, 11, Spread.Uniform, 4, [1e-20f, 0.99999994f, 1.0000001f, 10.05f, 10.06f, 0.5f, 0.50000006f, 9.19f, 10.0595f, 10.5f, 10.500001f]),
        new("mf_erfcf", DoubleMathTests.RefErfc, 0.4, 1.5, Spread.Uniform, 4),
        new("mf_normcdff", x => DoubleMathTests.RefErfc(-x / Math.Sqrt(2)) / 2, -15, 6, Spread.Uniform, 5, [0.70710677f, 0.7071068f, -14.2f, -14.9f, -13.0f, 5.6f]),
        new("mf_normcdff", x => DoubleMathTests.RefErfc(-x / Math.Sqrt(2)) / 2, -2, 2, Spread.Uniform, 5),
        new("mf_cbrtf", Math.Cbrt, 1e-45, 3.4e38, Spread.LogBothSigns, 1, [8, 27, -64, 0.001f, 1.1754942e-38f, 7.9999995f, 1.0000001f, 0.99999994f]),
        new("mf_cbrtf", Math.Cbrt, 1, 8, Spread.Uniform, 1),
        new("mf_rcbrtf", x => 1 / Math.Cbrt(x), 1e-45, 3.4e38, Spread.LogBothSigns, 1, [8, 27, -64, 0.001f, 1.1754942e-38f, 7.9999995f, 1.0000001f, 0.99999994f]),
        new("mf_rcbrtf", x => 1 / Math.Cbrt(x), 1, 8, Spread.Uniform, 1),
        new("mf_rsqrtf", x => 1 / Math.Sqrt(x), 1e-45, 3.4e38, Spread.LogPositive, 1, [4, 0.25f, 2]),
        new("mf_sinpif", x => RefSinCosPi(x).Sin, 1e-30, 3.4e38, Spread.LogBothSigns, 1, [0.5f, 1, 1.5f, 2, 0.25f, 8388607.5f, 16777216f, 0.75f, 4194303.75f, 8388607f, 16777215f, 1e-40f, 0.24999999f]),
        new("mf_cospif", x => RefSinCosPi(x).Cos, 1e-30, 3.4e38, Spread.LogBothSigns, 1, [0.5f, 1, 1.5f, 2, 0.25f, 8388607.5f, 16777216f, 0.75f, 4194303.75f, 8388607f, 16777215f, 1e-40f, 0.24999999f]),
        new("mf_cospif", x => RefSinCosPi(x).Cos, -10, 10, Spread.Uniform, 1),
        new("mf_sinpif", x => RefSinCosPi(x).Sin, -10, 10, Spread.Uniform, 1),
        new("mf_logbf", RefLogb, 1e-45, 3.4e38, Spread.LogBothSigns, 0),
        new("mf_sqrtf", Math.Sqrt, 1e-45, 3.4e38, Spread.LogPositive, 0),
        new("mf_fabsf", Math.Abs, 1e-45, 3.4e38, Spread.LogBothSigns, 0),
        new("mf_floorf", Math.Floor, -1e8, 1e8, Spread.Uniform, 0, [0.5f, -0.5f, 8388607.5f]),
        new("mf_ceilf", Math.Ceiling, -1e8, 1e8, Spread.Uniform, 0, [0.5f, -0.5f, 8388607.5f]),
        new("mf_roundf", x => Math.Round(x, MidpointRounding.AwayFromZero), -100, 100, Spread.Uniform, 0, [0.5f, 1.5f, 2.5f, -2.5f, 0.49999997f, 8388607.5f]),
        new("mf_truncf", Math.Truncate, -1e8, 1e8, Spread.Uniform, 0, [0.5f, -0.5f, 8388607.5f]),
        new("mf_rintf", Math.Round, -100, 100, Spread.Uniform, 0, [0.5f, 1.5f, 2.5f, -2.5f, 8388607.5f]),
        new("mf_fast_saturatef", x => x > 0 ? Math.Min(x, 1) : 0, -2, 2, Spread.Uniform, 0), // NaN and −0 give +0
    ];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void UnaryFloatFunctionsAreWithinTheirUlpBounds(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var failures = new List<string>();
        foreach (var c in Unary)
        {
            var inputs = Inputs(c);
            var got = Run(device, module, c.Kernel, inputs);
            Check(c.Kernel, c.MaxUlp, inputs.Select(x => (float)c.Reference(x)).ToArray(), got, i => $"{inputs[i]:R}", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The fast intrinsics keep the ISA approximations: absolute or relative bounds from the ISA manual.</summary>
    [Theory]
    [MemberData(nameof(Configurations))]
    public void FastIntrinsicsStayWithinTheirDocumentedErrors(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var rng = new Random(11);
        var xs = Enumerable.Range(0, Random).Select(_ => (float)(rng.NextDouble() * 200 * Math.PI - 100 * Math.PI)).ToArray();
        var failures = new List<string>();
        void Absolute(string kernel, float[] inputs, Func<double, double> reference, double bound)
        {
            var got = Run(device, module, kernel, inputs);
            double worst = inputs.Select((x, i) => Math.Abs(got[i] - reference(x))).Max();
            output.WriteLine($"{kernel}: max absolute error {worst:E3}");
            if (!(worst <= bound))
            {
                failures.Add($"{kernel}: absolute error {worst:E3} over {bound:E3}");
            }
        }
        Absolute("mf_fast_sinf", xs, Math.Sin, Math.ScaleB(1, -21));
        Absolute("mf_fast_cosf", xs, Math.Cos, Math.ScaleB(1, -21));
        var small = xs.Select(x => x / 400).ToArray(); // |x| < π/4: sin/cos well away from zero in the quotient
        Absolute("mf_fast_tanf", small, Math.Tan, Math.ScaleB(1, -19));
        var expIn = xs.Select(x => x / 4).ToArray();
        var got = Run(device, module, "mf_fast_expf", expIn);
        Check("mf_fast_expf", 4, expIn.Select(x => (float)Math.Exp(x)).ToArray(), got, i => $"{expIn[i]:R}", failures);
        var logIn = xs.Select(x => MathF.Exp(x / 4)).Where(x => x is < 0.5f or > 2f && float.IsNormal(x)).ToArray();
        got = Run(device, module, "mf_fast_logf", logIn);
        Check("mf_fast_logf", 4, logIn.Select(x => (float)Math.Log(x)).ToArray(), got, i => $"{logIn[i]:R}", failures);
        // __powf = 2^(y·lg2 x) and __fdividef = x·rcp(y): relative bounds for moderate operands.
        var px = xs.Select(x => MathF.Abs(x) / 50 + 0.1f).ToArray();
        var py = xs.Select(x => x / 100).ToArray();
        got = Run(device, module, "mf_fast_powf", px, py);
        Check("mf_fast_powf", 64, px.Select((x, i) => (float)Math.Pow(x, py[i])).ToArray(), got, i => $"{px[i]:R}, {py[i]:R}", failures);
        got = Run(device, module, "mf_fast_fdividef", xs, px);
        Check("mf_fast_fdividef", 2, xs.Select((x, i) => (float)((double)x / px[i])).ToArray(), got, i => $"{xs[i]:R}, {px[i]:R}", failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed record BinaryCase(string Kernel, Func<double, double, double> Reference, double MaxUlp);

    private static BinaryCase[] Binary =>
    [
        new("mf_powf", Math.Pow, 4),
        new("mf_atan2f", Math.Atan2, 3),
        new("mf_fmodf", (x, y) => x % y, 0),
        new("mf_remainderf", Math.IEEERemainder, 0),
        new("mf_hypotf", (x, y) => double.IsInfinity(x) || double.IsInfinity(y) ? double.PositiveInfinity : Math.Sqrt(x * x + y * y), 3),
        new("mf_fdimf", (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : x > y ? x - y : 0, 0),
        new("mf_fminf", double.MinNumber, 0),
        new("mf_fmaxf", double.MaxNumber, 0),
        new("mf_copysignf", Math.CopySign, 0),
        new("mf_nextafterf", (x, y) => NextAfterF((float)x, (float)y), 0),
    ];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void BinaryFloatFunctionsAreWithinTheirUlpBounds(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var (xs, ys) = Pairs(new Random(5));
        var failures = new List<string>();
        foreach (var c in Binary)
        {
            var got = Run(device, module, c.Kernel, xs, ys);
            Check(c.Kernel, c.MaxUlp, xs.Select((x, i) => (float)c.Reference(x, ys[i])).ToArray(), got, i => $"{xs[i]:R}, {ys[i]:R}", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// powf where y·log2 x spans the whole result range (subnormal to near overflow): x near 1 and near the ends of the
    /// log reduction's interval [2/3, 4/3) times powers of two, where log2 x must be carried beyond float precision.
    /// </summary>
    [Theory]
    [MemberData(nameof(Configurations))]
    public void PowfStaysWithinItsBoundForLargeExponents(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var rng = new Random(21);
        var xs = new List<float>();
        var ys = new List<float>();
        float[] mantissas = [0.6666667f, 0.6666666f, 0.70710677f, 1.3333333f, 1.3333334f, 1.0000001f, 0.99999994f, 1.0001f, 0.999f, 1.5f];
        for (int i = 0; i < 3000; i++)
        {
            float x = MathF.ScaleB(mantissas[i % mantissas.Length], rng.Next(-3, 4) * (i % 3 == 0 ? 0 : 1) + (i % 7 == 0 ? rng.Next(-126, 127) : 0));
            double t = -149 + rng.NextDouble() * 276; // 2^t from the subnormals to just below FLT_MAX
            float y = (float)(t / Math.Log2(x));
            xs.Add(x);
            ys.Add(y);
        }
        var got = Run(device, module, "mf_powf", xs.ToArray(), ys.ToArray());
        var failures = new List<string>();
        Check("powf (large exponents)", 4, xs.Select((x, i) => (float)Math.Pow(x, ys[i])).ToArray(), got, i => $"{xs[i]:R}, {ys[i]:R}", failures);
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
        var both = Run(device, module, "mf_sincosf", xs, outputsPerInput: 2);
        Check("sincosf (sin)", 2, xs.Select(x => (float)TrigReference.Sin(x)).ToArray(), Every(both, 0), i => $"{xs[i]:R}", failures);
        Check("sincosf (cos)", 2, xs.Select(x => (float)TrigReference.Cos(x)).ToArray(), Every(both, 1), i => $"{xs[i]:R}", failures);
        both = Run(device, module, "mf_sincospif", xs, outputsPerInput: 2);
        Check("sincospif (sin)", 1, xs.Select(x => (float)RefSinCosPi(x).Sin).ToArray(), Every(both, 0), i => $"{xs[i]:R}", failures);
        Check("sincospif (cos)", 1, xs.Select(x => (float)RefSinCosPi(x).Cos).ToArray(), Every(both, 1), i => $"{xs[i]:R}", failures);
        var parts = Run(device, module, "mf_modff", xs, outputsPerInput: 2);
        Check("modff (fraction)", 0, xs.Select(x => MathF.CopySign(float.IsInfinity(x) ? 0 : x - MathF.Truncate(x), x)).ToArray(), Every(parts, 0), i => $"{xs[i]:R}", failures);
        Check("modff (integral)", 0, xs.Select(MathF.Truncate).ToArray(), Every(parts, 1), i => $"{xs[i]:R}", failures);
        // ldexpf with exponents that overflow, underflow into subnormals (one rounding) and vanish.
        var rng = new Random(3);
        var ks = xs.Select(_ => rng.Next(-300, 300)).ToArray();
        using (var dx = device.Upload<float>(xs))
        using (var dk = device.Upload<int>(ks))
        using (var dout = device.Allocate<float>(xs.Length))
        {
            module.GetKernel("mf_ldexpf").Launch(Grid(xs.Length), new Dim3(256), 0, dx, dk, dout, xs.Length);
            Check("ldexpf", 0, xs.Select((x, i) => (float)Math.ScaleB((double)x, ks[i])).ToArray(), dout.ToArray(), i => $"{xs[i]:R}, {ks[i]}", failures);
        }
        // isnan | isinf << 1 | isfinite << 2 | signbit << 3
        using (var dx = device.Upload<float>(xs))
        using (var dout = device.Allocate<int>(xs.Length))
        {
            module.GetKernel("mf_classify").Launch(Grid(xs.Length), new Dim3(256), 0, dx, dout, xs.Length);
            var flags = dout.ToArray();
            for (int i = 0; i < xs.Length; i++)
            {
                float x = xs[i];
                int want = (float.IsNaN(x) ? 1 : 0) | (float.IsInfinity(x) ? 2 : 0) | (float.IsFinite(x) ? 4 : 0) | (float.IsNegative(x) ? 8 : 0);
                if (flags[i] != want)
                {
                    failures.Add($"classify({x:R}) = {flags[i]}, expected {want}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The C++ overloads on float pick the float functions: sin(float) is sinf, abs(float) is fabsf, ...</summary>
    [Theory]
    [MemberData(nameof(Configurations))]
    public void FloatOverloadsAreTheFloatFunctions(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var (xs, ys) = Pairs(new Random(9));
        using var dx = device.Upload<float>(xs);
        using var dy = device.Upload<float>(ys);
        using var dout = device.Allocate<float>(8 * xs.Length);
        module.GetKernel("m_overloads").Launch(Grid(xs.Length), new Dim3(256), 0, dx, dy, dout, xs.Length);
        var got = dout.ToArray();
        var failures = new List<string>();
        Func<float, float, double>[] refs =
        [
            (a, _) => Math.Sin(a), (a, _) => Math.Exp(a), (a, b) => Math.Pow(a, b), (a, _) => Math.Abs(a),
            (a, b) => double.MinNumber(a, b), (a, b) => double.MaxNumber(a, b), (a, _) => Math.Abs(a), (a, b) => double.MaxNumber(a, b),
        ];
        for (int k = 0; k < refs.Length; k++)
        {
            Check($"overload {k}", k switch { 0 or 1 => 2, 2 => 4, _ => 0 }, xs.Select((x, i) => (float)refs[k](x, ys[i])).ToArray(), Every(got, k, 8), i => $"{xs[i]:R}, {ys[i]:R}", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // ---- inputs, launches, comparison ----

    private static float[] Inputs(Case c)
    {
        var rng = new Random(c.Kernel.Length * 7919 + (int)c.Lo);
        var list = new List<float>(s_common);
        if (c.Edges is not null)
        {
            list.AddRange(c.Edges);
            list.AddRange(c.Edges.Select(e => -e));
        }
        for (int i = 0; i < Random; i++)
        {
            double u = rng.NextDouble();
            double v = c.Spread switch
            {
                Spread.Uniform => c.Lo + u * (c.Hi - c.Lo),
                _ => Math.Exp(Math.Log(c.Lo) + u * (Math.Log(c.Hi) - Math.Log(c.Lo))),
            };
            if (c.Spread == Spread.LogBothSigns && rng.Next(2) == 0)
            {
                v = -v;
            }
            list.Add((float)v);
        }
        return list.ToArray();
    }

    /// <summary>Pairs over magnitudes from subnormal to FLT_MAX with both signs, pow-friendly pairs, integers and specials.</summary>
    private static (float[] X, float[] Y) Pairs(Random rng)
    {
        var xs = new List<float>();
        var ys = new List<float>();
        float Any() => (float)((rng.Next(2) == 0 ? -1 : 1) * Math.Exp(rng.NextDouble() * 190 - 100));
        for (int i = 0; i < Random; i++)
        {
            xs.Add(Any());
            ys.Add(Any());
        }
        for (int i = 0; i < 500; i++)
        {
            float x = (float)Math.Exp(rng.NextDouble() * 160 - 80);
            xs.Add(x);
            ys.Add((float)((rng.NextDouble() * 2 - 1) * 80 / Math.Max(Math.Abs(Math.Log(x)), 0.25)));
            xs.Add(rng.Next(-20, 20) * 0.5f);
            ys.Add(rng.Next(-12, 12));
        }
        float[] specials = [0f, -0f, 1, -1, 2, -2, 0.5f, -0.5f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 3, -3, 1e30f, 1e-40f, float.MaxValue];
        foreach (var x in specials)
        {
            foreach (var y in specials)
            {
                xs.Add(x);
                ys.Add(y);
            }
        }
        return (xs.ToArray(), ys.ToArray());
    }

    internal static Dim3 Grid(int n) => new((uint)(n + 255) / 256);

    /// <summary>out[i] (or out[k·i + j]) = kernel(x[i]) for every input, one thread each.</summary>
    internal static T[] Run<T>(Device device, Module module, string kernel, T[] x, int outputsPerInput = 1) where T : unmanaged
    {
        using var dx = device.Upload<T>(x);
        using var dout = device.Allocate<T>(x.Length * outputsPerInput);
        module.GetKernel(kernel).Launch(Grid(x.Length), new Dim3(256), 0, dx, dout, x.Length);
        return dout.ToArray();
    }

    /// <summary>out[i] = kernel(x[i], y[i]).</summary>
    internal static T[] Run<T>(Device device, Module module, string kernel, T[] x, T[] y) where T : unmanaged
    {
        using var dx = device.Upload<T>(x);
        using var dy = device.Upload<T>(y);
        using var dout = device.Allocate<T>(x.Length);
        module.GetKernel(kernel).Launch(Grid(x.Length), new Dim3(256), 0, dx, dy, dout, x.Length);
        return dout.ToArray();
    }

    internal static T[] Every<T>(T[] values, int offset, int stride = 2) => Enumerable.Range(0, values.Length / stride).Select(i => values[i * stride + offset]).ToArray();

    /// <summary>Distance in float ulps (0 when both are NaN, or equal including the sign of zero).</summary>
    public static double UlpDistance(float expected, float actual)
    {
        if (float.IsNaN(expected) || float.IsNaN(actual))
        {
            return float.IsNaN(expected) && float.IsNaN(actual) ? 0 : double.PositiveInfinity;
        }
        if (expected == 0 && actual == 0)
        {
            return float.IsNegative(expected) == float.IsNegative(actual) ? 0 : double.PositiveInfinity;
        }
        static long Ordered(float f)
        {
            int b = BitConverter.SingleToInt32Bits(f);
            return b < 0 ? (long)int.MinValue - b : b;
        }
        return Math.Abs(Ordered(expected) - Ordered(actual));
    }

    private void Check(string name, double maxUlp, float[] expected, float[] actual, Func<int, string> input, List<string> failures) =>
        UlpReport.Check(output, name, maxUlp, expected.Length, i => UlpDistance(expected[i], actual[i]), i => $"expected {expected[i]:R}, got {actual[i]:R}", input, failures);

    // ---- references ----

    /// <summary>
    /// sinpi and cospi: x = k/2 + r exactly (|r| &lt;= 1/4), then sin/cos of π·r with π·r as a double-double
    /// (π's low part from its 34th digit), quadrant k mod 4; exact zeros as C specifies (sinpi(n) = ±0, cospi(n + ½) = +0).
    /// </summary>
    internal static (double Sin, double Cos) RefSinCosPi(double x)
    {
        if (!double.IsFinite(x))
        {
            return (double.NaN, double.NaN);
        }
        double k = Math.Abs(x) >= 9007199254740992.0 ? 2 * (x % 2) : Math.Round(2 * x);
        double r = Math.Abs(x) >= 9007199254740992.0 ? 0 : x - k / 2;
        const double PiLo = 1.2246467991473532e-16; // π − (double)π
        double hi = Math.PI * r, lo = Math.FusedMultiplyAdd(Math.PI, r, -hi) + PiLo * r;
        double s = Math.Sin(hi) + Math.Cos(hi) * lo, c = Math.Cos(hi) - Math.Sin(hi) * lo;
        int q = (int)(((k % 4) + 4) % 4);
        (double sv, double cv) = q switch { 0 => (s, c), 1 => (c, -s), 2 => (-s, -c), _ => (-c, s) };
        if (r == 0)
        {
            if (q % 2 == 0)
            {
                sv = Math.CopySign(0, x);
            }
            else
            {
                cv = 0;
            }
        }
        return (sv, cv == 0 ? 0 : cv);
    }

    private static double RefLogb(double x) =>
        double.IsNaN(x) ? x : x == 0 ? double.NegativeInfinity : double.IsInfinity(x) ? double.PositiveInfinity : Math.ILogB(x);

    private static double NextAfterF(float x, float y) =>
        float.IsNaN(x) || float.IsNaN(y) ? float.NaN : x == y ? y : x < y ? MathF.BitIncrement(x) : MathF.BitDecrement(x);
}
