using ByteChip.Compiler.Llvm;
using ByteChip.Compiler.Semantics;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

internal sealed partial class FunctionEmitter
{
    private LLVMValueRef Call(BoundCall call)
    {
        if (call.Function.IsBuiltin)
        {
            return Builtin(call);
        }
        var receiver = call.Receiver is null ? default : EmitValue(call.Receiver);
        return CallFunction(call.Function, receiver, call.Arguments, call.Span);
    }

    /// <summary>Calls a user function: aggregates by pointer to a copy, an sret temporary for aggregate results, 'this' first.</summary>
    private LLVMValueRef CallFunction(FunctionSymbol f, LLVMValueRef receiver, IReadOnlyList<BoundExpression> arguments, SourceSpan span)
    {
        if (f.IsKernel)
        {
            throw IrGenerator.Error(span, $"kernel '{f.DisplayName}' cannot be called from device code (dynamic parallelism is not supported)");
        }
        var fn = _g.FunctionOf(f, span);
        var args = new List<LLVMValueRef>();
        LLVMValueRef sret = default;
        if (IrGenerator.IsAggregate(f.Type.Return))
        {
            sret = Temporary(f.Type.Return);
            args.Add(sret);
        }
        if (f.DeclaringStruct is not null && !f.IsStatic)
        {
            args.Add(receiver.IsNull ? _this : receiver);
        }
        for (int i = 0; i < arguments.Count; i++)
        {
            var type = i < f.Parameters.Length ? f.Parameters[i].Type : arguments[i].Type;
            if (IrGenerator.IsAggregate(type))
            {
                var copy = Temporary(type);
                Store(copy, type, arguments[i]);
                args.Add(copy);
            }
            else
            {
                args.Add(EmitValue(arguments[i]));
            }
        }
        var fnType = LLVMGlobalGetValueType(fn);
        SetLocation(span);
        var result = _b.Call(fnType, fn, [.. args]);
        return sret.IsNull ? result : sret;
    }

    private LLVMValueRef Arg(BoundCall call, int index) => EmitValue(call.Arguments[index]);

    private LLVMValueRef Sreg(string name) => _b.CallNamed("llvm.nvvm.read.ptx.sreg." + name, _b.I32);

    private LLVMValueRef SpecialRegister(string variable, int index)
    {
        string axis = index switch { 0 => "x", 1 => "y", _ => "z" };
        return variable switch
        {
            "threadIdx" => Sreg("tid." + axis),
            "blockIdx" => Sreg("ctaid." + axis),
            "blockDim" => Sreg("ntid." + axis),
            "gridDim" => Sreg("nctaid." + axis),
            _ => throw new InvalidOperationException($"unknown built-in variable {variable}"),
        };
    }

    private LLVMValueRef BuiltinVariable(BoundVariable v)
    {
        if (v.Variable.Name == "warpSize")
        {
            return _b.I32Const(32);
        }
        // threadIdx (etc.) used whole: a uint3 temporary.
        var temp = Temporary(v.Type);
        for (int i = 0; i < 3; i++)
        {
            _b.Store(SpecialRegister(v.Variable.Name, i), _b.ByteOffset(temp, 4 * i), 4);
        }
        return temp;
    }

    private LLVMValueRef Intrinsic(string name, LLVMTypeRef ret, params LLVMValueRef[] args) => _b.CallNamed(name, ret, args);

    private static string Suffix(LLVMTypeRef t, LlvmBuilder b) =>
        t == b.Float ? "f32" : t == b.Double ? "f64" : t == b.Half ? "f16" : t == b.I64 ? "i64" : t == b.I16 ? "i16" : t == b.I8 ? "i8" : "i32";

