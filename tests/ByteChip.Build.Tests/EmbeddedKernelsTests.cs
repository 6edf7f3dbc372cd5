namespace ByteChip.Build.Tests;

/// <summary>
/// One project, built once for the class: two kernels (scale.cu includes common.h, add.cu includes nothing)
/// embedded by default, a removed kernel that would not compile, and a Program that runs both kernels through the
/// runtime and checks them against C#. The tests of the class run one after another on that project.
/// </summary>
public sealed class EmbeddedProjectFixture() : BuiltProjectFixture(CreateProject())
{
    public const string Header = """
        #pragma once
        #define SCALE 3.0f
        __device__ inline int global_index() { return blockIdx.x * blockDim.x + threadIdx.x; }
        """;

    public const string ScaleKernel = """
        #include "common.h"
        __global__ void scale(float* x, int n) {
            int i = global_index();
            if (i < n) x[i] = x[i] * SCALE;
        }
        """;

    public const string AddKernel = """
        __global__ void add(const int* a, const int* b, int* c, int n) {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < n) c[i] = a[i] + b[i];
        }
        """;

    public const string Program = """
        using ByteChip.Runtime;

        var assembly = typeof(Program).Assembly;
        using var device = Device.Create(args.Length > 0 ? args[0] : "n4");
        const int n = 1000;
        int bad = 0;

        var x = Enumerable.Range(0, n).Select(i => i * 0.5f - 7f).ToArray();
        using (var module = device.LoadModuleResource(assembly, "KernelApp.kernels.scale.bcbin"))
        using (var dx = device.Upload<float>(x))
        {
            module.GetKernel("scale").Launch((n + 127) / 128, 128, 0, dx, n);
            var r = dx.ToArray();
            bad += Enumerable.Range(0, n).Count(i => r[i] != x[i] * 3.0f);
        }

        var a = Enumerable.Range(0, n).Select(i => i * 7 - 300).ToArray();
        var b = Enumerable.Range(0, n).Select(i => 5000 - i * i % 977).ToArray();
        using (var module = device.LoadModuleResource(assembly, "KernelApp.kernels.add.bcbin"))
        using (var da = device.Upload<int>(a))
        using (var db = device.Upload<int>(b))
        using (var dc = device.Allocate<int>(n))
        {
            module.GetKernel("add").Launch((n + 127) / 128, 128, 0, da, db, dc, n);
            var c = dc.ToArray();
            bad += Enumerable.Range(0, n).Count(i => c[i] != a[i] + b[i]);
        }

        Console.WriteLine(bad == 0 ? "KernelApp: results match" : $"KernelApp: {bad} mismatches");
        return bad == 0 ? 0 : 1;
        """;

    private static KernelTestProject CreateProject() =>
        KernelTestProject.Create("embedded", new Dictionary<string, string>
        {
            ["kernels/common.h"] = Header,
            ["kernels/scale.cu"] = ScaleKernel,
            ["kernels/add.cu"] = AddKernel,
            // Would fail the build if it were compiled: the project removes it like a Compile item.
            ["experimental/broken.cu"] = "__global__ void broken( {\n",
            ["Program.cs"] = Program,
        }, items: """

                <ByteChipKernel Remove="experimental/**" />
            """);
}

public sealed class EmbeddedKernelsTests(EmbeddedProjectFixture fixture) : IClassFixture<EmbeddedProjectFixture>
{
    private KernelTestProject Project => fixture.Built();

