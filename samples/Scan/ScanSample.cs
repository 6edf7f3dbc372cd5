using ByteChip.Runtime;
using ByteChip.Samples.Common;

namespace ByteChip.Samples.Scan;

/// <summary>Exclusive prefix sum of any length: Blelloch scan per block, scan of the block sums, add the offsets;
/// plus a Hillis-Steele inclusive scan per block with warp shuffles.</summary>
public sealed class ScanSample : Sample
{
    public const int N = 40_000;
    public const int Block = 256;
    public const int Chunk = 2 * Block; // elements per block of scan_blocks

    public override string Name => "Scan";

    public override string Title => "exclusive prefix sum: Blelloch per block + multi-block passes; shuffle scan";

    public override void Run(SampleContext ctx)
    {
        var data = Inputs.Integers<int>(N, -1000, 1000, seed: 41);
        int chunks = (N + Chunk - 1) / Chunk;

        using var din = ctx.Device.Upload<int>(data);
        using var dout = ctx.Device.Allocate<int>(N);
        using var dsums = ctx.Device.Allocate<int>(chunks);
        using var doffsets = ctx.Device.Allocate<int>(chunks);
        ctx.Launch("scan_blocks<256>", chunks, Block, 0, din, dout, dsums, N);
        ctx.Launch("scan_blocks<256>", 1, Block, 0, dsums, doffsets, DevicePointer.Null, chunks);
        ctx.Launch("add_block_offsets<256>", chunks, Block, 0, dout, doffsets, N);
        var scanned = dout.ToArray();

        var exclusive = new int[N];
        for (int i = 1; i < N; i++)
        {
            exclusive[i] = exclusive[i - 1] + data[i - 1];
        }
        ctx.Check(Compare.Exact<int>("exclusive scan (3 passes)", exclusive, scanned));

        // The inclusive scan restarts at every block of 256 elements.
        using var dinclusive = ctx.Device.Allocate<int>(N);
        ctx.Launch("warp_inclusive_scan<256>", (N + Block - 1) / Block, Block, 0, din, dinclusive, N);
        var inclusive = new int[N];
        for (int i = 0; i < N; i++)
        {
            inclusive[i] = (i % Block == 0 ? 0 : inclusive[i - 1]) + data[i];
        }
        ctx.Check(Compare.Exact<int>("per-block inclusive scan (shuffles)", inclusive, dinclusive.ToArray()));
        ctx.Print($"  {N} ints in {chunks} chunks of {Chunk}; sum of all but the last = {scanned[N - 1]}");
    }
}
