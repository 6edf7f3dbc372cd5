using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// tgammaf and lgammaf as float sequences (coefficients from compiler/scripts/math-fits/tgammaf.py 9 2
/// and lgammaf.py 8 1.75):
/// <code>
///   x &lt; 2^-100   Γ = 1/x (Γ(x) = 1/x − γ + O(x)), lgamma = −log x; ±0 give ±inf and +inf
///   x &lt; 8        n = rint(x), f = x − n in [−½, ½]: Γ(x) = N/R(f), R(f) = 1/Γ(1 + f) (1/Γ is entire: a short
///               polynomial), N = (x − 1)···(x − n + 1) (each factor exact) or 1/x for n = 0; N and R as float pairs.
///               tgamma: the quotient corrected by its remainder. lgamma: log1p of v = (N − R)/R as a pair (exact
///               cancellation near the zeros at 1 and 2), and around the minimum of Γ (1.25 &lt;= x &lt; 1.75) a
///               polynomial in x − X0
///   x &gt;= 8       Stirling: (x − ½)·ln x − x + ln√(2π) + K(x), K(x) = (1/x)·S(1/x²), in float pairs from the float-pair
///               log2; tgamma = 2^z of it (times log2 e) as in powf (x clamped at 42: +inf beyond 35.04)
/// </code>
/// Negative x by reflection with −x exact, on a branch (FTgammaNegative, FLgammaNegative).
/// </summary>
internal sealed partial class FunctionEmitter
{
    // 1/Γ(1 + f) on [−½, ½], degree 9, and the low part of the f coefficient (≈ γ).
    private static readonly double[] s_rgammafPoly =
    [
        1.0f, 0.5772156715393066f, -0.6558781266212463f, -0.04200262576341629f, 0.16654016077518463f, -0.042197972536087036f,
        -0.009639381431043148f, 0.0072216130793094635f, -0.0010854711290448904f, -0.00022753777739126235f,
    ];

    private const float RgammafC1Lo = -6.674824692964876e-09f;

    // Stirling's correction lgamma(x) − ((x − ½)·ln x − x + ln√(2π)) = (1/x)·S(1/x²) for x >= 8, degree 2.
    private static readonly double[] s_stirlingfPoly = [0.0833333358168602f, -0.0027776984497904778f, 0.0007800346938893199f];

    // lgamma(X0 + u) on 1.25 <= X0 + u <= 1.75, degree 8 (lgammaf.py 8 1.75), X0 the float nearest the minimum of Γ,
    // and the low part of the first coefficient.
    private static readonly double[] s_lgammafMin =
    [
        -0.12148629128932953f, -1.1695123980359767e-08f, 0.4838361442089081f, -0.1475878357887268f, 0.06462187319993973f,
        -0.03277873992919922f, 0.018068581819534302f, -0.010649899952113628f, 0.0052198730409145355f,
    ];
    private const float LgammafMinX = 1.4616321325302124f, LgammafMinLo = 7.534800006148146e-10f;

    // ln√(2π)·log2 e and ln√(2π) as float + float.
    private const float HalfLog2TwoPiF = 1.325748085975647f, HalfLog2TwoPiLoF = -2.1239488390278893e-08f;
    private const float HalfLnTwoPiF = 0.9189385175704956f, HalfLnTwoPiLoF = 1.563417661998301e-08f;

    // ln π as float + float.
    private const float LnPiF = 1.1447298526763916f, LnPiLoF = 3.317300922844879e-08f;

    /// <summary>tgammaf: x &gt;= 0 directly; x &lt; 0 by reflection with −x exact; NaN at −inf, NaN and the negative integers.</summary>
    private LLVMValueRef FTgamma(LLVMValueRef x) =>
        FBranch(FCmp(LLVMRealPredicate.OGE, x, 0), () => FBranch(FCmp(LLVMRealPredicate.OLT, x, 8f), () => FTgammaSmall(x), () =>
        {
            var (zh, zl) = FStirlingLog2(x);
            return FExp2Pair(zh, zl);
        }, "tgammaf.stirling"), () => FTgammaNegative(x), "tgammaf");

