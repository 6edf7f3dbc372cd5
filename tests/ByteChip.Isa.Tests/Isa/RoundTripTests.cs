using ByteChip.Isa;

namespace ByteChip.Isa.Tests.Isa;

/// <summary>
/// Every instruction form of the spec: encode, decode, print, parse, encode again, and get the same bits.
/// The cases come from the generated table, so a new instruction is tested without writing a test.
/// </summary>
public class RoundTripTests
{
    public static TheoryData<string> AllForms()
    {
        var data = new TheoryData<string>();
        foreach (var f in InstructionTable.Forms)
        {
            data.Add(f.Opcode.ToString());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllForms))]
    public void EncodeDecodePrintParseEncode(string opcodeName)
    {
        var form = InstructionTable.Of(Enum.Parse<Opcode>(opcodeName));
        var rng = new Random(form.Opcode.GetHashCode() * 7919 + 17);
        for (int n = 0; n < 64; n++)
        {
            var inst = RandomInstructions.Make(form, rng);
            ulong word = InstructionCodec.Encode(inst);
            Assert.Equal((int)form.Opcode, InstructionCodec.OpcodeOf(word));
            Assert.Equal(DecodeStatus.Ok, InstructionCodec.TryDecode(word, out var decoded));
            Assert.Equal(inst, decoded);
            long address = 8L * rng.Next(0, 1 << 20);
            var text = InstructionPrinter.Print(decoded, address);
            Assert.True(InstructionParser.TryParse(text, 1, address, null, out var parsed, out var error), $"'{text}': {error.Message}");
            Assert.Equal(word, InstructionCodec.Encode(parsed));
        }
    }

    [Fact]
    public void EveryFormHasAUniqueOpcodeAndTheTableCoversTheEnum()
    {
        var values = Enum.GetValues<Opcode>().Where(o => o != Opcode.Illegal).ToHashSet();
        Assert.Equal(values.Count, InstructionTable.Forms.Length);
        Assert.All(InstructionTable.Forms, f => Assert.Contains(f.Opcode, values));
    }

    [Fact]
    public void UnusedFieldBitsMakeAWordIllegal()
    {
        var word = InstructionCodec.Encode(Build.AddU32(Reg.R(1), Reg.R(2), Reg.R(3)));
        Assert.Equal(DecodeStatus.Ok, InstructionCodec.TryDecode(word, out _));
        // Field c (bits 38..45) is unused by add.u32.
        Assert.Equal(DecodeStatus.ReservedBitsSet, InstructionCodec.TryDecode(word | (1UL << 40), out _));
        // Bits 62..63 are reserved in format R.
        Assert.Equal(DecodeStatus.ReservedBitsSet, InstructionCodec.TryDecode(word | (1UL << 63), out _));
        Assert.Equal(DecodeStatus.IllegalOpcode, InstructionCodec.TryDecode(0, out _));
    }

    [Fact]
    public void MisalignedPairsAndUndefinedModifiersAreRejected()
    {
        var pair = InstructionCodec.Encode(Build.AddU64(Reg.R(2), Reg.R(4), Reg.R(6)));
        // d = R3 (bits 14..21): odd register for a 64-bit operand.
        ulong odd = (pair & ~(0xFFUL << 14)) | (3UL << 14);
        Assert.Equal(DecodeStatus.MisalignedRegister, InstructionCodec.TryDecode(odd, out _));
        var setp = InstructionCodec.Encode(Build.SetpS32(Cmpi.Lt, Pred.P(0), Reg.R(1), Reg.R(2)));
        // cmpi defines 0..5; 9 is undefined (field m at bits 17..20 of format P).
        ulong bad = (setp & ~(0xFUL << 17)) | (9UL << 17);
        Assert.Equal(DecodeStatus.BadModifier, InstructionCodec.TryDecode(bad, out _));
    }

    [Theory]
    [InlineData("add.u32 R1, R2, R3", 0x040UL | (7UL << 10) | (1UL << 14) | (2UL << 22) | (3UL << 30))]
    [InlineData("@!P2 add.u32 R1, R2, 0x10", 0x060UL | (2UL << 10) | (1UL << 13) | (1UL << 14) | (2UL << 22) | (0x10UL << 32))]
    [InlineData("ld.global.b32 R4, [R2+0x8]", 0x204UL | (7UL << 10) | (4UL << 14) | (2UL << 22) | (8UL << 32))]
    [InlineData("exit", 0x002UL | (7UL << 10))]
    public void KnownEncodingsMatchTheFormatTables(string text, ulong expected)
    {
        // Expected words are written from the format boxes of the manual (op 0..9, gd 10..12, gn 13, d 14..21, a 22..29, b 30..37, imm 32..63).
        Assert.True(InstructionParser.TryParse(text, 1, 0, null, out var inst, out var error), error.Message);
        Assert.Equal(expected, InstructionCodec.Encode(inst));
    }

    [Fact]
    public void BranchTargetsAreRelativeToTheNextInstruction()
    {
        Assert.True(InstructionParser.TryParse("bra 0x40", 1, 0x10, null, out var inst, out _));
        Assert.Equal(5u, inst.Imm); // (0x40 - 0x18) / 8
        Assert.Equal("bra 0x40", InstructionPrinter.Print(inst, 0x10));
        Assert.True(InstructionParser.TryParse("@P1 bra.uni 0x0", 1, 0x10, null, out var back, out _));
        Assert.Equal(unchecked((uint)-3), back.Imm);
    }
}
