using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>Handlers of the int32, int64 and compare groups.</summary>
internal sealed partial class BlockExecutor
{
    private static void ExecuteInteger(uint[] r, in Uop u, uint exec)
    {
        switch (u.Op)
        {
            case Opcode.AddU32: Lanes.Binary<AddU32>(r, u, exec); break;
            case Opcode.SubU32: Lanes.Binary<SubU32>(r, u, exec); break;
            case Opcode.MulLoU32: Lanes.Binary<MulLoU32>(r, u, exec); break;
            case Opcode.MulhiU32: Lanes.Scalar2<MulhiU32>(r, u, exec, false); break;
            case Opcode.MulhiS32: Lanes.Scalar2<MulhiS32>(r, u, exec, false); break;
            case Opcode.MadLoU32: Lanes.Ternary<MadLoU32>(r, u, exec); break;
            case Opcode.MinS32: Lanes.Binary<MinS32>(r, u, exec); break;
            case Opcode.MinU32: Lanes.Binary<MinU32>(r, u, exec); break;
            case Opcode.MaxS32: Lanes.Binary<MaxS32>(r, u, exec); break;
            case Opcode.MaxU32: Lanes.Binary<MaxU32>(r, u, exec); break;
            case Opcode.AndB32: Lanes.Binary<AndB32>(r, u, exec); break;
            case Opcode.OrB32: Lanes.Binary<OrB32>(r, u, exec); break;
            case Opcode.XorB32: Lanes.Binary<XorB32>(r, u, exec); break;
            case Opcode.ShlB32: Lanes.Scalar2<ShlB32>(r, u, exec, false); break;
            case Opcode.ShrU32: Lanes.Scalar2<ShrU32>(r, u, exec, false); break;
            case Opcode.ShrS32: Lanes.Scalar2<ShrS32>(r, u, exec, false); break;
            case Opcode.DivU32: Lanes.Scalar2<DivU32>(r, u, exec, false); break;
            case Opcode.DivS32: Lanes.Scalar2<DivS32>(r, u, exec, false); break;
            case Opcode.RemU32: Lanes.Scalar2<RemU32>(r, u, exec, false); break;
            case Opcode.RemS32: Lanes.Scalar2<RemS32>(r, u, exec, false); break;
            case Opcode.NotB32: Lanes.Scalar1<NotB32>(r, u, exec); break;
            case Opcode.NegS32: Lanes.Scalar1<NegS32>(r, u, exec); break;
            case Opcode.AbsS32: Lanes.Scalar1<AbsS32>(r, u, exec); break;
            case Opcode.PopcB32: Lanes.Scalar1<PopcB32>(r, u, exec); break;
            case Opcode.ClzB32: Lanes.Scalar1<ClzB32>(r, u, exec); break;
            case Opcode.BrevB32: Lanes.Scalar1<BrevB32>(r, u, exec); break;
            case Opcode.BfeU32:
            case Opcode.BfeS32:
            case Opcode.BfiB32:
                BitField(r, u, exec);
                break;
            case Opcode.AddU32Imm: Lanes.BinaryImm<AddU32>(r, u, exec); break;
            case Opcode.SubU32Imm: Lanes.BinaryImm<SubU32>(r, u, exec); break;
            case Opcode.MulLoU32Imm: Lanes.BinaryImm<MulLoU32>(r, u, exec); break;
            case Opcode.MinS32Imm: Lanes.BinaryImm<MinS32>(r, u, exec); break;
            case Opcode.MinU32Imm: Lanes.BinaryImm<MinU32>(r, u, exec); break;
            case Opcode.MaxS32Imm: Lanes.BinaryImm<MaxS32>(r, u, exec); break;
            case Opcode.MaxU32Imm: Lanes.BinaryImm<MaxU32>(r, u, exec); break;
            case Opcode.AndB32Imm: Lanes.BinaryImm<AndB32>(r, u, exec); break;
            case Opcode.OrB32Imm: Lanes.BinaryImm<OrB32>(r, u, exec); break;
            case Opcode.XorB32Imm: Lanes.BinaryImm<XorB32>(r, u, exec); break;
            case Opcode.ShlB32Imm: Lanes.Scalar2<ShlB32>(r, u, exec, true); break;
            case Opcode.ShrU32Imm: Lanes.Scalar2<ShrU32>(r, u, exec, true); break;
            case Opcode.ShrS32Imm: Lanes.Scalar2<ShrS32>(r, u, exec, true); break;
            default: ExecuteInteger64(r, u, exec); break;
        }
    }

