namespace ByteChip.Runtime;

/// <summary>Every error the runtime reports: a stable <see cref="RuntimeError"/> code and a message.</summary>
public class RuntimeException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with the code.</summary>
    public RuntimeException(RuntimeError error, string message, Exception? inner = null)
        : base($"{error.CodeText()}: {message}", inner)
    {
        Error = error;
        Detail = message;
    }

    /// <summary>What went wrong.</summary>
    public RuntimeError Error { get; }

    /// <summary>The numeric code (7xxx).</summary>
    public int Code => (int)Error;

    /// <summary>The code as users see it: <c>BC7100</c>.</summary>
    public string CodeText => Error.CodeText();

    /// <summary>The message without the code.</summary>
    public string Detail { get; }
}

/// <summary>
/// A fault raised by the device model while a kernel runs: the fault kind (as its code), the kernel, the block
/// and thread, the instruction address and text and, when the module has a line table, the source position.
/// </summary>
public sealed class DeviceFaultException : RuntimeException
{
    /// <summary>Creates the fault report.</summary>
    public DeviceFaultException(RuntimeError error, string detail, string kernel, Dim3 block, Dim3 thread, long address, string instructionText, string? sourceLocation)
        : base(error, Compose(detail, kernel, block, thread, address, instructionText, sourceLocation))
    {
        FaultDetail = detail;
        Kernel = kernel;
        Block = block;
        Thread = thread;
        Address = address;
        InstructionText = instructionText;
        SourceLocation = sourceLocation;
    }

    /// <summary>What the fault is about (e.g. "global load of 4 bytes at 0x...: no allocation").</summary>
    public string FaultDetail { get; }

    /// <summary>The kernel's source name.</summary>
    public string Kernel { get; }

    /// <summary>The block index of the faulting thread.</summary>
    public Dim3 Block { get; }

    /// <summary>The thread index within its block.</summary>
    public Dim3 Thread { get; }

    /// <summary>Byte address of the faulting instruction in the kernel's text section.</summary>
    public long Address { get; }

    /// <summary>The faulting instruction as assembly.</summary>
    public string InstructionText { get; }

    /// <summary><c>file:line</c> from the line table, or null when the module has none for this address.</summary>
    public string? SourceLocation { get; }

    private static string Compose(string detail, string kernel, Dim3 block, Dim3 thread, long address, string text, string? source) =>
        $"{detail} in kernel '{kernel}' block {block} thread {thread} at 0x{address:X4}: {text}" + (source is null ? "" : $" ({source})");
}
