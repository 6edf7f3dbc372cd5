using System.Globalization;
using System.Text;

namespace ByteChip.Isa;

/// <summary>
/// Prints instructions in the assembly syntax that <see cref="InstructionParser"/> reads back:
/// <c>@!P1 setp.lt.s32 P0, R2, 0x10</c>, <c>ld.global.b32 R4, [R2+0x8]</c>, <c>bra 0x40</c>.
/// Branch targets print as absolute section addresses (bytes), so the instruction's own address is needed.
/// </summary>
public static class InstructionPrinter
{
    public static string Print(in Instruction i, long address, Func<long, string?>? labelOf = null, string? immediateText = null)
    {
        var sb = new StringBuilder(32);
        Append(sb, i, address, labelOf, immediateText);
        return sb.ToString();
    }

    /// <summary>Appends the instruction. <paramref name="immediateText"/>, when given, replaces the 32-bit immediate operand (relocations).</summary>
    public static void Append(StringBuilder sb, in Instruction i, long address, Func<long, string?>? labelOf = null, string? immediateText = null)
    {
        if (!InstructionTable.TryGet((int)i.Opcode, out var form))
        {
            sb.Append("<illegal>");
            return;
        }
        if (i.IsGuarded)
        {
            sb.Append('@').Append(i.GuardNegated ? "!" : "").Append(new Pred(i.Guard)).Append(' ');
        }
        bool first = true;
        foreach (var part in form.Parts)
        {
            if (!first)
            {
                sb.Append('.');
            }
            first = false;
            if (part.Literal is not null)
            {
                sb.Append(part.Literal);
            }
            else
            {
                var names = IsaNames.Of(part.Modifier!.Value);
                uint v = InstructionCodec.Get(i, part.Field!.Value);
                sb.Append(v < names.Length && names[v] is { } n ? n : $"?{v}");
            }
        }
        for (int k = 0; k < form.Operands.Count; k++)
        {
            sb.Append(k == 0 ? " " : ", ");
            var op = form.Operands[k];
            if (immediateText is not null && op.Field == InstructionField.Imm && !op.IsMemory)
            {
                sb.Append(immediateText);
                continue;
            }
            AppendOperand(sb, i, op, address, labelOf);
        }
    }

    private static void AppendOperand(StringBuilder sb, in Instruction i, OperandInfo op, long address, Func<long, string?>? labelOf)
    {
        uint v = InstructionCodec.Get(i, op.Field);
        if (op.IsMemory)
        {
            sb.Append('[').Append(new Reg((byte)v));
            if (op.OffsetField is { } off)
            {
                int o = unchecked((int)InstructionCodec.Get(i, off));
                if (o != 0)
                {
                    sb.Append(o < 0 ? "-0x" : "+0x").Append(((long)o < 0 ? -(long)o : o).ToString("x", CultureInfo.InvariantCulture));
                }
            }
            sb.Append(']');
            return;
        }
        switch (op.Kind)
        {
            case OperandKind.R32 or OperandKind.R64 or OperandKind.R128:
                sb.Append(new Reg((byte)v));
                break;
            case OperandKind.Pred:
                sb.Append(new Pred((byte)v));
                break;
            case OperandKind.SpecialRegister:
                sb.Append('%').Append(v < IsaNames.SpecialRegisters.Length && IsaNames.SpecialRegisters[v] is { } s ? s : $"sr{v}");
                break;
            case OperandKind.U32:
                sb.Append(v < 10 ? v.ToString(CultureInfo.InvariantCulture) : "0x" + v.ToString("x", CultureInfo.InvariantCulture));
                break;
            case OperandKind.S32:
                int s32 = unchecked((int)v);
                sb.Append(s32 is > -10 and < 10 ? s32.ToString(CultureInfo.InvariantCulture)
                    : (s32 < 0 ? "-0x" : "0x") + Math.Abs((long)s32).ToString("x", CultureInfo.InvariantCulture));
                break;
            case OperandKind.F32:
                sb.Append(FormatF32(v));
                break;
            case OperandKind.Target:
                long target = address + 8 + 8L * unchecked((int)v);
                var label = labelOf?.Invoke(target);
                sb.Append(label ?? (target < 0 ? "-0x" + (-target).ToString("x", CultureInfo.InvariantCulture) : "0x" + target.ToString("x", CultureInfo.InvariantCulture)));
                break;
        }
    }

    /// <summary>An f32 immediate: a decimal literal when it reads back to the same bits, else <c>0fXXXXXXXX</c>.</summary>
    public static string FormatF32(uint bits)
    {
        float f = BitConverter.UInt32BitsToSingle(bits);
        if (float.IsFinite(f))
        {
            var text = f.ToString("R", CultureInfo.InvariantCulture);
            if (!text.Contains('.') && !text.Contains('E'))
            {
                text += ".0";
            }
            if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var back) && BitConverter.SingleToUInt32Bits(back) == bits)
            {
                return text;
            }
        }
        return "0f" + bits.ToString("X8", CultureInfo.InvariantCulture);
    }
}
