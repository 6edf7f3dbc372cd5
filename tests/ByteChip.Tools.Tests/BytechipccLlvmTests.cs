namespace ByteChip.Tools.Tests;

/// <summary>
/// bytechipcc without a usable LLVM 19, as a real process (a test host loads LLVM once and keeps it). LLVM loads while
/// the frontend runs, but its absence is still reported once, after the frontend, and only for a source without errors.
/// </summary>
public sealed class BytechipccLlvmTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ToolResult CompileWithout(string source, params string[] options)
    {
        var input = _temp.Write("kernel.cu", source);
        var environment = new Dictionary<string, string> { ["BYTECHIP_LLVM_PATH"] = _temp.File("no-such-libLLVM.so") };
        return ToolProcess.Run("bytechipcc", [input, "-o", _temp.File("kernel.bcbin"), .. options], environment: environment);
    }

    [Theory]
    [InlineData("-O0")]
    [InlineData("-O2")]
    public void MissingLlvm_IsOneErrorNamingTheInstallStep(string level)
    {
        var r = CompileWithout("__global__ void k(int* p) { p[0] = 1; }\n", level);
        ToolProcess.AssertCleanUserError(r);
        Assert.Equal(["error BC4015: LLVM 19 was not found (tried " + _temp.File("no-such-libLLVM.so") + "); apt-get install -y libllvm19 (Debian/Ubuntu), or set BYTECHIP_LLVM_PATH to libLLVM.so.19.1", "1 error generated."], r.ErrorLines);
        Assert.False(File.Exists(_temp.File("kernel.bcbin")));
    }

    [Fact]
    public void MissingLlvm_IsNotReportedForASourceWithErrors()
    {
        var r = CompileWithout("__global__ void k(int* p) { p[0] = 1 }\n");
        ToolProcess.AssertCleanUserError(r);
        Assert.Contains("error BC2001: expected ';' before '}'", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("BC4015", r.Stderr, StringComparison.Ordinal);
    }
}
