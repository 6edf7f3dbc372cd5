using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace ByteChip.Build.Tests;

/// <summary>What a <c>dotnet</c> command did: exit code, its whole output (both streams) and how long it took.</summary>
public sealed partial record DotnetResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    [GeneratedRegex(@"ByteChip: compiling (?<kernel>\S+) ->")]
    private static partial Regex CompilingLine();

    /// <summary>The kernels (paths relative to the project, '/'-separated) the ByteChipCompile task compiled.</summary>
    public IReadOnlySet<string> CompiledKernels =>
        CompilingLine().Matches(Output).Select(m => m.Groups["kernel"].Value.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);

    /// <summary>The lines that contain <paramref name="text"/>.</summary>
    public string[] LinesWith(string text) =>
        Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(text, StringComparison.Ordinal)).ToArray();

    /// <summary>For assertion messages: the command, the exit code and the output's end (normal verbosity is long).</summary>
    public override string ToString()
    {
        const int tail = 6000;
        var text = Output.Length > tail ? "...\n" + Output[^tail..] : Output;
        return $"{Command} -> exit {ExitCode} in {Elapsed.TotalSeconds:F1} s\n{text}";
    }
}

/// <summary>
/// Runs the dotnet CLI as a user would, isolated from the test host: no MSBuild variables of the test run, no node
/// reuse (a reused node would keep an old task assembly loaded), the package cache of <see cref="TestPackage"/>.
/// </summary>
public static class DotnetCli
{
    /// <summary>The repository root (baked in at build time; else the folder above holding the solution).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The configuration these tests were built in: ByteChip.Build is packed from the same one.</summary>
    public static string Configuration { get; } = Metadata("ByteChipConfiguration") ?? "Debug";

    /// <summary>The dotnet host running these tests.</summary>
    public static string Host { get; } = FindHost();

    /// <summary>Runs <c>dotnet args</c> in <paramref name="workingDirectory"/>.</summary>
    public static DotnetResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        // The test host runs under 'dotnet test': its MSBuild variables would steer the child build's MSBuild.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var gate = new Lock();
        void Append(string? line)
        {
            if (line != null)
            {
                lock (gate)
                {
                    output.Append(line).Append('\n');
                }
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in 5 minutes:\n{output}");
        }
        // The output ends when every holder of the pipes closes them; a build server started by the build may hold
        // them for long, and the build process itself has exited: wait a little for the last lines, not for it.
        try
        {
            process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
        string text;
        lock (gate)
        {
            text = output.ToString();
        }
        var result = new DotnetResult($"dotnet {string.Join(' ', args)} (in {workingDirectory})", process.ExitCode, text, clock.Elapsed);
        RecordTiming(result);
        return result;
    }

    /// <summary>With BYTECHIP_BUILD_TESTS_TIMINGS=file, each command's time is appended to that file (to see where a run's time goes).</summary>
    private static void RecordTiming(DotnetResult result)
    {
        var file = Environment.GetEnvironmentVariable("BYTECHIP_BUILD_TESTS_TIMINGS");
        if (!string.IsNullOrEmpty(file))
        {
            lock (s_timingGate)
            {
                File.AppendAllText(file, $"{result.Elapsed.TotalSeconds,7:F1} s  exit {result.ExitCode}  {result.Command}\n");
            }
        }
    }

    private static readonly Lock s_timingGate = new();

    private static string? Metadata(string key) =>
        typeof(DotnetCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    private static string FindRepoRoot()
    {
        var baked = Metadata("ByteChipRepositoryRoot");
        if (baked != null && File.Exists(Path.Combine(baked, "ByteChip.Toolchain.sln")))
        {
            return Path.GetFullPath(baked);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ByteChip.Toolchain.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("the repository root (ByteChip.Toolchain.sln) is not above " + AppContext.BaseDirectory);
    }

    private static string FindHost()
    {
        var fromEnv = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv))
        {
            return fromEnv;
        }
        var main = Environment.ProcessPath;
        if (main != null && Path.GetFileNameWithoutExtension(main).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return main;
        }
        return "dotnet";
    }
}
