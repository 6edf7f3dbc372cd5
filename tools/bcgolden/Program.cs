using System.CommandLine;
using System.Diagnostics;

namespace ByteChip.Tools.Bcgolden;

/// <summary>
/// bcgolden: runs the golden-output regression suite. <c>bcgolden [--filter TEXT] [--bless] [-j N] [DIR]</c>
/// prints a progress line, each failure with its report (a unified diff for precise outputs), what blessing
/// changed, and a last line <c>N passed, N failed</c>. Exit code 0 when every case passes, 1 otherwise.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, !Console.IsErrorRedirected);

    /// <summary>Runs the command line with the given writers; <paramref name="interactive"/> redraws the progress line in place.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var dir = new Argument<string?>("DIR") { Description = "The suite's folder (default: tests/golden of this checkout).", Arity = ArgumentArity.ZeroOrOne };
        var filter = new Option<string?>("--filter") { Description = "Run only the cases whose path contains TEXT." };
        var bless = new Option<bool>("--bless") { Description = "Rewrite the precise expectations that differ (as BYTECHIP_BLESS=1); CHECK lines are never touched." };
        var jobs = new Option<int>("-j") { Description = "Cases run in parallel (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var root = new RootCommand("Run the ByteChip golden-output regression suite.") { dir, filter, bless, jobs };
        int code = 0;
        root.SetAction(parse =>
        {
            var suite = new GoldenSuite(parse.GetValue(dir) ?? GoldenSuite.DefaultRoot(), parse.GetValue(bless) || GoldenSuite.BlessRequested);
            code = RunSuite(suite, parse.GetValue(filter), Math.Max(1, parse.GetValue(jobs)), stdout, stderr, interactive);
            return code;
        });
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static int RunSuite(GoldenSuite suite, string? filter, int jobs, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var cases = suite.Discover(filter);
        if (cases.Count == 0)
        {
            stderr.WriteLine($"bcgolden: no cases in '{suite.Root}'{(filter is null ? "" : $" matching '{filter}'")}");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var gate = new object();
        int done = 0, failed = 0;
        var results = new CaseResult[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
        {
            var r = suite.Run(cases[i]);
            results[i] = r;
            lock (gate)
            {
                done++;
                if (!r.Passed)
                {
                    failed++;
                }
                if (interactive)
                {
                    stderr.Write($"\r\u001b[K[{done}/{cases.Count}] {failed} failed  {r.Case}");
                }
                else if (done % 25 == 0 || done == cases.Count)
                {
                    stderr.WriteLine($"[{done}/{cases.Count}] {failed} failed");
                }
            }
        });
        if (interactive)
        {
            stderr.Write("\r\u001b[K");
        }
        foreach (var r in results.Where(r => !r.Passed))
        {
            stdout.WriteLine($"FAIL: {r.Case} ({r.Elapsed.TotalSeconds:F2} s)");
            stdout.WriteLine(r.Report.TrimEnd('\n'));
            stdout.WriteLine();
        }
        foreach (var r in results.Where(r => r.Blessed.Count > 0))
        {
            foreach (var b in r.Blessed)
            {
                stdout.WriteLine($"BLESSED: {b.TrimEnd('\n')}");
            }
        }
        foreach (var r in results.Where(r => r.ExpectedFailure is not null))
        {
            stdout.WriteLine($"XFAIL: {r.Case}: {r.ExpectedFailure}");
        }
        var slowest = results.OrderByDescending(r => r.Elapsed).Take(5).Select(r => $"{r.Case} {r.Elapsed.TotalSeconds:F2} s");
        stdout.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s; slowest: {string.Join(", ", slowest)}");
        stdout.WriteLine($"{cases.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
