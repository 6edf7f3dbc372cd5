using System.Diagnostics;

namespace ByteChip.Tools.Tests;

/// <summary>What a tool process did: exit code, both output streams and how long it took.</summary>
public sealed record ToolResult(string Tool, IReadOnlyList<string> Arguments, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>The non-empty lines the tool wrote to standard error.</summary>
    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Everything needed to understand a failed assertion about this run.</summary>
    public override string ToString() =>
        $"{Tool} {string.Join(' ', Arguments)} -> exit {ExitCode} in {Elapsed.TotalMilliseconds:F0} ms\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the command-line tools as real processes (<c>dotnet tool.dll args</c>), the way a user or a build does.
/// The tool dlls are copied next to this test assembly by its project references.
/// </summary>
public static class ToolProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The repository root (the folder holding ByteChip.Toolchain.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The dotnet host that runs this test, so the tools run on the same runtime.</summary>
    public static string DotnetHost { get; } = FindDotnetHost();

    /// <summary>samples/asm/saxpy.s assembled once by <c>bcas</c> for the tests that need a valid module.</summary>
    public static byte[] SaxpyModule => SaxpyModuleOnce.Value;

    private static readonly Lazy<byte[]> SaxpyModuleOnce = new(() =>
    {
        using var temp = new TempDirectory();
        var output = temp.File("saxpy.bcbin");
        var r = Run("bcas", RepoFile("samples/asm/saxpy.s"), "-o", output);
        Assert.True(r.ExitCode == 0, r.ToString());
        return File.ReadAllBytes(output);
    });

    public static string RepoFile(string relative) => Path.Combine(RepoRoot, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The path of a tool's dll: next to the test assembly, or else in the tool project's output.</summary>
    public static string ToolDll(string tool)
    {
        var besideTests = Path.Combine(AppContext.BaseDirectory, tool + ".dll");
        if (File.Exists(besideTests) && File.Exists(Path.ChangeExtension(besideTests, ".runtimeconfig.json")))
        {
            return besideTests;
        }
        // The test assembly's folder is bin/<Configuration>/<tfm>/: look in the same place of the tool project.
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent?.Name ?? "Debug";
        var inProject = Path.Combine(RepoRoot, "tools", tool, "bin", configuration, tfmDir.Name, tool + ".dll");
        if (File.Exists(inProject))
        {
            return inProject;
        }
        throw new FileNotFoundException($"{tool}.dll is neither next to the tests ({besideTests}) nor at {inProject}; build tests/ByteChip.Tools.Tests first");
    }

    /// <summary>
    /// Runs <paramref name="tool"/> with the arguments; standard input is <paramref name="stdin"/> or empty;
    /// <paramref name="environment"/> adds to or overrides the process's environment variables.
    /// </summary>
    public static ToolResult Run(string tool, IEnumerable<string> arguments, string? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var args = arguments.ToList();
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoRoot,
        };
        start.ArgumentList.Add(ToolDll(tool));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {DotnetHost}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in {Timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        return new ToolResult(tool, args, process.ExitCode, stdout.Result.Replace("\r\n", "\n"), stderr.Result.Replace("\r\n", "\n"), watch.Elapsed);
    }

    public static ToolResult Run(string tool, params string[] arguments) => Run(tool, (IEnumerable<string>)arguments);

    /// <summary>Asserts that a run reported a user error the way every tool must: exit 1, no stack trace.</summary>
    public static void AssertCleanUserError(ToolResult r)
    {
        Assert.True(r.ExitCode == 1, $"expected exit code 1\n{r}");
        Assert.True(r.ErrorLines.Length > 0, $"expected an error message on stderr\n{r}");
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ByteChip.Toolchain.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no ByteChip.Toolchain.sln above {AppContext.BaseDirectory}");
    }

    private static string FindDotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }
        return OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
    }
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bytechip-tools-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in this folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is not a test failure.
        }
    }
}
