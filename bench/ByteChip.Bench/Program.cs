// ByteChip device-model benchmark: simulated thread instructions per second for an ALU-bound, a
// memory-bound and a shared-memory/barrier kernel. Not a test: run it in Release and record the figures.
//   dotnet run -c Release --project bench/ByteChip.Bench [-- --threads N] [--repeat N] [--timing]
// --timing runs the launches with the cycle estimate on (Device.EstimateTiming) and adds its figures.
using System.Globalization;
using ByteChip.Bench;
using ByteChip.Isa;
using ByteChip.Isa.Assembly;
using ByteChip.Runtime;

int threads = Environment.ProcessorCount;
int repeat = 3;
bool timing = args.Contains("--timing");
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--threads")
    {
        threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--repeat")
    {
        repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}

using var device = Device.Create("n4");
device.HostThreads = threads;
device.EstimateTiming = timing;
Console.WriteLine($"ByteChip device model benchmark: {threads} host thread(s), {Environment.ProcessorCount} cores, .NET {Environment.Version}{(timing ? ", timing estimate on" : "")}");
Console.WriteLine($"{"kernel",-10} {"thread instr",14} {"seconds",9} {"thread instr/s",16} {"warp instr/s",14}{(timing ? $" {"est cycles",12} {"stall cycles",14}" : "")}");

Module Load(string text)
{
    var result = Assembler.Assemble(text, "bench.s", TargetInfo.Find("n4"));
    if (!result.Success)
    {
        throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
    return device.LoadModule(result.Module!);
}

void Measure(string name, Func<LaunchStatistics> launch)
{
    launch(); // warm-up (JIT, tiering)
    LaunchStatistics? best = null;
    for (int r = 0; r < repeat; r++)
    {
        var s = launch();
        if (best is null || s.ThreadInstructionsPerSecond > best.ThreadInstructionsPerSecond)
        {
            best = s;
        }
    }
    string cycles = best!.Timing is { } t ? $" {t.EstimatedCycles,12:N0} {t.StallCycles,14:N0}" : "";
    Console.WriteLine($"{name,-10} {best.ThreadInstructions,14:N0} {best.Elapsed.TotalSeconds,9:F3} {best.ThreadInstructionsPerSecond,16:E3} {best.WarpInstructions / best.Elapsed.TotalSeconds,14:E3}{cycles}");
}

using (var alu = Load(BenchKernels.Alu))
using (var out1 = device.Allocate<uint>(256 * 256))
{
    var k = alu.GetKernel("alu");
    Measure("alu", () => k.Launch(256, 256, 0, out1, 400u));
}

using (var mem = Load(BenchKernels.Memory))
{
    const int n = 1 << 22;
    using var x = device.Upload<float>(Enumerable.Range(0, n).Select(i => (float)i).ToArray());
    using var y = device.Allocate<float>(n);
    var k = mem.GetKernel("saxpy");
    Measure("memory", () => k.Launch(512, 256, 0, 2.0f, x, y, (uint)n));
}

using (var shared = Load(BenchKernels.Shared))
using (var out3 = device.Allocate<uint>(128 * 256))
{
    var k = shared.GetKernel("stencil");
    Measure("shared", () => k.Launch(128, 256, 0, out3, 200u));
}
