using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Gamma functions and inverse error functions in double:
/// <code>
///   lgamma(y), y &gt; 0:  y &gt;= 8   Stirling: (y − ½)(log y − 1) + ½ log 2π − ½ + Σ_{j≤10} c_j y^(1−2j), log y and the
///                                 product in double-double
///                      y &lt; 8    L2(t) ± log P, L2(t) = lgamma(2 + t) by its Taylor series (ζ(k) − 1)/k to t^40, −¾ &lt;= t &lt;= ½:
///                                 y &lt; ½: t = y, P = y(1 + y), minus;  y &lt; 1.25: t = y − 1, P = y, minus;
///                                 else t = y − n − 2, n = max(⌊y − 1.5⌋, 0), P = (y − 1)···(y − n) (exact factors,
///                                 double-double product), plus
///   tgamma(y) = exp(lgamma(y)) with the exponent in double-double (y &lt; 8: exp(L2)·P^±1)
///   x &lt; 0: reflection, Γ(x) = π/(sinpi(x)·(−x)·Γ(−x)), lgamma(x) = log π − log|sinpi(x)·x| − lgamma(−x)
///   erfinv/erfcinv: Giles' single-precision estimate (an asymptotic one below about 1e-7), then two Halley steps on
///                   erf(y) − a, or (1 − a) − erfc(y) for a &gt; ½ with 1 − a carried exactly
/// </code>
/// </summary>
internal sealed partial class FunctionEmitter
{
    /// <summary>Computed (in BigInteger arithmetic) on first use only, not for every file compiled.</summary>
    private static class GammaTables
    {
        public static readonly double[] LgammaTwo = MathConstants.LgammaTwoCoefficients(40);
        public static readonly double[] Stirling = MathConstants.StirlingCoefficients(10);
    }
    private static readonly double s_halfLog2PiMinusHalf = 0.5 * Math.Log(2 * Math.PI) - 0.5;

    /// <summary>lgamma(2 + t) for −¾ &lt;= t &lt;= ½.</summary>
    private LLVMValueRef LgammaTwo(LLVMValueRef t) => DMul(t, Horner(t, GammaTables.LgammaTwo));

    private (LLVMValueRef Hi, LLVMValueRef Lo) DDMul((LLVMValueRef Hi, LLVMValueRef Lo) a, LLVMValueRef b)
    {
        var p = DMul(a.Hi, b);
        var e = DFma(a.Hi, b, _b.FNeg(p));
        return FastTwoSum(p, DFma(a.Lo, b, e));
    }

    /// <summary>The pieces of lgamma(y) for finite y &gt; 0 (see the type's comment).</summary>
    private (LLVMValueRef Small, LLVMValueRef T, (LLVMValueRef Hi, LLVMValueRef Lo) P, LLVMValueRef PlusLogP, (LLVMValueRef Hi, LLVMValueRef Lo) Stirling) LgammaParts(LLVMValueRef y)
    {
        var small = DCmp(LLVMRealPredicate.OLT, y, 8);
        // Small arguments (clamped below 8 so that unused lanes stay finite).
        var ys = DMin(y, D(8));
        var belowHalf = DCmp(LLVMRealPredicate.OLT, ys, 0.5);
        var belowOneHalf = DCmp(LLVMRealPredicate.OLT, ys, 1.25);
        var n = DMax(DFloor(DSub(ys, D(1.5))), D(0));
        var t = Sel(belowHalf, ys, Sel(belowOneHalf, DSub(ys, D(1)), DSub(DSub(ys, n), D(2))));
        (LLVMValueRef Hi, LLVMValueRef Lo) p = (D(1), D(0));
        for (int i = 1; i <= 6; i++)
        {
            var factor = Sel(DCmp(LLVMRealPredicate.OLE, D(i), n), DSub(ys, D(i)), D(1));
            p = DDMul(p, factor);
        }
        var onePlus = TwoSum(D(1), ys);
        var pHalf = DDMul((onePlus.S, onePlus.E), ys); // y(1 + y)
        p = (Sel(belowHalf, pHalf.Hi, Sel(belowOneHalf, ys, p.Hi)), Sel(belowHalf, pHalf.Lo, Sel(belowOneHalf, D(0), p.Lo)));
        var plus = _b.Not(belowOneHalf);
        // Large arguments: (y − ½)(log y − 1) + ½ log 2π − ½ + series.
        var yl = DMax(y, D(8));
        var (lh, ll) = LogDD(yl);
        var a = DSub(yl, D(0.5));
        var bb = DSub(lh, D(1));
        var ph = DMul(a, bb);
        var pe = DFma(a, bb, _b.FNeg(ph));
        var w = DDiv(D(1), yl);
        var series = DMul(w, Horner(DMul(w, w), GammaTables.Stirling));
        var rest = DAdd(DFma(a, ll, pe), DAdd(D(s_halfLog2PiMinusHalf), series));
        var stirling = FastTwoSum(ph, rest);
        return (small, t, p, plus, stirling);
    }

