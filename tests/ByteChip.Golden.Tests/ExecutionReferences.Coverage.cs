namespace ByteChip.Golden.Tests;

/// <summary>References of the execution cases that cover the remaining language constructs (atomics, warp votes and
/// block reductions, templates with functors, vector types, the math library).</summary>
internal static partial class ExecutionReferences
{
    private static void AllCoverage(ExecutionData d)
    {
        AtomicsAll(d);
        WarpVoteSync(d);
        TemplateFunctors(d);
        VectorTypes(d);
        MathUlp(d);
        MathAbs(d);
        Pairs64(d);
        PredicateAcrossCall(d);
    }

    // regalloc/pairs_64bit.cu: one warp; a[i + 32 k], b[i + 32 k] for k = 0..3.
    private static void Pairs64(ExecutionData d)
    {
        var r = new Random(41);
        var a = Enumerable.Range(0, 128).Select(_ => r.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        var b = Enumerable.Range(0, 128).Select(_ => (ulong)r.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        var output = new long[96];
        for (int i = 0; i < 32; i++)
        {
            long x0 = a[i], x1 = a[i + 32], x2 = a[i + 64], x3 = a[i + 96];
            ulong y0 = b[i], y1 = b[i + 32], y2 = b[i + 64], y3 = b[i + 96];
            long s = unchecked((x0 * (long)y1) + (x1 * (long)y2) + (x2 * (long)y3) + (x3 * (long)y0));
            output[3 * i] = unchecked(s + (x0 >> 7));
            output[(3 * i) + 1] = unchecked((long)((y0 ^ y3) / (ulong)(x1 | 1)));
            output[(3 * i) + 2] = unchecked(Math.Min(x2, (long)y2) - (x3 ^ x0) + (long)(y1 >> 3));
        }
        d.Input("pairs_64bit", "a", a);
        d.Input("pairs_64bit", "b", b);
        d.Expected("pairs_64bit", "out", output);
    }

    // regalloc/predicate_across_call.cu: step(x) = 3x + 1, n = 250.
    private static void PredicateAcrossCall(ExecutionData d)
    {
        var input = Ints(42, 640, -1000, 1000);
        static int Step(int x) => (x * 3) + 1;
        var output = input.Select(v =>
        {
            int r = Step(v);
            if (v > 250)
            {
                r += Step(r);
            }
            return (v & 1) != 0 && v <= 250 ? r ^ 0x55 : r;
        }).ToArray();
        d.Input("predicate_across_call", "in", input);
        d.Expected("predicate_across_call", "out", output);
    }

    private static double[] Doubles(int seed, int n, double min, double max)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => min + (r.NextDouble() * (max - min)))];
    }

    // exec/warp_vote_sync.cu: 8 blocks of 128 threads, 32 warps; CUDA's rules for lanes without a shuffle source.
    private static void WarpVoteSync(ExecutionData d)
    {
        const int n = 1024, warps = n / 32, block = 128;
        var input = Ints(31, n, -1000, 1001);
        var ballots = new uint[3 * warps];
        var flags = new int[2 * warps];
        var shuffled = new int[4 * n];
        var fshuf = new float[n];
        var dshuf = new double[n];
        var counts = new int[3 * (n / block)];
        for (int w = 0; w < warps; w++)
        {
            var v = input.AsSpan(w * 32, 32);
            uint odd = 0;
            for (int l = 0; l < 32; l++)
            {
                ballots[w] |= v[l] > 0 ? 1u << l : 0;
                odd |= (l & 1) == 1 && (v[l] & 4) != 0 ? 1u << l : 0;
            }
            ballots[warps + w] = odd;
            ballots[(2 * warps) + w] = 0xaaaaaaaau;
            flags[2 * w] = v.ToArray().Any(x => x > 900) ? 1 : 0;
            flags[(2 * w) + 1] = v.ToArray().All(x => x > -950) ? 1 : 0;
            for (int l = 0; l < 32; l++)
            {
                int i = (w * 32) + l;
                shuffled[4 * i] = v[((l * 7) + 3) & 31];
                shuffled[(4 * i) + 1] = l < 3 ? v[l] : v[l - 3];
                shuffled[(4 * i) + 2] = v[(l & ~7) + 2];
                shuffled[(4 * i) + 3] = (l & 15) + 5 >= 16 ? v[l] : v[l + 5];
                fshuf[i] = v[l ^ 5] * 0.25f;
                dshuf[i] = (l == 31 ? v[l] : v[l + 1]) * 1.5;
            }
        }
        for (int b = 0; b < n / block; b++)
        {
            var v = input.Skip(b * block).Take(block).ToArray();
            counts[3 * b] = v.Count(x => x > 0);
            counts[(3 * b) + 1] = v.All(x => x > -990) ? 1 : 0;
            counts[(3 * b) + 2] = v.Any(x => x > 985) ? 1 : 0;
        }
        d.Input("warp_vote_sync", "in", input);
        d.Expected("warp_vote_sync", "ballots", ballots);
        d.Expected("warp_vote_sync", "flags", flags);
        d.Expected("warp_vote_sync", "shuffled", shuffled);
        d.Expected("warp_vote_sync", "fshuf", fshuf);
        d.Expected("warp_vote_sync", "dshuf", dshuf);
        d.Expected("warp_vote_sync", "counts", counts);
    }

    // exec/template_functors.cu: 512 threads over 8 inputs each; scale<true, 3> and scale<false, 5> over the first 512.
    private static void TemplateFunctors(ExecutionData d)
    {
        const int n = 512;
        var input = Ints(32, 8 * n, -1000, 1001);
        var output = new int[4 * n];
        var fout = new float[n];
        for (int i = 0; i < n; i++)
        {
            var p = input.AsSpan(8 * i, 8).ToArray();
            output[4 * i] = p.Sum();
            output[(4 * i) + 1] = p.Max(x => x * x);
            output[(4 * i) + 2] = p.Select((x, k) => x - k).Max() + p.Take(4).Select((x, k) => x - k).Sum();
            output[(4 * i) + 3] = Math.Clamp(p[0], -100, 100);
            fout[i] = Math.Clamp(p[1] * 0.5f, -50f, 50f);
        }
        d.Input("template_functors", "in", input);
        d.Expected("template_functors", "out", output);
        d.Expected("template_functors", "fout", fout);
        d.Expected("template_functors", "negated", input.Take(n).Select(x => -(x * 3)).ToArray());
        d.Expected("template_functors", "scaled", input.Take(n).Select(x => x * 5).ToArray());
    }

    // exec/vector_types.cu: 600 float4 and int2 elements; inputs are multiples of 1/4 in (-64, 64).
    private static void VectorTypes(ExecutionData d)
    {
        const int n = 600;
        var input = Ints(33, 4 * n, -255, 256).Select(k => k * 0.25f).ToArray();
        var pairs = Ints(34, 2 * n, -100000, 100000);
        var output = new float[4 * n];
        var iout = new int[4 * n];
        var dots = new float[n];
        var dout = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            var a = input.AsSpan(4 * i, 4);
            var b = input.AsSpan(4 * ((i + 1) % n), 4);
            output[4 * i] = a[0] + b[3];
            output[(4 * i) + 1] = a[1] * 2;
            output[(4 * i) + 2] = a[2] - b[0];
            output[(4 * i) + 3] = a[3];
            int x = pairs[2 * i], y = pairs[(2 * i) + 1];
            iout[4 * i] = x + y;
            iout[(4 * i) + 1] = x - y;
            iout[(4 * i) + 2] = x * 3;
            iout[(4 * i) + 3] = y >> 1;
            dots[i] = (a[0] * a[0]) + (a[1] * a[1]) + (a[2] * a[2]);
            dout[2 * i] = (double)a[0] * b[1];
            dout[(2 * i) + 1] = x + (double)a[3];
        }
        d.Input("vector_types", "in", input);
        d.Input("vector_types", "pairs", pairs);
        d.Expected("vector_types", "out", output);
        d.Expected("vector_types", "iout", iout);
        d.Expected("vector_types", "dots", dots);
        d.Expected("vector_types", "dout", dout);
    }

    // exec/math_ulp.cu: exp arguments in [-20, 20], log/sqrt arguments in [4, 1000]; doubles: [-20, 20] and [0.01, 1000].
    private static void MathUlp(ExecutionData d)
    {
        const int n = 512;
        var x = Floats(35, n, -20, 20);
        var y = Floats(36, n, 4, 1000);
        var dx = Doubles(37, n, -20, 20);
        var dy = Doubles(38, n, 0.01, 1000);
        var fout = new float[6 * n];
        var dout = new double[5 * n];
        for (int i = 0; i < n; i++)
        {
            fout[6 * i] = (float)Math.Exp(x[i]);
            fout[(6 * i) + 1] = (float)Math.Pow(2, x[i]);
            fout[(6 * i) + 2] = (float)Math.Sqrt(y[i]);
            fout[(6 * i) + 3] = (float)(1 / Math.Sqrt(y[i]));
            fout[(6 * i) + 4] = (float)Math.Log(y[i]);
            fout[(6 * i) + 5] = (float)Math.Log2(y[i]);
            dout[5 * i] = Math.Exp(dx[i]);
            dout[(5 * i) + 1] = Math.Log(dy[i]);
            dout[(5 * i) + 2] = Math.Sin(dx[i]);
            dout[(5 * i) + 3] = Math.Cos(dx[i]);
            dout[(5 * i) + 4] = Math.Pow(dy[i], dx[i] / 8.0);
        }
        d.Input("math_ulp", "x", x);
        d.Input("math_ulp", "y", y);
        d.Input("math_ulp", "dx", dx);
        d.Input("math_ulp", "dy", dy);
        d.Expected("math_ulp", "fout", fout);
        d.Expected("math_ulp", "dout", dout);
    }

    // exec/math_abs.cu: sin/cos/tanh/erf arguments from [-10, 10], log arguments from [0.5, 2].
    private static void MathAbs(ExecutionData d)
    {
        const int n = 512;
        var x = Floats(39, n, -10, 10);
        var y = Floats(40, n, 0.5f, 2);
        var output = new float[5 * n];
        for (int i = 0; i < n; i++)
        {
            output[5 * i] = (float)Math.Sin(x[i]);
            output[(5 * i) + 1] = (float)Math.Cos(x[i]);
            output[(5 * i) + 2] = (float)Math.Log(y[i]);
            output[(5 * i) + 3] = (float)Math.Tanh(x[i] * 0.5f);
            output[(5 * i) + 4] = (float)Erf(x[i] * 0.3f);
        }
        d.Input("math_abs", "x", x);
        d.Input("math_abs", "y", y);
        d.Expected("math_abs", "out", output);
    }

    // erf by its Maclaurin series, 2/sqrt(pi) * sum (-1)^k x^(2k+1) / (k! (2k+1)), for |x| <= 3 (the terms peak near
    // 1e4, so the sum keeps about 12 digits: far more than a float bound needs).
    private static double Erf(double x)
    {
        double term = x, sum = x;
        for (int k = 1; Math.Abs(term) > 1e-17 * Math.Max(1, Math.Abs(sum)) || k < 5; k++)
        {
            term *= -x * x / k;
            sum += term / ((2 * k) + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    // exec/atomics_all.cu: 500 active threads of 4 blocks of 128; per block, the shared exchanges.
    private static void AtomicsAll(ExecutionData d)
    {
        const int n = 500, block = 128, blocks = 4;
        var input = Ints(30, n, -100000, 100000);
        int[] ints = [0, 0, int.MaxValue, int.MinValue, -1, 0, 0x5a5a, 100, 0, 0];
        uint[] uints = [0, 0, uint.MaxValue, 0, 0, 0, uint.MaxValue, 0, 0];
        ulong[] ulongs = [0, ulong.MaxValue, 0, ulong.MaxValue, 0, 0x123456789, 0];
        long[] longs = [long.MaxValue, long.MinValue];
        d.Input("atomics_all", "in", input);
        d.Input("atomics_all", "ints", ints);
        d.Input("atomics_all", "uints", uints);
        d.Input("atomics_all", "ulongs", ulongs);
        d.Input("atomics_all", "longs", longs);
        ints = [.. ints];
        uints = [.. uints];
        ulongs = [.. ulongs];
        longs = [.. longs];
        float fsum = 0;
        double dsum = 0;
        var tickets = new int[n];
        var perBlock = new int[blocks * 4];
        for (int b = 0; b < blocks; b++)
        {
            int exchReturned = -1;
            double fexchReturned = 0.5;
            ulong uexchReturned = 7;
            uint lanes = 0;
            for (int t = 0; t < block; t++)
            {
                int i = (b * block) + t;
                if (i >= n)
                {
                    continue;
                }
                int v = input[i];
                uint u = (uint)v;
                ulong w = ((ulong)u << 20) ^ (ulong)((uint)i * 2654435761u);
                ints[0] += v;
                ints[1] -= v;
                ints[2] = Math.Min(ints[2], v);
                ints[3] = Math.Max(ints[3], v);
                ints[4] &= v | 0x40000;
                ints[5] |= v & 0x7ffff;
                ints[6] ^= v;
                ints[7] += v & 1023;
                tickets[ints[8]++]++;
                uints[0] += u;
                uints[1] -= u;
                uints[2] = Math.Min(uints[2], u);
                uints[3] = Math.Max(uints[3], u);
                uints[4] = uints[4] >= 17u ? 0 : uints[4] + 1;
                uints[5] = uints[5] == 0 || uints[5] > 13u ? 13u : uints[5] - 1;
                uints[6] &= u | 0x80000000u;
                uints[7] |= u & 0xf0f0f0f0u;
                uints[8] ^= u * 3u;
                ulongs[0] += w;
                ulongs[1] = Math.Min(ulongs[1], w);
                ulongs[2] = Math.Max(ulongs[2], w);
                ulongs[3] &= w | 0xffff00000000UL;
                ulongs[4] |= w & 0xff00ff00ff00UL;
                ulongs[5] ^= w;
                ulongs[6] = Math.Max(ulongs[6], w);
                longs[0] = Math.Min(longs[0], v * 1000003L);
                longs[1] = Math.Max(longs[1], v * -999983L);
                fsum += v & 255;
                dsum += v * 0.5;
                exchReturned += v;
                fexchReturned += v & 127;
                uexchReturned += w;
                lanes |= 1u << (t & 31);
            }
            perBlock[(4 * b) + 0] = exchReturned;
            perBlock[(4 * b) + 1] = (int)(fexchReturned * 2);
            perBlock[(4 * b) + 2] = (int)(uexchReturned % 1000000007UL);
            perBlock[(4 * b) + 3] = (int)lanes;
        }
        d.Expected("atomics_all", "ints", ints);
        d.Expected("atomics_all", "uints", uints);
        d.Expected("atomics_all", "ulongs", ulongs);
        d.Expected("atomics_all", "longs", longs);
        d.Expected("atomics_all", "floats", new[] { fsum });
        d.Expected("atomics_all", "doubles", new[] { dsum });
        d.Expected("atomics_all", "tickets", tickets);
        d.Expected("atomics_all", "blocks", perBlock);
    }
}
