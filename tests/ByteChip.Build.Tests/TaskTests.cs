using System.Collections;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ByteChip.Build.Tests;

/// <summary>
/// The ByteChipCompile task run in-process with a recording build engine: how it names and places outputs, how it
/// rejects bad metadata, and (with the packaged bytechipcc) what it compiles again and why. Fast: no MSBuild.
/// </summary>
public sealed class TaskTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bytechip-task-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly FakeBuildEngine _engine = new();

    public TaskTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Planning_NamesResourcesAndPlacesBinariesByRelativePath()
    {
        var outside = Path.Combine(Path.GetTempPath(), "elsewhere", "shared.cu");
        var task = NewTask(skipCompile: true,
            Item("kernels/sub/a.cu"),
            Item("b.cu", ("LogicalName", "Custom.Name")),
            Item(outside, ("Link", "linked/shared.cu")),
            Item(Path.Combine(Path.GetTempPath(), "elsewhere", "lone.cu")));
        Assert.True(task.Execute(), _engine.Text);
        var binaries = task.Binaries.ToDictionary(b => b.GetMetadata("Source"));
        var a = binaries[Path.Combine(_dir, "kernels", "sub", "a.cu")];
        Assert.Equal(Path.Combine(_dir, "out", "kernels", "sub", "a.bcbin"), a.ItemSpec);
        Assert.Equal("App.kernels.sub.a.bcbin", a.GetMetadata("LogicalName"));
        Assert.Equal(Path.Combine("kernels", "sub", "a.bcbin"), a.GetMetadata("TargetPath"));
        Assert.Equal("Custom.Name", binaries[Path.Combine(_dir, "b.cu")].GetMetadata("LogicalName"));
        Assert.Equal("App.linked.shared.bcbin", binaries[outside].GetMetadata("LogicalName"));
        Assert.Equal("App.lone.bcbin", binaries[Path.Combine(Path.GetTempPath(), "elsewhere", "lone.cu")].GetMetadata("LogicalName"));
        // Each kernel owns its binary, dependency file and command file.
        Assert.Equal(12, task.GeneratedFiles.Length);
        Assert.Empty(task.CompiledKernels);
    }

    [Fact]
    public void Planning_RejectsABadOptimizationAndTwoKernelsWithOneBinary()
    {
        var task = NewTask(skipCompile: true,
            Item("a.cu", ("Optimization", "O7")),
            Item("x/b.cu"),
            Item(Path.Combine(Path.GetTempPath(), "b.cu"), ("Link", "x/b.cu")));
        Assert.False(task.Execute());
        Assert.Contains(_engine.Errors, e => e.Code == ByteChipCompile.TaskErrorCode && e.Message!.Contains("invalid Optimization 'O7'", StringComparison.Ordinal));
        Assert.Contains(_engine.Errors, e => e.Code == ByteChipCompile.TaskErrorCode && e.Message!.Contains("would both compile to", StringComparison.Ordinal));
    }

    [Fact]
    public void Compilation_IsRepeatedOnlyWhenAnInputOrTheCommandChanges()
    {
        File.WriteAllText(Path.Combine(_dir, "k.h"), "#define K 2\n");
        File.WriteAllText(Path.Combine(_dir, "k.cu"), "#include \"k.h\"\n__global__ void k(int* x) { x[threadIdx.x] *= K; }\n");

        var first = NewTask(skipCompile: false, Item("k.cu"));
        Assert.True(first.Execute(), _engine.Text);
        Assert.Single(first.CompiledKernels);

        var second = NewTask(skipCompile: false, Item("k.cu"));
        Assert.True(second.Execute(), _engine.Text);
        Assert.Empty(second.CompiledKernels);

        var otherArch = NewTask(skipCompile: false, Item("k.cu", ("Arch", "n5")));
        Assert.True(otherArch.Execute(), _engine.Text);
        Assert.Single(otherArch.CompiledKernels);
        Assert.Contains("(options changed)", _engine.Text, StringComparison.Ordinal);

        // The header is gone: the kernel compiles again, and the compiler's error names the include line.
        File.Delete(Path.Combine(_dir, "k.h"));
        _engine.Clear();
        var gone = NewTask(skipCompile: false, Item("k.cu", ("Arch", "n5")));
        Assert.False(gone.Execute());
        Assert.Contains("(k.h is gone)", _engine.Text, StringComparison.Ordinal);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal((Path.Combine(_dir, "k.cu"), 1, 10, "BC1001"), (error.File, error.LineNumber, error.ColumnNumber, error.Code));
        // A failed compilation leaves no record, so the next build tries again.
        Assert.False(File.Exists(Path.Combine(_dir, "out", "k.bcbin.cmd")));
    }

    private ByteChipCompile NewTask(bool skipCompile, params ITaskItem[] sources) => new()
    {
        BuildEngine = _engine,
        Sources = sources,
        CompilerPath = skipCompile ? Path.Combine(_dir, "no-compiler.dll") : TestPackage.Instance.PackagedCompiler,
        ProjectDirectory = _dir,
        OutputDirectory = "out/",
        RootNamespace = "App",
        SkipCompile = skipCompile,
        DotnetHostPath = DotnetCli.Host,
    };

    private static TaskItem Item(string path, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(path);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }
        return item;
    }

    /// <summary>Keeps what the task logs.</summary>
    private sealed class FakeBuildEngine : IBuildEngine
    {
        private readonly List<BuildEventArgs> _events = [];

        public IEnumerable<BuildErrorEventArgs> Errors => _events.OfType<BuildErrorEventArgs>();

        public string Text => string.Join("\n", _events.Select(e => e.Message));

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.csproj";

        public void Clear() => _events.Clear();

        public void LogErrorEvent(BuildErrorEventArgs e) => _events.Add(e);

        public void LogWarningEvent(BuildWarningEventArgs e) => _events.Add(e);

        public void LogMessageEvent(BuildMessageEventArgs e) => _events.Add(e);

        public void LogCustomEvent(CustomBuildEventArgs e) => _events.Add(e);

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
    }
}
