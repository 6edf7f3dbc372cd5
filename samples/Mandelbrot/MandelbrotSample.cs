using ByteChip.Runtime;
using ByteChip.Samples.Common;

namespace ByteChip.Samples.Mandelbrot;

/// <summary>Escape-time Mandelbrot image, one thread per pixel in a 2-D grid: a divergent loop.</summary>
public sealed class MandelbrotSample : Sample
{
    public const int Width = 128, Height = 96, MaxIter = 128;
    public const float X0 = -2.0f, Y0 = -1.125f, Dx = 3.0f / Width, Dy = 2.25f / Height;

    /// <summary>Pixels allowed to differ from the reference: 1% (see <see cref="Run"/>).</summary>
    public const double AllowedMismatchFraction = 0.01;

    public override string Name => "Mandelbrot";

    public override string Title => "Mandelbrot set (128 x 96, 128 iterations): 2-D grid, divergent loop";

    public override void Run(SampleContext ctx)
    {
        using var dit = ctx.Device.Allocate<int>(Width * Height);
        var stats = ctx.Launch("mandelbrot", new Dim3((Width + 15) / 16, (Height + 15) / 16), new Dim3(16, 16), 0, dit, Width, Height, X0, Y0, Dx, Dy, MaxIter);
        var iterations = dit.ToArray();

        // Reference: the same float32 recurrence in C#. Near the set's boundary the orbit is chaotic, so one
        // rounding difference (CUDA compilers contract x*x - y*y + cx into a fused multiply-add) can change
        // a pixel's count: up to 1% of the pixels may differ; every other pixel must match exactly.
        var expected = new int[Width * Height];
        for (int py = 0; py < Height; py++)
        {
            for (int px = 0; px < Width; px++)
            {
                float cx = X0 + px * Dx, cy = Y0 + py * Dy, x = 0, y = 0;
                int it = 0;
                while (x * x + y * y <= 4.0f && it < MaxIter)
                {
                    float xt = x * x - y * y + cx;
                    y = 2.0f * x * y + cy;
                    x = xt;
                    ++it;
                }
                expected[py * Width + px] = it;
            }
        }
        var check = Compare.Exact<int>("iterations", expected, iterations) with { AllowedMismatches = (int)(AllowedMismatchFraction * Width * Height) };
        ctx.Check(check with { Rule = "exact except <= 1% chaotic boundary pixels" });
        int inside = iterations.Count(i => i == MaxIter);
        ctx.Print($"  {inside} of {Width * Height} pixels inside the set; {stats.DivergentBranches:N0} divergent branches");
        PrintAscii(ctx, iterations);
    }

    private static void PrintAscii(SampleContext ctx, int[] iterations)
    {
        const string shades = " .:-=+*#%@";
        for (int py = 0; py < Height; py += 8)
        {
            var line = new char[Width / 2];
            for (int c = 0; c < line.Length; c++)
            {
                int it = iterations[py * Width + 2 * c];
                line[c] = it == MaxIter ? '@' : shades[Math.Min(shades.Length - 2, it * (shades.Length - 1) / 32)];
            }
            ctx.Print($"  |{new string(line)}|");
        }
    }
}
