using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

public sealed partial class InstructionSelector
{
    private const uint FastMathContract = 0x20;

    private void SelectInstruction(LLVMValueRef inst, LLVMOpcode op)
    {
        switch (op)
        {
            case LLVMOpcode.Add or LLVMOpcode.Sub or LLVMOpcode.Mul or LLVMOpcode.UDiv or LLVMOpcode.SDiv or LLVMOpcode.URem or LLVMOpcode.SRem
                or LLVMOpcode.Shl or LLVMOpcode.LShr or LLVMOpcode.AShr or LLVMOpcode.And or LLVMOpcode.Or or LLVMOpcode.Xor:
                Define(inst, IntegerBinary(inst, op));
                break;
            case LLVMOpcode.FAdd or LLVMOpcode.FSub or LLVMOpcode.FMul or LLVMOpcode.FDiv or LLVMOpcode.FRem:
                Define(inst, FloatBinary(inst, op));
                break;
            case LLVMOpcode.FNeg:
                Define(inst, FloatUnary(inst, LLVMGetOperand(inst, 0), Opcode.NegF32, Opcode.NegF64));
                break;
            case LLVMOpcode.ICmp:
                Define(inst, IntegerCompare(LLVMGetICmpPredicate(inst), LLVMGetOperand(inst, 0), LLVMGetOperand(inst, 1)));
                break;
            case LLVMOpcode.FCmp:
                Define(inst, FloatCompare(LLVMGetFCmpPredicate(inst), LLVMGetOperand(inst, 0), LLVMGetOperand(inst, 1)));
                break;
            case LLVMOpcode.Select:
                SelectSelect(inst);
                break;
            case LLVMOpcode.Trunc or LLVMOpcode.ZExt or LLVMOpcode.SExt or LLVMOpcode.FPToUI or LLVMOpcode.FPToSI or LLVMOpcode.UIToFP
                or LLVMOpcode.SIToFP or LLVMOpcode.FPTrunc or LLVMOpcode.FPExt or LLVMOpcode.PtrToInt or LLVMOpcode.IntToPtr
                or LLVMOpcode.BitCast or LLVMOpcode.AddrSpaceCast:
                SelectCast(inst, op);
                break;
            case LLVMOpcode.Load:
                SelectLoad(inst);
                break;
            case LLVMOpcode.Store:
                SelectStore(inst);
                break;
            case LLVMOpcode.Alloca:
                SelectAlloca(inst);
                break;
            case LLVMOpcode.GetElementPtr:
                _addresses[inst] = Gep(inst);
                break;
            case LLVMOpcode.AtomicRMW:
                SelectAtomicRmw(inst);
                break;
            case LLVMOpcode.AtomicCmpXchg:
                SelectCmpXchg(inst);
                break;
            case LLVMOpcode.Fence:
                Emit(Opcode.Membar).M = (byte)Membar.Gl;
                break;
            case LLVMOpcode.Call:
                SelectCall(inst);
                break;
            case LLVMOpcode.ExtractValue:
                SelectExtractValue(inst);
                break;
            case LLVMOpcode.Freeze:
                var src = LLVMGetOperand(inst, 0);
                if (LLVMGetTypeKind(LLVMTypeOf(src)) == LLVMTypeKind.Pointer)
                {
                    _addresses[inst] = AddressOf(src);
                }
                else
                {
                    Define(inst, Reg(src));
                }
                break;
            default:
                throw Unsupported(BackendErrors.UnsupportedInstruction, $"the instruction '{LlvmText.Print(inst).Trim()}' is not supported by the ByteChip backend");
        }
    }

    // ---------------------------------------------------------------- integers

    private int SignExtend(int reg, int bits) => bits switch
    {
        8 => Unary(Opcode.CvtS32S8, RegClass.R32, reg),
        16 => Unary(Opcode.CvtS32S16, RegClass.R32, reg),
        < 32 => SignExtendGeneric(reg, bits),
        _ => reg,
    };

