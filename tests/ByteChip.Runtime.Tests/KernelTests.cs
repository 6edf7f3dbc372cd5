namespace ByteChip.Runtime.Tests;

/// <summary>The assembly kernels under Kernels/ run through the API and checked against C# references, on 1 and 2 host threads.</summary>
public sealed class KernelTests
{
    private static float[] Floats(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 200) - 100)).ToArray();
    }

    private static uint[] Uints(int n, int seed, uint max = uint.MaxValue)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (uint)rng.NextInt64(0, (long)max + 1)).ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void BlockSumMatchesTreeReduction(int hostThreads)
    {
        using var device = Device.Create();
        device.HostThreads = hostThreads;
        using var module = TestKernels.Load(device, "block_sum.s");
        const int n = 3000, block = 256, blocks = (n + block - 1) / block;
        var input = Floats(n, 2);
        using var din = device.Upload<float>(input);
        using var dout = device.Allocate<float>(blocks);
        var stats = module.GetKernel("block_sum").Launch(blocks, block, 0, din, dout, n);
        Assert.Equal(References.BlockSum(input, n, block, blocks), dout.ToArray());
        Assert.True(stats.SharedLoadBytes > 0 && stats.SharedStoreBytes > 0);
        Assert.True(stats.DivergentBranches > 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void HistogramCountsEveryValue(int hostThreads)
    {
        using var device = Device.Create();
        device.HostThreads = hostThreads;
        using var module = TestKernels.Load(device, "histogram.s");
        var data = Uints(10_007, 3);
        using var ddata = device.Upload<uint>(data);
        using var dhist = device.Allocate<uint>(64);
        var stats = module.GetKernel("histogram").Launch(7, 128, 0, ddata, dhist, (uint)data.Length);
        Assert.Equal(References.Histogram(data), dhist.ToArray());
        Assert.Equal(data.Length + (7 * 64), stats.Atomics);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void DivergentLoopWithEarlyExitAndNestedIfs(int hostThreads)
    {
        using var device = Device.Create();
        device.HostThreads = hostThreads;
        using var module = TestKernels.Load(device, "divergent.s");
        var input = Uints(96 * 5, 4, 255);
        const uint untouched = 0xDEADBEEF;
        using var din = device.Upload<uint>(input);
        using var dout = device.Allocate<uint>(input.Length);
        dout.Fill(untouched);
        var stats = module.GetKernel("divergent").Launch(5, 96, 0, din, dout);
        Assert.Equal(input.Select(x => References.Divergent(x, untouched)).ToArray(), dout.ToArray());
        Assert.True(stats.DivergentBranches > 0);
    }

    [Fact]
    public void WarpShuffleReduction()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "warp_sum.s");
        var input = Uints(32 * 24, 5);
        using var din = device.Upload<uint>(input);
        using var dout = device.Allocate<uint>(24);
        module.GetKernel("warp_sum").Launch(3, 256, 0, din, dout);
        Assert.Equal(References.WarpSums(input), dout.ToArray());
    }

    [Fact]
    public void DynamicSharedMemoryThroughGenericPointers()
    {
        using var device = Device.Create("n5");
        using var module = TestKernels.Load(device, "reverse_dynamic.s");
        var data = Uints(4 * 200, 6);
        using var d = device.Upload<uint>(data);
        module.GetKernel("reverse_dynamic").Launch(4, 200, 200 * 4, d);
        Assert.Equal(References.ReverseBlocks(data, 200), d.ToArray());
    }

    [Fact]
    public void DynamicSharedMemoryTooSmallFaults()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "reverse_dynamic.s");
        using var d = device.Upload<uint>(new uint[64]);
        var e = Assert.Throws<DeviceFaultException>(() => module.GetKernel("reverse_dynamic").Launch(1, 64, 16, d));
        Assert.Equal(RuntimeError.OutOfBoundsAccess, e.Error);
        Assert.Contains("shared", e.FaultDetail);
    }

    [Fact]
    public void ConstantMemoryAndDeviceGlobal()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "const_global.s");
        const int n = 1000;
        var input = Floats(n, 7);
        using var din = device.Upload<float>(input);
        using var dout = device.Allocate<float>(n);
        var kernel = module.GetKernel("const_global");
        kernel.Launch(8, 128, 0, din, dout, n);
        Assert.Equal(input.Select((x, i) => x * References.Coefficients[i & 3]).ToArray(), dout.ToArray());
        var counter = module.GetGlobal("counter");
        Assert.Equal((uint)n, counter.Get<uint>());

        // The host rewrites the constant table and resets the counter between launches.
        float[] coeffs = [0.5f, 4f, -1f, 10f];
        module.GetConstant("coeffs").Write<float>(coeffs);
        counter.Set(5u);
        kernel.Launch(8, 128, 0, din, dout, n);
        Assert.Equal(input.Select((x, i) => x * coeffs[i & 3]).ToArray(), dout.ToArray());
        Assert.Equal(5u + n, counter.Get<uint>());
    }

    [Fact]
    public void GlobalInitializersAreRelocated()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "pointer_global.s");
        var counter = module.GetGlobal("counter");
        var ptrs = module.GetGlobal("ptrs");
        var stored = new ulong[2];
        ptrs.Read<ulong>(stored);
        Assert.Equal(counter.Address + 4, stored[1]);
        module.GetKernel("through_pointer").Launch(3, 64, 0);
        var words = new uint[2];
        counter.Read<uint>(words);
        Assert.Equal(new uint[] { 0, 3 * 64 }, words);
    }
}