    /// <summary>
    /// Γ(x) for x &lt; 0 by reflection, Γ(x) = −π/(x·sinpi(x)·Γ(a)) with a = −x exact: for a &lt; 8, Γ(a) from the
    /// sequence above and D = sinpi(x)·Γ(a)·x as a float pair; from 8 on, −π/(x·sinpi(x)) (a pair quotient) times
    /// 2^(−z) with z = log2 Γ(a) from Stirling (a clamped at 42, where the result is below the subnormals), the factor
    /// folded in before 2^j so a subnormal result rounds once. 1/x below 2^-100 in magnitude; NaN at the negative
    /// integers (sinpi = 0), −inf and NaN.
    /// </summary>
    private LLVMValueRef FTgammaNegative(LLVMValueRef x)
    {
        var a = _b.FNeg(x);
        var s = FSinCosPi(x).Sin;
        // −(π_hi + π_lo)/(dh + dl) with the remainder of the first quotient by fma.
        LLVMValueRef MinusPiOver(LLVMValueRef h, LLVMValueRef l)
        {
            var q = _b.Binary(LLVMOpcode.FDiv, FC(-PiF), h);
            var rem = FAdd(FAdd(FFma(q, h, FC(PiF)), FC(PiLoF)), FMul(q, l));
            return FSub(q, _b.Binary(LLVMOpcode.FDiv, rem, h));
        }
        var res = FBranch(FCmp(LLVMRealPredicate.OLT, a, 8f), () =>
        {
            // sinpi(x)·Γ(a) first: for tiny |x| it is about −π, where x·sinpi(x) would underflow.
            var g = FTgammaSmall(a);
            var gh = FMul(s, g);
            var gl = FFma(s, g, _b.FNeg(gh));
            var eh = FMul(gh, x);
            var el = FFma(gl, x, FFma(gh, x, _b.FNeg(eh)));
            return MinusPiOver(eh, el);
        }, () =>
        {
            var (zh, zl) = FStirlingLog2(FMin(a, FC(42f)));
            var (p, j) = FExp2PairParts(_b.FNeg(zh), _b.FNeg(zl));
            var dh = FMul(x, s);
            return FScale(FMul(p, MinusPiOver(dh, FFma(x, s, _b.FNeg(dh)))), j);
        }, "tgammaf.reflection");
        res = Sel(FCmp(LLVMRealPredicate.OLT, a, 7.88860905e-31f), _b.Binary(LLVMOpcode.FDiv, FC(1f), x), res); // 2^-100
        return Sel(FCmp(LLVMRealPredicate.UEQ, s, 0), FC(float.NaN), res); // negative integers (|x| >= 2^23 too), −inf, NaN
    }

    /// <summary>Γ(x) for 0 &lt;= x &lt; 8 as N/R(f) (see the class comment), the quotient corrected by its remainder.</summary>
    private LLVMValueRef FTgammaSmall(LLVMValueRef x)
    {
        var (nh, nl, rh, rl, inv) = FGammaParts(x);
        var q = _b.Binary(LLVMOpcode.FDiv, nh, rh);
        var rem = FSub(FAdd(FFma(_b.FNeg(q), rh, nh), nl), FMul(q, rl));
        var res = FAdd(q, _b.Binary(LLVMOpcode.FDiv, rem, rh));
        return Sel(FCmp(LLVMRealPredicate.OLT, x, 7.88860905e-31f), inv, res); // 2^-100
    }

    /// <summary>
    /// Γ(x) = N/R for 2^-100 &lt;= x &lt; 8 with n = rint(x), f = x − n: N = nh + nl = (x − 1)···(x − n + 1) (each factor
    /// exact; a factor 1 beyond n − 1), or 1/x for n = 0; R = rh + rl = 1/Γ(1 + f) = 1 + p, p = f·c1 + f²·T1(f) with
    /// f·c1 an exact pair and c1's low part (near the zeros of lgamma N − R cancels: p keeps its relative accuracy).
    /// Also returns 1/x.
    /// </summary>
    private (LLVMValueRef Nh, LLVMValueRef Nl, LLVMValueRef Rh, LLVMValueRef Rl, LLVMValueRef Inv) FGammaParts(LLVMValueRef x)
    {
        var n = Intrinsic("llvm.rint.f32", _b.Float, x);
        var f = FSub(x, n);
        var c1 = FC((float)s_rgammafPoly[1]);
        var ph = FMul(f, c1);
        var pe = FAdd(FFma(f, c1, _b.FNeg(ph)), FFma(f, FC(RgammafC1Lo), FMul(f, FMul(f, Horner(f, s_rgammafPoly[2..])))));
        var (s, se) = FFastTwoSum(ph, pe); // |pe| < |ph|
        var (rh, re) = FFastTwoSum(FC(1f), s); // |s| < ¼
        var rl = FAdd(re, se);
        LLVMValueRef nh = FC(1f), nl = FC(0f);
        for (int k = 1; k <= 7; k++)
        {
            var g = Sel(FCmp(LLVMRealPredicate.OGT, n, k), FSub(x, FC(k)), FC(1f));
            var h = FMul(nh, g);
            nl = FFma(nl, g, FFma(nh, g, _b.FNeg(h)));
            nh = h;
        }
        var inv = _b.Binary(LLVMOpcode.FDiv, FC(1f), x);
        var invLo = _b.Binary(LLVMOpcode.FDiv, FFma(_b.FNeg(inv), x, FC(1f)), x);
        var zero = FCmp(LLVMRealPredicate.OEQ, n, 0);
        return (Sel(zero, inv, nh), Sel(zero, invLo, nl), rh, rl, inv);
    }

