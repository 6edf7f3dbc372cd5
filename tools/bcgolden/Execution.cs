using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime;
using ByteChip.Tools.Bcrun;

namespace ByteChip.Tools.Bcgolden;

/// <summary>
/// bcrun for golden tests: <c>bcrun SPEC [--arch n4|n5]</c> runs the launch description (the bcrun format, read by
/// bcrun's own <see cref="LaunchSpec"/> and <see cref="BufferContents"/>) on the module the previous tool produced
/// (or the description's own <c>module</c> when nothing comes down the pipe), then compares every output buffer with
/// the <c>.npy</c> file the description names under <c>"expected": { "BUFFER": "FILE.npy" }</c>: integers exactly,
/// floats within the test file's <c>TOLERANCE</c>. A float output may also carry per-element absolute error bounds
/// computed by its reference (<c>"BUFFER": { "npy": "FILE.npy", "bound": "BOUND.npy" }</c>, the bounds as f64): an
/// element passes when it is within its bound or the TOLERANCE. Two more keys of the golden format (bcrun itself
/// does not read them) fill module symbols before the launches: <c>"constants"</c> and <c>"globals"</c>, each
/// <c>{ "SYMBOL": "FILE.npy" }</c> (the file's bytes are written to the <c>__constant__</c> or <c>__device__</c>
/// variable, as <c>cudaMemcpyToSymbol</c> does). One device per target is shared by all cases; launches on a device
/// take turns.
/// </summary>
public static class Execution
{
    private static readonly ConcurrentDictionary<string, Device> s_devices = new(StringComparer.Ordinal);

    /// <summary>An expected output: its .npy file and, for floats, an optional .npy of per-element absolute bounds.</summary>
    private sealed record ExpectedOutput(string Path, string? BoundPath);

    /// <summary>The golden-only parts of a launch description: expected outputs and symbol contents.</summary>
    private sealed record GoldenExtras(Dictionary<string, ExpectedOutput> Expected, List<(string Symbol, bool Constant, string Path)> Symbols);

    /// <summary>The shared device of a target.</summary>
    public static Device SharedDevice(string arch) => s_devices.GetOrAdd(arch, a => Device.Create(a));

