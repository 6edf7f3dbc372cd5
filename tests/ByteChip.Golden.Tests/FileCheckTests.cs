using ByteChip.Tools.Bcgolden;

namespace ByteChip.Golden.Tests;

/// <summary>The FileCheck engine and the diff reject what they must (a suite that cannot fail proves nothing).</summary>
public sealed class FileCheckTests
{
    private static string? Check(string output, params (CheckKind Kind, string Pattern)[] checks) =>
        FileCheck.Run(output, checks.Select((c, i) => new CheckDirective(i + 1, c.Kind, c.Kind.ToString(), c.Pattern, 1)).ToList(), "t.cu", "CHECK");

    [Fact]
    public void PlainNextAndNot()
    {
        Assert.Null(Check("a\nb\nc\n", (CheckKind.Plain, "a"), (CheckKind.Next, "b"), (CheckKind.Not, "x"), (CheckKind.Plain, "c")));
        Assert.NotNull(Check("a\nx\nb\n", (CheckKind.Plain, "a"), (CheckKind.Next, "b")));
        Assert.NotNull(Check("a\nx\nb\n", (CheckKind.Plain, "a"), (CheckKind.Not, "x"), (CheckKind.Plain, "b")));
        Assert.NotNull(Check("b\na\n", (CheckKind.Plain, "a"), (CheckKind.Plain, "b")));
    }

    [Fact]
    public void VariablesRegexesAndDag()
    {
        Assert.Null(Check("setp P3, R1\n@P3 bra L\n", (CheckKind.Plain, "setp [[P:P[0-9]]], R{{[0-9]+}}"), (CheckKind.Next, "@[[P]] bra")));
        Assert.NotNull(Check("setp P3, R1\n@P2 bra L\n", (CheckKind.Plain, "setp [[P:P[0-9]]]"), (CheckKind.Next, "@[[P]] bra")));
        Assert.Null(Check("y\nx\n", (CheckKind.Dag, "x"), (CheckKind.Dag, "y")));
        Assert.NotNull(Check("x\n", (CheckKind.Dag, "x"), (CheckKind.Dag, "x")));
    }

    [Fact]
    public void LabelsBoundTheSearch()
    {
        Assert.NotNull(Check(".kernel a\nexit\n.kernel b\nfma\n", (CheckKind.Label, ".kernel a"), (CheckKind.Plain, "fma"), (CheckKind.Label, ".kernel b")));
    }

    [Fact]
    public void DiffShowsRemovedAndAddedLines()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\n", "a\nB\nc\n", "expected", "actual");
        Assert.Contains("-b\n+B\n", diff, StringComparison.Ordinal);
        Assert.Equal("", UnifiedDiff.Create("same\n", "same\n", "e", "a"));
    }
}
