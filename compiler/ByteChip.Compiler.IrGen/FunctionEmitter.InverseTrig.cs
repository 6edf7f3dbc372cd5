using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Double-precision inverse trigonometric and hyperbolic functions, sinpi/cospi and sincos:
/// <code>
///   atan(t), 0 &lt;= t &lt;= 1:  c = rint(8t)/8, u = (t − c)/(1 + c·t) in double-double (|u| &lt;= 1/16),
///                          atan t = atan c + atan u, atan c a double-double from MathConstants, atan u by Taylor to u^17
///   atan x  = π/2 − atan(1/|x|) above 1      atan2(y, x) = atan(min/max) in the right octant
///   asin x  = atan2(x, √((1−x)(1+x)))        acos x = atan2(√((1−x)(1+x)), x)
///   asinh x = log1p(a + a²/(1 + √(1+a²))) below 2, log(2a + 1/(a + √(a²+1))) below 2^28, log a + ln 2 beyond
///   acosh x = log1p(t + √(2t + t²)), t = x − 1, below 2; then as asinh
///   atanh x = ½·log1p(2a + 2a²/(1 − a)) below ½, ½·log1p(2a/(1 − a)) above
///   sinpi x = sin(π·r), x = k/2 + r exactly, π·r in double-double, quadrant k mod 4
/// </code>
/// </summary>
internal sealed partial class FunctionEmitter
{
    // atan(u) = u·(1 + u²·A(u²)), A = −1/3 + u²/5 − ...
    private static readonly double[] s_atanCoeffs = Enumerable.Range(1, 8).Select(n => (n % 2 == 1 ? -1.0 : 1.0) / (2 * n + 1)).ToArray();

    /// <summary>atan(th + tl) for 0 &lt;= th &lt;= 1 as a double-double.</summary>
    private (LLVMValueRef Hi, LLVMValueRef Lo) AtanCore(LLVMValueRef th, LLVMValueRef tl)
    {
        var k = DRint(DMul(th, D(8)));
        var c = DMul(k, D(0.125));
        // u = (t − c)/(1 + c·t): t − c is exact (Sterbenz, or c = 0); the denominator and quotient in double-double.
        var nh = DSub(th, c);
        var dh = DFma(c, th, D(1));
        var dl = DFma(c, tl, DFma(c, th, _b.FNeg(DSub(dh, D(1)))));
        var uh = DDiv(nh, dh);
        var rem = DSub(DAdd(DFma(_b.FNeg(uh), dh, nh), tl), DMul(uh, dl));
        var ul = DDiv(rem, dh);
        var z = DMul(uh, uh);
        // atan(uh + ul) ≈ uh + uh·z·A(z) + ul·(1 − z)
        var au = DFma(DMul(uh, z), Horner(z, s_atanCoeffs), DMul(ul, DSub(D(1), z)));
        // atan(c) by k: a select chain over the nine double-doubles.
        var table = MathConstants.AtanEighths.Value;
        var ki = _b.Cast(LLVMOpcode.FPToSI, DMin(DMax(k, D(0)), D(8)), _b.I32);
        LLVMValueRef ch = D(0), cl = D(0);
        for (int i = 1; i <= 8; i++)
        {
            var isI = _b.ICmp(LLVMIntPredicate.EQ, ki, _b.I32Const(i));
            ch = Sel(isI, D(table[i].Hi), ch);
            cl = Sel(isI, D(table[i].Lo), cl);
        }
        var (sh, se) = TwoSum(ch, uh);
        return FastTwoSum(sh, DAdd(se, DAdd(cl, au)));
    }

    /// <summary>(ph + pl) − (ah + al) rounded, with ph + pl a constant double-double larger than a.</summary>
    private LLVMValueRef DDMinus((double Hi, double Lo) p, (LLVMValueRef Hi, LLVMValueRef Lo) a)
    {
        var (s, e) = TwoSum(D(p.Hi), _b.FNeg(a.Hi));
        return DAdd(s, DAdd(e, DSub(D(p.Lo), a.Lo)));
    }

    private LLVMValueRef DAtan(LLVMValueRef x)
    {
        var ax = DAbs(x);
        var inv = DCmp(LLVMRealPredicate.OGT, ax, 1);
        var rh = DDiv(D(1), ax);
        var rl = DDiv(DFma(_b.FNeg(rh), ax, D(1)), ax);
        rl = Sel(IsFinite(rl), rl, D(0));
        var a = AtanCore(Sel(inv, rh, ax), Sel(inv, rl, D(0)));
        var res = Sel(inv, DDMinus(MathConstants.PiOver2, a), a.Hi);
        res = DCopySign(res, x);
        return Sel(IsNan(x), x, res);
    }

