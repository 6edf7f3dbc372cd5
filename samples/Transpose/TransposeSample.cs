using ByteChip.Runtime;
using ByteChip.Samples.Common;

namespace ByteChip.Samples.Transpose;

/// <summary>Transposes a matrix whose sides are not multiples of the tile, naively and through a padded shared tile.</summary>
public sealed class TransposeSample : Sample
{
    public const int Width = 200, Height = 136, TileDim = 32, BlockRows = 8;

    public override string Name => "Transpose";

    public override string Title => "200x136 matrix transpose: naive and 32x33 padded shared-memory tile";

    public override void Run(SampleContext ctx)
    {
        var input = new float[Width * Height];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = i; // every value distinct (and exact in float32), so any misplaced element shows
        }
        var expected = new float[Width * Height];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                expected[x * Height + y] = input[y * Width + x];
            }
        }

        using var din = ctx.Device.Upload<float>(input);
        using var dout = ctx.Device.Allocate<float>(Width * Height);
        var grid = new Dim3((Width + TileDim - 1) / TileDim, (Height + TileDim - 1) / TileDim);
        var block = new Dim3(TileDim, BlockRows);
        foreach (var kernel in new[] { "transpose_naive", "transpose_tiled" })
        {
            dout.Fill(-1f);
            var stats = ctx.Launch(kernel, grid, block, 0, dout, din, Width, Height);
            ctx.Check(Compare.Exact<float>(kernel, expected, dout.ToArray()));
            ctx.Print($"  {kernel}: {stats.ThreadInstructions:N0} thread instructions, {stats.SharedStoreBytes:N0} B through shared memory");
        }
    }
}
