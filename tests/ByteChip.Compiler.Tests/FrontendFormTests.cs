using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Semantics;
using ByteChip.Compiler.Syntax;
using ByteChip.Compiler.Syntax.Ast;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Tests;

/// <summary>
/// Forms the frontend reads as C++ does: a function body missing its last <c>;</c>, <c>#pragma unroll</c> with a
/// template parameter or constant, declarators and <c>for</c> variables that hide a type name, value template
/// arguments without parentheses; and the built-in prelude, of which only the declarations a file names are taken.
/// </summary>
public sealed class FrontendFormTests
{
    private static FrontendResult Compile(string source) => Frontend.CompileText("test.cu", source, new FrontendOptions());

    private static SemanticModel Model(string source)
    {
        var result = Compile(source);
        Assert.True(result.Diagnostics.Items.Count == 0, string.Join("\n", result.RenderableDiagnostics));
        return result.Model!;
    }

    private static FunctionSymbol Function(SemanticModel model, string name) => model.Functions.Single(f => f.DisplayName == name);

    /// <summary>The unroll counts of the loops of <paramref name="function"/> in source order (null: no hint; 0: full unroll).</summary>
    private static List<long?> UnrollCounts(SemanticModel model, string function)
    {
        var counts = new List<long?>();
        void Visit(BoundStatement s)
        {
            switch (s)
            {
                case BoundBlock b:
                    b.Statements.ToList().ForEach(Visit);
                    break;
                case BoundFor f:
                    counts.Add(f.Unroll == null ? null : f.Unroll.Count ?? 0);
                    Visit(f.Body);
                    break;
                case BoundWhile w:
                    counts.Add(w.Unroll == null ? null : w.Unroll.Count ?? 0);
                    Visit(w.Body);
                    break;
            }
        }
        Visit(Function(model, function).Body!);
        return counts;
    }

