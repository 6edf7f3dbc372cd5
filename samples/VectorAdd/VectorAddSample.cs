using ByteChip.Samples.Common;

namespace ByteChip.Samples.VectorAdd;

/// <summary>c = a + b with one thread per element, then with a fixed grid and a grid-stride loop.</summary>
public sealed class VectorAddSample : Sample
{
    public const int N = 30_001; // not a multiple of the block size: the last block is partial

    public override string Name => "VectorAdd";

    public override string Title => "c[i] = a[i] + b[i], one thread per element and grid-stride";

    public override void Run(SampleContext ctx)
    {
        var a = Inputs.Uniform(N, -100f, 100f, seed: 1);
        var b = Inputs.Uniform(N, -100f, 100f, seed: 2);
        // A float32 addition is correctly rounded, so the device result must equal the C# one bit for bit.
        var expected = new float[N];
        for (int i = 0; i < N; i++)
        {
            expected[i] = a[i] + b[i];
        }

        using var da = ctx.Device.Upload<float>(a);
        using var db = ctx.Device.Upload<float>(b);
        using var dc = ctx.Device.Allocate<float>(N);
        const int threads = 256;
        ctx.Launch("vector_add", (N + threads - 1) / threads, threads, 0, da, db, dc, N);
        var c = dc.ToArray();
        ctx.Check(Compare.Exact<float>("vector_add", expected, c));

        dc.Fill(float.NaN);
        ctx.Launch("vector_add_grid_stride", 32, threads, 0, da, db, dc, N);
        var c2 = dc.ToArray();
        ctx.Check(Compare.Exact<float>("vector_add_grid_stride", expected, c2));
        ctx.Print($"  c[0] = {a[0]} + {b[0]} = {c[0]}; c[{N - 1}] = {c[N - 1]}");
    }
}
