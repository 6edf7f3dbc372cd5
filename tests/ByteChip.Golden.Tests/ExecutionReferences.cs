namespace ByteChip.Golden.Tests;

/// <summary>
/// C# references of the execution goldens, one method per tests/golden/exec case: deterministic inputs and the
/// outputs the kernel must produce, computed the plain way on the host.
/// </summary>
internal static partial class ExecutionReferences
{
    public static void All(ExecutionData d)
    {
        VecAdd(d);
        Saxpy(d);
        BlockReduce(d);
        Histogram(d);
        WarpReduce(d);
        Collatz(d);
        AllMore(d);
        AllSamples(d);
        AllCoverage(d);
    }

    private static float[] Floats(int seed, int n, float min, float max)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => min + ((float)r.NextDouble() * (max - min)))];
    }

    private static int[] Ints(int seed, int n, int min, int max)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => r.Next(min, max))];
    }

    private static void VecAdd(ExecutionData d)
    {
        var a = Floats(1, 1000, -100, 100);
        var b = Floats(2, 1000, -100, 100);
        d.Input("vecadd", "a", a);
        d.Input("vecadd", "b", b);
        d.Expected("vecadd", "c", a.Zip(b, (x, y) => x + y).ToArray());
    }

    private static void Saxpy(ExecutionData d)
    {
        var x = Floats(3, 4096, 0, 10);
        var y = Floats(4, 4096, 0, 10);
        d.Input("saxpy", "x", x);
        d.Input("saxpy", "y", y);
        d.Expected("saxpy", "y", x.Zip(y, (xi, yi) => (2.5f * xi) + yi).ToArray());
    }

    private static void BlockReduce(ExecutionData d)
    {
        var input = Ints(5, 2048, -1000, 1000);
        d.Input("block_reduce", "in", input);
        d.Expected("block_reduce", "sums", Enumerable.Range(0, 8).Select(b => input.Skip(b * 256).Take(256).Sum()).ToArray());
    }

    private static void Histogram(ExecutionData d)
    {
        var data = Ints(6, 10000, 0, int.MaxValue).Select(v => (uint)v).ToArray();
        var bins = new uint[64];
        foreach (var v in data)
        {
            bins[v & 63]++;
        }
        d.Input("histogram", "data", data);
        d.Expected("histogram", "bins", bins);
    }

    private static void WarpReduce(ExecutionData d)
    {
        var input = Ints(7, 512, -50000, 50000);
        var sums = Enumerable.Range(0, 16).Select(w => input.Skip(w * 32).Take(32).Sum()).ToArray();
        d.Input("warp_reduce", "in", input);
        d.Expected("warp_reduce", "down", sums);
        d.Expected("warp_reduce", "bfly", sums);
    }

    private static void Collatz(ExecutionData d)
    {
        var input = Ints(8, 500, 1, 100000);
        var steps = new int[500];
        var peak = new long[500];
        for (int i = 0; i < input.Length; i++)
        {
            long x = input[i], top = x;
            int s = 0;
            while (x != 1)
            {
                if (x % 2 == 0)
                {
                    x /= 2;
                }
                else
                {
                    x = (3 * x) + 1;
                    top = Math.Max(top, x);
                }
                if (++s > 1000)
                {
                    break;
                }
            }
            steps[i] = s;
            peak[i] = top;
        }
        d.Input("collatz", "in", input);
        d.Expected("collatz", "steps", steps);
        d.Expected("collatz", "peak", peak);
    }
}
