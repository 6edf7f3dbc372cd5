using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>Handlers of the f32 and f64 groups.</summary>
internal sealed partial class BlockExecutor
{
    private static void ExecuteFloat(uint[] r, in Uop u, uint exec)
    {
        switch (u.Op)
        {
            case Opcode.AddF32: Lanes.Binary<AddF32>(r, u, exec); break;
            case Opcode.SubF32: Lanes.Binary<SubF32>(r, u, exec); break;
            case Opcode.MulF32: Lanes.Binary<MulF32>(r, u, exec); break;
            case Opcode.FmaF32: Lanes.Ternary<FmaF32>(r, u, exec); break;
            case Opcode.DivF32: Lanes.Binary<DivF32>(r, u, exec); break;
            case Opcode.MinF32: Lanes.Scalar2<MinF32>(r, u, exec, false); break;
            case Opcode.MaxF32: Lanes.Scalar2<MaxF32>(r, u, exec, false); break;
            case Opcode.AbsF32: Lanes.Binary<AbsF32>(r, u, exec); break;
            case Opcode.NegF32: Lanes.Binary<NegF32>(r, u, exec); break;
            case Opcode.SqrtF32: Lanes.Binary<SqrtF32>(r, u, exec); break;
            case Opcode.RcpApproxF32: Lanes.Scalar1<RcpF32>(r, u, exec); break;
            case Opcode.RsqrtApproxF32: Lanes.Scalar1<RsqrtF32>(r, u, exec); break;
            case Opcode.Ex2ApproxF32: Lanes.Scalar1<Ex2F32>(r, u, exec); break;
            case Opcode.Ex2ApproxFtzF32: Lanes.Scalar1<Ex2FtzF32>(r, u, exec); break;
            case Opcode.Lg2ApproxF32: Lanes.Scalar1<Lg2F32>(r, u, exec); break;
            case Opcode.SinApproxF32: Lanes.Scalar1<SinF32>(r, u, exec); break;
            case Opcode.CosApproxF32: Lanes.Scalar1<CosF32>(r, u, exec); break;
            case Opcode.AddF32Imm: Lanes.BinaryImm<AddF32>(r, u, exec); break;
            case Opcode.MulF32Imm: Lanes.BinaryImm<MulF32>(r, u, exec); break;
            case Opcode.FmaF32Imm: Lanes.TernaryImmAccumulate<FmaF32>(r, u, exec); break;
            case Opcode.AddF64: Lanes.Scalar64<AddF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.SubF64: Lanes.Scalar64<SubF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MulF64: Lanes.Scalar64<MulF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.DivF64: Lanes.Scalar64<DivF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MinF64: Lanes.Scalar64<MinF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MaxF64: Lanes.Scalar64<MaxF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.AbsF64: Lanes.Scalar64<AbsF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.NegF64: Lanes.Scalar64<NegF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.SqrtF64: Lanes.Scalar64<SqrtF64>(r, u, exec, Operand64.Pair); break;
            case Opcode.RcpApproxF64: Lanes.Scalar64<RcpF64>(r, u, exec, Operand64.Pair); break;
            default: ExecuteFloatRare(r, u, exec); break;
        }
    }

    private static void ExecuteFloatRare(uint[] r, in Uop u, uint exec)
    {
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            switch (u.Op)
            {
                case Opcode.RndiF32:
                    r[u.D + l] = FloatMath.Bits(FloatMath.RoundIntegral(FloatMath.F(r[u.A + l]), u.M));
                    break;
                case Opcode.RndiF64:
                    Lanes.Set64(r, u.D, l, FloatMath.Bits(FloatMath.RoundIntegral(FloatMath.D(Lanes.Get64(r, u.A, l)), u.M)));
                    break;
                case Opcode.FmaF64:
                    Lanes.Set64(r, u.D, l, FloatMath.Bits(Math.FusedMultiplyAdd(
                        FloatMath.D(Lanes.Get64(r, u.A, l)), FloatMath.D(Lanes.Get64(r, u.B, l)), FloatMath.D(Lanes.Get64(r, u.C, l)))));
                    break;
                default:
                    throw NotImplemented(u);
            }
        }
    }
}
