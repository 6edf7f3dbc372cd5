using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>An address space of the memory and atomic groups.</summary>
internal enum Space : byte
{
    None,
    Global,
    Generic,
    Shared,
    Local,
    Const,
    Param,
}

/// <summary>What a load, store or atomic form does, read once from its mnemonic in the spec.</summary>
internal readonly record struct MemoryForm(bool IsLoad, bool IsStore, Space Space, int Size, bool Signed, string Operation, char Type);

/// <summary>The table of memory and atomic forms, indexed by opcode.</summary>
internal static class MemoryForms
{
    private static readonly MemoryForm[] s_table = Build();

    public static MemoryForm Of(Opcode op) => s_table[(int)op];

    private static MemoryForm[] Build()
    {
        var table = new MemoryForm[1 << InstructionCodec.OpcodeBits];
        foreach (var form in InstructionTable.Forms)
        {
            var parts = form.MnemonicTemplate.Split('.');
            switch (parts[0])
            {
                case "ld" or "st":
                    {
                        // ld.SPACE.TYPE / st.SPACE.TYPE with TYPE u8 s8 u16 s16 b8 b16 b32 b64 b128.
                        string type = parts[2];
                        int size = int.Parse(type.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) / 8;
                        table[(int)form.Opcode] = new MemoryForm(parts[0] == "ld", parts[0] == "st", ParseSpace(parts[1]), size, type[0] == 's', "", type[0]);
                        break;
                    }
                case "atom":
                    {
                        // atom.SPACE.OP.TYPE with TYPE u32 s32 f32 b32 u64 s64 f64 b64.
                        string type = parts[3];
                        int size = int.Parse(type.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) / 8;
                        table[(int)form.Opcode] = new MemoryForm(true, true, ParseSpace(parts[1]), size, type[0] == 's', parts[2], type[0]);
                        break;
                    }
            }
        }
        return table;
    }

    private static Space ParseSpace(string s) => s switch
    {
        "global" => Space.Global,
        "generic" => Space.Generic,
        "shared" => Space.Shared,
        "local" => Space.Local,
        "const" => Space.Const,
        "param" => Space.Param,
        _ => throw new InvalidOperationException($"unknown address space '{s}' in the spec"),
    };
}
