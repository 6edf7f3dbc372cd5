using ByteChip.Compiler.Pipeline;
using ByteChip.Runtime;

namespace ByteChip.EndToEnd.Tests;

/// <summary>Class tests of floats (which LLVM may fold into llvm.is.fpclass at -O2) against C# on special values.</summary>
public class FloatClassTests
{
    private const string Source = """
        __global__ void classify(const double* d, const float* f, int* out, int n) {
          int i = blockIdx.x * blockDim.x + threadIdx.x;
          if (i >= n) return;
          double v = d[i];
          float w = f[i];
          int flags = 0;
          if (v < 0.0 && v > -INFINITY) flags |= 1;
          if (isnan(v)) flags |= 2;
          if (isinf(v)) flags |= 4;
          if (isfinite(v)) flags |= 8;
          if (w < 0.0f && w > -INFINITY) flags |= 16;
          if (isnan(w)) flags |= 32;
          if (isinf(w)) flags |= 64;
          if (isfinite(w)) flags |= 128;
          out[i] = flags;
        }
        """;

    public static TheoryData<int, string> Configurations => CompiledKernels.Configurations;

    [Theory]
    [MemberData(nameof(Configurations))]
    public void ClassTestsMatchCSharp(int opt, string arch)
    {
        var result = Compilation.CompileSource("classify.cu", Source, new CompileOptions { Arch = arch, OptimizationLevel = opt, VerifyRegisterAllocation = true });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        double[] values = [0.0, -0.0, 1.0, -1.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -double.NaN, double.Epsilon, -double.Epsilon,
            double.MaxValue, double.MinValue, 2.2250738585072014e-308, -1e-310, 1e-45, -3.5, 1e300, -1e-40];
        var floats = values.Select(v => (float)v).ToArray();
        using var device = Device.Create(arch);
        var module = device.LoadModule(result.Module!);
        using var dd = device.Upload<double>(values);
        using var df = device.Upload<float>(floats);
        using var dout = device.Allocate<int>(values.Length);
        module.GetKernel("classify").Launch(new Dim3(1), new Dim3(32), 0, dd, df, dout, values.Length);
        var got = dout.ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            float w = floats[i];
            int expected = (v < 0 && v > double.NegativeInfinity ? 1 : 0) | (double.IsNaN(v) ? 2 : 0) | (double.IsInfinity(v) ? 4 : 0) | (double.IsFinite(v) ? 8 : 0)
                | (w < 0 && w > float.NegativeInfinity ? 16 : 0) | (float.IsNaN(w) ? 32 : 0) | (float.IsInfinity(w) ? 64 : 0) | (float.IsFinite(w) ? 128 : 0);
            Assert.True(expected == got[i], $"value {v:R} / {w:R}: expected flags {expected}, got {got[i]}");
        }
    }
}