    private LLVMValueRef DAtan2(LLVMValueRef y, LLVMValueRef x)
    {
        var ax = DAbs(x);
        var ay = DAbs(y);
        var swap = DCmp(LLVMRealPredicate.OGT, ay, ax);
        var num = Sel(swap, ax, ay);
        var den = Sel(swap, ay, ax);
        var th = DDiv(num, den);
        var tl = DDiv(DFma(_b.FNeg(th), den, num), den);
        tl = Sel(IsFinite(tl), tl, D(0));
        th = Sel(IsFinite(th), th, D(1)); // 0/0 and inf/inf: replaced below
        var a = AtanCore(th, tl);
        var pio2 = MathConstants.PiOver2;
        var pi = MathConstants.Pi;
        // Octant: swap → π/2 − a; x negative (−0 included) → π − that.
        var (s1, e1) = TwoSum(D(pio2.Hi), _b.FNeg(a.Hi));
        var ha = Sel(swap, s1, a.Hi);
        var la = Sel(swap, DAdd(e1, DSub(D(pio2.Lo), a.Lo)), a.Lo);
        var xNeg = _b.ICmp(LLVMIntPredicate.SLT, ToBits(x), _b.I64Const(0));
        var res = Sel(xNeg, DDMinus(pi, (ha, la)), DAdd(ha, la));
        // Both zero: 0 or π; both infinite: π/4 or 3π/4.
        var bothZero = _b.Binary(LLVMOpcode.And, DCmp(LLVMRealPredicate.OEQ, ax, 0), DCmp(LLVMRealPredicate.OEQ, ay, 0));
        res = Sel(bothZero, Sel(xNeg, D(pi.Hi), D(0)), res);
        var bothInf = _b.Binary(LLVMOpcode.And, DCmp(LLVMRealPredicate.OEQ, ax, double.PositiveInfinity), DCmp(LLVMRealPredicate.OEQ, ay, double.PositiveInfinity));
        res = Sel(bothInf, Sel(xNeg, D(3 * Math.PI / 4), D(Math.PI / 4)), res);
        res = DCopySign(res, y);
        return Sel(_b.Binary(LLVMOpcode.Or, IsNan(x), IsNan(y)), DAdd(x, y), res);
    }

    /// <summary>√((1 − x)(1 + x)) = √(1 − x²) without the cancellation of 1 − x².</summary>
    private LLVMValueRef SqrtOneMinusSquare(LLVMValueRef x) =>
        Intrinsic("llvm.sqrt.f64", _b.Double, DMul(DSub(D(1), x), DAdd(D(1), x)));

    private LLVMValueRef DAsin(LLVMValueRef x) => DAtan2(x, SqrtOneMinusSquare(x));

    private LLVMValueRef DAcos(LLVMValueRef x) => DAtan2(SqrtOneMinusSquare(x), x);

    private LLVMValueRef DAsinh(LLVMValueRef x)
    {
        var a = DAbs(x);
        var a2 = DMul(a, a);
        var root = Intrinsic("llvm.sqrt.f64", _b.Double, DAdd(a2, D(1)));
        var small = DLog1p(DAdd(a, DDiv(a2, DAdd(D(1), root))));
        var mid = DLog(DAdd(DMul(a, D(2)), DDiv(D(1), DAdd(a, root))), 0);
        var large = DAdd(DLog(a, 0), D(Ln2D));
        var res = Sel(DCmp(LLVMRealPredicate.OLT, a, 2), small, Sel(DCmp(LLVMRealPredicate.OLT, a, 268435456.0), mid, large));
        res = DCopySign(res, x);
        return Sel(IsNan(x), x, res);
    }

    private LLVMValueRef DAcosh(LLVMValueRef x)
    {
        var t = DSub(x, D(1));
        var small = DLog1p(DAdd(t, Intrinsic("llvm.sqrt.f64", _b.Double, DFma(t, t, DMul(t, D(2))))));
        var mid = DLog(DSub(DMul(x, D(2)), DDiv(D(1), DAdd(x, Intrinsic("llvm.sqrt.f64", _b.Double, DFma(x, x, D(-1)))))), 0);
        var large = DAdd(DLog(x, 0), D(Ln2D));
        var res = Sel(DCmp(LLVMRealPredicate.OLT, x, 2), small, Sel(DCmp(LLVMRealPredicate.OLT, x, 268435456.0), mid, large));
        res = Sel(DCmp(LLVMRealPredicate.OEQ, x, double.PositiveInfinity), x, res);
        return Sel(DCmp(LLVMRealPredicate.UGE, x, 1), res, D(double.NaN));
    }

