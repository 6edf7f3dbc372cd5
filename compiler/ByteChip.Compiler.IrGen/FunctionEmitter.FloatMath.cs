using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Single-precision math functions as float sequences (float fma/mul/add, exponent handling in the i32 bits),
/// each within CUDA's documented ulp bound over the whole float range. Polynomial coefficients are near-minimax
/// fits (Chebyshev interpolation of the function on the reduced interval, coefficients rounded to float); the
/// measured maxima are in compiler/docs/math.md. The float functions not listed in <see cref="FloatMath"/> are
/// computed in double and rounded once (FunctionEmitter.Math.cs).
/// </summary>
internal sealed partial class FunctionEmitter
{
    // ln 2 = Ln2HiF (16 significant bits: j·Ln2HiF is exact for |j| < 2^8) + Ln2LoF.
    private const float Ln2HiF = 0.693145751953125f, Ln2LoF = 1.42860677e-6f;
    // ln 2 = Ln2F + Ln2TailF (the float nearest ln 2 and the rest).
    private const float Ln2F = 0.6931471824645996f, Ln2TailF = -1.9046542e-9f;
    private const float Log2EF = 1.44269502f;

    // Coefficient tables hold float values (f literals), evaluated in float by Horner.
    // (e^r − 1 − r)/r² on |r| <= ln2/2, degree 4.
    private static readonly double[] s_expfPoly = [0.5f, 0.16666576266288757f, 0.04166655242443085f, 0.008363345637917519f, 0.0013926392421126366f];

    // (log1p(f) − f)/f² on |f| <= 1/3, degree 8.
    private static readonly double[] s_logfPoly =
    [
        -0.5f, 0.33333271741867065f, -0.24999943375587463f, 0.2000737488269806f, -0.1667344570159912f,
        0.14052757620811462f, -0.12285910546779633f, 0.13766661286354065f, -0.1243908703327179f,
    ];

    // erf(x)/x − 1 as a polynomial in s = x² on |x| <= ErfSplitF, degree 5.
    private static readonly double[] s_erffSmall =
    [
        0.12837915122509003f, -0.3761252760887146f, 0.11282186955213547f, -0.02678043022751808f, 0.005014027934521437f,
        -0.0006100191385485232f,
    ];

    // log(erfc(ErfSplitF + u)) on 0 <= u <= 4 − ErfSplitF, degree 8.
    private static readonly double[] s_erffLarge =
    [
        -1.5940971374511719f, -2.471634864807129f, -0.8300073742866516f, -0.045817844569683075f, 0.011154035106301308f,
        -0.0022538125049322844f, 0.00034401234006509185f, -3.4332955692661926e-05f, 1.6430142295575934e-06f,
    ];

    private const float ErfSplitF = 0.9f;

    // (1 + 2x)·e^(x²)·erfc(x) as a polynomial in t = (x − 2)/(x + 2) for x in [0.5, 10.5], degree 10.
    private static readonly double[] s_erfcfTail =
    [
        1.2769783735275269f, -0.09276381880044937f, -0.16603033244609833f, 0.16405075788497925f, -0.05422152206301689f,
        -0.00802634283900261f, 0.008734273724257946f, 0.0012241704389452934f, -0.0014919925015419722f,
        -0.0003221131337340921f, 0.00024101951566990465f,
    ];

    // sin r = r + r·s·P(s) and cos r = 1 + s·Q(s), s = r², |r| <= π/4: degrees 3 and 4.
    private static readonly double[] s_sinfPoly = [-0.1666666716337204f, 0.008333331905305386f, -0.00019840085587929934f, 2.7249864160694415e-06f];
    private static readonly double[] s_cosfPoly =
        [-0.5f, 0.0416666679084301f, -0.0013888884568586946f, 2.479986142134294e-05f, -2.723707552831911e-07f];

    // π/2 = Pio2AF + Pio2BF + Pio2CF (each the float nearest the rest); 2/π.
    private const float Pio2AF = 1.5707963705062866f, Pio2BF = -4.371138828673793e-08f, Pio2CF = -1.7151245100058819e-15f;
    private const float TwoOverPiF = 0.636619772f;

    /// <summary>Below this |x| the float Cody–Waite reduction keeps r within about 1 ulp; above it the double reduction runs.</summary>
    private const float FloatTrigReductionLimit = 105615f;

    // log m = 2s + 2s³/3 + s^5·P(s²), s = (m − 1)/(m + 1), |s| <= 1/5: P = 2(atanh(s)/s − 1 − s²/3)/s^4, degree 3.
    private static readonly double[] s_atanhfTail = [0.4000000059604645f, 0.2857171297073364f, 0.22187724709510803f, 0.19507738947868347f];
    // log2 e and 2/3 as float + float.
    private const float Log2EHiF = 1.4426950216293335f, Log2ELoF = 1.925963033500011e-08f;
    private const float TwoThirdsF = 0.6666666865348816f, TwoThirdsLoF = -1.9868215517249155e-08f;

