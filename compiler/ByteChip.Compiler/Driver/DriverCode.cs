namespace ByteChip.Compiler.Driver;

/// <summary>
/// Diagnostic codes of the driver (BC0xxx). Numbers are stable and never reused;
/// <c>compiler/docs/diagnostics.md</c> documents each one.
/// </summary>
public enum DriverCode
{
    /// <summary>A bug in the compiler: an exception escaped a stage. The message carries the report.</summary>
    InternalError = 1,

    /// <summary>The input file does not exist or cannot be read.</summary>
    InputNotFound = 2,

    /// <summary>An option of the command-line contract that this build does not implement yet.</summary>
    NotYetSupported = 3,

    /// <summary><c>--arch</c> names no target of the ISA spec.</summary>
    UnknownTarget = 4,

    /// <summary>An option value is malformed (<c>--dump-after</c>, <c>--diagnostics-format</c>, <c>-D</c>).</summary>
    InvalidOption = 5,

    /// <summary>The command line itself could not be parsed (unknown option, missing file).</summary>
    InvalidCommandLine = 6,
}
