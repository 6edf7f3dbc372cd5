namespace ByteChip.Tools.Tests;

/// <summary>A malformed or missing <c>.bcbin</c> gives exit code 1 and one clear error line, never a stack trace.</summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] SaxpyBytes() => (byte[])ToolProcess.SaxpyModule.Clone();

    private static void AssertOneErrorLine(ToolResult r, string path)
    {
        ToolProcess.AssertCleanUserError(r);
        var line = Assert.Single(r.ErrorLines);
        Assert.Contains("error", line);
        Assert.Contains(Path.GetFileName(path), line);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(300)]
    [InlineData(-1)] // all but the last byte
    public void TruncatedModuleIsOneClearError(int length)
    {
        var bytes = SaxpyBytes();
        var cut = length < 0 ? bytes.Length + length : length;
        var path = _temp.Write("truncated.bcbin", bytes[..cut]);

        var r = ToolProcess.Run("bcobjdump", "-f", "-k", "-l", "-d", path);

        AssertOneErrorLine(r, path);
        Assert.Matches(@"BC6\d{3}", r.Stderr);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 64)]
    [InlineData(3, 4096)]
    public void RandomBytesAreOneClearError(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        var path = _temp.Write("random.bcbin", bytes);

        var r = ToolProcess.Run("bcobjdump", "-d", path);

        AssertOneErrorLine(r, path);
        Assert.Matches(@"BC6\d{3}", r.Stderr);
        if (length >= 64)
        {
            Assert.Contains("not an ELF file", r.Stderr);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void RandomlyCorruptedModuleIsReadOrRejectedCleanly(int seed)
    {
        // Corrupt a valid module after its ELF identification: the reader must either accept it or name the problem.
        var bytes = SaxpyBytes();
        var rng = new Random(seed);
        for (int i = 0; i < 8; i++)
        {
            bytes[rng.Next(16, bytes.Length)] = (byte)rng.Next(256);
        }
        var path = _temp.Write("corrupt.bcbin", bytes);

        var r = ToolProcess.Run("bcobjdump", "-f", "-k", "-l", "-d", path);

        if (r.ExitCode != 0)
        {
            AssertOneErrorLine(r, path);
        }
        else
        {
            Assert.Equal("", r.Stderr);
        }
    }

    [Fact]
    public void WrongElfMachineIsRejected()
    {
        var bytes = SaxpyBytes();
        bytes[18] = 0x3E; // EM_X86_64
        bytes[19] = 0x00;
        var path = _temp.Write("x86.bcbin", bytes);

        var r = ToolProcess.Run("bcobjdump", "-d", path);

        AssertOneErrorLine(r, path);
    }

    [Fact]
    public void MissingModuleFileIsOneClearError()
    {
        var missing = _temp.File("does-not-exist.bcbin");
        var r = ToolProcess.Run("bcobjdump", "-d", missing);

        AssertOneErrorLine(r, missing);
        Assert.Contains("cannot read", r.Stderr);
    }
}