    /// <summary>
    /// lgammaf: lgamma(|x|) as a pair (one code path for both signs), then for x &lt; 0 the reflection on a branch; NaN
    /// and +inf come through the Stirling branch.
    /// </summary>
    private LLVMValueRef FLgamma(LLVMValueRef x)
    {
        var a = FAbs(x);
        var g = FBranch(FCmp(LLVMRealPredicate.OLT, a, 8f), () => [FLgammaSmall(a), FC(0f)], () =>
        {
            var (hi, lo) = FLgammaStirling(a);
            return [hi, lo];
        }, "lgammaf.stirling");
        return FBranch(FCmp(LLVMRealPredicate.OLT, x, 0), () => FLgammaNegative(x, g[0], g[1]), () => FAdd(g[0], g[1]), "lgammaf.reflection");
    }

    /// <summary>
    /// lgamma for x &lt; 0 (−inf included) by reflection with a = −x exact: log π − log|x·sinpi(x)| − lgamma(a), the first
    /// two as float pairs (x·sinpi(x) an exact pair, its log from the float-pair log2) and lgamma(a) = gh + gl (a pair
    /// from Stirling for a &gt;= 8, where the difference cancels near the poles of Γ; a float below); −log a for
    /// a &lt; 2^-30; +inf at the negative integers and −inf. Near the negative zeros of lgamma (−10.001 &lt; x &lt; −2.264)
    /// only the absolute error is small, as CUDA states.
    /// </summary>
    private LLVMValueRef FLgammaNegative(LLVMValueRef x, LLVMValueRef gh, LLVMValueRef gl)
    {
        var a = _b.FNeg(x);
        var s = FSinCosPi(x).Sin;
        var dh = FMul(x, s);
        var dl = FFma(x, s, _b.FNeg(dh));
        var (lh, ll) = FLog2Pair(FAbs(dh));
        var lnh = FMul(lh, FC(Ln2F));
        var lnl = FAdd(FFma(ll, FC(Ln2F), FFma(lh, FC(Ln2TailF), FFma(lh, FC(Ln2F), _b.FNeg(lnh)))), _b.Binary(LLVMOpcode.FDiv, dl, dh));
        var (ph, pe) = FTwoSum(FC(LnPiF), _b.FNeg(lnh));
        var pl = FAdd(pe, FSub(FC(LnPiLoF), lnl));
        var (rh, re) = FTwoSum(ph, _b.FNeg(gh));
        var res = FAdd(rh, FAdd(re, FSub(pl, gl)));
        res = Sel(FCmp(LLVMRealPredicate.OLT, a, 9.31322575e-10f), _b.FNeg(FLog(a)), res); // 2^-30: −log|x| − γx + ...
        return Sel(FCmp(LLVMRealPredicate.UEQ, s, 0), FC(float.PositiveInfinity), res); // negative integers, −inf
    }

    /// <summary>(s, e) with s = fl(a + b) and e its rounding error, for any order of magnitudes.</summary>
    private (LLVMValueRef S, LLVMValueRef E) FTwoSum(LLVMValueRef a, LLVMValueRef b)
    {
        var sum = FAdd(a, b);
        var bb = FSub(sum, a);
        return (sum, FAdd(FSub(a, FSub(sum, bb)), FSub(b, bb)));
    }

