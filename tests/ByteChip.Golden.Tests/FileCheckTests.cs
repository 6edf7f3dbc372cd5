using ByteChip.Tools.Bcgolden;

namespace ByteChip.Golden.Tests;

/// <summary>
/// Self-tests of the FileCheck engine with small inputs whose outcome is obvious, half of them negative (a check that
/// must fail does fail): a checker that cannot fail proves nothing. Directives are read from a real test file by
/// <see cref="GoldenFile"/>, so prefix parsing is tested too.
/// </summary>
public sealed class FileCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bcgolden-filecheck-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GoldenFile File(params string[] lines)
    {
        string path = Path.Combine(_dir, "t.cu");
        System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return GoldenFile.Load(path, _dir);
    }

    // The report of checking `output` against the directives `lines` (written as comment lines of a .cu file), or null.
    private string? Check(string output, string[] lines, params string[] prefixes)
    {
        prefixes = prefixes.Length == 0 ? ["CHECK"] : prefixes;
        return FileCheck.Run(output, File([.. lines.Select(l => "// " + l)]).CheckDirectives(prefixes), "t.cu", prefixes);
    }

    private void Pass(string output, params string[] lines) => Assert.Null(Check(output, lines));

    private string Fail(string output, params string[] lines) => Check(output, lines) ?? throw new Xunit.Sdk.XunitException("the check passed but must fail");

    [Fact]
    public void PlainMatchesInOrder()
    {
        Pass("a\nb\nc\n", "CHECK: a", "CHECK: c");
        Pass("one two three\n", "CHECK: one", "CHECK: three");
        Assert.Contains("expected string not found", Fail("b\na\n", "CHECK: a", "CHECK: b"), StringComparison.Ordinal);
        Fail("a\n", "CHECK: a", "CHECK: a");
        Fail("abc\n", "CHECK: abd");
    }

    [Fact]
    public void NextMustBeOnTheFollowingLine()
    {
        Pass("a\nb\n", "CHECK: a", "CHECK-NEXT: b");
        Assert.Contains("not on the line after", Fail("a\nx\nb\n", "CHECK: a", "CHECK-NEXT: b"), StringComparison.Ordinal);
        // As FileCheck: a match on the previous match's own line is an error, not a reason to look further.
        Assert.Contains("same line", Fail("a b\nb\n", "CHECK: a", "CHECK-NEXT: b"), StringComparison.Ordinal);
        Assert.Contains("first directive", Fail("a\n", "CHECK-NEXT: a"), StringComparison.Ordinal);
    }

    [Fact]
    public void SameAndEmpty()
    {
        Pass("a b\nc\n", "CHECK: a", "CHECK-SAME: b", "CHECK-NEXT: c");
        Fail("a\nb\n", "CHECK: a", "CHECK-SAME: b");
        Pass("a\n\nb\n", "CHECK: a", "CHECK-EMPTY:", "CHECK-NEXT: b");
        Fail("a\nx\nb\n", "CHECK: a", "CHECK-EMPTY:");
        Fail("a\n", "CHECK: a", "CHECK-EMPTY:");
    }

    [Fact]
    public void NotHoldsBetweenTheSurroundingMatches()
    {
        Pass("a\nb\nc\n", "CHECK: a", "CHECK-NOT: x", "CHECK: c");
        Fail("a\nx\nb\n", "CHECK: a", "CHECK-NOT: x", "CHECK: b");
        Pass("x\na\nb\nx\n", "CHECK: a", "CHECK-NOT: x", "CHECK: b");
        Fail("x\na\n", "CHECK-NOT: x", "CHECK: a");
        Fail("a\nx\n", "CHECK: a", "CHECK-NOT: x");
        Pass("a\nb\n", "CHECK: a", "CHECK-NOT: a");
        // Between a match and a CHECK-NEXT on the following line there is nothing to exclude but the line's rest.
        Fail("a x\nb\n", "CHECK: a", "CHECK-NOT: x", "CHECK-NEXT: b");
    }

    [Fact]
    public void DagMatchesInAnyOrderWithoutOverlap()
    {
        Pass("y\nx\n", "CHECK-DAG: x", "CHECK-DAG: y");
        Pass("x x\n", "CHECK-DAG: x", "CHECK-DAG: x");
        Assert.Contains("CHECK-DAG", Fail("x\n", "CHECK-DAG: x", "CHECK-DAG: x"), StringComparison.Ordinal);
        Fail("y\n", "CHECK-DAG: x", "CHECK-DAG: y");
    }

    [Fact]
    public void DagGroupsSitBetweenOtherChecks()
    {
        Pass("a\ny\nx\nb\n", "CHECK: a", "CHECK-DAG: x", "CHECK-DAG: y", "CHECK: b");
        // The group starts after the previous match...
        Fail("x\na\ny\nb\n", "CHECK: a", "CHECK-DAG: x", "CHECK-DAG: y", "CHECK: b");
        // ...and the next check starts after the group's last match.
        Fail("a\ny\nb\nx\n", "CHECK: a", "CHECK-DAG: x", "CHECK-DAG: y", "CHECK: b");
        Pass("a\ny\nx\nb\n", "CHECK: a", "CHECK-DAG: x", "CHECK-DAG: y", "CHECK-NEXT: b");
    }

    [Fact]
    public void NotSeparatesDagGroups()
    {
        Pass("a\nb\nz\n", "CHECK-DAG: a", "CHECK-NOT: z", "CHECK-DAG: b");
        Fail("a\nz\nb\n", "CHECK-DAG: a", "CHECK-NOT: z", "CHECK-DAG: b");
        // The second group cannot reach back before the first one.
        Fail("b\na\n", "CHECK-DAG: a", "CHECK-NOT: z", "CHECK-DAG: b");
        Fail("z\na\nb\n", "CHECK-NOT: z", "CHECK-DAG: b", "CHECK-DAG: a");
    }

    [Fact]
    public void LabelsPartitionTheOutput()
    {
        const string output = ".kernel a\nexit\n.kernel b\nfma\n";
        Pass(output, "CHECK-LABEL: .kernel a", "CHECK: exit", "CHECK-LABEL: .kernel b", "CHECK: fma");
        Fail(output, "CHECK-LABEL: .kernel a", "CHECK: fma", "CHECK-LABEL: .kernel b");
        // A CHECK-NOT in a's block does not see b's block.
        Pass(output, "CHECK-LABEL: .kernel a", "CHECK-NOT: fma", "CHECK-LABEL: .kernel b", "CHECK: fma");
        Fail(output, "CHECK-LABEL: .kernel a", "CHECK-LABEL: .kernel b", "CHECK-NOT: fma");
        Pass(output, "CHECK-LABEL: .kernel b", "CHECK-NEXT: fma");
        Fail(output, "CHECK-LABEL: .kernel b", "CHECK-LABEL: .kernel a");
        Assert.Contains("may not define or use variables", Fail(output, "CHECK-LABEL: .kernel [[K:[a-z]]]"), StringComparison.Ordinal);
    }

    [Fact]
    public void VariablesAreDefinedAndReused()
    {
        Pass("setp P3, R1\n@P3 bra L\n", "CHECK: setp [[P:P[0-9]]], R{{[0-9]+}}", "CHECK-NEXT: @[[P]] bra");
        Fail("setp P3, R1\n@P2 bra L\n", "CHECK: setp [[P:P[0-9]]]", "CHECK-NEXT: @[[P]] bra");
        Pass("add R1, R1\n", "CHECK: add [[R:R[0-9]+]], [[R]]");
        Fail("add R1, R2\n", "CHECK: add [[R:R[0-9]+]], [[R]]");
        // A later definition replaces the value.
        Pass("R1\nR2\nuse R2\n", "CHECK: [[R:R[0-9]]]", "CHECK: [[R:R[0-9]]]", "CHECK: use [[R]]");
        // A value defined by a CHECK-DAG is usable afterwards; a captured value is matched literally.
        Pass("x=a.b\ny\nuse a.b\n", "CHECK-DAG: y", "CHECK-DAG: x=[[V:.*]]", "CHECK: use [[V]]");
        Fail("x=a.b\nuse axb\n", "CHECK: x=[[V:.*]]", "CHECK: use [[V]]");
        Assert.Contains("undefined variable 'Q'", Fail("a\n", "CHECK: [[Q]]"), StringComparison.Ordinal);
        // [[@LINE]] is the directive's own line in the test file (line 2 here).
        Pass("a\nat 2\n", "CHECK: a", "CHECK: at [[@LINE]]");
        Fail("a\nat 3\n", "CHECK: a", "CHECK: at [[@LINE]]");
    }

    [Fact]
    public void LiteralTextIsEscapedAndRegexesAreNot()
    {
        Pass("a.b\n", "CHECK: a.b");
        Fail("axb\n", "CHECK: a.b");
        Pass("axb\n", "CHECK: a{{.}}b");
        Pass("f(x) + $1 ^ [y] * ?\n", "CHECK: f(x) + $1 ^ [y] * ?");
        Pass("42\n", "CHECK: {{^[0-9]{2}$}}");
        Fail("4\n", "CHECK: {{^[0-9]{2}$}}");
        Pass("R7 = 1\nR7\n", "CHECK: [[R:R[0-9]]] = 1", "CHECK-NEXT: [[R]]");
        Pass("a \t  b\n", "CHECK: a b");
        Fail("ab\n", "CHECK: a b");
        Assert.Contains("unterminated", Fail("a\n", "CHECK: {{a"), StringComparison.Ordinal);
        Assert.Contains("invalid regex", Fail("a\n", "CHECK: {{(}}"), StringComparison.Ordinal);
    }

    [Fact]
    public void CountMatchesNTimesInOrder()
    {
        Pass("x\ny\nx\nx\n", "CHECK-COUNT-3: x");
        Fail("x\ny\nx\nx\n", "CHECK-COUNT-4: x");
        Pass("x\nx\ny\n", "CHECK-COUNT-2: x", "CHECK-NEXT: y");
    }

    [Fact]
    public void PrefixesSelectDirectives()
    {
        // A prefix that begins another one (N4, N4-O2) takes only its own directives.
        string[] lines = ["RUN: bytechipcc %s | FileCheck --check-prefixes=N4,N4-O2", "CHECK: not in the output", "N4: a", "N5: b", "N4-O2: c", "N4-NEXT: x"];
        Assert.Null(Check("a\nx\n", lines, "N4"));
        Assert.Null(Check("b\n", lines, "N5"));
        Assert.Null(Check("c\n", lines, "N4-O2"));
        Assert.Null(Check("a\nb\nx\n", lines, "N4", "N5"));
        Assert.NotNull(Check("b\na\nx\n", lines, "N4", "N5"));
        Assert.NotNull(Check("a\nx\n", lines));
        // As FileCheck without --allow-unused-prefixes: a prefix with no directive is an error.
        Assert.Contains("no check strings found with prefix 'N6:'", Check("a\nx\n", lines, "N4", "N6"), StringComparison.Ordinal);
        Assert.Throws<GoldenException>(() => File("// CHECK-NXT: a").CheckDirectives(["CHECK"]));
    }

    [Fact]
    public void RunLinePrefixOptions()
    {
        var file = File("// RUN: bytechipcc %s | FileCheck --check-prefixes=A,B");
        Assert.Equal(["A", "B"], RunPipeline.Parse(file.RunLines[0].Text, 1, file).Sink.Prefixes);
        Assert.Equal(["CHECK"], RunPipeline.Parse("bytechipcc %s | FileCheck", 1, file).Sink.Prefixes);
        Assert.Equal(["N5"], RunPipeline.Parse("bytechipcc %s | FileCheck --check-prefix=N5", 1, file).Sink.Prefixes);
        Assert.Throws<GoldenException>(() => RunPipeline.Parse("bytechipcc %s | FileCheck --check-prefixes=A,A", 1, file));
        Assert.Throws<GoldenException>(() => RunPipeline.Parse("bytechipcc %s | FileCheck --check-prefix=1X", 1, file));
        Assert.Throws<GoldenException>(() => RunPipeline.Parse("bytechipcc %s | FileCheck --strict", 1, file));
    }

    [Fact]
    public void FailureShowsTheOutputWithACaret()
    {
        var report = Fail("abc def\nxyz\n", "CHECK: def", "CHECK: nothere");
        Assert.Contains("t.cu:2: error: CHECK: expected string not found in input", report, StringComparison.Ordinal);
        Assert.Contains("output:1:8: note: scanning from here", report, StringComparison.Ordinal);
        Assert.Contains("  >    1 | abc def\n" + new string(' ', 11 + 7) + "^\n", report, StringComparison.Ordinal);
        // An excluded match is underlined.
        report = Fail("start\nfoo bad!\nend\n", "CHECK: start", "CHECK-NOT: bad", "CHECK: end");
        Assert.Contains("  >    2 | foo bad!\n" + new string(' ', 11 + 4) + "^~~\n", report, StringComparison.Ordinal);
        // When nothing matches, the line most like the pattern is shown as a possible intended match.
        report = Fail("mov.b32 R1, 0\nadd.f32 R2, R1, R1\nexit\n", "CHECK: add.f32 R1");
        Assert.Contains("output:2: note: possible intended match here", report, StringComparison.Ordinal);
        Assert.Contains("  ?    2 | add.f32 R2, R1, R1\n", report, StringComparison.Ordinal);
    }

    [Fact]
    public void DiffShowsRemovedAndAddedLinesInHunks()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\n", "a\nB\nc\n", "expected", "actual");
        Assert.Equal("--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", diff);
        Assert.Equal("", UnifiedDiff.Create("same\n", "same\n", "e", "a"));
        var lines = Enumerable.Range(1, 30).Select(i => $"l{i}").ToList();
        string before = string.Join("\n", lines) + "\n";
        lines[1] = "changed";
        lines[25] = "changed too";
        diff = UnifiedDiff.Create(before, string.Join("\n", lines) + "\n", "e", "a");
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,5 +1,5 @@\n l1\n-l2\n+changed\n l3\n", diff, StringComparison.Ordinal);
        Assert.Equal("--- e\n+++ a\n@@ -0,0 +1,2 @@\n+x\n+y\n", UnifiedDiff.Create("", "x\ny\n", "e", "a"));
    }

    [Fact]
    public void VerifyRequiresExactlyTheAnnotatedDiagnostics()
    {
        var file = File("__global__ void k()", "{", "    x = 1; // expected-error BC3001 {{undeclared identifier 'x'}}", "}");
        const string reported = "t.cu:3:5: error BC3001: use of undeclared identifier 'x'\n";
        Assert.Null(DiagnosticExpectations.Verify(file, reported));
        Assert.Contains("- t.cu:3: error BC3001", DiagnosticExpectations.Verify(file, ""), StringComparison.Ordinal);
        Assert.Contains("+ t.cu:4:1: warning BC3016", DiagnosticExpectations.Verify(file, reported + "t.cu:4:1: warning BC3016: control reaches the end\n"), StringComparison.Ordinal);
        Assert.NotNull(DiagnosticExpectations.Verify(file, "t.cu:2:5: error BC3001: use of undeclared identifier 'x'\n"));
        Assert.NotNull(DiagnosticExpectations.Verify(file, "t.cu:3:5: error BC3001: use of undeclared identifier 'y'\n"));
        Assert.NotNull(DiagnosticExpectations.Verify(file, "t.cu:3:5: warning BC3001: use of undeclared identifier 'x'\n"));
        var relative = File("// expected-error@+1 BC3001", "x;", "// expected-warning@* BC1023", "// expected-error@-2 BC2001");
        Assert.Equal([2, null, 2], relative.ExpectedDiagnostics().Select(e => e.Line));
        Assert.NotNull(DiagnosticExpectations.Verify(File("int x;"), ""));
        Assert.Null(DiagnosticExpectations.Verify(File("// expected-no-diagnostics"), ""));
        Assert.NotNull(DiagnosticExpectations.Verify(File("// expected-no-diagnostics"), "t.cu:1:1: warning BC3020: unused\n"));
    }
}
