namespace ByteChip.Build.Tests;

/// <summary>
/// One project, built once for the class, that sets every option: binaries copied to the output directory
/// (ByteChipEmbedKernels=false), n5, -O0, a define, an include directory, extra flags, a per-kernel override and
/// a custom resource name. Its tests add a broken or a warning kernel and remove it again, and clean and rebuild,
/// leaving the project's other outputs whole after each of them.
/// </summary>
public sealed class CopyModeProjectFixture() : BuiltProjectFixture(CreateProject())
{
    public const string Kernel = """
        #include "clamp_limit.h"
        __global__ void clamp(int* x, int n) {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < n && x[i] > LIMIT) x[i] = LIMIT;
        }
        """;

    private static KernelTestProject CreateProject() =>
        KernelTestProject.Create("copymode", new Dictionary<string, string>
        {
            ["include/clamp_limit.h"] = "#pragma once\n#ifndef LIMIT\n#error LIMIT is defined by ByteChipDefines\n#endif\n",
            ["src/clamp.cu"] = Kernel,
            ["src/fast.cu"] = Kernel.Replace("void clamp(", "void clamp_fast(", StringComparison.Ordinal),
            ["Program.cs"] = "Console.WriteLine(\"copy mode\");\n",
        }, new Dictionary<string, string>
        {
            ["ByteChipEmbedKernels"] = "false",
            ["ByteChipArch"] = "n5",
            ["ByteChipOptimization"] = "O0",
            ["ByteChipDefines"] = "LIMIT=100",
            ["ByteChipIncludeDirectories"] = "include",
            ["ByteChipExtraFlags"] = "--maxrregcount 64",
        }, """

                <ByteChipKernel Update="src/fast.cu" Optimization="O3" Defines="%(Defines);FAST=1" />
            """);
}

public sealed class CopyModeAndDiagnosticsTests(CopyModeProjectFixture fixture) : IClassFixture<CopyModeProjectFixture>
{
    private KernelTestProject Project => fixture.Built();

    [Fact]
    public void CopyMode_CopiesBinariesToTheOutputDirectory_AndEmbedsNothing()
    {
        foreach (var name in new[] { "clamp", "fast" })
        {
            var copied = Path.Combine(Project.OutputDirectory, "src", name + ".bcbin");
            Assert.True(File.Exists(copied), copied);
            Assert.Equal(File.ReadAllBytes(Project.BinaryOf($"src/{name}.cu")), File.ReadAllBytes(copied));
        }
        Assert.Empty(Project.EmbeddedResources());
    }

    [Fact]
    public void PropertiesAndItemMetadata_ReachTheCompilerCommandLine()
    {
        var clamp = File.ReadAllText(Project.BinaryOf("src/clamp.cu") + ".cmd");
        Assert.Contains("--arch n5 -O0", clamp, StringComparison.Ordinal);
        Assert.Contains("-I " + Project.PathOf("include"), clamp, StringComparison.Ordinal);
        Assert.Contains("-D LIMIT=100", clamp, StringComparison.Ordinal);
        Assert.Contains("--diagnostics-format msbuild -MD -MF", clamp, StringComparison.Ordinal);
        Assert.EndsWith("--maxrregcount 64\n", clamp, StringComparison.Ordinal);
        Assert.DoesNotContain("FAST", clamp, StringComparison.Ordinal);

        var fast = File.ReadAllText(Project.BinaryOf("src/fast.cu") + ".cmd");
        Assert.Contains("--arch n5 -O3", fast, StringComparison.Ordinal);
        Assert.Contains("-D LIMIT=100 -D FAST=1", fast, StringComparison.Ordinal);
        // The binary says it is for n5: the device model for n4 refuses it, the one for n5 loads it.
        using var n5 = ByteChip.Runtime.Device.Create("n5");
        using var module = n5.LoadModuleFile(Project.BinaryOf("src/fast.cu"));
        Assert.Equal("clamp_fast", module.GetKernel("clamp_fast").Name);
    }

    [Fact]
    public void KernelError_IsAnMSBuildErrorWithFileLineColumnAndCode_AndFailsTheBuild()
    {
        Project.Write("src/broken.cu", "__global__ void broken(float* x) {\n    int i = threadIdx.x;\n    x[i] = undefined_thing + 1;\n}\n");
        try
        {
            var build = Project.Rebuild();
            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.Contains("Build FAILED.", build.Output, StringComparison.Ordinal);
            var expected = Project.PathOf("src/broken.cu") + "(3,12): error BC3001: use of undeclared identifier 'undefined_thing'";
            Assert.True(build.LinesWith(expected).Length > 0, $"no line with '{expected}' in:\n{build}");
            // Only the broken kernel compiled (the others are up to date) and nothing was copied for it.
            Assert.Equal(new HashSet<string> { "src/broken.cu" }, build.CompiledKernels);
            Assert.False(File.Exists(Project.BinaryOf("src/broken.cu")));
            // A failed kernel stays failed: the next build tries it again rather than calling it up to date.
            var again = Project.Rebuild();
            Assert.True(again.ExitCode != 0, again.ToString());
            Assert.Equal(new HashSet<string> { "src/broken.cu" }, again.CompiledKernels);
        }
        finally
        {
            // The other kernels' outputs are whole: the next build of any test needs no more than this.
            Project.Delete("src/broken.cu");
        }
    }

    [Fact]
    public void KernelWarning_IsAnMSBuildWarning_AndTheBuildSucceeds()
    {
        Project.Write("src/warns.cu", "#warning check this kernel\n" + CopyModeProjectFixture.Kernel.Replace("void clamp(", "void clamp_warns(", StringComparison.Ordinal));
        try
        {
            var build = Project.Rebuild();
            Assert.True(build.ExitCode == 0, build.ToString());
            var expected = Project.PathOf("src/warns.cu") + "(1,2): warning BC1005: check this kernel";
            Assert.True(build.LinesWith(expected).Length > 0, $"no line with '{expected}' in:\n{build}");
            Assert.True(File.Exists(Path.Combine(Project.OutputDirectory, "src", "warns.bcbin")));
        }
        finally
        {
            Project.Delete("src/warns.cu");
        }
    }

    [Fact]
    public void Clean_RemovesTheKernelOutputs()
    {
        var binary = Project.BinaryOf("src/clamp.cu");
        var copied = Path.Combine(Project.OutputDirectory, "src", "clamp.bcbin");
        Assert.True(File.Exists(binary) && File.Exists(copied));

        var clean = Project.Clean();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        foreach (var file in new[] { binary, binary + ".d", binary + ".cmd", copied })
        {
            Assert.False(File.Exists(file), $"{file} is still there after dotnet clean");
        }
        Assert.True(!Directory.Exists(Project.KernelOutputDirectory)
            || Directory.GetFiles(Project.KernelOutputDirectory, "*", SearchOption.AllDirectories).Length == 0);

        // Built again from nothing: both kernels compile.
        var build = Project.Rebuild();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(new HashSet<string> { "src/clamp.cu", "src/fast.cu" }, build.CompiledKernels);
        Assert.True(File.Exists(copied));
    }
}
