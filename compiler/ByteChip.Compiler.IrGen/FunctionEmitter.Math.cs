using ByteChip.Compiler.Llvm;
using ByteChip.Compiler.Semantics;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// The math library. Functions with an LLVM intrinsic become that intrinsic (the backend lowers them to ISA
/// sequences); the others are composed here from intrinsics. C++ overloads on float (<c>sqrt(float)</c>)
/// are the f-suffixed functions. Double-precision transcendental functions are IR sequences
/// (FunctionEmitter.DoubleMath.cs).
/// </summary>
internal sealed partial class FunctionEmitter
{
    private static readonly Dictionary<string, string> s_intrinsics = new(StringComparer.Ordinal)
    {
        ["sqrt"] = "sqrt", ["fabs"] = "fabs", ["floor"] = "floor", ["ceil"] = "ceil", ["trunc"] = "trunc", ["round"] = "round",
        ["rint"] = "rint", ["nearbyint"] = "nearbyint", ["fma"] = "fma", ["fmin"] = "minnum", ["fmax"] = "maxnum",
        ["copysign"] = "copysign", ["exp"] = "exp", ["exp2"] = "exp2", ["log"] = "log", ["log2"] = "log2", ["log10"] = "log10",
        ["sin"] = "sin", ["cos"] = "cos", ["pow"] = "pow", ["abs"] = "fabs", ["min"] = "minnum", ["max"] = "maxnum",
    };