    [Fact]
    public void FirstBuild_CompilesEveryKernelOnce_AndNotTheRemovedOne()
    {
        _ = fixture.Built();
        Assert.Equal(new HashSet<string> { "kernels/scale.cu", "kernels/add.cu" }, fixture.FirstBuild.CompiledKernels);
        foreach (var kernel in new[] { "kernels/scale.cu", "kernels/add.cu" })
        {
            var binary = Project.BinaryOf(kernel);
            Assert.True(File.Exists(binary), binary);
            Assert.Equal("\x7F" + "ELF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(binary), 0, 4));
            Assert.True(File.Exists(binary + ".d"), binary + ".d");
            Assert.True(File.Exists(binary + ".cmd"), binary + ".cmd");
        }
        Assert.False(File.Exists(Project.BinaryOf("experimental/broken.cu")));
        // The dependency file lists the kernel and the header it includes.
        var dependencies = DependencyFile.Parse(File.ReadAllText(Project.BinaryOf("kernels/scale.cu") + ".d"), Project.Directory);
        Assert.Contains(Project.PathOf("kernels/scale.cu"), dependencies);
        Assert.Contains(Project.PathOf("kernels/common.h"), dependencies);
    }

    [Fact]
    public void DefaultKernelItems_AreTheProjectsCuFiles_RemovableAndSwitchable()
    {
        Assert.Equal(["kernels/add.cu", "kernels/scale.cu"], Project.EvaluatedItems("ByteChipKernel"));
        Assert.Empty(Project.EvaluatedItems("ByteChipKernel", "EnableDefaultByteChipKernelItems=false"));
        // Kernels are not None items; the removed one is an ordinary file again.
        var none = Project.EvaluatedItems("None");
        Assert.DoesNotContain("kernels/add.cu", none);
        Assert.Contains("experimental/broken.cu", none);
    }

    [Fact]
    public void Binaries_AreEmbeddedUnderTheirLogicalNames_AndNotCopied()
    {
        var resources = Project.EmbeddedResources();
        Assert.Equal(["KernelApp.kernels.add.bcbin", "KernelApp.kernels.scale.bcbin"], resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Project.BinaryOf("kernels/scale.cu")), resources["KernelApp.kernels.scale.bcbin"]);
        Assert.Equal(File.ReadAllBytes(Project.BinaryOf("kernels/add.cu")), resources["KernelApp.kernels.add.bcbin"]);
        Assert.Empty(Directory.GetFiles(Project.OutputDirectory, "*.bcbin", SearchOption.AllDirectories));
    }

    [Fact]
    public void BuiltProgram_RunsTheEmbeddedKernelsThroughTheRuntime()
    {
        var run = Project.RunProgram();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("KernelApp: results match", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuilds_CompileExactlyTheKernelsWhoseSourcesChanged()
    {
        string scale = Project.BinaryOf("kernels/scale.cu"), add = Project.BinaryOf("kernels/add.cu");

        // Nothing changed: no kernel compiles, no binary is touched, and so C# does not compile either.
        var before = Stamps(scale, add);
        var nothing = Project.Rebuild();
        Assert.True(nothing.ExitCode == 0, nothing.ToString());
        Assert.Empty(nothing.CompiledKernels);
        Assert.Equal(before, Stamps(scale, add));
        Assert.Contains(nothing.LinesWith("Skipping target \"CoreCompile\""), l => l.Length > 0);

        // The kernel without headers changed: only it compiles.
        Project.Write("kernels/add.cu", EmbeddedProjectFixture.AddKernel + "\n// edited\n");
        var kernelChanged = Project.Rebuild();
        Assert.True(kernelChanged.ExitCode == 0, kernelChanged.ToString());
        Assert.Equal(new HashSet<string> { "kernels/add.cu" }, kernelChanged.CompiledKernels);
        Assert.Equal(before[0], Stamps(scale)[0]);
        Assert.Contains(kernelChanged.LinesWith("ByteChip: compiling kernels/add.cu"), l => l.Contains("(kernels/add.cu changed)", StringComparison.Ordinal));

        // The header changed: the kernel that includes it compiles, the other does not.
        var afterKernel = Stamps(scale, add);
        Project.Write("kernels/common.h", EmbeddedProjectFixture.Header + "\n// edited\n");
        var headerChanged = Project.Rebuild();
        Assert.True(headerChanged.ExitCode == 0, headerChanged.ToString());
        Assert.Equal(new HashSet<string> { "kernels/scale.cu" }, headerChanged.CompiledKernels);
        Assert.Contains(headerChanged.LinesWith("ByteChip: compiling kernels/scale.cu"), l => l.Contains("(kernels/common.h changed)", StringComparison.Ordinal));
        Assert.Equal(afterKernel[1], Stamps(add)[0]);
        Assert.NotEqual(afterKernel[0], Stamps(scale)[0]);

        // A changed option (a property on the command line) recompiles every kernel. The project stays at -O1:
        // the other tests of the class only read its outputs, which are as whole as before.
        var optionChanged = Project.Rebuild("-p:ByteChipOptimization=O1");
        Assert.True(optionChanged.ExitCode == 0, optionChanged.ToString());
        Assert.Equal(new HashSet<string> { "kernels/scale.cu", "kernels/add.cu" }, optionChanged.CompiledKernels);
        Assert.All(optionChanged.LinesWith("ByteChip: compiling"), l => Assert.Contains("(options changed)", l, StringComparison.Ordinal));
        // The program runs with the rebuilt kernels, embedded again.
        var run = Project.RunProgram();
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static DateTime[] Stamps(params string[] files) => [.. files.Select(File.GetLastWriteTimeUtc)];
}
