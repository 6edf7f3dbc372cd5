using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Single-precision inverse trigonometric and hyperbolic functions, sinpi/cospi, cbrt/rcbrt and hypot as float
/// sequences (coefficients from compiler/scripts/math-fits: atanf.py, asinf.py, asinhf.py, sinpif.py, cbrtf.py):
/// <code>
///   atan2(y, x)  t = min/max of |x|, |y| (one division), atan t = t + t³·P(t²) on [0, 1], then C + (±atan t) with
///                C ∈ {0, π/2, π} as a float pair by the octant; atan x = atan2(x, 1)
///   asin x       |x| &lt;= ½: w = |x|, z = x²;  above: z = (1 − |x|)/2 (exact), w = √z with its error wl by fma;
///                asin w = w + (w·z·P(z) + wl); above ½, asin|x| = π/2 − 2·asin w with π/2 − 2w by fast two-sum
///   acos x       π/2 − asin x below ½; 2·asin w above; π − 2·asin w below −½
///   asinh x      x + x³·P(x²) up to ½; beyond one log1pf: of a + a²/(1 + √(1 + a²)) below 2, of 2a − 1 + 1/(a + √(a² + 1))
///                below 2^12 (2a − 1 exact), of a − 1 beyond (+ ln 2)
///   acosh x      log1pf of t + √(t² + 2t) (t = x − 1 exact) below 2, of 2x − 1 − 1/(x + √(x² − 1)) below 2^12, of x − 1 beyond (+ ln 2)
///   atanh x      x + x³·P(x²) up to ½; beyond ½·log1pf(2a/(1 − a)) (1 − a exact)
///   sinpi/cospi  x = k/2 + r exactly (|r| &lt;= ¼), sin πr = fma(r, π_hi, r·π_lo + r³·S(r²)), cos πr = 1 + y with
///                y = r²·C(r²) as a pair and 1 + y by fast two-sum; quadrant k mod 4, exact zeros as C specifies
///   cbrt/rcbrt   |x| = M·2^(3q) with M = m·2^k in [1, 8): r = P(m)·2^(−k/3), one Newton step for M^(−1/3), a last one
///                with the residual in float pairs (within about ½ ulp), then 2^(±q)
///   hypot        both scaled by one power of two so that the larger is in [1, 2): √(fma(a, a, b·b)) scaled back
/// </code>
/// </summary>
internal sealed partial class FunctionEmitter
{
    // atan t = t + t³·P(t²) on [0, 1], degree 8 (atanf.py 8).
    private static readonly double[] s_atanfPoly =
    [
        -0.3333333134651184f, 0.19999739527702332f, -0.1427856832742691f, 0.11033764481544495f, -0.08656880259513855f,
        0.0625016912817955f, -0.035871539264917374f, 0.01350777130573988f, -0.0023869972210377455f,
    ];

    // asin x = x + x³·P(x²) on |x| <= ½, degree 5 (asinf.py 5).
    private static readonly double[] s_asinfPoly =
    [
        0.1666666567325592f, 0.07500094175338745f, 0.04459940269589424f, 0.031100662425160408f, 0.017149237915873528f,
        0.03369084745645523f,
    ];

    // asinh x, atanh x = x + x³·P(x²) on |x| <= ½, degrees 5 and 6 (asinhf.py 5 6 0.5).
    private static readonly double[] s_asinhfPoly =
    [
        -0.1666666716337204f, 0.07499972730875015f, -0.044630017131567f, 0.030156122520565987f, -0.020526504144072533f,
        0.009935990907251835f,
    ];
    private static readonly double[] s_atanhfPoly =
    [
        0.3333333432674408f, 0.1999995857477188f, 0.14288286864757538f, 0.1105080097913742f, 0.09752197563648224f,
        0.04090613126754761f, 0.1563064306974411f,
    ];

    // sin πr = πr + r³·S(r²), cos πr = 1 + r²·C(r²) on |r| <= ¼, degrees 3 and 4 (sinpif.py 3 4); C's first
    // coefficient −π²/2 carried as a pair.
    private static readonly double[] s_sinpifPoly = [-5.167712688446045f, 2.550163507461548f, -0.5992287993431091f, 0.08122948557138443f];
    private static readonly double[] s_cospifTail = [4.058712005615234f, -1.335262417793274f, 0.2353142648935318f, -0.025507019832730293f];
    private const float CospifC0 = -4.934802055358887f, CospifC0Lo = -1.451857940537593e-07f;

