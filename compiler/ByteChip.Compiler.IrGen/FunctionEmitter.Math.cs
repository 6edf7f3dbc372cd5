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

    /// <summary>
    /// Float functions computed in double and rounded once to float: only logbf, which is exact that way (a float's
    /// exponent is its double's). Every other float function has a float sequence (FunctionEmitter.Float*.cs). The fast
    /// intrinsics (__sinf, __expf, ...) keep the ISA approximations, and so does rsqrtf (rsqrt.approx is within 1 ulp,
    /// better than CUDA's 2).
    /// </summary>
    private static readonly HashSet<string> s_floatViaDouble = new(StringComparer.Ordinal)
    {
        "logb",
    };

    private LLVMValueRef MathBuiltin(BoundCall call, string name, LLVMTypeRef ret)
    {
        if (ret == _b.Half)
        {
            return HalfBuiltin(call, name);
        }
        // Each argument is evaluated once, in order.
        var argv = call.Arguments.Select((_, i) => Arg(call, i)).ToArray();
        LLVMValueRef A(int i) => argv[i];
        bool isFloat = ret == _b.Float;
        bool fast = name.StartsWith("__", StringComparison.Ordinal);
        // Normalize: float overloads and fast-math spellings to the C name without the f suffix.
        var baseName = fast && name.EndsWith('f') ? name[2..^1] : name;
        if (baseName.EndsWith('f') && isFloat)
        {
            baseName = baseName[..^1];
        }
        string t = Suffix(ret, _b);
        LLVMValueRef F(double v) => _b.ConstReal(ret, v);
        LLVMValueRef I(string intrinsic, params LLVMValueRef[] a) => Intrinsic($"llvm.{intrinsic}.{t}", ret, a);
        LLVMValueRef Ext(LLVMValueRef v) => LLVMTypeOf(v) == _b.Float ? _b.Cast(LLVMOpcode.FPExt, v, _b.Double) : v;
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
            case "__fadd_rz" or "__fadd_ru" or "__fadd_rd" or "__fsub_rz" or "__fmul_rz" or "__fmul_ru" or "__fmul_rd"
                or "__fdiv_rz" or "__fsqrt_rz" or "__fmaf_rz" or "__fmaf_ru" or "__fmaf_rd":
                return DirectedRounding(name, argv);
            case "__frsqrt_rn":
                return _b.Cast(LLVMOpcode.FPTrunc, DDiv(D(1), Intrinsic("llvm.sqrt.f64", _b.Double, Ext(A(0)))), _b.Float);
            case "sincosf" or "sincos" when LLVMTypeOf(A(0)) == _b.Float:
                FSinCosStore(A(0), A(1), A(2));
                return default;
            case "sincos":
                DSinCosStore(A(0), A(1), A(2), toFloat: false);
                return default;
            case "__sincosf":
            {
                var x = A(0);
                _b.Store(Intrinsic("llvm.sin.f32", _b.Float, x), A(1), 4);
                _b.Store(Intrinsic("llvm.cos.f32", _b.Float, x), A(2), 4);
                return default;
            }
            case "sincospif" or "sincospi" when LLVMTypeOf(A(0)) == _b.Float:
            {
                var (sv, cv) = FSinCosPi(A(0));
                _b.Store(sv, A(1), 4);
                _b.Store(cv, A(2), 4);
                return default;
            }
            case "sincospi":
            {
                var (sv, cv) = DSinCosPi(A(0));
                StoreResult(sv, A(1), toFloat: false);
                StoreResult(cv, A(2), toFloat: false);
                return default;
            }
            case "ldexpf" or "ldexp" or "scalbnf" or "scalbn" or "scalblnf" or "scalbln":
            {
                var n = A(1);
                if (LLVMTypeOf(n) == _b.I64)
                {
                    n = _b.Cast(LLVMOpcode.Trunc, Intrinsic("llvm.smax.i64", _b.I64, Intrinsic("llvm.smin.i64", _b.I64, n, _b.I64Const(100000)), _b.I64Const(-100000)), _b.I32);
                }
                n = Intrinsic("llvm.smax.i32", _b.I32, Intrinsic("llvm.smin.i32", _b.I32, n, _b.I32Const(100000)), _b.I32Const(-100000));
                return Narrow(DLdexp(Ext(A(0)), n), ret);
            }
            case "frexpf" or "frexp":
                return Narrow(DFrexp(Ext(A(0)), A(1)), ret);
            case "modff" or "modf":
                return Narrow(DModf(Ext(A(0)), A(1), isFloat), ret);
            case "ilogbf" or "ilogb":
                return DIlogb(Ext(A(0)));
            case "nextafterf" or "nextafter":
                return NextAfter(A(0), A(1));
            case "fdimf" or "fdim":
                return FDim(A(0), A(1));
            case "lroundf" or "lround" or "llroundf" or "llround" or "lrintf" or "lrint" or "llrintf" or "llrint":
            {
                var v = A(0);
                var rounded = Intrinsic($"llvm.{(name.Contains("round", StringComparison.Ordinal) ? "round" : "rint")}.{Suffix(LLVMTypeOf(v), _b)}", LLVMTypeOf(v), v);
                return _b.Cast(LLVMOpcode.FPToSI, rounded, ret);
            }
            case "j0f" or "j0" or "j1f" or "j1" or "y0f" or "y0" or "y1f" or "y1" or "jnf" or "jn" or "ynf" or "yn":
                throw IrGenerator.Error(call.Span, $"'{name}': the Bessel functions are not implemented by the ByteChip math library");
            case "fmodf" or "fmod" or "remainderf" or "remainder":
                return ExactRemainder(A(0), A(1), round: name.StartsWith("remainder", StringComparison.Ordinal));
        }
        if (!fast && isFloat)
        {
            var f = FloatMath(baseName, i => A(i));
            if (f.Handle != IntPtr.Zero)
            {
                return f;
            }
        }
        if (!fast && (ret == _b.Double || (isFloat && s_floatViaDouble.Contains(baseName))))
        {
            var d = DoubleMath(baseName, i => Ext(A(i)));
            if (d.Handle != IntPtr.Zero)
            {
                return Narrow(d, ret);
            }
        }
        if (s_intrinsics.TryGetValue(baseName, out var intr) && (isFloat || intr is "sqrt" or "fabs" or "floor" or "ceil" or "trunc" or "round" or "rint" or "nearbyint" or "fma" or "minnum" or "maxnum" or "copysign"))
        {
            return I(intr, argv);
        }
        switch (baseName)
        {
            case "rsqrt" when isFloat:
                return _b.CallNamed("rsqrtf", ret, A(0));
            case "fdivide" when isFloat:
                return _b.CallNamed("__fdividef", ret, A(0), A(1));
            case "tan" when isFloat:
            {
                var x = A(0);
                return _b.Binary(LLVMOpcode.FDiv, I("sin", x), I("cos", x));
            }
            case "exp10" when isFloat:
                return I("exp2", _b.Binary(LLVMOpcode.FMul, A(0), F(3.321928094887362)));
            case "saturate" when isFloat:
                return I("minnum", I("maxnum", A(0), F(0)), F(1));
        }
        switch (name)
        {
            case "isnan" or "__isnanf" or "__isnan":
                return Bool(call, _b.FCmp(LLVMRealPredicate.UNO, A(0), A(0)));
            case "isinf" or "__isinff" or "__isinf":
            {
                var a = Intrinsic($"llvm.fabs.{Suffix(LLVMTypeOf(A(0)), _b)}", LLVMTypeOf(A(0)), A(0));
                return Bool(call, _b.FCmp(LLVMRealPredicate.OEQ, a, _b.ConstReal(LLVMTypeOf(a), double.PositiveInfinity)));
            }
            case "isfinite" or "__finitef" or "__finite":
            {
                var a = Intrinsic($"llvm.fabs.{Suffix(LLVMTypeOf(A(0)), _b)}", LLVMTypeOf(A(0)), A(0));
                return Bool(call, _b.FCmp(LLVMRealPredicate.OLT, a, _b.ConstReal(LLVMTypeOf(a), double.PositiveInfinity)));
            }
            case "signbit" or "__signbitf" or "__signbit":
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
        return _b.CallNamed(ret == _b.Double || !isFloat ? name : name.EndsWith('f') ? name : name + "f", ret, argv);
    }

    /// <summary>A double result as the call's type (float: one rounding).</summary>
    private LLVMValueRef Narrow(LLVMValueRef d, LLVMTypeRef ret) => ret == _b.Float ? _b.Cast(LLVMOpcode.FPTrunc, d, _b.Float) : d;

    private LLVMValueRef Bool(BoundCall call, LLVMValueRef i1) =>
        call.Type.Unqualified is BoolType ? i1 : _b.Cast(LLVMOpcode.ZExt, i1, _g.ValueType(call.Type));

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
