using ByteChip.Compiler.Preprocessor;

namespace ByteChip.Compiler.Tests;

public class PreprocessorTests
{
    private static string Expand(string source, IReadOnlyDictionary<string, string>? files = null, PreprocessorOptions? options = null) =>
        FrontendHarness.Expand(source, files, options);

    [Fact]
    public void ObjectLikeMacrosExpandAndRescan()
    {
        Assert.Equal("int x = ( 4 * 2 ) ;", Expand("#define N 4\n#define M (N * 2)\nint x = M;"));
    }

    [Fact]
    public void FunctionLikeMacroWithNestedParentheses()
    {
        Assert.Equal("( ( f ( a , b ) ) > ( c ) ? ( f ( a , b ) ) : ( c ) )", Expand("#define MAX(a, b) ((a) > (b) ? (a) : (b))\nMAX(f(a, b), c)"));
    }

    [Fact]
    public void FunctionLikeMacroExpandsOnlyWhenFollowedByParenthesis()
    {
        Assert.Equal("int F ; 1", Expand("#define F(x) x\nint F; F\n(1)"));
    }

    [Fact]
    public void StringizeAndPaste()
    {
        Assert.Equal("\"a + b\" xy 12", Expand("#define S(x) #x\n#define P(a, b) a ## b\nS(a + b) P(x, y) P(1, 2)"));
    }

    [Fact]
    public void StringizeEscapesQuotes()
    {
        Assert.Equal("\"\\\"hi\\\\n\\\"\"", Expand("#define S(x) #x\nS(\"hi\\n\")"));
    }

    [Fact]
    public void VariadicMacrosAndCommaElision()
    {
        Assert.Equal("f ( 1 , 2 , 3 ) g ( 1 )", Expand("#define CALL(fn, ...) fn(__VA_ARGS__)\n#define G(x, ...) g(x, ## __VA_ARGS__)\nCALL(f, 1, 2, 3) G(1)"));
    }

    [Fact]
    public void SelfReferenceDoesNotRecurse()
    {
        Assert.Equal("foo + 1 ( bar )", Expand("#define foo foo + 1\n#define bar (bar)\nfoo bar"));
    }

    [Fact]
    public void ArgumentsArePreExpanded()
    {
        Assert.Equal("( 3 )", Expand("#define THREE 3\n#define ID(x) (x)\nID(THREE)"));
    }

    [Fact]
    public void ConditionalsWithDefinedAndArithmetic()
    {
        const string source = """
            #define A 2
            #if defined(A) && A * 3 == 6 && !defined B
            yes
            #elif 1
            no1
            #else
            no2
            #endif
            #ifdef B
            no3
            #elif (1 << 4) == 16 && -1 < 0 && 0xff == 255 && 'a' == 97 && (10u > -1) == 0
            yes2
            #endif
            #ifndef A
            no4
            #endif
            """;
        Assert.Equal("yes yes2", Expand(source));
    }

    [Fact]
    public void NestedSkippedGroupsIgnoreTheirDirectives()
    {
        Assert.Equal("ok", Expand("#if 0\n#if 1\n#error not here\n#endif\n#else\nok\n#endif"));
    }

    [Fact]
    public void UndefRemovesAMacro()
    {
        Assert.Equal("N", Expand("#define N 1\n#undef N\nN"));
    }

    [Fact]
    public void FileAndLineMacros()
    {
        Assert.Equal("\"test.cu\" 2 100 \"renamed.cu\" 101", Expand("\"x\"\n__FILE__ __LINE__\n#line 100 \"renamed.cu\"\n__LINE__ __FILE__\n__LINE__").Replace("\"x\" ", ""));
    }

    [Fact]
    public void LineMacroInsideAMacroIsTheInvocationLine()
    {
        Assert.Equal("3", Expand("#define HERE __LINE__\n\nHERE"));
    }

    [Fact]
    public void IncludesWithGuardsAndPragmaOnce()
    {
        var files = new Dictionary<string, string>
        {
            ["guarded.h"] = "#ifndef GUARDED_H\n#define GUARDED_H\nguarded\n#endif\n",
            ["once.h"] = "#pragma once\nonce\n",
        };
        Assert.Equal("guarded once", Expand("#include \"guarded.h\"\n#include \"guarded.h\"\n#include <once.h>\n#include \"once.h\"\n", files));
    }

    [Fact]
    public void IncludeNameFromAMacro()
    {
        var files = new Dictionary<string, string> { ["config.h"] = "configured\n" };
        Assert.Equal("configured", Expand("#define CONFIG \"config.h\"\n#include CONFIG\n", files));
    }

    [Fact]
    public void PragmaUnrollIsKeptWithItsExpandedCount()
    {
        Assert.Equal("#pragma unroll 8 for #pragma omp parallel", Expand("#define N 8\n#pragma unroll N\nfor\n#pragma omp parallel\n"));
    }

    [Fact]
    public void PragmaOperatorBecomesAPragmaToken()
    {
        Assert.Equal("#pragma unroll 4 x", Expand("_Pragma(\"unroll 4\") x"));
    }

    [Fact]
    public void PredefinedMacrosFollowTheTarget()
    {
        Assert.Equal("1 400 800 1", Expand("__BYTECHIP__ __BYTECHIP_ARCH__ __CUDA_ARCH__ __CUDACC__"));
        Assert.Equal("500", Expand("__BYTECHIP_ARCH__", options: new PreprocessorOptions { Arch = "n5" }));
    }

    [Fact]
    public void CommandLineDefines()
    {
        Assert.Equal("1 64", Expand("DEBUG BLOCK", options: new PreprocessorOptions { Defines = ["DEBUG", "BLOCK=64"] }));
    }

    [Fact]
    public void TokensKeepTheirOriginalLocationsThroughIncludesAndMacros()
    {
        var files = new Dictionary<string, string> { ["inc.h"] = "\n  included\n" };
        var (tokens, diagnostics, _) = FrontendHarness.Preprocess("#define M  body\n#include \"inc.h\"\nx M\n", files);
        Assert.Empty(diagnostics.Items);
        var included = tokens.Single(t => t.Text == "included");
        Assert.EndsWith("inc.h", included.Location.File);
        Assert.Equal((2, 3), (included.Location.Line, included.Location.Column));
        var body = tokens.Single(t => t.Text == "body");
        Assert.Equal(("test.cu", 3, 3), (body.Location.File, body.Location.Line, body.Location.Column));
        Assert.NotNull(body.Expansion);
        Assert.Equal("M", body.Expansion!.MacroName);
        Assert.Equal((1, 12), (body.Expansion.DefinitionLocation.Line, body.Expansion.DefinitionLocation.Column));
    }

    [Fact]
    public void LineSplicesAndCommentsDisappear()
    {
        Assert.Equal("#pragma unroll int ab = 1 ;", Expand("#define LONG \\\n  int ab = 1;\n#pragma unroll /* c */\nLONG // trailing\n"));
    }

    [Fact]
    public void BuiltinHeadersResolveAndHostHeadersAreStubbed()
    {
        var (tokens, diagnostics, pp) = FrontendHarness.Preprocess("#include <cuda_runtime.h>\n#include <math.h>\n#include <iostream>\n#include <sys/time.h>\n#include <assert.h>\nassert(x);\nM_PI\n");
        Assert.True(diagnostics.Items.Count == 0, string.Join("\n", diagnostics.Items));
        Assert.Contains(tokens, t => t.Text == "3.14159265358979323846");
        Assert.DoesNotContain(tokens, t => t.Text == "assert");
        Assert.True(pp.Macros.ContainsKey("M_PI"));
    }
}
