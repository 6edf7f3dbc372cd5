using ByteChip.Compiler.Pipeline;
using ByteChip.Isa.Diagnostics;
using ByteChip.Runtime;
using Xunit.Abstractions;

namespace ByteChip.EndToEnd.Tests;

/// <summary>
/// Kernels/mathlib.cu, gamma and inverse error functions: lgamma/tgamma against the 320-bit GammaReference;
/// erfinv/erfcinv/normcdfinv by the inverse relation, the residual erf(y) − x (or erfc(y) − (1 − x) in the
/// tails, with 1 − x exact) computed by the decimal references of DoubleMathTests and converted to ulps of y
/// through the derivative 2/√π·e^(−y²).
/// </summary>
public class MathLibrarySpecialTests(ITestOutputHelper output)
{
    public static TheoryData<int, string> Configurations => MathLibraryTests.Configurations;

    private static readonly Lazy<(double[] X, double[] Lgamma, double[] Tgamma, float[] Xf, float[] LgammaF, float[] TgammaF)> s_gamma = new(() =>
    {
        var rng = new Random(31);
        var xs = new List<double> { 1, 2, 3, 0.5, 1.5, 2.5, 1e-300, 5e-324, 1e-10, 0.9999999999999999, 1.0000000000000002, 1.9999999999999998, 2.0000000000000004,
            7.999999999999999, 8, 8.000000000000002, 171.6, 171.7, 170.5, 1e10, 1e300, 2.5e305, -0.5, -1.5, -2.5, -170.5, -171.5, -177.5, -1e-300, -100.25 };
        for (int i = 0; i < 250; i++)
        {
            xs.Add(rng.NextDouble() * 10);
            xs.Add(rng.NextDouble() * 172);
            xs.Add(Math.Exp(rng.NextDouble() * 1380 - 690));
            xs.Add(-rng.NextDouble() * 12); // reflection, excluding the region around the zeros of lgamma (checked below)
        }
        var x = xs.ToArray();
        var xf = x.Select(v => (float)v).Where(v => v > -40).ToArray();
        return (x, x.Select(GammaReference.Lgamma).ToArray(), x.Select(GammaReference.Tgamma).ToArray(),
            xf, xf.Select(v => (float)GammaReference.Lgamma(v)).ToArray(), xf.Select(v => (float)GammaReference.Tgamma(v)).ToArray());
    });

    /// <summary>lgamma loses relative accuracy near its zeros at negative x (as CUDA documents); there it is checked in absolute terms.</summary>
    private static bool NearNegativeZeros(double x) => x is > -11.0001 and < -2.2637;

    /// <summary>CUDA's interval for lgammaf (its 6-ulp bound holds outside it).</summary>
    private static bool NearNegativeZerosF(float x) => x is > -10.001f and < -2.264f;

