using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ByteChip.Build;

/// <summary>
/// Compiles <c>ByteChipKernel</c> items with bytechipcc (<c>dotnet bytechipcc.dll</c>, a tool process without a console
/// window), one process per out-of-date kernel, several at a time. A kernel is out of date when its binary, its
/// dependency file or its recorded command line is missing, when the command line changed (options, compiler), or
/// when the kernel or any header listed in the dependency file of its previous compilation (<c>-MD</c>) is newer
/// than the binary or gone. Compiler diagnostics (<c>--diagnostics-format msbuild</c>) become MSBuild errors,
/// warnings and messages with file, line, column and code.
/// </summary>
public sealed class ByteChipCompile : ToolTask
{
    /// <summary>Our own errors (bad item metadata, clashing outputs); the compiler's codes are BC0000-BC9999.</summary>
    public const string TaskErrorCode = "BCB001";

    // No subcategory: MSBuild then prints the canonical "file(line,col): error BC3001: message".
    private const string? Subcategory = null;
    private KernelJob? _job;
    private readonly ConcurrentDictionary<ByteChipCompile, byte> _running = new();
    private volatile bool _cancelled;

    /// <summary>The kernels: <c>ByteChipKernel</c> items with optional metadata Arch, Optimization, IncludeDirectories,
    /// Defines, ExtraFlags, LogicalName and Link.</summary>
    [Required]
    public ITaskItem[] Sources { get; set; } = [];

    /// <summary>bytechipcc.dll (run as <c>dotnet bytechipcc.dll</c>) or a native bytechipcc executable (run directly).</summary>
    [Required]
    public string CompilerPath { get; set; } = "";

    /// <summary>The project's folder: relative paths and the compiler's working directory.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Where the binaries go (relative to the project or rooted), mirroring the kernels' folders.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The prefix of the default resource names: <c>RootNamespace.relative.path.kernel.bcbin</c>.</summary>
    public string RootNamespace { get; set; } = "";

    /// <summary>The dotnet host; empty: DOTNET_HOST_PATH (set by the dotnet CLI), then PATH.</summary>
    public string DotnetHostPath { get; set; } = "";

    /// <summary>How many kernels compile at once; 0 or less: the number of processors.</summary>
    public int MaxParallelism { get; set; }

    /// <summary>Only compute the outputs (design-time builds, clean): run no compiler.</summary>
    public bool SkipCompile { get; set; }

    /// <summary>Every kernel's binary (compiled now or up to date), with metadata Source, LogicalName, TargetPath,
    /// DependencyFile and Arch.</summary>
    [Output]
    public ITaskItem[] Binaries { get; private set; } = [];

    /// <summary>The kernels compiled by this run (the up-to-date ones are not).</summary>
    [Output]
    public ITaskItem[] CompiledKernels { get; private set; } = [];

    /// <summary>Every file this task owns (binaries, dependency files, command files): for FileWrites and clean.</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = [];

