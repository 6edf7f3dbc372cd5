using ByteChip.Compiler.Pipeline;
using ByteChip.Isa.Diagnostics;
using ByteChip.Runtime;

namespace ByteChip.EndToEnd.Tests;

/// <summary>Target-specific instructions: __dp4a uses n5's dp4a and is rejected for n4.</summary>
public class TargetFeatureTests
{
    private const string Source = """
        __global__ void dot(const int* a, const int* b, int* out, int n) {
          int i = blockIdx.x * blockDim.x + threadIdx.x;
          if (i < n) out[i] = __dp4a(a[i], b[i], i);
        }
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Dp4aRunsOnN5(int opt)
    {
        var result = Compilation.CompileSource("dot.cu", Source, new CompileOptions { Arch = "n5", OptimizationLevel = opt, VerifyRegisterAllocation = true });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Module!.Kernels[0].Code, w => ByteChip.Isa.InstructionCodec.OpcodeOf(w) == (int)ByteChip.Isa.Opcode.Dp4aS32S8S8);
        using var device = Device.Create("n5");
        var module = device.LoadModule(result.Module!);
        const int n = 100;
        var rng = new Random(5);
        var a = Enumerable.Range(0, n).Select(_ => rng.Next()).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => rng.Next() - int.MaxValue / 2).ToArray();
        using var da = device.Upload<int>(a);
        using var db = device.Upload<int>(b);
        using var dout = device.Allocate<int>(n);
        module.GetKernel("dot").Launch(new Dim3(1), new Dim3(128), 0, da, db, dout, n);
        var got = dout.ToArray();
        for (int i = 0; i < n; i++)
        {
            int expected = i;
            for (int k = 0; k < 4; k++)
            {
                expected += (sbyte)(a[i] >> (8 * k)) * (sbyte)(b[i] >> (8 * k));
            }
            Assert.Equal(expected, got[i]);
        }
    }

    [Fact]
    public void Dp4aIsRejectedForN4()
    {
        var result = Compilation.CompileSource("dot.cu", Source, new CompileOptions { Arch = "n4" });
        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(3019, error.Code); // the frontend knows the target's features
        Assert.Contains("dp4a", error.Message);
    }

    [Fact]
    public void TheBackendAlsoRejectsDp4aForN4()
    {
        // IR from elsewhere reaches the backend without the frontend's check.
        const string ir = """
            target triple = "nvptx64-nvidia-cuda"
            declare i32 @__bytechip_dp4a_s32(i32, i32, i32)
            define void @k(ptr %p) "bytechip-kernel" {
              %v = load i32, ptr %p
              %d = call i32 @__bytechip_dp4a_s32(i32 %v, i32 %v, i32 0)
              store i32 %d, ptr %p
              ret void
            }
            """;
        var path = Path.Combine(Path.GetTempPath(), $"dp4a-{Guid.NewGuid():N}.ll");
        File.WriteAllText(path, ir);
        try
        {
            var result = Compilation.CompileFile(path, new CompileOptions { Arch = "n4" });
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(4008, error.Code);
            Assert.Contains("target n4 does not have", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
