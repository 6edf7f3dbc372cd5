using ByteChip.Compiler.Pipeline;
using ByteChip.Runtime;

namespace ByteChip.EndToEnd.Tests;

/// <summary>__noinline__ functions become real calls (register windows, static frames); recursion is a diagnostic.</summary>
public class CallTests
{
    public static TheoryData<int, string> Configurations => CompiledKernels.Configurations;

    [Theory]
    [MemberData(nameof(Configurations))]
    public void NoInlineFunctionsAreCalledAndReturnCorrectly(int opt, string arch)
    {
        var module = CompiledKernels.Compile("calls.cu", opt, arch);
        var kernel = module.FindKernel("calls")!;
        Assert.Contains(kernel.Code, w => ByteChip.Isa.InstructionCodec.OpcodeOf(w) == (int)ByteChip.Isa.Opcode.Call);
        var (device, loaded) = CompiledKernels.Load("calls.cu", opt, arch);
        using var _ = device;
        const int n = 300;
        var input = Enumerable.Range(0, n).Select(i => i * 7 % 101).ToArray();
        using var din = device.Upload<int>(input);
        using var dout = device.Allocate<int>(n);
        using var fout = device.Allocate<float>(n);
        using var lout = device.Allocate<long>(n);
        loaded.GetKernel("calls").Launch(new Dim3(2), new Dim3(192), 0, din, dout, fout, lout, n);
        var outs = dout.ToArray();
        var fs = fout.ToArray();
        var ls = lout.ToArray();
        for (int i = 0; i < n; i++)
        {
            int sum = 0, count = 0;
            for (int k = 0; k < i % 5; k++)
            {
                int v = input[i] + k;
                sum += v * v + 1;
                count++;
            }
            Assert.Equal((i & 1) != 0 ? sum * sum + count : sum - count, outs[i]);
            float x = input[i] - 50;
            Assert.Equal(x < 0 ? -x * 0.5f : x * 0.5f, fs[i]);
            long a = input[i] * 1000003L;
            Assert.Equal((a << 3) ^ (i * 2654435761L), ls[i]);
        }
    }

    [Fact]
    public void RecursionInSourceIsRejectedByTheFrontend()
    {
        const string source = """
            __device__ __noinline__ int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
            __global__ void k(int* out) { out[0] = fact(out[0]); }
            """;
        var result = Compilation.CompileSource("rec.cu", source, new CompileOptions());
        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == ByteChip.Isa.Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal(3017, error.Code);
    }

    [Fact]
    public void RecursionInLlvmIrIsRejectedByTheBackend()
    {
        const string ir = """
            target triple = "nvptx64-nvidia-cuda"
            define internal i32 @fact(i32 %n) noinline {
              %c = icmp sle i32 %n, 1
              br i1 %c, label %one, label %rec
            one:
              ret i32 1
            rec:
              %m = sub i32 %n, 1
              %r = call i32 @fact(i32 %m)
              %p = mul i32 %n, %r
              ret i32 %p
            }
            define void @k(ptr %out) "bytechip-kernel" {
              %v = load i32, ptr %out
              %f = call i32 @fact(i32 %v)
              store i32 %f, ptr %out
              ret void
            }
            """;
        var path = Path.Combine(Path.GetTempPath(), $"rec-{Guid.NewGuid():N}.ll");
        File.WriteAllText(path, ir);
        try
        {
            var result = Compilation.CompileFile(path, new CompileOptions { OptimizationLevel = 0 });
            Assert.False(result.Success);
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(4006, error.Code);
            Assert.Contains("recursion is not supported on ByteChip: fact -> fact", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