    // ln 10 and log10 2 as float + float.
    private const float Ln10F = 2.3025851249694824f, Ln10LoF = -3.1975435632602967e-08f;
    private const float Log10Of2F = 0.3010300099849701f, Log10Of2LoF = -1.432098883924482e-08f;

    // tanh x = x + x·s·P(s), s = x², |x| <= 0.75, degree 6; sinh x = x + x·s·Q(s), |x| <= 1, degree 4.
    private static readonly double[] s_tanhfPoly =
    [
        -0.3333333432674408f, 0.133333221077919f, -0.05396515503525734f, 0.02183566801249981f, -0.008684288710355759f,
        0.003089186968281865f, -0.000696057453751564f,
    ];
    private static readonly double[] s_sinhfPoly = [0.1666666716337204f, 0.008333333767950535f, 0.0001984128321055323f, 2.755376272034482e-06f, 2.545711375034898e-08f];

    // (e^r − 1 − r)/r² on −ln2/2 <= r <= ln 2, degree 6 (expm1f).
    private static readonly double[] s_expm1fPoly =
    [
        0.5f, 0.1666666567325592f, 0.041666705161333084f, 0.008333482779562473f, 0.0013881869381293654f,
        0.00019785606127697974f, 2.8538865080918185e-05f,
    ];

    private const float TwoOverSqrtPiF = 1.12837917f;
    // 1/√2 = RSqrt2F + RSqrt2LoF.
    private const float RSqrt2F = 0.7071067690849304f, RSqrt2LoF = 1.2101617485882343e-08f;

    /// <summary>The float function <paramref name="baseName"/> as a float sequence, or default when it has none (it then goes through double).</summary>
    private LLVMValueRef FloatMath(string baseName, Func<int, LLVMValueRef> arg)
    {
        switch (baseName)
        {
            case "exp": return FExp(arg(0));
            case "log": return FLog(arg(0));
            case "exp2": return FExpScaled(arg(0), Ln2F, Ln2TailF, 124f, 160f);
            case "exp10": return FExpScaled(arg(0), Ln10F, Ln10LoF, 37f, 48f);
            case "log2": return FLogSpecials(arg(0), FLog2Pair(arg(0)).Hi);
            case "log10":
            {
                // log2 x · log10 2 with both as pairs.
                var (hi, lo) = FLog2Pair(arg(0));
                var ph = FMul(hi, FC(Log10Of2F));
                var pl = FFma(lo, FC(Log10Of2F), FFma(hi, FC(Log10Of2LoF), FFma(hi, FC(Log10Of2F), _b.FNeg(ph))));
                return FLogSpecials(arg(0), FAdd(ph, pl));
            }
            case "erf": return FErf(arg(0));
            case "sin": return FSinCos(arg(0), 0);
            case "cos": return FSinCos(arg(0), 1);
            case "tan": return FSinCos(arg(0), 2);
            case "pow": return FPow(arg(0), arg(1));
            case "tanh": return FTanh(arg(0));
            case "expm1": return FExpm1(arg(0));
            case "log1p": return FLog1p(arg(0));
            case "sinh": return FSinhCosh(arg(0), cosh: false);
            case "cosh": return FSinhCosh(arg(0), cosh: true);
            case "erfc": return FErfc(arg(0), default, half: false);
            case "normcdf":
            {
                // normcdf x = erfc(−x/√2)/2 with −x/√2 = hi + lo: the tail's relative error grows with x²·|lo/hi|.
                var x = arg(0);
                var hi = FMul(x, FC(-RSqrt2F));
                var lo = FFma(x, FC(-RSqrt2LoF), FFma(x, FC(-RSqrt2F), _b.FNeg(hi)));
                lo = Sel(FCmp(LLVMRealPredicate.OLT, FAbs(x), 16f), lo, FC(0f)); // beyond, erfc is clamped at 10.5: no tail
                return FErfc(hi, lo, half: true);
            }
            case "atan": return FAtan2(arg(0), FC(1f));
            case "atan2": return FAtan2(arg(0), arg(1));
            case "asin": return FAsinAcos(arg(0), acos: false);
            case "acos": return FAsinAcos(arg(0), acos: true);
            case "asinh": return FAsinh(arg(0));
            case "acosh": return FAcosh(arg(0));
            case "atanh": return FAtanh(arg(0));
            case "sinpi": return FSinCosPi(arg(0)).Sin;
            case "cospi": return FSinCosPi(arg(0)).Cos;
            case "cbrt": return FCbrt(arg(0), reciprocal: false);
            case "rcbrt": return FCbrt(arg(0), reciprocal: true);
            case "hypot": return FHypot(arg(0), arg(1));
            case "erfinv": return FErfinv(arg(0));
            case "erfcinv": return FErfcinv(arg(0));
            case "normcdfinv": return FNormcdfinv(arg(0));
            case "tgamma": return FTgamma(arg(0));
            case "lgamma": return FLgamma(arg(0));
            default: return default;
        }
    }

