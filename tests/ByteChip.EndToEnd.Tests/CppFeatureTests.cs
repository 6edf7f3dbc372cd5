using ByteChip.Runtime;

namespace ByteChip.EndToEnd.Tests;

/// <summary>
/// Kernels/cppfeatures.cu (function objects, static members, bool/enum/char/unsigned template arguments, kernels
/// instantiated by host launches, variables shadowing type names) through the whole pipeline at -O0 and -O2 on
/// n4 and n5, against C# references. Inputs are small integers where a result sums products, so every float
/// result is exact whether or not the compiler contracts a multiply and an add.
/// </summary>
public class CppFeatureTests
{
    private const string File = "cppfeatures.cu";

    public static TheoryData<int, string> Configurations => CompiledKernels.Configurations;

    /// <summary>Integers in [-8, 8] as floats.</summary>
    private static float[] SmallIntegers(int n, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)rng.Next(-8, 9))];
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void FunctionObjectsCalledDirectlyThroughATemplateAndAsTemporaries(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load(File, opt, arch);
        using var _ = device;
        const int n = 300;
        const float scale = 3f, offset = -2f;
        var x = SmallIntegers(n, 1);
        var y = SmallIntegers(n, 2);
        using var dx = device.Upload<float>(x);
        using var dy = device.Upload<float>(y);
        using var dout = device.Allocate<float>(n);
        module.GetKernel("functors").Launch(new Dim3(3), new Dim3(128), 0, dout, dx, dy, n, scale, offset);
        var result = dout.ToArray();
        for (int i = 0; i < n; i++)
        {
            float expected = (x[i] + y[i]) + (x[i] + y[i]) * (x[i] * y[i]) + (x[i] + 1f) - (scale * x[i] + offset);
            Assert.Equal(expected, result[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void StaticMemberOperatorsInstantiatedByHostLaunchesWithHostConstants(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load(File, opt, arch);
        using var _ = device;
        const int n = 1000;
        var rng = new Random(5);
        var data = Enumerable.Range(0, n).Select(_ => rng.Next(-1_000_000, 1_000_000)).ToArray();
        using var din = device.Upload<int>(data);
        foreach (var (name, block, reference) in new (string, int, Func<IEnumerable<int>, int>)[]
        {
            ("block_reduce<SumOp, 256>", 256, v => v.Sum()),
            ("block_reduce<MaxOp, 128>", 128, v => v.Max()),
        })
        {
            int blocks = (n + block - 1) / block;
            using var dout = device.Allocate<int>(blocks);
            module.GetKernel(name).Launch(new Dim3((uint)blocks), new Dim3((uint)block), 0, din, dout, n);
            var expected = Enumerable.Range(0, blocks).Select(b => reference(data.Skip(b * block).Take(block))).ToArray();
            Assert.Equal(expected, dout.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void BoolEnumCharAndUnsignedTemplateArguments(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load(File, opt, arch);
        using var _ = device;
        const int n = 32;
        var x = SmallIntegers(n, 3);
        using var dx = device.Upload<float>(x);
        using var dout = device.Allocate<float>(n);
        // modes<M, C, U>(out, x, x, n): apply_mode<M>(x - x) + (x + x) + (C + U).
        foreach (var (name, mode, code) in new (string, Func<float, float>, int)[]
        {
            ("modes<Mode::Square, 97, 3>", v => v * v, 'a' + 3),
            ("modes<Mode::Halve, 98, 1>", v => v * 0.5f, 'b' + 1),
        })
        {
            module.GetKernel(name).Launch(new Dim3(1), new Dim3(32), 0, dout, dx, dx, n);
            var result = dout.ToArray();
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(mode(x[i] - x[i]) + (x[i] + x[i]) + code, result[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void KernelsLaunchedWithoutTemplateArgumentsAreDeducedFromHostArguments(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load(File, opt, arch);
        using var _ = device;
        const int n = 30;
        var floats = Enumerable.Range(0, n).Select(i => i * 0.75f - 4f).ToArray();
        var ints = Enumerable.Range(0, n).Select(i => i * 13 - 100).ToArray();
        using var df = device.Upload<float>(floats);
        using var di = device.Upload<int>(ints);
        module.GetKernel("scale<float>").Launch(new Dim3(1), new Dim3(32), 0, df, 2.0f, n);
        module.GetKernel("scale<int>").Launch(new Dim3(1), new Dim3(32), 0, di, 3, n);
        Assert.Equal(floats.Select(v => v * 2.0f).ToArray(), df.ToArray());
        Assert.Equal(ints.Select(v => v * 3).ToArray(), di.ToArray());
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void LocalsShadowingAStructTagAndATypedef(int opt, string arch)
    {
        var (device, module) = CompiledKernels.Load(File, opt, arch);
        using var _ = device;
        const int n = 200;
        var rng = new Random(9);
        var input = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble() * 6f - 1f).ToArray();
        using var din = device.Upload<float>(input);
        using var dout = device.Allocate<float>(n);
        module.GetKernel("shadowing").Launch(new Dim3(2), new Dim3(128), 0, dout, din, n);
        var result = dout.ToArray();
        for (int i = 0; i < n; i++)
        {
            int count = Enumerable.Range(0, 4).Where(k => input[i] > k).Sum(k => k + 1);
            Assert.Equal(input[i] * count, result[i]);
        }
    }
}
