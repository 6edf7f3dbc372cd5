using System.Runtime.CompilerServices;

[assembly: DisableRuntimeMarshalling]

namespace ByteChip.Compiler.Llvm;

// Handles of the LLVM C API: one pointer each, compared by identity. Owned handles are wrapped by
// LlvmContext/LlvmModule; these structs never free anything themselves.
#pragma warning disable CS1591
public readonly record struct LLVMContextRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMModuleRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMTypeRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMValueRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMBasicBlockRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMBuilderRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMMetadataRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMDIBuilderRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMMemoryBufferRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMTargetDataRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMTargetMachineRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMTargetRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMPassBuilderOptionsRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMErrorRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct LLVMAttributeRef(nint Handle) { public bool IsNull => Handle == 0; }

public enum LLVMOpcode
{
    Ret = 1, Br = 2, Switch = 3, IndirectBr = 4, Invoke = 5, Unreachable = 7, CallBr = 67, FNeg = 66,
    Add = 8, FAdd = 9, Sub = 10, FSub = 11, Mul = 12, FMul = 13, UDiv = 14, SDiv = 15, FDiv = 16, URem = 17, SRem = 18, FRem = 19,
    Shl = 20, LShr = 21, AShr = 22, And = 23, Or = 24, Xor = 25, Alloca = 26, Load = 27, Store = 28, GetElementPtr = 29,
    Trunc = 30, ZExt = 31, SExt = 32, FPToUI = 33, FPToSI = 34, UIToFP = 35, SIToFP = 36, FPTrunc = 37, FPExt = 38,
    PtrToInt = 39, IntToPtr = 40, BitCast = 41, AddrSpaceCast = 60, ICmp = 42, FCmp = 43, PHI = 44, Call = 45, Select = 46,
    UserOp1 = 47, UserOp2 = 48, VAArg = 49, ExtractElement = 50, InsertElement = 51, ShuffleVector = 52, ExtractValue = 53,
    InsertValue = 54, Freeze = 68, Fence = 55, AtomicCmpXchg = 56, AtomicRMW = 57, Resume = 58, LandingPad = 59,
    CleanupRet = 61, CatchRet = 62, CatchPad = 63, CleanupPad = 64, CatchSwitch = 65,
}

public enum LLVMTypeKind
{
    Void = 0, Half = 1, Float = 2, Double = 3, X86_FP80 = 4, FP128 = 5, PPC_FP128 = 6, Label = 7, Integer = 8, Function = 9,
    Struct = 10, Array = 11, Pointer = 12, Vector = 13, Metadata = 14, X86_MMX = 15, Token = 16, ScalableVector = 17, BFloat = 18,
    X86_AMX = 19, TargetExt = 20,
}

public enum LLVMValueKind
{
    Argument = 0, BasicBlock = 1, MemoryUse = 2, MemoryDef = 3, MemoryPhi = 4, Function = 5, GlobalAlias = 6, GlobalIFunc = 7,
    GlobalVariable = 8, BlockAddress = 9, ConstantExpr = 10, ConstantArray = 11, ConstantStruct = 12, ConstantVector = 13,
    UndefValue = 14, ConstantAggregateZero = 15, ConstantDataArray = 16, ConstantDataVector = 17, ConstantInt = 18, ConstantFP = 19,
    ConstantPointerNull = 20, ConstantTokenNone = 21, MetadataAsValue = 22, InlineAsm = 23, Instruction = 24, PoisonValue = 25,
    ConstantTargetNone = 26, ConstantPtrAuth = 27,
}

public enum LLVMIntPredicate
{
    EQ = 32, NE = 33, UGT = 34, UGE = 35, ULT = 36, ULE = 37, SGT = 38, SGE = 39, SLT = 40, SLE = 41,
}

public enum LLVMRealPredicate
{
    False = 0, OEQ = 1, OGT = 2, OGE = 3, OLT = 4, OLE = 5, ONE = 6, ORD = 7, UNO = 8, UEQ = 9, UGT = 10, UGE = 11, ULT = 12,
    ULE = 13, UNE = 14, True = 15,
}

public enum LLVMAtomicRMWBinOp
{
    Xchg = 0, Add = 1, Sub = 2, And = 3, Nand = 4, Or = 5, Xor = 6, Max = 7, Min = 8, UMax = 9, UMin = 10, FAdd = 11, FSub = 12,
    FMax = 13, FMin = 14, UIncWrap = 15, UDecWrap = 16,
}

public enum LLVMAtomicOrdering
{
    NotAtomic = 0, Unordered = 1, Monotonic = 2, Acquire = 4, Release = 5, AcquireRelease = 6, SequentiallyConsistent = 7,
}

public enum LLVMLinkage
{
    External = 0, AvailableExternally = 1, LinkOnceAny = 2, LinkOnceODR = 3, WeakAny = 5, WeakODR = 6, Appending = 7, Internal = 8,
    Private = 9, ExternalWeak = 12, Common = 14,
}
#pragma warning restore CS1591