    // ---- small builders ----
    private LLVMValueRef FC(float v) => _b.ConstReal(_b.Float, v);
    private LLVMValueRef FAdd(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FAdd, a, b);
    private LLVMValueRef FSub(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FSub, a, b);
    private LLVMValueRef FMul(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FMul, a, b);
    private LLVMValueRef FFma(LLVMValueRef a, LLVMValueRef b, LLVMValueRef c) => Intrinsic("llvm.fma.f32", _b.Float, a, b, c);
    private LLVMValueRef FAbs(LLVMValueRef a) => Intrinsic("llvm.fabs.f32", _b.Float, a);
    private LLVMValueRef FMin(LLVMValueRef a, LLVMValueRef b) => Intrinsic("llvm.minnum.f32", _b.Float, a, b);
    private LLVMValueRef FMax(LLVMValueRef a, LLVMValueRef b) => Intrinsic("llvm.maxnum.f32", _b.Float, a, b);
    private LLVMValueRef FCmp(LLVMRealPredicate p, LLVMValueRef a, float b) => _b.FCmp(p, a, FC(b));
    private LLVMValueRef FBits(LLVMValueRef a) => _b.Cast(LLVMOpcode.BitCast, a, _b.I32);
    private LLVMValueRef FFromBits(LLVMValueRef a) => _b.Cast(LLVMOpcode.BitCast, a, _b.Float);

    /// <summary>2^j for an i32 j in [−126, 127].</summary>
    private LLVMValueRef FPow2(LLVMValueRef j) =>
        FFromBits(_b.Binary(LLVMOpcode.Shl, _b.Binary(LLVMOpcode.Add, j, _b.I32Const(127)), _b.I32Const(23)));

    /// <summary>p·2^j for an integral float j in [−150, 129], in two normal factors: overflow and gradual underflow round once.</summary>
    private LLVMValueRef FScale(LLVMValueRef p, LLVMValueRef j)
    {
        var ji = _b.Cast(LLVMOpcode.FPToSI, j, _b.I32);
        var j1 = _b.Binary(LLVMOpcode.AShr, ji, _b.I32Const(1));
        var j2 = _b.Binary(LLVMOpcode.Sub, ji, j1);
        return FMul(FMul(p, FPow2(j1)), FPow2(j2));
    }

    /// <summary>
    /// e^x without NaN handling: j = rint(x·log2 e), r = x − j·ln2 with ln 2 in two parts (the first product and
    /// difference exact), e^r = 1 + (r + r²·P(r)), then ·2^j. Error about 0.6 ulp plus the reduction's rounding
    /// of r. <paramref name="full"/>: x clamped to [−104, 89] (beyond them the result is 0 or +inf) and 2^j applied
    /// in two normal factors (gradual underflow and overflow round once); otherwise x must lie in [−86, 86], where
    /// the result is normal and 2^j is added to the exponent bits.
    /// </summary>
    private LLVMValueRef FExpCore(LLVMValueRef x, bool full)
    {
        var xc = full ? FMin(FMax(x, FC(-104f)), FC(89f)) : x;
        var (p, j) = FExpParts(xc, default);
        if (full)
        {
            return FScale(p, j);
        }
        var shift = _b.Binary(LLVMOpcode.Shl, _b.Cast(LLVMOpcode.FPToSI, j, _b.I32), _b.I32Const(23));
        return FFromBits(_b.Binary(LLVMOpcode.Add, FBits(p), shift));
    }

    /// <summary>e^(x + lo) = p·2^j (p in [0.7, 1.42], j integral) for finite x, |x| &lt;= 110; lo (or nothing) tiny next to x.</summary>
    private (LLVMValueRef P, LLVMValueRef J) FExpParts(LLVMValueRef x, LLVMValueRef lo)
    {
        var j = Intrinsic("llvm.rint.f32", _b.Float, FMul(x, FC(Log2EF)));
        var r = FFma(j, FC(-Ln2HiF), x); // the constants negated rather than j: one instruction less
        r = FFma(j, FC(-Ln2LoF), r);
        if (lo.Handle != IntPtr.Zero)
        {
            r = FAdd(r, lo);
        }
        return (FAdd(FFma(Horner(r, s_expfPoly), FMul(r, r), r), FC(1f)), j);
    }

