using ByteChip.Samples.Common;

namespace ByteChip.Samples.Softmax;

/// <summary>Row-wise softmax with max-subtraction, block reductions from warp butterflies and shared memory.</summary>
public sealed class SoftmaxSample : Sample
{
    public const int Rows = 48, Cols = 300, Block = 128;

    public override string Name => "Softmax";

    public override string Title => "row-wise softmax (48 x 300): max-subtraction, __shfl_xor_sync block reductions";

    public override void Run(SampleContext ctx)
    {
        // Values in [-8, 8]; every fourth row is shifted by +100, where exp(x) alone would overflow float32.
        var x = Inputs.Uniform(Rows * Cols, -8f, 8f, seed: 61);
        for (int r = 0; r < Rows; r += 4)
        {
            for (int c = 0; c < Cols; c++)
            {
                x[r * Cols + c] += 100f;
            }
        }

        using var din = ctx.Device.Upload<float>(x);
        using var dout = ctx.Device.Allocate<float>(Rows * Cols);
        ctx.Launch("softmax_rows<128>", Rows, Block, 0, din, dout, Cols);
        var y = dout.ToArray();

        // Reference in double. Tolerance, relative to the expected value: the float32 subtraction x - max rounds
        // by u*|x - max| (for this element and, through the sum, any other), expf and the final scaling add a few
        // ulp (16u is generous), and the sum of Cols positive terms adds gamma_Cols.
        const double u = ErrorBounds.Float32UnitRoundoff;
        var expected = new double[Rows * Cols];
        var tolerance = new double[Rows * Cols];
        for (int r = 0; r < Rows; r++)
        {
            var row = x.AsSpan(r * Cols, Cols);
            double max = double.NegativeInfinity;
            foreach (var v in row)
            {
                max = Math.Max(max, v);
            }
            double sum = 0, widest = 0;
            foreach (var v in row)
            {
                sum += Math.Exp(v - max);
                widest = Math.Max(widest, max - v);
            }
            for (int c = 0; c < Cols; c++)
            {
                double e = Math.Exp(row[c] - max) / sum;
                expected[r * Cols + c] = e;
                tolerance[r * Cols + c] = e * (u * (max - row[c] + widest + 16) + ErrorBounds.Sum(Cols, 1));
            }
        }
        ctx.Check(Compare.Within("y", expected, y, i => tolerance[i], "relative: u*(|x-max| + max|x-max| + 16) + gamma_cols"));
        double rowSum = y.AsSpan(0, Cols).ToArray().Sum(v => (double)v);
        ctx.Print($"  row 0 (shifted by +100) sums to {rowSum:G9}; y[0][0] = {y[0]} (reference {expected[0]:G9})");
    }
}
