using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Semantics;

namespace ByteChip.Compiler.Tests;

/// <summary>Properties of the typed model that IR generation relies on.</summary>
public class SemanticTests
{
    private static SemanticModel Model(string source, string arch = "n4")
    {
        var result = Frontend.CompileText("test.cu", source, new FrontendOptions { Arch = arch });
        Assert.True(result.Diagnostics.Items.Count == 0, string.Join("\n", result.RenderableDiagnostics));
        return result.Model!;
    }

    private static FunctionSymbol Function(SemanticModel model, string name) => model.Functions.Single(f => f.DisplayName == name);

    /// <summary>All bound nodes below <paramref name="node"/>, depth first.</summary>
    internal static IEnumerable<BoundNode> Nodes(BoundNode node)
    {
        yield return node;
        foreach (var p in node.GetType().GetProperties())
        {
            var value = p.GetValue(node);
            var children = value switch
            {
                BoundNode n => [n],
                System.Collections.IEnumerable list and not string => list.OfType<BoundNode>(),
                _ => [],
            };
            foreach (var child in children)
            {
                foreach (var d in Nodes(child))
                {
                    yield return d;
                }
            }
        }
    }

    private static List<BoundNode> BodyNodes(SemanticModel model, string function) => [.. Nodes(Function(model, function).Body!)];

    [Fact]
    public void ImplicitConversionsAreExplicitNodes()
    {
        var model = Model("__device__ float f(int i, unsigned u) { float x = i; return x * 0.5 + (i + u); }");
        var nodes = BodyNodes(model, "f");
        Assert.Contains(nodes, n => n is BoundConversion { Kind: ConversionKind.IntegerToFloat, Type: FloatType { Kind: FloatKind.Float } });
        // float * double literal is computed in double (as CUDA does) and converted back for the return.
        Assert.Contains(nodes, n => n is BoundBinary { Operator: BinaryOperatorKind.Multiply, Type: FloatType { Kind: FloatKind.Double } });
        Assert.Contains(nodes, n => n is BoundConversion { Kind: ConversionKind.FloatCast, Type: FloatType { Kind: FloatKind.Float } });
        // int + unsigned is unsigned.
        Assert.Contains(nodes, n => n is BoundBinary { Operator: BinaryOperatorKind.Add, Type: IntegerType { Kind: IntegerKind.UInt } });
    }

    [Fact]
    public void IntegerPromotionsAndLiteralTypes()
    {
        var model = Model("__device__ long long f(char c, short s) { return c + s + 4000000000 + 0xffffffff + 1ull; }");
        var nodes = BodyNodes(model, "f");
        Assert.Contains(nodes, n => n is BoundBinary { Operator: BinaryOperatorKind.Add, Type: IntegerType { Kind: IntegerKind.Int } });
        Assert.Contains(nodes, n => n is BoundIntegerLiteral { Value: 4000000000, Type: IntegerType { Kind: IntegerKind.Long } });
        Assert.Contains(nodes, n => n is BoundIntegerLiteral { Value: 0xffffffff, Type: IntegerType { Kind: IntegerKind.UInt } });
        Assert.Contains(nodes, n => n is BoundIntegerLiteral { Type: IntegerType { Kind: IntegerKind.ULongLong } });
    }

    [Fact]
    public void AddressSpacesAreInferredFromOrigins()
    {
        var model = Model("""
            __device__ float g;
            __constant__ float c[4];
            __global__ void k(float* out) {
                __shared__ float s[32];
                float* ps = s;
                float* pg = &g;
                out[0] = *ps + *pg + c[threadIdx.x % 4];
            }
            """);
        var nodes = BodyNodes(model, "k");
        Assert.Contains(nodes, n => n is BoundConversion { Kind: ConversionKind.ArrayToPointer, Type: PointerType { Space: AddressSpace.Shared } });
        Assert.Contains(nodes, n => n is BoundConversion { Kind: ConversionKind.AddressSpaceCast, Type: PointerType { Space: AddressSpace.Generic } });
        Assert.Contains(nodes, n => n is BoundAddressOf { Type: PointerType { Space: AddressSpace.Global } });
        Assert.Contains(nodes, n => n is BoundConversion { Kind: ConversionKind.ArrayToPointer, Type: PointerType { Space: AddressSpace.Constant } });
        Assert.Equal([StorageKind.Global, StorageKind.Constant, StorageKind.Shared], model.Globals.Select(v => v.Storage));
    }

    [Fact]
    public void StructLayoutAndMembers()
    {
        var model = Model("""
            struct __align__(16) Particle { float3 pos; char tag; double mass; };
            __global__ void k(Particle* p) { p->mass = p[1].pos.y + p->tag; }
            """);
        var s = model.Structs.Single(x => x.Name == "Particle");
        Assert.Equal([0L, 12L, 16L], s.Fields.Select(f => f.Offset));
        Assert.Equal(32, s.Size);
        Assert.Equal(16, s.Alignment);
        var nodes = BodyNodes(model, "k");
        Assert.Contains(nodes, n => n is BoundVectorElement { Index: 1 });
        Assert.Contains(nodes, n => n is BoundFieldAccess { Field.Name: "mass", Object: BoundDereference });
    }