    protected override string ToolName => RunsThroughDotnet ? (OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet") : Path.GetFileName(CompilerPath);

    /// <summary>A managed bytechipcc.dll needs the dotnet host; a native (NativeAOT) bytechipcc runs by itself.</summary>
    private bool RunsThroughDotnet => CompilerPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    public override bool Execute()
    {
        if (_job != null)
        {
            return base.Execute();
        }

        var jobs = PlanJobs();
        if (jobs == null)
        {
            return false;
        }
        Binaries = [.. jobs.Select(BinaryItem)];
        GeneratedFiles = [.. jobs.SelectMany(j => new[] { j.Output, j.DependencyFile, j.CommandFile }).Select(f => new TaskItem(f))];
        if (SkipCompile || jobs.Count == 0)
        {
            return true;
        }
        if (!File.Exists(CompilerPath))
        {
            Log.LogError(Subcategory, TaskErrorCode, null, null, 0, 0, 0, 0, $"bytechipcc not found at '{CompilerPath}' (set ByteChipCompilerPath)");
            return false;
        }
        if (!RunsThroughDotnet && !OperatingSystem.IsWindows() && !EnsureExecutable(CompilerPath))
        {
            return false;
        }

        var stale = new List<(KernelJob Job, string Reason)>();
        foreach (var job in jobs)
        {
            var reason = OutOfDateReason(job, CommandLineOf(job));
            if (reason == null)
            {
                Log.LogMessage(MessageImportance.Low, $"ByteChip: {job.RelativePath} is up to date ({job.Output})");
            }
            else
            {
                stale.Add((job, reason));
            }
        }
        if (stale.Count == 0)
        {
            return true;
        }

        int parallelism = Math.Max(1, Math.Min(stale.Count, MaxParallelism > 0 ? MaxParallelism : Environment.ProcessorCount));
        var engines = stale.Select(_ => new RecordingBuildEngine(BuildEngine)).ToArray();
        var succeeded = new ConcurrentDictionary<int, bool>();
        Parallel.For(0, stale.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var job = stale[i].Job;
            if (_cancelled)
            {
                succeeded[i] = false;
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(job.Output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(job.DependencyFile)!);
            // A failed or interrupted compilation must not leave a command file that says the binary is current.
            TryDelete(job.CommandFile);
            var one = ForJob(job, engines[i]);
            one.Log.LogMessage(MessageImportance.Normal, $"ByteChip: compiling {job.RelativePath} -> {job.Output} ({stale[i].Reason})");
            _running[one] = 0;
            bool ok;
            try
            {
                ok = !_cancelled && one.Execute() && !one.Log.HasLoggedErrors;
                if (ok && !File.Exists(job.Output))
                {
                    one.Log.LogError(Subcategory, TaskErrorCode, null, job.Source, 0, 0, 0, 0, $"bytechipcc succeeded but wrote no '{job.Output}'");
                    ok = false;
                }
            }
            finally
            {
                _running.TryRemove(one, out _);
            }
            if (ok)
            {
                File.WriteAllText(job.CommandFile, CommandLineOf(job));
            }
            succeeded[i] = ok;
        });

        var compiled = new List<ITaskItem>();
        bool allOk = true;
        for (int i = 0; i < stale.Count; i++)
        {
            engines[i].ReplayTo(BuildEngine);
            if (succeeded.GetValueOrDefault(i))
            {
                compiled.Add(new TaskItem(stale[i].Job.Source));
            }
            else
            {
                allOk = false;
            }
        }
        CompiledKernels = [.. compiled];
        // Every failure has logged its error (or was cancelled, when MSBuild expects no error).
        return allOk;
    }

    /// <summary>Stops the compilations under way (Ctrl+C, a cancelled build) and starts no more.</summary>
    public override void Cancel()
    {
        _cancelled = true;
        base.Cancel();
        foreach (var one in _running.Keys)
        {
            one.Cancel();
        }
    }

    /// <summary>Why <paramref name="job"/> must be compiled, or null when its binary is up to date.</summary>
    internal string? OutOfDateReason(KernelJob job, string commandLine)
    {
        if (!File.Exists(job.Output))
        {
            return "no binary yet";
        }
        if (!File.Exists(job.CommandFile) || !File.Exists(job.DependencyFile))
        {
            return "no record of the previous compilation";
        }
        if (!string.Equals(File.ReadAllText(job.CommandFile), commandLine, StringComparison.Ordinal))
        {
            return "options changed";
        }
        var built = File.GetLastWriteTimeUtc(job.Output);
        IReadOnlyList<string> dependencies;
        try
        {
            dependencies = DependencyFile.Parse(File.ReadAllText(job.DependencyFile), ProjectDirectoryFull);
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            return "unreadable dependency file";
        }
        foreach (var file in dependencies.Contains(job.Source) ? dependencies : dependencies.Prepend(job.Source))
        {
            if (!File.Exists(file))
            {
                return $"{DisplayPath(file)} is gone";
            }
            if (File.GetLastWriteTimeUtc(file) > built)
            {
                return $"{DisplayPath(file)} changed";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // One kernel: the ToolTask part.
    // ---------------------------------------------------------------------------------------------------------

    private ByteChipCompile ForJob(KernelJob job, IBuildEngine engine) => new()
    {
        _job = job,
        BuildEngine = engine,
        HostObject = HostObject,
        Sources = Sources,
        CompilerPath = CompilerPath,
        ProjectDirectory = ProjectDirectory,
        OutputDirectory = OutputDirectory,
        RootNamespace = RootNamespace,
        DotnetHostPath = DotnetHostPath,
        ToolPath = ToolPath,
        ToolExe = ToolExe,
        EnvironmentVariables = EnvironmentVariables,
        Timeout = Timeout,
        EchoOff = EchoOff,
    };

    protected override string GenerateFullPathToTool()
    {
        if (!RunsThroughDotnet)
        {
            return Path.GetFullPath(CompilerPath);
        }
        if (!string.IsNullOrEmpty(DotnetHostPath))
        {
            return DotnetHostPath;
        }
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, ToolName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return ToolName;
    }

    protected override string GenerateCommandLineCommands() => Arguments(_job ?? throw new InvalidOperationException("no kernel"));

    protected override string GetWorkingDirectory() => ProjectDirectoryFull;

    protected override void LogToolCommand(string message) => Log.LogCommandLine(MessageImportance.Normal, message);

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (!CompilerDiagnostic.TryParse(singleLine, out var d))
        {
            Log.LogMessage(messageImportance, singleLine);
            return;
        }
        // A diagnostic without a location (a missing file, an internal error) is about the kernel being compiled.
        string? file = d.File ?? _job?.Source;
        switch (d.Severity)
        {
            case CompilerDiagnosticSeverity.Error:
                Log.LogError(Subcategory, d.Code, null, file, d.Line, d.Column, 0, 0, d.Message);
                break;
            case CompilerDiagnosticSeverity.Warning:
                Log.LogWarning(Subcategory, d.Code, null, file, d.Line, d.Column, 0, 0, d.Message);
                break;
            default:
                Log.LogMessage(Subcategory, d.Code, null, file, d.Line, d.Column, 0, 0, MessageImportance.High, d.Message);
                break;
        }
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
        {
            Log.LogError(Subcategory, TaskErrorCode, null, _job?.Source, 0, 0, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"bytechipcc failed with exit code {ExitCode} without a diagnostic"));
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Planning: paths, names and options of each kernel.
    // ---------------------------------------------------------------------------------------------------------

    private string ProjectDirectoryFull => Path.GetFullPath(string.IsNullOrEmpty(ProjectDirectory) ? "." : ProjectDirectory);

    private List<KernelJob>? PlanJobs()
    {
        var jobs = new List<KernelJob>();
        var outputs = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        string projectDir = ProjectDirectoryFull;
        string outputDir = Path.GetFullPath(Path.Combine(projectDir, OutputDirectory));
        bool ok = true;
        foreach (var item in Sources)
        {
            string source = Path.GetFullPath(Path.Combine(projectDir, item.ItemSpec));
            string relative = RelativePathOf(item, source, projectDir);
            string optimization = NormalizeOptimization(item.GetMetadata("Optimization"));
            if (optimization.Length == 0)
            {
                Log.LogError(Subcategory, TaskErrorCode, null, source, 0, 0, 0, 0,
                    $"invalid Optimization '{item.GetMetadata("Optimization")}' (expected O0, O1, O2 or O3)");
                ok = false;
                continue;
            }
            string binaryRelative = Path.ChangeExtension(relative, ".bcbin");
            string output = Path.GetFullPath(Path.Combine(outputDir, binaryRelative));
            if (outputs.TryGetValue(output, out var other))
            {
                Log.LogError(Subcategory, TaskErrorCode, null, source, 0, 0, 0, 0,
                    $"kernels '{other}' and '{source}' would both compile to '{output}': give one of them a different Link");
                ok = false;
                continue;
            }
            outputs[output] = source;
            string logicalName = item.GetMetadata("LogicalName");
            if (string.IsNullOrWhiteSpace(logicalName))
            {
                logicalName = DefaultLogicalName(RootNamespace, binaryRelative);
            }
            string arch = item.GetMetadata("Arch").Trim();
            jobs.Add(new KernelJob(
                source,
                relative,
                output,
                output + ".d",
                output + ".cmd",
                logicalName,
                binaryRelative,
                arch.Length == 0 ? "n4" : arch,
                optimization,
                [.. SplitList(item.GetMetadata("IncludeDirectories")).Select(d => Path.GetFullPath(Path.Combine(projectDir, d)))],
                [.. SplitList(item.GetMetadata("Defines"))],
                item.GetMetadata("ExtraFlags").Trim()));
        }
        return ok ? jobs : null;
    }

    /// <summary>The default resource name: <c>RootNamespace.</c> then the binary's relative path with dots for slashes.</summary>
    public static string DefaultLogicalName(string rootNamespace, string binaryRelativePath)
    {
        string dotted = binaryRelativePath.Replace('\\', '/').Replace('/', '.');
        return string.IsNullOrWhiteSpace(rootNamespace) ? dotted : rootNamespace.Trim() + "." + dotted;
    }

    /// <summary><c>O2</c>, <c>-O2</c> and <c>2</c> all mean <c>-O2</c>; empty means the default, -O2; anything else is invalid (empty result).</summary>
    public static string NormalizeOptimization(string text)
    {
        var t = text.Trim().TrimStart('-');
        if (t.Length == 0)
        {
            return "-O2";
        }
        if (t.StartsWith('O') || t.StartsWith('o'))
        {
            t = t[1..];
        }
        return t is "0" or "1" or "2" or "3" ? "-O" + t : "";
    }

    private static string RelativePathOf(ITaskItem item, string source, string projectDir)
    {
        var link = item.GetMetadata("Link");
        if (!string.IsNullOrWhiteSpace(link))
        {
            return link.Trim();
        }
        var relative = Path.GetRelativePath(projectDir, source);
        return Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("../", StringComparison.Ordinal)
            ? Path.GetFileName(source)
            : relative;
    }

    private static IEnumerable<string> SplitList(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static TaskItem BinaryItem(KernelJob job)
    {
        var item = new TaskItem(job.Output);
        item.SetMetadata("Source", job.Source);
        item.SetMetadata("LogicalName", job.LogicalName);
        item.SetMetadata("TargetPath", job.TargetPath);
        item.SetMetadata("DependencyFile", job.DependencyFile);
        item.SetMetadata("Arch", job.Arch);
        return item;
    }

    /// <summary>The compiler's arguments for one kernel (after <c>dotnet</c>, starting with bytechipcc.dll; or after a native bytechipcc).</summary>
    private string Arguments(KernelJob job)
    {
        var b = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        if (RunsThroughDotnet)
        {
            b.AppendFileNameIfNotNull(CompilerPath);
        }
        b.AppendFileNameIfNotNull(job.Source);
        b.AppendSwitchIfNotNull("-o ", job.Output);
        b.AppendSwitchIfNotNull("--arch ", job.Arch);
        b.AppendSwitch(job.Optimization);
        foreach (var dir in job.IncludeDirectories)
        {
            b.AppendSwitchIfNotNull("-I ", dir);
        }
        foreach (var define in job.Defines)
        {
            b.AppendSwitchIfNotNull("-D ", define);
        }
        b.AppendSwitch("--diagnostics-format msbuild");
        b.AppendSwitch("-MD");
        b.AppendSwitchIfNotNull("-MF ", job.DependencyFile);
        if (job.ExtraFlags.Length > 0)
        {
            b.AppendTextUnquoted(" " + job.ExtraFlags);
        }
        return b.ToString();
    }

    /// <summary>What the command file records: the host, the compiler and every argument.</summary>
    private string CommandLineOf(KernelJob job)
    {
        var text = new StringBuilder();
        text.Append(GenerateFullPathToToolForRecord()).Append(' ').Append(Arguments(job)).Append('\n');
        return text.ToString();
    }

    /// <summary>The compiler's identity in the record: bytechipcc.dll's size and time, so a different compiler recompiles.</summary>
    private string GenerateFullPathToToolForRecord()
    {
        var info = new FileInfo(CompilerPath);
        return info.Exists
            ? string.Create(CultureInfo.InvariantCulture, $"[{info.Length} {info.LastWriteTimeUtc:O}]")
            : "[missing]";
    }

    /// <summary>NuGet does not keep file modes when it extracts a package: the native compiler may need its execute bits.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private bool EnsureExecutable(string path)
    {
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogError(Subcategory, TaskErrorCode, null, null, 0, 0, 0, 0,
                $"bytechipcc at '{path}' is not executable and its mode cannot be changed ({e.Message}); set ByteChipUseNativeCompiler=false to run bytechipcc.dll instead");
            return false;
        }
    }

    private string DisplayPath(string file)
    {
        var relative = Path.GetRelativePath(ProjectDirectoryFull, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The compilation runs anyway; the next build compiles again if the record is stale.
        }
    }
}
