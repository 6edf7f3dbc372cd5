using System.Buffers.Binary;
using System.Text.Json;

namespace ByteChip.Tools.Tests;

/// <summary><c>bcas</c> as a process: the sample assembles, errors look like clang's, msbuild's or JSON lines.</summary>
public sealed class BcasTests : IDisposable
{
    private const string BadMnemonic = ".target n4\n.kernel k\n    frobnicate R0, R1\n    exit\n.end\n";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaxpySampleAssemblesToAnElfModuleForN4()
    {
        var output = _temp.File("saxpy.bcbin");
        var r = ToolProcess.Run("bcas", ToolProcess.RepoFile("samples/asm/saxpy.s"), "-o", output);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        var bytes = File.ReadAllBytes(output);
        Assert.True(bytes.Length > 64, $"{bytes.Length} bytes");
        Assert.Equal("\u007fELF"u8.ToArray(), bytes[..4]);
        Assert.Equal(2, bytes[4]); // ELFCLASS64
        Assert.Equal(1, bytes[5]); // little-endian
        Assert.Equal(0xBC01, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(18)));
    }

    [Fact]
    public void OutputDefaultsToTheInputNameWithBcbinExtension()
    {
        var input = _temp.Write("saxpy.s", File.ReadAllText(ToolProcess.RepoFile("samples/asm/saxpy.s")));
        var r = ToolProcess.Run("bcas", input);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.True(File.Exists(_temp.File("saxpy.bcbin")), r.ToString());
    }

    [Fact]
    public void StandardInputAssemblesToTheSameBytesAsTheFile()
    {
        var source = File.ReadAllText(ToolProcess.RepoFile("samples/asm/saxpy.s"));
        var fromFile = ToolProcess.Run("bcas", _temp.Write("saxpy.s", source), "-o", _temp.File("file.bcbin"));
        var fromStdin = ToolProcess.Run("bcas", ["-", "-o", _temp.File("stdin.bcbin")], stdin: source);

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.True(fromStdin.ExitCode == 0, fromStdin.ToString());
        Assert.Equal(File.ReadAllBytes(_temp.File("file.bcbin")), File.ReadAllBytes(_temp.File("stdin.bcbin")));
    }

    [Fact]
    public void ErrorIsFileLineColumnCodeMessageThenTheSourceLineAndACaret()
    {
        var input = _temp.Write("bad.s", BadMnemonic);
        var r = ToolProcess.Run("bcas", input, "-o", _temp.File("bad.bcbin"));

        ToolProcess.AssertCleanUserError(r);
        Assert.Equal($"{input}:3:5: error BC5002: unknown instruction 'frobnicate'\n    frobnicate R0, R1\n    ^\n", r.Stderr);
        Assert.False(File.Exists(_temp.File("bad.bcbin")), "no output file is written when assembly fails");
    }

    [Fact]
    public void CaretFollowsTabsAndEveryErrorIsReported()
    {
        var input = _temp.Write("bad.s", ".target n4\n.kernel k\n\tbra nowhere\n    add.u64 R1, R2, R4\n    exit\n.end\n");
        var r = ToolProcess.Run("bcas", input);

        ToolProcess.AssertCleanUserError(r);
        string expected =
            $"{input}:3:6: error BC5007: unknown label 'nowhere'\n" +
            "\tbra nowhere\n" +
            "\t    ^\n" +
            $"{input}:4:13: error BC5005: a 64-bit operand needs an even register, found R1\n" +
            "    add.u64 R1, R2, R4\n" +
            "            ^\n";
        Assert.Equal(expected, r.Stderr);
    }

    [Fact]
    public void MsbuildFormatIsFileParenLineCommaColumn()
    {
        var input = _temp.Write("bad.s", BadMnemonic);
        var r = ToolProcess.Run("bcas", input, "--diagnostics-format", "msbuild");

        ToolProcess.AssertCleanUserError(r);
        Assert.Equal([$"{input}(3,5): error BC5002: unknown instruction 'frobnicate'"], r.ErrorLines);
    }

    [Fact]
    public void JsonFormatIsOneObjectPerLine()
    {
        var input = _temp.Write("bad.s", ".target n4\n.kernel k\n    frobnicate R0\n    bogus R1\n    exit\n.end\n");
        var r = ToolProcess.Run("bcas", input, "--diagnostics-format", "json");

        ToolProcess.AssertCleanUserError(r);
        Assert.Equal(2, r.ErrorLines.Length);
        var expected = new[] { (Line: 3, Message: "unknown instruction 'frobnicate'"), (Line: 4, Message: "unknown instruction 'bogus'") };
        for (int i = 0; i < expected.Length; i++)
        {
            using var json = JsonDocument.Parse(r.ErrorLines[i]);
            var d = json.RootElement;
            Assert.Equal(JsonValueKind.Object, d.ValueKind);
            Assert.Equal(input, d.GetProperty("file").GetString());
            Assert.Equal(expected[i].Line, d.GetProperty("line").GetInt32());
            Assert.Equal(5, d.GetProperty("column").GetInt32());
            Assert.Equal("error", d.GetProperty("severity").GetString());
            Assert.Equal("BC5002", d.GetProperty("code").GetString());
            Assert.Equal(expected[i].Message, d.GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData(".kernel k\n    exit\n.end\n", 1, 1, "BC5014")]
    [InlineData(".target n4\n.kernel k\n    exit\n", 2, 1, "BC5018")]
    [InlineData(".target n4\n.bogus 1\n", 2, 1, "BC5010")]
    [InlineData(".target n5\n.kernel k\n    mma.m16n8k16.f32.bf16 R0, R4, R8, R12\n.end\n", 3, 5, "BC5013")]
    public void ErrorCodesAndLocationsOfOtherMistakes(string source, int line, int column, string code)
    {
        var input = _temp.Write("bad.s", source);
        var r = ToolProcess.Run("bcas", input);

        ToolProcess.AssertCleanUserError(r);
        Assert.StartsWith($"{input}:{line}:{column}: error {code}: ", r.ErrorLines[0]);
    }

    [Fact]
    public void MissingInputFileIsOneClearError()
    {
        var missing = _temp.File("does-not-exist.s");
        var r = ToolProcess.Run("bcas", missing);

        ToolProcess.AssertCleanUserError(r);
        var line = Assert.Single(r.ErrorLines);
        Assert.Contains("error BC", line);
        Assert.Contains("cannot read", line);
        Assert.Contains("does-not-exist.s", line);
    }

    [Theory]
    [InlineData("--diagnostics-format", "xml", "unknown diagnostics format 'xml'")]
    [InlineData("--arch", "n9", "unknown target 'n9'")]
    public void BadOptionValuesAreOneClearError(string option, string value, string message)
    {
        var r = ToolProcess.Run("bcas", ToolProcess.RepoFile("samples/asm/saxpy.s"), "-o", _temp.File("x.bcbin"), option, value);

        ToolProcess.AssertCleanUserError(r);
        Assert.Contains(message, Assert.Single(r.ErrorLines));
    }
}