    /// <summary>
    /// Two paths for a float function: lanes with <paramref name="common"/> true run <paramref name="fast"/>, the others
    /// <paramref name="slow"/> (special values, the ends of the range); each lane runs one of them. Both return
    /// values of the same types, joined by phis.
    /// </summary>
    private LLVMValueRef[] FBranch(LLVMValueRef common, Func<LLVMValueRef[]> fast, Func<LLVMValueRef[]> slow, string name)
    {
        var fastBlock = _b.AppendBlock(_fn, name + ".common");
        var slowBlock = _b.AppendBlock(_fn, name + ".rare");
        var join = _b.AppendBlock(_fn, name + ".join");
        _b.CondBr(common, fastBlock, slowBlock);
        _b.PositionAtEnd(fastBlock);
        var a = fast();
        var fastEnd = _b.InsertBlock;
        _b.Br(join);
        _b.PositionAtEnd(slowBlock);
        var b = slow();
        var slowEnd = _b.InsertBlock;
        _b.Br(join);
        _b.PositionAtEnd(join);
        return a.Select((v, i) => _b.Phi(LLVMTypeOf(v), [(v, fastEnd), (b[i], slowEnd)])).ToArray();
    }

    private LLVMValueRef FBranch(LLVMValueRef common, Func<LLVMValueRef> fast, Func<LLVMValueRef> slow, string name) =>
        FBranch(common, () => [fast()], () => [slow()], name)[0];

    /// <summary>
    /// x = q·π/2 + r (q in 0..3 as i32, |r| &lt;= π/4 as a float). |x| &lt;= 105615: j = rint(x·2/π), r = x − j·π/2 by three
    /// fused multiply-adds with π/2 in three floats (the first exact). Beyond, and for ±inf and NaN (r NaN), on a branch
    /// only those lanes take: the double reduction of TrigReduction.cs (Payne–Hanek from 2^19), r rounded to float.
    /// </summary>
    private (LLVMValueRef R, LLVMValueRef Q) FReducePio2(LLVMValueRef x)
    {
        var rq = FBranch(FCmp(LLVMRealPredicate.OLE, FAbs(x), FloatTrigReductionLimit), () =>
        {
            var j = Intrinsic("llvm.rint.f32", _b.Float, FMul(x, FC(TwoOverPiF)));
            var r = FFma(j, FC(-Pio2AF), x);
            r = FFma(j, FC(-Pio2BF), r);
            r = FFma(j, FC(-Pio2CF), r);
            return [r, _b.Binary(LLVMOpcode.And, _b.Cast(LLVMOpcode.FPToSI, j, _b.I32), _b.I32Const(3))];
        }, () =>
        {
            var (rh, _, q) = ReducePio2(_b.Cast(LLVMOpcode.FPExt, x, _b.Double));
            return [_b.Cast(LLVMOpcode.FPTrunc, rh, _b.Float), q];
        }, "trigf.reduce");
        return (rq[0], rq[1]);
    }

    /// <summary>sin and cos of a reduced float argument |r| &lt;= π/4.</summary>
    private (LLVMValueRef Sin, LLVMValueRef Cos) FSinCosPoly(LLVMValueRef r)
    {
        var s = FMul(r, r);
        return (FFma(FMul(r, s), Horner(s, s_sinfPoly), r), FFma(Horner(s, s_cosfPoly), s, FC(1f)));
    }

    /// <summary>sinf (0), cosf (1), tanf (2 = sin/cos of the reduced argument).</summary>
    private LLVMValueRef FSinCos(LLVMValueRef x, int which)
    {
        var (r, q) = FReducePio2(x);
        var (sinv, cosv) = FSinCosPoly(r);
        return SinCosSelect(x, sinv, cosv, q, which);
    }

    /// <summary>sincosf: one reduction and one pair of polynomials for both results.</summary>
    private void FSinCosStore(LLVMValueRef x, LLVMValueRef sinPtr, LLVMValueRef cosPtr)
    {
        var (r, q) = FReducePio2(x);
        var (sinv, cosv) = FSinCosPoly(r);
        _b.Store(SinCosSelect(x, sinv, cosv, q, 0), sinPtr, 4);
        _b.Store(SinCosSelect(x, sinv, cosv, q, 1), cosPtr, 4);
    }

    /// <summary>e^x: |x| &lt; 86 on the short path; NaN, ±inf, overflow and underflow on the other.</summary>
    private LLVMValueRef FExp(LLVMValueRef x) =>
        FBranch(FCmp(LLVMRealPredicate.OLT, FAbs(x), 86f), () => FExpCore(x, full: false),
            () => Sel(_b.FCmp(LLVMRealPredicate.UNO, x, x), x, FExpCore(x, full: true)), "expf");

