using ByteChip.Isa.Generator;

namespace ByteChip.Isa.Tests.Isa;

/// <summary>The spec's own checks, and that everything generated from it is up to date.</summary>
public class SpecTests
{
    private static string SpecFolder => IsaGenerator.FindSpecFolder(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("isa-spec folder not found above the test directory");

    [Fact]
    public void GeneratedFilesAndManualAreUpToDate()
    {
        var files = IsaGenerator.Generate(Path.Combine(SpecFolder, IsaGenerator.SpecFileName));
        Assert.Contains(IsaGenerator.ManualPath, files.Keys);
        foreach (var (rel, text) in files)
        {
            var path = Path.Combine(SpecFolder, rel);
            Assert.True(File.Exists(path), $"{rel} is missing: run the generator");
            Assert.True(File.ReadAllText(path) == text, $"{rel} is out of date with bytechip.isa: run 'dotnet run --project isa-spec/ByteChip.Isa.Generator' (or build ByteChip.Isa)");
        }
    }

    [Fact]
    public void TheSpecCoversTheRequiredInstructionGroups()
    {
        var spec = SpecParser.Parse("bytechip.isa", File.ReadAllText(Path.Combine(SpecFolder, IsaGenerator.SpecFileName)));
        var mnemonics = spec.Instructions.Select(i => i.Mnemonic).ToHashSet();
        string[] required =
        [
            "fma.f32", "fma.f64", "min.f32", "max.s64", "abs.s32", "neg.f64", "shl.b32", "shr.s64", "popc.b32", "clz.b64", "brev.b32",
            "bfe.u32", "bfi.b32", "mulhi.s32", "mulhi.u64", "selp.b32", "rcp.approx.f32", "sqrt.f32", "rsqrt.approx.f32", "ex2.approx.f32",
            "lg2.approx.f32", "sin.approx.f32", "cos.approx.f32", "cvt.{m:rnd}.f16.f32", "cvt.{m:rnd}.bf16.f32", "cvt.{m:rndi}.s32.f64",
            "ld.generic.b128", "st.shared.b8", "ld.param.b64", "ld.const.b32", "ld.local.u16", "atom.global.cas.b64", "atom.shared.inc.u32",
            "atom.global.add.f32", "atom.shared.exch.b32", "bar.sync", "membar.{m:membar}", "shfl.idx.b32", "shfl.up.b32", "shfl.down.b32",
            "shfl.bfly.b32", "vote.all", "vote.any", "vote.ballot.b32", "bra", "call", "ret", "exit", "mma.m16n8k16.f32.bf16", "dp4a.s32.s8.s8",
        ];
        Assert.All(required, m => Assert.Contains(m, mnemonics));
        var n4 = spec.Targets.Single(t => t.Name == "n4");
        var n5 = spec.Targets.Single(t => t.Name == "n5");
        Assert.Contains("mma", n4.Features);
        Assert.DoesNotContain("mma", n5.Features);
        Assert.Contains("dp4a", n5.Features);
        Assert.DoesNotContain("dp4a", n4.Features);
    }

    [Theory]
    [InlineData("format X \"t\"\n  op 0 10\n  gd 10 3\n  gn 13 1\n  d 14 8\n", "covered by no field")]
    [InlineData("format X \"t\"\n  op 0 10\n  gd 10 3\n  gn 13 1\n  d 12 52\n", "overlaps another field")]
    [InlineData(Minimal + "group g base \"g\"\n  latency c\ninst 0x001 nop X\ninst 0x001 nop2 X\n", "already used by line")]
    [InlineData(Minimal + "group g base \"g\"\n  latency c\ninst 0x001 add X d:r32\ninst 0x002 add X d:r32\n", "ambiguous")]
    [InlineData(Minimal + "group g base \"g\"\n  latency c\ninst 0x001 mov X d:u32\n", "cannot hold")]
    [InlineData(Minimal + "group g base \"g\"\n  latency c\ninst 0x001 mov X q:r32\n", "no operand field 'q'")]
    [InlineData(Minimal + "group g nofeature \"g\"\n  latency c\ninst 0x001 nop X\n", "unknown feature")]
    [InlineData("frobnicate 1\n", "unknown statement")]
    public void InconsistentSpecsAreRejectedWithAReason(string text, string expected)
    {
        var e = Assert.Throws<SpecException>(() => SpecParser.Parse("t.isa", text));
        Assert.Contains(expected, e.Message);
    }

    private const string Minimal = "isa t 1\nfeature base \"b\"\nlatency-class c \"c\"\nformat X \"t\"\n  op 0 10\n  gd 10 3\n  gn 13 1\n  d 14 8\n  _ 22 42\n";
}