    /// <summary>log(ph + pl) for a positive double-double.</summary>
    private LLVMValueRef LogOfDD((LLVMValueRef Hi, LLVMValueRef Lo) p)
    {
        var (h, l) = LogDD(p.Hi);
        return DAdd(h, DAdd(l, DDiv(p.Lo, p.Hi)));
    }

    /// <summary>lgamma(y) for finite y &gt; 0.</summary>
    private LLVMValueRef LgammaPositive(LLVMValueRef y)
    {
        var (small, t, p, plus, stirling) = LgammaParts(y);
        var logP = LogOfDD(p);
        var smallValue = DAdd(LgammaTwo(t), Sel(plus, logP, _b.FNeg(logP)));
        return Sel(small, smallValue, DAdd(stirling.Hi, stirling.Lo));
    }

    private LLVMValueRef DLgamma(LLVMValueRef x)
    {
        var y = DAbs(x);
        var positive = LgammaPositive(y);
        // Reflection for x < 0: log π − log|sinpi(x)·x| − lgamma(−x).
        var (s, _) = DSinCosPi(x);
        var logs = DAdd(DLog(DAbs(s), 0), DLog(y, 0)); // two logs: sinpi(x)·x underflows for tiny x
        var reflected = DSub(DSub(D(Math.Log(Math.PI)), logs), positive);
        var res = Sel(DCmp(LLVMRealPredicate.OLT, x, 0), reflected, positive);
        // Poles (0 and the negative integers) and infinities: +inf; huge negative numbers are integers.
        var pole = _b.Binary(LLVMOpcode.Or, DCmp(LLVMRealPredicate.OEQ, x, 0), _b.Binary(LLVMOpcode.And, DCmp(LLVMRealPredicate.OLT, x, 0), DCmp(LLVMRealPredicate.OEQ, DFloor(x), x)));
        res = Sel(_b.Binary(LLVMOpcode.Or, pole, DCmp(LLVMRealPredicate.OEQ, y, double.PositiveInfinity)), D(double.PositiveInfinity), res);
        return Sel(IsNan(x), x, res);
    }