    // m^(−1/3) on [1, 2], degree 3 (cbrtf.py 3), and 2^(−1/3), 2^(−2/3).
    private static readonly double[] s_rcbrtfPoly = [1.5377602577209473f, -0.8012745976448059f, 0.3118472695350647f, -0.04863305389881134f];
    private const float TwoPowMinusThirdF = 0.7937005162239075f, TwoPowMinusTwoThirdsF = 0.6299605369567871f;

    // π as float + float.
    private const float PiF = 3.1415927410125732f, PiLoF = -8.742277657347586e-08f;

    private LLVMValueRef FCopySign(LLVMValueRef magnitude, LLVMValueRef sign) => Intrinsic("llvm.copysign.f32", _b.Float, magnitude, sign);
    private LLVMValueRef FIsNan(LLVMValueRef x) => _b.FCmp(LLVMRealPredicate.UNO, x, x);
    private LLVMValueRef FSignBit(LLVMValueRef x) => _b.ICmp(LLVMIntPredicate.SLT, FBits(x), _b.I32Const(0));

    /// <summary>x + x³·P(x²) in float (odd functions near 0; −0 stays −0).</summary>
    private LLVMValueRef FOddPoly(LLVMValueRef x, double[] p)
    {
        var s = FMul(x, x);
        return FFma(FMul(x, s), Horner(s, p), x);
    }

    /// <summary>
    /// atan2(y, x) (atan x as atan2(x, 1)): t = min(|x|, |y|)/max(|x|, |y|), atan t by the polynomial, then
    /// C + (±atan t) with C = 0, π/2 (|y| &gt; |x|) or π (x negative, −0 included) as a float pair; both zero gives
    /// 0 or π, both infinite π/4 or 3π/4; the sign of y copied; NaN in, NaN out.
    /// </summary>
    private LLVMValueRef FAtan2(LLVMValueRef y, LLVMValueRef x)
    {
        var ax = FAbs(x);
        var ay = FAbs(y);
        var swap = _b.FCmp(LLVMRealPredicate.OGT, ay, ax);
        var t = _b.Binary(LLVMOpcode.FDiv, Sel(swap, ax, ay), Sel(swap, ay, ax));
        var a = FOddPoly(t, s_atanfPoly);
        var xNeg = FSignBit(x);
        var ch = Sel(swap, FC(Pio2AF), Sel(xNeg, FC(PiF), FC(0f)));
        var cl = Sel(swap, FC(Pio2BF), Sel(xNeg, FC(PiLoF), FC(0f)));
        var v = Sel(_b.Binary(LLVMOpcode.Xor, swap, xNeg), _b.FNeg(a), a);
        var res = FAdd(ch, FAdd(cl, v));
        var bothZero = _b.Binary(LLVMOpcode.And, FCmp(LLVMRealPredicate.OEQ, ax, 0), FCmp(LLVMRealPredicate.OEQ, ay, 0));
        res = Sel(bothZero, Sel(xNeg, FC(PiF), FC(0f)), res);
        var bothInf = _b.Binary(LLVMOpcode.And, FCmp(LLVMRealPredicate.OEQ, ax, float.PositiveInfinity), FCmp(LLVMRealPredicate.OEQ, ay, float.PositiveInfinity));
        res = Sel(bothInf, Sel(xNeg, FC(2.356194496154785f), FC(0.7853981852531433f)), res);
        res = FCopySign(res, y);
        return Sel(_b.FCmp(LLVMRealPredicate.UNO, x, y), FAdd(x, y), res);
    }

    /// <summary>
    /// asin (acos: false) and acos. One polynomial for both halves: asin w = w + (w·z·P(z) + wl) with w = |x|, z = x²
    /// up to ½, and z = (1 − |x|)/2 (exact), w + wl = √z beyond. |x| &gt; 1 gives √ of a negative z: NaN.
    /// </summary>
    private LLVMValueRef FAsinAcos(LLVMValueRef x, bool acos)
    {
        var a = FAbs(x);
        var big = FCmp(LLVMRealPredicate.OGT, a, 0.5f);
        var zBig = FMul(FSub(FC(1f), a), FC(0.5f));
        var z = Sel(big, zBig, FMul(a, a));
        var root = Intrinsic("llvm.sqrt.f32", _b.Float, zBig);
        var w = Sel(big, root, a);
        // √z − root = (z − root²)/(2·root); the max keeps |x| = 1 (root = 0) from dividing by zero.
        var wl = _b.Binary(LLVMOpcode.FDiv, FFma(_b.FNeg(root), root, zBig), FMax(FMul(root, FC(2f)), FC(1e-30f)));
        var p = FFma(FMul(w, z), Horner(z, s_asinfPoly), Sel(big, wl, FC(0f)));
        if (!acos)
        {
            // π/2 − 2w − 2p: the first difference by fast two-sum (π/2 > 2w).
            var w2 = FMul(w, FC(2f));
            var hi = FSub(FC(Pio2AF), w2);
            var e = FSub(FSub(FC(Pio2AF), hi), w2);
            var bigRes = FAdd(hi, FAdd(e, FSub(FC(Pio2BF), FMul(p, FC(2f)))));
            return FCopySign(Sel(big, bigRes, FAdd(w, p)), x);
        }
        var twice = FMul(FAdd(w, p), FC(2f));
        var small = FAdd(FC(Pio2AF), FSub(FC(Pio2BF), FCopySign(FAdd(w, p), x)));
        var negBig = FAdd(FC(PiF), FSub(FC(PiLoF), twice));
        return Sel(big, Sel(FCmp(LLVMRealPredicate.OLT, x, 0), negBig, twice), small);
    }

