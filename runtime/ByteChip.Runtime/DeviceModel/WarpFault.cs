namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// Thrown inside the interpreter when an instruction faults; the block runner adds the kernel, block,
/// thread, address, instruction text and source line and turns it into a <see cref="DeviceFaultException"/>.
/// </summary>
internal sealed class WarpFault(RuntimeError error, int lane, string detail) : Exception(detail)
{
    public RuntimeError Error { get; } = error;

    /// <summary>The lane whose access or state faulted.</summary>
    public int Lane { get; } = lane;

    public string Detail { get; } = detail;

    /// <summary>Instruction index, set by the runner when it differs from the warp's group PC (e.g. deadlock).</summary>
    public int? InstructionIndex { get; init; }
}