    private LLVMValueRef MathBuiltin(BoundCall call, string name, LLVMTypeRef ret)
    {
        var args = call.Arguments;
        bool isFloat = ret == _b.Float;
        // Normalize: float overloads and fast-math spellings to the f-suffixed C name.
        var baseName = name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith('f') ? name[2..^1] : name;
        if (baseName.EndsWith('f') && isFloat && s_intrinsics.ContainsKey(baseName[..^1]))
        {
            baseName = baseName[..^1];
        }
        else if (baseName.EndsWith('f') && isFloat)
        {
            baseName = baseName[..^1];
        }
        string t = Suffix(ret, _b);
        LLVMValueRef A(int i) => Arg(call, i);
        LLVMValueRef F(double v) => _b.ConstReal(ret, v);
        LLVMValueRef I(string intrinsic, params LLVMValueRef[] a) => Intrinsic($"llvm.{intrinsic}.{t}", ret, a);
        if (ret == _b.Half)
        {
            return HalfBuiltin(call, name);
        }
        switch (name)
        {
            // Explicitly rounded operations: never contracted into an fma (no 'contract' flag).
            case "__fadd_rn" or "__dadd_rn":
                return _b.Binary(LLVMOpcode.FAdd, A(0), A(1));
            case "__fsub_rn" or "__dsub_rn":
                return _b.Binary(LLVMOpcode.FSub, A(0), A(1));
            case "__fmul_rn" or "__dmul_rn":
                return _b.Binary(LLVMOpcode.FMul, A(0), A(1));
            case "__fdiv_rn" or "__ddiv_rn":
                return _b.Binary(LLVMOpcode.FDiv, A(0), A(1));
            case "__fmaf_rn" or "__fma_rn":
                return I("fma", A(0), A(1), A(2));
            case "__fsqrt_rn" or "__dsqrt_rn":
                return I("sqrt", A(0));
            case "__frcp_rn" or "__drcp_rn":
                return _b.Binary(LLVMOpcode.FDiv, F(1), A(0));
        }
        if (ret == _b.Double)
        {
            var d = DoubleMath(baseName, i => Arg(call, i));
            if (d.Handle != IntPtr.Zero)
            {
                return d;
            }
        }
        if (s_intrinsics.TryGetValue(baseName, out var intr) && (isFloat || intr is "sqrt" or "fabs" or "floor" or "ceil" or "trunc" or "round" or "rint" or "nearbyint" or "fma" or "minnum" or "maxnum" or "copysign"))
        {
            return I(intr, args.Select((_, i) => A(i)).ToArray());
        }
        switch (baseName)
        {
            case "rsqrt" when isFloat:
                return _b.CallNamed("rsqrtf", ret, A(0));
            case "fdivide" when isFloat:
                return _b.CallNamed("__fdividef", ret, A(0), A(1));
            case "fmod":
                return _b.Binary(LLVMOpcode.FRem, A(0), A(1));
            case "tan" when isFloat:
            {
                var x = A(0);
                return _b.Binary(LLVMOpcode.FDiv, I("sin", x), I("cos", x));
            }
            case "tanh" when isFloat:
                return _b.CallNamed("tanhf", ret, A(0));
            case "sinh" or "cosh" when isFloat:
            {
                var e = I("exp", A(0));
                var inv = _b.Binary(LLVMOpcode.FDiv, F(1), e);
                var r = _b.Binary(baseName == "sinh" ? LLVMOpcode.FSub : LLVMOpcode.FAdd, e, inv);
                return _b.Binary(LLVMOpcode.FMul, r, F(0.5));
            }
            case "exp10" when isFloat:
                return I("exp2", _b.Binary(LLVMOpcode.FMul, A(0), F(3.321928094887362)));
            case "expm1" when isFloat:
                return _b.Binary(LLVMOpcode.FSub, I("exp", A(0)), F(1));
            case "log1p" when isFloat:
                return I("log", _b.Binary(LLVMOpcode.FAdd, A(0), F(1)));
            case "cbrt" when isFloat:
            {
                var x = A(0);
                var r = I("exp2", _b.Binary(LLVMOpcode.FMul, I("log2", I("fabs", x)), F(1.0 / 3)));
                return I("copysign", r, x);
            }
            case "hypot" when isFloat:
                return I("sqrt", _b.Binary(LLVMOpcode.FAdd, _b.Binary(LLVMOpcode.FMul, A(0), A(0)), _b.Binary(LLVMOpcode.FMul, A(1), A(1))));
            case "fdim":
            {
                var d = _b.Binary(LLVMOpcode.FSub, A(0), A(1));
                return _b.Select(_b.FCmp(LLVMRealPredicate.OGT, d, F(0)), d, F(0));
            }
            case "erf" when isFloat:
                return Erf(A(0), ret, complement: false);
            case "erfc" when isFloat:
                return Erf(A(0), ret, complement: true);
            case "normcdf" when isFloat:
                return _b.Binary(LLVMOpcode.FMul, F(0.5), Erf(_b.Binary(LLVMOpcode.FMul, A(0), F(-0.7071067811865476)), ret, complement: true));
            case "saturate" when isFloat:
                return I("minnum", I("maxnum", A(0), F(0)), F(1));
            case "sincos" when isFloat:
            {
                var x = A(0);
                _b.Store(I("sin", x), A(1), 4);
                _b.Store(I("cos", x), A(2), 4);
                return default;
            }
        }
        switch (name)
        {
            case "isnan" or "__isnanf":
                return Bool(call, _b.FCmp(LLVMRealPredicate.UNO, A(0), A(0)));
            case "isinf" or "__isinff":
            {
                var a = Intrinsic($"llvm.fabs.{Suffix(LLVMTypeOf(A(0)), _b)}", LLVMTypeOf(A(0)), A(0));
                return Bool(call, _b.FCmp(LLVMRealPredicate.OEQ, a, _b.ConstReal(LLVMTypeOf(a), double.PositiveInfinity)));
            }
            case "isfinite" or "__finitef":
            {
                var a = Intrinsic($"llvm.fabs.{Suffix(LLVMTypeOf(A(0)), _b)}", LLVMTypeOf(A(0)), A(0));
                return Bool(call, _b.FCmp(LLVMRealPredicate.OLT, a, _b.ConstReal(LLVMTypeOf(a), double.PositiveInfinity)));
            }
            case "signbit":
            {
                var v = A(0);
                var bits = LLVMTypeOf(v) == _b.Double ? _b.Cast(LLVMOpcode.BitCast, v, _b.I64) : _b.Cast(LLVMOpcode.BitCast, v, _b.I32);
                return Bool(call, _b.ICmp(LLVMIntPredicate.SLT, bits, _b.Null(LLVMTypeOf(bits))));
            }
            case "__float2int_rn" or "__float2int_rz" or "__float2int_rd" or "__float2int_ru" or "__float2uint_rn" or "__float2uint_rz" or "__double2int_rn" or "__float2ll_rn":
            {
                var v = A(0);
                var vt = LLVMTypeOf(v);
                string mode = name[^2..] switch { "rn" => "rint", "rz" => "trunc", "rd" => "floor", _ => "ceil" };
                var rounded = Intrinsic($"llvm.{mode}.{Suffix(vt, _b)}", vt, v);
                return _b.Cast(name.Contains("uint", StringComparison.Ordinal) ? LLVMOpcode.FPToUI : LLVMOpcode.FPToSI, rounded, ret);
            }
            case "__int2float_rn":
                return _b.Cast(LLVMOpcode.SIToFP, A(0), ret);
            case "__uint2float_rn":
                return _b.Cast(LLVMOpcode.UIToFP, A(0), ret);
            case "__double2float_rn":
                return _b.Cast(LLVMOpcode.FPTrunc, A(0), ret);
            case "__float2half" or "__float2half_rn":
                return _b.Cast(LLVMOpcode.FPTrunc, A(0), _b.Half);
            case "__half2float":
                return _b.Cast(LLVMOpcode.FPExt, A(0), _b.Float);
        }
        // Anything else stays a call by its C name: the backend lowers the functions it knows and reports the rest.
        return _b.CallNamed(ret == _b.Double || !isFloat ? name : name.EndsWith('f') ? name : name + "f", ret, args.Select((_, i) => A(i)).ToArray());
    }