    [Fact]
    public void TemplatesAreInstantiatedByUseAndByDeduction()
    {
        var model = Model("""
            template <typename T, int N> __device__ T sumN(const T* p) { T s = 0; for (int i = 0; i < N; ++i) s += p[i]; return s; }
            template <typename T> __device__ T twice(T v) { return v + v; }
            __global__ void k(float* f, int* i) { f[0] = sumN<float, 4>(f) + twice(f[1]); i[0] = twice(i[1]) + sumN<int, 2>(i); }
            """);
        var names = model.Functions.Select(f => f.DisplayName).ToList();
        Assert.Contains("sumN<float, 4>", names);
        Assert.Contains("sumN<int, 2>", names);
        Assert.Contains("twice<float>", names);
        Assert.Contains("twice<int>", names);
        var instance = Function(model, "sumN<float, 4>");
        Assert.Contains(Nodes(instance.Body!), n => n is BoundConstant { Value: 4 });
    }

    [Fact]
    public void PragmaUnrollIsAttachedToTheLoop()
    {
        var model = Model("""
            __global__ void k(float* a) {
            #pragma unroll 4
                for (int i = 0; i < 16; ++i) a[i] = 0.0f;
            #pragma unroll
                for (int j = 0; j < 8; ++j) a[j] += 1.0f;
                int n = 0;
                while (n < 4) { ++n; }
            }
            """);
        var loops = BodyNodes(model, "k").OfType<BoundFor>().ToList();
        Assert.Equal(4, loops[0].Unroll!.Count);
        Assert.NotNull(loops[1].Unroll);
        Assert.Null(loops[1].Unroll!.Count);
        Assert.Null(BodyNodes(model, "k").OfType<BoundWhile>().Single().Unroll);
    }

    [Fact]
    public void VectorTypesAndConstructors()
    {
        var model = Model("""
            __global__ void k(float4* out) {
                float4 v = make_float4(1.0f, 2.0f, 3, 4);
                dim3 d(8);
                int2 p = make_int2(1, 2);
                out[0] = v;
                out[0].w = v.x + d.y + d.z + p.y;
            }
            """);
        var nodes = BodyNodes(model, "k");
        var dim = nodes.OfType<BoundVectorConstruct>().Single(v => v.VectorType.Spelling == "dim3");
        Assert.Equal([8L, 1L, 1L], dim.Components.Select(c => c.ConstantValue ?? -1));
        Assert.Contains(nodes, n => n is BoundVectorConstruct { VectorType.Spelling: "float4", Components.Length: 4 });
        Assert.Contains(nodes, n => n is BoundVectorElement { Index: 3, IsLValue: true });
    }

    [Fact]
    public void TypedefAmbiguityIsResolvedByTheTypeNameTable()
    {
        var model = Model("""
            typedef float T;
            __device__ float f(float a, float b) {
                T * x = &a;      // a declaration: T names a type
                float c = a * b; // an expression statement in an initializer
                a * b;           // an expression
                return *x + c + (T)(b);
            }
            """);
        var nodes = BodyNodes(model, "f");
        Assert.Contains(nodes, n => n is BoundVariableDeclaration { Variable.Name: "x", Variable.Type: PointerType });
        Assert.Contains(nodes, n => n is BoundExpressionStatement { Expression: BoundBinary { Operator: BinaryOperatorKind.Multiply } });
    }

    [Fact]
    public void ReferencesOverloadsAndOperators()
    {
        var model = Model("""
            struct V { float x, y; __device__ V(float a, float b) : x(a), y(b) {} };
            __device__ V operator+(const V& a, const V& b) { return V(a.x + b.x, a.y + b.y); }
            __device__ void bump(int& r) { r += 1; }
            __device__ float pick(float v) { return v; }
            __device__ int pick(int v) { return v; }
            __global__ void k(float* o) { int i = 0; bump(i); V a(1.0f, 2.0f); V b = a + a; o[0] = b.x + pick(1.0f) + pick(i); }
            """);
        var nodes = BodyNodes(model, "k");
        Assert.Contains(nodes, n => n is BoundConversion { Kind: ConversionKind.BindReference });
        Assert.Contains(nodes, n => n is BoundCall { Function.Name: "operator+" });
        Assert.Contains(nodes, n => n is BoundStructConstruct { Constructor: not null });
        var picks = nodes.OfType<BoundCall>().Where(c => c.Function.Name == "pick").Select(c => c.Function.Type.Return.Name).ToList();
        Assert.Equal(["float", "int"], picks);
        var ctor = model.Functions.Single(f => f.IsConstructor);
        Assert.Equal(["x", "y"], ctor.MemberInitializers.Select(m => m.Field.Name));
    }

