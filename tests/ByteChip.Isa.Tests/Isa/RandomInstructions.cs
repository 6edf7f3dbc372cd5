using ByteChip.Isa;

namespace ByteChip.Isa.Tests.Isa;

/// <summary>Makes valid random instructions of any form, straight from the generated table.</summary>
internal static class RandomInstructions
{
    public static Instruction Make(InstructionForm form, Random rng)
    {
        var i = new Instruction(form.Opcode, (byte)rng.Next(0, 8), rng.Next(2) == 0);
        foreach (var op in form.Operands)
        {
            uint v = op.Kind switch
            {
                OperandKind.R32 => (uint)rng.Next(0, 256),
                OperandKind.R64 => rng.Next(8) == 0 ? Reg.ZeroIndex : (uint)rng.Next(0, 127) * 2,
                OperandKind.R128 => rng.Next(8) == 0 ? Reg.ZeroIndex : (uint)rng.Next(0, 63) * 4,
                OperandKind.Pred => (uint)rng.Next(0, 8),
                OperandKind.SpecialRegister => (uint)PickDefined(IsaNames.SpecialRegisters, rng),
                _ => Edge(rng),
            };
            i = InstructionCodec.With(i, op.Field, v);
            if (op.OffsetField is { } off)
            {
                i = InstructionCodec.With(i, off, Edge(rng));
            }
        }
        foreach (var part in form.Parts)
        {
            if (part.Field is { } f)
            {
                i = InstructionCodec.With(i, f, (uint)PickDefined(IsaNames.Of(part.Modifier!.Value), rng));
            }
        }
        return i;
    }

    private static uint Edge(Random rng) => rng.Next(6) switch
    {
        0 => 0,
        1 => uint.MaxValue,
        2 => 0x80000000,
        3 => 0x7FFFFFFF,
        4 => (uint)rng.Next(0, 64),
        _ => (uint)rng.NextInt64(0, 1L << 32),
    };

    private static int PickDefined(string?[] names, Random rng)
    {
        while (true)
        {
            int k = rng.Next(names.Length);
            if (names[k] is not null)
            {
                return k;
            }
        }
    }
}
