using System.Diagnostics;
using ByteChip.Compiler.Preprocessor;

namespace ByteChip.Compiler.Tests;

/// <summary>
/// Differential test of the preprocessor against gcc (<c>gcc -E -P -x c -undef</c>): each well-formed snippet must
/// give the same token sequence (whitespace-insensitive; gcc's output is split into tokens by our lexer, which is
/// not what is compared). When gcc is not on PATH the cases are reported as skipped with the reason;
/// <c>BYTECHIP_REQUIRE_GCC=1</c> makes a missing gcc a failure instead (CI sets it where gcc is installed).
/// </summary>
public class PreprocessorGccDifferentialTests
{
    public static TheoryData<string, string> Snippets()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, source) in GccSnippets.All)
        {
            data.Add(name, source);
        }
        return data;
    }

    [GccTheory]
    [MemberData(nameof(Snippets))]
    public void SameTokensAsGcc(string name, string source)
    {
        string gccOutput = Gcc.Preprocess(source);
        var expected = PpLexer.Lex(gccOutput, "gcc-output", 1, null).Select(t => t.Text).ToList();
        var (tokens, diagnostics, _) = FrontendHarness.Preprocess(source);
        Assert.True(diagnostics.Items.Count == 0, $"{name}: unexpected diagnostics:\n" + string.Join("\n", diagnostics.Items));
        var actual = tokens.Where(t => t.Kind != PpTokenKind.EndOfFile).Select(t => t.Text).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{name}: tokens differ from gcc\n  gcc:  {string.Join(" ", expected)}\n  ours: {string.Join(" ", actual)}");
    }

    [GccFact]
    public void TheSnippetsAreManyAndDistinct()
    {
        Assert.True(GccSnippets.All.Count >= 30, $"only {GccSnippets.All.Count} snippets");
        Assert.Equal(GccSnippets.All.Count, GccSnippets.All.Select(s => s.Name).Distinct().Count());
    }
}

/// <summary>Finds gcc on PATH and runs its preprocessor.</summary>
internal static class Gcc
{
    public const string RequireVariable = "BYTECHIP_REQUIRE_GCC";

    public static string? Path { get; } = Find();

    /// <summary>Null when the gcc cases can run (or must fail because gcc is required); else why they are skipped.</summary>
    public static string? SkipReason =>
        Path != null || Environment.GetEnvironmentVariable(RequireVariable) == "1"
            ? null
            : $"gcc was not found on PATH, so the differential preprocessor test against 'gcc -E' is skipped; set {RequireVariable}=1 to make this a failure";

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "gcc", "gcc.exe" })
            {
                string candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    public static string Preprocess(string source)
    {
        Assert.True(Path != null, $"gcc is required ({RequireVariable}=1) but was not found on PATH");
        var info = new ProcessStartInfo(Path!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-E", "-P", "-x", "c", "-undef", "-" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Write(source);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && stderr.Result.Length == 0, $"gcc -E rejected the snippet (exit {process.ExitCode}):\n{stderr.Result}");
        return stdout;
    }
}

/// <summary>A theory that reports itself skipped, with the reason, when gcc is missing and not required.</summary>
public sealed class GccTheoryAttribute : TheoryAttribute
{
    public GccTheoryAttribute()
    {
        if (Gcc.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that reports itself skipped, with the reason, when gcc is missing and not required.</summary>
public sealed class GccFactAttribute : FactAttribute
{
    public GccFactAttribute()
    {
        if (Gcc.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
