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
/// floats within the test file's <c>TOLERANCE</c>. One device per target is shared by all cases; launches on a
/// device take turns.
/// </summary>
public static class Execution
{
    private static readonly ConcurrentDictionary<string, Device> s_devices = new(StringComparer.Ordinal);

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
        var expected = ExpectedOutputs(specPath, where);
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
                outputs = RunLaunches(device, module, spec);
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

    private static Dictionary<string, string> ExpectedOutputs(string specPath, string where)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(specPath), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("expected", out var e))
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new GoldenException($"{where}: {Path.GetFileName(specPath)}: \"expected\" must map buffer names to .npy files");
            }
            foreach (var p in e.EnumerateObject())
            {
                map[p.Name] = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath))!, p.Value.GetString() ?? "");
            }
        }
        return map;
    }

    private static Dictionary<string, byte[]> RunLaunches(Device device, BcModule image, LaunchSpec spec)
    {
        using var module = device.LoadModule(image);
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

    private static ToolOutput Compare(LaunchSpec spec, Dictionary<string, byte[]> outputs, Dictionary<string, string> expected, Tolerance tolerance)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        foreach (var b in spec.Buffers.Where(b => outputs.ContainsKey(b.Name)))
        {
            NpyArray reference;
            try
            {
                reference = NpyFile.Read(File.ReadAllBytes(expected[b.Name]));
            }
            catch (Exception e) when (e is IOException or FormatException)
            {
                throw new GoldenException($"expected output '{expected[b.Name]}': {e.Message}");
            }
            if (NpyFile.TypeCode(reference.Descr) != b.Type.NpyCode || reference.Count != b.Count)
            {
                throw new GoldenException($"expected output '{expected[b.Name]}' holds {reference.Count} x '{reference.Descr}', the buffer '{b.Name}' is {b.Count} x {b.Type.Name}");
            }
            var (bad, worst, report) = CompareBuffer(b, reference.Data, outputs[b.Name], tolerance);
            if (bad == 0)
            {
                stdout.Append(CultureInfo.InvariantCulture, $"{b.Name}: {b.Count} x {b.Type.Name} match{(b.Type.IsFloat ? $" (tolerance {tolerance}, max {worst} ulp)" : "")}\n");
            }
            else
            {
                stderr.Append(CultureInfo.InvariantCulture, $"bcrun: output '{b.Name}': {bad} of {b.Count} elements differ from {Path.GetFileName(expected[b.Name])} (tolerance {(b.Type.IsFloat ? tolerance.ToString() : "exact")}):\n").Append(report);
            }
        }
        return new ToolOutput(stderr.Length == 0 ? 0 : 1, stdout.ToString(), stderr.ToString(), null);
    }

    private static (long Bad, long WorstUlps, string Report) CompareBuffer(BufferSpec b, byte[] expected, byte[] actual, Tolerance tolerance)
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
                ok = tolerance.Admits(ev, av, ulps);
                et = ev.ToString("R", CultureInfo.InvariantCulture);
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
