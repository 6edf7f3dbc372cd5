using ByteChip.Samples.Common;

namespace ByteChip.Samples.Histogram;

/// <summary>256-bin histogram of bytes with per-block shared-memory bins and global atomics.</summary>
public sealed class HistogramSample : Sample
{
    public const int N = 50_000;

    public override string Name => "Histogram";

    public override string Title => "256-bin byte histogram, privatized shared-memory bins + atomics";

    public override void Run(SampleContext ctx)
    {
        // Skewed data (a sum of two uniform bytes, halved) so that some bins are hot and contended.
        var rng = new Random(31);
        var data = new byte[N];
        for (int i = 0; i < N; i++)
        {
            data[i] = (byte)((rng.Next(256) + rng.Next(256)) / 2);
        }
        var expected = new uint[256];
        foreach (var v in data)
        {
            expected[v]++;
        }

        using var dd = ctx.Device.Upload<byte>(data);
        using var dbins = ctx.Device.Allocate<uint>(256);
        var stats = ctx.Launch("histogram256", 16, 256, 0, dd, dbins, N);
        var bins = dbins.ToArray();
        ctx.Check(Compare.Exact<uint>("bins", expected, bins));
        int peak = Array.IndexOf(bins, bins.Max());
        ctx.Print($"  {N} bytes, fullest bin {peak} with {bins[peak]} values, {stats.Atomics} atomic operations");
    }
}
