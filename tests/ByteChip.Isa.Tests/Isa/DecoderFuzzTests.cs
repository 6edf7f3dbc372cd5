namespace ByteChip.Isa.Tests.Isa;

/// <summary>Random words never make the decoder or printer throw; valid decodes always re-encode to the same word.</summary>
public class DecoderFuzzTests
{
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BYTECHIP_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 300_000;

    [Fact]
    public void RandomWordsDecodeToAValidInstructionOrADefinedStatus()
    {
        var rng = new Random(20261126);
        int valid = 0;
        var forms = InstructionTable.Forms;
        for (int n = 0; n < Iterations; n++)
        {
            // Half the words start from a real opcode, so the field checks are exercised, not just the opcode check.
            ulong word = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
            if ((n & 1) == 0)
            {
                word = (word & ~0x3FFUL) | (ulong)forms[rng.Next(forms.Length)].Opcode;
                word &= rng.Next(2) == 0 ? ulong.MaxValue : forms[rng.Next(forms.Length)].UsedBits | 0x3FF;
            }
            var status = InstructionCodec.TryDecode(word, out var inst);
            Assert.True(Enum.IsDefined(status));
            if (status == DecodeStatus.Ok)
            {
                valid++;
                Assert.Equal(word, InstructionCodec.Encode(inst));
                Assert.False(string.IsNullOrEmpty(InstructionPrinter.Print(inst, 0)));
            }
        }
        Assert.True(valid > Iterations / 100, $"only {valid} valid words: the generator is not reaching the field checks");
    }
}