    private LLVMValueRef Bool(BoundCall call, LLVMValueRef i1) =>
        call.Type.Unqualified is BoolType ? i1 : _b.Cast(LLVMOpcode.ZExt, i1, _g.ValueType(call.Type));

    /// <summary>erf(x) by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7); erfc as 1 - erf.</summary>
    private LLVMValueRef Erf(LLVMValueRef x, LLVMTypeRef ret, bool complement)
    {
        LLVMValueRef F(double v) => _b.ConstReal(ret, v);
        LLVMValueRef Mul(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FMul, a, b);
        LLVMValueRef Add(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.FAdd, a, b);
        var ax = Intrinsic("llvm.fabs.f32", ret, x);
        var t = _b.Binary(LLVMOpcode.FDiv, F(1), Add(F(1), Mul(F(0.3275911), ax)));
        var poly = Mul(t, Add(F(0.254829592), Mul(t, Add(F(-0.284496736), Mul(t, Add(F(1.421413741), Mul(t, Add(F(-1.453152027), Mul(t, F(1.061405429))))))))));
        var e = Intrinsic("llvm.exp.f32", ret, _b.FNeg(Mul(ax, ax)));
        var tail = Mul(poly, e); // 1 - erf(|x|)
        var erfAbs = _b.Binary(LLVMOpcode.FSub, F(1), tail);
        var erf = Intrinsic("llvm.copysign.f32", ret, erfAbs, x);
        if (!complement)
        {
            return erf;
        }
        // erfc(x) = tail for x >= 0, 2 - tail for x < 0 (keeps precision in the right tail).
        return _b.Select(_b.FCmp(LLVMRealPredicate.OGE, x, F(0)), tail, _b.Binary(LLVMOpcode.FSub, F(2), tail));
    }

    private LLVMValueRef HalfBuiltin(BoundCall call, string name)
    {
        LLVMValueRef A(int i) => Arg(call, i);
        return name switch
        {
            "__hadd" => _b.Binary(LLVMOpcode.FAdd, A(0), A(1)),
            "__hsub" => _b.Binary(LLVMOpcode.FSub, A(0), A(1)),
            "__hmul" => _b.Binary(LLVMOpcode.FMul, A(0), A(1)),
            "__hdiv" => _b.Binary(LLVMOpcode.FDiv, A(0), A(1)),
            "__hfma" => Intrinsic("llvm.fma.f16", _b.Half, A(0), A(1), A(2)),
            "__hneg" => _b.FNeg(A(0)),
            "__float2half" or "__float2half_rn" => _b.Cast(LLVMOpcode.FPTrunc, A(0), _b.Half),
            "hsqrt" => _b.Cast(LLVMOpcode.FPTrunc, Intrinsic("llvm.sqrt.f32", _b.Float, _b.Cast(LLVMOpcode.FPExt, A(0), _b.Float)), _b.Half),
            "hexp" => _b.Cast(LLVMOpcode.FPTrunc, Intrinsic("llvm.exp.f32", _b.Float, _b.Cast(LLVMOpcode.FPExt, A(0), _b.Float)), _b.Half),
            _ => throw IrGenerator.Error(call.Span, $"'{name}' is not supported for __half yet"),
        };
    }
}