    /// <summary>
    /// log x: x = 2^e·m with m in [2/3, 4/3) from the bits (e = (bits − bits(2/3)) >> 23), f = m − 1 (exact),
    /// log m = f + f²·P(f), then + e·ln 2 with ln 2 in two parts. Positive normal x on the short path; subnormals
    /// (scaled by 2^23 first), ±0, ±inf, negative x and NaN on the other.
    /// </summary>
    private LLVMValueRef FLog(LLVMValueRef x)
    {
        var ix = FBits(x);
        var normal = _b.ICmp(LLVMIntPredicate.ULT, _b.Binary(LLVMOpcode.Sub, ix, _b.I32Const(0x00800000)), _b.I32Const(0x7f000000));
        return FBranch(normal, () => FLogCore(ix, _b.I32Const(0)), () =>
        {
            var sub = FCmp(LLVMRealPredicate.OLT, x, 1.17549435e-38f);
            var xs = Sel(sub, FMul(x, FC(8388608f)), x);
            return FLogSpecials(x, FLogCore(FBits(xs), Sel(sub, _b.I32Const(23), _b.I32Const(0))));
        }, "logf");
    }

    /// <summary>The special cases of the logarithms around r: +inf at +inf, −inf at ±0, NaN for x &lt; 0 and NaN.</summary>
    private LLVMValueRef FLogSpecials(LLVMValueRef x, LLVMValueRef r)
    {
        r = Sel(FCmp(LLVMRealPredicate.OEQ, x, float.PositiveInfinity), x, r);
        r = Sel(FCmp(LLVMRealPredicate.OEQ, x, 0), FC(float.NegativeInfinity), r);
        return Sel(FCmp(LLVMRealPredicate.ULT, x, 0), FC(float.NaN), r);
    }

    /// <summary>
    /// e^(c·x) for exp2 (c = ln 2) and exp10 (c = ln 10), c·x as a pair carried into the exp reduction. |x| &lt;
    /// <paramref name="fastLimit"/> (|c·x| &lt; 86) on the short path; the others clamped to ±<paramref name="clamp"/>
    /// (beyond, the result is 0 or +inf) with 2^j in two factors, NaN passed through.
    /// </summary>
    private LLVMValueRef FExpScaled(LLVMValueRef x, float c, float cLo, float fastLimit, float clamp)
    {
        (LLVMValueRef P, LLVMValueRef J) Parts(LLVMValueRef v)
        {
            var hi = FMul(v, FC(c));
            return FExpParts(hi, FFma(v, FC(cLo), FFma(v, FC(c), _b.FNeg(hi))));
        }
        return FBranch(FCmp(LLVMRealPredicate.OLT, FAbs(x), fastLimit), () =>
        {
            var (p, j) = Parts(x);
            var shift = _b.Binary(LLVMOpcode.Shl, _b.Cast(LLVMOpcode.FPToSI, j, _b.I32), _b.I32Const(23));
            return FFromBits(_b.Binary(LLVMOpcode.Add, FBits(p), shift));
        }, () =>
        {
            var (p, j) = Parts(FMin(FMax(x, FC(-clamp)), FC(clamp)));
            return Sel(_b.FCmp(LLVMRealPredicate.UNO, x, x), x, FScale(p, j));
        }, "expf.scaled");
    }

    /// <summary>log of the positive normal float with bits <paramref name="ix"/>, times 2^-<paramref name="scale"/>.</summary>
    private LLVMValueRef FLogCore(LLVMValueRef ix, LLVMValueRef scale)
    {
        var e = _b.Binary(LLVMOpcode.AShr, _b.Binary(LLVMOpcode.Sub, ix, _b.I32Const(0x3f2aaaab)), _b.I32Const(23));
        var m = FFromBits(_b.Binary(LLVMOpcode.Sub, ix, _b.Binary(LLVMOpcode.Shl, e, _b.I32Const(23))));
        e = _b.Binary(LLVMOpcode.Sub, e, scale);
        var f = FSub(m, FC(1f));
        var r = FFma(Horner(f, s_logfPoly), FMul(f, f), f);
        var ef = _b.Cast(LLVMOpcode.SIToFP, e, _b.Float);
        r = FFma(ef, FC(Ln2TailF), r);
        return FFma(ef, FC(Ln2F), r);
    }

