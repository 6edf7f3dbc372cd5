using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

public sealed partial class InstructionSelector
{
    private static string FloatName(LLVMTypeKind kind) => kind switch
    {
        LLVMTypeKind.Half => "F16",
        LLVMTypeKind.BFloat => "Bf16",
        LLVMTypeKind.Float => "F32",
        _ => "F64",
    };

    private void SelectCast(LLVMValueRef inst, LLVMOpcode op)
    {
        var src = LLVMGetOperand(inst, 0);
        var from = LLVMTypeOf(src);
        var to = LLVMTypeOf(inst);
        int fromBits = IntBits(from), toBits = IntBits(to);
        switch (op)
        {
            case LLVMOpcode.AddrSpaceCast:
                _addresses[inst] = CastAddress(AddressOf(src), LLVMGetPointerAddressSpace(to));
                return;
            case LLVMOpcode.BitCast when LLVMGetTypeKind(to) == LLVMTypeKind.Pointer:
                _addresses[inst] = AddressOf(src);
                return;
            case LLVMOpcode.BitCast:
                if (LLVMGetTypeKind(to) == LLVMTypeKind.Vector || LLVMGetTypeKind(from) == LLVMTypeKind.Vector)
                {
                    throw Unsupported(BackendErrors.UnsupportedType, "bitcasts of vectors are not supported");
                }
                Define(inst, Reg(src));
                return;
            case LLVMOpcode.PtrToInt:
            {
                int p = Reg(src);
                bool p64 = ClassOf(from) == RegClass.R64;
                Define(inst, toBits == 64 ? (p64 ? p : Unary(Opcode.CvtU64U32, RegClass.R64, p)) : (p64 ? Unary(Opcode.UnpackLoB32, RegClass.R32, p) : p));
                return;
            }
            case LLVMOpcode.IntToPtr:
            {
                int v = Reg(src);
                bool want64 = ClassOf(to) == RegClass.R64;
                v = want64 ? (fromBits == 64 ? v : Unary(Opcode.CvtU64U32, RegClass.R64, ZeroExtend(v, fromBits))) : (fromBits == 64 ? Unary(Opcode.UnpackLoB32, RegClass.R32, v) : v);
                _addresses[inst] = FromRegister(v, SpaceOf(LLVMGetPointerAddressSpace(to)));
                return;
            }
            case LLVMOpcode.Trunc when toBits == 32 && fromBits == 64 && HighMultiply(src) is { } mulhi:
                Define(inst, Binary(mulhi.Signed ? Opcode.MulhiS32 : Opcode.MulhiU32, RegClass.R32, Reg(mulhi.A), Reg(mulhi.B)));
                return;
            case LLVMOpcode.Trunc:
            {
                int v = Reg(src);
                if (toBits == 1)
                {
                    int low = fromBits == 64 ? Unary(Opcode.UnpackLoB32, RegClass.R32, v) : v;
                    Define(inst, SetpImm(Opcode.SetpU32Imm, Cmpi.Ne, BinaryImm(Opcode.AndB32Imm, RegClass.R32, low, 1), 0));
                }
                else
                {
                    Define(inst, fromBits == 64 && toBits <= 32 ? Unary(Opcode.UnpackLoB32, RegClass.R32, v) : v);
                }
                return;
            }
            case LLVMOpcode.ZExt or LLVMOpcode.SExt:
            {
                bool signed = op == LLVMOpcode.SExt;
                int v = Reg(src);
                if (fromBits == 1)
                {
                    var cls = toBits == 64 ? RegClass.R64 : RegClass.R32;
                    int one = toBits == 64 ? MovImm64(signed ? ulong.MaxValue : 1) : MovImm32(signed ? uint.MaxValue : 1);
                    Define(inst, Selp(cls, one, MInst.None, v));
                    return;
                }
                if (toBits <= 32)
                {
                    Define(inst, signed ? SignExtend(v, fromBits) : ZeroExtend(v, fromBits));
                    return;
                }
                if (fromBits == 64)
                {
                    Define(inst, v);
                    return;
                }
                v = signed ? SignExtend(v, fromBits) : ZeroExtend(v, fromBits);
                Define(inst, Unary(signed ? Opcode.CvtS64S32 : Opcode.CvtU64U32, RegClass.R64, v));
                return;
            }
            case LLVMOpcode.FPToSI or LLVMOpcode.FPToUI:
            {
                bool signed = op == LLVMOpcode.FPToSI;
                var fk = LLVMGetTypeKind(from);
                string dst = toBits == 64 ? (signed ? "S64" : "U64") : (signed ? "S32" : "U32");
                var cls = toBits == 64 ? RegClass.R64 : RegClass.R32;
                // fptosi(rint/floor/ceil/trunc(x)) is one conversion in that rounding direction.
                var (operand, mode) = RoundingOf(src);
                int r = Unary(Op($"Cvt{dst}{FloatName(fk)}"), cls, Reg(operand), (byte)mode);
                Define(inst, toBits == 1 ? SetpImm(Opcode.SetpU32Imm, Cmpi.Ne, r, 0) : r);
                return;
            }
            case LLVMOpcode.SIToFP or LLVMOpcode.UIToFP:
            {
                bool signed = op == LLVMOpcode.SIToFP;
                int v = Reg(src);
                if (fromBits == 1)
                {
                    v = Selp(RegClass.R32, MovImm32(signed ? uint.MaxValue : 1), MInst.None, v);
                    fromBits = 32;
                }
                else if (fromBits < 32)
                {
                    v = signed ? SignExtend(v, fromBits) : ZeroExtend(v, fromBits);
                }
                string srcName = fromBits == 64 ? (signed ? "S64" : "U64") : (signed ? "S32" : "U32");
                var tk = LLVMGetTypeKind(to);
                Define(inst, Unary(Op($"Cvt{FloatName(tk)}{srcName}"), ClassOf(to), v, (byte)Rnd.Rn));
                return;
            }
            case LLVMOpcode.FPExt or LLVMOpcode.FPTrunc:
            {
                var fk = LLVMGetTypeKind(from);
                var tk = LLVMGetTypeKind(to);
                if (fk == tk)
                {
                    Define(inst, Reg(src));
                    return;
                }
                Define(inst, Unary(Op($"Cvt{FloatName(tk)}{FloatName(fk)}"), ClassOf(to), Reg(src), (byte)Rnd.Rn));
                return;
            }
        }
        throw Unsupported(BackendErrors.UnsupportedInstruction, $"cast {op} from {LlvmText.Print(from)} to {LlvmText.Print(to)}");
    }

