namespace ByteChip.Build.Tests;

/// <summary>The task's pure parts: dependency files, diagnostic lines, option and name rules.</summary>
public sealed class ParsingTests
{
    [Fact]
    public void DependencyFile_ReadsContinuationsEscapedSpacesAndRelativePaths()
    {
        var text = "obj/out\\ dir/k.bcbin: \\\n  kernels/k.cu \\\n  kernels/../include/my\\ header.h \\\n  /abs/inc.h\n";
        var deps = DependencyFile.Parse(text, "/proj");
        Assert.Equal(["/proj/kernels/k.cu", "/proj/include/my header.h", "/abs/inc.h"], deps);
    }

    [Fact]
    public void DependencyFile_HandlesSeveralRulesDuplicatesAndDollars()
    {
        var text = "a.bcbin: a.cu x.h\nb.bcbin: x.h $$y.h\n";
        Assert.Equal(["/p/a.cu", "/p/x.h", "/p/$y.h"], DependencyFile.Parse(text, "/p"));
        Assert.Empty(DependencyFile.Parse("", "/p"));
        Assert.Empty(DependencyFile.Parse("no rule here\n", "/p"));
    }

    [Theory]
    [InlineData("/src/k.cu(3,12): error BC3001: use of undeclared identifier 'x'", CompilerDiagnosticSeverity.Error, "BC3001", "/src/k.cu", 3, 12, "use of undeclared identifier 'x'")]
    [InlineData("C:\\src\\k.cu(10,1): warning BC1005: hello", CompilerDiagnosticSeverity.Warning, "BC1005", "C:\\src\\k.cu", 10, 1, "hello")]
    [InlineData("k.h(2,5): note BC3001: declared here", CompilerDiagnosticSeverity.Note, "BC3001", "k.h", 2, 5, "declared here")]
    [InlineData("error BC0002: no such file or directory: 'x.cu'", CompilerDiagnosticSeverity.Error, "BC0002", null, 0, 0, "no such file or directory: 'x.cu'")]
    [InlineData("bytechipcc: error BC0001: internal compiler error: Boom: bad", CompilerDiagnosticSeverity.Error, "BC0001", null, 0, 0, "internal compiler error: Boom: bad")]
    public void CompilerDiagnostic_ParsesTheMSBuildForm(string line, CompilerDiagnosticSeverity severity, string code, string? file, int lineNumber, int column, string message)
    {
        Assert.True(CompilerDiagnostic.TryParse(line, out var d));
        Assert.Equal(new CompilerDiagnostic(severity, code, message, file, lineNumber, column), d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bytechipcc info: kernel 'k' for n4: 12 registers")]
    [InlineData("some progress text")]
    public void CompilerDiagnostic_IgnoresOtherLines(string line) => Assert.False(CompilerDiagnostic.TryParse(line, out _));

    [Theory]
    [InlineData("O2", "-O2")]
    [InlineData("-O0", "-O0")]
    [InlineData("3", "-O3")]
    [InlineData(" o1 ", "-O1")]
    [InlineData("", "-O2")]
    [InlineData("O4", "")]
    [InlineData("fast", "")]
    public void Optimization_AcceptsTheUsualSpellings(string text, string expected) =>
        Assert.Equal(expected, ByteChipCompile.NormalizeOptimization(text));

    [Theory]
    [InlineData("MyApp", "kernels/saxpy.bcbin", "MyApp.kernels.saxpy.bcbin")]
    [InlineData("MyApp", "kernels\\sub\\k.bcbin", "MyApp.kernels.sub.k.bcbin")]
    [InlineData("", "k.bcbin", "k.bcbin")]
    public void LogicalName_IsRootNamespaceThenThePathWithDots(string rootNamespace, string path, string expected) =>
        Assert.Equal(expected, ByteChipCompile.DefaultLogicalName(rootNamespace, path));
}
