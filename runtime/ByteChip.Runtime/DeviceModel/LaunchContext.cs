using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>Everything a launch shares among its blocks: code, shapes, memories, budget and totals.</summary>
internal sealed class LaunchContext
{
    public required KernelImage Image { get; init; }

    public required TargetInfo Target { get; init; }

    public required Dim3 Grid { get; init; }

    public required Dim3 Block { get; init; }

    /// <summary>Dynamic shared bytes of the launch.</summary>
    public required uint DynamicSharedBytes { get; init; }

    /// <summary>Static shared bytes, then the dynamic part at the next 16-byte boundary.</summary>
    public uint SharedBytes => DynamicSharedOffset + DynamicSharedBytes;

    public uint DynamicSharedOffset => (Image.Kernel.StaticSharedBytes + 15u) & ~15u;

    public uint LocalBytesPerThread => Image.Kernel.LocalBytesPerThread;

    public required byte[] Parameters { get; init; }

    public required byte[] Constants { get; init; }

    public required GlobalMemory Global { get; init; }

    /// <summary>Warp instructions the whole launch may issue before the watchdog faults.</summary>
    public required long InstructionBudget { get; init; }

    /// <summary>Warp instructions issued so far (updated in slices).</summary>
    public long Issued;

    /// <summary>
    /// Lowest linear index of a block that faulted (<see cref="long.MaxValue"/> while none did). Blocks with a
    /// higher index stop; lower ones still run, so the reported fault does not depend on the host thread count.
    /// </summary>
    public long FaultBlock = long.MaxValue;

    public LaunchCounters Totals;

    /// <summary>The timing estimate's per-SM figures, or null when the launch is not timed (the default).</summary>
    public TimingAccumulator? Timing { get; init; }

    public int ThreadsPerBlock => (int)Block.Count;

    public int WarpsPerBlock => WarpsOf(Block);

    /// <summary>Warps of a block of the given shape (the last one may be partial).</summary>
    public static int WarpsOf(Dim3 block) => (int)((block.Count + 31) / 32);
}
