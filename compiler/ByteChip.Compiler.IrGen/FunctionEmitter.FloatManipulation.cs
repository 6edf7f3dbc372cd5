using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Exponent and representation functions, exact by construction: ldexp/scalbn, frexp, modf, logb, ilogb,
/// nextafter, fdim. Float forms of all but nextafter go through double, where the float's value and every
/// intermediate are exact and the final conversion rounds once.
/// </summary>
internal sealed partial class FunctionEmitter
{
    /// <summary>x = m·2^e with |m| in [½, 1) (m carries the sign) for finite nonzero x, subnormals included.</summary>
    private (LLVMValueRef M, LLVMValueRef E) DFrexpParts(LLVMValueRef x)
    {
        var sub = DCmp(LLVMRealPredicate.OLT, DAbs(x), 2.2250738585072014e-308);
        var xs = Sel(sub, DMul(x, D(18014398509481984.0)), x); // 2^54
        var bits = ToBits(xs);
        var biased = _b.Binary(LLVMOpcode.And, _b.Binary(LLVMOpcode.LShr, bits, _b.I64Const(52)), _b.I64Const(0x7FF));
        var e = _b.Binary(LLVMOpcode.Sub, biased, Sel(sub, _b.I64Const(1022 + 54), _b.I64Const(1022)));
        var m = FromBits(_b.Binary(LLVMOpcode.Or, _b.Binary(LLVMOpcode.And, bits, _b.I64Const(unchecked((long)0x800FFFFFFFFFFFFFUL))), _b.I64Const(0x3FE0000000000000)));
        return (m, e);
    }

    /// <summary>Zero, infinite or NaN: the functions below return such x unchanged.</summary>
    private LLVMValueRef ZeroOrNotFinite(LLVMValueRef x) =>
        _b.Binary(LLVMOpcode.Or, DCmp(LLVMRealPredicate.OEQ, x, 0), _b.Not(IsFinite(x)));

    /// <summary>ldexp(x, n) = m·2^(e + n): exact unless the result is subnormal, where Scale rounds once.</summary>
    private LLVMValueRef DLdexp(LLVMValueRef x, LLVMValueRef n)
    {
        var (m, e) = DFrexpParts(x);
        var n64 = _b.Cast(LLVMOpcode.SExt, n, _b.I64);
        var t = _b.Binary(LLVMOpcode.Add, e, n64);
        var tc = _b.Cast(LLVMOpcode.SIToFP, t, _b.Double);
        tc = DMin(DMax(tc, D(-1100)), D(1100));
        return Sel(ZeroOrNotFinite(x), x, Scale(m, tc));
    }

    /// <summary>frexp: stores the exponent (0 for zero, infinity and NaN) and returns the fraction.</summary>
    private LLVMValueRef DFrexp(LLVMValueRef x, LLVMValueRef expPtr)
    {
        var (m, e) = DFrexpParts(x);
        var special = ZeroOrNotFinite(x);
        _b.Store(Sel(special, _b.I32Const(0), _b.Cast(LLVMOpcode.Trunc, e, _b.I32)), expPtr, 4);
        return Sel(special, DAdd(x, x), m);
    }

    /// <summary>modf: integral part stored, fractional part (with the sign of x; ±0 for ±inf) returned.</summary>
    private LLVMValueRef DModf(LLVMValueRef x, LLVMValueRef intPtr, bool toFloat)
    {
        var i = Intrinsic("llvm.trunc.f64", _b.Double, x);
        StoreResult(i, intPtr, toFloat);
        var frac = DCopySign(DSub(x, i), x);
        return Sel(DCmp(LLVMRealPredicate.OEQ, DAbs(x), double.PositiveInfinity), DCopySign(D(0), x), frac);
    }

    /// <summary>logb: the unbiased exponent as a double; −inf at ±0, +inf at ±inf, NaN for NaN.</summary>
    private LLVMValueRef DLogb(LLVMValueRef x)
    {
        var (_, e) = DFrexpParts(x);
        var res = _b.Cast(LLVMOpcode.SIToFP, _b.Binary(LLVMOpcode.Sub, e, _b.I64Const(1)), _b.Double);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, x, 0), D(double.NegativeInfinity), res);
        res = Sel(IsFinite(x), res, DMul(x, x));
        return res;
    }

    /// <summary>ilogb: the unbiased exponent; INT_MIN at ±0 and NaN (FP_ILOGB0, FP_ILOGBNAN), INT_MAX at ±inf.</summary>
    private LLVMValueRef DIlogb(LLVMValueRef x)
    {
        var (_, e) = DFrexpParts(x);
        var res = _b.Cast(LLVMOpcode.Trunc, _b.Binary(LLVMOpcode.Sub, e, _b.I64Const(1)), _b.I32);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, DAbs(x), double.PositiveInfinity), _b.I32Const(int.MaxValue), res);
        return Sel(_b.Binary(LLVMOpcode.Or, DCmp(LLVMRealPredicate.OEQ, x, 0), IsNan(x)), _b.I32Const(int.MinValue), res);
    }

    /// <summary>nextafter for float or double: one step of the bit pattern towards y.</summary>
    private LLVMValueRef NextAfter(LLVMValueRef x, LLVMValueRef y)
    {
        var t = LLVMTypeOf(x);
        bool f64 = t == _b.Double;
        var it = f64 ? _b.I64 : _b.I32;
        var bits = _b.Cast(LLVMOpcode.BitCast, x, it);
        var one = _b.ConstInt(it, 1);
        // Away from zero when x < y and x > 0, or x > y and x < 0; towards zero otherwise.
        var up = _b.ICmp(LLVMIntPredicate.EQ, _b.FCmp(LLVMRealPredicate.OLT, x, y), _b.FCmp(LLVMRealPredicate.OGT, x, _b.ConstReal(t, 0)));
        var next = Sel(up, _b.Binary(LLVMOpcode.Add, bits, one), _b.Binary(LLVMOpcode.Sub, bits, one));
        var res = _b.Cast(LLVMOpcode.BitCast, next, t);
        var tiny = _b.Cast(LLVMOpcode.BitCast, one, t); // the smallest subnormal
        var zero = _b.FCmp(LLVMRealPredicate.OEQ, x, _b.ConstReal(t, 0));
        res = _b.Select(zero, Intrinsic($"llvm.copysign.{(f64 ? "f64" : "f32")}", t, tiny, y), res);
        res = _b.Select(_b.FCmp(LLVMRealPredicate.OEQ, x, y), y, res);
        return _b.Select(_b.FCmp(LLVMRealPredicate.UNO, x, y), _b.Binary(LLVMOpcode.FAdd, x, y), res);
    }

    /// <summary>fdim: x − y when x &gt; y, +0 otherwise, NaN when either is NaN.</summary>
    private LLVMValueRef FDim(LLVMValueRef x, LLVMValueRef y)
    {
        var t = LLVMTypeOf(x);
        var d = _b.Binary(LLVMOpcode.FSub, x, y);
        var res = _b.Select(_b.FCmp(LLVMRealPredicate.OGT, x, y), d, _b.ConstReal(t, 0));
        return _b.Select(_b.FCmp(LLVMRealPredicate.UNO, x, y), _b.Binary(LLVMOpcode.FAdd, x, y), res);
    }
}