    /// <summary>
    /// erf x: |x| &lt;= 0.9, x + x·P(x²); beyond, 1 − e^(G(|x|)) with G ≈ log erfc on [0.9, 4] (erf rounds to 1 from
    /// 3.92 on), the sign of x copied. The two are on separate branches, so each lane runs one polynomial.
    /// NaN takes the first branch and comes out NaN.
    /// </summary>
    private LLVMValueRef FErf(LLVMValueRef x)
    {
        var a = FAbs(x);
        return FBranch(FCmp(LLVMRealPredicate.ULE, a, ErfSplitF), () => FFma(Horner(FMul(x, x), s_erffSmall), x, x), () =>
        {
            var u = FSub(FMin(a, FC(4f)), FC(ErfSplitF));
            var erfc = FExpCore(Horner(u, s_erffLarge), full: false);
            var v = FSub(FC(1f), erfc);
            return Sel(FCmp(LLVMRealPredicate.OLT, x, 0), _b.FNeg(v), v);
        }, "erff");
    }

    /// <summary>
    /// erfc(x + lo) (lo: nothing, or a tail tiny next to x), halved when <paramref name="half"/>. |x| &lt;= 0.5:
    /// 1 − erf from the erf polynomial. Beyond, for a = |x| up to 10.5 (erfc is 0 in float from 10.06 on):
    /// erfc a = e^(−a²)·S(t)/(1 + 2a), t = (a − 2)/(a + 2), with a² as an exact sum (lo's part added) carried into
    /// the exponential's reduced argument and 2^j applied last (one rounding for subnormal results); erfc(−a) = 2 − erfc a.
    /// </summary>
    private LLVMValueRef FErfc(LLVMValueRef x, LLVMValueRef lo, bool half)
    {
        var a = FAbs(x);
        float h = half ? 0.5f : 1f;
        return FBranch(FCmp(LLVMRealPredicate.ULE, a, 0.5f), () =>
        {
            var erf = FFma(Horner(FMul(x, x), s_erffSmall), x, x);
            if (lo.Handle != IntPtr.Zero)
            {
                erf = FFma(lo, FC(TwoOverSqrtPiF), erf);
            }
            return FMul(FSub(FC(1f), erf), FC(h));
        }, () =>
        {
            var ac = FMin(a, FC(10.5f));
            var t = _b.Binary(LLVMOpcode.FDiv, FSub(ac, FC(2f)), FAdd(ac, FC(2f)));
            var q = _b.Binary(LLVMOpcode.FDiv, Horner(t, s_erfcfTail), FFma(ac, FC(2f), FC(1f)));
            var sq = FMul(ac, ac);
            var sqLo = FFma(ac, ac, _b.FNeg(sq));
            if (lo.Handle != IntPtr.Zero)
            {
                // (x + lo)² − x² ≈ 2·x·lo (x clamped as a is: lo = 0 beyond).
                sqLo = FFma(FMul(FMin(FMax(x, FC(-10.5f)), FC(10.5f)), FC(2f)), lo, sqLo);
            }
            var (p, j) = FExpParts(_b.FNeg(sq), _b.FNeg(sqLo));
            var c = FScale(FMul(p, q), half ? FSub(j, FC(1f)) : j);
            return Sel(FCmp(LLVMRealPredicate.OLT, x, 0), FSub(FC(2f * h), c), c);
        }, half ? "normcdff" : "erfcf");
    }

    /// <summary>(s, e) with s = fl(a + b), e the rounding error, for |a| &gt;= |b| or a = 0.</summary>
    private (LLVMValueRef S, LLVMValueRef E) FFastTwoSum(LLVMValueRef a, LLVMValueRef b)
    {
        var sum = FAdd(a, b);
        return (sum, FSub(b, FSub(sum, a)));
    }

