namespace ByteChip.Golden.Tests;

internal static partial class ExecutionReferences
{
    private static void AllMore(ExecutionData d)
    {
        SpillPressure(d);
        StructLocalArray(d);
        AllConstructs(d);
    }

    // exec/struct_local_array.cu: per element, 8 (lo, hi) byte splits binned by (lo ^ hi) & 7, then folded base 3
    // starting at bin i & 7.
    private static void StructLocalArray(ExecutionData d)
    {
        var input = Ints(18, 700, 0, 100000);
        var output = new int[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            var hist = new int[8];
            for (int k = 0; k < 8; k++)
            {
                int w = input[i] + (k * 37);
                int lo = w & 0xff, hi = w >> 8;
                hist[(lo ^ hi) & 7] += lo;
            }
            int acc = 0;
            for (int k = 0; k < 8; k++)
            {
                acc = (acc * 3) + hist[(k + i) & 7];
            }
            output[i] = acc;
        }
        d.Input("struct_local_array", "in", input);
        d.Expected("struct_local_array", "out", output);
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