    private LLVMValueRef Builtin(BoundCall call)
    {
        var name = call.Function.Name;
        var args = call.Arguments;
        var ret = _g.ValueType(call.Type);
        switch (name)
        {
            case "__syncthreads":
                Intrinsic("llvm.nvvm.barrier0", _b.Void);
                return default;
            case "__syncthreads_count":
                return Intrinsic("llvm.nvvm.barrier0.popc", _b.I32, Arg(call, 0));
            case "__syncthreads_and":
                return Intrinsic("llvm.nvvm.barrier0.and", _b.I32, Arg(call, 0));
            case "__syncthreads_or":
                return Intrinsic("llvm.nvvm.barrier0.or", _b.I32, Arg(call, 0));
            case "__syncwarp":
                Intrinsic("llvm.nvvm.bar.warp.sync", _b.Void, args.Length > 0 ? Arg(call, 0) : _b.I32Const(-1));
                return default;
            case "__threadfence":
                Intrinsic("llvm.nvvm.membar.gl", _b.Void);
                return default;
            case "__threadfence_block":
                Intrinsic("llvm.nvvm.membar.cta", _b.Void);
                return default;
            case "__threadfence_system":
                Intrinsic("llvm.nvvm.membar.sys", _b.Void);
                return default;
            case "__trap":
                Intrinsic("llvm.trap", _b.Void);
                return default;
            case "__brkpt":
                return default;
            case "clock":
                return Sreg("clock");
            case "clock64":
                return Intrinsic("llvm.nvvm.read.ptx.sreg.clock64", _b.I64);
            case "__activemask":
                return Intrinsic("llvm.nvvm.activemask", _b.I32);
            case "__lanemask_lt":
                return Sreg("lanemask.lt");
            case "__ldg":
                return Load(Arg(call, 0), call.Type);
            case "this_thread_block":
                return Temporary(call.Type);
            case "sync" when call.Function.DeclaringStruct is not null || args.Length == 1:
                Intrinsic("llvm.nvvm.barrier0", _b.Void);
                return default;
            case "thread_rank":
            {
                var x = Sreg("tid.x");
                var y = Sreg("tid.y");
                var z = Sreg("tid.z");
                var nx = Sreg("ntid.x");
                var ny = Sreg("ntid.y");
                var yz = _b.Binary(LLVMOpcode.Add, _b.Binary(LLVMOpcode.Mul, z, ny), y);
                return _b.Binary(LLVMOpcode.Add, _b.Binary(LLVMOpcode.Mul, yz, nx), x);
            }
            case "size" or "num_threads":
                return _b.Binary(LLVMOpcode.Mul, _b.Binary(LLVMOpcode.Mul, Sreg("ntid.x"), Sreg("ntid.y")), Sreg("ntid.z"));
        }
        if (name.StartsWith("atomic", StringComparison.Ordinal))
        {
            return Atomic(call, name);
        }
        if (name.StartsWith("__shfl", StringComparison.Ordinal))
        {
            return Shuffle(call, name);
        }
        if (name is "__ballot_sync" or "__any_sync" or "__all_sync" or "__ballot" or "__any" or "__all")
        {
            bool sync = name.EndsWith("_sync", StringComparison.Ordinal);
            var mask = sync ? Arg(call, 0) : _b.I32Const(-1);
            var pred = ToBool(EmitValue(args[sync ? 1 : 0]), args[sync ? 1 : 0].Type);
            var kind = name.TrimStart('_').Replace("_sync", "");
            if (kind == "ballot")
            {
                return Intrinsic("llvm.nvvm.vote.ballot.sync", _b.I32, mask, pred);
            }
            return _b.Cast(LLVMOpcode.ZExt, Intrinsic($"llvm.nvvm.vote.{kind}.sync", _b.I1, mask, pred), _b.I32);
        }
        if (IntegerBuiltin(call, name, ret) is { IsNull: false } ib)
        {
            return ib;
        }
        return MathBuiltin(call, name, ret);
    }

    private LLVMValueRef Atomic(BoundCall call, string name)
    {
        var pointer = Arg(call, 0);
        var valueType = ((PointerType)call.Arguments[0].Type.Unqualified).Pointee.Unqualified;
        bool isFloat = valueType is FloatType;
        bool signed = valueType is IntegerType { IsSigned: true };
        if (name == "atomicCAS")
        {
            var pair = _b.CmpXchg(pointer, Arg(call, 1), Arg(call, 2));
            return _b.ExtractValue(pair, 0);
        }
        var value = Arg(call, 1);
        LLVMAtomicRMWBinOp op = name switch
        {
            "atomicAdd" => isFloat ? LLVMAtomicRMWBinOp.FAdd : LLVMAtomicRMWBinOp.Add,
            "atomicSub" => isFloat ? LLVMAtomicRMWBinOp.FSub : LLVMAtomicRMWBinOp.Sub,
            "atomicExch" => LLVMAtomicRMWBinOp.Xchg,
            "atomicMin" => signed ? LLVMAtomicRMWBinOp.Min : LLVMAtomicRMWBinOp.UMin,
            "atomicMax" => signed ? LLVMAtomicRMWBinOp.Max : LLVMAtomicRMWBinOp.UMax,
            "atomicInc" => LLVMAtomicRMWBinOp.UIncWrap,
            "atomicDec" => LLVMAtomicRMWBinOp.UDecWrap,
            "atomicAnd" => LLVMAtomicRMWBinOp.And,
            "atomicOr" => LLVMAtomicRMWBinOp.Or,
            "atomicXor" => LLVMAtomicRMWBinOp.Xor,
            _ => throw IrGenerator.Error(call.Span, $"'{name}' is not supported"),
        };
        return _b.AtomicRmw(op, pointer, value);
    }

