using System.Globalization;
using ByteChip.Runtime;

namespace ByteChip.Samples.Common;

/// <summary>What a sample's <see cref="Sample.Run"/> works with: the device, the loaded module, the options, and
/// the places where it records launches, checks and result lines.</summary>
public sealed class SampleContext
{
    private readonly List<LaunchStatistics> _launches = [];
    private readonly List<CheckResult> _checks = [];

    internal SampleContext(Device device, Module module, SampleOptions options, TextWriter output)
    {
        Device = device;
        Module = module;
        Options = options;
        Output = output;
    }

    public Device Device { get; }

    public Module Module { get; }

    public SampleOptions Options { get; }

    /// <summary>Where result lines go (the console for the program, nowhere in tests).</summary>
    public TextWriter Output { get; }

    public IReadOnlyList<LaunchStatistics> Launches => _launches;

    public IReadOnlyList<CheckResult> Checks => _checks;

    /// <summary>Launches <paramref name="kernel"/> (by source name, e.g. <c>reduce_sum&lt;256&gt;</c>) and records its statistics.</summary>
    public LaunchStatistics Launch(string kernel, Dim3 grid, Dim3 block, uint dynamicSharedBytes, params object[] args)
    {
        var stats = Module.GetKernel(kernel).Launch(grid, block, dynamicSharedBytes, args);
        _launches.Add(stats);
        return stats;
    }

    /// <summary>Records a comparison; the sample fails if any recorded check fails.</summary>
    public CheckResult Check(CheckResult result)
    {
        _checks.Add(result);
        return result;
    }

    /// <summary>Prints one line of the sample's result (invariant culture).</summary>
    public void Print(FormattableString line) => Output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