    /// <summary>
    /// lgamma for 0 &lt;= x &lt; 8: −log x below 2^-100 (+inf at ±0); around the minimum of Γ, 1.25 &lt;= x &lt; 1.75,
    /// c0 + u·Q(u) with u = x − X0 exact and c0 a pair; elsewhere log1p(v) + vl/(1 + vh) with v = (N − R)/R = vh + vl
    /// from (nh − rh) + (nl − rl) (nh − rh exact near the zeros at 1 and 2).
    /// </summary>
    private LLVMValueRef FLgammaSmall(LLVMValueRef x)
    {
        var (nh, nl, rh, rl, _) = FGammaParts(x);
        var dh = FSub(nh, rh);
        var dl = FSub(nl, rl);
        var vh = _b.Binary(LLVMOpcode.FDiv, dh, rh);
        var vl = _b.Binary(LLVMOpcode.FDiv, FSub(FAdd(FFma(_b.FNeg(vh), rh, dh), dl), FMul(vh, rl)), rh);
        var res = FAdd(FLog1p(vh), _b.Binary(LLVMOpcode.FDiv, vl, FAdd(FC(1f), vh)));
        var u = FSub(x, FC(LgammafMinX));
        var nearMin = FAdd(FC((float)s_lgammafMin[0]), FFma(u, Horner(u, s_lgammafMin[1..]), FC(LgammafMinLo)));
        var mid = _b.Binary(LLVMOpcode.And, FCmp(LLVMRealPredicate.OGE, x, 1.25f), FCmp(LLVMRealPredicate.OLT, x, 1.75f));
        res = Sel(mid, nearMin, res);
        return Sel(FCmp(LLVMRealPredicate.OLT, x, 7.88860905e-31f), _b.FNeg(FLog(x)), res); // 2^-100
    }

    /// <summary>
    /// lgamma for x &gt;= 8 as a float pair: (x − ½)·ln x − x + ln√(2π) + K(x) with ln x from the float-pair log2 times
    /// ln 2 as a pair, the sums by fast two-sum; x·(ln x − 1) from 2^100 on (+inf from 4.08e36 on and at +inf).
    /// </summary>
    private (LLVMValueRef Hi, LLVMValueRef Lo) FLgammaStirling(LLVMValueRef x)
    {
        var (lh, ll) = FLog2Pair(x);
        var lnh = FMul(lh, FC(Ln2F));
        var lnl = FFma(ll, FC(Ln2F), FFma(lh, FC(Ln2TailF), FFma(lh, FC(Ln2F), _b.FNeg(lnh))));
        var xm = FSub(x, FC(0.5f));
        var ah = FMul(xm, lnh);
        var al = FFma(xm, lnl, FFma(xm, lnh, _b.FNeg(ah)));
        var inv = _b.Binary(LLVMOpcode.FDiv, FC(1f), x);
        var k = FMul(Horner(FMul(inv, inv), s_stirlingfPoly), inv);
        var (sh, se) = FFastTwoSum(ah, _b.FNeg(x)); // (x − ½)·ln x > x from 8 on
        var (zh, ze) = FFastTwoSum(sh, FC(HalfLnTwoPiF));
        var lo = FAdd(FAdd(se, ze), FAdd(al, FAdd(FC(HalfLnTwoPiLoF), k)));
        // From 2^100 on, x·(ln x − 1) (the rest is below 2^-90 relative): (x − ½)·ln x would overflow before
        // lgamma does (from 4.08e36 on).
        var huge = FCmp(LLVMRealPredicate.OGE, x, 1.26765060e30f);
        return (Sel(huge, FMul(x, FAdd(FSub(lnh, FC(1f)), lnl)), zh), Sel(huge, FC(0f), lo));
    }

    /// <summary>log2 Γ(x) for x &gt;= 8 as a float pair by Stirling's formula (x clamped at 42: Γ overflows from 35.04 on).</summary>
    private (LLVMValueRef Hi, LLVMValueRef Lo) FStirlingLog2(LLVMValueRef x)
    {
        var xc = FMin(x, FC(42f));
        var (lh, ll) = FLog2Pair(xc);
        var xm = FSub(xc, FC(0.5f));
        var ah = FMul(xm, lh);
        var al = FFma(xm, ll, FFma(xm, lh, _b.FNeg(ah)));
        var bh = FMul(xc, FC(Log2EHiF));
        var bl = FFma(xc, FC(Log2ELoF), FFma(xc, FC(Log2EHiF), _b.FNeg(bh)));
        var inv = _b.Binary(LLVMOpcode.FDiv, FC(1f), xc);
        var k = FMul(FMul(Horner(FMul(inv, inv), s_stirlingfPoly), inv), FC(Log2EHiF));
        var (sh, se) = FFastTwoSum(ah, _b.FNeg(bh)); // (x − ½)·log2 x > x·log2 e from 8 on
        var (zh, ze) = FFastTwoSum(sh, FC(HalfLog2TwoPiF));
        return (zh, FAdd(FAdd(FAdd(se, ze), FSub(al, bl)), FAdd(FC(HalfLog2TwoPiLoF), k)));
    }
}
