using System.Diagnostics;
using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime.DeviceModel;

namespace ByteChip.Runtime;

/// <summary>
/// A kernel of a loaded module. <see cref="Launch"/> checks the configuration against the target's limits
/// and the arguments against the kernel's parameter metadata, then runs the grid on the device model.
/// </summary>
public sealed class Kernel
{
    internal Kernel(Module module, KernelImage image)
    {
        Module = module;
        Image = image;
    }

    /// <summary>The module the kernel belongs to.</summary>
    public Module Module { get; }

    /// <summary>The source name (<c>saxpy</c>, <c>reduce&lt;256&gt;</c>).</summary>
    public string Name => Image.Kernel.Name;

    /// <summary>The mangled symbol, or null for <c>extern "C"</c> kernels.</summary>
    public string? MangledName => Image.Kernel.MangledName;

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<BcParameter> Parameters => Image.Kernel.Parameters;

    /// <summary>The kernel's metadata as the binary states it.</summary>
    public BcKernel Metadata => Image.Kernel;

    internal KernelImage Image { get; }

    /// <summary>Runs the kernel on the device's default stream and waits for it.</summary>
    /// <param name="grid">Blocks in the grid (1 to 3 dimensions).</param>
    /// <param name="block">Threads in a block.</param>
    /// <param name="sharedBytes">Dynamic shared memory bytes.</param>
    /// <param name="args">One argument per parameter: a <see cref="DeviceBuffer"/>, <see cref="DevicePointer"/> or
    /// global <see cref="DeviceSymbol"/> for pointers; a scalar of the parameter's size, or a byte array, for values.</param>
    public LaunchStatistics Launch(Dim3 grid, Dim3 block, uint sharedBytes, params object[] args)
    {
        var stream = Module.Device.DefaultStream;
        var task = LaunchAsync(stream, grid, block, sharedBytes, args);
        stream.Synchronize();
        return task.Result;
    }

    /// <summary>Queues the kernel on <paramref name="stream"/>; configuration and arguments are checked now.</summary>
    public Task<LaunchStatistics> LaunchAsync(DeviceStream stream, Dim3 grid, Dim3 block, uint sharedBytes, params object[] args)
    {
        var ctx = Prepare(grid, block, sharedBytes, args, Module.Device.EstimateTiming);
        int threads = Module.Device.HostThreads;
        return stream.Enqueue(() => Run(ctx, threads));
    }

    private LaunchStatistics Run(LaunchContext ctx, int hostThreads)
    {
        Module.ThrowIfDisposed();
        var clock = Stopwatch.StartNew();
        GridExecutor.Run(ctx, hostThreads);
        clock.Stop();
        var t = ctx.Totals;
        return new LaunchStatistics
        {
            Kernel = Name,
            WarpInstructions = t.WarpInstructions,
            ThreadInstructions = t.ThreadInstructions,
            Elapsed = clock.Elapsed,
            DivergentBranches = t.DivergentBranches,
            GlobalLoadBytes = t.GlobalLoadBytes,
            GlobalStoreBytes = t.GlobalStoreBytes,
            SharedLoadBytes = t.SharedLoadBytes,
            SharedStoreBytes = t.SharedStoreBytes,
            Atomics = t.Atomics,
            Timing = ctx.Timing?.Result(t.OperandStallCycles, t.BarrierStallCycles),
        };
    }

    internal LaunchContext Prepare(Dim3 grid, Dim3 block, uint sharedBytes, object[] args, bool estimateTiming)
    {
        Module.ThrowIfDisposed();
        var device = Module.Device;
        device.ThrowIfDisposed();
        var target = device.Target;
        var k = Image.Kernel;
        CheckDim("grid", grid, target.MaxGridDimX, target.MaxGridDimY, target.MaxGridDimZ);
        CheckDim("block", block, target.MaxBlockDimX, target.MaxBlockDimY, target.MaxBlockDimZ);
        long maxThreads = k.MaxThreadsPerBlock == 0 ? target.MaxThreadsPerBlock : Math.Min(k.MaxThreadsPerBlock, target.MaxThreadsPerBlock);
        if (block.Count > maxThreads)
        {
            throw new RuntimeException(RuntimeError.InvalidLaunchConfiguration,
                $"block {block} has {block.Count} threads; kernel '{Name}' on {target.Name} allows at most {maxThreads}");
        }
        long shared = ((k.StaticSharedBytes + 15L) & ~15L) + sharedBytes;
        if (shared > target.SharedBytesPerBlock)
        {
            throw new RuntimeException(RuntimeError.SharedMemoryLimit,
                $"kernel '{Name}' needs {k.StaticSharedBytes} static + {sharedBytes} dynamic bytes of shared memory; {target.Name} allows {target.SharedBytesPerBlock} per block");
        }
        if (k.RegistersPerThread > target.RegistersPerThread || Image.RegisterRows > target.RegistersPerThread)
        {
            throw new RuntimeException(RuntimeError.ResourceLimit,
                $"kernel '{Name}' uses {Math.Max(k.RegistersPerThread, Image.RegisterRows)} registers per thread; {target.Name} has {target.RegistersPerThread}");
        }
        if (k.LocalBytesPerThread > target.LocalBytesPerThread)
        {
            throw new RuntimeException(RuntimeError.ResourceLimit,
                $"kernel '{Name}' uses {k.LocalBytesPerThread} bytes of local memory per thread; {target.Name} allows {target.LocalBytesPerThread}");
        }
        return new LaunchContext
        {
            Image = Image,
            Target = target,
            Grid = grid,
            Block = block,
            DynamicSharedBytes = sharedBytes,
            Parameters = KernelArguments.Pack(this, args),
            Constants = Module.Constants,
            Global = device.Memory,
            InstructionBudget = device.InstructionBudget,
            Timing = estimateTiming ? new TimingAccumulator(target, grid.Count, LaunchContext.WarpsOf(block)) : null,
        };
    }

    private static void CheckDim(string what, Dim3 d, long maxX, long maxY, long maxZ)
    {
        if (d.X == 0 || d.Y == 0 || d.Z == 0 || d.X > maxX || d.Y > maxY || d.Z > maxZ)
        {
            throw new RuntimeException(RuntimeError.InvalidLaunchConfiguration,
                $"{what} {d} is invalid: each dimension must be at least 1 and at most ({maxX},{maxY},{maxZ})");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
