using System.Diagnostics;
using ByteChip.Isa.ObjectFormat;
using Xunit.Abstractions;

namespace ByteChip.Isa.Tests.ObjectFormat;

/// <summary>A fact that is skipped, with the reason shown in the test output, when <c>readelf</c> is not on PATH.</summary>
public sealed class ReadelfFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when readelf cannot be found.</summary>
    public ReadelfFactAttribute()
    {
        if (ReadelfTests.FindReadelf() is null)
        {
            Skip = "readelf is not on PATH (install binutils: apt-get install -y binutils); the readelf check did not run";
        }
    }
}

/// <summary><c>readelf -a</c> shows every .bcbin without a warning or error.</summary>
public sealed class ReadelfTests(ITestOutputHelper output)
{
    public static string? FindReadelf()
    {
        string name = OperatingSystem.IsWindows() ? "readelf.exe" : "readelf";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    [ReadelfFact]
    public void RichModuleIsCleanUnderReadelf()
    {
        string text = Readelf(SampleModules.Rich(TargetArch.N5), "rich");
        Assert.Contains("REL (Relocatable file)", text);
        Assert.Contains("0xbc01", text);
        Assert.Contains("0x10500", text);
        foreach (string section in new[] { ".text.saxpy", ".rela.text.saxpy", ".text._Z6reduceILi256EEvPKfPfi", ".bc.kernels", ".bc.objects", ".bc.lines", ".bc.const", ".data", ".rela.data", ".bss", ".symtab", ".strtab", ".shstrtab" })
        {
            Assert.Contains(section, text);
        }

        Assert.Matches(@"32 FUNC\s+GLOBAL DEFAULT\s+\d+ saxpy", text);
        Assert.Matches(@"4 OBJECT\s+GLOBAL DEFAULT\s+\d+ scale", text);
    }

    [ReadelfFact]
    public void RandomAndEmptyModulesAreCleanUnderReadelf()
    {
        Readelf(new BcModule { Target = TargetArch.N4 }, "empty");
        for (int seed = 0; seed < 5; seed++)
        {
            Readelf(SampleModules.Random(seed), $"random{seed}");
        }
    }

    private string Readelf(BcModule module, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bytechip-readelf-{Environment.ProcessId}-{name}.bcbin");
        File.WriteAllBytes(path, BcModuleWriter.Write(module));
        try
        {
            var start = new ProcessStartInfo(FindReadelf()!, ["-a", "-W", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string all = stdout + stderr.Result;
            var bad = all.Split('\n').Where(l => l.Contains("Warning", StringComparison.OrdinalIgnoreCase) || l.Contains("Error", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(bad.Count == 0 && process.ExitCode == 0, $"readelf exit {process.ExitCode} on {name}:\n{string.Join('\n', bad)}\n{all}");
            output.WriteLine($"readelf -a {name}: clean, {all.Split('\n').Length} lines");
            return all;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
