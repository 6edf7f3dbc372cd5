using System.Collections.Concurrent;
using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime;
using ByteChip.Tools.Bcrun;

namespace ByteChip.Tools.Bcgolden;

/// <summary>
/// bcrun for golden tests: <c>bcrun SPEC [--arch n4|n5]</c> runs the launch description through bcrun's own reader
/// (<see cref="LaunchSpec"/>) and runner (<see cref="BcrunRunner.Execute"/>) on the module the previous tool produced
/// (or the description's own <c>module</c> when nothing comes down the pipe), then checks the outputs with
/// <see cref="OutputCheck"/> against the description's <c>"expected"</c> files, floats within the test file's
/// <c>TOLERANCE</c>. Every output must have an expectation. One device per target is shared by all cases; launches on
/// a device take turns.
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
        try
        {
            var spec = LaunchSpec.Load(specPath);
            foreach (var output in spec.Outputs.Where(o => !spec.Expected.ContainsKey(o.Name)))
            {
                throw new GoldenException($"{where}: {Path.GetFileName(specPath)}: output '{output.Name}' has no \"expected\" .npy file");
            }
            byte[] moduleBytes = input?.Binary ?? (File.Exists(spec.ModulePath)
                ? File.ReadAllBytes(spec.ModulePath)
                : throw new GoldenException($"{where}: bcrun: no tool before it and no module '{spec.ModulePath}'"));
            var module = BcModuleReader.Read(moduleBytes);
            var device = SharedDevice(arch ?? (module.Target == TargetArch.N4 ? "n4" : "n5"));
            RunResult result;
            lock (device)
            {
                result = BcrunRunner.Execute(device, module, spec);
            }
            var check = OutputCheck.Check(spec, result.Outputs, file.Tolerance);
            return new ToolOutput(check.Passed ? 0 : 1, check.Matches, check.Differences, null);
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
}
