using ByteChip.Compiler.Syntax;

namespace ByteChip.Compiler.Tests;

/// <summary>
/// Statement-level error recovery: one mistake gives one error, at the token where it is, and parsing resumes so
/// that a later independent mistake is reported at its own token. Expected positions are found in the source text.
/// </summary>
public sealed class ParserRecoveryTests
{
    private const string Valid = """
        __device__ int twice(int x)
        {
            int y = x * 2;
            return y;
        }
        __global__ void kernel(int* out, int n)
        {
            int i = threadIdx.x;
            if (i < n) {
                out[i] = twice(i);
            }
            for (int k = 0; k < 4; k++) {
                out[i] += k;
            }
            out[0] = (1 + (2 * 3));
        }
        """;

    private static List<(int Line, int Column, int Code)> Errors(string source)
    {
        var (_, diagnostics) = FrontendHarness.Ast(source);
        return diagnostics.Items.Where(d => d.Severity == Isa.Diagnostics.DiagnosticSeverity.Error)
            .Select(d => (d.Location.Line, d.Location.Column, d.Code)).ToList();
    }

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th match of <paramref name="text"/>.</summary>
    private static (int Line, int Column) Find(string source, string text, int occurrence = 1)
    {
        int at = -1;
        for (int k = 0; k < occurrence; k++)
        {
            at = source.IndexOf(text, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{text}' not in the source");
        }
        int line = source[..at].Count(c => c == '\n') + 1;
        int column = at - (source.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return (line, column);
    }

    [Fact]
    public void ValidSourceHasNoErrors() => Assert.Empty(Errors(Valid));

    [Fact]
    public void EachMissingSemicolonIsOneErrorAtTheNextToken()
    {
        // Every ';' except the for header's (where a missing one is a different construct) is dropped in turn.
        int count = 0;
        for (int at = Valid.IndexOf(';'); at >= 0; at = Valid.IndexOf(';', at + 1))
        {
            if (Valid.LastIndexOf("for (", at, StringComparison.Ordinal) is int f && f >= 0 && Valid.IndexOf(')', f) > at)
            {
                continue;
            }
            string broken = Valid.Remove(at, 1);
            var errors = Errors(broken);
            int next = at;
            while (char.IsWhiteSpace(broken[next]))
            {
                next++;
            }
            var expected = (broken[..next].Count(c => c == '\n') + 1, next - (broken.LastIndexOf('\n', next - 1) + 1) + 1, (int)SyntaxCode.UnexpectedToken);
            Assert.True(errors.Count == 1 && errors[0] == expected, $"';' removed at offset {at}: expected {expected}, got [{string.Join(", ", errors)}]");
            count++;
        }
        Assert.Equal(Valid.Count(c => c == ';') - 2, count);
    }

    [Fact]
    public void ErrorsInTwoFunctionsAreEachReportedAtTheirToken()
    {
        string source = Valid.Replace("int y = x * 2;", "int y = x * ;") + "\n" + Valid.Replace("twice", "thrice").Replace("kernel", "kernel2").Replace("out[i] += k;", "out[i] += ] k;");
        var errors = Errors(source);
        var first = Find(source, "x * ;");
        var second = Find(source, "] k;");
        Assert.Equal([(first.Line, first.Column + 4, (int)SyntaxCode.UnexpectedToken), (second.Line, second.Column, (int)SyntaxCode.UnexpectedToken)], errors);
    }

    [Fact]
    public void UnclosedParenthesisIsOneErrorAtTheSemicolon()
    {
        string source = Valid.Replace("(1 + (2 * 3));", "(1 + (2 * 3);");
        var at = Find(source, "3);");
        Assert.Equal([(at.Line, at.Column + 2, (int)SyntaxCode.UnexpectedToken)], Errors(source));
    }

    [Fact]
    public void StrayTokenInAStructMemberLeavesTheStructAndTheNextFunctionParsed()
    {
        string source = "struct S { int a; int 7; float b; };\n" + Valid.Replace("return y;", "return y ];");
        var stray = Find(source, "7;");
        var bracket = Find(source, "];");
        Assert.Equal([(stray.Line, stray.Column, (int)SyntaxCode.UnexpectedToken), (bracket.Line, bracket.Column, (int)SyntaxCode.UnexpectedToken)], Errors(source));
    }
}
