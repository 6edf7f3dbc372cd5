using ByteChip.Samples.Common;

namespace ByteChip.Samples.SpMV;

/// <summary>y = A*x for a random CSR matrix, one thread per row and one warp per row.</summary>
public sealed class SpMVSample : Sample
{
    public const int Rows = 1500, Columns = 1200, MaxRowLength = 64, Threads = 128;

    public override string Name => "SpMV";

    public override string Title => "CSR sparse matrix-vector product: scalar (thread/row) and vector (warp/row)";

    public override void Run(SampleContext ctx)
    {
        // Random rows of 0..64 nonzeros (some empty, some longer than a warp) in random distinct columns.
        var rng = new Random(91);
        var rowPtr = new int[Rows + 1];
        var cols = new List<int>();
        var vals = new List<float>();
        for (int r = 0; r < Rows; r++)
        {
            int length = rng.Next(MaxRowLength + 1);
            foreach (var c in Enumerable.Range(0, Columns).OrderBy(_ => rng.Next()).Take(length).Order())
            {
                cols.Add(c);
                vals.Add((float)(rng.NextDouble() * 2 - 1));
            }
            rowPtr[r + 1] = cols.Count;
        }
        var x = Inputs.Uniform(Columns, -1f, 1f, seed: 92);

        // Reference in double; a float32 dot product of the row's m terms is within gamma_m * sum|a*x|.
        var expected = new double[Rows];
        var absSum = new double[Rows];
        for (int r = 0; r < Rows; r++)
        {
            for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++)
            {
                double p = (double)vals[j] * x[cols[j]];
                expected[r] += p;
                absSum[r] += Math.Abs(p);
            }
        }

        using var drow = ctx.Device.Upload<int>(rowPtr);
        using var dcol = ctx.Device.Upload<int>(cols.ToArray());
        using var dval = ctx.Device.Upload<float>(vals.ToArray());
        using var dx = ctx.Device.Upload<float>(x);
        using var dy = ctx.Device.Allocate<float>(Rows);
        var launches = new (string Kernel, int Blocks)[]
        {
            ("spmv_csr_scalar", (Rows + Threads - 1) / Threads),
            ("spmv_csr_vector", (Rows * 32 + Threads - 1) / Threads),
        };
        foreach (var (kernel, blocks) in launches)
        {
            dy.Fill(float.NaN);
            var stats = ctx.Launch(kernel, blocks, Threads, 0, Rows, drow, dcol, dval, dx, dy);
            ctx.Check(Compare.Within(kernel, expected, dy.ToArray(), r => ErrorBounds.Sum(rowPtr[r + 1] - rowPtr[r], absSum[r]), "gamma_m * sum|a*x| per row"));
            ctx.Print($"  {kernel}: {stats.WarpInstructions:N0} warp instructions, {stats.DivergentBranches:N0} divergent branches");
        }
        ctx.Print($"  {Rows} x {Columns} matrix with {cols.Count} nonzeros");
    }
}
