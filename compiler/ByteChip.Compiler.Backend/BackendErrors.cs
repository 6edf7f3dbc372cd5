namespace ByteChip.Compiler.Backend;

/// <summary>Stable codes of the IR generation and backend diagnostics (BC4xxx). Numbers are never reused.</summary>
public static class BackendErrors
{
    public const int InvalidIr = 4001;
    public const int UnsupportedType = 4002;
    public const int UnsupportedInstruction = 4003;
    public const int UnsupportedIntrinsic = 4004;
    public const int UnsupportedCall = 4005;
    public const int Recursion = 4006;
    public const int NoKernels = 4007;
    public const int FeatureNotOnTarget = 4008;
    public const int UnresolvedConstantPointer = 4009;
    public const int TooManyRegisters = 4010;
    public const int SharedMemoryOverLimit = 4011;
    public const int ParameterSpaceOverLimit = 4012;
    public const int ConstantMemoryOverLimit = 4013;
    public const int PassPipelineFailed = 4014;
    public const int LlvmUnavailable = 4015;
    public const int UnsupportedGlobal = 4016;
}

/// <summary>An input the backend cannot compile: a stable code, a message, and the source position when the IR has one.</summary>
public sealed class BackendException(int code, string message, SourcePosition position = default) : Exception(message)
{
    public int Code { get; } = code;

    public SourcePosition Position { get; } = position;
}