    private static void ExecuteInteger64(uint[] r, in Uop u, uint exec)
    {
        switch (u.Op)
        {
            case Opcode.AddU64: Lanes.Add64(r, u, exec, immediate: false); break;
            case Opcode.SubU64: Lanes.Scalar64<SubU64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MulLoU64: Lanes.Scalar64<MulLoU64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MulhiU64: Lanes.Scalar64<MulhiU64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MulhiS64: Lanes.Scalar64<MulhiS64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MinS64: Lanes.Scalar64<MinS64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MinU64: Lanes.Scalar64<MinU64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MaxS64: Lanes.Scalar64<MaxS64>(r, u, exec, Operand64.Pair); break;
            case Opcode.MaxU64: Lanes.Scalar64<MaxU64>(r, u, exec, Operand64.Pair); break;
            case Opcode.AndB64: Lanes.Scalar64<AndB64>(r, u, exec, Operand64.Pair); break;
            case Opcode.OrB64: Lanes.Scalar64<OrB64>(r, u, exec, Operand64.Pair); break;
            case Opcode.XorB64: Lanes.Scalar64<XorB64>(r, u, exec, Operand64.Pair); break;
            case Opcode.ShlB64: Lanes.Scalar64<ShlB64>(r, u, exec, Operand64.Reg32); break;
            case Opcode.ShrU64: Lanes.Scalar64<ShrU64>(r, u, exec, Operand64.Reg32); break;
            case Opcode.ShrS64: Lanes.Scalar64<ShrS64>(r, u, exec, Operand64.Reg32); break;
            case Opcode.DivU64: Lanes.Scalar64<DivU64>(r, u, exec, Operand64.Pair); break;
            case Opcode.DivS64: Lanes.Scalar64<DivS64>(r, u, exec, Operand64.Pair); break;
            case Opcode.RemU64: Lanes.Scalar64<RemU64>(r, u, exec, Operand64.Pair); break;
            case Opcode.RemS64: Lanes.Scalar64<RemS64>(r, u, exec, Operand64.Pair); break;
            case Opcode.AddU64Imm: Lanes.Add64(r, u, exec, immediate: true); break;
            case Opcode.ShlB64Imm: Lanes.Scalar64<ShlB64>(r, u, exec, Operand64.ImmUnsigned); break;
            case Opcode.ShrU64Imm: Lanes.Scalar64<ShrU64>(r, u, exec, Operand64.ImmUnsigned); break;
            case Opcode.ShrS64Imm: Lanes.Scalar64<ShrS64>(r, u, exec, Operand64.ImmUnsigned); break;
            case Opcode.AndB64Imm: Lanes.Scalar64<AndB64>(r, u, exec, Operand64.ImmSigned); break;
            case Opcode.MulWideU32: Lanes.MulWideU32(r, u, exec, immediate: false); break;
            case Opcode.MulWideU32Imm: Lanes.MulWideU32(r, u, exec, immediate: true); break;
            default: ExecuteInteger64Mixed(r, u, exec); break;
        }
    }

