namespace ByteChip.Runtime.Tests;

public sealed class VectorAddTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AddsVectorsThroughTheApi(int hostThreads)
    {
        using var device = Device.Create("n4");
        device.HostThreads = hostThreads;
        using var module = TestKernels.Load(device, "vector_add.s");
        const int n = 1000;
        var rng = new Random(1);
        var a = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray();
        using var da = device.Upload<float>(a);
        using var db = device.Upload<float>(b);
        using var dc = device.Allocate<float>(n);
        var stats = module.GetKernel("vector_add").Launch(new Dim3(4), new Dim3(256), 0, da, db, dc, n);
        var c = dc.ToArray();
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(a[i] + b[i], c[i]);
        }
        Assert.Equal(n * 4L * 2, stats.GlobalLoadBytes);
        Assert.Equal(n * 4L, stats.GlobalStoreBytes);
        Assert.True(stats.ThreadInstructions > stats.WarpInstructions);
    }
}