    /// <summary>
    /// log2 x as a float pair hi + lo, relative error about 2^-32, for finite x &gt; 0 (subnormals scaled by 2^23):
    /// x = 2^e·m with m in [2/3, 4/3), s = (m − 1)/(m + 1) as a pair (the division's remainder by fma), log m =
    /// 2s + 2s³/3 + s^5·P(s²) with the s³ term as a pair, times log2 e as a pair, plus e.
    /// </summary>
    private (LLVMValueRef Hi, LLVMValueRef Lo) FLog2Pair(LLVMValueRef x)
    {
        var sub = FCmp(LLVMRealPredicate.OLT, x, 1.17549435e-38f);
        var ix = FBits(Sel(sub, FMul(x, FC(8388608f)), x));
        var e = _b.Binary(LLVMOpcode.AShr, _b.Binary(LLVMOpcode.Sub, ix, _b.I32Const(0x3f2aaaab)), _b.I32Const(23));
        var m = FFromBits(_b.Binary(LLVMOpcode.Sub, ix, _b.Binary(LLVMOpcode.Shl, e, _b.I32Const(23))));
        e = _b.Binary(LLVMOpcode.Sub, e, Sel(sub, _b.I32Const(23), _b.I32Const(0)));
        var f = FSub(m, FC(1f)); // exact
        var u = FAdd(f, FC(2f));
        var ul = FSub(f, FSub(u, FC(2f))); // u + ul = 2 + f exactly
        var sh = _b.Binary(LLVMOpcode.FDiv, f, u);
        var rem = FFma(_b.FNeg(sh), ul, FFma(_b.FNeg(sh), u, f));
        var sl = _b.Binary(LLVMOpcode.FDiv, rem, u);
        var z = FMul(sh, sh);
        var zl = FFma(sh, sh, _b.FNeg(z));
        var s3 = FMul(sh, z);
        var s3l = FFma(sh, zl, FFma(sh, z, _b.FNeg(s3)));
        var leadH = FMul(s3, FC(TwoThirdsF));
        var leadL = FFma(s3, FC(TwoThirdsLoF), FFma(s3l, FC(TwoThirdsF), FFma(s3, FC(TwoThirdsF), _b.FNeg(leadH))));
        var rest = FMul(FMul(s3, z), Horner(z, s_atanhfTail));
        var (lh, e1) = FFastTwoSum(FMul(sh, FC(2f)), leadH);
        // 2(sh + sl)(1 + z) − 2sh − 2sh·z: the first-order part of sl in 2s + 2s³/3.
        var ll = FAdd(FAdd(e1, leadL), FFma(sl, FFma(z, FC(2f), FC(2f)), rest));
        var ph = FMul(lh, FC(Log2EHiF));
        var pl = FFma(ll, FC(Log2EHiF), FFma(lh, FC(Log2ELoF), FFma(lh, FC(Log2EHiF), _b.FNeg(ph))));
        var (hs, err) = FFastTwoSum(_b.Cast(LLVMOpcode.SIToFP, e, _b.Float), ph);
        return FFastTwoSum(hs, FAdd(err, pl));
    }

    /// <summary>
    /// pow(x, y) = ±2^(y·log2|x|) with log2|x| and the product as float pairs (an absolute error δ in the exponent
    /// is a relative error δ·ln 2 in the result, and the exponent reaches 150), then the exp sequence with 2^j in two
    /// factors; the C99 special cases as in the double pow.
    /// </summary>
    private LLVMValueRef FPow(LLVMValueRef x, LLVMValueRef y)
    {
        var ax = FAbs(x);
        var (lh, ll) = FLog2Pair(ax);
        lh = Sel(FCmp(LLVMRealPredicate.OEQ, ax, 0), FC(float.NegativeInfinity), lh);
        lh = Sel(FCmp(LLVMRealPredicate.OEQ, ax, float.PositiveInfinity), FC(float.PositiveInfinity), lh);
        var th = FMul(y, lh);
        var tl = FFma(y, ll, FFma(y, lh, _b.FNeg(th)));
        return PowSpecials(x, y, FExp2Pair(th, tl));
    }

    /// <summary>2^(th + tl) for a float pair (tl tiny next to th; th beyond ±200 clamped: 0 or +inf), j = rint(th), 2^j in two factors.</summary>
    private LLVMValueRef FExp2Pair(LLVMValueRef th, LLVMValueRef tl)
    {
        var (p, j) = FExp2PairParts(th, tl);
        return FScale(p, j);
    }

    /// <summary>2^(th + tl) = p·2^j (p in [0.7, 1.42], j integral in [−200, 200]), th clamped to ±200.</summary>
    private (LLVMValueRef P, LLVMValueRef J) FExp2PairParts(LLVMValueRef th, LLVMValueRef tl)
    {
        var inRange = FCmp(LLVMRealPredicate.OLT, FAbs(th), 200f);
        tl = Sel(inRange, tl, FC(0f));
        var thc = FMin(FMax(th, FC(-200f)), FC(200f));
        var j = Intrinsic("llvm.rint.f32", _b.Float, thc);
        var r = FMul(FAdd(FSub(thc, j), tl), FC(Ln2F));
        return (FAdd(FFma(Horner(r, s_expfPoly), FMul(r, r), r), FC(1f)), j);
    }

    /// <summary>
    /// tanh x: |x| &lt;= 0.75, x + x·s·P(s); beyond, 1 − 2/(e^(2|x|) + 1) with |x| clamped at 9.5 (tanh rounds to 1 from
    /// 9.01 on); the sign of x copied last (−0 included). NaN takes the polynomial.
    /// </summary>
    private LLVMValueRef FTanh(LLVMValueRef x)
    {
        var a = FAbs(x);
        var v = FBranch(FCmp(LLVMRealPredicate.ULE, a, 0.75f), () =>
        {
            var s = FMul(x, x);
            return FFma(FMul(x, s), Horner(s, s_tanhfPoly), x);
        }, () =>
        {
            var (p, j) = FExpParts(FMul(FMin(a, FC(9.5f)), FC(2f)), default);
            var e = FScale(p, j);
            return FSub(FC(1f), _b.Binary(LLVMOpcode.FDiv, FC(2f), FAdd(e, FC(1f))));
        }, "tanhf");
        return Intrinsic("llvm.copysign.f32", _b.Float, v, x);
    }