    private int SignExtendGeneric(int reg, int bits)
    {
        int shifted = BinaryImm(Opcode.ShlB32Imm, RegClass.R32, reg, (uint)(32 - bits));
        return BinaryImm(Opcode.ShrS32Imm, RegClass.R32, shifted, (uint)(32 - bits));
    }

    private int ZeroExtend(int reg, int bits) => bits < 32 ? BinaryImm(Opcode.AndB32Imm, RegClass.R32, reg, (uint)((1UL << bits) - 1)) : reg;

    private int IntegerBinary(LLVMValueRef inst, LLVMOpcode op)
    {
        var lhs = LLVMGetOperand(inst, 0);
        var rhs = LLVMGetOperand(inst, 1);
        var type = LLVMTypeOf(inst);
        int bits = IntBits(type);
        if (bits == 1)
        {
            return op switch
            {
                LLVMOpcode.And or LLVMOpcode.Mul => PredBinary(Opcode.AndPred, Reg(lhs), Reg(rhs)),
                LLVMOpcode.Or => PredBinary(Opcode.OrPred, Reg(lhs), Reg(rhs)),
                LLVMOpcode.Xor or LLVMOpcode.Add or LLVMOpcode.Sub => PredBinary(Opcode.XorPred, Reg(lhs), Reg(rhs)),
                _ => throw Unsupported(BackendErrors.UnsupportedInstruction, $"{op} on i1"),
            };
        }
        bool wide = bits == 64;
        var cls = wide ? RegClass.R64 : RegClass.R32;
        // Operations that read the high bits of 8/16-bit values see them normalised first.
        bool signedRead = op is LLVMOpcode.SDiv or LLVMOpcode.SRem or LLVMOpcode.AShr;
        bool unsignedRead = op is LLVMOpcode.UDiv or LLVMOpcode.URem or LLVMOpcode.LShr;
        int Lhs()
        {
            int r = Reg(lhs);
            return bits < 32 && signedRead ? SignExtend(r, bits) : bits < 32 && unsignedRead ? ZeroExtend(r, bits) : r;
        }
        int Rhs()
        {
            int r = Reg(rhs);
            if (op is LLVMOpcode.Shl or LLVMOpcode.LShr or LLVMOpcode.AShr)
            {
                return wide ? Unary(Opcode.UnpackLoB32, RegClass.R32, r) : bits < 32 ? ZeroExtend(r, bits) : r;
            }
            return bits < 32 && signedRead ? SignExtend(r, bits) : bits < 32 && unsignedRead ? ZeroExtend(r, bits) : r;
        }
        string suffix = wide ? "64" : "32";
        string? immName = op switch
        {
            LLVMOpcode.Add => wide ? "AddU64Imm" : "AddU32Imm",
            LLVMOpcode.Sub when !wide => "SubU32Imm",
            LLVMOpcode.Mul when !wide => "MulLoU32Imm",
            LLVMOpcode.And => wide ? "AndB64Imm" : "AndB32Imm",
            LLVMOpcode.Or when !wide => "OrB32Imm",
            LLVMOpcode.Xor when !wide => "XorB32Imm",
            LLVMOpcode.Shl => $"ShlB{suffix}Imm",
            LLVMOpcode.LShr when bits >= 32 => $"ShrU{suffix}Imm",
            LLVMOpcode.AShr when bits >= 32 => $"ShrS{suffix}Imm",
            _ => null,
        };
        if (immName is not null && TryImm(rhs, wide && op is LLVMOpcode.Add or LLVMOpcode.And ? 64 : 32, out var imm))
        {
            return BinaryImm(Op(immName), cls, Lhs(), imm);
        }
        if (op == LLVMOpcode.Sub && wide && TryConstInt(rhs, out var sub) && sub is > int.MinValue and <= int.MaxValue)
        {
            return BinaryImm(Opcode.AddU64Imm, cls, Lhs(), unchecked((uint)(int)-sub));
        }
        string name = op switch
        {
            LLVMOpcode.Add => $"AddU{suffix}",
            LLVMOpcode.Sub => $"SubU{suffix}",
            LLVMOpcode.Mul => $"MulLoU{suffix}",
            LLVMOpcode.UDiv => $"DivU{suffix}",
            LLVMOpcode.SDiv => $"DivS{suffix}",
            LLVMOpcode.URem => $"RemU{suffix}",
            LLVMOpcode.SRem => $"RemS{suffix}",
            LLVMOpcode.Shl => $"ShlB{suffix}",
            LLVMOpcode.LShr => $"ShrU{suffix}",
            LLVMOpcode.AShr => $"ShrS{suffix}",
            LLVMOpcode.And => $"AndB{suffix}",
            LLVMOpcode.Or => $"OrB{suffix}",
            _ => $"XorB{suffix}",
        };
        return Binary(Op(name), cls, Lhs(), Rhs());
    }

