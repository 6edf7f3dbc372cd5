using System.Numerics;
using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Double-precision transcendental functions as IR sequences (the ISA has no f64 transcendental
/// instructions): Cody–Waite range reduction with split constants, Taylor/Maclaurin polynomials evaluated
/// with <c>llvm.fma.f64</c>, exponent manipulation through bitcasts to i64, and double-double (hi + lo)
/// intermediates where one rounding would cost ulps (log for pow/log2/log10, the reduced argument of sin/cos,
/// x² in erfc). Measured accuracy is in compiler/docs/math.md.
/// </summary>
internal sealed partial class FunctionEmitter
{
    // ln 2 split: a 32-bit head (k * Ln2Hi is exact for |k| < 2^21) and the rest.
    private const double Ln2Hi32 = 0.6931471806019545, Ln2Lo32 = -4.2009150726810846e-11;
    private const double Ln2D = 0.6931471805599453, Ln2DLo = 2.3190468138462996e-17;
    private const double Ln10D = 2.302585092994046, Ln10DLo = -2.1707562233822494e-16;
    private const double Log2ED = 1.4426950408889634, Log2EDLo = 2.0355273740931033e-17;
    private const double Log10ED = 0.4342944819032518, Log10EDLo = 1.098319650216765e-17;
    // pi/2 = Pio2A (33 bits: k * Pio2A exact for |k| < 2^20) + Pio2B + Pio2C.
    private const double Pio2A = 1.5707963267341256, Pio2B = 6.077100506506192e-11, Pio2C = 3.5215598651832e-27;
    private const double TwoOverPi = 0.6366197723675814;
    private const double TwoOverSqrtPi = 1.1283791670955126, TwoOverSqrtPiLo = 1.533545961316588e-17;
    private const double OneOverSqrtPi = 0.5641895835477563;

    /// <summary>The double-precision function <paramref name="baseName"/> on the call's arguments, or default when it is not one.</summary>
    private LLVMValueRef DoubleMath(string baseName, Func<int, LLVMValueRef> arg)
    {
        switch (baseName)
        {
            case "exp": return DExp(arg(0));
            case "exp2": return DExp2(arg(0));
            case "exp10": return DExp10(arg(0));
            case "expm1": return DExpm1(arg(0));
            case "log": return DLog(arg(0), 0);
            case "log2": return DLog(arg(0), 2);
            case "log10": return DLog(arg(0), 10);
            case "log1p": return DLog1p(arg(0));
            case "pow": return DPow(arg(0), arg(1));
            case "sin": return DSinCos(arg(0), 0);
            case "cos": return DSinCos(arg(0), 1);
            case "tan": return DSinCos(arg(0), 2);
            case "sinh": return DSinhCosh(arg(0), cosh: false);
            case "cosh": return DSinhCosh(arg(0), cosh: true);
            case "tanh": return DTanh(arg(0));
            case "erf": return DErf(arg(0), complement: false);
            case "erfc": return DErf(arg(0), complement: true);
            case "normcdf": return _b.Binary(LLVMOpcode.FMul, D(0.5), DErf(_b.Binary(LLVMOpcode.FMul, arg(0), D(-0.70710678118654752)), complement: true));
            case "hypot": return DHypot(arg(0), arg(1));
            case "cbrt": return DCbrt(arg(0));
            case "rcbrt": return DDiv(D(1), DCbrt(arg(0)));
            case "rsqrt": return DDiv(D(1), Intrinsic("llvm.sqrt.f64", _b.Double, arg(0)));
            case "asin": return DAsin(arg(0));
            case "acos": return DAcos(arg(0));
            case "atan": return DAtan(arg(0));
            case "atan2": return DAtan2(arg(0), arg(1));
            case "asinh": return DAsinh(arg(0));
            case "acosh": return DAcosh(arg(0));
            case "atanh": return DAtanh(arg(0));
            case "sinpi": return DSinCosPi(arg(0)).Sin;
            case "cospi": return DSinCosPi(arg(0)).Cos;
            case "logb": return DLogb(arg(0));
            case "lgamma": return DLgamma(arg(0));
            case "tgamma": return DTgamma(arg(0));
            case "erfinv": return DErfinv(arg(0));
            case "erfcinv": return DErfcinv(arg(0));
            case "normcdfinv": return DMul(D(-1.4142135623730951), DErfcinv(DMul(arg(0), D(2))));
            default: return default;
        }
    }

    // ---- small builders ----
    private LLVMValueRef D(double v) => _b.ConstReal(_b.Double, v);
    private LLVMValueRef DAdd(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FAdd, a, b);
    private LLVMValueRef DSub(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FSub, a, b);
    private LLVMValueRef DMul(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FMul, a, b);
    private LLVMValueRef DDiv(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FDiv, a, b);
    private LLVMValueRef DFma(LLVMValueRef a, LLVMValueRef b, LLVMValueRef c) => Intrinsic("llvm.fma.f64", _b.Double, a, b, c);
    private LLVMValueRef DRint(LLVMValueRef a) => Intrinsic("llvm.rint.f64", _b.Double, a);
    private LLVMValueRef DFloor(LLVMValueRef a) => Intrinsic("llvm.floor.f64", _b.Double, a);
    private LLVMValueRef DAbs(LLVMValueRef a) => Intrinsic("llvm.fabs.f64", _b.Double, a);
    private LLVMValueRef DMin(LLVMValueRef a, LLVMValueRef b) => Intrinsic("llvm.minnum.f64", _b.Double, a, b);
    private LLVMValueRef DMax(LLVMValueRef a, LLVMValueRef b) => Intrinsic("llvm.maxnum.f64", _b.Double, a, b);
    private LLVMValueRef DCopySign(LLVMValueRef a, LLVMValueRef b) => Intrinsic("llvm.copysign.f64", _b.Double, a, b);
    private LLVMValueRef DCmp(LLVMRealPredicate p, LLVMValueRef a, LLVMValueRef b) => _b.FCmp(p, a, b);
    private LLVMValueRef DCmp(LLVMRealPredicate p, LLVMValueRef a, double b) => _b.FCmp(p, a, D(b));
    private LLVMValueRef IsNan(LLVMValueRef a) => _b.FCmp(LLVMRealPredicate.UNO, a, a);

    /// <summary>
    /// a·0 == 0: false for ±inf and NaN. Written so that LLVM does not merge it with another compare of
    /// <paramref name="a"/> into llvm.is.fpclass, which the backend does not lower.
    /// </summary>
    private LLVMValueRef IsFinite(LLVMValueRef a) => _b.FCmp(LLVMRealPredicate.OEQ, DMul(a, D(0)), D(0));
    private LLVMValueRef Sel(LLVMValueRef c, LLVMValueRef a, LLVMValueRef b) => _b.Select(c, a, b);
    private LLVMValueRef ToBits(LLVMValueRef a) => _b.Cast(LLVMOpcode.BitCast, a, _b.I64);
    private LLVMValueRef FromBits(LLVMValueRef a) => _b.Cast(LLVMOpcode.BitCast, a, _b.Double);

    /// <summary>Horner: c[0] + z*(c[1] + z*(...)) with fused multiply-adds, in z's type (double or float).</summary>
    private LLVMValueRef Horner(LLVMValueRef z, IReadOnlyList<double> c)
    {
        var t = LLVMTypeOf(z);
        string fma = t == _b.Float ? "llvm.fma.f32" : "llvm.fma.f64";
        var p = _b.ConstReal(t, c[^1]);
        for (int i = c.Count - 2; i >= 0; i--)
        {
            p = Intrinsic(fma, t, p, z, _b.ConstReal(t, c[i]));
        }
        return p;
    }

    /// <summary>2^k for an integral double k in [-1022, 1023].</summary>
    private LLVMValueRef Pow2(LLVMValueRef kInt)
    {
        var biased = _b.Binary(LLVMOpcode.Add, kInt, _b.I64Const(1023));
        return FromBits(_b.Binary(LLVMOpcode.Shl, biased, _b.I64Const(52)));
    }

    /// <summary>p * 2^k for integral k in [-1100, 1100] in two steps (so both factors are normal): overflow and gradual underflow come out right.</summary>
    private LLVMValueRef Scale(LLVMValueRef p, LLVMValueRef k)
    {
        var ki = _b.Cast(LLVMOpcode.FPToSI, k, _b.I64);
        var k1 = _b.Binary(LLVMOpcode.AShr, ki, _b.I64Const(1));
        var k2 = _b.Binary(LLVMOpcode.Sub, ki, k1);
        return DMul(DMul(p, Pow2(k1)), Pow2(k2));
    }

    /// <summary>Computed (in BigInteger arithmetic) on first use only, not for every file compiled.</summary>
    private static class ExpTables
    {
        public static readonly double[] Taylor = Enumerable.Range(0, 15).Select(n => MathConstants.Ratio(BigInteger.One, Fact(n))).ToArray();
    }

    // ---- exp family ----

    /// <summary>e^(r) for |r| &lt;= ~0.35: Taylor to degree 14.</summary>
    private LLVMValueRef ExpPoly(LLVMValueRef r) => Horner(r, ExpTables.Taylor);

    /// <summary>exp(hi + lo) with |lo| tiny relative to hi; no NaN handling (callers select).</summary>
    private LLVMValueRef ExpDD(LLVMValueRef hi, LLVMValueRef lo)
    {
        var xc = DMin(DMax(hi, D(-760)), D(720));
        var k = DRint(DMul(xc, D(Log2ED)));
        var negK = _b.FNeg(k);
        var r = DFma(negK, D(Ln2Hi32), xc);
        r = DFma(negK, D(Ln2Lo32), r);
        r = DAdd(r, lo);
        return Scale(ExpPoly(r), k);
    }

    private LLVMValueRef DExp(LLVMValueRef x) => Sel(IsNan(x), x, ExpDD(x, D(0)));

    private LLVMValueRef DExp2(LLVMValueRef x)
    {
        var xc = DMin(DMax(x, D(-1100)), D(1100));
        var k = DRint(xc);
        var f = DSub(xc, k); // exact
        var hi = DMul(f, D(Ln2D));
        var lo = DFma(f, D(Ln2DLo), DFma(f, D(Ln2D), _b.FNeg(hi)));
        return Sel(IsNan(x), x, Scale(ExpPoly(DAdd(hi, lo)), k));
    }

    private LLVMValueRef DExp10(LLVMValueRef x)
    {
        var xc = DMin(DMax(x, D(-340)), D(330));
        var hi = DMul(xc, D(Ln10D));
        var lo = DFma(xc, D(Ln10DLo), DFma(xc, D(Ln10D), _b.FNeg(hi)));
        return Sel(IsNan(x), x, ExpDD(hi, lo));
    }

    /// <summary>expm1: r + r²·P(r) after reduction x = k ln2 + r, then 2^k·(e^r − 1) + (2^k − 1); exp(x) − 1 beyond 40.</summary>
    private LLVMValueRef DExpm1(LLVMValueRef x)
    {
        var xc = DMin(DMax(x, D(-45)), D(45));
        var k = DRint(DMul(xc, D(Log2ED)));
        var negK = _b.FNeg(k);
        var r = DFma(negK, D(Ln2Hi32), xc);
        r = DFma(negK, D(Ln2Lo32), r);
        var em = DFma(DMul(r, r), Horner(r, ExpTables.Taylor.Skip(2).ToArray()), r); // e^r - 1
        var ki = _b.Cast(LLVMOpcode.FPToSI, k, _b.I64);
        var p2 = Pow2(ki);
        var res = DFma(p2, em, DSub(p2, D(1)));
        res = Sel(DCmp(LLVMRealPredicate.OGT, x, 40), DSub(ExpDD(x, D(0)), D(1)), res);
        res = Sel(DCmp(LLVMRealPredicate.OLT, x, -40), D(-1), res);
        res = Sel(DCmp(LLVMRealPredicate.OLT, DAbs(x), 5.551115123125783e-17), x, res);
        return Sel(IsNan(x), x, res);
    }

    // ---- log family ----

    /// <summary>
    /// log(x) for finite x &gt; 0 as a double-double (hi, lo), relative error about 2^-62: x = 2^e·m with
    /// m in [√2/2, √2], log m = 2 atanh(s), s = f/(2+f) carried to double-double, f = m − 1.
    /// </summary>
    private (LLVMValueRef Hi, LLVMValueRef Lo) LogDD(LLVMValueRef x)
    {
        var sub = DCmp(LLVMRealPredicate.OLT, x, 2.2250738585072014e-308);
        var xs = Sel(sub, DMul(x, D(18014398509481984.0)), x);
        var bits = ToBits(xs);
        var biased = _b.Binary(LLVMOpcode.And, _b.Binary(LLVMOpcode.LShr, bits, _b.I64Const(52)), _b.I64Const(0x7FF));
        var e = _b.Binary(LLVMOpcode.Sub, biased, Sel(sub, _b.I64Const(1023 + 54), _b.I64Const(1023)));
        var m = FromBits(_b.Binary(LLVMOpcode.Or, _b.Binary(LLVMOpcode.And, bits, _b.I64Const(0x000FFFFFFFFFFFFF)), _b.I64Const(0x3FF0000000000000)));
        var big = DCmp(LLVMRealPredicate.OGT, m, 1.4142135623730951);
        m = Sel(big, DMul(m, D(0.5)), m);
        e = _b.Binary(LLVMOpcode.Add, e, Sel(big, _b.I64Const(1), _b.I64Const(0)));
        var f = DSub(m, D(1)); // exact
        var uh = DAdd(D(2), f);
        var ul = DSub(f, DSub(uh, D(2)));
        var sh = DDiv(f, uh);
        var ph = DMul(sh, uh);
        var pl = DFma(sh, uh, _b.FNeg(ph));
        var rem = DSub(DSub(DSub(f, ph), pl), DMul(sh, ul));
        var sl = DDiv(rem, uh);
        var z = DMul(sh, sh);
        var coeffs = Enumerable.Range(0, 13).Select(i => 1.0 / (2 * i + 3)).ToArray(); // 1/3 + z/5 + ...
        var twoS = DMul(sh, D(2));
        var tail = DMul(twoS, DMul(z, Horner(z, coeffs)));
        var ed = _b.Cast(LLVMOpcode.SIToFP, e, _b.Double);
        var a = DMul(ed, D(Ln2Hi32)); // exact
        var (s, err) = TwoSum(a, twoS);
        var lo = DAdd(err, DAdd(DFma(sl, D(2), tail), DMul(ed, D(Ln2Lo32))));
        return FastTwoSum(s, lo);
    }

    private (LLVMValueRef S, LLVMValueRef E) TwoSum(LLVMValueRef a, LLVMValueRef b)
    {
        var s = DAdd(a, b);
        var bb = DSub(s, a);
        var e = DAdd(DSub(a, DSub(s, bb)), DSub(b, bb));
        return (s, e);
    }

    /// <summary>(s, e) with s = fl(a + b), assuming |a| &gt;= |b| or a = 0.</summary>
    private (LLVMValueRef S, LLVMValueRef E) FastTwoSum(LLVMValueRef a, LLVMValueRef b)
    {
        var s = DAdd(a, b);
        return (s, DSub(b, DSub(s, a)));
    }

    /// <summary>The special cases of log: NaN for x &lt; 0 or NaN, −inf at ±0, +inf at +inf.</summary>
    private LLVMValueRef LogSpecials(LLVMValueRef x, LLVMValueRef res)
    {
        res = Sel(DCmp(LLVMRealPredicate.OEQ, x, double.PositiveInfinity), x, res);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, x, 0), D(double.NegativeInfinity), res);
        return Sel(DCmp(LLVMRealPredicate.ULT, x, 0), D(double.NaN), res);
    }

    private LLVMValueRef DLog(LLVMValueRef x, int radix)
    {
        var (hi, lo) = LogDD(x);
        LLVMValueRef res;
        if (radix == 0)
        {
            res = hi;
        }
        else
        {
            double c = radix == 2 ? Log2ED : Log10ED, cl = radix == 2 ? Log2EDLo : Log10EDLo;
            var rh = DMul(hi, D(c));
            var rl = DFma(hi, D(c), _b.FNeg(rh));
            rl = DAdd(rl, DFma(hi, D(cl), DMul(lo, D(c))));
            res = DAdd(rh, rl);
        }
        return LogSpecials(x, res);
    }

    private LLVMValueRef DLog1p(LLVMValueRef x)
    {
        var (u, err) = TwoSum(D(1), x);
        var (hi, lo) = LogDD(u);
        var res = DAdd(hi, DAdd(lo, DDiv(err, u)));
        res = LogSpecials(u, res);
        res = Sel(DCmp(LLVMRealPredicate.OLT, DAbs(x), 5.551115123125783e-17), x, res);
        return Sel(IsNan(x), x, res);
    }

    /// <summary>pow(x, y) = ±exp(y·log|x|) with log|x| and the product in double-double; C99 special cases.</summary>
    private LLVMValueRef DPow(LLVMValueRef x, LLVMValueRef y)
    {
        var ax = DAbs(x);
        var (lh, ll) = LogDD(ax);
        lh = Sel(DCmp(LLVMRealPredicate.OEQ, ax, 0), D(double.NegativeInfinity), lh);
        lh = Sel(DCmp(LLVMRealPredicate.OEQ, ax, double.PositiveInfinity), D(double.PositiveInfinity), lh);
        var ph = DMul(y, lh);
        var pl = DFma(y, ll, DFma(y, lh, _b.FNeg(ph)));
        pl = Sel(IsFinite(ph), pl, D(0));
        var mag = ExpDD(ph, pl);
        mag = Sel(DCmp(LLVMRealPredicate.OGT, ph, 720), D(double.PositiveInfinity), mag);
        mag = Sel(DCmp(LLVMRealPredicate.OLT, ph, -760), D(0), mag);
        return PowSpecials(x, y, mag);
    }

    /// <summary>
    /// pow from the magnitude |x|^y (double or float): the sign for negative x with odd integral y (−0 and −inf
    /// included), NaN for negative finite x with non-integral y, and the C99 cases pow(x, ±0) = 1, pow(1, y) = 1,
    /// pow(−1, ±inf) = 1, NaN otherwise propagating.
    /// </summary>
    private LLVMValueRef PowSpecials(LLVMValueRef x, LLVMValueRef y, LLVMValueRef mag)
    {
        var t = LLVMTypeOf(x);
        bool f32 = t == _b.Float;
        string sfx = f32 ? "f32" : "f64";
        LLVMValueRef C(double v) => _b.ConstReal(t, v);
        LLVMValueRef Cmp(LLVMRealPredicate p, LLVMValueRef a, double b) => _b.FCmp(p, a, C(b));
        LLVMValueRef And(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.And, a, b);
        var yIsInt = _b.FCmp(LLVMRealPredicate.OEQ, Intrinsic($"llvm.rint.{sfx}", t, y), y);
        var ay = Intrinsic($"llvm.fabs.{sfx}", t, y);
        var half = _b.Binary(LLVMOpcode.FMul, ay, C(0.5));
        // From 2^24 (float) or 2^53 (double) on every value is an even integer.
        var yOdd = And(yIsInt, And(_b.FCmp(LLVMRealPredicate.ONE, Intrinsic($"llvm.floor.{sfx}", t, half), half),
            Cmp(LLVMRealPredicate.OLT, ay, f32 ? 16777216.0 : 9007199254740992.0)));
        var bits = _b.Cast(LLVMOpcode.BitCast, x, f32 ? _b.I32 : _b.I64);
        var xNeg = _b.ICmp(LLVMIntPredicate.SLT, bits, _b.Null(LLVMTypeOf(bits)));
        var res = Sel(And(xNeg, yOdd), _b.FNeg(mag), mag);
        // x·0 == 0: finite (written so that LLVM does not merge the compares into llvm.is.fpclass).
        var finite = Cmp(LLVMRealPredicate.OEQ, _b.Binary(LLVMOpcode.FMul, x, C(0)), 0);
        var negFinite = And(Cmp(LLVMRealPredicate.OLT, x, 0), finite);
        res = Sel(And(negFinite, _b.Not(yIsInt)), C(double.NaN), res);
        res = Sel(_b.Binary(LLVMOpcode.Or, _b.FCmp(LLVMRealPredicate.UNO, x, x), _b.FCmp(LLVMRealPredicate.UNO, y, y)), _b.Binary(LLVMOpcode.FAdd, x, y), res);
        res = Sel(And(Cmp(LLVMRealPredicate.OEQ, x, -1), Cmp(LLVMRealPredicate.OEQ, ay, double.PositiveInfinity)), C(1), res);
        res = Sel(Cmp(LLVMRealPredicate.OEQ, x, 1), C(1), res);
        return Sel(Cmp(LLVMRealPredicate.OEQ, y, 0), C(1), res);
    }

    // ---- trigonometric ----

    /// <summary>Computed (in BigInteger arithmetic) on first use only, not for every file compiled.</summary>
    private static class TrigTables
    {
        public static readonly double[] Sin = Enumerable.Range(1, 9).Select(n => (n % 2 == 1 ? -1 : 1) * MathConstants.Ratio(BigInteger.One, Fact(2 * n + 1))).ToArray();
        public static readonly double[] Cos = Enumerable.Range(2, 10).Select(n => (n % 2 == 1 ? -1 : 1) * MathConstants.Ratio(BigInteger.One, Fact(2 * n))).ToArray();
    }

    /// <summary>which: 0 sin, 1 cos, 2 tan, after the reduction x = q·π/2 + (rh + rl) of ReducePio2 (any |x|).</summary>
    private LLVMValueRef DSinCos(LLVMValueRef x, int which)
    {
        var (rh, rl, q) = ReducePio2(x);
        var (sinv, cosv) = SinCosPoly(rh, rl);
        return SinCosSelect(x, sinv, cosv, q, which);
    }

    /// <summary>sin and cos of a reduced double-double argument |rh + rl| &lt;= π/4 (Taylor to r^17 / r^18).</summary>
    private (LLVMValueRef Sin, LLVMValueRef Cos) SinCosPoly(LLVMValueRef rh, LLVMValueRef rl)
    {
        var z = DMul(rh, rh);
        var zl = DFma(rh, rh, _b.FNeg(z));
        // sin(rh + rl) ≈ rh + rh·z·S(z) + rl·(1 − z/2)
        var sinv = DAdd(rh, DFma(DMul(rh, z), Horner(z, TrigTables.Sin), DMul(rl, DFma(z, D(-0.5), D(1)))));
        // cos(rh + rl) ≈ 1 − z/2 + z²·C(z) − rh·rl
        var hz = DMul(z, D(0.5));
        var w = DSub(D(1), hz);
        var cosTail = DFma(DMul(z, z), Horner(z, TrigTables.Cos), DFma(rh, _b.FNeg(rl), DMul(zl, D(-0.5))));
        var cosv = DAdd(w, DAdd(DSub(DSub(D(1), w), hz), cosTail));
        return (sinv, cosv);
    }

    /// <summary>sin (0), cos (1) or tan (2) of x from the reduced sin/cos and the quadrant q (i32, 0..3).</summary>
    private LLVMValueRef SinCosSelect(LLVMValueRef x, LLVMValueRef sinv, LLVMValueRef cosv, LLVMValueRef q, int which)
    {
        var t = LLVMTypeOf(x); // double, or float for the float sequences
        var odd = _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, q, _b.I32Const(1)), _b.I32Const(0));
        LLVMValueRef res;
        var ax = Intrinsic(t == _b.Float ? "llvm.fabs.f32" : "llvm.fabs.f64", t, x);
        var tiny = _b.FCmp(LLVMRealPredicate.OLT, ax, _b.ConstReal(t, 7.450580596923828e-09));
        if (which == 2)
        {
            res = Sel(odd, _b.FNeg(DDiv(cosv, sinv)), DDiv(sinv, cosv));
            return Sel(tiny, x, res);
        }
        if (which == 1)
        {
            q = _b.Binary(LLVMOpcode.Add, q, _b.I32Const(1));
            odd = _b.Not(odd);
        }
        var neg = _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, q, _b.I32Const(2)), _b.I32Const(0));
        res = Sel(odd, cosv, sinv);
        res = Sel(neg, _b.FNeg(res), res);
        return Sel(tiny, which == 0 ? x : _b.ConstReal(t, 1), res);
    }

    // ---- hyperbolic ----

    private LLVMValueRef DTanh(LLVMValueRef x)
    {
        var ax = DAbs(x);
        var t = DExpm1(DMul(ax, D(2)));
        var big = DSub(D(1), DDiv(D(2), DAdd(t, D(2))));
        var tn = DExpm1(DMul(ax, D(-2)));
        var small = DDiv(_b.FNeg(tn), DAdd(tn, D(2)));
        var res = Sel(DCmp(LLVMRealPredicate.OGE, ax, 1), big, small);
        res = Sel(DCmp(LLVMRealPredicate.OGT, ax, 22), D(1), res);
        res = DCopySign(res, x);
        res = Sel(DCmp(LLVMRealPredicate.OLT, ax, 3.725290298461914e-09), x, res);
        return Sel(IsNan(x), x, res);
    }

    private LLVMValueRef DSinhCosh(LLVMValueRef x, bool cosh)
    {
        var ax = DAbs(x);
        var t = DExpm1(ax);
        LLVMValueRef small = cosh
            ? DAdd(D(1), DDiv(DMul(t, t), DMul(D(2), DAdd(t, D(1)))))
            : DMul(D(0.5), DAdd(t, DDiv(t, DAdd(t, D(1)))));
        var e = DExp(ax);
        var inv = DDiv(D(1), e);
        var mid = DMul(D(0.5), cosh ? DAdd(e, inv) : DSub(e, inv));
        var h = DExp(DMul(ax, D(0.5)));
        var large = DMul(DMul(D(0.5), h), h);
        var res = Sel(DCmp(LLVMRealPredicate.OLT, ax, 1), small, Sel(DCmp(LLVMRealPredicate.OLT, ax, 22), mid, large));
        if (!cosh)
        {
            res = DCopySign(res, x);
            res = Sel(DCmp(LLVMRealPredicate.OLT, ax, 3.725290298461914e-09), x, res);
        }
        return Sel(IsNan(x), x, res);
    }

    // ---- error function ----

    // erf(x) = 2/√π · x · Σ (−1)^n z^n / (n!(2n+1)), z = x², for |x| <= 1 (degree 20).
    private static class ErfTables
    {
        public static readonly double[] Small = Enumerable.Range(0, 21).Select(n =>
            (n % 2 == 1 ? -1 : 1) * MathConstants.Ratio(BigInteger.One, Fact(n) * (2 * n + 1))).ToArray();
    }

    private static BigInteger Fact(int n)
    {
        BigInteger f = BigInteger.One;
        for (int i = 2; i <= n; i++)
        {
            f *= i;
        }
        return f;
    }

    /// <summary>
    /// erf/erfc. |x| &lt;= 1: Maclaurin series of erf (degree 20 in x²), erfc = 1 − erf (at most 6× cancellation).
    /// |x| &gt; 1: erfc by the continued fraction e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
    /// evaluated backwards from depth 200 (converged to double precision from x = 1 on), with e^(−x²) from x²
    /// in double-double; erf = 1 − erfc. Negative x: erf is odd, erfc(−a) = 1 + erf(a).
    /// </summary>
    private LLVMValueRef DErf(LLVMValueRef x, bool complement)
    {
        var (erf, erfc) = DErfBoth(x);
        return complement ? erfc : erf;
    }

    /// <summary>erf(x) and erfc(x) from one evaluation (see DErf).</summary>
    private (LLVMValueRef Erf, LLVMValueRef Erfc) DErfBoth(LLVMValueRef x)
    {
        var ax = DAbs(x);
        var z = DMul(ax, ax);
        // Small: erf = c·x·(1 + z·S'(z)), c = 2/√π: p + pe = c·x in double-double, q = p·z·S'(z);
        // erf = p + (pe + q) and erfc = ((1 − p) − pe) − q (1 − p is exact).
        var p = DMul(ax, D(TwoOverSqrtPi));
        var pe = DFma(ax, D(TwoOverSqrtPiLo), DFma(ax, D(TwoOverSqrtPi), _b.FNeg(p)));
        var q = DMul(DMul(p, z), Horner(z, ErfTables.Small.Skip(1).ToArray()));
        var erfSmall = DAdd(p, DAdd(pe, q));
        var erfcSmall = DSub(DSub(DSub(D(1), p), pe), q);
        // Tail: erfc by the continued fraction (argument clamped to [1, 28] so that the unused lanes stay finite).
        var axc = DMin(DMax(ax, D(1)), D(28));
        var zc = DMul(axc, axc);
        var zcl = DFma(axc, axc, _b.FNeg(zc));
        var emz = ExpDD(_b.FNeg(zc), _b.FNeg(zcl)); // e^(−x²)
        var t = axc;
        for (int n = 200; n >= 1; n--)
        {
            t = DAdd(axc, DDiv(D(n * 0.5), t));
        }
        var erfcTail = DDiv(DMul(emz, D(OneOverSqrtPi)), t);
        erfcTail = Sel(DCmp(LLVMRealPredicate.OGT, ax, 27.3), D(0), erfcTail);
        var isSmall = DCmp(LLVMRealPredicate.OLE, ax, 1);
        var erfAbs = Sel(isSmall, erfSmall, DSub(D(1), erfcTail));
        var erfcAbs = Sel(isSmall, erfcSmall, erfcTail);
        var r = Sel(DCmp(LLVMRealPredicate.OLT, x, 0), DAdd(D(1), erfAbs), erfcAbs);
        return (Sel(IsNan(x), x, DCopySign(erfAbs, x)), Sel(IsNan(x), x, r));
    }

    // ---- misc ----

    private LLVMValueRef DHypot(LLVMValueRef a, LLVMValueRef b)
    {
        var x = DAbs(a);
        var y = DAbs(b);
        var m = DMax(x, y);
        var n = DMin(x, y);
        var q = DDiv(n, m);
        var res = DMul(m, Intrinsic("llvm.sqrt.f64", _b.Double, DFma(q, q, D(1))));
        res = Sel(DCmp(LLVMRealPredicate.OEQ, m, 0), D(0), res);
        res = Sel(_b.Binary(LLVMOpcode.Or, IsNan(a), IsNan(b)), DAdd(a, b), res);
        return Sel(_b.Binary(LLVMOpcode.Or, DCmp(LLVMRealPredicate.OEQ, x, double.PositiveInfinity), DCmp(LLVMRealPredicate.OEQ, y, double.PositiveInfinity)), D(double.PositiveInfinity), res);
    }

    /// <summary>cbrt: exponent divided by 3 through the bits, then Newton steps on y³ = |x|.</summary>
    private LLVMValueRef DCbrt(LLVMValueRef x)
    {
        var ax = DAbs(x);
        var sub = DCmp(LLVMRealPredicate.OLT, ax, 2.2250738585072014e-308);
        var axs = Sel(sub, DMul(ax, D(18014398509481984.0)), ax);
        // Initial guess: bits/3 + bias adjustment (about 5% accurate).
        var bits = ToBits(axs);
        var guessBits = _b.Binary(LLVMOpcode.Add, _b.Binary(LLVMOpcode.UDiv, bits, _b.I64Const(3)), _b.I64Const(0x2A9F7893782DA1CE));
        var y = FromBits(guessBits);
        for (int i = 0; i < 5; i++)
        {
            // y = y − (y³ − a)/(3y²)
            var y2 = DMul(y, y);
            y = DSub(y, DDiv(DFma(y2, y, _b.FNeg(axs)), DMul(D(3), y2)));
        }
        y = Sel(sub, DMul(y, D(3.814697265625e-06)), y);
        var res = DCopySign(y, x);
        var special = _b.Binary(LLVMOpcode.Or, DCmp(LLVMRealPredicate.OEQ, ax, 0), _b.Not(IsFinite(x)));
        return Sel(special, DAdd(x, x), res);
    }
}
