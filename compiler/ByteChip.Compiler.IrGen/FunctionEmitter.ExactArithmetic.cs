using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Operations whose results are exact or exactly rounded: fmod/remainder by long division on the
/// significands (a loop, 10 quotient bits per step), and the float operations with directed rounding
/// (__fadd_rz, __fmul_ru, ...), computed as a double-double and then stepped from the nearest float
/// towards the requested direction when the nearest is on the wrong side.
/// </summary>
internal sealed partial class FunctionEmitter
{
    /// <summary>
    /// fmod (round = false) or remainder (round = true) of two floats or doubles, exact:
    /// <code>
    ///   |x| = Mx·2^(ex−53), |y| = My·2^(ey−53)      Mx, My 53-bit integers
    ///   r = Mx mod My; then n = ex − ey times: r = (r·2^s) mod My, s = min(n, 10)
    ///   fmod = ±r·2^(ey−53); remainder: r − |y| when r &gt; |y|/2, or r = |y|/2 and the last quotient bit is odd
    /// </code>
    /// </summary>
    private LLVMValueRef ExactRemainder(LLVMValueRef x0, LLVMValueRef y0, bool round)
    {
        var ret = LLVMTypeOf(x0);
        var x = ret == _b.Float ? _b.Cast(LLVMOpcode.FPExt, x0, _b.Double) : x0;
        var y = ret == _b.Float ? _b.Cast(LLVMOpcode.FPExt, y0, _b.Double) : y0;
        var ax = DAbs(x);
        var ay = DAbs(y);
        var (mx, ex) = DFrexpParts(ax);
        var (my, ey) = DFrexpParts(ay);
        LLVMValueRef Int(LLVMValueRef m) => _b.Cast(LLVMOpcode.FPToUI, DMul(m, D(9007199254740992.0)), _b.I64);
        var imx = Int(mx);
        var imy = Int(my);
        var ok = _b.Binary(LLVMOpcode.And, _b.Binary(LLVMOpcode.And, IsFinite(x), IsFinite(y)), DCmp(LLVMRealPredicate.ONE, y, 0));
        imy = Sel(_b.ICmp(LLVMIntPredicate.EQ, imy, _b.I64Const(0)), _b.I64Const(1), imy); // never divide by zero
        imx = Sel(ok, imx, _b.I64Const(0));
        var n = _b.Binary(LLVMOpcode.Sub, ex, ey);
        n = Sel(ok, Intrinsic("llvm.smin.i64", _b.I64, n, _b.I64Const(2200)), _b.I64Const(0));
        var r0 = _b.Binary(LLVMOpcode.URem, imx, imy);
        var q0 = _b.Binary(LLVMOpcode.UDiv, imx, imy);
        var entry = _b.InsertBlock;
        var loop = _b.AppendBlock(_fn, "fmod.loop");
        var exit = _b.AppendBlock(_fn, "fmod.exit");
        _b.CondBr(_b.ICmp(LLVMIntPredicate.SGT, n, _b.I64Const(0)), loop, exit);
        _b.PositionAtEnd(loop);
        var rPhi = _b.Phi(_b.I64, [(r0, entry)]);
        var nPhi = _b.Phi(_b.I64, [(n, entry)]);
        var s = Intrinsic("llvm.smin.i64", _b.I64, nPhi, _b.I64Const(10));
        var tv = _b.Binary(LLVMOpcode.Shl, rPhi, s);
        var qNext = _b.Binary(LLVMOpcode.UDiv, tv, imy);
        var rNext = _b.Binary(LLVMOpcode.URem, tv, imy);
        var nNext = _b.Binary(LLVMOpcode.Sub, nPhi, s);
        var loopEnd = _b.InsertBlock;
        _b.CondBr(_b.ICmp(LLVMIntPredicate.SGT, nNext, _b.I64Const(0)), loop, exit);
        AddIncoming(rPhi, rNext, loopEnd);
        AddIncoming(nPhi, nNext, loopEnd);
        _b.PositionAtEnd(exit);
        var r = _b.Phi(_b.I64, [(r0, entry), (rNext, loopEnd)]);
        var q = _b.Phi(_b.I64, [(q0, entry), (qNext, loopEnd)]);
        var rd = Scale(_b.Cast(LLVMOpcode.UIToFP, r, _b.Double), _b.Cast(LLVMOpcode.SIToFP, _b.Binary(LLVMOpcode.Sub, ey, _b.I64Const(53)), _b.Double));
        var res = Sel(DCmp(LLVMRealPredicate.OLT, ax, ay), ax, rd); // |x| < |y|: x itself (no quotient bits)
        if (round)
        {
            var qOdd = _b.Binary(LLVMOpcode.And, _b.ICmp(LLVMIntPredicate.NE, _b.Binary(LLVMOpcode.And, q, _b.I64Const(1)), _b.I64Const(0)), DCmp(LLVMRealPredicate.OGE, ax, ay));
            var twice = DMul(res, D(2)); // exact unless res is huge, where the comparison is still right
            var up = _b.Binary(LLVMOpcode.Or, DCmp(LLVMRealPredicate.OGT, twice, ay), _b.Binary(LLVMOpcode.And, DCmp(LLVMRealPredicate.OEQ, twice, ay), qOdd));
            res = Sel(up, DSub(res, ay), res);
        }
        res = Sel(_b.ICmp(LLVMIntPredicate.SLT, ToBits(x), _b.I64Const(0)), _b.FNeg(res), res);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, ay, double.PositiveInfinity), x, res);
        res = Sel(DCmp(LLVMRealPredicate.OEQ, x, 0), x, res);
        var nan = _b.Binary(LLVMOpcode.Or, _b.Binary(LLVMOpcode.Or, IsNan(x), IsNan(y)),
            _b.Binary(LLVMOpcode.Or, DCmp(LLVMRealPredicate.OEQ, y, 0), DCmp(LLVMRealPredicate.OEQ, ax, double.PositiveInfinity)));
        res = Sel(nan, D(double.NaN), res);
        return Narrow(res, ret);
    }

    /// <summary>__fadd_rz and friends: the exact result as d + e, the nearest float f, and one step when f is on the wrong side.</summary>
    private LLVMValueRef DirectedRounding(string name, LLVMValueRef[] args)
    {
        LLVMValueRef A(int i) => _b.Cast(LLVMOpcode.FPExt, args[i], _b.Double);
        string op = name[2..name.LastIndexOf('_')];
        char mode = name[^1];
        LLVMValueRef d, e;
        switch (op)
        {
            case "fadd":
                (d, e) = TwoSum(A(0), A(1));
                break;
            case "fsub":
                (d, e) = TwoSum(A(0), _b.FNeg(A(1)));
                break;
            case "fmul":
                (d, e) = (DMul(A(0), A(1)), D(0)); // 24 × 24 bits: exact
                break;
            case "fdiv":
                d = DDiv(A(0), A(1));
                e = DDiv(DFma(_b.FNeg(d), A(1), A(0)), A(1));
                break;
            case "fsqrt":
                d = Intrinsic("llvm.sqrt.f64", _b.Double, A(0));
                e = DDiv(DFma(_b.FNeg(d), d, A(0)), DMul(d, D(2)));
                break;
            default: // fmaf
                (d, e) = TwoSum(DMul(A(0), A(1)), A(2));
                break;
        }
        e = Sel(IsFinite(e), e, D(0));
        var f = _b.Cast(LLVMOpcode.FPTrunc, d, _b.Float);
        // sign of f − (d + e); fd − d is exact (both within a float ulp of each other)
        var diff = DSub(DSub(_b.Cast(LLVMOpcode.FPExt, f, _b.Double), d), e);
        var above = DCmp(LLVMRealPredicate.OGT, diff, 0);
        var below = DCmp(LLVMRealPredicate.OLT, diff, 0);
        var infinite = _b.FCmp(LLVMRealPredicate.OEQ, Intrinsic("llvm.fabs.f32", _b.Float, f), _b.ConstReal(_b.Float, double.PositiveInfinity));
        var dFinite = IsFinite(d);
        // RN overflowed to ±inf although the exact value is finite: the exact value is below (above) it.
        above = _b.Binary(LLVMOpcode.Or, above, _b.Binary(LLVMOpcode.And, _b.Binary(LLVMOpcode.And, infinite, dFinite), _b.FCmp(LLVMRealPredicate.OGT, f, _b.ConstReal(_b.Float, 0))));
        below = _b.Binary(LLVMOpcode.Or, below, _b.Binary(LLVMOpcode.And, _b.Binary(LLVMOpcode.And, infinite, dFinite), _b.FCmp(LLVMRealPredicate.OLT, f, _b.ConstReal(_b.Float, 0))));
        var fPositive = _b.FCmp(LLVMRealPredicate.OGT, f, _b.ConstReal(_b.Float, 0));
        var fNegative = _b.FCmp(LLVMRealPredicate.OLT, f, _b.ConstReal(_b.Float, 0));
        LLVMValueRef step;
        double target;
        switch (mode)
        {
            case 'u':
                step = below;
                target = double.PositiveInfinity;
                break;
            case 'd':
                step = above;
                target = double.NegativeInfinity;
                break;
            default:
                step = _b.Binary(LLVMOpcode.Or, _b.Binary(LLVMOpcode.And, above, fPositive), _b.Binary(LLVMOpcode.And, below, fNegative));
                target = 0;
                break;
        }
        var stepped = NextAfter(f, _b.ConstReal(_b.Float, target));
        return _b.Select(step, stepped, f);
    }

    private static unsafe void AddIncoming(LLVMValueRef phi, LLVMValueRef value, LLVMBasicBlockRef block) =>
        LLVMAddIncoming(phi, &value, &block, 1);
}
