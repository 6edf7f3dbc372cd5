using System.Diagnostics;
using System.Globalization;
using ByteChip.Compiler.Pipeline;
using ByteChip.Isa.Diagnostics;
using ByteChip.Runtime;

namespace ByteChip.Samples.Common;

/// <summary>What running a sample produced.</summary>
public sealed record SampleReport(string Sample, SampleOptions Options, IReadOnlyList<CheckResult> Checks, IReadOnlyList<LaunchStatistics> Launches, TimeSpan CompileTime)
{
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);

    public long ThreadInstructions => Launches.Sum(l => l.ThreadInstructions);

    public long WarpInstructions => Launches.Sum(l => l.WarpInstructions);

    public TimeSpan DeviceTime => TimeSpan.FromTicks(Launches.Sum(l => l.Elapsed.Ticks));

    public override string ToString() => $"{Sample} {Options}: " + string.Join("; ", Checks);
}

/// <summary>Compiles a sample's kernel with the ByteChip compiler, runs the sample on the device model and reports.</summary>
public static class SampleRunner
{
    /// <summary>The samples' <c>Main</c>: parses the command line, runs, prints; exit code 0 when every check passed,
    /// 1 on a mismatch, 2 for a bad command line or a kernel that does not compile.</summary>
    public static int Main(Sample sample, string[] args)
    {
        var options = SampleOptions.Parse(args, out var error);
        if (options is null || options.Help)
        {
            var writer = options is null ? Console.Error : Console.Out;
            if (error is not null)
            {
                writer.WriteLine($"{sample.Name}: error: {error}");
            }
            writer.WriteLine($"{sample.Name}: {sample.Title}");
            writer.WriteLine(SampleOptions.Usage(sample.Name));
            return options is null ? 2 : 0;
        }
        Console.WriteLine($"{sample.Name}: {sample.Title}");
        SampleReport report;
        try
        {
            report = Execute(sample, options, Console.Out);
        }
        catch (SampleCompileException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (RuntimeException e)
        {
            Console.Error.WriteLine($"{sample.Name}: device error: {e.Message}");
            return 1;
        }
        PrintReport(report, Console.Out);
        return report.Passed ? 0 : 1;
    }

    /// <summary>Compiles the kernel for <paramref name="options"/>, runs the sample on a fresh device, and returns
    /// its checks and launch statistics (the in-process entry point tests use).</summary>
    public static SampleReport Execute(Sample sample, SampleOptions options, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var compiled = Compilation.CompileFile(sample.KernelPath, new CompileOptions { Arch = options.Arch, OptimizationLevel = options.OptimizationLevel, ScheduleInstructions = !options.NoSchedule });
        clock.Stop();
        if (!compiled.Success)
        {
            throw new SampleCompileException($"{sample.Name}: {sample.KernelPath} does not compile for {options}:\n" +
                string.Join("\n", compiled.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        using var device = Device.Create(options.Arch);
        device.EstimateTiming = options.Timing;
        using var module = device.LoadModule(compiled.Module!);
        var ctx = new SampleContext(device, module, options, output);
        sample.Run(ctx);
        return new SampleReport(sample.Name, options, [.. ctx.Checks], [.. ctx.Launches], clock.Elapsed);
    }

    /// <summary>Prints the checks and the <c>--stats</c>-style figures.</summary>
    public static void PrintReport(SampleReport report, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var check in report.Checks)
        {
            output.WriteLine($"  check {check}");
        }
        if (report.Options.DetailedStats)
        {
            foreach (var l in report.Launches)
            {
                output.WriteLine(string.Create(inv,
                    $"  launch {l.Kernel}: {l.WarpInstructions:N0} warp instr, {l.ThreadInstructions:N0} thread instr, {l.Elapsed.TotalMilliseconds:F1} ms, " +
                    $"{l.DivergentBranches:N0} divergent branches, global {l.GlobalLoadBytes:N0} B loaded / {l.GlobalStoreBytes:N0} B stored, " +
                    $"shared {l.SharedLoadBytes:N0} / {l.SharedStoreBytes:N0} B, {l.Atomics:N0} atomics"));
            }
        }
        double seconds = report.DeviceTime.TotalSeconds;
        double rate = seconds > 0 ? report.ThreadInstructions / seconds : 0;
        output.WriteLine(string.Create(inv,
            $"  stats: {report.Launches.Count} launch(es), {report.WarpInstructions:N0} warp instructions, {report.ThreadInstructions:N0} thread instructions, " +
            $"device model {report.DeviceTime.TotalMilliseconds:F1} ms ({rate:G3} thread-instructions/s), compile {report.CompileTime.TotalMilliseconds:F0} ms"));
        if (report.Options.Timing)
        {
            var t = report.Launches.Select(l => l.Timing).OfType<TimingEstimate>().Aggregate(new TimingEstimate(), (a, b) => a.Add(b));
            output.WriteLine(string.Create(inv,
                $"  timing: {t.EstimatedCycles:N0} estimated cycles (latency-bound {t.LatencyBoundCycles:N0}, issue-bound {t.IssueBoundCycles:N0}), " +
                $"{t.StallCycles:N0} operand stall cycles, {t.BarrierStallCycles:N0} barrier stall cycles (summed over warps)"));
        }
        output.WriteLine(report.Passed ? $"{report.Sample} {report.Options}: PASSED" : $"{report.Sample} {report.Options}: FAILED");
    }
}

/// <summary>The sample's kernel did not compile (the message holds the compiler's diagnostics).</summary>
public sealed class SampleCompileException(string message) : Exception(message);
