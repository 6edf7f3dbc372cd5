using System.Text.Json;
using static ByteChip.Compiler.Tests.DriverHarness;

namespace ByteChip.Compiler.Tests;

/// <summary>The bytechipcc command line: exit codes, diagnostic formats, dumps and not-yet-supported options.</summary>
public class DriverTests
{
    private const string Good = "__global__ void k(float* p) { p[threadIdx.x] = 1.0f; }\n";
    private const string Bad = "__global__ void k(float* p) {\n    p[0] = missing;\n}\n";

    [Fact]
    public void SyntaxOnlySucceedsQuietly()
    {
        var (exit, output, error) = Run(Write(Good), "-fsyntax-only", "--arch", "n5");
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void ClangFormatShowsSourceLineAndCaret()
    {
        var path = Write(Bad);
        var (exit, _, error) = Run(path, "-fsyntax-only");
        Assert.Equal(1, exit);
        Assert.Contains($"{path}:2:12: error BC3001: use of undeclared identifier 'missing'", error);
        Assert.Contains("    p[0] = missing;\n           ^\n", error);
        Assert.Contains("1 error generated.", error);
    }

    [Fact]
    public void MsBuildAndJsonFormats()
    {
        var path = Write(Bad);
        var (_, _, msbuild) = Run(path, "-fsyntax-only", "--diagnostics-format", "msbuild");
        Assert.StartsWith($"{path}(2,12): error BC3001: use of undeclared identifier 'missing'", msbuild);
        var (_, _, json) = Run(path, "-fsyntax-only", "--diagnostics-format=json");
        using var doc = JsonDocument.Parse(json.Trim().Split('\n')[0]);
        Assert.Equal("BC3001", doc.RootElement.GetProperty("code").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("line").GetInt32());
        Assert.Equal("error", doc.RootElement.GetProperty("severity").GetString());
    }

    [Fact]
    public void MacroExpansionNotesPointAtTheMacro()
    {
        var path = Write("#define USE(x) (x + missing)\n__device__ int f(int a) { return USE(a); }\n");
        var (_, _, error) = Run(path, "-fsyntax-only");
        Assert.Contains($"{path}:2:34: error BC3001", error);
        Assert.Contains($"{path}:1:21: note: expanded from macro 'USE'", error);
    }

    [Fact]
    public void WerrorTurnsWarningsIntoErrors()
    {
        var path = Write("__device__ int f() { int unused = 1; return 0; }\n");
        Assert.Equal(0, Run(path, "-fsyntax-only").Exit);
        var (exit, _, error) = Run(path, "-fsyntax-only", "-Werror");
        Assert.Equal(1, exit);
        Assert.Contains("error BC3020: unused variable 'unused'", error);
    }

    [Fact]
    public void IncludeDirectoriesAndDefines()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bcc-driver-tests", Guid.NewGuid().ToString("N"), "inc");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "cfg.h"), "#define SCALE 2.0f\n");
        var path = Write("#include <cfg.h>\n__global__ void k(float* p) { p[0] = SCALE * BIAS; }\n");
        Assert.Equal(1, Run(path, "-fsyntax-only").Exit);
        Assert.Equal(0, Run(path, "-fsyntax-only", "-I", dir, "-DBIAS=1.0f").Exit);
        Assert.Equal(0, Run(path, "-fsyntax-only", $"-I{dir}", "-D", "BIAS=3").Exit);
    }

    [Fact]
    public void DumpsAreStableText()
    {
        var path = Write(Good);
        var (exit, ast, _) = Run(path, "--dump-after=ast");
        Assert.Equal(0, exit);
        Assert.StartsWith("TranslationUnit", ast);
        Assert.Contains("FunctionDefinition", ast);
        var (_, sema, _) = Run(path, "--dump-after", "sema");
        Assert.StartsWith("function __global__ k: void (float *)", sema);
        Assert.Equal(sema, Run(path, "--dump-after=sema").Out);
        var (_, tokens, _) = Run(path, "--dump-after=tokens");
        Assert.StartsWith("__global__ void k (", tokens);
    }

    [Theory]
    [InlineData("BC0002", "/nonexistent/file.cu", "-fsyntax-only")]
    [InlineData("BC0005", "{good}", "-fsyntax-only", "-MD")]
    [InlineData("BC0004", "{good}", "-fsyntax-only", "--arch", "n9")]
    [InlineData("BC0005", "{good}", "-fsyntax-only", "--diagnostics-format", "xml")]
    [InlineData("BC0005", "{good}", "--dump-after=nonsense")]
    [InlineData("BC0006", "{good}", "--no-such-option")]
    [InlineData("BC0006")]
    public void DriverErrorsAreUserErrorsWithCodes(string code, params string[] args)
    {
        var path = Write(Good);
        var (exit, _, error) = Run([.. args.Select(a => a == "{good}" ? path : a)]);
        Assert.Equal(1, exit);
        Assert.Contains($"error {code}:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void OptimizationLevelsAreAccepted()
    {
        Assert.Equal(0, Run(Write(Good), "-fsyntax-only", "-O2").Exit);
        Assert.Equal(0, Run(Write(Good), "-fsyntax-only", "-O0").Exit);
    }

    [Fact]
    public void HelpExitsCleanly()
    {
        var (exit, output, _) = Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("-fsyntax-only", output);
    }
}
