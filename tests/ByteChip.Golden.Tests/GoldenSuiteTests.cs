using ByteChip.Tools.Bcgolden;

namespace ByteChip.Golden.Tests;

/// <summary>
/// The runner itself on a temporary copy of real cases: blessing rewrites a precise expectation, prints the change
/// as a diff and never touches a CHECK file; XFAIL and XPASS; the CLI's filter, progress line, failure reports,
/// summary and exit codes.
/// </summary>
public sealed class GoldenSuiteTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bcgolden-suite-").FullName;
    private readonly string _correct;

    public GoldenSuiteTests()
    {
        string source = GoldenSuite.DefaultRoot();
        Directory.CreateDirectory(Path.Combine(_root, "resources"));
        Directory.CreateDirectory(Path.Combine(_root, "isel"));
        foreach (var f in new[] { "resources/saxpy.cu", "resources/saxpy.cu.expected", "resources/saxpy.cu.n5.expected", "isel/fma_saxpy.cu" })
        {
            File.Copy(Path.Combine(source, f), Path.Combine(_root, f));
        }
        _correct = File.ReadAllText(Path.Combine(_root, "resources/saxpy.cu.expected"));
        // The precise expectation is made wrong; the CHECK file gets a line the output does not have.
        File.WriteAllText(Path.Combine(_root, "resources/saxpy.cu.expected"), _correct.Replace("20 instructions", "19 instructions", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(_root, "isel/fma_saxpy.cu"), "// CHECK: this line is not in the output\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Read(string relative) => File.ReadAllText(Path.Combine(_root, relative));

    [Fact]
    public void PreciseMismatchFailsWithAUnifiedDiff()
    {
        var result = new GoldenSuite(_root, bless: false).Run("resources/saxpy.cu");
        Assert.False(result.Passed);
        Assert.Contains("the output differs from resources/saxpy.cu.expected (BYTECHIP_BLESS=1 or bcgolden --bless rewrites it)", result.Report, StringComparison.Ordinal);
        Assert.Contains("--- resources/saxpy.cu.expected\n+++ actual output\n@@ -1 +1 @@\n-", result.Report, StringComparison.Ordinal);
        Assert.Contains("19 instructions\n+", result.Report, StringComparison.Ordinal);
        Assert.Empty(result.Blessed);
    }

    [Fact]
    public void BlessingRewritesPreciseFilesAndNeverCheckFiles()
    {
        string checkFile = Read("isel/fma_saxpy.cu");
        var suite = new GoldenSuite(_root, bless: true);
        var precise = suite.Run("resources/saxpy.cu");
        Assert.True(precise.Passed, precise.Report);
        Assert.Equal(_correct, Read("resources/saxpy.cu.expected"));
        var blessed = Assert.Single(precise.Blessed);
        Assert.StartsWith("updated resources/saxpy.cu.expected\n--- resources/saxpy.cu.expected\n+++ actual output\n", blessed, StringComparison.Ordinal);
        Assert.Contains("-" + _correct.Replace("20 instructions", "19 instructions", StringComparison.Ordinal), blessed, StringComparison.Ordinal);
        Assert.Contains("+" + _correct, blessed, StringComparison.Ordinal);
        // A second run has nothing left to bless.
        Assert.Empty(suite.Run("resources/saxpy.cu").Blessed);

        var check = suite.Run("isel/fma_saxpy.cu");
        Assert.False(check.Passed);
        Assert.Contains("this line is not in the output", check.Report, StringComparison.Ordinal);
        Assert.Empty(check.Blessed);
        Assert.Equal(checkFile, Read("isel/fma_saxpy.cu"));
        Assert.False(File.Exists(Path.Combine(_root, "isel/fma_saxpy.cu.expected")));
    }

    [Fact]
    public void BlessingCreatesAMissingExpectation()
    {
        File.Delete(Path.Combine(_root, "resources/saxpy.cu.n5.expected"));
        var result = new GoldenSuite(_root, bless: false).Run("resources/saxpy.cu");
        Assert.False(result.Passed);
        File.WriteAllText(Path.Combine(_root, "resources/saxpy.cu.expected"), _correct);
        Assert.Contains("resources/saxpy.cu.n5.expected does not exist", new GoldenSuite(_root, bless: false).Run("resources/saxpy.cu").Report, StringComparison.Ordinal);
        var blessed = new GoldenSuite(_root, bless: true).Run("resources/saxpy.cu");
        Assert.True(blessed.Passed, blessed.Report);
        Assert.StartsWith("created resources/saxpy.cu.n5.expected", Assert.Single(blessed.Blessed), StringComparison.Ordinal);
        Assert.Contains("for n5:", Read("resources/saxpy.cu.n5.expected"), StringComparison.Ordinal);
    }

    [Fact]
    public void XfailPassesWhileTheCaseFailsAndXpassFails()
    {
        File.AppendAllText(Path.Combine(_root, "isel/fma_saxpy.cu"), "// XFAIL: the output lacks a line (runner self-test)\n");
        var xfail = new GoldenSuite(_root, bless: false).Run("isel/fma_saxpy.cu");
        Assert.True(xfail.Passed);
        Assert.Equal("the output lacks a line (runner self-test)", xfail.ExpectedFailure);

        File.WriteAllText(Path.Combine(_root, "resources/saxpy.cu.expected"), _correct);
        File.AppendAllText(Path.Combine(_root, "resources/saxpy.cu"), "// XFAIL: nothing is wrong (runner self-test)\n");
        var xpass = new GoldenSuite(_root, bless: false).Run("resources/saxpy.cu");
        Assert.False(xpass.Passed);
        Assert.Contains("unexpectedly passed (XPASS)", xpass.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedCasesFailWithAMessage()
    {
        File.WriteAllText(Path.Combine(_root, "isel/no_run.cu"), "__global__ void k() {}\n");
        File.WriteAllText(Path.Combine(_root, "isel/bad_tool.cu"), "// RUN: cc %s | FileCheck\n// CHECK: x\n");
        var suite = new GoldenSuite(_root, bless: false);
        Assert.Contains("no RUN lines", suite.Run("isel/no_run.cu").Report, StringComparison.Ordinal);
        Assert.Contains("unknown tool 'cc'", suite.Run("isel/bad_tool.cu").Report, StringComparison.Ordinal);
        Assert.False(suite.Run("isel/bad_tool.cu").Passed);
    }

    private (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run([.. args, _root], stdout, stderr, interactive: false);
        return (code, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void CliReportsProgressFailuresAndASummary()
    {
        var (code, stdout, stderr) = Cli("-j", "2");
        Assert.Equal(1, code);
        Assert.Contains("[2/2] 2 failed", stderr, StringComparison.Ordinal);
        Assert.Contains("FAIL: isel/fma_saxpy.cu (", stdout, StringComparison.Ordinal);
        Assert.Contains("FAIL: resources/saxpy.cu (", stdout, StringComparison.Ordinal);
        Assert.Contains("--- resources/saxpy.cu.expected\n+++ actual output\n", stdout, StringComparison.Ordinal);
        Assert.Contains("isel/fma_saxpy.cu:2: RUN: bytechipcc -S -O2 %s | FileCheck\n", stdout, StringComparison.Ordinal);
        Assert.Contains("slowest:", stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n0 passed, 2 failed\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CliFilterBlessAndExitCodes()
    {
        var (code, stdout, stderr) = Cli("--filter", "resources/", "--bless");
        Assert.Equal(0, code);
        Assert.Contains("[1/1] 0 failed", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("isel/", stdout, StringComparison.Ordinal);
        Assert.Contains("BLESSED: updated resources/saxpy.cu.expected\n--- resources/saxpy.cu.expected", stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n1 passed, 0 failed\n", stdout, StringComparison.Ordinal);
        Assert.Equal(_correct, Read("resources/saxpy.cu.expected"));

        (code, stdout, _) = Cli("--filter", "SAXPY.cu");
        Assert.Equal(1, code);
        Assert.EndsWith("\n1 passed, 1 failed\n", stdout, StringComparison.Ordinal);

        (code, _, stderr) = Cli("--filter", "no-such-case");
        Assert.Equal(1, code);
        Assert.Contains("no cases", stderr, StringComparison.Ordinal);

        (code, _, _) = Cli("--no-such-option");
        Assert.NotEqual(0, code);
    }
}