    [Theory]
    [MemberData(nameof(Configurations))]
    public void GammaFunctionsMatchTheHighPrecisionReference(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var (x, lg, tg, xf, lgf, tgf) = s_gamma.Value;
        var failures = new List<string>();
        var got = MathLibraryTests.Run(device, module, "md_lgamma", x);
        var away = Enumerable.Range(0, x.Length).Where(i => !NearNegativeZeros(x[i])).ToArray();
        UlpReport.Check(output, "lgamma", 3, away.Length, k => DoubleMathTests.UlpDistance(lg[away[k]], got[away[k]]), k => $"expected {lg[away[k]]:R}, got {got[away[k]]:R}", k => $"{x[away[k]]:R}", failures);
        double worstAbs = Enumerable.Range(0, x.Length).Where(i => NearNegativeZeros(x[i])).Select(i => Math.Abs(lg[i] - got[i])).DefaultIfEmpty().Max();
        output.WriteLine($"lgamma in (-11.0001, -2.2637): max absolute error {worstAbs:E3}");
        if (!(worstAbs < 1e-14))
        {
            failures.Add($"lgamma near the negative zeros: absolute error {worstAbs:E3}");
        }
        got = MathLibraryTests.Run(device, module, "md_tgamma", x);
        UlpReport.Check(output, "tgamma", 5, x.Length, i => DoubleMathTests.UlpDistance(tg[i], got[i]), i => $"expected {tg[i]:R}, got {got[i]:R}", i => $"{x[i]:R}", failures);
        var gotF = MathLibraryTests.Run(device, module, "mf_lgammaf", xf);
        var awayF = Enumerable.Range(0, xf.Length).Where(i => !NearNegativeZerosF(xf[i])).ToArray();
        UlpReport.Check(output, "lgammaf", 6, awayF.Length, k => MathLibraryTests.UlpDistance(lgf[awayF[k]], gotF[awayF[k]]), k => $"got {gotF[awayF[k]]:R}", k => $"{xf[awayF[k]]:R}", failures);
        gotF = MathLibraryTests.Run(device, module, "mf_tgammaf", xf);
        UlpReport.Check(output, "tgammaf", 5, xf.Length, i => MathLibraryTests.UlpDistance(tgf[i], gotF[i]), i => $"got {gotF[i]:R}", i => $"{xf[i]:R}", failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// tgammaf's and lgammaf's float sequences: uniform over (0, 35.1) (tgammaf overflows from 35.04 on),
    /// log-uniform from the smallest subnormal to FLT_MAX, x within a few ulps of the zeros of lgamma at 1 and 2, and the
    /// edges of the sequences' pieces (integers, half-integers, 1.25, 1.75, 8, 2^-100, the overflow thresholds).
    /// </summary>
    private static readonly Lazy<(float[] X, float[] Tgamma, float[] Lgamma)> s_gammaf = new(() =>
    {
        var rng = new Random(41);
        var xs = Enumerable.Range(0, 1200).Select(_ => (float)(rng.NextDouble() * 35.1))
            .Concat(Enumerable.Range(0, 500).Select(_ => (float)Math.Exp(rng.NextDouble() * 191 - 103)))
            .Concat(Enumerable.Range(0, 300).Select(_ => (float)(0.5 + rng.NextDouble() * 2.5)))
            .Concat(Enumerable.Range(1, 35).SelectMany(k => new[] { (float)k, k + 0.5f, MathF.BitIncrement(k), MathF.BitDecrement(k) }))
            .Concat(Enumerable.Range(1, 40).SelectMany(k => new[] { BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1f) + k * k), BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1f) - k * k),
                BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(2f) + k * k), BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(2f) - k * k) }))
            .Concat([7.9999995f, 8.000001f, 35.04f, 35.0405f, 35.05f, 7.8886e-31f, 7.8887e-31f, 1e-38f, 3e-39f, 2.9e-39f, float.Epsilon, 0.49999997f, 0.5000001f,
                1.25f, 1.2499999f, 1.75f, 1.7499999f, 1.4616321f, 4.08e36f, 4.09e36f, 1e30f, float.MaxValue])
            .Where(v => v > 0).ToArray();
        // Negative arguments (reflection): uniform down to −42 (below, Γ is
        // under the subnormals), a few ulps from the poles, half-integers, tiny magnitudes and the edges.
        float Ulps(float v, int k) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(v) + k);
        var negative = Enumerable.Range(0, 1500).Select(_ => (float)(-rng.NextDouble() * 42))
            .Concat(Enumerable.Range(0, 300).Select(_ => -(float)Math.Exp(-rng.NextDouble() * 103)))
            .Concat(Enumerable.Range(1, 41).SelectMany(k => new[] { Ulps(-k, 1), Ulps(-k, -1), Ulps(-k, 7), Ulps(-k, -100), -k - 0.5f, (float)-k }))
            .Concat([-7.8886e-31f, -7.8887e-31f, -7.9999995f, -8.000001f, -35.04f, -38.5f, -41.5f, -42.5f, -45.5f, -100.5f, -float.Epsilon, -1e-40f]);
        xs = xs.Concat(negative).ToArray();
        return (xs, xs.Select(v => (float)GammaReference.Tgamma(v)).ToArray(), xs.Select(v => (float)GammaReference.Lgamma(v)).ToArray());
    });

    [Theory]
    [MemberData(nameof(Configurations))]
    public void FloatGammaFunctionsStayWithinCudasBounds(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var (x, tg, lg) = s_gammaf.Value;
        var failures = new List<string>();
        var got = MathLibraryTests.Run(device, module, "mf_tgammaf", x);
        UlpReport.Check(output, "tgammaf", 5, x.Length, i => MathLibraryTests.UlpDistance(tg[i], got[i]), i => $"expected {tg[i]:R}, got {got[i]:R}", i => $"{x[i]:R}", failures);
        got = MathLibraryTests.Run(device, module, "mf_lgammaf", x);
        var away = Enumerable.Range(0, x.Length).Where(i => !NearNegativeZerosF(x[i])).ToArray();
        UlpReport.Check(output, "lgammaf", 6, away.Length, k => MathLibraryTests.UlpDistance(lg[away[k]], got[away[k]]), k => $"expected {lg[away[k]]:R}, got {got[away[k]]:R}", k => $"{x[away[k]]:R}", failures);
        // Near the negative zeros (CUDA: larger errors) the difference log(π/|x·sinpi x|) − lgamma(−x) of terms below 20
        // cancels: its absolute error is a few ulps of 16.
        double worstAbs = Enumerable.Range(0, x.Length).Where(i => NearNegativeZerosF(x[i]) && float.IsFinite(lg[i])).Select(i => Math.Abs(GammaReference.Lgamma(x[i]) - got[i])).DefaultIfEmpty().Max();
        output.WriteLine($"lgammaf in (-10.001, -2.264): max absolute error {worstAbs:E3}");
        if (!(worstAbs < 1e-5))
        {
            failures.Add($"lgammaf near the negative zeros: absolute error {worstAbs:E3}");
        }
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity, float.NaN, float.NaN, float.NaN], MathLibraryTests.Run(device, module, "mf_tgammaf", [0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -3f]));
        Assert.Equal([float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.NaN, float.PositiveInfinity, 0f, 0f], MathLibraryTests.Run(device, module, "mf_lgammaf", [0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -3f, 1f, 2f]));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// |y − erfinv(a)| in ulps of y, from the residual: erf(y) − a for a &lt;= ½, (1 − a) − erfc(y) above (1 − a
    /// given exactly as c), divided by erf'(y) = 2/√π·e^(−y²).
    /// </summary>
    private static double InverseUlps(double a, double c, double y, double ulp)
    {
        if (double.IsNaN(y) || double.IsInfinity(y))
        {
            return double.PositiveInfinity;
        }
        double ay = Math.Abs(y);
        double residual = a <= 0.5 ? DoubleMathTests.RefErf(ay) - a : c - DoubleMathTests.RefErfc(ay);
        return Math.Abs(residual) / (2 / Math.Sqrt(Math.PI) * Math.Exp(-ay * ay)) / ulp;
    }

    private static double Ulp(double y) => Math.BitIncrement(Math.Abs(y)) - Math.Abs(y);

    private static double UlpF(float y) => MathF.BitIncrement(MathF.Abs(y)) - MathF.Abs(y);

    [Theory]
    [MemberData(nameof(Configurations))]
    public void InverseErrorFunctionsSatisfyTheInverseRelation(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("mathlib.cu", opt, arch);
        using var _ = device;
        var rng = new Random(37);
        var failures = new List<string>();
        // erfinv over (−1, 1): uniform, and 1 − 10^-k towards the ends.
        var xs = Enumerable.Range(0, 600).Select(_ => rng.NextDouble() * 2 - 1)
            .Concat(Enumerable.Range(0, 200).Select(_ => (rng.Next(2) == 0 ? -1 : 1) * (1 - Math.Pow(10, -rng.NextDouble() * 15.9))))
            .Concat([1e-300, 1e-20, 0.5, 0.49999999999999994, 0.5000000000000001, 0.9999999999999999, -0.9999999999999999]).ToArray();
        var y = MathLibraryTests.Run(device, module, "md_erfinv", xs);
        UlpReport.Check(output, "erfinv", 3, xs.Length, i => InverseUlps(Math.Abs(xs[i]), 1 - Math.Abs(xs[i]), y[i], Ulp(y[i])), i => $"got {y[i]:R}", i => $"{xs[i]:R}", failures);
        // erfcinv over (0, 2): log-uniform small arguments down to 1e-300 (c carried exactly), and their mirror 2 − z.
        var zs = Enumerable.Range(0, 600).Select(_ => Math.Exp(-rng.NextDouble() * 690))
            .Concat(Enumerable.Range(0, 200).Select(_ => rng.NextDouble() * 2)).Concat([1, 0.5, 1.5, 1e-16, 1e-17, 1e-300]).ToArray();
        var yz = MathLibraryTests.Run(device, module, "md_erfcinv", zs);
        UlpReport.Check(output, "erfcinv", 3, zs.Length, i =>
        {
            double c = zs[i] > 1 ? 2 - zs[i] : zs[i]; // erfcinv(z) = −erfcinv(2 − z)
            bool signOk = zs[i] == 1 ? yz[i] == 0 : (yz[i] > 0) == (zs[i] < 1);
            return signOk ? InverseUlps(1 - c, c, yz[i], Ulp(yz[i])) : double.PositiveInfinity;
        }, i => $"got {yz[i]:R}", i => $"{zs[i]:R}", failures);
        // normcdfinv(p) = −√2·erfcinv(2p): check √2·erfcinv(2p) = −result within the rounding of the product.
        var ps = zs.Select(z => z / 2).ToArray();
        var yp = MathLibraryTests.Run(device, module, "md_normcdfinv", ps);
        UlpReport.Check(output, "normcdfinv", 4, ps.Length, i =>
        {
            double c = ps[i] > 0.5 ? 2 - 2 * ps[i] : 2 * ps[i];
            double e = -yp[i] / Math.Sqrt(2);
            return ps[i] == 0.5 ? (yp[i] == 0 ? 0 : double.PositiveInfinity) : InverseUlps(1 - c, c, ps[i] > 0.5 ? -e : e, Ulp(e));
        }, i => $"got {yp[i]:R}", i => $"{ps[i]:R}", failures);
        // Float forms (single-precision sequences): the same relation in float ulps. A continuous error e ulps is a
        // distance of at most e + ½ from the correctly rounded result, so CUDA's 2/4/5 ulp bounds are checked as 1.5/3.5/4.5.
        var xf = xs.Select(v => (float)v).Where(v => MathF.Abs(v) < 1)
            .Concat([0.99999994f, -0.99999994f, 0.9999999f, 0.97477f, 0.974775f, 1e-40f, 1e-30f, 0.5f, -0.25f, 0.9f]).ToArray();
        var yf = MathLibraryTests.Run(device, module, "mf_erfinvf", xf);
        UlpReport.Check(output, "erfinvf", 1.5, xf.Length, i => InverseUlps(MathF.Abs(xf[i]), 1 - (double)MathF.Abs(xf[i]), MathF.CopySign(yf[i], xf[i]) == yf[i] ? yf[i] : float.NaN, UlpF(yf[i])), i => $"got {yf[i]:R}", i => $"{xf[i]:R}", failures);
        // erfcinvf over (0, 2): log-uniform down to the smallest subnormal, uniform, and edges of the sequence's pieces.
        var zf = Enumerable.Range(0, 1500).Select(_ => (float)Math.Exp(-rng.NextDouble() * 103))
            .Concat(Enumerable.Range(0, 800).Select(_ => (float)(rng.NextDouble() * 2)))
            .Concat([float.Epsilon, 1e-40f, 1.1754944e-38f, 1.1e-7f, 1.2e-7f, 0.049787f, 0.5f, 0.49999997f, 1.5f, 1.5000001f, 0.99999994f, 1.0000001f, 1.9999999f, 1.95f])
            .Where(v => v is > 0 and < 2 and not 1).ToArray();
        double ErfcinvUlps(float z, double y, double ulp)
        {
            double c = z > 1 ? 2 - (double)z : z; // erfcinv(z) = −erfcinv(2 − z), 2 − z exact
            return (y > 0) == (z < 1) ? InverseUlps(1 - c, c, Math.Abs(y), ulp) : double.PositiveInfinity;
        }
        var yzf = MathLibraryTests.Run(device, module, "mf_erfcinvf", zf);
        UlpReport.Check(output, "erfcinvf", 3.5, zf.Length, i => ErfcinvUlps(zf[i], yzf[i], UlpF(yzf[i])), i => $"got {yzf[i]:R}", i => $"{zf[i]:R}", failures);
        // normcdfinvf(p) = −√2·erfcinv(2p): the error of y/√2 in ulps of y/√2 is the error of y in ulps of y.
        var pf = zf.Select(z => z / 2).Where(p => p > 0).ToArray();
        var ypf = MathLibraryTests.Run(device, module, "mf_normcdfinvf", pf);
        UlpReport.Check(output, "normcdfinvf", 4.5, pf.Length, i => ErfcinvUlps(2 * pf[i], -ypf[i] / Math.Sqrt(2), UlpF(ypf[i]) / Math.Sqrt(2)), i => $"got {ypf[i]:R}", i => $"{pf[i]:R}", failures);
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.NaN, -0f, 0f], MathLibraryTests.Run(device, module, "mf_erfinvf", [1f, -1f, 1.5f, float.NaN, -0f, 0f]));
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.NaN, 0f, float.NaN], MathLibraryTests.Run(device, module, "mf_erfcinvf", [0f, 2f, -1f, 2.5f, 1f, float.NaN]));
        Assert.Equal([float.NegativeInfinity, float.PositiveInfinity, float.NaN, float.NaN], MathLibraryTests.Run(device, module, "mf_normcdfinvf", [0f, 1f, 1.5f, float.NaN]));
        // Domain: erfinv(±1) = ±inf, |x| > 1 and NaN give NaN; erfcinv(0) = +inf, erfcinv(2) = −inf.
        var special = MathLibraryTests.Run(device, module, "md_erfinv", [1.0, -1.0, 1.5, double.NaN, -0.0]);
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.NaN, -0.0], special);
        special = MathLibraryTests.Run(device, module, "md_erfcinv", [0.0, 2.0, -1.0, 2.5, 1.0]);
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.NaN, 0.0], special);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The Bessel functions are declared (as in CUDA) but not implemented: a located error, not a crash or a silent call.</summary>
    [Fact]
    public void BesselFunctionsAreReportedAtTheCall()
    {
        const string source = "__global__ void k(float* p)\n{\n    p[0] = j0f(p[1]);\n}\n";
        var result = Compilation.CompileSource("bessel.cu", source, new CompileOptions { Arch = "n4" });
        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(4003, error.Code);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("j0f", error.Message);
    }
}