    /// <summary>
    /// asinh: the odd polynomial up to ½ (NaN too), beyond log1pf of a + a²/(1 + √(1 + a²)) below 2, of
    /// (2a − 1) + 1/(a + √(a² + 1)) below 2^12, of a − 1 from there on plus ln 2; the sign of x copied.
    /// </summary>
    private LLVMValueRef FAsinh(LLVMValueRef x)
    {
        var a = FAbs(x);
        // P(0) < 0: x = −0 would come out +0 without the copysign.
        return FBranch(FCmp(LLVMRealPredicate.ULE, a, 0.5f), () => FCopySign(FOddPoly(x, s_asinhfPoly), x), () =>
        {
            var huge = FCmp(LLVMRealPredicate.OGE, a, 4096f);
            var ac = FMin(a, FC(4096f));
            var sq = FMul(ac, ac);
            var root = Intrinsic("llvm.sqrt.f32", _b.Float, FAdd(sq, FC(1f)));
            var mid = FAdd(ac, _b.Binary(LLVMOpcode.FDiv, sq, FAdd(root, FC(1f))));
            var big = FAdd(FSub(FMul(ac, FC(2f)), FC(1f)), _b.Binary(LLVMOpcode.FDiv, FC(1f), FAdd(ac, root)));
            var u = Sel(huge, FSub(a, FC(1f)), Sel(FCmp(LLVMRealPredicate.OLT, a, 2f), mid, big));
            var l = FLog1p(u);
            return FCopySign(Sel(huge, FAdd(l, FC(Ln2F)), l), x);
        }, "asinhf");
    }

    /// <summary>acosh: NaN below 1 and for NaN; log1pf of t + √(t² + 2t) (t = x − 1) below 2, of (2x − 1) − 1/(x + √(x² − 1)) below 2^12, of x − 1 beyond plus ln 2.</summary>
    private LLVMValueRef FAcosh(LLVMValueRef x)
    {
        var huge = FCmp(LLVMRealPredicate.OGE, x, 4096f);
        var xc = FMin(x, FC(4096f));
        var t = FSub(xc, FC(1f));
        var near = FAdd(t, Intrinsic("llvm.sqrt.f32", _b.Float, FFma(t, t, FMul(t, FC(2f)))));
        var root = Intrinsic("llvm.sqrt.f32", _b.Float, FFma(xc, xc, FC(-1f)));
        var big = FSub(FSub(FMul(xc, FC(2f)), FC(1f)), _b.Binary(LLVMOpcode.FDiv, FC(1f), FAdd(xc, root)));
        var u = Sel(huge, FSub(x, FC(1f)), Sel(FCmp(LLVMRealPredicate.OLT, x, 2f), near, big));
        var l = FLog1p(u);
        var res = Sel(FCmp(LLVMRealPredicate.OGE, x, 1f), Sel(huge, FAdd(l, FC(Ln2F)), l), FC(float.NaN));
        return Sel(FIsNan(x), x, res); // minnum(NaN, 4096) is 4096: NaN selected last
    }

    /// <summary>atanh: the odd polynomial up to ½ (NaN too); beyond ½·log1pf(2a/(1 − a)), ±inf at ±1, NaN beyond 1.</summary>
    private LLVMValueRef FAtanh(LLVMValueRef x)
    {
        var a = FAbs(x);
        return FBranch(FCmp(LLVMRealPredicate.ULE, a, 0.5f), () => FOddPoly(x, s_atanhfPoly), () =>
        {
            var l = FMul(FLog1p(_b.Binary(LLVMOpcode.FDiv, FMul(a, FC(2f)), FSub(FC(1f), a))), FC(0.5f));
            return Sel(FCmp(LLVMRealPredicate.OGT, a, 1f), FC(float.NaN), FCopySign(l, x));
        }, "atanhf");
    }

