namespace ByteChip.Golden.Tests;

internal static partial class ExecutionReferences
{
    private static void AllMore(ExecutionData d)
    {
        SpillPressure(d);
        AllConstructs(d);
    }

    // regalloc/spill_exec.cu: 24 live values per thread, v_j = in[i + 32 j].
    private static void SpillPressure(ExecutionData d)
    {
        var input = Floats(9, 768, 0.5f, 1.5f);
        var output = new float[32];
        for (int i = 0; i < 32; i++)
        {
            var v = Enumerable.Range(0, 24).Select(j => (double)input[i + (32 * j)]).ToArray();
            double s = Enumerable.Range(0, 24).Sum(j => v[j] * v[((j * 7) + 3) % 24]);
            output[i] = (float)(s + (v[0] * v[3] * v[6] * v[9] * v[12] * v[15] * v[18] * v[21]));
        }
        d.Input("spill_exec", "in", input);
        d.Expected("spill_exec", "out", output);
    }
}