    private LLVMValueRef DTgamma(LLVMValueRef x)
    {
        var y = DAbs(x);
        var negative = DCmp(LLVMRealPredicate.OLT, x, 0);
        var (small, t, p, plus, stirling) = LgammaParts(y);
        // e = exp(±L) with L = L2(t) (small) or the Stirling double-double; for x < 0 the reciprocal 1/Γ(y).
        var l2 = LgammaTwo(t);
        var eh = Sel(small, l2, stirling.Hi);
        var el = Sel(small, D(0), stirling.Lo);
        eh = Sel(negative, _b.FNeg(eh), eh);
        el = Sel(negative, _b.FNeg(el), el);
        var e = Sel(IsNan(eh), eh, ExpDD(eh, el));
        e = Sel(DCmp(LLVMRealPredicate.OGT, eh, 709.9), D(double.PositiveInfinity), e);
        // Small y: multiply by P when (plus xor negative), else divide by it.
        var mulP = _b.Binary(LLVMOpcode.Xor, plus, negative);
        var byP = DFma(e, p.Hi, DMul(e, p.Lo));
        var overP = DMul(DDiv(e, p.Hi), DSub(D(1), DDiv(p.Lo, p.Hi)));
        var g = Sel(small, Sel(mulP, byP, overP), e);
        // Reflection: Γ(x) = π·(1/Γ(y)) / (sinpi(x)·(−x)).
        var (s, _) = DSinCosPi(x);
        var pi = MathConstants.Pi;
        var den = DMul(s, y);
        var reflected = DDiv(DFma(D(pi.Hi), g, DMul(D(pi.Lo), g)), den);
        var res = Sel(negative, reflected, g);
        // ±0 → ±inf; negative integers and −inf → NaN; +inf → +inf.
        res = Sel(DCmp(LLVMRealPredicate.OEQ, x, 0), DDiv(D(1), x), res);
        var negInteger = _b.Binary(LLVMOpcode.And, negative, DCmp(LLVMRealPredicate.OEQ, DFloor(x), x));
        res = Sel(negInteger, D(double.NaN), res);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, x, double.PositiveInfinity), x, res);
        return Sel(IsNan(x), x, res);
    }

    // Giles, "Approximating the erfinv function" (single precision): erfinv(x) ≈ p(w)·x, w = −log((1 − x)(1 + x)).
    private static readonly double[] s_gilesCentral =
        [1.50140941, 0.246640727, -0.00417768164, -0.00125372503, 0.00021858087, -4.39150654e-06, -3.5233877e-06, 3.43273939e-07, 2.81022636e-08];

    private static readonly double[] s_gilesTail =
        [2.83297682, 1.00167406, 0.00943887047, -0.0076224613, 0.00573950773, -0.00367342844, 0.00134934322, 0.000100950558, -0.000200214257];

    /// <summary>y &gt; 0 with erf(y) = a, 0 &lt;= a &lt; 1, given c = 1 − a exactly (for a &gt; ½ the residual uses c).</summary>
    private LLVMValueRef InverseErfCore(LLVMValueRef a, LLVMValueRef c)
    {
        var w = _b.FNeg(DLog(DMul(c, DAdd(D(1), a)), 0));
        var central = DMul(Horner(DSub(w, D(2.5)), s_gilesCentral), a);
        var sw = Intrinsic("llvm.sqrt.f64", _b.Double, w);
        var tail = DMul(Horner(DSub(sw, D(3)), s_gilesTail), a);
        // Beyond Giles' range (w > 16, c below about 1e-7): erfc(y) ≈ e^(−y²)/(y√π)·(1 − 1/(2y²)), so
        // y² = −log c − log(y√π) + log(1 − 1/(2y²)), two fixed-point steps from √(−log c) (about 0.1% off).
        var lc = _b.FNeg(DLog(c, 0));
        var y0 = Intrinsic("llvm.sqrt.f64", _b.Double, lc);
        var y1 = Intrinsic("llvm.sqrt.f64", _b.Double, DSub(lc, DLog(DMul(y0, D(1.7724538509055159)), 0)));
        var corr = DLog1p(DDiv(D(-0.5), DMul(y1, y1)));
        var asym = Intrinsic("llvm.sqrt.f64", _b.Double, DAdd(DSub(lc, DLog(DMul(y1, D(1.7724538509055159)), 0)), corr));
        var y = Sel(DCmp(LLVMRealPredicate.OLT, w, 5), central, Sel(DCmp(LLVMRealPredicate.OLT, w, 16), tail, asym));
        var upper = DCmp(LLVMRealPredicate.OGT, a, 0.5);
        for (int step = 0; step < 2; step++)
        {
            // Halley on f(y) = erf(y) − a: f' = 2/√π·e^(−y²), f'' = −2y·f'; y −= u/(1 + y·u), u = f/f'.
            var (erf, erfc) = DErfBoth(y);
            var f = Sel(upper, DSub(c, erfc), DSub(erf, a));
            var deriv = DMul(D(TwoOverSqrtPi), DExp(_b.FNeg(DMul(y, y))));
            var u = DDiv(f, deriv);
            var next = DSub(y, DDiv(u, DFma(y, u, D(1))));
            y = Sel(IsFinite(next), next, y);
        }
        return y;
    }

    private LLVMValueRef DErfinv(LLVMValueRef x)
    {
        var a = DAbs(x);
        var y = InverseErfCore(a, DSub(D(1), a));
        var res = DCopySign(y, x);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, a, 1), DCopySign(D(double.PositiveInfinity), x), res);
        res = Sel(DCmp(LLVMRealPredicate.OGT, a, 1), D(double.NaN), res);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, a, 0), x, res);
        return Sel(IsNan(x), x, res);
    }

    /// <summary>erfcinv(z) = erfinv(1 − z) with the complement exact: z &gt; 1 by symmetry, erfcinv(z) = −erfcinv(2 − z).</summary>
    private LLVMValueRef DErfcinv(LLVMValueRef z)
    {
        var upper = DCmp(LLVMRealPredicate.OGT, z, 1);
        var c = Sel(upper, DSub(D(2), z), z);
        var y = InverseErfCore(DSub(D(1), c), c);
        var res = Sel(upper, _b.FNeg(y), y);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, z, 1), D(0), res);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, z, 0), D(double.PositiveInfinity), res);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, z, 2), D(double.NegativeInfinity), res);
        res = Sel(_b.Binary(LLVMOpcode.Or, DCmp(LLVMRealPredicate.OLT, z, 0), DCmp(LLVMRealPredicate.OGT, z, 2)), D(double.NaN), res);
        return Sel(IsNan(z), z, res);
    }
}
