using ByteChip.Samples.BlackScholes;
using ByteChip.Samples.Common;

namespace ByteChip.Golden.Tests;

/// <summary>
/// References of the sample goldens (tests/golden/samples: each case runs samples/NAME/kernel.cu itself). Inputs
/// come from the samples' own generators (<see cref="Inputs"/>, same seeds, smaller sizes), expected values from
/// the same host-side computations as the samples' checks, and float tolerances from the same error bounds
/// (<see cref="ErrorBounds"/>), written per element next to the expected values.
/// </summary>
internal static partial class ExecutionReferences
{
    private const string SampleData = "samples/data";
    private const double U = ErrorBounds.Float32UnitRoundoff;

    private static void AllSamples(ExecutionData d)
    {
        VectorAddSample(d);
        ReductionSample(d);
        MatrixMulSample(d);
        HistogramSample(d);
        ScanSample(d);
        TransposeSample(d);
        StencilSample(d);
        JacobiSample(d);
        SoftmaxSample(d);
        NBodySample(d);
        MandelbrotSample(d);
        SpMVSample(d);
        BlackScholesSampleData(d);
        BitonicSortSample(d);
    }

    // Both kernels write a + b (correctly rounded: exact), into c and c2; n = 1000 leaves the last block partial.
    private static void VectorAddSample(ExecutionData d)
    {
        var a = Inputs.Uniform(1000, -100f, 100f, seed: 1);
        var b = Inputs.Uniform(1000, -100f, 100f, seed: 2);
        var c = a.Zip(b, (x, y) => x + y).ToArray();
        d.Input("VectorAdd", "a", a, SampleData);
        d.Input("VectorAdd", "b", b, SampleData);
        d.Expected("VectorAdd", "c", c, SampleData);
        d.Expected("VectorAdd", "c2", c, SampleData);
    }

    // reduce_sum<256> over 4 blocks (each block covers 512-element spans every 2048), then one block over the partials.
    private static void ReductionSample(ExecutionData d)
    {
        const int n = 5000, blocks = 4, span = 512;
        var data = Inputs.Uniform(n, -1f, 1f, seed: 11);
        var partial = new double[blocks];
        var abs = new double[blocks];
        var count = new int[blocks];
        for (int i = 0; i < n; i++)
        {
            int block = i / span % blocks;
            partial[block] += data[i];
            abs[block] += Math.Abs(data[i]);
            count[block]++;
        }
        double absAll = data.Sum(x => Math.Abs((double)x));
        d.Input("Reduction", "in", data, SampleData);
        d.ExpectedWithin("Reduction", "partial", partial, b => ErrorBounds.Sum(count[b], abs[b]), SampleData);
        d.ExpectedWithin("Reduction", "result", [partial.Sum()], _ => ErrorBounds.Sum(n, absAll), SampleData);
    }