    /// <summary>1-based line and column of the first match of <paramref name="text"/> in <paramref name="source"/>.</summary>
    private static (int Line, int Column) Find(string source, string text)
    {
        int at = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, text);
        int line = source[..at].Count(c => c == '\n') + 1;
        return (line, at - (source.LastIndexOf('\n', at - 1) + 1) + 1);
    }

    [Fact]
    public void ABodyOfOneExpressionWithoutItsSemicolonIsOneErrorAtTheClosingBrace()
    {
        const string source = "__device__ void f(int* o) { o[0] = 1 }\n__global__ void g(int* o) { f(o); }\n";
        var result = Compile(source);
        var error = Assert.Single(result.Diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal((int)SyntaxCode.UnexpectedToken, error.Code);
        Assert.StartsWith("expected ';'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Find(source, "}"), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void ABraceInitializerStillFollowsAnObjectDeclarator()
    {
        var model = Model("""
            struct P { int a; int b; };
            __device__ int f() { P p{1, 2}; int v[2]{3, 4}; int* q{&v[0]}; return p.a + p.b + v[1] + *q; }
            """);
        Assert.NotNull(Function(model, "f").Body);
    }

    [Fact]
    public void PragmaUnrollCountIsEvaluatedPerTemplateInstance()
    {
        var model = Model("""
            template <int BLOCK>
            __device__ int sum(const int* in)
            {
                constexpr int HALF = BLOCK / 2;
                const int twice = 2 * BLOCK;
                int s = 0;
            #pragma unroll BLOCK
                for (int k = 0; k < BLOCK; k++) s += in[k];
            #pragma unroll HALF
                for (int k = 0; k < BLOCK; k++) s += in[k];
            #pragma unroll (twice + 1)
                while (s > 100) s /= 2;
            #pragma unroll
                for (int k = 0; k < 3; k++) s += k;
                return s;
            }
            __global__ void k(const int* in, int* out) { out[0] = sum<4>(in) + sum<8>(in); }
            """);
        Assert.Equal([4, 2, 9, 0], UnrollCounts(model, "sum<4>"));
        Assert.Equal([8, 4, 17, 0], UnrollCounts(model, "sum<8>"));
    }

    [Fact]
    public void APragmaUnrollCountThatIsNotPositiveInAnInstanceIsIgnoredWithAWarning()
    {
        const string source = """
            template <int N>
            __device__ int sum(const int* in)
            {
                int s = 0;
            #pragma unroll (N - 2)
                for (int k = 0; k < 4; k++) s += in[k];
                return s;
            }
            __global__ void k(const int* in, int* out) { out[0] = sum<2>(in) + sum<6>(in); }
            """;
        var result = Compile(source);
        var warning = Assert.Single(result.Diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(1026, warning.Code);
        Assert.Contains("not 0; pragma ignored", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Find(source, "#pragma").Line, warning.Location.Line);
        Assert.Equal([null], UnrollCounts(result.Model!, "sum<2>"));
        Assert.Equal([4], UnrollCounts(result.Model!, "sum<6>"));
    }

    [Theory]
    [InlineData("n", "'#pragma unroll' count must be an integral constant expression")]
    [InlineData("2.5f", "'#pragma unroll' count must be an integral constant expression")]
    [InlineData("undeclared", "undeclared")]
    public void APragmaUnrollCountThatIsNotAnIntegralConstantIsAnError(string count, string message)
    {
        string source = $"__global__ void k(int* out, int n)\n{{\n#pragma unroll {count}\n    for (int i = 0; i < n; i++) out[i] = i;\n}}\n";
        var result = Compile(source);
        var error = Assert.Single(result.Diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void APragmaUnrollArgumentThatIsNoExpressionIsBC2006()
    {
        var result = Compile("__global__ void k(int* out)\n{\n#pragma unroll 4 x\n    for (int i = 0; i < 4; i++) out[i] = i;\n}\n");
        var error = Assert.Single(result.Diagnostics.Items);
        Assert.Equal((int)SyntaxCode.InvalidPragmaUnroll, error.Code);
        Assert.Equal("'#pragma unroll' expects an integral constant expression, not '4 x'", error.Message);
    }

    [Fact]
    public void ALaterDeclaratorOfAListHidesATypeName()
    {
        var model = Model("""
            struct count { int v; };
            typedef float value;
            __device__ int f(int x)
            {
                int a = x, count = 2, *p = &a, value[2] = {1, 2};
                for (int i = 0, count2 = 1; i < count; i++) a += count2 + value[i];
                return a * count + *p;
            }
            __device__ int g() { count c; c.v = 1; value w = 2.0f; return c.v + (int)w; }
            """);
        var locals = SemanticTests.Nodes(Function(model, "f").Body!).OfType<BoundVariableDeclaration>().Select(d => (d.Variable.Name, d.Variable.Type.ToString())).ToList();
        Assert.Contains(("count", "int"), locals);
        Assert.Contains(("value", "int [2]"), locals);
        Assert.Contains(SemanticTests.Nodes(Function(model, "g").Body!).OfType<BoundVariableDeclaration>(), d => d.Variable.Name == "c" && d.Variable.Type is StructType);
    }

    [Fact]
    public void AForVariableHidesATypeNameOnlyInTheLoop()
    {
        var model = Model("""
            struct count { int v; };
            typedef int value;
            __device__ int f(const int* in)
            {
                int s = 0;
                for (int count = 0; count < 3; count++)
                    for (value value = 0; value < 2; value++)
                        s += in[count] * value;
                count c;
                c.v = s;
                value w = 1;
                for (int value = 0; value < 2; value++) { s += value; }
                value z = 2;
                return c.v + w + z;
            }
            """);
        var declarations = SemanticTests.Nodes(Function(model, "f").Body!).OfType<BoundVariableDeclaration>().ToList();
        Assert.Contains(declarations, d => d.Variable.Name == "c" && d.Variable.Type is StructType);
        Assert.Contains(declarations, d => d.Variable.Name == "w" && d.Variable.Type is IntegerType);
        Assert.Contains(declarations, d => d.Variable.Name == "z" && d.Variable.Type is IntegerType);
    }

    [Fact]
    public void ValueTemplateArgumentsNeedNoParentheses()
    {
        var model = Model("""
            template <bool Wide, int Shift> __device__ int shifted(int x) { return Wide ? x << Shift : x >> Shift; }
            template <int N> __device__ int id() { return N; }
            __device__ int f(int x) { return shifted<4 == 4, 1 + 1>(x) + shifted<(3 < 2), 2 * 2 - 1>(x) + id<1 << 3>() + id<-2>(); }
            """);
        foreach (var name in new[] { "shifted<true, 2>", "shifted<false, 3>", "id<8>", "id<-2>" })
        {
            Assert.NotNull(Function(model, name).Body);
        }
    }

    [Fact]
    public void TheFirstGreaterThanOutsideBracketsClosesTheTemplateArguments()
    {
        // As in C++: 'id<2 > 1>(x)' reads as 'id<2>' compared with '1>(x)', which is not an expression here.
        var result = Compile("template <int N> __device__ int id() { return N; }\n__device__ int f() { return id<(2 > 1)>() + id<2>(); }\n");
        Assert.True(result.Diagnostics.Items.Count == 0, string.Join("\n", result.RenderableDiagnostics));
        Assert.NotNull(Function(result.Model!, "id<1>").Body);
        Assert.NotNull(Function(result.Model!, "id<2>").Body);
        var unparenthesised = Compile("template <int N> __device__ int id() { return N; }\n__device__ int f() { return id<2 > 1>(); }\n");
        Assert.Equal((int)SyntaxCode.UnexpectedToken, Assert.Single(unparenthesised.Diagnostics.Items).Code);
    }

    [Fact]
    public void OnlyThePreludeDeclarationsAFileNamesAreParsed()
    {
        var (parse, diagnostics) = FrontendHarness.Parse("__global__ void k(int* p, float* f) { atomicAdd(p, 1); f[0] = sqrtf(f[1]); }");
        Assert.Empty(diagnostics.Items);
        var names = PreludeNames(parse);
        Assert.Equal(5, names.Count(n => n == "atomicAdd"));
        Assert.Contains("sqrtf", names);
        Assert.DoesNotContain("atomicSub", names);
        Assert.DoesNotContain("sinf", names);
        Assert.DoesNotContain("size_t", names);
        Assert.DoesNotContain(parse.Prelude.OfType<SimpleDeclarationSyntax>(), d => d.Specifiers.Struct?.Name == "thread_block");
    }

    [Fact]
    public void APreludeDeclarationTakesTheTypesItNames()
    {
        // this_thread_block() returns a thread_block: the struct comes with it, before it, as in the header.
        var (parse, diagnostics) = FrontendHarness.Parse("__global__ void k(size_t* n) { auto b = this_thread_block(); b.sync(); n[0] = b.size(); }");
        Assert.Empty(diagnostics.Items);
        var names = PreludeNames(parse);
        Assert.Contains("size_t", names);
        Assert.Contains("this_thread_block", names);
        int structAt = parse.Prelude.IndexOf(parse.Prelude.OfType<SimpleDeclarationSyntax>().Single(d => d.Specifiers.Struct?.Name == "thread_block"));
        Assert.True(structAt < names.IndexOf("this_thread_block"));
        var model = Model("__global__ void k(unsigned* n) { auto b = this_thread_block(); b.sync(); n[0] = b.size(); }");
        Assert.NotNull(Function(model, "k").Body);
    }

    /// <summary>The name each prelude declaration declares, in order (null for one without a plain name).</summary>
    private static List<string?> PreludeNames(ParseResult parse) =>
        [.. parse.Prelude.Select(d => d is SimpleDeclarationSyntax { Declarators: [var first, ..] } ? Binder.DeclaratorName(first.Declarator)?.Name : null)];
}
