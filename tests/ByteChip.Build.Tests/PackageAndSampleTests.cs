using System.IO.Compression;

namespace ByteChip.Build.Tests;

/// <summary>The packed package's layout, and samples/KernelProject built against it and run.</summary>
public sealed class PackageAndSampleTests
{
    [Fact]
    public void Package_HasTheTaskTheMSBuildFilesAndBytechipcc()
    {
        var package = TestPackage.Instance;
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[]
        {
            "build/ByteChip.Build.props", "build/ByteChip.Build.targets",
            "buildTransitive/ByteChip.Build.props", "buildTransitive/ByteChip.Build.targets",
            "tasks/net10.0/ByteChip.Build.dll",
            "tools/bytechipcc/bytechipcc.dll", "tools/bytechipcc/bytechipcc.runtimeconfig.json", "tools/bytechipcc/bytechipcc.deps.json",
            "tools/bytechipcc/ByteChip.Compiler.dll", "tools/bytechipcc/ByteChip.Isa.dll", "README.md",
        })
        {
            Assert.True(entries.Contains(expected), $"{expected} is not in the package: {string.Join(", ", entries.Order())}");
        }
        // MSBuild's own assemblies come from the MSBuild that loads the task; nothing goes to lib/ (no reference).
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal) || e.StartsWith("lib/", StringComparison.Ordinal));
        var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.DoesNotContain("<dependency ", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleKernelProject_BuildsAgainstThePackage_AndItsProgramPasses()
    {
        var package = TestPackage.Instance;
        var sample = Path.Combine(DotnetCli.RepoRoot, "samples", "KernelProject");
        var build = DotnetCli.Run(sample, package.CliEnvironment,
            "build", "-c", DotnetCli.Configuration, "-nodeReuse:false", "-tl:off", "-v:m",
            $"-p:RestoreConfigFile={package.NuGetConfig}",
            $"-p:ByteChipBuildVersion={package.Version}",
            $"-p:ByteChipRuntimeAssembly={TestPackage.RuntimeAssembly}");
        Assert.True(build.ExitCode == 0, build.ToString());

        var assembly = Path.Combine(sample, "bin", DotnetCli.Configuration, "net10.0", "KernelProject.dll");
        var resources = KernelTestProject.ReadResources(assembly);
        Assert.Contains("ByteChip.Samples.KernelProject.kernels.saxpy.bcbin", resources.Keys);
        Assert.Contains("ByteChip.Samples.KernelProject.kernels.block_sum.bcbin", resources.Keys);

        var run = DotnetCli.Run(sample, package.CliEnvironment, assembly);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("KernelProject: all results match", run.Output, StringComparison.Ordinal);
    }
}
