using ByteChip.Samples.Common;
using ByteChip.Runtime;

namespace ByteChip.Samples.MatrixMul;

/// <summary>C = A*B with 16x16 shared-memory tiles; sizes that are not multiples of the tile.</summary>
public sealed class MatrixMulSample : Sample
{
    public const int M = 70, N = 90, K = 100, Tile = 16;

    public override string Name => "MatrixMul";

    public override string Title => "C = A*B (70x100 * 100x90) with 16x16 shared-memory tiles";

    public override void Run(SampleContext ctx)
    {
        var a = Inputs.Uniform(M * K, -1f, 1f, seed: 21);
        var b = Inputs.Uniform(K * N, -1f, 1f, seed: 22);

        using var da = ctx.Device.Upload<float>(a);
        using var db = ctx.Device.Upload<float>(b);
        using var dc = ctx.Device.Allocate<float>(M * N);
        ctx.Launch("matmul_tiled<16>", new Dim3((N + Tile - 1) / Tile, (M + Tile - 1) / Tile), new Dim3(Tile, Tile), 0, da, db, dc, M, N, K);
        var c = dc.ToArray();

        // Reference in double; a float32 dot product of K terms (fused or not) is within gamma_K * sum|a*b|.
        var expected = new double[M * N];
        var absSum = new double[M * N];
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double s = 0, abs = 0;
                for (int k = 0; k < K; k++)
                {
                    double p = (double)a[i * K + k] * b[k * N + j];
                    s += p;
                    abs += Math.Abs(p);
                }
                expected[i * N + j] = s;
                absSum[i * N + j] = abs;
            }
        }
        ctx.Check(Compare.Within("C", expected, c, i => ErrorBounds.Sum(K, absSum[i]), "float32 dot-product bound gamma_K*sum|a*b|"));
        ctx.Print($"  C[0,0] = {c[0]}, C[{M - 1},{N - 1}] = {c[M * N - 1]} (reference {expected[M * N - 1]:G9})");
    }
}
