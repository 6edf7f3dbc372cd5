namespace ByteChip.Tests.Shared;

/// <summary>
/// C# references of the kernels that both execution test projects run (the clang-IR path in
/// ByteChip.Backend.Tests and the bytechipcc path in ByteChip.EndToEnd.Tests), written once.
/// </summary>
internal static class KernelReferences
{
    /// <summary>Collatz steps (capped after 500) and the largest value reached, per input.</summary>
    public static (int Steps, long Peak) Collatz(long x)
    {
        long top = x;
        int s = 0;
        while (x != 1)
        {
            if (x % 2 == 0)
            {
                x /= 2;
            }
            else
            {
                x = 3 * x + 1;
                top = Math.Max(top, x);
            }
            if (++s > 500)
            {
                break;
            }
        }
        return (s, top);
    }

    public static uint[] Histogram(uint[] data, int bins)
    {
        var expected = new uint[bins];
        foreach (var v in data)
        {
            expected[v % (uint)bins]++;
        }
        return expected;
    }

    /// <summary>The sum of each warp's 32 elements.</summary>
    public static int[] WarpSums(int[] data) => Enumerable.Range(0, data.Length / 32).Select(w => data.Skip(w * 32).Take(32).Sum()).ToArray();

    /// <summary>The test polynomial 0.125x³ + 2x² − 1.25x + 0.5 in Horner form, each step one fused multiply-add (CUDA contracts).</summary>
    public static float Polynomial(float x) => MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(0.125f, x, 2.0f), x, -1.25f), x, 0.5f);
}
