using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Semantics;
using ByteChip.Compiler.Syntax;
using ByteChip.Compiler.Syntax.Generated;

namespace ByteChip.Compiler.Tests;

/// <summary>
/// The C++ conveniences of CUDA kernels in the semantic model: function objects, static members, bool/enum
/// template arguments, host-launch instantiation and variables that shadow type names. Every source here must
/// compile without any diagnostic (so also without a false unused-variable warning).
/// </summary>
public class CppFeatureSemanticTests
{
    private static SemanticModel Model(string source)
    {
        var result = Frontend.CompileText("test.cu", source, new FrontendOptions { Arch = "n4" });
        Assert.True(result.Diagnostics.Items.Count == 0, string.Join("\n", result.RenderableDiagnostics));
        return result.Model!;
    }

    private static FunctionSymbol Function(SemanticModel model, string name) => model.Functions.Single(f => f.DisplayName == name);

    private static IEnumerable<BoundCall> Calls(BoundNode node)
    {
        if (node is BoundCall call)
        {
            yield return call;
        }
        foreach (var p in node.GetType().GetProperties())
        {
            var children = p.GetValue(node) switch
            {
                BoundNode n => [n],
                System.Collections.IEnumerable list and not string => list.OfType<BoundNode>(),
                _ => [],
            };
            foreach (var child in children.SelectMany(Calls))
            {
                yield return child;
            }
        }
    }

    private const string Functors = """
        struct Add { __device__ float operator()(float a, float b) const { return a + b; } };
        template <typename Op> __device__ float fold(Op op, float a, float b) { return op(a, b); }
        __global__ void k(float* out, float x, float y)
        {
            Add add;
            out[0] = add(x, y) + fold(Add(), x, y) + fold<Add>(Add{}, x, y) + Add()(x, y);
        }
        """;

    [Fact]
    public void FunctorCallsAreMemberCallsOfOperatorCallWithTheObjectAsReceiver()
    {
        var model = Model(Functors);
        var calls = Calls(Function(model, "k").Body!).ToList();
        var direct = calls.Where(c => c.Function.Name == "operator()").ToList();
        Assert.Equal(2, direct.Count); // add(x, y) and Add()(x, y)
        Assert.All(direct, c => Assert.NotNull(c.Receiver));
        Assert.Equal(2, calls.Count(c => c.Function.DisplayName == "fold<Add>")); // deduced and explicit: one instance
        var fold = Function(model, "fold<Add>");
        Assert.Single(Calls(fold.Body!), c => c.Function.Name == "operator()" && c.Receiver != null);
    }

    [Fact]
    public void StaticMemberFunctionsHaveNoReceiverAndStaticConstantsFold()
    {
        var model = Model("""
            struct Max { static constexpr int identity = -7; __device__ static int apply(int a, int b) { return a > b ? a : b; } };
            template <typename Op> __device__ int red(int a) { return Op::apply(a, Op::identity); }
            __global__ void k(int* out) { out[0] = Max::apply(out[1], 3) + red<Max>(out[2]); }
            """);
        var apply = Calls(Function(model, "k").Body!).Single(c => c.Function.Name == "apply");
        Assert.True(apply.Function.IsStatic);
        Assert.Null(apply.Receiver);
        var inner = Calls(Function(model, "red<Max>").Body!).Single();
        Assert.Equal(-7L, inner.Arguments[1].ConstantValue);
    }

    [Fact]
    public void BoolAndEnumTemplateArgumentsNameAndTypeTheInstance()
    {
        var model = Model("""
            enum class Mode { Fast, Precise };
            template <bool B> __device__ int pick() { return B ? 1 : 2; }
            template <Mode M> __global__ void run(int* out) { out[0] = pick<(M == Mode::Fast)>() + pick<1>(); }
            void host(int* p) { run<Mode::Precise><<<1, 1>>>(p); }
            """);
        var run = Function(model, "run<Mode::Precise>");
        Assert.IsType<EnumType>(run.TemplateArguments[0].ValueType);
        Assert.Equal(1L, run.TemplateArguments[0].Value);
        // pick<false> (M == Mode::Fast is false) and pick<1>, which is pick<true>: bool arguments are converted.
        Assert.Equal(["pick<false>", "pick<true>"], model.Functions.Where(f => f.Name == "pick").Select(f => f.DisplayName).Order());
    }

    [Fact]
    public void HostLaunchesInstantiateWithHostConstantsAndDeducedArguments()
    {
        var model = Model("""
            template <int N> __global__ void fill(int* p) { p[threadIdx.x] = N; }
            template <typename T> __global__ void scale(T* p, T s, int n) { if (threadIdx.x < n) p[threadIdx.x] *= s; }
            void host(int* d, int n)
            {
                const int BLOCK = 64;
                constexpr int TWICE = BLOCK * 2;
                double* dd;
                float h[16];
                fill<BLOCK><<<1, BLOCK>>>(d);
                fill<TWICE><<<1, TWICE>>>(d);
                scale<<<1, 32>>>(d, 3, n);
                scale<<<1, 32>>>(dd, 0.5, n);
                scale<<<1, 32>>>(h, 2.0f, 16);
            }
            """);
        Assert.Equal(["fill<128>", "fill<64>", "scale<double>", "scale<float>", "scale<int>"], model.Functions.Where(f => f.IsKernel).Select(f => f.DisplayName).Order());
    }

    [Fact]
    public void VariablesShadowingTypeNamesAreIdentifiersUntilTheirScopeEnds()
    {
        const string source = """
            struct count { int c; };
            typedef float value;
            __device__ float f(value value) { return value; }
            __global__ void k(float* out)
            {
                {
                    int count = 2;
                    float value = 1.5f;
                    out[0] = value * count;
                }
                value v = 2.0f;
                struct count c = {3};
                out[1] = v * c.c + f(v);
            }
            """;
        Model(source);
        var (parse, diagnostics) = FrontendHarness.Parse(source);
        Assert.Empty(diagnostics.Items);
        var kinds = parse.Tokens.Where(t => t.Token.Text is "value" or "count").Select(t => t.Type == CudaParser.TypeName ? "T" : "I");
        // struct tag, typedef name; f's parameter type, name and use; the block's locals and their uses; after the
        // block both are types again.
        Assert.Equal("TITIIIIIITT", string.Concat(kinds));
    }
}
