namespace ByteChip.Differential.Tests.Generator;

/// <summary>SplitMix64: a small deterministic generator whose sequence never depends on the .NET version.</summary>
public sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextU64()
    {
        ulong z = _state += 0x9e3779b97f4a7c15UL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    public uint NextU32() => (uint)(NextU64() >> 32);

    /// <summary>A number in [0, n).</summary>
    public int Next(int n) => (int)(NextU64() % (ulong)n);

    /// <summary>A number in [lo, hi].</summary>
    public int Range(int lo, int hi) => lo + Next(hi - lo + 1);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks an index by weight.</summary>
    public int Weighted(params int[] weights)
    {
        int total = weights.Sum();
        int r = Next(total);
        for (int i = 0; i < weights.Length; i++)
        {
            if (r < weights[i])
            {
                return i;
            }
            r -= weights[i];
        }
        return weights.Length - 1;
    }
}