    /// <summary>int64 forms whose operands mix widths, and the unary forms.</summary>
    private static void ExecuteInteger64Mixed(uint[] r, in Uop u, uint exec)
    {
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong a = Lanes.Get64(r, u.A, l);
            uint a32 = r[u.A + l], b32 = r[u.B + l];
            switch (u.Op)
            {
                case Opcode.MadLoU64: Lanes.Set64(r, u.D, l, (a * Lanes.Get64(r, u.B, l)) + Lanes.Get64(r, u.C, l)); break;
                case Opcode.NotB64: Lanes.Set64(r, u.D, l, ~a); break;
                case Opcode.NegS64: Lanes.Set64(r, u.D, l, 0UL - a); break;
                case Opcode.AbsS64: Lanes.Set64(r, u.D, l, (long)a < 0 ? 0UL - a : a); break;
                case Opcode.PopcB64: r[u.D + l] = (uint)BitOperations.PopCount(a); break;
                case Opcode.ClzB64: r[u.D + l] = (uint)BitOperations.LeadingZeroCount(a); break;
                case Opcode.BrevB64: Lanes.Set64(r, u.D, l, BitManipulation.Reverse(a)); break;
                case Opcode.MulWideS32: Lanes.Set64(r, u.D, l, (ulong)((long)(int)a32 * (int)b32)); break;
                case Opcode.MadWideU32: Lanes.Set64(r, u.D, l, ((ulong)a32 * b32) + Lanes.Get64(r, u.C, l)); break;
                case Opcode.MadWideS32: Lanes.Set64(r, u.D, l, (ulong)((long)(int)a32 * (int)b32) + Lanes.Get64(r, u.C, l)); break;
                case Opcode.MulWideS32Imm: Lanes.Set64(r, u.D, l, (ulong)((long)(int)a32 * (int)u.Imm)); break;
                case Opcode.MovB64Imm: Lanes.Set64(r, u.D, l, (ulong)(long)(int)u.Imm); break;
                default: throw NotImplemented(u);
            }
        }
    }

    private static void BitField(uint[] r, in Uop u, uint exec)
    {
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            uint a = r[u.A + l], b = r[u.B + l], c = r[u.C + l];
            r[u.D + l] = u.Op switch
            {
                Opcode.BfeU32 => BitManipulation.Extract(a, b, c, signed: false),
                Opcode.BfeS32 => BitManipulation.Extract(a, b, c, signed: true),
                _ => BitManipulation.Insert(a, b, c, r[u.E + l]),
            };
        }
    }

    private static void ExecuteCompare(WarpState w, in Uop u, uint exec)
    {
        uint[] r = w.Regs;
        uint[] p = w.Preds;
        switch (u.Op)
        {
            case Opcode.SetpS32: Lanes.Compare<CompareS32>(w, u, exec, false); return;
            case Opcode.SetpU32: Lanes.Compare<CompareU32>(w, u, exec, false); return;
            case Opcode.SetpF32: Lanes.Compare<CompareF32>(w, u, exec, false); return;
            case Opcode.SetpS32Imm: Lanes.Compare<CompareS32>(w, u, exec, true); return;
            case Opcode.SetpU32Imm: Lanes.Compare<CompareU32>(w, u, exec, true); return;
            case Opcode.SetpF32Imm: Lanes.Compare<CompareF32>(w, u, exec, true); return;
            case Opcode.AndPred: Lanes.SetPredicate(w, u.Pd, p[u.Pa] & p[u.Pb], exec); return;
            case Opcode.OrPred: Lanes.SetPredicate(w, u.Pd, p[u.Pa] | p[u.Pb], exec); return;
            case Opcode.XorPred: Lanes.SetPredicate(w, u.Pd, p[u.Pa] ^ p[u.Pb], exec); return;
            case Opcode.NotPred: Lanes.SetPredicate(w, u.Pd, ~p[u.Pa], exec); return;
            case Opcode.MovPred: Lanes.SetPredicate(w, u.Pd, p[u.Pa], exec); return;
        }
        uint bits = 0;
        uint e = exec;
        while (e != 0)
        {
            int l = BitOperations.TrailingZeroCount(e);
            e &= e - 1;
            ulong a = Lanes.Get64(r, u.A, l);
            bool t = u.Op switch
            {
                Opcode.SetpS64 => Comparisons.Int((long)a, (long)Lanes.Get64(r, u.B, l), u.M),
                Opcode.SetpU64 => Comparisons.Int(a, Lanes.Get64(r, u.B, l), u.M),
                Opcode.SetpF64 => Comparisons.Float(FloatMath.D(a), FloatMath.D(Lanes.Get64(r, u.B, l)), u.M),
                Opcode.SetpS64Imm => Comparisons.Int((long)a, (int)u.Imm, u.M),
                Opcode.SetpU64Imm => Comparisons.Int(a, (ulong)u.Imm, u.M),
                _ => throw NotImplemented(u),
            };
            bits |= t ? 1u << l : 0;
        }
        Lanes.SetPredicate(w, u.Pd, bits, exec);
    }
}
