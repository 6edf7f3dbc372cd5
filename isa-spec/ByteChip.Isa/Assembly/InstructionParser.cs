using System.Globalization;

namespace ByteChip.Isa;

/// <summary>
/// Parses one instruction in the syntax of <see cref="InstructionPrinter"/>. Forms are found through the
/// generated table: the mnemonic's literal parts and modifier names select candidates, and the operands'
/// syntactic classes (register, predicate, special register, memory, immediate, target) pick the form.
/// </summary>
public static class InstructionParser
{
    private static readonly Dictionary<string, InstructionForm[]> s_byFirstPart =
        InstructionTable.Forms.GroupBy(f => f.Parts[0].Literal!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Resolves a label to a section address (bytes), or null when unknown.</summary>
    public delegate long? LabelResolver(string name);

    private enum OperandClass
    {
        Register,
        Predicate,
        SpecialRegister,
        Memory,
        Number,
        Float,
        Label,
    }

    private readonly record struct Token(string Text, int Column);

    /// <summary>Parses <paramref name="text"/> (no label, no comment). <paramref name="column"/> is the 1-based column of its first character.</summary>
    public static bool TryParse(string text, int column, long address, LabelResolver? labels, out Instruction instruction, out AsmError error)
    {
        instruction = default;
        error = default;
        int pos = 0;
        SkipSpaces(text, ref pos);
        byte guard = Pred.TrueIndex;
        bool negated = false;
        if (pos < text.Length && text[pos] == '@')
        {
            int start = pos++;
            if (pos < text.Length && text[pos] == '!')
            {
                negated = true;
                pos++;
            }
            var word = ReadWord(text, ref pos);
            if (!TryPredicate(word, out guard))
            {
                error = new AsmError(AsmErrors.SyntaxError, column + start, $"expected a guard predicate (P0..P6 or PT) after '@', found '{word}'");
                return false;
            }
            SkipSpaces(text, ref pos);
        }
        int mnemonicColumn = column + pos;
        var mnemonic = ReadWord(text, ref pos);
        if (mnemonic.Length == 0)
        {
            error = new AsmError(AsmErrors.SyntaxError, mnemonicColumn, "expected an instruction mnemonic");
            return false;
        }
        var parts = mnemonic.Split('.');
        if (!s_byFirstPart.TryGetValue(parts[0], out var family))
        {
            error = new AsmError(AsmErrors.UnknownMnemonic, mnemonicColumn, $"unknown instruction '{mnemonic}'");
            return false;
        }
        var candidates = family.Where(f => MatchesMnemonic(f, parts)).ToList();
        if (candidates.Count == 0)
        {
            var known = string.Join(", ", family.Select(f => f.MnemonicTemplate).Distinct().Take(6));
            error = new AsmError(AsmErrors.UnknownMnemonic, mnemonicColumn, $"unknown instruction '{mnemonic}' (forms of '{parts[0]}' include {known})");
            return false;
        }
        if (!SplitOperands(text, pos, column, out var operands, out error))
        {
            return false;
        }
        var classes = operands.Select(Classify).ToList();
        var form = candidates.FirstOrDefault(f => f.Operands.Count == operands.Count && f.Operands.Select((o, k) => Accepts(o, classes[k])).All(x => x));
        if (form is null)
        {
            var expected = string.Join(" | ", candidates.Select(f => string.Join(", ", f.Operands.Select(Describe))));
            error = new AsmError(AsmErrors.OperandMismatch, mnemonicColumn, $"operands do not match '{mnemonic}': expected {expected}");
            return false;
        }
        var inst = new Instruction(form.Opcode, guard, negated);
        for (int k = 0; k < form.Parts.Count; k++)
        {
            if (form.Parts[k].Field is { } field)
            {
                inst = InstructionCodec.With(inst, field, (uint)Array.IndexOf(IsaNames.Of(form.Parts[k].Modifier!.Value), parts[k]));
            }
        }
        for (int k = 0; k < operands.Count; k++)
        {
            if (!TryOperandValue(form.Operands[k], operands[k], address, labels, ref inst, out error))
            {
                return false;
            }
        }
        instruction = inst;
        return true;
    }

    private static bool MatchesMnemonic(InstructionForm form, string[] parts)
    {
        if (form.Parts.Count != parts.Length)
        {
            return false;
        }
        for (int k = 0; k < parts.Length; k++)
        {
            var p = form.Parts[k];
            if (p.Literal is not null ? p.Literal != parts[k] : Array.IndexOf(IsaNames.Of(p.Modifier!.Value), parts[k]) < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static bool Accepts(OperandInfo op, OperandClass c) => op.IsMemory ? c == OperandClass.Memory : op.Kind switch
    {
        OperandKind.R32 or OperandKind.R64 or OperandKind.R128 => c == OperandClass.Register,
        OperandKind.Pred => c == OperandClass.Predicate,
        OperandKind.SpecialRegister => c == OperandClass.SpecialRegister,
        OperandKind.U32 or OperandKind.S32 => c == OperandClass.Number,
        OperandKind.F32 => c is OperandClass.Number or OperandClass.Float,
        OperandKind.Target => c is OperandClass.Number or OperandClass.Label,
        _ => false,
    };

    private static string Describe(OperandInfo op) => op.IsMemory ? "[address]" : op.Kind switch
    {
        OperandKind.R32 => "register",
        OperandKind.R64 => "register pair",
        OperandKind.R128 => "register quad",
        OperandKind.Pred => "predicate",
        OperandKind.SpecialRegister => "%special-register",
        OperandKind.F32 => "f32 immediate",
        OperandKind.Target => "label",
        _ => "immediate",
    };

    private static OperandClass Classify(Token t)
    {
        var s = t.Text;
        if (s.StartsWith('['))
        {
            return OperandClass.Memory;
        }
        if (s.StartsWith('%'))
        {
            return OperandClass.SpecialRegister;
        }
        if (TryRegister(s, out _) || LooksLikeRegister(s))
        {
            return OperandClass.Register;
        }
        if (TryPredicate(s, out _))
        {
            return OperandClass.Predicate;
        }
        if (TryInteger(s, out _))
        {
            return OperandClass.Number;
        }
        if (TryFloat(s, out _))
        {
            return OperandClass.Float;
        }
        return OperandClass.Label;
    }

    private static bool TryOperandValue(OperandInfo op, Token t, long address, LabelResolver? labels, ref Instruction inst, out AsmError error)
    {
        error = default;
        uint value;
        if (op.IsMemory)
        {
            var inner = t.Text[1..^1].Trim();
            int sign = inner.IndexOfAny(['+', '-']);
            var baseText = (sign < 0 ? inner : inner[..sign]).Trim();
            if (!TryRegister(baseText, out var baseReg))
            {
                error = LooksLikeRegister(baseText)
                    ? new AsmError(AsmErrors.BadRegister, t.Column, $"'{baseText}' is not a register (R0..R254 or RZ)")
                    : new AsmError(AsmErrors.SyntaxError, t.Column, $"expected a base register in memory operand '{t.Text}'");
                return false;
            }
            if (!CheckRegister(op.Kind, baseReg, t.Column, out error))
            {
                return false;
            }
            inst = InstructionCodec.With(inst, op.Field, baseReg);
            long offset = 0;
            if (sign >= 0)
            {
                if (op.OffsetField is null)
                {
                    error = new AsmError(AsmErrors.SyntaxError, t.Column, "this instruction's address takes no offset");
                    return false;
                }
                var offText = inner[(sign + 1)..].Trim();
                if (!TryInteger(offText, out offset) || offset > int.MaxValue + 1L)
                {
                    error = new AsmError(AsmErrors.ImmediateOutOfRange, t.Column, $"bad address offset '{offText}' (a 32-bit signed number)");
                    return false;
                }
                offset = inner[sign] == '-' ? -offset : offset;
                if (offset is < int.MinValue or > int.MaxValue)
                {
                    error = new AsmError(AsmErrors.ImmediateOutOfRange, t.Column, $"address offset {offset} does not fit 32 bits");
                    return false;
                }
            }
            if (op.OffsetField is { } field)
            {
                inst = InstructionCodec.With(inst, field, unchecked((uint)(int)offset));
            }
            return true;
        }
        switch (op.Kind)
        {
            case OperandKind.R32 or OperandKind.R64 or OperandKind.R128:
                if (!TryRegister(t.Text, out var r))
                {
                    error = new AsmError(AsmErrors.BadRegister, t.Column, $"'{t.Text}' is not a register (R0..R254 or RZ)");
                    return false;
                }
                if (!CheckRegister(op.Kind, r, t.Column, out error))
                {
                    return false;
                }
                value = r;
                break;
            case OperandKind.Pred:
                TryPredicate(t.Text, out var p);
                value = p;
                break;
            case OperandKind.SpecialRegister:
                int sr = Array.IndexOf(IsaNames.SpecialRegisters, t.Text[1..]);
                if (sr < 0)
                {
                    error = new AsmError(AsmErrors.UnknownSpecialRegister, t.Column, $"unknown special register '{t.Text}'");
                    return false;
                }
                value = (uint)sr;
                break;
            case OperandKind.F32:
                if (TryFloat(t.Text, out var bits))
                {
                    value = bits;
                }
                else
                {
                    TryInteger(t.Text, out var whole);
                    value = BitConverter.SingleToUInt32Bits(whole);
                }
                break;
            case OperandKind.Target:
                long target;
                if (TryInteger(t.Text, out var absolute))
                {
                    target = absolute;
                }
                else if (labels?.Invoke(t.Text) is { } resolved)
                {
                    target = resolved;
                }
                else
                {
                    error = new AsmError(AsmErrors.UnknownLabel, t.Column, $"unknown label '{t.Text}'");
                    return false;
                }
                long delta = target - (address + 8);
                if (delta % 8 != 0 || delta / 8 is < int.MinValue or > int.MaxValue)
                {
                    error = new AsmError(AsmErrors.ImmediateOutOfRange, t.Column, $"branch target 0x{target:x} is not a reachable instruction address");
                    return false;
                }
                value = unchecked((uint)(int)(delta / 8));
                break;
            default:
                TryInteger(t.Text, out var n);
                if (n is < int.MinValue or > uint.MaxValue)
                {
                    error = new AsmError(AsmErrors.ImmediateOutOfRange, t.Column, $"immediate {t.Text} does not fit 32 bits");
                    return false;
                }
                value = unchecked((uint)n);
                break;
        }
        inst = InstructionCodec.With(inst, op.Field, value);
        return true;
    }

    private static bool CheckRegister(OperandKind kind, byte r, int column, out AsmError error)
    {
        error = default;
        if (r == Reg.ZeroIndex)
        {
            return true;
        }
        if (kind == OperandKind.R64 && (r & 1) != 0)
        {
            error = new AsmError(AsmErrors.MisalignedRegister, column, $"a 64-bit operand needs an even register, found R{r}");
            return false;
        }
        if (kind == OperandKind.R128 && (r & 3) != 0)
        {
            error = new AsmError(AsmErrors.MisalignedRegister, column, $"a 128-bit operand needs a register that is a multiple of 4, found R{r}");
            return false;
        }
        return true;
    }

    private static bool SplitOperands(string text, int pos, int column, out List<Token> operands, out AsmError error)
    {
        operands = [];
        error = default;
        SkipSpaces(text, ref pos);
        if (pos >= text.Length)
        {
            return true;
        }
        int depth = 0, start = pos;
        for (int k = pos; k <= text.Length; k++)
        {
            char ch = k < text.Length ? text[k] : ',';
            if (ch == '[')
            {
                depth++;
            }
            else if (ch == ']')
            {
                depth--;
            }
            if ((ch == ',' && depth == 0) || k == text.Length)
            {
                var raw = text[start..k];
                var trimmed = raw.Trim();
                int col = column + start + (raw.Length - raw.TrimStart().Length);
                if (trimmed.Length == 0)
                {
                    error = new AsmError(AsmErrors.SyntaxError, col, "empty operand");
                    return false;
                }
                if (trimmed.StartsWith('[') != trimmed.EndsWith(']') || depth != 0)
                {
                    error = new AsmError(AsmErrors.SyntaxError, col, $"unbalanced brackets in '{trimmed}'");
                    return false;
                }
                operands.Add(new Token(trimmed, col));
                start = k + 1;
            }
        }
        return true;
    }

    internal static bool TryRegister(string s, out byte index)
    {
        index = 0;
        if (s == "RZ")
        {
            index = Reg.ZeroIndex;
            return true;
        }
        return s.Length >= 2 && s[0] == 'R' && char.IsAsciiDigit(s[1]) && byte.TryParse(s.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < Reg.ZeroIndex
            && (s.Length == 2 || s[1] != '0');
    }

    /// <summary>R followed by digits: a register name, even when out of range (reported as a bad register).</summary>
    private static bool LooksLikeRegister(string s) => s.Length >= 2 && s[0] == 'R' && s.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    internal static bool TryPredicate(string s, out byte index)
    {
        index = Pred.TrueIndex;
        if (s == "PT")
        {
            return true;
        }
        if (s.Length == 2 && s[0] == 'P' && s[1] is >= '0' and <= '6')
        {
            index = (byte)(s[1] - '0');
            return true;
        }
        return false;
    }

    /// <summary>Decimal or 0x hexadecimal, with an optional sign.</summary>
    internal static bool TryInteger(string s, out long value)
    {
        value = 0;
        bool neg = s.StartsWith('-');
        var body = neg || s.StartsWith('+') ? s.AsSpan(1) : s.AsSpan();
        bool ok = body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? body.Length > 2 && body.Length <= 18 && ulong.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u) && u <= long.MaxValue && (value = (long)u) >= 0
            : body.Length > 0 && char.IsAsciiDigit(body[0]) && long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (neg)
        {
            value = -value;
        }
        return ok;
    }

    /// <summary>A float literal (<c>1.5</c>, <c>-2e3</c>, <c>inf</c>, <c>nan</c>) or raw bits <c>0fXXXXXXXX</c>.</summary>
    internal static bool TryFloat(string s, out uint bits)
    {
        bits = 0;
        if (s.StartsWith("0f", StringComparison.OrdinalIgnoreCase) && s.Length == 10)
        {
            return uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bits);
        }
        var body = s.TrimStart('-', '+');
        if (body.Length == 0 || !(char.IsAsciiDigit(body[0]) || body[0] == '.' || body is "inf" or "nan"))
        {
            return false;
        }
        if (!float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
        {
            if (body is "inf")
            {
                f = s.StartsWith('-') ? float.NegativeInfinity : float.PositiveInfinity;
            }
            else if (body is "nan")
            {
                f = float.NaN;
            }
            else
            {
                return false;
            }
        }
        bits = BitConverter.SingleToUInt32Bits(f);
        return true;
    }

    private static void SkipSpaces(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }
    }

    private static string ReadWord(string s, ref int pos)
    {
        int start = pos;
        while (pos < s.Length && !char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }
        return s[start..pos];
    }
}
