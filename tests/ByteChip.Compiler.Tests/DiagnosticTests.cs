using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Semantics;
using ByteChip.Compiler.Syntax;

namespace ByteChip.Compiler.Tests;

/// <summary>The clang -verify style golden diagnostics under Diagnostics/, and that together they cover every code.</summary>
public class DiagnosticTests
{
    public static TheoryData<string> Files => TestFiles.Names("Diagnostics");

    [Theory]
    [MemberData(nameof(Files))]
    public void ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var problems = DiagnosticVerifier.Verify(Path.Combine(TestFiles.OutputDirectory("Diagnostics"), name));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Codes that no source file can provoke; the driver tests cover them through the command line.</summary>
    private static readonly HashSet<int> s_commandLineOnly =
    [
        (int)DriverCode.InternalError, (int)DriverCode.InputNotFound, (int)DriverCode.NotYetSupported,
        (int)DriverCode.InvalidOption, (int)DriverCode.InvalidCommandLine, (int)DriverCode.UnknownTarget,
    ];

    [Fact]
    public void EveryDiagnosticCodeHasAGoldenTest()
    {
        var covered = Directory.GetFiles(TestFiles.OutputDirectory("Diagnostics"), "*.cu")
            .SelectMany(f => DiagnosticVerifier.Expectations(File.ReadAllText(f)))
            .Select(e => e.Code)
            .ToHashSet();
        var all = Enum.GetValues<PreprocessorCode>().Select(c => (int)c)
            .Concat(Enum.GetValues<SyntaxCode>().Select(c => (int)c))
            .Concat(Enum.GetValues<SemanticCode>().Select(c => (int)c))
            .Concat(Enum.GetValues<DriverCode>().Select(c => (int)c));
        var missing = all.Where(c => !covered.Contains(c) && !s_commandLineOnly.Contains(c)).Select(c => $"BC{c:D4}").ToList();
        Assert.True(missing.Count == 0, "codes without a golden diagnostic test: " + string.Join(", ", missing));
    }

    [Fact]
    public void DiagnosticCodesAreDocumented()
    {
        var doc = File.ReadAllText(Path.Combine(TestFiles.SourceDirectory("Diagnostics"), "..", "..", "..", "compiler", "docs", "diagnostics.md"));
        var codes = Enum.GetValues<PreprocessorCode>().Select(c => (int)c)
            .Concat(Enum.GetValues<SyntaxCode>().Select(c => (int)c))
            .Concat(Enum.GetValues<SemanticCode>().Select(c => (int)c))
            .Concat(Enum.GetValues<DriverCode>().Select(c => (int)c));
        var missing = codes.Where(c => !doc.Contains($"| BC{c:D4} |", StringComparison.Ordinal)).Select(c => $"BC{c:D4}").ToList();
        Assert.True(missing.Count == 0, "codes missing from compiler/docs/diagnostics.md: " + string.Join(", ", missing));
    }
}
