using System.Collections.Concurrent;
using ByteChip.Compiler.Pipeline;
using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime;

namespace ByteChip.EndToEnd.Tests;

/// <summary>Compiles the test kernels once per (file, optimization level, target) through the whole bytechipcc pipeline.</summary>
internal static class CompiledKernels
{
    private static readonly ConcurrentDictionary<(string, int, string), BcModule> s_cache = new();

    public static TheoryData<int, string> Configurations => new() { { 0, "n4" }, { 2, "n4" }, { 0, "n5" }, { 2, "n5" } };

    public static string KernelPath(string file) => Path.Combine(AppContext.BaseDirectory, "Kernels", file);

    public static BcModule Compile(string file, int opt, string arch) => s_cache.GetOrAdd((file, opt, arch), key =>
    {
        var result = Compilation.CompileFile(KernelPath(key.Item1), new CompileOptions { OptimizationLevel = key.Item2, Arch = key.Item3, VerifyRegisterAllocation = true });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Module!;
    });

    public static (Device Device, Module Module) Load(string file, int opt, string arch)
    {
        var device = Device.Create(arch);
        return (device, device.LoadModule(Compile(file, opt, arch)));
    }
}
