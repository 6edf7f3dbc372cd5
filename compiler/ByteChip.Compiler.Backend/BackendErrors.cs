using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

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

    /// <summary>This error at <paramref name="fallback"/> when it has no position of its own (a more precise one is kept).</summary>
    public BackendException OrAt(SourcePosition fallback) =>
        Position.IsKnown || !fallback.IsKnown ? this : new BackendException(Code, Message, fallback);
}

/// <summary>How backend diagnostics name and locate the function they are about.</summary>
public static class BackendDiagnostics
{
    /// <summary>
    /// The source name of a function (<c>k</c>, <c>reduce&lt;256&gt;</c>): the IR generator's "bytechip-source-name"
    /// attribute, else the demangled symbol (clang device IR).
    /// </summary>
    public static string SourceName(LLVMValueRef f) => CodeGenerator.StringAttribute(f, "bytechip-source-name") ?? ItaniumNames.SourceName(LlvmText.NameOf(f));

    /// <summary>
    /// Where a function is declared: file and line of its DISubprogram (LLVM records no column for a function:
    /// column 1, the start of the line); unknown when the IR has no debug info.
    /// </summary>
    public static SourcePosition DeclarationOf(LLVMValueRef f)
    {
        uint line = LLVMGetDebugLocLine(f);
        if (line == 0)
        {
            return default;
        }
        var file = LlvmText.Borrowed(LLVMGetDebugLocFilename(f, out var length), length);
        return new SourcePosition(file, (int)line, 1);
    }
}