    private int PredBinary(Opcode op, int a, int b)
    {
        int d = NewReg(RegClass.Pred);
        var i = Emit(op);
        i.Pd = d;
        i.Pa = a;
        i.Pb = b;
        return d;
    }

    private int PredNot(int a)
    {
        int d = NewReg(RegClass.Pred);
        var i = Emit(Opcode.NotPred);
        i.Pd = d;
        i.Pa = a;
        return d;
    }

    private int SetpImm(Opcode op, Cmpi cmp, int a, uint imm)
    {
        int p = NewReg(RegClass.Pred);
        var i = Emit(op);
        i.Pd = p;
        i.A = a;
        i.M = (byte)cmp;
        i.Imm = imm;
        return p;
    }

    private int IntegerCompare(LLVMIntPredicate pred, LLVMValueRef lhs, LLVMValueRef rhs)
    {
        var type = LLVMTypeOf(lhs);
        if (LLVMGetTypeKind(type) == LLVMTypeKind.Pointer)
        {
            int pa = Reg(lhs), pb = Reg(rhs);
            bool w = ClassOf(type) == RegClass.R64;
            return Setp(w ? Opcode.SetpU64 : Opcode.SetpU32, (byte)IntCmp(pred), pa, pb);
        }
        int bits = IntBits(type);
        if (bits == 1)
        {
            int x = PredBinary(Opcode.XorPred, Reg(lhs), Reg(rhs));
            return pred switch
            {
                LLVMIntPredicate.NE => x,
                LLVMIntPredicate.EQ => PredNot(x),
                _ => throw Unsupported(BackendErrors.UnsupportedInstruction, "ordered comparison of i1 values"),
            };
        }
        bool signed = pred is LLVMIntPredicate.SGT or LLVMIntPredicate.SGE or LLVMIntPredicate.SLT or LLVMIntPredicate.SLE;
        bool wide = bits == 64;
        int Norm(int r) => bits < 32 ? (signed ? SignExtend(r, bits) : ZeroExtend(r, bits)) : r;
        var cmp = IntCmp(pred);
        string type32 = wide ? (signed ? "S64" : "U64") : (signed ? "S32" : "U32");
        if (TryConstInt(rhs, out var c) && (wide ? c is >= int.MinValue and <= int.MaxValue : true))
        {
            uint imm = bits < 32 ? (signed ? unchecked((uint)(int)c) : unchecked((uint)c) & (uint)((1UL << bits) - 1)) : unchecked((uint)c);
            if (wide && !signed && c < 0)
            {
                // u64 immediates are zero-extended: a negative constant does not fit.
                return Setp(Op($"Setp{type32}"), (byte)cmp, Norm(Reg(lhs)), Reg(rhs));
            }
            return SetpImm(Op($"Setp{type32}Imm"), cmp, Norm(Reg(lhs)), imm);
        }
        return Setp(Op($"Setp{type32}"), (byte)cmp, Norm(Reg(lhs)), Norm(Reg(rhs)));
    }

    private int Setp(Opcode op, byte cmp, int a, int b)
    {
        int p = NewReg(RegClass.Pred);
        var i = Emit(op);
        i.Pd = p;
        i.A = a;
        i.B = b;
        i.M = cmp;
        return p;
    }

