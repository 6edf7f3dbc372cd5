using System.Diagnostics;
using Xunit.Abstractions;

namespace ByteChip.Tools.Tests;

/// <summary>A fact that is skipped, with the reason shown in the test output, when <c>readelf</c> is not on PATH.</summary>
public sealed class ReadelfFactAttribute : FactAttribute
{
    public ReadelfFactAttribute()
    {
        if (ReadelfTests.FindReadelf() is null)
        {
            Skip = "readelf is not on PATH (install binutils: apt-get install -y binutils); the readelf check of bcas output did not run";
        }
    }
}

/// <summary><c>readelf -a</c> reads what <c>bcas</c> writes without a warning.</summary>
public sealed class ReadelfTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static string? FindReadelf()
    {
        var name = OperatingSystem.IsWindows() ? "readelf.exe" : "readelf";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    [ReadelfFact]
    public void AssembledSaxpyIsCleanUnderReadelf()
    {
        var binary = _temp.Write("saxpy.bcbin", ToolProcess.SaxpyModule);

        var start = new ProcessStartInfo(FindReadelf()!, ["-a", "-W", binary]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "readelf did not finish");
        var all = stdout + stderr.Result;

        var complaints = all.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase) || l.Contains("error", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(process.ExitCode == 0 && complaints.Count == 0, $"readelf exit {process.ExitCode}:\n{string.Join('\n', complaints)}\n{all}");
        Assert.Contains("0xbc01", all);
        Assert.Contains(".text.saxpy", all);
        Assert.Matches(@"FUNC\s+GLOBAL DEFAULT\s+\d+ saxpy", all);
        output.WriteLine($"readelf -a -W saxpy.bcbin: clean, {all.Split('\n').Length} lines");
    }
}
