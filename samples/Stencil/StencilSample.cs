using ByteChip.Samples.Common;

namespace ByteChip.Samples.Stencil;

/// <summary>A 9-point 1-D stencil with a shared-memory halo and weights in constant memory.</summary>
public sealed class StencilSample : Sample
{
    public const int N = 30_000, Radius = 4, BlockSize = 256;

    public override string Name => "Stencil";

    public override string Title => "1-D 9-point stencil: shared-memory halo, __constant__ weights";

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
    }
}
