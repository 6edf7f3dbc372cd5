using System.Diagnostics;
using System.Globalization;
using ByteChip.Compiler.Pipeline;
using ByteChip.Differential.Tests.Generator;
using ByteChip.Isa.Diagnostics;
using ByteChip.Runtime;

namespace ByteChip.Differential.Tests.Runner;

/// <summary>How a generated kernel is launched: the .cu header carries the same facts (see <see cref="Emitter.Header"/>).</summary>
public sealed record LaunchInfo(int Grid, int BlockSize, uint Scalar, IReadOnlyList<uint> Input)
{
    public int OutputLength => Grid * BlockSize * Program.OutputsPerThread;

    public static LaunchInfo Of(Program p) => new(p.Grid, p.BlockSize, p.Scalar, p.Input);

    /// <summary>Reads the <c>// LAUNCH:</c> and <c>// INPUT:</c> lines of a .cu file.</summary>
    public static LaunchInfo Parse(string source)
    {
        var lines = source.Split('\n');
        var launch = lines.First(l => l.StartsWith("// LAUNCH:", StringComparison.Ordinal))["// LAUNCH:".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        var input = lines.First(l => l.StartsWith("// INPUT:", StringComparison.Ordinal))["// INPUT:".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => uint.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        return new LaunchInfo(int.Parse(launch["grid"], CultureInfo.InvariantCulture), int.Parse(launch["block"], CultureInfo.InvariantCulture),
            uint.Parse(launch["scalar"][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), input);
    }
}

public enum OutcomeKind { Ok, CompileError, CompilerCrash, DeviceFault, RuntimeError }

/// <summary>The result of compiling and running one kernel in one configuration.</summary>
public sealed record Outcome(OutcomeKind Kind, uint[]? Output, string Message)
{
    public override string ToString() => Kind == OutcomeKind.Ok ? "ok" : $"{Kind}: {Message}";
}

public sealed record Configuration(string Arch, int OptimizationLevel)
{
    public static readonly IReadOnlyList<Configuration> All = [new("n4", 0), new("n4", 2), new("n5", 0), new("n5", 2)];

    public override string ToString() => $"{Arch} -O{OptimizationLevel}";
}

/// <summary>Compiles a .cu in process and runs its kernel on the device model.</summary>
public static class DeviceExecution
{
    public static Outcome Run(string source, LaunchInfo launch, Configuration config)
    {
        CompileResult result;
        try
        {
            result = Compilation.CompileSource("random.cu", source,
                new CompileOptions { Arch = config.Arch, OptimizationLevel = config.OptimizationLevel, VerifyRegisterAllocation = true });
        }
        catch (Exception e)
        {
            return new Outcome(OutcomeKind.CompilerCrash, null, $"{e.GetType().Name}: {e.Message}");
        }
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            return new Outcome(OutcomeKind.CompileError, null, string.Join("\n", errors));
        }
        try
        {
            using var device = Device.Create(config.Arch);
            device.HostThreads = 1;
            device.InstructionBudget = 200_000_000;
            var module = device.LoadModule(result.Module!);
            using var input = device.Upload<uint>(launch.Input.ToArray());
            using var output = device.Upload<uint>(new uint[launch.OutputLength]);
            module.GetKernel(Program.KernelName).Launch(new Dim3((uint)launch.Grid), new Dim3((uint)launch.BlockSize), 0, input, output, launch.Scalar);
            return new Outcome(OutcomeKind.Ok, output.ToArray(), "");
        }
        catch (DeviceFaultException e)
        {
            return new Outcome(OutcomeKind.DeviceFault, null, e.Message);
        }
        catch (RuntimeException e)
        {
            return new Outcome(OutcomeKind.RuntimeError, null, e.Message);
        }
    }
}

/// <summary>The reference: the C mirror of a program compiled by gcc and run on the host.</summary>
public static class GccReference
{
    private static readonly Lazy<string?> s_gcc = new(FindGcc);

    public static string? GccPath => s_gcc.Value;

    public static bool Available => GccPath is not null;

    public const string Flags = "-O1 -ffp-contract=off -fwrapv -fno-strict-aliasing -w";

    private static string? FindGcc()
    {
        string? overridePath = Environment.GetEnvironmentVariable("BYTECHIP_DIFF_GCC");
        if (!string.IsNullOrEmpty(overridePath))
        {
            return File.Exists(overridePath) ? overridePath : null;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "gcc.exe" : "gcc");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Compiles and runs a C program; returns the words it printed, or null with the reason.</summary>
    public static uint[]? Run(string cSource, out string error)
    {
        string dir = Path.Combine(Path.GetTempPath(), "bytechip-diff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string c = Path.Combine(dir, "p.c");
            string exe = Path.Combine(dir, "p");
            File.WriteAllText(c, cSource);
            var (code, _, err) = Exec(GccPath ?? throw new InvalidOperationException("gcc is not installed"), $"{Flags} -o {exe} {c} -lm");
            if (code != 0)
            {
                error = "gcc failed: " + err;
                return null;
            }
            var (runCode, stdout, runErr) = Exec(exe, "");
            if (runCode != 0)
            {
                error = $"reference program exited with {runCode}: {runErr}";
                return null;
            }
            error = "";
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(h => uint.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Code, string Stdout, string Stderr) Exec(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "", "timed out");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
