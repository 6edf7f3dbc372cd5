namespace ByteChip.Isa;

/// <summary>Stable error codes of the assembler (BC5xxx). Numbers are never reused.</summary>
public static class AsmErrors
{
    public const int SyntaxError = 5001;
    public const int UnknownMnemonic = 5002;
    public const int OperandMismatch = 5003;
    public const int BadRegister = 5004;
    public const int MisalignedRegister = 5005;
    public const int ImmediateOutOfRange = 5006;
    public const int UnknownLabel = 5007;
    public const int DuplicateLabel = 5008;
    public const int UnknownSpecialRegister = 5009;
    public const int UnknownDirective = 5010;
    public const int BadDirective = 5011;
    public const int InstructionOutsideKernel = 5012;
    public const int UnsupportedOnTarget = 5013;
    public const int MissingTarget = 5014;
    public const int DuplicateSymbol = 5015;
    public const int UnknownSymbol = 5016;
    public const int RegisterOverLimit = 5017;
    public const int UnterminatedKernel = 5018;
}

/// <summary>An assembler error: code, message and the 1-based column in the line.</summary>
public readonly record struct AsmError(int Code, int Column, string Message);
