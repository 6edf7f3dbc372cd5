using ByteChip.Isa.Assembly;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Isa.Tests.Isa;

public class AssemblerTests
{
    private static string RepoFile(string rel)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, rel);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException(rel);
    }

    private static BcModule AssembleOk(string text)
    {
        var result = Assembler.Assemble(text, "t.s");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Module!;
    }

    [Fact]
    public void SaxpySampleAssemblesWithMetadataAndLineTable()
    {
        var path = RepoFile("samples/asm/saxpy.s");
        var module = AssembleOk(File.ReadAllText(path));
        Assert.Equal(TargetArch.N4, module.Target);
        var k = Assert.Single(module.Kernels);
        Assert.Equal("saxpy", k.Name);
        Assert.Equal(18, k.Code.Count);
        Assert.Equal([0u, 8u, 16u, 24u], k.Parameters.Select(p => p.Offset));
        Assert.Equal(BcParameterKind.Pointer, k.Parameters[1].Kind);
        Assert.Equal(13u, k.RegistersPerThread); // R0..R12
        Assert.Equal(1u, k.PredicatesUsed);
        Assert.Equal([new BcLineEntry(0, 0, 3, 17), new BcLineEntry(7, 0, 4, 9)], k.Lines);
    }

    [Fact]
    public void LabelsResolveForwardAndBackward()
    {
        var m = AssembleOk(".target n5\n.kernel k\ntop:\n  bra done\n  bra top\ndone:\n  exit\n.end\n");
        var code = m.Kernels[0].Code;
        Assert.Equal(DecodeStatus.Ok, InstructionCodec.TryDecode(code[0], out var fwd));
        Assert.Equal(1u, fwd.Imm);
        Assert.Equal(DecodeStatus.Ok, InstructionCodec.TryDecode(code[1], out var back));
        Assert.Equal(unchecked((uint)-2), back.Imm);
    }

    [Fact]
    public void DataRelocationsAndRawWordsRoundTripThroughTheDisassembler()
    {
        const string text = """
            .target n4
            .file 0 "k.cu"
            .const table 8 4 = 01 00 00 00 02 00 00 00
            .const scale 4 4 = 00 00 80 3f
            .global counter 4 4
            .global ptrs 16 8 = 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            .globalreloc ptrs 8 counter 0
            .kernel "reduce<256>" mangled _Z6reduceILi256EEvPf
                .shared 1024
                .local 16
                .maxthreads 256
                .dynshared
                .param out 8 8 ptr global
                .loc 0 10 3
                mov.b32 R2, %lo(counter+4)
                mov.b32 R3, %hi(counter)
                .word 0x0000000000000000
                @!P3 bra.uni next
            next:
                ld.const.b32 R0, [RZ+0x8]
                exit
            .end
            """;
        var module = AssembleOk(text);
        var listing = Disassembler.Disassemble(module);
        var again = AssembleOk(listing);
        Assert.Equal(module, again);
        Assert.Equal(BcModuleWriter.Write(module), BcModuleWriter.Write(again));
        Assert.Contains("%lo(counter+4)", listing);
        Assert.Contains(".word 0x0000000000000000", listing);
        Assert.Equal("reduce<256>", again.Kernels[0].Name);
    }

    [Fact]
    public void EveryFormAssembledFromItsPrintedTextGivesTheSameWords()
    {
        // One kernel holding every form of the ISA: printed, assembled, disassembled and assembled again.
        var rng = new Random(12345);
        var n4 = TargetInfo.Find("n4")!;
        var forms = InstructionTable.Forms.Where(f => n4.Has(f.Feature)).ToList();
        var words = new List<ulong>();
        var sb = new System.Text.StringBuilder(".target n4\n.kernel all\n");
        foreach (var f in forms)
        {
            var inst = RandomInstructions.Make(f, rng);
            if (f.Operands.Any(o => o.Kind == OperandKind.Target))
            {
                inst = inst with { Imm = unchecked((uint)(-1 - words.Count)) }; // branch to address 0
            }
            words.Add(InstructionCodec.Encode(inst));
            sb.Append("    ").Append(InstructionPrinter.Print(inst, 8L * (words.Count - 1))).Append('\n');
        }
        sb.Append(".end\n");
        var module = AssembleOk(sb.ToString());
        Assert.Equal(words, module.Kernels[0].Code);
        var again = AssembleOk(Disassembler.Disassemble(module));
        Assert.Equal(words, again.Kernels[0].Code);
    }

    [Theory]
    [InlineData(".target n4\n.kernel k\n  frob R1, R2\n.end\n", 5002, 3, 3, "unknown instruction 'frob'")]
    [InlineData(".target n4\n.kernel k\n  add.u32 R1, R2\n.end\n", 5003, 3, 3, "operands do not match 'add.u32'")]
    [InlineData(".target n4\n.kernel k\n  add.u64 R1, R2, R4\n.end\n", 5005, 3, 11, "even register")]
    [InlineData(".target n4\n.kernel k\n  bra nowhere\n.end\n", 5007, 3, 7, "unknown label 'nowhere'")]
    [InlineData(".target n4\n.kernel k\nx:\nx:\n  exit\n.end\n", 5008, 4, 1, "already defined")]
    [InlineData(".target n4\n.kernel k\n  s2r R1, %bogus\n.end\n", 5009, 3, 11, "unknown special register")]
    [InlineData(".target n4\n.bogus 1\n", 5010, 2, 1, "unknown directive '.bogus'")]
    [InlineData(".target n4\n  exit\n", 5012, 2, 3, "outside")]
    [InlineData(".target n5\n.kernel k\n  mma.m16n8k16.f32.bf16 R0, R4, R8, R12\n.end\n", 5013, 3, 3, "target n5 does not have")]
    [InlineData(".target n4\n.kernel k\n  dp4a.s32.s8.s8 R0, R1, R2, R3\n.end\n", 5013, 3, 3, "'dp4a' feature")]
    [InlineData(".kernel k\n  exit\n.end\n", 5014, 1, 1, "no '.target")]
    [InlineData(".target n4\n.kernel k\n  exit\n", 5018, 2, 1, "has no '.end'")]
    [InlineData(".target n4\n.kernel k\n  add.u32 R1, R2, 0x100000000\n.end\n", 5006, 3, 19, "does not fit 32 bits")]
    [InlineData(".target n5\n.kernel k\n  mov.b32 R200, 1\n.end\n", 5017, 2, 1, "target n5 has 128")]
    [InlineData(".target n4\n.kernel k\n  mov.b32 R1, %lo(nothing)\n.end\n", 5016, 3, 3, "'nothing' is not a .const or .global")]
    [InlineData(".target n4\n.kernel k\n  setp.xx.s32 P0, R1, R2\n.end\n", 5002, 3, 3, "unknown instruction 'setp.xx.s32'")]
    [InlineData(".target n4\n.kernel k\n  @P9 exit\n.end\n", 5001, 3, 3, "guard predicate")]
    [InlineData(".target n4\n.kernel k\n  add.u32 R0, R0, R300\n.end\n", 5004, 3, 19, "'R300' is not a register")]
    [InlineData(".target n4\n.kernel k\n  ld.global.b32 R0, [R256+4]\n.end\n", 5004, 3, 21, "'R256' is not a register")]
    public void ErrorsHaveCodeLocationAndMessage(string text, int code, int line, int column, string message)
    {
        var result = Assembler.Assemble(text, "bad.s");
        Assert.False(result.Success);
        var d = result.Diagnostics[0];
        Assert.Equal((code, line, column), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Contains(message, d.Message);
        Assert.StartsWith($"bad.s:{line}:{column}: error BC{code}: ", d.ToString());
    }

    [Fact]
    public void TheAssemblerKeepsGoingAfterAnError()
    {
        var result = Assembler.Assemble(".target n4\n.kernel k\n  frob\n  add.u32 R1\n  bra x\n.end\n", "many.s");
        Assert.Equal(3, result.Diagnostics.Count);
    }
}
