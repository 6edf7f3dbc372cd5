namespace ByteChip.Golden.Tests;

internal static partial class ExecutionReferences
{
    private static void AllConstructs(ExecutionData d)
    {
        TemplateReduce(d);
        DynamicShared(d);
        ConstantData(d);
        SwitchGoto(d);
        NoinlineDivergent(d);
        Int64Arith(d);
        DoubleArith(d);
        Dp4a(d);
    }

    private static int[] BlockSums(int[] input, int block, int blocks) =>
        [.. Enumerable.Range(0, blocks).Select(b => input.Skip(b * block).Take(block).Sum())];

    // exec/template_reduce.cu: reduce<128> over 8 blocks and reduce<32> over 32 blocks of the same input.
    private static void TemplateReduce(ExecutionData d)
    {
        var input = Ints(10, 1024, -1000, 1000);
        d.Input("template_reduce", "in", input);
        d.Expected("template_reduce", "sums128", BlockSums(input, 128, 8));
        d.Expected("template_reduce", "sums32", BlockSums(input, 32, 32));
    }

    // exec/dynamic_shared.cu: blocks of 64; thread t reads its mirror m = 63 - t.
    private static void DynamicShared(ExecutionData d)
    {
        var input = Ints(11, 512, -1000, 1000);
        var output = new int[512];
        for (int b = 0; b < 8; b++)
        {
            for (int t = 0; t < 64; t++)
            {
                int v = input[(b * 64) + 63 - t];
                output[(b * 64) + t] = (v * 3) - (v * v) + t;
            }
        }
        d.Input("dynamic_shared", "in", input);
        d.Expected("dynamic_shared", "out", output);
    }

    // exec/constant_data.cu: a 5-tap filter with wrap-around plus a bias, times a table entry picked by the input.
    private static void ConstantData(ExecutionData d)
    {
        int[] taps = [3, -1, 4, 1, -5];
        int[] table = [9, 2, -6, 5, 3, 5, -8, 7];
        const int n = 600;
        var input = Ints(12, n, 0, 1000);
        var output = new int[n];
        for (int i = 0; i < n; i++)
        {
            int acc = 17;
            for (int k = 0; k < 5; k++)
            {
                acc += taps[k] * input[(i + k) % n];
            }
            output[i] = acc * table[input[i] & 7];
        }
        d.Input("constant_data", "in", input);
        d.Expected("constant_data", "out", output);
    }

    // exec/switch_goto.cu, written as a loop: case 0 falls into 1, 2 into 3 into 4, 5 retries with the next field
    // (at most 4), default skips the doubling.
    private static void SwitchGoto(ExecutionData d)
    {
        var input = Ints(13, 1000, 0, 4096);
        var output = new int[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            int v = input[i], r = 0, k = 0;
            bool skipDoubling = false;
            while (true)
            {
                int field = (v >> (3 * k)) & 7;
                if (field == 0)
                {
                    r += 1 + 10;
                }
                else if (field == 1)
                {
                    r += 10;
                }
                else if (field is 2 or 3)
                {
                    r += 100 + 1000;
                }
                else if (field == 4)
                {
                    r += 1000;
                }
                else if (field == 5)
                {
                    if (++k < 4)
                    {
                        continue;
                    }
                    r += 7;
                }
                else
                {
                    r -= 3;
                    skipDoubling = true;
                }
                break;
            }
            if (!skipDoubling)
            {
                r *= 2;
            }
            output[i] = r + (k * 100000);
        }
        d.Input("switch_goto", "in", input);
        d.Expected("switch_goto", "out", output);
    }

