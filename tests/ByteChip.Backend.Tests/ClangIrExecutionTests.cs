using ByteChip.Tests.Shared;
using System.Collections.Concurrent;
using ByteChip.Compiler.Backend;
using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime;

namespace ByteChip.Backend.Tests;

/// <summary>
/// Kernels compiled by clang into unoptimized device IR (Kernels/kernels.ll, checked in), then by the ByteChip
/// backend at -O0 and -O2 for both targets, run on the device model and compared with C# references.
/// </summary>
public class ClangIrExecutionTests
{
    private static readonly ConcurrentDictionary<(int, string), BcModule> s_modules = new();

    public static TheoryData<int, string> Configurations => new() { { 0, "n4" }, { 2, "n4" }, { 0, "n5" }, { 2, "n5" } };

    internal static BcModule Compile(int opt, string arch) => s_modules.GetOrAdd((opt, arch), key =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Kernels", "kernels.ll");
        using var context = new LlvmContext();
        using var module = LlvmModule.Parse(context, File.ReadAllBytes(path), "kernels.ll", out var error) ?? throw new InvalidOperationException(error);
        var options = new BackendOptions(TargetInfo.Find(key.Item2)!, key.Item1) { VerifyRegisterAllocation = true };
        return CodeGenerator.Compile(module, options).Module;
    });

    private static (Device Device, Module Module) Load(int opt, string arch)
    {
        var device = Device.Create(arch);
        return (device, device.LoadModule(Compile(opt, arch)));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Saxpy(int opt, string arch)
    {
        var (device, module) = Load(opt, arch);
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
            Assert.Equal(MathF.FusedMultiplyAdd(2.5f, x[i], y[i]), result[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void BlockReductionWithSharedMemoryAndBarriers(int opt, string arch)
    {
        var (device, module) = Load(opt, arch);
        using var _ = device;
        const int n = 3000;
        var data = Enumerable.Range(0, n).Select(i => (float)(i % 17) - 8f).ToArray();
        using var din = device.Upload<float>(data);
        using var dout = device.Upload<float>([0f]);
        module.GetKernel("reduce_sum").Launch(new Dim3((n + 255) / 256), new Dim3(256), 0, din, dout, n);
        Assert.Equal(data.Sum(), dout.ToArray()[0]); // small integers: every order of additions is exact
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void HistogramWithSharedThenGlobalAtomics(int opt, string arch)
    {
        var (device, module) = Load(opt, arch);
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
    public void DivergentLoopWithEarlyExitAndNestedIfs(int opt, string arch)
    {
        var (device, module) = Load(opt, arch);
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
        var (device, module) = Load(opt, arch);
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
        var (device, module) = Load(opt, arch);
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
            Assert.Equal(KernelReferences.Polynomial(x[i]), y[i]); // clang marks these 'contract': one fma each
        }
        Assert.Equal(n, dc.ToArray()[0]);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void StructsLocalArraysAndMixedWidths(int opt, string arch)
    {
        var (device, module) = Load(opt, arch);
        using var _ = device;
        const int n = 200;
        var keys = Enumerable.Range(0, n).Select(i => i * 31 - 3000).ToArray();
        var values = Enumerable.Range(0, n).Select(i => (i - 100) * 0.75f).ToArray();
        var pairs = new byte[n * 8];
        for (int i = 0; i < n; i++)
        {
            BitConverter.TryWriteBytes(pairs.AsSpan(i * 8), keys[i]);
            BitConverter.TryWriteBytes(pairs.AsSpan(i * 8 + 4), values[i]);
        }
        using var din = device.Upload<byte>(pairs);
        using var dd = device.Allocate<double>(n);
        using var dh = device.Allocate<ushort>(n);
        using var dc = device.Allocate<sbyte>(n);
        using var df = device.Allocate<float>(n);
        module.GetKernel("mixed_types").Launch(new Dim3(1), new Dim3(256), 0, din, dd, dh, dc, df, n);
        var d = dd.ToArray();
        var h = dh.ToArray();
        var c = dc.ToArray();
        var f = df.ToArray();
        for (int i = 0; i < n; i++)
        {
            int key = keys[i];
            float value = values[i];
            int local = key * (i & 7) - i;
            Assert.Equal(Math.FusedMultiplyAdd((double)value, local, 0.5), d[i]);
            Assert.Equal((ushort)(key * 977), h[i]);
            Assert.Equal((sbyte)(key - 100), c[i]);
            float expected = (float)(key / 3) + (float)((uint)key % 7u) + (value > 0 ? MathF.Sqrt(value) : -value);
            Assert.Equal(expected, f[i]);
        }
    }
}
