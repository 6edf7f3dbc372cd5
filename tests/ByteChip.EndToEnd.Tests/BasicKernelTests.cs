using ByteChip.Tests.Shared;
using ByteChip.Runtime;

namespace ByteChip.EndToEnd.Tests;

/// <summary>Kernels/basics.cu through the whole pipeline at -O0 and -O2 on n4 and n5, against C# references.</summary>
public class BasicKernelTests
{
    public static TheoryData<int, string> Configurations => CompiledKernels.Configurations;

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Saxpy(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("basics.cu", opt, arch);
        using var _ = device;
        const int n = 1000;
        var rng = new Random(1);
        var x = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble() * 10 - 5).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble() * 10 - 5).ToArray();
        using var dx = device.Upload<float>(x);
        using var dy = device.Upload<float>(y);
        module.GetKernel("saxpy").Launch(new Dim3(4), new Dim3(256), 0, 2.5f, dx, dy, n);
        var result = dy.ToArray();
        for (int i = 0; i < n; i++)
        {
            // CUDA contracts a*x+y into one fused multiply-add.
            Assert.Equal(MathF.FusedMultiplyAdd(2.5f, x[i], y[i]), result[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void TemplateReductionWithUnrolledLoopSharedMemoryAndBarriers(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("basics.cu", opt, arch);
        using var _ = device;
        const int n = 3000;
        var data = Enumerable.Range(0, n).Select(i => (float)(i % 17) - 8f).ToArray();
        using var din = device.Upload<float>(data);
        using var dout = device.Upload<float>([0f]);
        module.GetKernel("reduce<256>").Launch(new Dim3((n + 255) / 256), new Dim3(256), 0, din, dout, n);
        Assert.Equal(data.Sum(), dout.ToArray()[0]); // small integers: exact in any order
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void HistogramWithDynamicSharedThenGlobalAtomics(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("basics.cu", opt, arch);
        using var _ = device;
        const int n = 5000, bins = 37;
        var rng = new Random(3);
        var data = Enumerable.Range(0, n).Select(_ => (uint)rng.Next()).ToArray();
        using var dd = device.Upload<uint>(data);
        using var db = device.Allocate<uint>(bins);
        module.GetKernel("histogram").Launch(new Dim3(6), new Dim3(128), bins * 4, dd, db, n, bins);
        Assert.Equal(KernelReferences.Histogram(data, bins), db.ToArray());
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void DivergentLoopEarlyReturnAndDeviceFunctionWithPointerOutput(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("basics.cu", opt, arch);
        using var _ = device;
        const int n = 700;
        var input = Enumerable.Range(1, n).Select(i => i * 7 % 1000 + 1).ToArray();
        using var din = device.Upload<int>(input);
        using var ds = device.Allocate<int>(n);
        using var dp = device.Allocate<long>(n);
        module.GetKernel("collatz").Launch(new Dim3(3), new Dim3(256), 0, din, ds, dp, n);
        var steps = ds.ToArray();
        var peaks = dp.ToArray();
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(KernelReferences.Collatz(input[i]), (steps[i], peaks[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void WarpShuffleReduction(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("basics.cu", opt, arch);
        using var _ = device;
        var data = Enumerable.Range(0, 256).Select(i => i * 3 - 100).ToArray();
        using var din = device.Upload<int>(data);
        using var dout = device.Allocate<int>(8);
        module.GetKernel("warp_sum").Launch(new Dim3(2), new Dim3(128), 0, din, dout);
        Assert.Equal(KernelReferences.WarpSums(data), dout.ToArray());
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void ConstantMemoryAndADeviceGlobal(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("basics.cu", opt, arch);
        using var _ = device;
        const int n = 300;
        var x = Enumerable.Range(0, n).Select(i => i / 37f - 4f).ToArray();
        using var dx = device.Upload<float>(x);
        using var dy = device.Allocate<float>(n);
        using var dc = device.Allocate<int>(1);
        module.GetKernel("polynomial").Launch(new Dim3(2), new Dim3(256), 0, dx, dy, n);
        module.GetKernel("read_counter").Launch(new Dim3(1), new Dim3(1), 0, dc);
        var y = dy.ToArray();
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(KernelReferences.Polynomial(x[i]), y[i]);
        }
        Assert.Equal(n, dc.ToArray()[0]);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void VectorTypesStructsConstructorsOperatorsAndMath(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load("basics.cu", opt, arch);
        using var _ = device;
        const int n = 200;
        var rng = new Random(9);
        var data = Enumerable.Range(0, 4 * n).Select(_ => (float)rng.NextDouble() * 8 - 4).ToArray();
        using var din = device.Upload<float>(data);
        using var dout = device.Allocate<float>(n);
        module.GetKernel("vectors").Launch(new Dim3(1), new Dim3(256), 0, din, dout, n);
        var result = dout.ToArray();
        for (int i = 0; i < n; i++)
        {
            float vx = data[4 * i], vy = data[4 * i + 1], vz = data[4 * i + 2], vw = data[4 * i + 3];
            float cx = vx + vz, cy = vy + vw;
            // dot = cx*ax + cy*ay, contracted: fma(cx, ax, cy*ay); then + max - sqrt.
            float dot = MathF.FusedMultiplyAdd(cx, vx, cy * vy);
            float expected = dot + MathF.Max(vx, vw) - MathF.Sqrt(MathF.Abs(vz));
            Assert.Equal(expected, result[i], 5e-5f);
        }
    }
}
