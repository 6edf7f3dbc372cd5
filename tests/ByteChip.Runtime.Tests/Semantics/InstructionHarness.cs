using System.Runtime.InteropServices;
using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>Operands of one lane: four 64-bit register values and the predicates P2/P3.</summary>
internal readonly record struct LaneInput(ulong A, ulong B, ulong C, ulong E, bool P2, bool P3);

/// <summary>What one lane produced: the 64-bit destination pair (R16:R17, zero before) and predicate P1 (false before).</summary>
internal readonly record struct LaneOutput(ulong D, bool P1);

/// <summary>
/// Runs one instruction under test in every lane of a block on the device model. Operand fields are wired
/// by kind: registers D=R16 A=R4 B=R6 C=R8 E=R12 (pairs and quads start there), predicates d/Pd=P1,
/// c/Pa=P2, Pb=P3. The kernel loads the operands from a buffer, runs the instruction and stores D and P1.
/// </summary>
internal static class InstructionHarness
{
    public static Instruction Wire(Opcode op, byte modifier = 0, uint imm = 0, Pred? guard = null)
    {
        var form = InstructionTable.Of(op);
        var inst = new Instruction(op, guard?.Index ?? Pred.TrueIndex);
        foreach (var o in form.Operands)
        {
            uint value = (o.Kind, o.Field) switch
            {
                (OperandKind.Pred, InstructionField.D or InstructionField.Pd) => 1,
                (OperandKind.Pred, InstructionField.C or InstructionField.Pa) => 2,
                (OperandKind.Pred, _) => 3,
                (OperandKind.U32 or OperandKind.S32 or OperandKind.F32 or OperandKind.Target, _) => imm,
                (OperandKind.SpecialRegister, _) => imm,
                (_, InstructionField.D) => 16,
                (_, InstructionField.A) => 4,
                (_, InstructionField.B) => 6,
                (_, InstructionField.C) => 8,
                _ => 12,
            };
            inst = InstructionCodec.With(inst, o.Field, value);
            if (o.OffsetField is { } off)
            {
                inst = InstructionCodec.With(inst, off, imm);
            }
        }
        foreach (var p in form.Parts)
        {
            if (p.Field is { } f)
            {
                inst = InstructionCodec.With(inst, f, modifier);
            }
        }
        return inst;
    }

    private static ulong E(Instruction i) => InstructionCodec.Encode(i);

    public static BcModule Module(Instruction underTest, TargetArch target)
    {
        var code = new List<ulong>
        {
            E(Build.S2r(Reg.R(0), SpecialRegister.TidX)),
            E(Build.MulWideU32Imm(Reg.R(2), Reg.R(0), 40)),
            E(Build.LdParamB64(Reg.R(20), Reg.RZ, 0)),
            E(Build.AddU64(Reg.R(20), Reg.R(20), Reg.R(2))),
            E(Build.LdGlobalB64(Reg.R(4), Reg.R(20), 0)),
            E(Build.LdGlobalB64(Reg.R(6), Reg.R(20), 8)),
            E(Build.LdGlobalB64(Reg.R(8), Reg.R(20), 16)),
            E(Build.LdGlobalB64(Reg.R(12), Reg.R(20), 24)),
            E(Build.LdGlobalB32(Reg.R(14), Reg.R(20), 32)),
            E(Build.AndB32Imm(Reg.R(15), Reg.R(14), 1)),
            E(Build.SetpU32Imm(Cmpi.Ne, Pred.P(2), Reg.R(15), 0)),
            E(Build.AndB32Imm(Reg.R(15), Reg.R(14), 2)),
            E(Build.SetpU32Imm(Cmpi.Ne, Pred.P(3), Reg.R(15), 0)),
            E(Build.SetpU32(Cmpi.Ne, Pred.P(1), Reg.R(15), Reg.R(15))),
            E(Build.MovB32Imm(Reg.R(16), 0)),
            E(Build.MovB32Imm(Reg.R(17), 0)),
            E(Build.MovB32Imm(Reg.R(18), 0)),
            E(Build.MovB32Imm(Reg.R(19), 0)),
            E(underTest),
            E(Build.MovB32Imm(Reg.R(24), 1)),
            E(Build.MovB32Imm(Reg.R(25), 0)),
            E(Build.SelpB32(Reg.R(22), Reg.R(24), Reg.R(25), Pred.P(1))),
            E(Build.MulWideU32Imm(Reg.R(2), Reg.R(0), 16)),
            E(Build.LdParamB64(Reg.R(20), Reg.RZ, 8)),
            E(Build.AddU64(Reg.R(20), Reg.R(20), Reg.R(2))),
            E(Build.StGlobalB64(Reg.R(20), 0, Reg.R(16))),
            E(Build.StGlobalB32(Reg.R(20), 8, Reg.R(22))),
            E(Build.Exit()),
        };
        return new BcModule
        {
            Target = target,
            Kernels =
            [
                new BcKernel
                {
                    Name = "unit",
                    Code = code.ToArray(),
                    Parameters = [new BcParameter("in", 0, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Global), new BcParameter("out", 8, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Global)],
                },
            ],
        };
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct InRecord
    {
        public ulong A, B, C, E;
        public uint Preds, Pad;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct OutRecord
    {
        public ulong D;
        public uint P1, Pad;
    }

    /// <summary>Runs <paramref name="inst"/> once per input (one thread each) and returns each lane's result.</summary>
    public static LaneOutput[] Run(Instruction inst, IReadOnlyList<LaneInput> inputs)
    {
        var target = InstructionTable.Of(inst.Opcode).Feature == Feature.Dp4a ? TargetArch.N5 : TargetArch.N4;
        using var device = Device.Create(target == TargetArch.N4 ? "n4" : "n5");
        using var module = device.LoadModule(Module(inst, target));
        var records = inputs.Select(i => new InRecord { A = i.A, B = i.B, C = i.C, E = i.E, Preds = (i.P2 ? 1u : 0) | (i.P3 ? 2u : 0) }).ToArray();
        using var din = device.Upload<InRecord>(records);
        using var dout = device.Allocate<OutRecord>(records.Length);
        module.GetKernel("unit").Launch(1, (uint)records.Length, 0, din, dout);
        return dout.ToArray().Select(o => new LaneOutput(o.D, o.P1 != 0)).ToArray();
    }
}