    // matmul_tiled<16>, 20x36 * 36x24: no side is a multiple of the tile.
    private static void MatrixMulSample(ExecutionData d)
    {
        const int m = 20, n = 24, k = 36;
        var a = Inputs.Uniform(m * k, -1f, 1f, seed: 21);
        var b = Inputs.Uniform(k * n, -1f, 1f, seed: 22);
        var c = new double[m * n];
        var abs = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int t = 0; t < k; t++)
                {
                    double p = (double)a[(i * k) + t] * b[(t * n) + j];
                    c[(i * n) + j] += p;
                    abs[(i * n) + j] += Math.Abs(p);
                }
            }
        }
        d.Input("MatrixMul", "a", a, SampleData);
        d.Input("MatrixMul", "b", b, SampleData);
        d.ExpectedWithin("MatrixMul", "c", c, i => ErrorBounds.Sum(k, abs[i]), SampleData);
    }

    // histogram256 of skewed bytes (sum of two uniform bytes, halved), as the sample draws them.
    private static void HistogramSample(ExecutionData d)
    {
        const int n = 5000;
        var rng = new Random(31);
        var data = new byte[n];
        for (int i = 0; i < n; i++)
        {
            data[i] = (byte)((rng.Next(256) + rng.Next(256)) / 2);
        }
        var bins = new uint[256];
        foreach (var v in data)
        {
            bins[v]++;
        }
        d.Input("Histogram", "data", data, SampleData);
        d.Expected("Histogram", "bins", bins, SampleData);
    }

    // The three passes of the exclusive scan over 3 chunks of 512 (the second with block_sums = nullptr, as in the
    // sample), and the per-block inclusive shuffle scan.
    private static void ScanSample(ExecutionData d)
    {
        const int n = 1500, chunk = 512, block = 256, chunks = (n + chunk - 1) / chunk;
        var data = Inputs.Integers<int>(n, -1000, 1000, seed: 41);
        var exclusive = new int[n];
        for (int i = 1; i < n; i++)
        {
            exclusive[i] = exclusive[i - 1] + data[i - 1];
        }
        var sums = Enumerable.Range(0, chunks).Select(c => data.Skip(c * chunk).Take(chunk).Sum()).ToArray();
        var offsets = new int[chunks];
        for (int c = 1; c < chunks; c++)
        {
            offsets[c] = offsets[c - 1] + sums[c - 1];
        }
        var inclusive = new int[n];
        for (int i = 0; i < n; i++)
        {
            inclusive[i] = (i % block == 0 ? 0 : inclusive[i - 1]) + data[i];
        }
        d.Input("Scan", "in", data, SampleData);
        d.Expected("Scan", "out", exclusive, SampleData);
        d.Expected("Scan", "sums", sums, SampleData);
        d.Expected("Scan", "offsets", offsets, SampleData);
        d.Expected("Scan", "inclusive", inclusive, SampleData);
    }

    // 72 x 40, both kernels; every value distinct and non-zero, so a misplaced or missing element shows.
    private static void TransposeSample(ExecutionData d)
    {
        const int width = 72, height = 40;
        var input = Enumerable.Range(1, width * height).Select(i => (float)i).ToArray();
        var expected = new float[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                expected[(x * height) + y] = input[(y * width) + x];
            }
        }
        d.Input("Transpose", "in", input, SampleData);
        d.Expected("Transpose", "naive", expected, SampleData);
        d.Expected("Transpose", "tiled", expected, SampleData);
    }

    // stencil_1d over 1000 elements (last block partial) with the sample's binomial weights in __constant__ memory.
    private static void StencilSample(ExecutionData d)
    {
        const int n = 1000, radius = 4;
        var input = Inputs.Uniform(n, -1f, 1f, seed: 51);
        float[] weights = [1 / 256f, 8 / 256f, 28 / 256f, 56 / 256f, 70 / 256f, 56 / 256f, 28 / 256f, 8 / 256f, 1 / 256f];
        var expected = new double[n];
        var abs = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int k = -radius; k <= radius; k++)
            {
                if (i + k is >= 0 and < n)
                {
                    double p = (double)weights[k + radius] * input[i + k];
                    expected[i] += p;
                    abs[i] += Math.Abs(p);
                }
            }
        }
        d.Input("Stencil", "in", input, SampleData);
        d.Input("Stencil", "weights", weights, SampleData);
        d.ExpectedWithin("Stencil", "out", expected, i => ErrorBounds.Sum((2 * radius) + 1, abs[i]), SampleData);
    }

    // jacobi_2d (samples/Stencil) on a 40 x 20 grid (3x2 tiles of 16, partial on both axes), two sweeps a -> b -> a:
    // the sample's grid and its float reference (same operation order): exact.
    private static void JacobiSample(ExecutionData d)
    {
        var grid = Samples.Stencil.StencilSample.JacobiGrid(40, 20, seed: 53);
        d.Input("Jacobi", "grid", grid, SampleData);
        d.Expected("Jacobi", "a", Samples.Stencil.StencilSample.JacobiReference(grid, 40, 20, 2), SampleData);
    }

    // softmax_rows<128>, 8 rows of 200; rows 0 and 4 shifted by +100 (exp alone would overflow). The sample's bound.
    private static void SoftmaxSample(ExecutionData d)
    {
        const int rows = 8, cols = 200;
        var x = Inputs.Uniform(rows * cols, -8f, 8f, seed: 61);
        for (int r = 0; r < rows; r += 4)
        {
            for (int c = 0; c < cols; c++)
            {
                x[(r * cols) + c] += 100f;
            }
        }
        var expected = new double[rows * cols];
        var bound = new double[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * cols, cols).ToArray();
            double max = row.Max(v => (double)v);
            double sum = row.Sum(v => Math.Exp(v - max));
            double widest = row.Max(v => max - v);
            for (int c = 0; c < cols; c++)
            {
                double e = Math.Exp(row[c] - max) / sum;
                expected[(r * cols) + c] = e;
                bound[(r * cols) + c] = e * ((U * (max - row[c] + widest + 16)) + ErrorBounds.Sum(cols, 1));
            }
        }
        d.Input("Softmax", "in", x, SampleData);
        d.ExpectedWithin("Softmax", "out", expected, i => bound[i], SampleData);
    }

    // nbody_accelerations<64> for 100 float4 bodies (the last tile partial), then one integrate step from them.
    // Velocities and positions are expected from the exact accelerations, so their bounds carry dt times the
    // acceleration bound on top of the sample's 2u rule.
    private static void NBodySample(ExecutionData d)
    {
        const int n = 100;
        const float softening2 = 0.01f, dt = 0.01f;
        var p = Inputs.Uniform(4 * n, -1f, 1f, seed: 71);
        var v = Inputs.Uniform(4 * n, -0.1f, 0.1f, seed: 72);
        for (int i = 0; i < n; i++)
        {
            p[(4 * i) + 3] = 1f + (p[(4 * i) + 3] * 0.5f);
            v[(4 * i) + 3] = 0f;
        }
        var acc = new double[4 * n];
        var accBound = new double[4 * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double rx = (double)p[4 * j] - p[4 * i], ry = (double)p[(4 * j) + 1] - p[(4 * i) + 1], rz = (double)p[(4 * j) + 2] - p[(4 * i) + 2];
                double d2 = (rx * rx) + (ry * ry) + (rz * rz) + softening2;
                double s = p[(4 * j) + 3] / (d2 * Math.Sqrt(d2));
                acc[4 * i] += rx * s;
                acc[(4 * i) + 1] += ry * s;
                acc[(4 * i) + 2] += rz * s;
                accBound[4 * i] += Math.Abs(rx * s);
                accBound[(4 * i) + 1] += Math.Abs(ry * s);
                accBound[(4 * i) + 2] += Math.Abs(rz * s);
            }
        }
        for (int k = 0; k < 4 * n; k++)
        {
            accBound[k] = ErrorBounds.Sum(n + 32, accBound[k]);
        }
        var vel = new double[4 * n];
        var pos = new double[4 * n];
        var velBound = new double[4 * n];
        var posBound = new double[4 * n];
        for (int k = 0; k < 4 * n; k++)
        {
            bool mass = k % 4 == 3;
            double dv = mass ? 0 : acc[k] * dt;
            vel[k] = v[k] + dv;
            velBound[k] = mass ? 0 : (2 * U * (Math.Abs(v[k]) + Math.Abs(dv) + (dt * accBound[k]))) + (dt * accBound[k]);
            double dx = mass ? 0 : vel[k] * dt;
            pos[k] = p[k] + dx;
            posBound[k] = mass ? 0 : (2 * U * (Math.Abs(p[k]) + Math.Abs(dx) + (dt * velBound[k]))) + (dt * velBound[k]);
        }
        d.Input("NBody", "pos", p, SampleData);
        d.Input("NBody", "vel", v, SampleData);
        d.ExpectedWithin("NBody", "acc", acc, k => accBound[k], SampleData);
        d.ExpectedWithin("NBody", "vel", vel, k => velBound[k], SampleData);
        d.ExpectedWithin("NBody", "pos", pos, k => posBound[k], SampleData);
    }

    // The Mandelbrot image of the golden case (kernel arguments in samples/Mandelbrot.launch.json).
    private const int MandelbrotWidth = 64, MandelbrotHeight = 48, MandelbrotMaxIter = 64;

    // The sample allows 1% of the pixels to differ (chaotic orbits near the boundary, where a fused multiply-add
    // changes the count). Here the check is exact: the generator evaluates every way a compiler may contract the
    // recurrence into fmas and insists that all of them give the same counts on this image.
    private static void MandelbrotSample(ExecutionData d)
    {
        const float x0 = -2.0f, y0 = -1.125f, dx = 3.0f / MandelbrotWidth, dy = 2.25f / MandelbrotHeight;
        var expected = new int[MandelbrotWidth * MandelbrotHeight];
        for (int py = 0; py < MandelbrotHeight; py++)
        {
            for (int px = 0; px < MandelbrotWidth; px++)
            {
                var counts = Enumerable.Range(0, 32).Select(variant => MandelbrotCount(px, py, x0, y0, dx, dy, variant)).Distinct().ToList();
                if (counts.Count != 1)
                {
                    throw new InvalidOperationException($"Mandelbrot pixel ({px}, {py}) depends on fma contraction ({string.Join(", ", counts)}); pick another image");
                }
                expected[(py * MandelbrotWidth) + px] = counts[0];
            }
        }
        d.Expected("Mandelbrot", "iterations", expected, SampleData);
    }

    // Variant bits: 1 fuses cx = x0 + px*dx (and cy), 2 fuses the escape test, 4 fuses x*x - y*y as fma(x, x, -(y*y)),
    // 8 as fma(-y, y, x*x), 16 fuses y = 2xy + cy. Variant 0 is the plain float recurrence.
    private static int MandelbrotCount(int px, int py, float x0, float y0, float dx, float dy, int variant)
    {
        bool Has(int bit) => (variant & bit) != 0;
        float cx = Has(1) ? MathF.FusedMultiplyAdd(px, dx, x0) : x0 + (px * dx);
        float cy = Has(1) ? MathF.FusedMultiplyAdd(py, dy, y0) : y0 + (py * dy);
        float x = 0, y = 0;
        int it = 0;
        while ((Has(2) ? MathF.FusedMultiplyAdd(x, x, y * y) : (x * x) + (y * y)) <= 4.0f && it < MandelbrotMaxIter)
        {
            float diff = Has(4) ? MathF.FusedMultiplyAdd(x, x, -(y * y)) : Has(8) ? MathF.FusedMultiplyAdd(-y, y, x * x) : (x * x) - (y * y);
            float xt = diff + cx;
            y = Has(16) ? MathF.FusedMultiplyAdd(2.0f * x, y, cy) : (2.0f * x * y) + cy;
            x = xt;
            ++it;
        }
        return it;
    }

    // Both CSR kernels on a random 100 x 80 matrix with 0..64 nonzeros per row (some empty, some longer than a warp).
    private static void SpMVSample(ExecutionData d)
    {
        const int rows = 100, columns = 80, maxRowLength = 64;
        var rng = new Random(91);
        var rowPtr = new int[rows + 1];
        var cols = new List<int>();
        var vals = new List<float>();
        for (int r = 0; r < rows; r++)
        {
            int length = rng.Next(maxRowLength + 1);
            foreach (var c in Enumerable.Range(0, columns).OrderBy(_ => rng.Next()).Take(length).Order())
            {
                cols.Add(c);
                vals.Add((float)((rng.NextDouble() * 2) - 1));
            }
            rowPtr[r + 1] = cols.Count;
        }
        var x = Inputs.Uniform(columns, -1f, 1f, seed: 92);
        var y = new double[rows];
        var abs = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++)
            {
                double p = (double)vals[j] * x[cols[j]];
                y[r] += p;
                abs[r] += Math.Abs(p);
            }
        }
        d.Input("SpMV", "row_ptr", rowPtr, SampleData);
        d.Input("SpMV", "cols", cols.ToArray(), SampleData);
        d.Input("SpMV", "vals", vals.ToArray(), SampleData);
        d.Input("SpMV", "x", x, SampleData);
        d.ExpectedWithin("SpMV", "y_scalar", y, r => ErrorBounds.Sum(rowPtr[r + 1] - rowPtr[r], abs[r]), SampleData);
        d.ExpectedWithin("SpMV", "y_vector", y, r => ErrorBounds.Sum(rowPtr[r + 1] - rowPtr[r], abs[r]), SampleData);
    }

    // 500 options over 2 blocks of 128 (the grid-stride loop runs twice); the sample's double reference and rule.
    private static void BlackScholesSampleData(ExecutionData d)
    {
        const int n = 500;
        var s = Inputs.Uniform(n, 5f, 30f, seed: 101);
        var x = Inputs.Uniform(n, 1f, 100f, seed: 102);
        var t = Inputs.Uniform(n, 0.25f, 10f, seed: 103);
        var call = new double[n];
        var put = new double[n];
        for (int i = 0; i < n; i++)
        {
            (call[i], put[i]) = BlackScholesSample.Reference(s[i], x[i], t[i], BlackScholesSample.RiskFree, BlackScholesSample.Volatility);
        }
        double Bound(int i) => (1e-6 * (s[i] + x[i])) + 1e-6;
        d.Input("BlackScholes", "price", s, SampleData);
        d.Input("BlackScholes", "strike", x, SampleData);
        d.Input("BlackScholes", "years", t, SampleData);
        d.ExpectedWithin("BlackScholes", "call", call, Bound, SampleData);
        d.ExpectedWithin("BlackScholes", "put", put, Bound, SampleData);
    }

    // 2048 keys with duplicates: 'tiles' after bitonic_sort_shared<1024> alone (tiles sorted in alternating
    // directions), 'keys' after the whole network (3 launches).
    private static void BitonicSortSample(ExecutionData d)
    {
        const int n = 2048, tile = 1024;
        var keys = Inputs.Integers<uint>(n, 0, n / 4, seed: 23);
        var tiles = new uint[n];
        for (int b = 0; b < n / tile; b++)
        {
            var part = keys.AsSpan(b * tile, tile).ToArray();
            Array.Sort(part);
            if (b % 2 == 1)
            {
                Array.Reverse(part);
            }
            part.CopyTo(tiles, b * tile);
        }
        var sorted = (uint[])keys.Clone();
        Array.Sort(sorted);
        d.Input("BitonicSort", "keys", keys, SampleData);
        d.Expected("BitonicSort", "tiles", tiles, SampleData);
        d.Expected("BitonicSort", "keys", sorted, SampleData);
    }
}