    private static Cmpi IntCmp(LLVMIntPredicate pred) => pred switch
    {
        LLVMIntPredicate.EQ => Cmpi.Eq,
        LLVMIntPredicate.NE => Cmpi.Ne,
        LLVMIntPredicate.UGT or LLVMIntPredicate.SGT => Cmpi.Gt,
        LLVMIntPredicate.UGE or LLVMIntPredicate.SGE => Cmpi.Ge,
        LLVMIntPredicate.ULT or LLVMIntPredicate.SLT => Cmpi.Lt,
        _ => Cmpi.Le,
    };

    // ---------------------------------------------------------------- floating point

    private bool IsFloat(LLVMTypeRef t) => LLVMGetTypeKind(t) == LLVMTypeKind.Float;

    private bool IsDouble(LLVMTypeRef t) => LLVMGetTypeKind(t) == LLVMTypeKind.Double;

    /// <summary>f16/bf16 operands are computed in f32 and rounded back.</summary>
    private int ToF32(int reg, LLVMTypeRef t) => LLVMGetTypeKind(t) switch
    {
        LLVMTypeKind.Half => Unary(Opcode.CvtF32F16, RegClass.R32, reg),
        LLVMTypeKind.BFloat => Unary(Opcode.CvtF32Bf16, RegClass.R32, reg),
        _ => reg,
    };

    private int FromF32(int reg, LLVMTypeRef t) => LLVMGetTypeKind(t) switch
    {
        LLVMTypeKind.Half => Unary(Opcode.CvtF16F32, RegClass.R32, reg, (byte)Rnd.Rn),
        LLVMTypeKind.BFloat => Unary(Opcode.CvtBf16F32, RegClass.R32, reg, (byte)Rnd.Rn),
        _ => reg,
    };

    private int FloatUnary(LLVMValueRef inst, LLVMValueRef operand, Opcode f32, Opcode f64)
    {
        var t = LLVMTypeOf(inst);
        if (IsDouble(t))
        {
            return Unary(f64, RegClass.R64, Reg(operand));
        }
        return FromF32(Unary(f32, RegClass.R32, ToF32(Reg(operand), t)), t);
    }

    /// <summary>An fmul with 'contract' whose only use is the contractible fadd/fsub <paramref name="user"/> in the same block.</summary>
    private bool IsContractibleMul(LLVMValueRef value, LLVMValueRef user)
    {
        if (LLVMIsAInstruction(value).IsNull || LLVMGetInstructionOpcode(value) != LLVMOpcode.FMul || _ir.UseCount(value) != 1)
        {
            return false;
        }
        var t = LLVMTypeOf(value);
        return (IsFloat(t) || IsDouble(t))
            && LLVMCanValueUseFastMathFlags(value) != 0 && (LLVMGetFastMathFlags(value) & FastMathContract) != 0
            && LLVMCanValueUseFastMathFlags(user) != 0 && (LLVMGetFastMathFlags(user) & FastMathContract) != 0
            && _ir.BlockOfInstruction(value) == _ir.BlockOfInstruction(user);
    }

    /// <summary>The multiply an fadd/fsub fuses with: its left operand if contractible, else its right one, else none.</summary>
    private LLVMValueRef FusedMulOf(LLVMValueRef user)
    {
        if (LLVMIsAInstruction(user).IsNull || LLVMGetInstructionOpcode(user) is not (LLVMOpcode.FAdd or LLVMOpcode.FSub))
        {
            return default;
        }
        var lhs = LLVMGetOperand(user, 0);
        var rhs = LLVMGetOperand(user, 1);
        return IsContractibleMul(lhs, user) ? lhs : IsContractibleMul(rhs, user) ? rhs : default;
    }

    /// <summary>True when an fmul will be fused into its single user, so it emits nothing itself.</summary>
    private bool IsFusedAway(LLVMValueRef fmul)
    {
        if (_ir.UseCount(fmul) != 1)
        {
            return false;
        }
        var use = LLVMGetFirstUse(fmul);
        return use != 0 && FusedMulOf(LLVMGetUser(use)) == fmul;
    }

