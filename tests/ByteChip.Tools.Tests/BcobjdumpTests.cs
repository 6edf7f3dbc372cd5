namespace ByteChip.Tools.Tests;

/// <summary><c>bcobjdump</c> as a process: what it shows, and that its listing re-assembles byte-identically.</summary>
public sealed class BcobjdumpTests : IDisposable
{
    /// <summary>Every kind of record the format has: constants, globals with a relocation, a template kernel, raw words.</summary>
    private const string RichSource = """
        // Two kernels for n5 with every kind of record the format has.
        .target n5
        .file 0 "histogram.cu"
        .file 1 "common.cuh"
        .const bins 16 4 = 00 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00
        .global total 8 8
        .global table 8 8 = 00 00 00 00 00 00 00 00
        .globalreloc table 0 total 0
        .kernel histogram
            .shared 256
            .maxthreads 128
            .param data 8 8 ptr global
            .param count 4 4
            .loc 0 7 5
            s2r R0, %tid.x
            mov.b32 R2, %lo(total)
            mov.b32 R3, %hi(total)
        again:
            .loc 1 2 9
            @P1 bra again
            ld.const.b32 R1, [RZ+0x4]
            exit
        .end
        .kernel "scale<float>" mangled _Z5scaleIfEvPT_
            .local 8
            .dynshared
            .param out 8 8 ptr global
            .word 0x0000000000000000
            exit
        .end

        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string AssembleSaxpy() => _temp.Write("saxpy.bcbin", ToolProcess.SaxpyModule);

    [Theory]
    [InlineData("saxpy", false)]
    [InlineData("saxpy", true)]
    [InlineData("rich", false)]
    public void DisassemblyReassemblesToTheSameBytes(string which, bool noEncoding)
    {
        string first;
        if (which == "saxpy")
        {
            first = AssembleSaxpy();
        }
        else
        {
            first = _temp.File("rich.bcbin");
            var a = ToolProcess.Run("bcas", _temp.Write("rich.s", RichSource), "-o", first);
            Assert.True(a.ExitCode == 0, a.ToString());
        }

        var dump = ToolProcess.Run("bcobjdump", noEncoding ? ["-d", "--no-encoding", first] : ["-d", first]);
        Assert.True(dump.ExitCode == 0, dump.ToString());
        Assert.Equal("", dump.Stderr);
        var listing = _temp.Write("listing.s", dump.Stdout);
        var second = _temp.File("again.bcbin");
        var again = ToolProcess.Run("bcas", listing, "-o", second);
        Assert.True(again.ExitCode == 0, $"the listing does not re-assemble\n{again}\n--- listing ---\n{dump.Stdout}");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void FullReportShowsHeadersKernelParametersAndLineTable()
    {
        var binary = AssembleSaxpy();
        var r = ToolProcess.Run("bcobjdump", "-f", "-k", "-l", binary);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        var o = r.Stdout;
        Assert.Contains("ELF64 little-endian, machine 0xBC01 (ByteChip)", o);
        Assert.Contains("target n4", o);
        Assert.Contains("kernels 1", o);
        Assert.Contains("// kernel saxpy: 18 instructions, 13 registers, 1 predicates", o);
        Assert.Contains("//   param a: offset 0, size 4, align 4, value", o);
        Assert.Contains("//   param x: offset 8, size 8, align 8, pointer (global)", o);
        Assert.Contains("//   param y: offset 16, size 8, align 8, pointer (global)", o);
        Assert.Contains("//   param n: offset 24, size 4, align 4, value", o);
        Assert.Contains("// line table of saxpy: 2 rows", o);
        Assert.Contains("//   0x0000  saxpy.cu:3:17", o);
        Assert.Contains("//   0x0038  saxpy.cu:4:9", o);
        Assert.DoesNotContain("s2r R0", o); // no disassembly without -d
    }

    [Fact]
    public void DisassemblyShowsAddressesAndEncodings()
    {
        var r = ToolProcess.Run("bcobjdump", "-d", AssembleSaxpy());

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Matches(@"/\*0000\*/ s2r R0, %ctaid\.x\s+// 0x[0-9a-f]{16}", r.Stdout);
        Assert.Matches(@"/\*0078\*/ fma\.f32 R11, R12, R10, R11\s+// 0x[0-9a-f]{16}", r.Stdout);
        Assert.Contains(".kernel saxpy", r.Stdout);
    }

    [Fact]
    public void WithoutOptionsItShowsTheHeadersOnly()
    {
        var r = ToolProcess.Run("bcobjdump", AssembleSaxpy());

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("ELF64 little-endian", r.Stdout);
        Assert.DoesNotContain("param a", r.Stdout);
        Assert.DoesNotContain("line table", r.Stdout);
    }

    [Fact]
    public void TemplateKernelNameAndMetadataAreShown()
    {
        var binary = _temp.File("rich.bcbin");
        var a = ToolProcess.Run("bcas", _temp.Write("rich.s", RichSource), "-o", binary);
        Assert.True(a.ExitCode == 0, a.ToString());

        var r = ToolProcess.Run("bcobjdump", "-f", "-k", binary);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("target n5", r.Stdout);
        Assert.Contains("kernels 2", r.Stdout);
        Assert.Contains("globals 2", r.Stdout);
        Assert.Contains("256 static shared bytes, 0 local bytes/thread, max threads 128", r.Stdout);
        Assert.Contains("// kernel scale<float> (_Z5scaleIfEvPT_)", r.Stdout);
        Assert.Contains("0 static shared bytes + dynamic, 8 local bytes/thread", r.Stdout);
    }
}
