using ByteChip.Runtime;

namespace ByteChip.EndToEnd.Tests;

/// <summary>
/// Kernels/frontendforms.cu ('#pragma unroll' with template-parameter and constant counts, value template arguments
/// without parentheses, variables hiding type names) through the whole pipeline at -O0 and -O2 on n4 and n5,
/// against C# references.
/// </summary>
public class FrontendFormTests
{
    private const string File = "frontendforms.cu";

    public static TheoryData<int, string> Configurations => CompiledKernels.Configurations;

    private static int[] RandomInts(int n, int seed, int min, int max)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => rng.Next(min, max))];
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void LoopsUnrolledByTemplateParameterCountsComputeTheSums(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load(File, opt, arch);
        using var _ = device;
        const int n = 300;
        foreach (int block in new[] { 4, 8 })
        {
            var input = RandomInts(n * block, block, -1000, 1000);
            using var din = device.Upload<int>(input);
            using var dout = device.Allocate<int>(n);
            module.GetKernel($"unrolled_sums<{block}>").Launch(new Dim3((n + 127) / 128), new Dim3(128), 0, din, dout, n);
            var result = dout.ToArray();
            for (int i = 0; i < n; i++)
            {
                var row = input.AsSpan(i * block, block).ToArray();
                int s = 0, t = 0;
                for (int k = 0; k < block; k++)
                {
                    s += row[k] * (k + 1);
                    t ^= row[k] << (k % 5);
                }
                Assert.Equal(s + t - row.Max(), result[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void UnparenthesisedTemplateArgumentsSelectTheInstances(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load(File, opt, arch);
        using var _ = device;
        const int n = 200;
        var input = RandomInts(n, 3, -100000, 100000);
        using var din = device.Upload<int>(input);
        using var dout = device.Allocate<int>(n);
        module.GetKernel("template_expressions").Launch(new Dim3(2), new Dim3(128), 0, din, dout, n);
        var result = dout.ToArray();
        for (int i = 0; i < n; i++)
        {
            Assert.Equal((input[i] << 2) + (input[i] >> 3), result[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void VariablesHidingTypeNamesKeepTheirScopes(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load(File, opt, arch);
        using var _ = device;
        const int n = 150;
        var input = RandomInts(n, 4, -1000, 1000);
        using var din = device.Upload<int>(input);
        using var dout = device.Allocate<int>(n);
        module.GetKernel("shadowing").Launch(new Dim3(2), new Dim3(128), 0, din, dout, n);
        var result = dout.ToArray();
        for (int i = 0; i < n; i++)
        {
            int acc = input[i] * 3;
            for (int v = 0; v < 4; v++)
            {
                acc += v * input[i];
            }
            Assert.Equal(acc + 7, result[i]);
        }
    }
}