    /// <summary>Runs bcrun as described; exit code 1 with bcrun's message for runtime errors and faults, and for outputs that differ.</summary>
    public static ToolOutput Bcrun(IReadOnlyList<string> args, ToolOutput? input, GoldenFile file, string where)
    {
        string? specPath = null, arch = null;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--arch" when i + 1 < args.Count:
                    arch = args[++i];
                    break;
                case var a when !a.StartsWith('-'):
                    specPath = specPath is null ? a : throw new GoldenException($"{where}: bcrun takes one launch description");
                    break;
                default:
                    throw new GoldenException($"{where}: bcrun: unsupported option '{args[i]}' (golden tests use --arch)");
            }
        }
        if (specPath is null || !File.Exists(specPath))
        {
            throw new GoldenException($"{where}: bcrun needs an existing launch description (got '{specPath}')");
        }
        var extras = ReadExtras(specPath, where);
        var expected = extras.Expected;
        try
        {
            var spec = LaunchSpec.Load(specPath);
            foreach (var name in spec.Outputs.Where(n => !expected.ContainsKey(n)))
            {
                throw new GoldenException($"{where}: {Path.GetFileName(specPath)}: output '{name}' has no \"expected\" .npy file");
            }
            byte[] moduleBytes = input?.Binary ?? (File.Exists(spec.ModulePath)
                ? File.ReadAllBytes(spec.ModulePath)
                : throw new GoldenException($"{where}: bcrun: no tool before it and no module '{spec.ModulePath}'"));
            var module = BcModuleReader.Read(moduleBytes);
            var device = SharedDevice(arch ?? (module.Target == TargetArch.N4 ? "n4" : "n5"));
            Dictionary<string, byte[]> outputs;
            lock (device)
            {
                outputs = RunLaunches(device, module, spec, extras.Symbols, where);
            }
            return Compare(spec, outputs, expected, file.Tolerance);
        }
        catch (RuntimeException e)
        {
            return new ToolOutput(e.Error == RuntimeError.Internal ? 2 : 1, "", $"bcrun: error {e.Message}\n", null);
        }
        catch (BcFormatException e)
        {
            return new ToolOutput(1, "", $"bcrun: error {RuntimeError.InvalidModule.CodeText()}: the module is not a valid .bcbin: {e.Message}\n", null);
        }
    }

    private static GoldenExtras ReadExtras(string specPath, string where)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(specPath), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        string dir = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
        string name = Path.GetFileName(specPath);
        var map = new Dictionary<string, ExpectedOutput>(StringComparer.Ordinal);
        var symbols = new List<(string, bool, string)>();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return new GoldenExtras(map, symbols);
        }
        if (doc.RootElement.TryGetProperty("expected", out var e))
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new GoldenException($"{where}: {name}: \"expected\" must map buffer names to .npy files");
            }
            foreach (var p in e.EnumerateObject())
            {
                map[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => new ExpectedOutput(Path.Combine(dir, p.Value.GetString()!), null),
                    JsonValueKind.Object when p.Value.TryGetProperty("npy", out var npy) && npy.ValueKind == JsonValueKind.String
                        && (!p.Value.TryGetProperty("bound", out var b) || b.ValueKind == JsonValueKind.String)
                        && p.Value.EnumerateObject().All(x => x.Name is "npy" or "bound") =>
                        new ExpectedOutput(Path.Combine(dir, npy.GetString()!), p.Value.TryGetProperty("bound", out var bound) ? Path.Combine(dir, bound.GetString()!) : null),
                    _ => throw new GoldenException($"{where}: {name}: expected.{p.Name}: use \"FILE.npy\" or {{ \"npy\": \"FILE.npy\", \"bound\": \"BOUNDS.npy\" }}"),
                };
            }
        }
        foreach (var (key, constant) in new[] { ("constants", true), ("globals", false) })
        {
            if (!doc.RootElement.TryGetProperty(key, out var c))
            {
                continue;
            }
            if (c.ValueKind != JsonValueKind.Object || c.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            {
                throw new GoldenException($"{where}: {name}: \"{key}\" must map symbol names to .npy files");
            }
            symbols.AddRange(c.EnumerateObject().Select(p => (p.Name, constant, Path.Combine(dir, p.Value.GetString()!))));
        }
        return new GoldenExtras(map, symbols);
    }

    private static NpyArray ReadNpy(string path, string what)
    {
        try
        {
            return NpyFile.Read(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new GoldenException($"{what} '{path}': {e.Message}");
        }
    }

    private static Dictionary<string, byte[]> RunLaunches(Device device, BcModule image, LaunchSpec spec, List<(string Symbol, bool Constant, string Path)> symbols, string where)
    {
        using var module = device.LoadModule(image);
        foreach (var (symbol, constant, path) in symbols)
        {
            var target = constant ? module.GetConstant(symbol) : module.GetGlobal(symbol);
            target.Write<byte>(ReadNpy(path, $"{where}: {(constant ? "constants" : "globals")}.{symbol}").Data);
        }
        var buffers = new Dictionary<string, (BufferSpec Spec, DeviceBuffer<byte> Buffer)>(StringComparer.Ordinal);
        try
        {
            foreach (var b in spec.Buffers)
            {
                var buffer = device.Allocate<byte>(b.Count * b.Type.Size);
                buffer.Upload(BufferContents.Initial(b, spec.SpecPath));
                buffers[b.Name] = (b, buffer);
            }
            foreach (var launch in spec.Launches)
            {
                if (!module.TryGetKernel(launch.Kernel, out var kernel))
                {
                    throw new RuntimeException(RuntimeError.SymbolNotFound,
                        $"{spec.SpecPath}: {launch.Field}.kernel: no kernel '{launch.Kernel}' in the module (kernels: {string.Join(", ", module.Kernels.Select(k => k.Name))})");
                }
                var args = launch.Args.Select(a => a.Buffer is not null ? (object)buffers[a.Buffer].Buffer : a.Value!).ToArray();
                kernel.Launch(launch.Grid, launch.Block, launch.SharedBytes, args);
            }
            return spec.Outputs.ToDictionary(n => n, n => buffers[n].Buffer.ToArray(), StringComparer.Ordinal);
        }
        finally
        {
            foreach (var (_, buffer) in buffers.Values)
            {
                buffer.Dispose();
            }
        }
    }

    private static ToolOutput Compare(LaunchSpec spec, Dictionary<string, byte[]> outputs, Dictionary<string, ExpectedOutput> expected, Tolerance tolerance)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        foreach (var b in spec.Buffers.Where(b => outputs.ContainsKey(b.Name)))
        {
            var file = expected[b.Name];
            var reference = ReadNpy(file.Path, "expected output");
            if (NpyFile.TypeCode(reference.Descr) != b.Type.NpyCode || reference.Count != b.Count)
            {
                throw new GoldenException($"expected output '{file.Path}' holds {reference.Count} x '{reference.Descr}', the buffer '{b.Name}' is {b.Count} x {b.Type.Name}");
            }
            double[]? bounds = null;
            if (file.BoundPath is { } boundPath)
            {
                var boundArray = ReadNpy(boundPath, "error bounds");
                if (!b.Type.IsFloat || NpyFile.TypeCode(boundArray.Descr) != "f8" || boundArray.Count != b.Count)
                {
                    throw new GoldenException($"error bounds '{boundPath}' hold {boundArray.Count} x '{boundArray.Descr}'; bounds are f8, one per element of the float buffer '{b.Name}' ({b.Count} x {b.Type.Name})");
                }
                bounds = new double[b.Count];
                Buffer.BlockCopy(boundArray.Data, 0, bounds, 0, (int)(b.Count * 8));
            }
            var (bad, worst, report) = CompareBuffer(b, reference.Data, outputs[b.Name], tolerance, bounds);
            string rule = !b.Type.IsFloat ? "exact" : bounds is null ? $"tolerance {tolerance}" : $"tolerance {tolerance} or per-element bounds {Path.GetFileName(file.BoundPath)}";
            if (bad == 0)
            {
                stdout.Append(CultureInfo.InvariantCulture, $"{b.Name}: {b.Count} x {b.Type.Name} match{(b.Type.IsFloat ? $" ({rule}, max {worst} ulp)" : "")}\n");
            }
            else
            {
                stderr.Append(CultureInfo.InvariantCulture, $"bcrun: output '{b.Name}': {bad} of {b.Count} elements differ from {Path.GetFileName(file.Path)} ({rule}):\n").Append(report);
            }
        }
        return new ToolOutput(stderr.Length == 0 ? 0 : 1, stdout.ToString(), stderr.ToString(), null);
    }

    private static (long Bad, long WorstUlps, string Report) CompareBuffer(BufferSpec b, byte[] expected, byte[] actual, Tolerance tolerance, double[]? bounds)
    {
        var report = new StringBuilder();
        long bad = 0, worst = 0;
        int size = b.Type.Size;
        for (long i = 0; i < b.Count; i++)
        {
            var e = expected.AsSpan((int)(i * size), size);
            var a = actual.AsSpan((int)(i * size), size);
            if (e.SequenceEqual(a))
            {
                continue;
            }
            bool ok = false;
            long ulps = 0;
            string et, at;
            if (b.Type.IsFloat)
            {
                (double ev, double av, ulps) = size switch
                {
                    2 => ((double)BinaryPrimitives.ReadHalfLittleEndian(e), (double)BinaryPrimitives.ReadHalfLittleEndian(a),
                        Tolerance.UlpDistance(BinaryPrimitives.ReadHalfLittleEndian(e), BinaryPrimitives.ReadHalfLittleEndian(a))),
                    4 => (BinaryPrimitives.ReadSingleLittleEndian(e), BinaryPrimitives.ReadSingleLittleEndian(a),
                        Tolerance.UlpDistance(BinaryPrimitives.ReadSingleLittleEndian(e), BinaryPrimitives.ReadSingleLittleEndian(a))),
                    _ => (BinaryPrimitives.ReadDoubleLittleEndian(e), BinaryPrimitives.ReadDoubleLittleEndian(a),
                        Tolerance.UlpDistance(BinaryPrimitives.ReadDoubleLittleEndian(e), BinaryPrimitives.ReadDoubleLittleEndian(a))),
                };
                ok = tolerance.Admits(ev, av, ulps) || (bounds is not null && Math.Abs(av - ev) <= bounds[i]);
                et = ev.ToString("R", CultureInfo.InvariantCulture) + (bounds is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (bound {bounds[i]:G3})"));
                at = av.ToString("R", CultureInfo.InvariantCulture) + $" ({ulps} ulp)";
            }
            else
            {
                et = IntegerText(e, b.Type.IsSigned);
                at = IntegerText(a, b.Type.IsSigned);
            }
            if (ok)
            {
                worst = Math.Max(worst, ulps);
                continue;
            }
            if (++bad <= 12)
            {
                report.Append(CultureInfo.InvariantCulture, $"  {b.Name}[{i}]: expected {et}, got {at}\n");
            }
        }
        if (bad > 12)
        {
            report.Append(CultureInfo.InvariantCulture, $"  ... and {bad - 12} more\n");
        }
        return (bad, worst, report.ToString());
    }

    private static string IntegerText(ReadOnlySpan<byte> bytes, bool signed)
    {
        ulong v = 0;
        for (int k = 0; k < bytes.Length; k++)
        {
            v |= (ulong)bytes[k] << (8 * k);
        }
        if (signed && bytes.Length < 8 && (v >> ((bytes.Length * 8) - 1) & 1) != 0)
        {
            v |= ulong.MaxValue << (bytes.Length * 8);
        }
        return signed ? ((long)v).ToString(CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
    }
}
