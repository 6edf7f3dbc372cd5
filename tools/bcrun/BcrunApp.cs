using System.CommandLine;
using ByteChip.Runtime;

namespace ByteChip.Tools.Bcrun;

/// <summary>
/// The bcrun command line: <c>bcrun SPEC.json --out DIR [--stats] [--stats-json FILE] [--timing] [--arch n4|n5] [--threads N]
/// [--instruction-budget N] [--tolerance RULE]</c>. Outputs with an <c>"expected"</c> file are checked against it.
/// </summary>
public static class BcrunApp
{
    /// <summary>Runs bcrun; returns 0 on success, 1 for user errors (including device faults) and outputs that differ from their expectation, 2 for internal errors.</summary>
    public static int Execute(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var spec = new Argument<string>("SPEC") { Description = "The JSON launch description." };
        var output = new Option<string>("--out") { Description = "Directory the output buffers are written to as NAME.npy.", Required = true };
        var stats = new Option<bool>("--stats") { Description = "Print instructions, time, thread instructions per second, divergence and memory figures." };
        var statsJson = new Option<string?>("--stats-json") { Description = "Write the statistics as JSON to this file." };
        var timing = new Option<bool>("--timing")
        {
            Description = "Estimate device cycles per launch from the ISA spec's instruction latencies (estimated, latency-bound, "
                + "issue-bound, operand-stall and barrier-stall cycles) and add them to --stats and --stats-json; implies --stats when "
                + "neither is given. Results do not change; the run takes longer.",
        };
        var arch = new Option<string?>("--arch") { Description = "Device target n4 or n5 (default: the module's target)." };
        var threads = new Option<int?>("--threads") { Description = "Host threads blocks run on (default: all cores); results do not depend on it." };
        var budget = new Option<long?>("--instruction-budget") { Description = "Watchdog: warp instructions one launch may issue before it faults (BC7105)." };
        var tolerance = new Option<string?>("--tolerance") { Description = "How far float outputs may be from their \"expected\" files: ulp=N rel=X abs=X (any bound admits; default exact)." };
        var root = new RootCommand("Run kernels of a .bcbin module on the ByteChip device model from a JSON launch description.")
        {
            spec, output, stats, statsJson, timing, arch, threads, budget, tolerance,
        };
        int code = 0;
        root.SetAction(parse =>
        {
            bool timed = parse.GetValue(timing);
            string? json = parse.GetValue(statsJson);
            bool table = parse.GetValue(stats) || (timed && json is null);
            code = Run(parse.GetValue(spec)!, parse.GetValue(output)!, table, json, timed,
                parse.GetValue(arch), parse.GetValue(threads), parse.GetValue(budget), parse.GetValue(tolerance), stdout, stderr);
            return code;
        });
        var result = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return result.Invoke(config);
    }

    private static int Run(string specPath, string outputDirectory, bool stats, string? statsJson, bool timing, string? arch, int? threads, long? budget, string? toleranceText,
        TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var tolerance = Tolerance.Exact;
            try
            {
                tolerance = toleranceText is null ? Tolerance.Exact : Tolerance.Parse(toleranceText);
            }
            catch (FormatException e)
            {
                stderr.WriteLine($"bcrun: error {RuntimeError.InvalidSpec.CodeText()}: --tolerance: {e.Message}");
                return 1;
            }
            var options = new BcrunOptions(specPath, outputDirectory, stats, statsJson, arch, threads, budget, timing);
            if (options.Arch is { } a && ByteChip.Isa.TargetInfo.Find(a) is null)
            {
                stderr.WriteLine($"bcrun: error {RuntimeError.InvalidSpec.CodeText()}: --arch: unknown target '{a}' (use n4 or n5)");
                return 1;
            }
            if (options.Threads is < 1)
            {
                stderr.WriteLine($"bcrun: error {RuntimeError.InvalidSpec.CodeText()}: --threads: must be at least 1");
                return 1;
            }
            if (options.InstructionBudget is < 1)
            {
                stderr.WriteLine($"bcrun: error {RuntimeError.InvalidSpec.CodeText()}: --instruction-budget: must be at least 1");
                return 1;
            }
            var result = BcrunRunner.Run(options);
            var launches = result.Launches;
            var check = OutputCheck.Check(result.Spec, result.Outputs, tolerance);
            stdout.Write(check.Matches);
            stderr.Write(check.Differences);
            if (options.Stats)
            {
                stdout.Write(StatsReport.Table(launches));
            }
            if (options.StatsJsonPath is { } path)
            {
                File.WriteAllText(path, StatsReport.Json(launches));
            }
            return check.Passed ? 0 : 1;
        }
        catch (RuntimeException e)
        {
            stderr.WriteLine($"bcrun: error {e.Message}");
            return e.Error == RuntimeError.Internal ? 2 : 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"bcrun: error {RuntimeError.FileError.CodeText()}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"bcrun: internal error {RuntimeError.Internal.CodeText()}: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in bcrun; please report it with the launch description and module.");
            return 2;
        }
    }
}