    private int FloatBinary(LLVMValueRef inst, LLVMOpcode op)
    {
        var type = LLVMTypeOf(inst);
        var lhs = LLVMGetOperand(inst, 0);
        var rhs = LLVMGetOperand(inst, 1);
        bool f64 = IsDouble(type);
        var cls = f64 ? RegClass.R64 : RegClass.R32;
        string s = f64 ? "F64" : "F32";
        bool half = !f64 && !IsFloat(type);
        int R(LLVMValueRef v) => half ? ToF32(Reg(v), type) : Reg(v);
        if (op == LLVMOpcode.FMul && IsFusedAway(inst))
        {
            return MInst.None; // folded into its fma user
        }
        int result;
        if (op is LLVMOpcode.FAdd or LLVMOpcode.FSub && FusedMulOf(inst) is var mul && !mul.IsNull)
        {
            // a*b + c, c + a*b, a*b - c, c - a*b
            bool mulLeft = mul == lhs;
            var other = mulLeft ? rhs : lhs;
            int ma = Reg(LLVMGetOperand(mul, 0)), mb = Reg(LLVMGetOperand(mul, 1)), c = Reg(other);
            if (op == LLVMOpcode.FSub)
            {
                if (mulLeft)
                {
                    c = Unary(f64 ? Opcode.NegF64 : Opcode.NegF32, cls, c);
                }
                else
                {
                    ma = Unary(f64 ? Opcode.NegF64 : Opcode.NegF32, cls, ma);
                }
            }
            return Ternary(f64 ? Opcode.FmaF64 : Opcode.FmaF32, cls, ma, mb, c);
        }
        if (op == LLVMOpcode.FRem)
        {
            // fmod: a - trunc(a / b) * b, exact when the quotient's integer part is exact.
            int a = R(lhs), b = R(rhs);
            int q = Binary(Op($"Div{s}"), cls, a, b);
            int t = Unary(f64 ? Opcode.RndiF64 : Opcode.RndiF32, cls, q, (byte)Rndi.Rzi);
            int nb = Unary(Op($"Neg{s}"), cls, b);
            result = Ternary(Op($"Fma{s}"), cls, t, nb, a);
        }
        else if (!f64 && !half && op is LLVMOpcode.FAdd or LLVMOpcode.FMul && TryImm(rhs, 32, out var imm))
        {
            result = BinaryImm(op == LLVMOpcode.FAdd ? Opcode.AddF32Imm : Opcode.MulF32Imm, cls, R(lhs), imm);
        }
        else
        {
            string name = op switch
            {
                LLVMOpcode.FAdd => "Add",
                LLVMOpcode.FSub => "Sub",
                LLVMOpcode.FMul => "Mul",
                _ => "Div",
            };
            result = Binary(Op(name + s), cls, R(lhs), R(rhs));
        }
        return half ? FromF32(result, type) : result;
    }

    private int FloatCompare(LLVMRealPredicate pred, LLVMValueRef lhs, LLVMValueRef rhs)
    {
        if (pred is LLVMRealPredicate.False or LLVMRealPredicate.True)
        {
            return PredConst(pred == LLVMRealPredicate.True);
        }
        var type = LLVMTypeOf(lhs);
        bool f64 = IsDouble(type);
        Cmpf cmp = pred switch
        {
            LLVMRealPredicate.OEQ => Cmpf.Eq,
            LLVMRealPredicate.OGT => Cmpf.Gt,
            LLVMRealPredicate.OGE => Cmpf.Ge,
            LLVMRealPredicate.OLT => Cmpf.Lt,
            LLVMRealPredicate.OLE => Cmpf.Le,
            LLVMRealPredicate.ONE => Cmpf.Ne,
            LLVMRealPredicate.ORD => Cmpf.Num,
            LLVMRealPredicate.UNO => Cmpf.Nan,
            LLVMRealPredicate.UEQ => Cmpf.Equ,
            LLVMRealPredicate.UGT => Cmpf.Gtu,
            LLVMRealPredicate.UGE => Cmpf.Geu,
            LLVMRealPredicate.ULT => Cmpf.Ltu,
            LLVMRealPredicate.ULE => Cmpf.Leu,
            _ => Cmpf.Neu,
        };
        if (!f64 && IsFloat(type) && TryImm(rhs, 32, out var imm) && LLVMGetValueKind(rhs) == LLVMValueKind.ConstantFP)
        {
            int p = NewReg(RegClass.Pred);
            int left = Reg(lhs);
            var i = Emit(Opcode.SetpF32Imm);
            i.Pd = p;
            i.A = left;
            i.Imm = imm;
            i.M = (byte)cmp;
            return p;
        }
        int a = f64 ? Reg(lhs) : ToF32(Reg(lhs), type);
        int b = f64 ? Reg(rhs) : ToF32(Reg(rhs), type);
        return Setp(f64 ? Opcode.SetpF64 : Opcode.SetpF32, (byte)cmp, a, b);
    }