    [Fact]
    public void BuiltinsResolveToBuiltinSymbols()
    {
        var model = Model("""
            __global__ void k(float* f, unsigned int* u, double* d) {
                atomicAdd(f, 1.0f); atomicAdd(u, 1u); atomicAdd(d, 1.0);
                f[1] = __shfl_down_sync(0xffffffff, f[1], 1);
                f[2] = sqrtf(f[2]) + sqrt(f[3]) + __expf(f[4]) + fminf(f[5], 1.0f) + min(1, 2) + max(1.0f, 2.0f);
                u[1] = __popc(u[2]) + __ballot_sync(0xffffffff, 1);
                __syncthreads();
            }
            """);
        var calls = BodyNodes(model, "k").OfType<BoundCall>().ToList();
        Assert.All(calls, c => Assert.True(c.Function.IsBuiltin, c.Function.Name));
        Assert.Equal(["float", "unsigned int", "double"], calls.Where(c => c.Function.Name == "atomicAdd").Select(c => c.Function.Type.Return.Name));
        var shfl = calls.Single(c => c.Function.Name == "__shfl_down_sync");
        Assert.Equal(4, shfl.Arguments.Length); // width = 32 filled in from the default
        Assert.Equal("float", calls.Single(c => c.Function.Name == "sqrt").Function.Type.Return.Name);
    }

    [Fact]
    public void CooperativeGroupsAreBlockLevelSugar()
    {
        var model = Model("""
            #include <cooperative_groups.h>
            namespace cg = cooperative_groups;
            __global__ void k(int* o) { cg::thread_block b = cg::this_thread_block(); o[b.thread_rank()] = b.size(); b.sync(); cg::sync(b); }
            """);
        var calls = BodyNodes(model, "k").OfType<BoundCall>().Select(c => c.Function.DisplayName).ToList();
        Assert.Equal(["this_thread_block", "thread_block::thread_rank", "thread_block::size", "thread_block::sync", "sync"], calls);
    }

    [Fact]
    public void SwitchCasesAndConstants()
    {
        var model = Model("""
            enum Mode { A = 3, B, C = sizeof(double) };
            __device__ int f(int m) {
                switch (m) { case A: return 1; case B: case C: return 2; default: return 0; }
            }
            """);
        var sw = BodyNodes(model, "f").OfType<BoundSwitch>().Single();
        Assert.Equal([3L, 4L, 8L, null], sw.Cases.Select(c => c.Value));
    }

    [Fact]
    public void KernelsAndAttributes()
    {
        var model = Model("""
            extern "C" __global__ void __launch_bounds__(256, 2) k1(int* p) { p[0] = 1; }
            __device__ __forceinline__ int helper() { return 1; }
            static __device__ __noinline__ int other() { return 2; }
            __global__ void k2(int* p) { p[0] = helper() + other(); }
            """);
        Assert.Equal(["k1", "k2"], model.Kernels.Select(k => k.Name));
        var k1 = model.Kernels.First();
        Assert.True(k1.IsExternC);
        Assert.Equal([256L, 2L], k1.LaunchBounds.ToArray());
        Assert.True(Function(model, "helper").IsForceInline);
        Assert.True(Function(model, "other").IsNoInline);
    }

    [Fact]
    public void ConstHostVariablesWithConstantInitializersAreUsableInDeviceCode()
    {
        var model = Model("""
            const int N = 256;
            const float PI = 3.14159265f;
            const double TWO_PI = 2 * 3.141592653589793;
            __global__ void k(float* p) { p[threadIdx.x % N] = PI + (float)TWO_PI; }
            """);
        var nodes = BodyNodes(model, "k");
        Assert.Contains(nodes, n => n is BoundConstant { Value: 256 });
        Assert.Contains(nodes, n => n is BoundFloatLiteral { Type: FloatType { Kind: FloatKind.Float } } f && Math.Abs(f.Value - 3.14159265) < 1e-6);
        Assert.Contains(nodes, n => n is BoundFloatLiteral { Type: FloatType { Kind: FloatKind.Double } } f && Math.Abs(f.Value - 6.283185307179586) < 1e-12);
    }

    [Fact]
    public void HostAndDeviceFunctionsAreCallableFromBothSides()
    {
        var model = Model("""
            __host__ __device__ inline int sq(int x) { return x * x; }
            __global__ void k(int* p) { p[0] = sq(p[1]); }
            int hostSide() { return sq(3); }
            """);
        var sq = Function(model, "sq");
        Assert.Equal(ExecutionSpace.Host | ExecutionSpace.Device, sq.Space);
    }
}