    private LLVMValueRef DAtanh(LLVMValueRef x)
    {
        var a = DAbs(x);
        var oneMinus = DSub(D(1), a);
        var twoA = DMul(a, D(2));
        var small = DLog1p(DAdd(twoA, DDiv(DMul(twoA, a), oneMinus)));
        var big = DLog1p(DDiv(twoA, oneMinus));
        var res = DMul(D(0.5), Sel(DCmp(LLVMRealPredicate.OLT, a, 0.5), small, big));
        res = Sel(DCmp(LLVMRealPredicate.OGT, a, 1), D(double.NaN), res);
        res = DCopySign(res, x);
        return Sel(IsNan(x), x, res);
    }

    /// <summary>sinpi (0), cospi (1) of x; the reduction x = k/2 + r is exact.</summary>
    private (LLVMValueRef Sin, LLVMValueRef Cos) DSinCosPi(LLVMValueRef x)
    {
        var ax = DAbs(x);
        // From 2^53 on every double is an even integer: reduce ±0 instead (and keep inf/NaN).
        var even = _b.Binary(LLVMOpcode.And, DCmp(LLVMRealPredicate.OGE, ax, 9007199254740992.0), DCmp(LLVMRealPredicate.OLE, ax, double.MaxValue));
        var xr = Sel(even, DCopySign(D(0), x), x);
        var k = DRint(DMul(xr, D(2)));
        var r = DSub(xr, DMul(k, D(0.5))); // exact
        var pi = MathConstants.Pi;
        var rh = DMul(r, D(pi.Hi));
        var rl = DFma(r, D(pi.Lo), DFma(r, D(pi.Hi), _b.FNeg(rh)));
        (rh, rl) = FastTwoSum(rh, rl);
        var kc = DMin(DMax(k, D(-1e18)), D(1e18));
        var q = _b.Cast(LLVMOpcode.FPToSI, DSub(kc, DMul(DFloor(DMul(kc, D(0.25))), D(4))), _b.I32);
        q = Sel(IsNan(k), _b.I32Const(0), q);
        var (sinv, cosv) = SinCosPoly(rh, rl);
        var odd = _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, q, _b.I32Const(1)), _b.I32Const(0));
        var sNeg = _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, q, _b.I32Const(2)), _b.I32Const(0));
        var q1 = _b.Binary(LLVMOpcode.Add, q, _b.I32Const(1));
        var cNeg = _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, q1, _b.I32Const(2)), _b.I32Const(0));
        var s = Sel(odd, cosv, sinv);
        s = Sel(sNeg, _b.FNeg(s), s);
        var c = Sel(odd, sinv, cosv);
        c = Sel(cNeg, _b.FNeg(c), c);
        // Exact zeros: sinpi(n) = ±0 with the sign of x, cospi(n + ½) = +0.
        var rZero = DCmp(LLVMRealPredicate.OEQ, r, 0);
        s = Sel(rZero, Sel(odd, s, DCopySign(D(0), x)), s);
        c = Sel(DCmp(LLVMRealPredicate.OEQ, c, 0), D(0), c);
        var nan = _b.Not(IsFinite(x));
        return (Sel(nan, D(double.NaN), s), Sel(nan, D(double.NaN), c));
    }

    /// <summary>sincos(x, s, c): one reduction for both results.</summary>
    private void DSinCosStore(LLVMValueRef x, LLVMValueRef sinPtr, LLVMValueRef cosPtr, bool toFloat)
    {
        var (rh, rl, q) = ReducePio2(x);
        var (sinv, cosv) = SinCosPoly(rh, rl);
        StoreResult(SinCosSelect(x, sinv, cosv, q, 0), sinPtr, toFloat);
        StoreResult(SinCosSelect(x, sinv, cosv, q, 1), cosPtr, toFloat);
    }

    private void StoreResult(LLVMValueRef v, LLVMValueRef ptr, bool toFloat)
    {
        if (toFloat)
        {
            _b.Store(_b.Cast(LLVMOpcode.FPTrunc, v, _b.Float), ptr, 4);
        }
        else
        {
            _b.Store(v, ptr, 8);
        }
    }
}
