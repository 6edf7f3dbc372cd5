using ByteChip.Isa.Generator;

namespace ByteChip.Isa.Tests.Isa;

/// <summary>
/// Latency classes: every form has exactly one, every target a figure for each class of the forms it has, the
/// generated API agrees with the spec text, and a spec that leaves a latency out or gives one twice is rejected.
/// </summary>
public class LatencyTests
{
    private static IsaSpec Spec { get; } = SpecParser.Parse(IsaGenerator.SpecFileName, File.ReadAllText(Path.Combine(
        IsaGenerator.FindSpecFolder(AppContext.BaseDirectory) ?? throw new InvalidOperationException("isa-spec folder not found"),
        IsaGenerator.SpecFileName)));

    [Fact]
    public void EveryFormHasTheLatencyClassTheSpecGivesIt()
    {
        Assert.Equal(Spec.Instructions.Count, InstructionTable.Forms.Length);
        foreach (var inst in Spec.Instructions)
        {
            // The class in effect is the instruction's own 'latency' row, else its group's.
            var group = Spec.Groups.Single(g => g.Name == inst.Group);
            var expected = inst.LatencyOverride ?? group.LatencyClass;
            Assert.NotNull(expected);
            var form = InstructionTable.Of((Opcode)inst.Opcode);
            Assert.True(Enum.IsDefined(form.LatencyClass), $"{inst.Mnemonic}: undefined class {form.LatencyClass}");
            Assert.Equal(CSharpEmitter.Pascal(expected), form.LatencyClass.ToString());
        }
    }

    [Fact]
    public void EveryTargetHasAFigureForEveryClassOfTheFormsItHas()
    {
        foreach (var target in TargetInfo.All)
        {
            var classesOnTarget = InstructionTable.Forms.Where(f => target.Has(f.Feature)).Select(f => f.LatencyClass).ToHashSet();
            foreach (var c in Enum.GetValues<LatencyClass>())
            {
                Assert.Equal(classesOnTarget.Contains(c), target.HasLatency(c));
            }
            foreach (var form in InstructionTable.Forms.Where(f => target.Has(f.Feature)))
            {
                int cycles = target.LatencyOf(form.Opcode);
                Assert.True(cycles >= 1, $"{target.Name} {form}: {cycles}");
                Assert.Equal(target.LatencyOf(form.LatencyClass), cycles);
            }
        }
    }

    [Fact]
    public void GeneratedFiguresAreTheSpecsFigures()
    {
        foreach (var t in Spec.Targets)
        {
            var target = TargetInfo.Find(t.Name)!;
            Assert.Equal(Spec.LatencyClasses.Count(c => t.LatencyOf(c.Name) is not null), t.Latencies.Count);
            foreach (var l in t.Latencies)
            {
                Assert.Equal(l.Cycles, target.LatencyOf(Enum.Parse<LatencyClass>(CSharpEmitter.Pascal(l.Class))));
            }
        }
    }

    [Fact]
    public void TheFiguresHaveTheShapeTheDesignAsksFor()
    {
        var n4 = TargetInfo.Find("n4")!;
        var n5 = TargetInfo.Find("n5")!;
        foreach (var t in TargetInfo.All)
        {
            // Issue-only control; a dependent ALU op is not back to back; memory is far slower than registers.
            Assert.Equal(1, t.LatencyOf(Opcode.Bra));
            Assert.True(t.LatencyOf(Opcode.AddU32) > 1);
            Assert.True(t.LatencyOf(Opcode.LdSharedB32) > t.LatencyOf(Opcode.FmaF32));
            Assert.True(t.LatencyOf(Opcode.LdGlobalB32) > 10 * t.LatencyOf(Opcode.LdSharedB32));
            Assert.True(t.LatencyOf(Opcode.AtomGlobalAddU32) >= t.LatencyOf(Opcode.LdGlobalB32));
        }
        // n5 is the inference part: double precision is much slower than on the training part.
        Assert.True(n5.LatencyOf(Opcode.FmaF64) >= 4 * n4.LatencyOf(Opcode.FmaF64));
    }

