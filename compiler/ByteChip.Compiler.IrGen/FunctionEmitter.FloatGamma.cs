using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// tgammaf as a float sequence for x &gt;= 0 (coefficients from compiler/scripts/math-fits/tgammaf.py 9 2):
/// <code>
///   x &lt; 2^-100   1/x (Γ(x) = 1/x − γ + O(x)); ±0 give ±inf
///   x &lt; 8        n = rint(x), f = x − n in [−½, ½]: Γ(x) = N/R(f), R(f) = 1/Γ(1 + f) = 1 + f·T(f) (1/Γ is entire: a
///               short polynomial), N = (x − 1)···(x − n + 1) (each factor exact) or 1/x for n = 0; N and R as float
///               pairs, the quotient corrected by its remainder
///   x &gt;= 8       Γ(x) = 2^z, z = ((x − ½)·ln x − x + ln√(2π) + K(x))·log2 e as a float pair from the float-pair log2,
///               K(x) = (1/x)·S(1/x²) the Stirling correction; 2^z as in powf (x clamped at 40: +inf beyond 35.04)
/// </code>
/// Negative x, −inf and NaN take the double sequence (reflection with sinpi) on a branch: the reflection needs
/// 1 − x beyond float precision, and Γ of a negative argument is rare next to the positive ones.
/// </summary>
internal sealed partial class FunctionEmitter
{
    // 1/Γ(1 + f) on [−½, ½], degree 9.
    private static readonly double[] s_rgammafPoly =
    [
        1.0f, 0.5772156715393066f, -0.6558781266212463f, -0.04200262576341629f, 0.16654016077518463f, -0.042197972536087036f,
        -0.009639381431043148f, 0.0072216130793094635f, -0.0010854711290448904f, -0.00022753777739126235f,
    ];

    // Stirling's correction lgamma(x) − ((x − ½)·ln x − x + ln√(2π)) = (1/x)·S(1/x²) on [8, 36], degree 2.
    private static readonly double[] s_stirlingfPoly = [0.0833333358168602f, -0.002777685411274433f, 0.0007793721160851419f];

    // ln√(2π)·log2 e as float + float.
    private const float HalfLog2TwoPiF = 1.325748085975647f, HalfLog2TwoPiLoF = -2.1239488390278893e-08f;

    private LLVMValueRef FTgamma(LLVMValueRef x) =>
        FBranch(FCmp(LLVMRealPredicate.OGE, x, 0), () => FBranch(FCmp(LLVMRealPredicate.OLT, x, 8f), () => FTgammaSmall(x), () => FTgammaStirling(x), "tgammaf.stirling"),
            () => _b.Cast(LLVMOpcode.FPTrunc, DTgamma(_b.Cast(LLVMOpcode.FPExt, x, _b.Double)), _b.Float), "tgammaf");

    /// <summary>Γ(x) for 0 &lt;= x &lt; 8 as N/R(f) (see the class comment).</summary>
    private LLVMValueRef FTgammaSmall(LLVMValueRef x)
    {
        var n = Intrinsic("llvm.rint.f32", _b.Float, x);
        var f = FSub(x, n);
        var t = Horner(f, s_rgammafPoly[1..]);
        var p = FMul(f, t);
        var pe = FFma(f, t, _b.FNeg(p));
        var (rh, re) = FFastTwoSum(FC(1f), p); // |p| < ¼
        var rl = FAdd(re, pe);
        // N: (x − 1)···(x − n + 1) as a pair (a factor 1 beyond n − 1), or 1/x as a pair for n = 0.
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
        nh = Sel(zero, inv, nh);
        nl = Sel(zero, invLo, nl);
        var q = _b.Binary(LLVMOpcode.FDiv, nh, rh);
        var rem = FSub(FAdd(FFma(_b.FNeg(q), rh, nh), nl), FMul(q, rl));
        var res = FAdd(q, _b.Binary(LLVMOpcode.FDiv, rem, rh));
        return Sel(FCmp(LLVMRealPredicate.OLT, x, 7.88860905e-31f), inv, res); // 2^-100
    }

    /// <summary>Γ(x) for x &gt;= 8 (+inf included) by Stirling's formula in float pairs, 2^z as in powf.</summary>
    private LLVMValueRef FTgammaStirling(LLVMValueRef x)
    {
        var xc = FMin(x, FC(40f));
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
        var zl = FAdd(FAdd(FAdd(se, ze), FSub(al, bl)), FAdd(FC(HalfLog2TwoPiLoF), k));
        return FExp2Pair(zh, zl);
    }
}
