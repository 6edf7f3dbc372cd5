using System.Reflection;
using ByteChip.Runtime;

namespace ByteChip.Samples.KernelProject;

/// <summary>
/// Runs the two kernels that ByteChip.Build compiled and embedded (resource names
/// <c>ByteChip.Samples.KernelProject.kernels.saxpy.bcbin</c> and <c>...block_sum.bcbin</c>) on the device model and
/// checks them against C# references. Exit code 0 when both match, 1 otherwise.
/// </summary>
public static class Program
{
    private const int BlockSize = 256; // BLOCK_SIZE in the project's ByteChipDefines
    private const string ResourcePrefix = "ByteChip.Samples.KernelProject.kernels.";

    public static int Main(string[] args)
    {
        string arch = args.Length > 0 ? args[0] : "n4";
        var assembly = typeof(Program).Assembly;
        Console.WriteLine($"embedded kernels: {string.Join(", ", assembly.GetManifestResourceNames().Where(n => n.EndsWith(".bcbin", StringComparison.Ordinal)).Order())}");
        using var device = Device.Create(arch);
        bool ok = Saxpy(device, assembly) & BlockSum(device, assembly);
        Console.WriteLine(ok ? "KernelProject: all results match" : "KernelProject: MISMATCH");
        return ok ? 0 : 1;
    }

    private static bool Saxpy(Device device, Assembly assembly)
    {
        const int n = 10_000;
        const float a = 2.5f;
        var x = new float[n];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i * 0.25f - 100f;
            y[i] = (i % 17) - 8f;
        }
        using var module = device.LoadModuleResource(assembly, ResourcePrefix + "saxpy.bcbin");
        using var dx = device.Upload<float>(x);
        using var dy = device.Upload<float>(y);
        var stats = module.GetKernel("saxpy").Launch((n + BlockSize - 1) / BlockSize, BlockSize, 0, a, dx, dy, n);
        var result = dy.ToArray();
        int mismatches = 0;
        for (int i = 0; i < n; i++)
        {
            // fma or mul+add: both are within an ulp or two of the reference.
            float expected = a * x[i] + y[i];
            if (MathF.Abs(result[i] - expected) > 1e-5f * MathF.Max(1f, MathF.Abs(expected)))
            {
                if (mismatches++ < 5)
                {
                    Console.WriteLine($"  saxpy[{i}] = {result[i]}, expected {expected}");
                }
            }
        }
        Console.WriteLine($"saxpy: {n} elements, {mismatches} mismatches, {stats.ThreadInstructions} thread instructions in {stats.Elapsed.TotalMilliseconds:F1} ms");
        return mismatches == 0;
    }

    private static bool BlockSum(Device device, Assembly assembly)
    {
        const int n = 5_000;
        int blocks = (n + BlockSize - 1) / BlockSize;
        var input = new int[n];
        var random = new Random(1234);
        for (int i = 0; i < n; i++)
        {
            input[i] = random.Next(-1000, 1000);
        }
        using var module = device.LoadModuleResource(assembly, ResourcePrefix + "block_sum.bcbin");
        using var dInput = device.Upload<int>(input);
        using var dPartial = device.Allocate<int>(blocks);
        var stats = module.GetKernel("block_sum").Launch(blocks, BlockSize, 0, dInput, dPartial, n);
        var partial = dPartial.ToArray();
        int mismatches = 0;
        for (int b = 0; b < blocks; b++)
        {
            int expected = input.Skip(b * BlockSize).Take(BlockSize).Sum();
            if (partial[b] != expected && mismatches++ < 5)
            {
                Console.WriteLine($"  block_sum[{b}] = {partial[b]}, expected {expected}");
            }
        }
        Console.WriteLine($"block_sum: {blocks} blocks, total {partial.Sum()} (expected {input.Sum()}), {mismatches} mismatches, {stats.ThreadInstructions} thread instructions in {stats.Elapsed.TotalMilliseconds:F1} ms");
        return mismatches == 0 && partial.Sum() == input.Sum();
    }
}