    /// <summary>
    /// sinpi and cospi of a float: x = k/2 + r exactly (from 2^24 on every float is an even integer, reduced as ±0),
    /// the polynomials on |r| &lt;= ¼, quadrant k mod 4; sinpi(n) = ±0 with the sign of x, cospi(n + ½) = +0; ±inf and NaN give NaN.
    /// </summary>
    private (LLVMValueRef Sin, LLVMValueRef Cos) FSinCosPi(LLVMValueRef x)
    {
        var even = FCmp(LLVMRealPredicate.UGE, FAbs(x), 16777216f); // NaN and ±inf too: NaN is selected last
        var xr = Sel(even, FCopySign(FC(0f), x), x);
        var k = Intrinsic("llvm.rint.f32", _b.Float, FMul(xr, FC(2f)));
        var r = FFma(k, FC(-0.5f), xr); // exact
        var s = FMul(r, r);
        var sl = FFma(r, r, _b.FNeg(s));
        var sinv = FFma(r, FC(PiF), FFma(FMul(r, s), Horner(s, s_sinpifPoly), FMul(r, FC(PiLoF))));
        // cos πr = 1 + y, y = s·C0 + s²·C'(s) with s's rounding error and C0's low part; 1 + y by fast two-sum.
        var yh = FMul(s, FC(CospifC0));
        var yl = FFma(s, FC(CospifC0), _b.FNeg(yh));
        yl = FAdd(yl, FFma(sl, FC(CospifC0), FFma(s, FC(CospifC0Lo), FMul(s, FMul(s, Horner(s, s_cospifTail))))));
        var h = FAdd(FC(1f), yh);
        var cosv = FAdd(h, FAdd(FAdd(FSub(FC(1f), h), yh), yl));
        var q = _b.Cast(LLVMOpcode.FPToSI, k, _b.I32);
        var odd = _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, q, _b.I32Const(1)), _b.I32Const(0));
        var sNeg = _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, q, _b.I32Const(2)), _b.I32Const(0));
        var cNeg = _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, _b.Binary(LLVMOpcode.Add, q, _b.I32Const(1)), _b.I32Const(2)), _b.I32Const(0));
        var sv = Sel(odd, cosv, sinv);
        sv = Sel(sNeg, _b.FNeg(sv), sv);
        var cv = Sel(odd, sinv, cosv);
        cv = Sel(cNeg, _b.FNeg(cv), cv);
        sv = Sel(FCmp(LLVMRealPredicate.OEQ, r, 0), Sel(odd, sv, FCopySign(FC(0f), x)), sv);
        cv = Sel(FCmp(LLVMRealPredicate.OEQ, cv, 0), FC(0f), cv);
        var nan = FCmp(LLVMRealPredicate.UEQ, FAbs(x), float.PositiveInfinity);
        return (Sel(nan, FC(float.NaN), sv), Sel(nan, FC(float.NaN), cv));
    }

    /// <summary>
    /// cbrt (reciprocal: false) and rcbrt: |x| = m·2^e (subnormals scaled by 2^24), e = 3q + k, M = m·2^k in [1, 8);
    /// r ≈ M^(−1/3) from P(m)·2^(−k/3) and one Newton step, then the last step with the residual in pairs:
    /// rcbrt r += r·(1 − M·r³)/3, cbrt y = M·r², y −= (y³ − M)·r²/3. The results times 2^q or 2^−q, the sign of x
    /// copied; ±0, ±inf and NaN by C99 (cbrt returns them, rcbrt gives ±inf, ±0, NaN).
    /// </summary>
    private LLVMValueRef FCbrt(LLVMValueRef x, bool reciprocal)
    {
        var a = FAbs(x);
        var sub = FCmp(LLVMRealPredicate.OLT, a, 1.17549435e-38f);
        var bits = FBits(Sel(sub, FMul(a, FC(16777216f)), a));
        // e + 150 = biased exponent + 23 (− 24 for the scaled subnormals), in [1, 277].
        var eb = _b.Binary(LLVMOpcode.Add, _b.Binary(LLVMOpcode.LShr, bits, _b.I32Const(23)), Sel(sub, _b.I32Const(-1), _b.I32Const(23)));
        var q3 = _b.Binary(LLVMOpcode.LShr, _b.Binary(LLVMOpcode.Mul, eb, _b.I32Const(21846)), _b.I32Const(16)); // ⌊eb/3⌋ for eb < 2^15/3
        var k = _b.Binary(LLVMOpcode.Sub, eb, _b.Binary(LLVMOpcode.Mul, q3, _b.I32Const(3)));
        var q = _b.Binary(LLVMOpcode.Sub, q3, _b.I32Const(50));
        var m = FFromBits(_b.Binary(LLVMOpcode.Or, _b.Binary(LLVMOpcode.And, bits, _b.I32Const(0x007fffff)), _b.I32Const(0x3f800000)));
        var bigM = FMul(m, FPow2(k));
        var ck = Sel(_b.ICmp(LLVMIntPredicate.EQ, k, _b.I32Const(1)), FC(TwoPowMinusThirdF),
            Sel(_b.ICmp(LLVMIntPredicate.EQ, k, _b.I32Const(2)), FC(TwoPowMinusTwoThirdsF), FC(1f)));
        const float Third = 0.333333343f;
        var r = FMul(Horner(m, s_rcbrtfPoly), ck);
        r = FFma(FMul(r, FC(Third)), FFma(_b.FNeg(bigM), FMul(FMul(r, r), r), FC(1f)), r);
        LLVMValueRef res;
        if (reciprocal)
        {
            var rr = FMul(r, r);
            var rrl = FFma(r, r, _b.FNeg(rr));
            var r3 = FMul(rr, r);
            var r3l = FFma(rrl, r, FFma(rr, r, _b.FNeg(r3)));
            var p = FMul(bigM, r3);
            var pl = FFma(bigM, r3l, FFma(bigM, r3, _b.FNeg(p)));
            var e = FSub(FSub(FC(1f), p), pl); // 1 − p is exact (p is within 2^-20 of 1)
            r = FFma(FMul(r, FC(Third)), e, r);
            res = FMul(r, FPow2(_b.Binary(LLVMOpcode.Sub, _b.I32Const(0), q)));
            res = Sel(FCmp(LLVMRealPredicate.OEQ, a, 0), FC(float.PositiveInfinity), res);
            res = Sel(FCmp(LLVMRealPredicate.OEQ, a, float.PositiveInfinity), FC(0f), res);
        }
        else
        {
            var r2 = FMul(r, r);
            var y = FMul(bigM, r2);
            var yy = FMul(y, y);
            var yyl = FFma(y, y, _b.FNeg(yy));
            var d = FFma(yyl, y, FFma(yy, y, _b.FNeg(bigM))); // y³ − M
            y = FFma(_b.FNeg(d), FMul(r2, FC(Third)), y);
            res = FMul(y, FPow2(q));
            res = Sel(_b.Binary(LLVMOpcode.Or, FCmp(LLVMRealPredicate.OEQ, a, 0), FCmp(LLVMRealPredicate.OEQ, a, float.PositiveInfinity)), a, res);
        }
        return Sel(FIsNan(x), x, FCopySign(res, x));
    }

    /// <summary>
    /// hypot: the larger magnitude m and the smaller n scaled by 2^s with s = clamp(127 − biased exponent of m, −126, 126)
    /// (exact: m·2^s in [1, 4), the squares neither overflow nor lose what matters), √(fma(m, m, n·n))·2^−s.
    /// ±inf if either is infinite (even with a NaN), else NaN if either is NaN.
    /// </summary>
    private LLVMValueRef FHypot(LLVMValueRef x, LLVMValueRef y)
    {
        var a = FAbs(x);
        var b = FAbs(y);
        var m = FMax(a, b);
        var n = FMin(a, b);
        var be = _b.Binary(LLVMOpcode.LShr, FBits(m), _b.I32Const(23));
        var s = Intrinsic("llvm.smax.i32", _b.I32, Intrinsic("llvm.smin.i32", _b.I32, _b.Binary(LLVMOpcode.Sub, _b.I32Const(127), be), _b.I32Const(126)), _b.I32Const(-126));
        var scale = FPow2(s);
        var ms = FMul(m, scale);
        var ns = FMul(n, scale);
        var res = FMul(Intrinsic("llvm.sqrt.f32", _b.Float, FFma(ms, ms, FMul(ns, ns))), FPow2(_b.Binary(LLVMOpcode.Sub, _b.I32Const(0), s)));
        res = Sel(_b.FCmp(LLVMRealPredicate.UNO, x, y), FAdd(x, y), res);
        var inf = _b.Binary(LLVMOpcode.Or, FCmp(LLVMRealPredicate.OEQ, a, float.PositiveInfinity), FCmp(LLVMRealPredicate.OEQ, b, float.PositiveInfinity));
        return Sel(inf, FC(float.PositiveInfinity), res);
    }
}
