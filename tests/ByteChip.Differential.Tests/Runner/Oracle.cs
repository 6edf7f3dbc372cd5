using System.Text;
using ByteChip.Differential.Tests.Generator;

namespace ByteChip.Differential.Tests.Runner;

/// <summary>One configuration that disagrees with the gcc reference.</summary>
public sealed record Mismatch(Configuration Config, OutcomeKind Kind, string Description)
{
    /// <summary>What a reduced program must keep to count as the same failure: the kind and the first error code or exception type.</summary>
    public string Signature => Kind + ":" + System.Text.RegularExpressions.Regex.Match(Description, @"BC\d{4}|\b\w+Exception\b").Value;

    public override string ToString() => $"{Config}: {Description}";
}

/// <summary>The results of one program: the reference and every configuration.</summary>
public sealed record CheckResult(Program Program, string Cuda, uint[]? Reference, string ReferenceError, IReadOnlyList<Mismatch> Mismatches)
{
    /// <summary>The generator produced something gcc rejects or that does not run: a bug of the generator.</summary>
    public bool InvalidProgram => Reference is null;

    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append($"seed {Program.Seed}: ");
        if (InvalidProgram)
        {
            sb.Append("invalid program (reference failed): ").Append(ReferenceError);
        }
        foreach (var m in Mismatches)
        {
            sb.Append('\n').Append("  ").Append(m);
        }
        return sb.ToString();
    }
}

public static class Oracle
{
    /// <summary>Compiles and runs a program in every configuration and compares each with the gcc reference.</summary>
    public static CheckResult Check(Program program, IReadOnlyList<Configuration>? configs = null)
    {
        string cuda = Emitter.Cuda(program);
        var reference = GccReference.Run(Emitter.C(program), out string error);
        if (reference is null)
        {
            return new CheckResult(program, cuda, null, error, []);
        }
        var mismatches = new List<Mismatch>();
        foreach (var config in configs ?? Configuration.All)
        {
            var outcome = DeviceExecution.Run(cuda, LaunchInfo.Of(program), config);
            if (Compare(reference, outcome) is { } description)
            {
                mismatches.Add(new Mismatch(config, outcome.Kind, description));
            }
        }
        return new CheckResult(program, cuda, reference, "", mismatches);
    }

    /// <summary>Null when the outcome matches the expected words; otherwise what differs.</summary>
    public static string? Compare(uint[] expected, Outcome outcome)
    {
        if (outcome.Kind != OutcomeKind.Ok)
        {
            string text = outcome.ToString();
            return text.Length > 600 ? text[..600] + " ..." : text;
        }
        var actual = outcome.Output!;
        if (actual.Length != expected.Length)
        {
            return $"{actual.Length} output words, {expected.Length} expected";
        }
        var differing = Enumerable.Range(0, expected.Length).Where(i => expected[i] != actual[i]).ToList();
        if (differing.Count == 0)
        {
            return null;
        }
        int first = differing[0];
        int thread = first / Program.OutputsPerThread;
        return $"{differing.Count} of {expected.Length} output words differ; first out[{first}] (thread {thread}, word {first % Program.OutputsPerThread}): expected 0x{expected[first]:x8}, got 0x{actual[first]:x8}";
    }
}
