namespace ByteChip.Runtime.Tests;

/// <summary>Independent C# references of the test kernels.</summary>
internal static class References
{
    public static float[] BlockSum(float[] input, int n, int blockSize, int blocks)
    {
        var result = new float[blocks];
        var tree = new float[blockSize];
        for (int b = 0; b < blocks; b++)
        {
            for (int t = 0; t < blockSize; t++)
            {
                int i = (b * blockSize) + t;
                tree[t] = i < n ? input[i] : 0f;
            }
            for (int s = blockSize / 2; s > 0; s /= 2)
            {
                for (int t = 0; t < s; t++)
                {
                    tree[t] += tree[t + s];
                }
            }
            result[b] = tree[0];
        }
        return result;
    }

    public static uint[] Histogram(uint[] data)
    {
        var bins = new uint[64];
        foreach (var v in data)
        {
            bins[v & 63]++;
        }
        return bins;
    }

    /// <summary>The divergent kernel; lanes that return early leave <paramref name="untouched"/>.</summary>
    public static uint Divergent(uint x, uint untouched)
    {
        if ((x & 128) != 0)
        {
            return untouched;
        }
        uint acc = 0;
        for (uint k = 0; k < (x & 31); k++)
        {
            if ((k & 1) != 0)
            {
                if (k % 3 == 0)
                {
                    acc += 2 * k;
                }
                else
                {
                    acc ^= k;
                }
            }
            else
            {
                acc += 1;
            }
            if (acc > 40)
            {
                break;
            }
        }
        return acc;
    }

    public static uint[] WarpSums(uint[] input)
    {
        var sums = new uint[input.Length / 32];
        for (int w = 0; w < sums.Length; w++)
        {
            uint s = 0;
            for (int l = 0; l < 32; l++)
            {
                s += input[(w * 32) + l];
            }
            sums[w] = s;
        }
        return sums;
    }

    public static uint[] ReverseBlocks(uint[] data, int blockSize)
    {
        var result = new uint[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            int b = i / blockSize, t = i % blockSize;
            result[i] = data[(b * blockSize) + (blockSize - 1 - t)];
        }
        return result;
    }

    public static readonly float[] Coefficients = [1.5f, -2f, 0.25f, 3f];
}
