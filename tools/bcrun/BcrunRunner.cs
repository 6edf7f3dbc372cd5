using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime;

namespace ByteChip.Tools.Bcrun;

/// <summary>Options of one bcrun invocation.</summary>
public sealed record BcrunOptions(string SpecPath, string OutputDirectory, bool Stats, string? StatsJsonPath, string? Arch, int? Threads, long? InstructionBudget = null, bool Timing = false);

/// <summary>The contents of one output after the launches: a buffer's or a symbol's bytes with the element type they are read as.</summary>
public sealed record OutputData(OutputSpec Spec, ElementType Type, long Count, byte[] Bytes);

/// <summary>What running a launch description gives: the statistics of every launch and the outputs, in the order of <c>"outputs"</c>.</summary>
public sealed record RunResult(LaunchSpec Spec, IReadOnlyList<LaunchStatistics> Launches, IReadOnlyList<OutputData> Outputs);

/// <summary>
/// Runs a launch description: loads the module, writes the listed <c>__constant__</c>/<c>__device__</c> variables,
/// creates and fills the buffers, runs the launches in order on the same buffers and reads the outputs back.
/// bcrun and the golden runner both run descriptions through <see cref="Execute"/>.
/// </summary>
public static class BcrunRunner
{
    /// <summary>
    /// Runs everything on a new device and writes the outputs as <c>.npy</c> into the output directory; throws
    /// <see cref="RuntimeException"/> with a message naming the field or file at fault.
    /// </summary>
    public static RunResult Run(BcrunOptions options)
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
        device.EstimateTiming = options.Timing;
        var result = Execute(device, module, spec);
        Directory.CreateDirectory(options.OutputDirectory);
        foreach (var output in result.Outputs)
        {
            var npy = new NpyArray(output.Type.NpyDescr, [output.Count], output.Bytes);
            string path = Path.Combine(options.OutputDirectory, output.Spec.Name + ".npy");
            try
            {
                File.WriteAllBytes(path, NpyFile.Write(npy));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RuntimeException(RuntimeError.FileError, $"cannot write '{path}': {e.Message}");
            }
        }
        return result;
    }

    /// <summary>Runs the description on <paramref name="device"/> with <paramref name="image"/> loaded as a new module; the caller owns the device.</summary>
    public static RunResult Execute(Device device, BcModule image, LaunchSpec spec)
    {
        using var module = device.LoadModule(image);
        var symbols = WriteSymbols(module, spec);
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
                if (!module.TryGetKernel(launch.Kernel, out var kernel))
                {
                    throw new RuntimeException(RuntimeError.SymbolNotFound,
                        $"{spec.SpecPath}: {launch.Field}.kernel: no kernel '{launch.Kernel}' in the module (kernels: {string.Join(", ", module.Kernels.Select(k => k.Name))})");
                }
                var args = Arguments(spec, launch, kernel, buffers);
                stats.Add(kernel.Launch(launch.Grid, launch.Block, launch.SharedBytes, args));
            }
            var outputs = new List<OutputData>();
            foreach (var o in spec.Outputs)
            {
                if (o.Symbol is null)
                {
                    var (b, buffer) = buffers[o.Name];
                    outputs.Add(new OutputData(o, b.Type, b.Count, buffer.ToArray()));
                }
                else
                {
                    var (symbol, type) = symbols[o.Name];
                    if (symbol.Size % type.Size != 0)
                    {
                        throw new RuntimeException(RuntimeError.InvalidSpec,
                            $"{spec.SpecPath}: {o.Symbol.Field}: '{o.Name}' has {symbol.Size} bytes, not a whole number of {type.Name} elements");
                    }
                    var bytes = new byte[symbol.Size];
                    symbol.Read<byte>(bytes);
                    outputs.Add(new OutputData(o, type, symbol.Size / type.Size, bytes));
                }
            }
            return new RunResult(spec, stats, outputs);
        }
        finally
        {
            foreach (var (_, buffer) in buffers.Values)
            {
                buffer.Dispose();
            }
        }
    }

    /// <summary>Writes the symbols that name an .npy file and returns every listed symbol with the element type it is read back as.</summary>
    private static Dictionary<string, (DeviceSymbol Symbol, ElementType Type)> WriteSymbols(Module module, LaunchSpec spec)
    {
        var result = new Dictionary<string, (DeviceSymbol, ElementType)>(StringComparer.Ordinal);
        foreach (var s in spec.Symbols)
        {
            bool exists = s.IsConstant ? module.Image.FindConstant(s.Name) is not null : module.Image.FindGlobal(s.Name) is not null;
            if (!exists)
            {
                string kind = s.IsConstant ? "__constant__" : "__device__";
                var names = s.IsConstant ? module.Image.Constants.Select(c => c.Name) : module.Image.Globals.Select(g => g.Name);
                bool other = s.IsConstant ? module.Image.FindGlobal(s.Name) is not null : module.Image.FindConstant(s.Name) is not null;
                string hint = other ? $"; '{s.Name}' is a {(s.IsConstant ? "__device__" : "__constant__")} variable, list it under '{(s.IsConstant ? "globals" : "constants")}'" : "";
                throw new RuntimeException(RuntimeError.SymbolNotFound,
                    $"{spec.SpecPath}: {s.Field}: no {kind} variable '{s.Name}' in the module ({s.Section}: {(names.Any() ? string.Join(", ", names) : "none")}){hint}");
            }
            var symbol = s.IsConstant ? module.GetConstant(s.Name) : module.GetGlobal(s.Name);
            var type = s.Type;
            if (s.NpyPath is { } path)
            {
                NpyArray npy;
                try
                {
                    npy = NpyFile.Read(ReadFile(path, "npy file"));
                }
                catch (FormatException e)
                {
                    throw new RuntimeException(RuntimeError.NpyMismatch, $"{spec.SpecPath}: {s.Field}: '{path}': {e.Message}");
                }
                var npyType = ElementType.All.FirstOrDefault(t => t.NpyCode == NpyFile.TypeCode(npy.Descr))
                    ?? throw new RuntimeException(RuntimeError.NpyMismatch,
                        $"{spec.SpecPath}: {s.Field}: '{path}' holds dtype '{npy.Descr}', which is none of {ElementType.Names}");
                if (type is not null && npyType != type)
                {
                    throw new RuntimeException(RuntimeError.NpyMismatch,
                        $"{spec.SpecPath}: {s.Field}: '{path}' holds dtype '{npy.Descr}', the symbol is declared {type.Name} ('{type.NpyDescr}')");
                }
                type = npyType;
                if (npy.Count * type.Size != symbol.Size || npy.Data.LongLength < symbol.Size)
                {
                    throw new RuntimeException(RuntimeError.NpyMismatch,
                        $"{spec.SpecPath}: {s.Field}: '{path}' holds {npy.Count} x {type.Name} ({npy.Count * type.Size} bytes), the {(s.IsConstant ? "__constant__" : "__device__")} variable '{s.Name}' has {symbol.Size} bytes");
                }
                symbol.Write<byte>(npy.Data.AsSpan(0, symbol.Size));
            }
            result[s.Name] = (symbol, type!);
        }
        return result;
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
            if (a.IsNull)
            {
                args[i] = pointer ? DevicePointer.Null : throw Mismatch(spec, a, $"parameter '{p.Name}' is a {p.Size}-byte value; null is only for pointers");
            }
            else if (a.Buffer is not null)
            {
                args[i] = pointer ? buffers[a.Buffer].Buffer : throw Mismatch(spec, a, $"parameter '{p.Name}' is a {p.Size}-byte value, not a pointer; pass {{ \"TYPE\": VALUE }}");
            }
            else
            {
                args[i] = !pointer && a.Value!.Length == p.Size
                    ? a.Value
                    : throw Mismatch(spec, a, pointer
                        ? $"parameter '{p.Name}' is a pointer; pass {{ \"buffer\": NAME }} or null"
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
