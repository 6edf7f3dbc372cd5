namespace ByteChip.Isa;

/// <summary>Look-ups over the generated <see cref="Forms"/>.</summary>
public static partial class InstructionTable
{
    private static readonly InstructionForm?[] s_byOpcode = BuildIndex();

    private static readonly Dictionary<string, InstructionForm[]> s_byShape =
        Forms.GroupBy(f => f.Shape, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static InstructionForm?[] BuildIndex()
    {
        var index = new InstructionForm?[1 << InstructionCodec.OpcodeBits];
        foreach (var f in Forms)
        {
            index[(int)f.Opcode] = f;
        }
        return index;
    }

    public static bool TryGet(int opcode, out InstructionForm form)
    {
        form = (uint)opcode < (uint)s_byOpcode.Length ? s_byOpcode[opcode]! : null!;
        return form is not null;
    }

    public static InstructionForm Of(Opcode opcode) =>
        TryGet((int)opcode, out var f) ? f : throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not an instruction of the ISA");

    /// <summary>Forms whose mnemonic shape (modifiers as <c>{enum}</c>) equals <paramref name="shape"/>.</summary>
    public static IReadOnlyList<InstructionForm> WithShape(string shape) => s_byShape.TryGetValue(shape, out var f) ? f : [];

    /// <summary>Every distinct shape's parts, for matching mnemonics with modifiers.</summary>
    public static IEnumerable<InstructionForm> ShapeRepresentatives => s_byShape.Values.Select(v => v[0]);
}