    /// <summary>__shfl*_sync: c = ((32 - width) &lt;&lt; 8) | clamp (31, or 0 for up); 64-bit values as two 32-bit halves.</summary>
    private LLVMValueRef Shuffle(BoundCall call, string name)
    {
        bool sync = name.EndsWith("_sync", StringComparison.Ordinal);
        int k = sync ? 1 : 0;
        var mask = sync ? Arg(call, 0) : _b.I32Const(-1);
        var value = Arg(call, k);
        var b = _b.Cast(LLVMOpcode.BitCast, Arg(call, k + 1), _b.I32);
        var width = call.Arguments.Length > k + 2 ? Arg(call, k + 2) : _b.I32Const(32);
        string mode = name.Contains("_up", StringComparison.Ordinal) ? "up" : name.Contains("_down", StringComparison.Ordinal) ? "down" : name.Contains("_xor", StringComparison.Ordinal) ? "bfly" : "idx";
        var seg = _b.Binary(LLVMOpcode.Shl, _b.Binary(LLVMOpcode.Sub, _b.I32Const(32), width), _b.I32Const(8));
        var c = mode == "up" ? seg : _b.Binary(LLVMOpcode.Or, seg, _b.I32Const(31));
        var intrinsic = $"llvm.nvvm.shfl.sync.{mode}.i32";
        var type = LLVMTypeOf(value);
        if (type == _b.I64 || type == _b.Double)
        {
            var bits = _b.Cast(LLVMOpcode.BitCast, value, _b.I64);
            var lo = Intrinsic(intrinsic, _b.I32, mask, _b.Cast(LLVMOpcode.Trunc, bits, _b.I32), b, c);
            var hi = Intrinsic(intrinsic, _b.I32, mask, _b.Cast(LLVMOpcode.Trunc, _b.Binary(LLVMOpcode.LShr, bits, _b.I64Const(32)), _b.I32), b, c);
            var joined = _b.Binary(LLVMOpcode.Or, _b.Cast(LLVMOpcode.ZExt, lo, _b.I64), _b.Binary(LLVMOpcode.Shl, _b.Cast(LLVMOpcode.ZExt, hi, _b.I64), _b.I64Const(32)));
            return _b.Cast(LLVMOpcode.BitCast, joined, type);
        }
        var r = Intrinsic(intrinsic, _b.I32, mask, _b.Cast(LLVMOpcode.BitCast, value, _b.I32), b, c);
        return _b.Cast(LLVMOpcode.BitCast, r, type);
    }

