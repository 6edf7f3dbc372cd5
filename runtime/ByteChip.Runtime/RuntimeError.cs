namespace ByteChip.Runtime;

/// <summary>
/// Stable error codes of the runtime, the device model and <c>bcrun</c> (shown as <c>BC7xxx</c>).
/// Numbers are never reused; <c>runtime/docs/errors.md</c> documents each one.
/// </summary>
public enum RuntimeError
{
    /// <summary>The module is built for another target than the device.</summary>
    TargetMismatch = 7001,

    /// <summary>The module bytes are not a valid <c>.bcbin</c>.</summary>
    InvalidModule = 7002,

    /// <summary>No kernel, global or constant with the given name.</summary>
    SymbolNotFound = 7003,

    /// <summary>A relocation names a symbol the module does not define.</summary>
    UnresolvedRelocation = 7004,

    /// <summary>Grid or block dimensions are zero or over the target's limits.</summary>
    InvalidLaunchConfiguration = 7010,

    /// <summary>Static plus dynamic shared memory is over the target's limit.</summary>
    SharedMemoryLimit = 7011,

    /// <summary>The kernel needs more registers or local memory than the target has.</summary>
    ResourceLimit = 7012,

    /// <summary>The argument count does not match the kernel's parameters.</summary>
    ArgumentCount = 7013,

    /// <summary>An argument's size or kind (pointer vs value) does not match its parameter.</summary>
    ArgumentMismatch = 7014,

    /// <summary>An allocation is larger than the remaining device memory.</summary>
    OutOfMemory = 7020,

    /// <summary>A buffer or module was used after it was disposed.</summary>
    UseAfterFree = 7021,

    /// <summary>A buffer was freed twice.</summary>
    DoubleFree = 7022,

    /// <summary>A host copy lies outside the buffer or symbol.</summary>
    CopyOutOfBounds = 7023,

    /// <summary>An object belongs to another device.</summary>
    WrongDevice = 7024,

    /// <summary>An event was queried before it was recorded.</summary>
    EventNotRecorded = 7025,

    /// <summary>Device fault: a load or store outside every allocation of its space.</summary>
    OutOfBoundsAccess = 7100,

    /// <summary>Device fault: an access not aligned to its size.</summary>
    MisalignedAccess = 7101,

    /// <summary>Device fault: an instruction word that does not decode.</summary>
    IllegalInstruction = 7102,

    /// <summary>Device fault: an instruction of a feature the target lacks.</summary>
    UnsupportedInstruction = 7103,

    /// <summary>Device fault: every warp of a block waits at a barrier that can never complete.</summary>
    BarrierDeadlock = 7104,

    /// <summary>Device fault: the launch exceeded its instruction budget (watchdog).</summary>
    WatchdogTimeout = 7105,

    /// <summary>Device fault: a <c>bra.uni</c> whose guard differs among the active lanes.</summary>
    DivergentUniformBranch = 7106,

    /// <summary>Device fault: a <c>trap</c> instruction.</summary>
    Trap = 7107,

    /// <summary>Device fault: a warp-synchronous instruction whose member lanes are not all converged.</summary>
    WarpNotConverged = 7108,

    /// <summary>Device fault: a bad control transfer (ret at depth 0, misaligned or out-of-range target, bad barrier id).</summary>
    InvalidControlFlow = 7109,

    /// <summary>Device fault: a store to a read-only space or an atomic on a space that has none.</summary>
    InvalidAddressSpace = 7110,

    /// <summary>bcrun: the launch description is malformed.</summary>
    InvalidSpec = 7200,

    /// <summary>bcrun: a file named by the launch description cannot be read or written.</summary>
    FileError = 7201,

    /// <summary>bcrun: an <c>.npy</c> file is malformed or does not match its buffer.</summary>
    NpyMismatch = 7202,

    /// <summary>An internal error of the runtime (a bug).</summary>
    Internal = 7999,
}

/// <summary>Formats <see cref="RuntimeError"/> codes.</summary>
public static class RuntimeErrors
{
    /// <summary>The code as users see it: <c>BC7100</c>.</summary>
    public static string CodeText(this RuntimeError error) => $"BC{(int)error:D4}";

    /// <summary>Whether the code is a device fault raised while a kernel runs.</summary>
    public static bool IsDeviceFault(this RuntimeError error) => (int)error is >= 7100 and < 7200;
}
