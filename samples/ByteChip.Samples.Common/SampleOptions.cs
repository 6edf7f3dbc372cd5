namespace ByteChip.Samples.Common;

/// <summary>The command line every sample accepts: <c>[--arch n4|n5] [-O0|-O1|-O2|-O3] [--stats] [--timing] [-fno-schedule-insns] [--help]</c>.</summary>
public sealed record SampleOptions
{
    /// <summary>The target the kernel is compiled for and run on.</summary>
    public string Arch { get; init; } = "n4";

    /// <summary>The compiler's optimization level (0..3).</summary>
    public int OptimizationLevel { get; init; } = 2;

    /// <summary>Print every launch's statistics (divergence, memory traffic) besides the totals.</summary>
    public bool DetailedStats { get; init; }

    /// <summary>Estimate device cycles of every launch (the device model's timing estimate).</summary>
    public bool Timing { get; init; }

    /// <summary>Compile without instruction scheduling (bytechipcc -fno-schedule-insns).</summary>
    public bool NoSchedule { get; init; }

    /// <summary>Print the usage and stop.</summary>
    public bool Help { get; init; }

    /// <summary>The usage line for the program <paramref name="program"/>.</summary>
    public static string Usage(string program) => $"usage: {program} [--arch n4|n5] [-O0|-O1|-O2|-O3] [--stats] [--timing] [-fno-schedule-insns] [--help]";

    /// <summary>Parses the command line; returns null and an error message for a bad argument.</summary>
    public static SampleOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new SampleOptions();
        error = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--arch" or "-arch" when i + 1 < args.Count:
                    options = options with { Arch = args[++i] };
                    break;
                case "--stats":
                    options = options with { DetailedStats = true };
                    break;
                case "--timing":
                    options = options with { Timing = true };
                    break;
                case "-fno-schedule-insns":
                    options = options with { NoSchedule = true };
                    break;
                case "-h" or "--help" or "-?":
                    options = options with { Help = true };
                    break;
                case ['-', 'O', >= '0' and <= '3']:
                    options = options with { OptimizationLevel = arg[2] - '0' };
                    break;
                default:
                    if (arg.StartsWith("--arch=", StringComparison.Ordinal))
                    {
                        options = options with { Arch = arg["--arch=".Length..] };
                        break;
                    }
                    error = arg is "--arch" or "-arch" ? "--arch needs a value (n4 or n5)" : $"unknown argument '{arg}'";
                    return null;
            }
        }
        if (options.Arch is not ("n4" or "n5"))
        {
            error = $"unknown target '{options.Arch}' (expected n4 or n5)";
            return null;
        }
        return options;
    }

    public override string ToString() => $"--arch {Arch} -O{OptimizationLevel}{(NoSchedule ? " -fno-schedule-insns" : "")}";
}
