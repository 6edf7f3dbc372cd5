using ByteChip.Samples.Common;

namespace ByteChip.Samples.Tests;

/// <summary>
/// Every sample's kernels compiled at -O0 and -O2 for n4 and n5, run on the device model in-process and
/// checked by the sample against its independent C# reference.
/// </summary>
public class SampleTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var sample in SampleCatalog.All)
        {
            foreach (var arch in new[] { "n4", "n5" })
            {
                foreach (var opt in new[] { 0, 2 })
                {
                    data.Add(sample.Name, opt, arch);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SampleMatchesItsReference(string sample, int opt, string arch)
    {
        var report = SampleRunner.Execute(SampleCatalog.Find(sample), new SampleOptions { Arch = arch, OptimizationLevel = opt }, TextWriter.Null);
        Assert.NotEmpty(report.Checks);
        Assert.NotEmpty(report.Launches);
        Assert.All(report.Checks, c => Assert.True(c.Count > 0 && c.Passed, $"{sample} -O{opt} {arch}: {c}"));
        Assert.True(report.ThreadInstructions > 0);
    }

    [Fact]
    public void EverySampleFolderIsInTheCatalog()
    {
        var root = FindRepositoryRoot();
        var folders = Directory.GetDirectories(Path.Combine(root, "samples"))
            .Where(d => File.Exists(Path.Combine(d, "kernel.cu")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(folders, SampleCatalog.All.Select(s => s.Name).Order(StringComparer.Ordinal).ToArray());
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ByteChip.Toolchain.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (ByteChip.Toolchain.sln) is not above " + AppContext.BaseDirectory);
    }
}
