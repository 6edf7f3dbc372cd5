using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// erfinvf, erfcinvf and normcdfinvf as float sequences (coefficients from compiler/scripts/math-fits/erfinvf.py
/// 8 10 11 3). With a = |erfinv argument|, q = 1 − a² (fma(−a, a, 1), or c·(2 − c) from erfcinv's c = 1 − a when
/// 1 − c is not exact) and t = −log q as a float pair (the float-pair log2 of powf, times ln 2):
/// <code>
///   t &lt;= 3:    erfinv a = a·P(t)                 P0 a pair, a·P0 exact inside the last fma
///   t &gt; 3:     w = √t (its rounding and t's tail carried as wl), u = w − W0 (exact),
///              erfinv a = c0 + c1·(u + wl) + u²·H(u) with c1·u as an exact pair and c0 + c1·u by fast two-sum;
///              Q on √3 &lt;= w &lt;= 4 (erfinvf never needs more: 1 − a &gt;= 2^-24), R on 4 &lt; w &lt;= 10.2 (erfcinvf down to 2^-149)
/// </code>
/// The polynomial parts are tiny next to the leading terms, so each result is within about one rounding of the
/// exact value apart from the argument's own error.
/// </summary>
internal sealed partial class FunctionEmitter
{
    // erfinv(a)/a as a polynomial in t = −log(1 − a²) on [0, 3], degree 8, and the first coefficient's low part.
    private static readonly double[] s_erfinvfCentral =
    [
        0.8862269520759583f, 0.23201368749141693f, 0.01154918223619461f, -0.0023346622474491596f, -0.00012849185441154987f,
        4.658093530451879e-05f, 2.456884658386116e-06f, -1.3913434031564975e-06f, 1.0787034199211121e-07f,
    ];
    private const float ErfinvfCentralLo = -2.6998430158187148e-08f;

    // erfinv as a polynomial in u = √t − W0 on √3 <= √t <= 4, degree 10 (W0 the middle), and the low part of c0.
    private static readonly double[] s_erfinvfTail =
    [
        2.6986021995544434f, 1.0006318092346191f, 0.00835642870515585f, -0.004094135481864214f, 0.0012758714146912098f,
        -0.0001692883379291743f, -0.00010281778668286279f, 8.605890616308898e-05f, -2.1223409930826165e-05f,
        -7.893475412856787e-06f, 4.606645234161988e-06f,
    ];
    private const float ErfinvfTailW0 = 2.866025447845459f, ErfinvfTailLo = 4.1893247981761306e-08f;

    // The same on 4 <= √t <= 10.2 around 7, degree 11 (erfcinvf only).
    private static readonly double[] s_erfinvfFarTail =
    [
        6.869019508361816f, 1.008595585823059f, -0.0005126379546709359f, 6.2905105551180895e-06f, 6.034078978700563e-06f,
        -1.622054583094723e-06f, 3.235082317587512e-07f, -5.3683613998600777e-08f, 6.804281582617477e-09f,
        -1.2513822200688196e-09f, 3.5913691465161435e-10f, -4.3602132321352016e-11f,
    ];
    private const float ErfinvfFarTailW0 = 7f, ErfinvfFarTailLo = 1.4134845116586803e-07f;

    // √2 as float + float.
    private const float Sqrt2F = 1.4142135381698608f, Sqrt2LoF = 2.4203234971764687e-08f;