    // ---------------------------------------------------------------- select

    private int Selp(RegClass cls, int a, int b, int pred)
    {
        if (cls == RegClass.Pred)
        {
            return PredBinary(Opcode.OrPred, PredBinary(Opcode.AndPred, pred, a), PredBinary(Opcode.AndPred, PredNot(pred), b));
        }
        int d = NewReg(cls);
        var i = Emit(cls == RegClass.R64 ? Opcode.SelpB64 : Opcode.SelpB32);
        i.D = d;
        i.A = a;
        i.B = b;
        i.C = pred;
        return d;
    }

    private void SelectSelect(LLVMValueRef inst)
    {
        var type = LLVMTypeOf(inst);
        var cond = LLVMGetOperand(inst, 0);
        if (LLVMGetTypeKind(LLVMTypeOf(cond)) == LLVMTypeKind.Vector)
        {
            throw Unsupported(BackendErrors.UnsupportedType, "vector selects are not supported");
        }
        int c = Reg(cond);
        if (LLVMGetTypeKind(type) == LLVMTypeKind.Pointer)
        {
            var a = AddressOf(LLVMGetOperand(inst, 1));
            var b = AddressOf(LLVMGetOperand(inst, 2));
            uint space = LLVMGetPointerAddressSpace(type);
            if (a.Space == b.Space)
            {
                int va = ValueIn(a), vb = ValueIn(b);
                int d = Selp(a.Is64 ? RegClass.R64 : RegClass.R32, va, vb, c);
                _addresses[inst] = new Address(a.Space, d, 0);
                return;
            }
            int r = Selp(ClassOf(type), Materialize(a, space), Materialize(b, space), c);
            _addresses[inst] = FromRegister(r, SpaceOf(space));
            return;
        }
        if (ClassOf(type) == RegClass.Pred && PredicateSelect(c, LLVMGetOperand(inst, 1), LLVMGetOperand(inst, 2)) is int logic)
        {
            Define(inst, logic);
            return;
        }
        Define(inst, Selp(ClassOf(type), Reg(LLVMGetOperand(inst, 1)), Reg(LLVMGetOperand(inst, 2)), c));
    }

    /// <summary>
    /// <c>select i1 c, true, b</c> is how LLVM writes a short-circuit <c>c || b</c> (and <c>select c, b, false</c>
    /// <c>c &amp;&amp; b</c>): one predicate operation instead of the general and/or/not select. Null when neither arm is
    /// a constant.
    /// </summary>
    private int? PredicateSelect(int c, LLVMValueRef whenTrue, LLVMValueRef whenFalse)
    {
        bool t = TryConstInt(whenTrue, out long tv), f = TryConstInt(whenFalse, out long fv);
        return (t, f) switch
        {
            (true, true) when tv != 0 && fv == 0 => c,
            (true, true) when tv == 0 && fv != 0 => PredNot(c),
            (true, _) when tv != 0 => PredBinary(Opcode.OrPred, c, Reg(whenFalse)),
            (true, _) => PredBinary(Opcode.AndPred, PredNot(c), Reg(whenFalse)),
            (_, true) when fv == 0 => PredBinary(Opcode.AndPred, c, Reg(whenTrue)),
            (_, true) => PredBinary(Opcode.OrPred, PredNot(c), Reg(whenTrue)),
            _ => null,
        };
    }
}
