using System.Runtime.InteropServices;

namespace ByteChip.Compiler.Llvm;

/// <summary>Reading C strings that LLVM returns, by the ownership rule of each API.</summary>
public static class LlvmText
{
    /// <summary>Reads a string LLVM owns (never freed: value names, MD strings, data layout).</summary>
    public static string Borrowed(nint text) => text == 0 ? "" : Marshal.PtrToStringUTF8(text) ?? "";

    /// <summary>Reads a borrowed string with an explicit length.</summary>
    public static string Borrowed(nint text, nuint length) => text == 0 ? "" : Marshal.PtrToStringUTF8(text, checked((int)length)) ?? "";

    /// <summary>Reads and frees a message allocated by LLVM (<c>LLVMDisposeMessage</c>).</summary>
    public static string TakeMessage(nint message)
    {
        if (message == 0)
        {
            return "";
        }
        try
        {
            return Marshal.PtrToStringUTF8(message) ?? "";
        }
        finally
        {
            LlvmNative.LLVMDisposeMessage(message);
        }
    }

    /// <summary>Reads and consumes an <c>LLVMErrorRef</c>; null means success.</summary>
    public static string? TakeError(LLVMErrorRef error)
    {
        if (error.IsNull)
        {
            return null;
        }
        var message = LlvmNative.LLVMGetErrorMessage(error);
        try
        {
            return Marshal.PtrToStringUTF8(message) ?? "unknown LLVM error";
        }
        finally
        {
            LlvmNative.LLVMDisposeErrorMessage(message);
        }
    }

    public static string NameOf(LLVMValueRef value) => Borrowed(LlvmNative.LLVMGetValueName2(value, out var length), length);

    public static string Print(LLVMValueRef value) => TakeMessage(LlvmNative.LLVMPrintValueToString(value));

    public static string Print(LLVMTypeRef type) => TakeMessage(LlvmNative.LLVMPrintTypeToString(type));
}
