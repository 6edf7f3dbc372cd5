using ByteChip.Samples.Common;

namespace ByteChip.Samples.Reduction;

/// <summary>Sum of n floats: per-block partial sums (shared memory + warp shuffles), then one block over the partials.</summary>
public sealed class ReductionSample : Sample
{
    public const int N = 60_000;
    public const int Blocks = 24;
    public const int Threads = 256;

    public override string Name => "Reduction";

    public override string Title => "sum of n floats: shared-memory tree + warp shuffles, two launches";

    public override void Run(SampleContext ctx)
    {
        var data = Inputs.Uniform(N, -1f, 1f, seed: 11);

        using var din = ctx.Device.Upload<float>(data);
        using var dpartial = ctx.Device.Allocate<float>(Blocks);
        using var dresult = ctx.Device.Allocate<float>(1);
        ctx.Launch("reduce_sum<256>", Blocks, Threads, 0, din, dpartial, (uint)N);
        var partial = dpartial.ToArray();
        ctx.Launch("reduce_sum<256>", 1, Threads, 0, dpartial, dresult, (uint)Blocks);
        float sum = dresult.ToArray()[0];

        // Reference in double. Block b covers the elements b*512 + k*(Blocks*512) + [0, 512): the float sum of
        // any order of m terms is within gamma_m * sum|x| of the exact sum.
        const int span = 2 * Threads;
        var expectedPartial = new double[Blocks];
        var absPartial = new double[Blocks];
        var count = new int[Blocks];
        for (int i = 0; i < N; i++)
        {
            int block = i / span % Blocks;
            expectedPartial[block] += data[i];
            absPartial[block] += Math.Abs(data[i]);
            count[block]++;
        }
        ctx.Check(Compare.Within("partial sums (launch 1)", expectedPartial, partial,
            b => ErrorBounds.Sum(count[b], absPartial[b]), "float32 summation bound gamma_m*sum|x|"));
        double expected = expectedPartial.Sum();
        double absSum = data.Sum(x => Math.Abs((double)x));
        ctx.Check(Compare.Within("total (launch 2)", expected, sum, ErrorBounds.Sum(N, absSum), "float32 summation bound gamma_n*sum|x|"));
        ctx.Print($"  sum of {N} values = {sum} (double reference {expected:G9})");
    }
}