    [Fact]
    public void LatencyOfRejectsFormsTheTargetLacks()
    {
        var n4 = TargetInfo.Find("n4")!;
        var n5 = TargetInfo.Find("n5")!;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => n5.LatencyOf(Opcode.MmaM16n8k16F32Bf16));
        Assert.Contains("n5", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => n4.LatencyOf(Opcode.Dp4aS32S8S8));
        Assert.Throws<ArgumentOutOfRangeException>(() => n4.LatencyOf(Opcode.Illegal));
        Assert.Throws<ArgumentOutOfRangeException>(() => n5.LatencyOf(LatencyClass.Mma));
        Assert.True(n4.LatencyOf(Opcode.MmaM16n8k16F32Bf16) > 1);
        Assert.True(n5.LatencyOf(Opcode.Dp4aS32S8S8) > 1);
    }

    [Fact]
    public void TheManualHasTheLatencyTable()
    {
        var manual = IsaGenerator.Generate(Path.Combine(IsaGenerator.FindSpecFolder(AppContext.BaseDirectory)!, IsaGenerator.SpecFileName))[IsaGenerator.ManualPath];
        Assert.Contains("## Latencies", manual);
        foreach (var c in Spec.LatencyClasses)
        {
            var row = $"| `{c.Name}` | " + string.Join(" | ", Spec.Targets.Select(t => t.LatencyOf(c.Name)?.ToString() ?? "-")) + " |";
            Assert.Contains(row, manual);
        }
    }

    // A two-target spec that is valid as written; each case below breaks one thing.
    private const string Head = "isa t 1\nfeature base \"b\"\nfeature extra \"x\"\nlatency-class alu \"a\"\nlatency-class ext \"e\"\n"
        + "format X \"t\"\n  op 0 10\n  gd 10 3\n  gn 13 1\n  d 14 8\n  _ 22 42\n";

    private const string Groups = "group g base \"g\"\n  latency alu\ninst 0x001 nop X\ninst 0x002 mov X d:r32\n"
        + "group h extra \"h\"\n  latency ext\ninst 0x003 ext X d:r32\n";

    private const string TargetA = "target a 0x100 \"a\"\n  features base extra\n  latency alu 4 \"r\"\n  latency ext 8 \"r\"\n";

    private const string TargetB = "target b 0x200 \"b\"\n  features base\n  latency alu 4 \"r\"\n";

    [Fact]
    public void TheTestSpecIsValid()
    {
        var spec = SpecParser.Parse("t.isa", Head + TargetA + TargetB + Groups);
        Assert.Equal(8, spec.Targets[0].LatencyOf("ext"));
        Assert.Null(spec.Targets[1].LatencyOf("ext"));
        Assert.All(spec.Instructions, i => Assert.NotNull(i.LatencyClass));
    }

    [Theory]
    // A target lacks the figure for a class of a form it has.
    [InlineData(Head + "target a 0x100 \"a\"\n  features base extra\n  latency alu 4 \"r\"\n" + TargetB + Groups, "target a has no latency for class 'ext' (used by ext)")]
    // A target gives a class twice.
    [InlineData(Head + TargetA + "target b 0x200 \"b\"\n  features base\n  latency alu 4 \"r\"\n  latency alu 6 \"r\"\n" + Groups, "target b gives a second latency for class 'alu' (the first is on line")]
    // A form with no class: its group has none and it gives none.
    [InlineData(Head + TargetA + TargetB + "group g base \"g\"\ninst 0x001 nop X\n" + "group h extra \"h\"\n  latency ext\ninst 0x003 ext X d:r32\n", "nop has no latency class")]
    // An instruction names two classes.
    [InlineData(Head + TargetA + TargetB + "group g base \"g\"\ninst 0x001 nop X\n  latency alu\n  latency ext\n", "a second 'latency' row")]
    // Unknown classes, in a group, an instruction and a target.
    [InlineData(Head + TargetA + TargetB + Groups + "group k base \"k\"\n  latency nosuch\ninst 0x010 k X\n", "group k names unknown latency class 'nosuch'")]
    [InlineData(Head + TargetA + TargetB + Groups + "group k base \"k\"\n  latency alu\ninst 0x010 k X\n  latency nosuch\n", "k names unknown latency class 'nosuch'")]
    [InlineData(Head + TargetA + TargetB + "target c 0x300 \"c\"\n  features base\n  latency alu 4 \"r\"\n  latency nosuch 4 \"r\"\n" + Groups, "target c gives a latency for unknown latency class 'nosuch'")]
    // A figure below one cycle.
    [InlineData(Head + TargetA + "target b 0x200 \"b\"\n  features base\n  latency alu 0 \"r\"\n" + Groups, "it must be at least 1 cycle")]
    // A figure for a class none of whose forms the target has.
    [InlineData(Head + TargetA + "target b 0x200 \"b\"\n  features base\n  latency alu 4 \"r\"\n  latency ext 8 \"r\"\n" + Groups, "target b gives a latency for class 'ext', but none of that class's instructions is available on b")]
    // A class declared twice, and one no form uses.
    [InlineData(Head + "latency-class alu \"again\"\n" + TargetA + TargetB + Groups, "latency class 'alu' is already declared on line 4")]
    [InlineData(Head + "latency-class spare \"s\"\n" + TargetA + TargetB + Groups, "latency class 'spare' is used by no instruction")]
    [InlineData(Head + "latency-class Bad \"s\"\n" + TargetA + TargetB + Groups, "latency class name 'Bad' must be")]
    public void SpecsWithBadLatenciesAreRejectedWithAReason(string text, string expected)
    {
        var e = Assert.Throws<SpecException>(() => SpecParser.Parse("t.isa", text));
        Assert.Contains(expected, e.Message);
    }
}