    /// <summary>A call of an LLVM rounding intrinsic: its operand and the matching conversion rounding; otherwise the value and rzi.</summary>
    private (LLVMValueRef Operand, Rndi Mode) RoundingOf(LLVMValueRef v)
    {
        if (!LLVMIsAInstruction(v).IsNull && LLVMGetInstructionOpcode(v) == LLVMOpcode.Call && !LLVMIsAFunction(LLVMGetCalledValue(v)).IsNull)
        {
            var name = LlvmText.NameOf(LLVMGetCalledValue(v));
            Rndi? mode = name.Split('.') is [_, var kind, ..] && name.StartsWith("llvm.", StringComparison.Ordinal) ? kind switch
            {
                "rint" or "nearbyint" or "roundeven" => Rndi.Rni,
                "floor" => Rndi.Rmi,
                "ceil" => Rndi.Rpi,
                "trunc" => Rndi.Rzi,
                _ => null,
            } : null;
            if (mode is { } m)
            {
                return (LLVMGetOperand(v, 0), m);
            }
        }
        return (v, Rndi.Rzi);
    }

    /// <summary>trunc(lshr(mul(ext a, ext b), 32)) with 32-bit a, b extended the same way: the high half of a 32x32 product.</summary>
    private static (LLVMValueRef A, LLVMValueRef B, bool Signed)? HighMultiply(LLVMValueRef v)
    {
        static bool Is(LLVMValueRef x, LLVMOpcode op) => !LLVMIsAInstruction(x).IsNull && LLVMGetInstructionOpcode(x) == op;
        if (!Is(v, LLVMOpcode.LShr) || !TryConstInt(LLVMGetOperand(v, 1), out var shift) || shift != 32)
        {
            return null;
        }
        var mul = LLVMGetOperand(v, 0);
        if (!Is(mul, LLVMOpcode.Mul))
        {
            return null;
        }
        var a = LLVMGetOperand(mul, 0);
        var b = LLVMGetOperand(mul, 1);
        foreach (var ext in new[] { LLVMOpcode.ZExt, LLVMOpcode.SExt })
        {
            if (Is(a, ext) && Is(b, ext) && IntBits(LLVMTypeOf(LLVMGetOperand(a, 0))) == 32 && IntBits(LLVMTypeOf(LLVMGetOperand(b, 0))) == 32)
            {
                return (LLVMGetOperand(a, 0), LLVMGetOperand(b, 0), ext == LLVMOpcode.SExt);
            }
        }
        return null;
    }

    private void SelectExtractValue(LLVMValueRef inst)
    {
        var aggregate = LLVMGetOperand(inst, 0);
        unsafe
        {
            uint n = LLVMGetNumIndices(inst);
            uint* indices = LLVMGetIndices(inst);
            if (n == 1 && _cmpxchg.TryGetValue(aggregate, out var pair))
            {
                Define(inst, indices[0] == 0 ? pair.Old : pair.Success);
                return;
            }
            if (n == 1 && _pairs.TryGetValue(aggregate, out var values))
            {
                Define(inst, indices[0] == 0 ? values.First : values.Second);
                return;
            }
        }
        throw Unsupported(BackendErrors.UnsupportedInstruction, $"'{LlvmText.Print(inst).Trim()}': aggregate values are only supported as results of cmpxchg and overflow intrinsics");
    }

    /// <summary>Results of intrinsics that return {value, flag} pairs.</summary>
    private readonly Dictionary<LLVMValueRef, (int First, int Second)> _pairs = [];
}