    /// <summary>
    /// sinh and cosh from E = e^|x|/2 (the halving in 2^j, |x| clamped at 90 where both overflow): cosh = E + (1/4)/E,
    /// sinh = ±(E − (1/4)/E) for |x| &gt; 1 and x + x·s·Q(s) below.
    /// </summary>
    private LLVMValueRef FSinhCosh(LLVMValueRef x, bool cosh)
    {
        var a = FAbs(x);
        LLVMValueRef Halves()
        {
            var (p, j) = FExpParts(FMin(a, FC(90f)), default);
            var e = FScale(p, FSub(j, FC(1f)));
            return cosh ? FAdd(e, _b.Binary(LLVMOpcode.FDiv, FC(0.25f), e)) : FSub(e, _b.Binary(LLVMOpcode.FDiv, FC(0.25f), e));
        }
        if (cosh)
        {
            return Sel(_b.FCmp(LLVMRealPredicate.UNO, x, x), x, Halves());
        }
        return FBranch(FCmp(LLVMRealPredicate.ULE, a, 1f), () =>
        {
            var s = FMul(x, x);
            return FFma(x, FMul(s, Horner(s, s_sinhfPoly)), x); // Q > 0: x = −0 gives −0
        }, () =>
        {
            var v = Halves();
            return Sel(FCmp(LLVMRealPredicate.OLT, x, 0), _b.FNeg(v), v);
        }, "sinhf");
    }

    /// <summary>
    /// expm1 x = 2^j·(e^r − 1) + (2^j − 1), x = j·ln2 + r with r = x − j·ln2_hi exact and the tail −j·ln2_lo folded in to
    /// first order; e^r − 1 = r + r²·P(r). j = rint(x·log2 e) at most 127, but 0 for 0 &lt; x &lt; ln 2 (so that 2^j·(e^r − 1)
    /// and 2^j − 1 never cancel), x clamped to [−30, 88.8]; +inf above 88.72283, ±0 and NaN returned.
    /// </summary>
    private LLVMValueRef FExpm1(LLVMValueRef x)
    {
        var xc = FMin(FMax(x, FC(-30f)), FC(88.8f));
        var j = Intrinsic("llvm.rint.f32", _b.Float, FMul(xc, FC(Log2EF)));
        var low = _b.Binary(LLVMOpcode.And, FCmp(LLVMRealPredicate.OGT, xc, 0), FCmp(LLVMRealPredicate.OLT, xc, 0.6931471f));
        j = FMin(Sel(low, FC(0f), j), FC(127f));
        var r = FFma(j, FC(-Ln2HiF), xc);
        var rl = FMul(j, FC(-Ln2LoF));
        var em = FFma(Horner(r, s_expm1fPoly), FMul(r, r), r);
        em = FAdd(em, FFma(rl, em, rl)); // e^(r + rl) − 1 ≈ em + rl·(1 + em)
        var p2 = FPow2(_b.Cast(LLVMOpcode.FPToSI, j, _b.I32));
        var res = FFma(p2, em, FSub(p2, FC(1f)));
        res = Sel(FCmp(LLVMRealPredicate.OGT, x, 88.72283f), FC(float.PositiveInfinity), res);
        return Sel(_b.Binary(LLVMOpcode.Or, FCmp(LLVMRealPredicate.OEQ, x, 0), _b.FCmp(LLVMRealPredicate.UNO, x, x)), x, res);
    }

    /// <summary>
    /// log1p x = log(u) + e/u with u + e = 1 + x exactly (two-sum), log u from the float-pair log2 times ln 2 as a pair;
    /// |x| &lt; 2^-26 returns x (−0 included); the special values of log at u.
    /// </summary>
    private LLVMValueRef FLog1p(LLVMValueRef x)
    {
        var u = FAdd(FC(1f), x);
        var bb = FSub(u, FC(1f));
        var err = FAdd(FSub(FC(1f), FSub(u, bb)), FSub(x, bb));
        var (hi, lo) = FLog2Pair(u);
        var lnh = FMul(hi, FC(Ln2F));
        var lnl = FFma(lo, FC(Ln2F), FFma(hi, FC(Ln2TailF), FFma(hi, FC(Ln2F), _b.FNeg(lnh))));
        var res = FAdd(lnh, FAdd(lnl, _b.Binary(LLVMOpcode.FDiv, err, u)));
        res = FLogSpecials(u, res);
        res = Sel(FCmp(LLVMRealPredicate.OLT, FAbs(x), 1.49011612e-8f), x, res);
        return Sel(_b.FCmp(LLVMRealPredicate.UNO, x, x), x, res);
    }
}
