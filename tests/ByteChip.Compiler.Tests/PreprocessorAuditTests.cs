using ByteChip.Compiler.Preprocessor;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Tests;

/// <summary>Preprocessor behaviour found in the issue #4 audit: include chains, limits, recovery, __VA_OPT__.</summary>
public class PreprocessorAuditTests
{
    private static List<Diagnostic> Diagnose(string source, IReadOnlyDictionary<string, string>? files = null) =>
        FrontendHarness.Preprocess(source, files).Diagnostics.Items.ToList();

    [Fact]
    public void DiagnosticsInNestedHeadersCarryTheIncludeChainInnermostFirst()
    {
        var files = new Dictionary<string, string>
        {
            ["outer.h"] = "// outer\n#include \"inner.h\"\n",
            ["inner.h"] = "#include \"missing.h\"\n",
        };
        var d = Assert.Single(Diagnose("\n#include \"outer.h\"\n", files));
        Assert.Equal((int)PreprocessorCode.IncludeNotFound, d.Code);
        Assert.EndsWith("inner.h", d.Location.File);
        Assert.Equal(
            [("outer.h", 2, 10), ("test.cu", 2, 10)],
            d.Notes.Select(n => (Path.GetFileName(n.Location.File), n.Location.Line, n.Location.Column)).ToList());
        Assert.All(d.Notes, n => Assert.Equal("in file included from here", n.Message));
    }

    [Fact]
    public void DiagnosticsInTheMainFileHaveNoIncludeNotes()
    {
        var d = Assert.Single(Diagnose("#include \"missing.h\"\n"));
        Assert.Empty(d.Notes);
    }

    [Fact]
    public void SelfIncludeStopsAtTheDepthLimitWithOneError()
    {
        var files = new Dictionary<string, string> { ["self.h"] = "#include \"self.h\"\n" };
        var d = Assert.Single(Diagnose("#include \"self.h\"\n", files));
        Assert.Equal((int)PreprocessorCode.IncludeTooDeep, d.Code);
        Assert.Contains("'self.h' includes itself", d.Message, StringComparison.Ordinal);
        Assert.Equal(8, d.Notes.Count); // the chain is cut, not 200 notes
    }

    [Fact]
    public void MutuallyIncludingHeadersWithGuardsAreFine()
    {
        var files = new Dictionary<string, string>
        {
            ["a.h"] = "#ifndef A_H\n#define A_H\n#include \"b.h\"\na\n#endif\n",
            ["b.h"] = "#pragma once\n#include \"a.h\"\nb\n",
        };
        Assert.Equal("b a", FrontendHarness.Expand("#include \"a.h\"\n#include \"b.h\"\n", files));
    }

    [Fact]
    public void UnterminatedConditionalIsReportedAtItsDirective()
    {
        var d = Assert.Single(Diagnose("int x;\n  #  ifdef X\nint y;\n"));
        Assert.Equal((int)PreprocessorCode.UnterminatedConditional, d.Code);
        Assert.Equal((2, 6), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void InvalidPasteKeepsTheLeftTokenAndReportsOnce()
    {
        var (tokens, diagnostics, _) = FrontendHarness.Preprocess("#define CAT(a, b) a ## b\nx CAT(+, -) y\n");
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal((int)PreprocessorCode.InvalidTokenPaste, d.Code);
        Assert.Equal(["x", "+", "y"], tokens.Where(t => t.Kind != PpTokenKind.EndOfFile).Select(t => t.Text));
    }

    [Fact]
    public void StrayCharacterIsReportedOnlyWhenItReachesTheOutput()
    {
        Assert.Empty(Diagnose("#define str(x) #x\nstr(@ `)\n"));
        var d = Assert.Single(Diagnose("#define AT @\nint a AT;\n"));
        Assert.Equal((int)PreprocessorCode.StrayCharacter, d.Code);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void VaOptWithAnEmptyOperandBeforePasteIsAPlacemarker()
    {
        // C++20 [cpp.subst] example: a trailing placemarker in the content keeps 'b' separate.
        Assert.Equal("a b", FrontendHarness.Expand("#define H4(X, ...) __VA_OPT__(a X ## X) ## b\nH4(, 1)\n"));
        Assert.Equal("xc", FrontendHarness.Expand("#define P(X, ...) x ## __VA_OPT__(X c)\nP(, 1)\n"));
        Assert.Equal("x c", FrontendHarness.Expand("#define P(X, ...) x ## __VA_OPT__(X ## X c)\nP(, 1)\n"));
    }

    [Fact]
    public void MalformedPragmaOperatorIsConsumedToItsParenthesis()
    {
        var (tokens, diagnostics, _) = FrontendHarness.Preprocess("a _Pragma(1 + (2)) b\n");
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal((int)PreprocessorCode.InvalidPragmaOperator, d.Code);
        Assert.Equal(["a", "b"], tokens.Where(t => t.Kind != PpTokenKind.EndOfFile).Select(t => t.Text));
    }

    [Fact]
    public void ConditionalDirectivesInsideArgumentsAreProcessedOthersReported()
    {
        Assert.Equal("( 2 ) 7", FrontendHarness.Expand("#define P(x) (x)\nP(\n#if 0\n1\n#else\n2\n#define Q 7\n#endif\n) Q\n"));
        var d = Assert.Single(Diagnose("#define P(x) (x)\nP(\n#pragma unroll\n1)\n"));
        Assert.Equal((int)PreprocessorCode.DirectiveInMacroArguments, d.Code);
        Assert.Equal(3, d.Location.Line);
    }

    [Fact]
    public void PragmaOnceInAHeaderStillWorksAndOnlyTheMainFileWarns()
    {
        var files = new Dictionary<string, string> { ["once.h"] = "_Pragma(\"once\")\nonce\n" };
        Assert.Equal("once", FrontendHarness.Expand("#include \"once.h\"\n#include \"once.h\"\n", files));
        var d = Assert.Single(Diagnose("#pragma once\n"));
        Assert.Equal((int)PreprocessorCode.PragmaOnceInMainFile, d.Code);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void DeeplyNestedMacroArgumentsDoNotExhaustTheStack()
    {
        // The frontend runs the preprocessor on a thread with a large stack; this checks the preprocessor itself
        // on that budget with nesting far beyond real code.
        string source = "#define ID(x) x\n" + string.Concat(Enumerable.Repeat("ID(", 2000)) + "1" + new string(')', 2000) + "\n";
        string? result = null;
        var thread = new Thread(() => result = FrontendHarness.Expand(source), 256 << 20);
        thread.Start();
        thread.Join();
        Assert.Equal("1", result);
    }
}