    private LLVMValueRef IntegerBuiltin(BoundCall call, string name, LLVMTypeRef ret)
    {
        var args = call.Arguments;
        bool Unsigned(int i) => args[i].Type.Unqualified is IntegerType { IsSigned: false };
        switch (name)
        {
            case "min" or "max" or "umin" or "umax" or "llmin" or "llmax" or "ullmin" or "ullmax" when call.Type.Unqualified is IntegerType:
            {
                bool isMin = name.EndsWith("min", StringComparison.Ordinal);
                bool u = Unsigned(0) || name.StartsWith('u');
                return Intrinsic($"llvm.{(u ? "u" : "s")}{(isMin ? "min" : "max")}.{Suffix(ret, _b)}", ret, Arg(call, 0), Arg(call, 1));
            }
            case "abs" or "llabs" when call.Type.Unqualified is IntegerType:
                return Intrinsic($"llvm.abs.{Suffix(ret, _b)}", ret, Arg(call, 0), _b.ConstInt(_b.I1, 0));
            case "__popc" or "__popcll":
            {
                var v = Arg(call, 0);
                var r = Intrinsic($"llvm.ctpop.{Suffix(LLVMTypeOf(v), _b)}", LLVMTypeOf(v), v);
                return LLVMTypeOf(r) == ret ? r : _b.Cast(LLVMOpcode.Trunc, r, ret);
            }
            case "__clz" or "__clzll":
            {
                var v = Arg(call, 0);
                var r = Intrinsic($"llvm.ctlz.{Suffix(LLVMTypeOf(v), _b)}", LLVMTypeOf(v), v, _b.ConstInt(_b.I1, 0));
                return LLVMTypeOf(r) == ret ? r : _b.Cast(LLVMOpcode.Trunc, r, ret);
            }
            case "__ffs" or "__ffsll":
            {
                var v = Arg(call, 0);
                var t = LLVMTypeOf(v);
                var tz = Intrinsic($"llvm.cttz.{Suffix(t, _b)}", t, v, _b.ConstInt(_b.I1, 0));
                var one = _b.Binary(LLVMOpcode.Add, tz, _b.ConstInt(t, 1));
                var r = _b.Select(_b.ICmp(LLVMIntPredicate.EQ, v, _b.ConstInt(t, 0)), _b.ConstInt(t, 0), one);
                return LLVMTypeOf(r) == ret ? r : _b.Cast(LLVMOpcode.Trunc, r, ret);
            }
            case "__brev" or "__brevll":
                return Intrinsic($"llvm.bitreverse.{Suffix(ret, _b)}", ret, Arg(call, 0));
            case "__mul24" or "__umul24":
            {
                bool u = name == "__umul24";
                LLVMValueRef Low24(LLVMValueRef v) => u ? _b.Binary(LLVMOpcode.And, v, _b.I32Const(0xFFFFFF)) : _b.Binary(LLVMOpcode.AShr, _b.Binary(LLVMOpcode.Shl, v, _b.I32Const(8)), _b.I32Const(8));
                return _b.Binary(LLVMOpcode.Mul, Low24(Arg(call, 0)), Low24(Arg(call, 1)));
            }
            case "__mulhi" or "__umulhi":
            {
                var op = name == "__umulhi" ? LLVMOpcode.ZExt : LLVMOpcode.SExt;
                var p = _b.Binary(LLVMOpcode.Mul, _b.Cast(op, Arg(call, 0), _b.I64), _b.Cast(op, Arg(call, 1), _b.I64));
                return _b.Cast(LLVMOpcode.Trunc, _b.Binary(LLVMOpcode.LShr, p, _b.I64Const(32)), _b.I32);
            }
            case "__sad" or "__usad":
            {
                var x = Arg(call, 0);
                var y = Arg(call, 1);
                bool u = name == "__usad";
                var gt = _b.ICmp(u ? LLVMIntPredicate.UGT : LLVMIntPredicate.SGT, x, y);
                var diff = _b.Select(gt, _b.Binary(LLVMOpcode.Sub, x, y), _b.Binary(LLVMOpcode.Sub, y, x));
                return _b.Binary(LLVMOpcode.Add, diff, Arg(call, 2));
            }
            case "__funnelshift_l":
                return Intrinsic("llvm.fshl.i32", _b.I32, Arg(call, 1), Arg(call, 0), Arg(call, 2));
            case "__funnelshift_r":
                return Intrinsic("llvm.fshr.i32", _b.I32, Arg(call, 1), Arg(call, 0), Arg(call, 2));
            case "__hadd" or "__rhadd" when call.Type.Unqualified is IntegerType:
            {
                var sum = _b.Binary(LLVMOpcode.Add, _b.Cast(LLVMOpcode.SExt, Arg(call, 0), _b.I64), _b.Cast(LLVMOpcode.SExt, Arg(call, 1), _b.I64));
                if (name == "__rhadd")
                {
                    sum = _b.Binary(LLVMOpcode.Add, sum, _b.I64Const(1));
                }
                return _b.Cast(LLVMOpcode.Trunc, _b.Binary(LLVMOpcode.AShr, sum, _b.I64Const(1)), _b.I32);
            }
            case "__dp4a":
                // The backend maps these to the dp4a instruction and rejects them on targets without it.
                return _b.CallNamed(call.Type.Unqualified is IntegerType { IsSigned: true } ? "__bytechip_dp4a_s32" : "__bytechip_dp4a_u32", _b.I32, Arg(call, 0), Arg(call, 1), Arg(call, 2));
            case "__int_as_float" or "__uint_as_float" or "__float_as_int" or "__float_as_uint" or "__longlong_as_double" or "__double_as_longlong":
                return _b.Cast(LLVMOpcode.BitCast, Arg(call, 0), ret);
        }
        return default;
    }
}
