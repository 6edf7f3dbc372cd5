using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ByteChip.Differential.Tests.Generator;

namespace ByteChip.Differential.Tests.Runner;

/// <summary>Runs many generated programs; failures are reduced and written as ready-to-check-in regression cases.</summary>
public sealed class Campaign
{
    public required ulong FirstSeed { get; init; }

    public required int Programs { get; init; }

    /// <summary>The largest size class generated (see <see cref="ProgramGenerator.Generate"/>).</summary>
    public int MaxSize { get; init; } = 2;

    /// <summary>Where reduced cases go (null: no reduction).</summary>
    public string? OutputDirectory { get; init; }

    public TimeSpan ReductionBudget { get; init; } = TimeSpan.FromMinutes(3);

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public Action<string> Log { get; init; } = _ => { };

    public sealed record Summary(int Programs, TimeSpan Elapsed, IReadOnlyList<CheckResult> Failures);

    public static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;

    public static ulong EnvSeed(string name, ulong fallback) =>
        ulong.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong v) ? v : fallback;

    public Summary Run()
    {
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<CheckResult>();
        int done = 0;
        Parallel.For(0, Programs, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, i =>
        {
            ulong seed = FirstSeed + (ulong)i;
            var result = Oracle.Check(ProgramGenerator.Generate(seed, MaxSize));
            if (result.InvalidProgram || result.Mismatches.Count > 0)
            {
                failures.Add(result);
                Log(result.Describe());
                if (OutputDirectory is not null)
                {
                    WriteReducedCase(result);
                }
            }
            int n = Interlocked.Increment(ref done);
            if (n % 100 == 0)
            {
                Log($"{n} programs, {failures.Count} failing, {clock.Elapsed.TotalSeconds:F0} s");
            }
        });
        return new Summary(Programs, clock.Elapsed, failures.OrderBy(f => f.Program.Seed).ToList());
    }

    private void WriteReducedCase(CheckResult result)
    {
        Directory.CreateDirectory(OutputDirectory!);
        string name = $"seed-{result.Program.Seed}";
        if (result.InvalidProgram)
        {
            File.WriteAllText(Path.Combine(OutputDirectory!, name + ".invalid.cu"), result.Cuda + "\n/* C mirror:\n" + Emitter.C(result.Program) + "*/\n// " + result.ReferenceError.Replace("\n", "\n// ", StringComparison.Ordinal) + "\n");
            return;
        }
        var mismatch = result.Mismatches[0];
        var reduced = Reducer.Reduce(result.Program, Reducer.SameFailure(mismatch), ReductionBudget);
        var check = Oracle.Check(reduced);
        RegressionCase.Write(OutputDirectory!, name, reduced, check);
        Log($"reduced seed {result.Program.Seed} -> {Path.Combine(OutputDirectory!, name)}.cu\n{check.Describe()}");
    }
}

/// <summary>A checked-in regression case: <c>NAME.cu</c> (launch and input in its header) and <c>NAME.expected</c>
/// (the gcc reference's output words, one hexadecimal word a line).</summary>
public static class RegressionCase
{
    public static void Write(string directory, string name, Program program, CheckResult check)
    {
        var notes = string.Join("", check.Mismatches.Select(m => $"// FOUND: {m.Config}: {m.Description.Split('\n')[0]}\n"));
        File.WriteAllText(Path.Combine(directory, name + ".cu"), notes + Emitter.Cuda(program));
        File.WriteAllText(Path.Combine(directory, name + ".expected"), string.Join("\n", check.Reference!.Select(v => v.ToString("x8", CultureInfo.InvariantCulture))) + "\n");
    }

    public static uint[] ReadExpected(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => uint.Parse(l, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
}