    /// <summary>
    /// erfinv(a) &gt;= 0 for 0 &lt;= a &lt; 1 given q = 1 − a² (positive, subnormal allowed); <paramref name="farTail"/>: also
    /// √(−log q) &gt; 4 (q below about 1.1e-7), which erfinvf's arguments never reach.
    /// </summary>
    private LLVMValueRef FErfinvCore(LLVMValueRef a, LLVMValueRef q, bool farTail)
    {
        var (lh, ll) = FLog2Pair(q);
        var th = FMul(lh, FC(-Ln2F));
        var tl = FFma(ll, FC(-Ln2F), FFma(lh, FC(-Ln2TailF), FFma(lh, FC(-Ln2F), _b.FNeg(th))));
        return FBranch(FCmp(LLVMRealPredicate.ULE, th, 3f), () =>
        {
            var c = s_erfinvfCentral;
            var inner = FFma(th, Horner(th, c[1..]), FFma(FC((float)c[1]), tl, FC(ErfinvfCentralLo)));
            return FFma(a, FC((float)c[0]), FMul(a, inner));
        }, () =>
        {
            var w = Intrinsic("llvm.sqrt.f32", _b.Float, th);
            var wl = _b.Binary(LLVMOpcode.FDiv, FAdd(FFma(_b.FNeg(w), w, th), tl), FMul(w, FC(2f)));
            if (!farTail)
            {
                return FErfinvTailSum(FSub(w, FC(ErfinvfTailW0)), wl, s_erfinvfTail, ErfinvfTailLo);
            }
            return FBranch(FCmp(LLVMRealPredicate.OLE, w, 4f),
                () => FErfinvTailSum(FSub(w, FC(ErfinvfTailW0)), wl, s_erfinvfTail, ErfinvfTailLo),
                () => FErfinvTailSum(FSub(w, FC(ErfinvfFarTailW0)), wl, s_erfinvfFarTail, ErfinvfFarTailLo), "erfcinvf.far");
        }, "erfinvf");
    }

    /// <summary>c0 + c0Lo + c1·(u + wl) + u²·H(u) with c1·u as an exact pair and c0 + c1·u by fast two-sum (|c1·u| &lt; c0).</summary>
    private LLVMValueRef FErfinvTailSum(LLVMValueRef u, LLVMValueRef wl, double[] c, float c0Lo)
    {
        var c0 = FC((float)c[0]);
        var c1 = FC((float)c[1]);
        var p = FMul(c1, u);
        var pe = FFma(c1, u, _b.FNeg(p));
        var (s, e) = FFastTwoSum(c0, p);
        var rest = FMul(FMul(u, u), Horner(u, c[2..]));
        return FAdd(s, FAdd(FAdd(FAdd(e, pe), FFma(c1, wl, FC(c0Lo))), rest));
    }

    /// <summary>erfinvf: the sign of x copied, ±inf at ±1, NaN beyond and for NaN.</summary>
    private LLVMValueRef FErfinv(LLVMValueRef x)
    {
        var a = FAbs(x);
        var y = FErfinvCore(a, FFma(_b.FNeg(a), a, FC(1f)), farTail: false);
        var res = FCopySign(y, x);
        res = Sel(FCmp(LLVMRealPredicate.OEQ, a, 1f), FCopySign(FC(float.PositiveInfinity), x), res);
        return Sel(FCmp(LLVMRealPredicate.UGT, a, 1f), FC(float.NaN), res);
    }

    /// <summary>
    /// erfcinvf: c' = min(c, 2 − c) (exact), erfcinv c = ±erfinv(1 − c') with q = 1 − (1 − c')² as fma(−a, a, 1) when
    /// 1 − c' is exact (c' &gt;= ½) and c'·(2 − c') below; +inf at 0, −inf at 2, NaN outside [0, 2] and for NaN.
    /// </summary>
    private LLVMValueRef FErfcinv(LLVMValueRef c)
    {
        var upper = FCmp(LLVMRealPredicate.OGT, c, 1f);
        var cc = Sel(upper, FSub(FC(2f), c), c);
        var a = FSub(FC(1f), cc);
        var q = Sel(FCmp(LLVMRealPredicate.OGE, cc, 0.5f), FFma(_b.FNeg(a), a, FC(1f)), FMul(cc, FSub(FC(2f), cc)));
        var y = FErfinvCore(a, q, farTail: true);
        var res = Sel(upper, _b.FNeg(y), y);
        res = Sel(FCmp(LLVMRealPredicate.OEQ, c, 0), FC(float.PositiveInfinity), res);
        res = Sel(FCmp(LLVMRealPredicate.OEQ, c, 2f), FC(float.NegativeInfinity), res);
        return Sel(_b.Binary(LLVMOpcode.Or, FCmp(LLVMRealPredicate.ULT, c, 0), FCmp(LLVMRealPredicate.UGT, c, 2f)), FC(float.NaN), res);
    }

    /// <summary>normcdfinvf p = −√2·erfcinvf(2p) (2p exact), with √2 as a pair: one rounding more than erfcinvf.</summary>
    private LLVMValueRef FNormcdfinv(LLVMValueRef p)
    {
        var y = FErfcinv(FMul(p, FC(2f)));
        return FFma(y, FC(-Sqrt2F), FMul(y, FC(-Sqrt2LoF)));
    }
}
