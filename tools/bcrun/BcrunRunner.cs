using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime;

namespace ByteChip.Tools.Bcrun;

/// <summary>Options of one bcrun invocation.</summary>
public sealed record BcrunOptions(string SpecPath, string OutputDirectory, bool Stats, string? StatsJsonPath, string? Arch, int? Threads, long? InstructionBudget = null);

/// <summary>
/// Runs a launch description: loads the module, creates and fills the buffers, runs the launches in order on
/// the same buffers, writes the output buffers as <c>.npy</c>, and returns per-kernel statistics.
/// </summary>
public static class BcrunRunner
{
    /// <summary>Runs everything; throws <see cref="RuntimeException"/> with a message naming the field or file at fault.</summary>
    public static IReadOnlyList<LaunchStatistics> Run(BcrunOptions options)
    {
        var spec = LaunchSpec.Load(options.SpecPath);
        BcModule module;
        try
        {
            module = BcModuleReader.Read(ReadFile(spec.ModulePath, "module"));
        }
        catch (BcFormatException e)
        {
            throw new RuntimeException(RuntimeError.InvalidModule, $"{spec.SpecPath}: module: '{spec.ModulePath}' is not a valid .bcbin: {e.Message}");
        }
        string arch = options.Arch ?? (module.Target == TargetArch.N4 ? "n4" : "n5");
        using var device = Device.Create(arch);
        if (options.Threads is { } threads)
        {
            device.HostThreads = threads;
        }
        if (options.InstructionBudget is { } budget)
        {
            device.InstructionBudget = budget;
        }
        using var loaded = device.LoadModule(module);
        var buffers = new Dictionary<string, (BufferSpec Spec, DeviceBuffer<byte> Buffer)>(StringComparer.Ordinal);
        try
        {
            foreach (var b in spec.Buffers)
            {
                var buffer = device.Allocate<byte>(b.Count * b.Type.Size);
                buffer.Upload(BufferContents.Initial(b, spec.SpecPath));
                buffers[b.Name] = (b, buffer);
            }
            var stats = new List<LaunchStatistics>();
            foreach (var launch in spec.Launches)
            {
                if (!loaded.TryGetKernel(launch.Kernel, out var kernel))
                {
                    throw new RuntimeException(RuntimeError.SymbolNotFound,
                        $"{spec.SpecPath}: {launch.Field}.kernel: no kernel '{launch.Kernel}' in the module (kernels: {string.Join(", ", loaded.Kernels.Select(k => k.Name))})");
                }
                var args = Arguments(spec, launch, kernel, buffers);
                stats.Add(kernel.Launch(launch.Grid, launch.Block, launch.SharedBytes, args));
            }
            Directory.CreateDirectory(options.OutputDirectory);
            foreach (var name in spec.Outputs)
            {
                var (b, buffer) = buffers[name];
                var npy = new NpyArray(b.Type.NpyDescr, [b.Count], buffer.ToArray());
                string path = Path.Combine(options.OutputDirectory, name + ".npy");
                try
                {
                    File.WriteAllBytes(path, NpyFile.Write(npy));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new RuntimeException(RuntimeError.FileError, $"cannot write '{path}': {e.Message}");
                }
            }
            return stats;
        }
        finally
        {
            foreach (var (_, buffer) in buffers.Values)
            {
                buffer.Dispose();
            }
        }
    }

    private static object[] Arguments(LaunchSpec spec, LaunchSpecEntry launch, Kernel kernel, Dictionary<string, (BufferSpec Spec, DeviceBuffer<byte> Buffer)> buffers)
    {
        var parameters = kernel.Parameters;
        if (launch.Args.Count != parameters.Count)
        {
            string expected = string.Join(", ", parameters.Select(p => p.Kind == BcParameterKind.Pointer ? $"{p.Name}: pointer" : $"{p.Name}: {p.Size}-byte value"));
            throw new RuntimeException(RuntimeError.ArgumentCount,
                $"{spec.SpecPath}: {launch.Field}.args: kernel '{kernel.Name}' takes {parameters.Count} argument(s) ({expected}), {launch.Args.Count} given");
        }
        var args = new object[parameters.Count];
        for (int i = 0; i < args.Length; i++)
        {
            var (a, p) = (launch.Args[i], parameters[i]);
            bool pointer = p.Kind == BcParameterKind.Pointer;
            if (a.Buffer is not null)
            {
                args[i] = pointer ? buffers[a.Buffer].Buffer : throw Mismatch(spec, a, $"parameter '{p.Name}' is a {p.Size}-byte value, not a pointer; pass {{ \"TYPE\": VALUE }}");
            }
            else
            {
                args[i] = !pointer && a.Value!.Length == p.Size
                    ? a.Value
                    : throw Mismatch(spec, a, pointer
                        ? $"parameter '{p.Name}' is a pointer; pass {{ \"buffer\": NAME }}"
                        : $"parameter '{p.Name}' is a {p.Size}-byte value; a {a.Type!.Name} has {a.Type.Size} bytes");
            }
        }
        return args;
    }

    private static RuntimeException Mismatch(LaunchSpec spec, ArgumentSpec a, string message) =>
        new(RuntimeError.ArgumentMismatch, $"{spec.SpecPath}: {a.Field}: {message}");

    internal static byte[] ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeException(RuntimeError.FileError, $"cannot read {what} '{path}': {e.Message}");
        }
    }
}
