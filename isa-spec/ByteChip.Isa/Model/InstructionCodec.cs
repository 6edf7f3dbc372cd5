namespace ByteChip.Isa;

/// <summary>Why a word is not a valid instruction.</summary>
public enum DecodeStatus : byte
{
    Ok,

    /// <summary>The opcode field names no instruction of the spec.</summary>
    IllegalOpcode,

    /// <summary>A reserved bit, or a field the form does not use, is set.</summary>
    ReservedBitsSet,

    /// <summary>A pair operand names an odd register or a quad operand a register that is not a multiple of 4.</summary>
    MisalignedRegister,

    /// <summary>A predicate operand is out of range.</summary>
    BadPredicate,

    /// <summary>A modifier field holds a value its enum does not define.</summary>
    BadModifier,

    /// <summary>A special-register operand names no special register.</summary>
    BadSpecialRegister,
}

/// <summary>Encodes and decodes instruction words. The bit layouts come from the generated half of this class.</summary>
public static partial class InstructionCodec
{
    /// <summary>Encodes an instruction; throws <see cref="ArgumentException"/> if it is not valid (see <see cref="Validate"/>).</summary>
    public static ulong Encode(in Instruction instruction)
    {
        if (!InstructionTable.TryGet((int)instruction.Opcode, out var form))
        {
            throw new ArgumentException($"opcode {(int)instruction.Opcode} is not an instruction", nameof(instruction));
        }
        var status = Validate(instruction, form);
        if (status != DecodeStatus.Ok)
        {
            throw new ArgumentException($"invalid '{form.MnemonicTemplate}': {Describe(status)}", nameof(instruction));
        }
        ulong word = Pack(form.Format, instruction);
        if ((word & ~form.UsedBits) != 0 || Unpack(form.Format, word) != Canonical(instruction, form))
        {
            throw new ArgumentException($"'{form.MnemonicTemplate}' has a field the form does not use, or a value too wide for its field", nameof(instruction));
        }
        return word;
    }

    /// <summary>Decodes a word. Never throws: an invalid word gives a status other than <see cref="DecodeStatus.Ok"/>.</summary>
    public static DecodeStatus TryDecode(ulong word, out Instruction instruction)
    {
        instruction = default;
        if (!InstructionTable.TryGet(OpcodeOf(word), out var form))
        {
            return DecodeStatus.IllegalOpcode;
        }
        if ((word & ~form.UsedBits) != 0)
        {
            return DecodeStatus.ReservedBitsSet;
        }
        instruction = Unpack(form.Format, word);
        return Validate(instruction, form);
    }

    /// <summary>Checks register alignment, predicate range, modifier and special-register values of an instruction for its form.</summary>
    public static DecodeStatus Validate(in Instruction i, InstructionForm form)
    {
        if (i.Guard > Pred.TrueIndex)
        {
            return DecodeStatus.BadPredicate;
        }
        foreach (var op in form.Operands)
        {
            uint v = Get(i, op.Field);
            switch (op.Kind)
            {
                case OperandKind.R64 when v != Reg.ZeroIndex && (v & 1) != 0:
                case OperandKind.R128 when v != Reg.ZeroIndex && (v & 3) != 0:
                    return DecodeStatus.MisalignedRegister;
                case OperandKind.Pred when v > Pred.TrueIndex:
                    return DecodeStatus.BadPredicate;
                case OperandKind.SpecialRegister when v >= IsaNames.SpecialRegisters.Length || IsaNames.SpecialRegisters[v] is null:
                    return DecodeStatus.BadSpecialRegister;
            }
        }
        foreach (var part in form.Parts)
        {
            if (part.Field is { } field)
            {
                var names = IsaNames.Of(part.Modifier!.Value);
                uint v = Get(i, field);
                if (v >= names.Length || names[v] is null)
                {
                    return DecodeStatus.BadModifier;
                }
            }
        }
        return DecodeStatus.Ok;
    }

    public static string Describe(DecodeStatus status) => status switch
    {
        DecodeStatus.Ok => "valid",
        DecodeStatus.IllegalOpcode => "illegal opcode",
        DecodeStatus.ReservedBitsSet => "reserved or unused bits are set",
        DecodeStatus.MisalignedRegister => "a 64-bit operand needs an even register, a 128-bit operand a multiple of 4",
        DecodeStatus.BadPredicate => "predicate out of range",
        DecodeStatus.BadModifier => "undefined modifier value",
        DecodeStatus.BadSpecialRegister => "undefined special register",
        _ => status.ToString(),
    };

    /// <summary>The instruction with every field its form does not use cleared, as decoding would produce it.</summary>
    private static Instruction Canonical(in Instruction i, InstructionForm form)
    {
        var c = new Instruction(i.Opcode, i.Guard, i.GuardNegated);
        foreach (var op in form.Operands)
        {
            c = With(c, op.Field, Get(i, op.Field));
            if (op.OffsetField is { } off)
            {
                c = With(c, off, Get(i, off));
            }
        }
        foreach (var part in form.Parts)
        {
            if (part.Field is { } f)
            {
                c = With(c, f, Get(i, f));
            }
        }
        // Fields of the format that exist but are unused come back as zero from Unpack.
        return Unpack(form.Format, Pack(form.Format, c)) == c ? c : i;
    }
}
