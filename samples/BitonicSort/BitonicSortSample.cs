using ByteChip.Samples.Common;

namespace ByteChip.Samples.BitonicSort;

/// <summary>Sorts 2^13 unsigned keys with a bitonic network: shared-memory tiles, then global and shared merge steps.</summary>
public sealed class BitonicSortSample : Sample
{
    public const int N = 8192;
    public const int Tile = 1024;
    public const int Threads = Tile / 2;
    public const int MergeThreads = 256;

    public override string Name => "BitonicSort";

    public override string Title => "bitonic sort of 8192 keys: shared-memory tiles, global + shared merge steps";

    public override void Run(SampleContext ctx)
    {
        // Keys with many duplicates (values below N / 4), so equal keys meet in the comparators.
        var keys = Inputs.Integers<uint>(N, 0, N / 4, seed: 23);

        using var dkeys = ctx.Device.Upload<uint>(keys);
        var stats = ctx.Launch("bitonic_sort_shared<1024>", N / Tile, Threads, 0, dkeys);
        long instructions = stats.ThreadInstructions;

        // After the first launch every tile is sorted, ascending in even tiles and descending in odd ones.
        var tiles = dkeys.ToArray();
        var expectedTiles = new uint[N];
        for (int b = 0; b < N / Tile; b++)
        {
            var tile = keys.AsSpan(b * Tile, Tile).ToArray();
            Array.Sort(tile);
            if (b % 2 == 1)
            {
                Array.Reverse(tile);
            }
            tile.CopyTo(expectedTiles, b * Tile);
        }
        ctx.Check(Compare.Exact<uint>("tiles of 1024 (launch 1, alternating directions)", expectedTiles, tiles));

        // Merge rounds for runs of 2048 .. N: strides >= Tile in global memory, the rest in shared memory.
        int launches = 1;
        for (uint size = 2 * Tile; size <= N; size <<= 1)
        {
            for (uint stride = size / 2; stride >= Tile; stride >>= 1)
            {
                instructions += ctx.Launch("bitonic_merge_global", N / 2 / MergeThreads, MergeThreads, 0, dkeys, size, stride).ThreadInstructions;
                launches++;
            }
            instructions += ctx.Launch("bitonic_merge_shared<1024>", N / Tile, Threads, 0, dkeys, size).ThreadInstructions;
            launches++;
        }

        var expected = (uint[])keys.Clone();
        Array.Sort(expected);
        ctx.Check(Compare.Exact<uint>($"sorted keys ({launches} launches)", expected, dkeys.ToArray()));
        ctx.Print($"  {N} keys sorted in {launches} launches, {instructions:N0} thread instructions");
    }
}