    // exec/noinline_divergent.cu.
    private static void NoinlineDivergent(ExecutionData d)
    {
        static int Mix(int a, int b)
        {
            int r = a;
            for (int j = 0; j < (b & 3) + 1; j++)
            {
                r = (r * 3) + b;
            }
            return r ^ (a >> 2);
        }
        var input = Ints(14, 700, 0, 1000);
        var output = new int[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            int v = input[i];
            int r = (v & 1) != 0 ? Mix(v, i) : (v & 6) == 2 ? Mix(i, v) + 1 : v;
            if (i % 128 % 3 == 0)
            {
                r += Mix(r & 1023, 5);
            }
            output[i] = r;
        }
        d.Input("noinline_divergent", "in", input);
        d.Expected("noinline_divergent", "out", output);
    }

    // exec/int64_arith.cu: |a| < 2^40, 0 < |b| < 2^20, so the signed product does not overflow.
    private static void Int64Arith(ExecutionData d)
    {
        const int n = 512;
        var r = new Random(15);
        var a = Enumerable.Range(0, n).Select(_ => r.NextInt64(-(1L << 40), 1L << 40)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => r.NextInt64(1, 1L << 20) * (r.Next(2) == 0 ? -1 : 1)).ToArray();
        var s = new long[4 * n];
        var u = new ulong[2 * n];
        for (int i = 0; i < n; i++)
        {
            long x = a[i], y = b[i];
            s[4 * i] = x * y;
            s[(4 * i) + 1] = x / y;
            s[(4 * i) + 2] = x % y;
            s[(4 * i) + 3] = (x >> 9) + (x < y ? y : x);
            ulong ux = unchecked((ulong)x);
            u[2 * i] = unchecked((ux * 0x9E3779B97F4A7C15UL) + (ux >> 17));
            u[(2 * i) + 1] = ux / ((ulong)(y & 0xffff) + 1);
        }
        d.Input("int64_arith", "a", a);
        d.Input("int64_arith", "b", b);
        d.Expected("int64_arith", "s", s);
        d.Expected("int64_arith", "u", u);
    }

    // exec/double_arith.cu: correctly rounded IEEE double operations.
    private static void DoubleArith(ExecutionData d)
    {
        const int n = 300;
        var r = new Random(16);
        var a = Enumerable.Range(0, n).Select(_ => (r.NextDouble() * 2000) - 1000).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => 0.5 + (r.NextDouble() * 999.5)).ToArray();
        var output = new double[5 * n];
        for (int i = 0; i < n; i++)
        {
            double x = a[i], y = b[i];
            output[5 * i] = x + y;
            output[(5 * i) + 1] = x - y;
            output[(5 * i) + 2] = x * y;
            output[(5 * i) + 3] = x / y;
            output[(5 * i) + 4] = Math.Sqrt(y);
        }
        d.Input("double_arith", "a", a);
        d.Input("double_arith", "b", b);
        d.Expected("double_arith", "out", output);
    }

    // exec/dp4a_n5.cu: byte-wise dot products, signed (sbyte) and unsigned (byte), plus the accumulator.
    private static void Dp4a(ExecutionData d)
    {
        const int n = 256;
        var r = new Random(17);
        var a = Enumerable.Range(0, n).Select(_ => r.Next(int.MinValue, int.MaxValue)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => r.Next(int.MinValue, int.MaxValue)).ToArray();
        var s = new int[n];
        var u = new uint[n];
        for (int i = 0; i < n; i++)
        {
            int sum = i - 100;
            uint usum = unchecked((uint)i * 7u);
            for (int byteIndex = 0; byteIndex < 4; byteIndex++)
            {
                int shift = 8 * byteIndex;
                sum += (sbyte)(a[i] >> shift) * (sbyte)(b[i] >> shift);
                usum = unchecked(usum + ((uint)(byte)(a[i] >> shift) * (byte)(b[i] >> shift)));
            }
            s[i] = sum;
            u[i] = usum;
        }
        d.Input("dp4a_n5", "a", a);
        d.Input("dp4a_n5", "b", b);
        d.Expected("dp4a_n5", "s", s);
        d.Expected("dp4a_n5", "u", u);
    }
}
