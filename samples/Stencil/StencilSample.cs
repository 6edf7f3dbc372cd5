using ByteChip.Runtime;
using ByteChip.Samples.Common;

namespace ByteChip.Samples.Stencil;

/// <summary>A 9-point 1-D stencil with a shared-memory halo and weights in constant memory, and a 2-D Jacobi
/// sweep (Laplace's equation) with a shared-memory tile and halo.</summary>
public sealed class StencilSample : Sample
{
    public const int N = 30_000, Radius = 4, BlockSize = 256;

    public override string Name => "Stencil";

    public override string Title => "1-D 9-point stencil (shared-memory halo, __constant__ weights) and 2-D Jacobi sweeps";

    public override void Run(SampleContext ctx)
    {
        var input = Inputs.Uniform(N, -1f, 1f, seed: 51);
        // A smoothing filter (binomial weights / 256), set from the host like cudaMemcpyToSymbol.
        float[] weights = [1 / 256f, 8 / 256f, 28 / 256f, 56 / 256f, 70 / 256f, 56 / 256f, 28 / 256f, 8 / 256f, 1 / 256f];
        ctx.Module.GetConstant("weights").Write<float>(weights);

        using var din = ctx.Device.Upload<float>(input);
        using var dout = ctx.Device.Allocate<float>(N);
        ctx.Launch("stencil_1d", (N + BlockSize - 1) / BlockSize, BlockSize, 0, din, dout, N);
        var output = dout.ToArray();

        // Reference in double with zeros outside [0, N); a float32 sum of 9 products is within gamma_9 * sum|w*x|.
        var expected = new double[N];
        var absSum = new double[N];
        for (int i = 0; i < N; i++)
        {
            for (int k = -Radius; k <= Radius; k++)
            {
                if (i + k is >= 0 and < N)
                {
                    double p = (double)weights[k + Radius] * input[i + k];
                    expected[i] += p;
                    absSum[i] += Math.Abs(p);
                }
            }
        }
        ctx.Check(Compare.Within("out", expected, output, i => ErrorBounds.Sum(2 * Radius + 1, absSum[i]), "float32 bound gamma_9*sum|w*x|"));
        ctx.Print($"  out[0] = {output[0]} (left halo is zero), out[{N / 2}] = {output[N / 2]}, out[{N - 1}] = {output[N - 1]}");
        RunJacobi(ctx);
    }

    public const int Width = 100, Height = 70, Sweeps = 20, Tile = 16;

    /// <summary>20 Jacobi sweeps on a 100 x 70 grid (partial tiles on both axes), ping-ponging two buffers.</summary>
    private static void RunJacobi(SampleContext ctx)
    {
        var grid = JacobiGrid(Width, Height, seed: 52);
        using var a = ctx.Device.Upload<float>(grid);
        using var b = ctx.Device.Upload<float>(grid);
        var blocks = new Dim3((Width + Tile - 1) / Tile, (Height + Tile - 1) / Tile);
        for (int s = 0; s < Sweeps; s++)
        {
            ctx.Launch("jacobi_2d", blocks, new Dim3(Tile, Tile), 0, s % 2 == 0 ? a : b, s % 2 == 0 ? b : a, Width, Height);
        }
        var result = (Sweeps % 2 == 0 ? a : b).ToArray();
        ctx.Check(Compare.Exact<float>("jacobi", JacobiReference(grid, Width, Height, Sweeps), result));
        ctx.Print($"  jacobi: after {Sweeps} sweeps, centre {result[Height / 2 * Width + Width / 2]}, below the hot edge {result[Width + Width / 2]}");
    }

    /// <summary>A w x h grid: random interior in [0, 1), a hot top edge (1.0) and cold other edges (0.0).</summary>
    public static float[] JacobiGrid(int w, int h, int seed)
    {
        var grid = Inputs.Uniform(w * h, 0f, 1f, seed);
        for (int x = 0; x < w; x++)
        {
            grid[x] = 1f;
            grid[(h - 1) * w + x] = 0f;
        }
        for (int y = 0; y < h; y++)
        {
            grid[y * w] = 0f;
            grid[y * w + w - 1] = 0f;
        }
        return grid;
    }

    /// <summary>
    /// The grid after <paramref name="sweeps"/> Jacobi sweeps, with the kernel's float operations in its order (four
    /// additions, then the multiply by 0.25), so IEEE single-precision results must match the device bit for bit.
    /// </summary>
    public static float[] JacobiReference(float[] grid, int w, int h, int sweeps)
    {
        var current = (float[])grid.Clone();
        var next = (float[])grid.Clone();
        for (int s = 0; s < sweeps; s++)
        {
            for (int y = 1; y < h - 1; y++)
            {
                for (int x = 1; x < w - 1; x++)
                {
                    int i = y * w + x;
                    next[i] = 0.25f * (current[i - w] + current[i + w] + current[i - 1] + current[i + 1]);
                }
            }
            (current, next) = (next, current);
        }
        return current;
    }
}
