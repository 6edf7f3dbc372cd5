// P/Invoke declarations of the LLVM 19 C API functions the compiler uses (LibraryImport, no runtime marshalling).
// Strings are UTF-8; returned char* are nint and are read with LlvmText (owned ones freed by the rule of their API).
using System.Runtime.InteropServices;

namespace ByteChip.Compiler.Llvm;

#pragma warning disable CS1591
/// <summary>Raw LLVM C API entry points. Use the wrappers (LlvmContext, LlvmModule, ...) rather than these directly.</summary>
public static unsafe partial class LlvmNative
{
    public const string Library = "LLVM";

    // context & module
    [LibraryImport(Library)]
    public static partial LLVMContextRef LLVMContextCreate();

    [LibraryImport(Library)]
    public static partial void LLVMContextDispose(LLVMContextRef c);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMModuleRef LLVMModuleCreateWithNameInContext(string name, LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial void LLVMDisposeModule(LLVMModuleRef m);

    [LibraryImport(Library)]
    public static partial nint LLVMPrintModuleToString(LLVMModuleRef m);

    [LibraryImport(Library)]
    public static partial nint LLVMPrintValueToString(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial nint LLVMPrintTypeToString(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial void LLVMDisposeMessage(nint message);

    [LibraryImport(Library)]
    public static partial int LLVMVerifyModule(LLVMModuleRef m, int action, out nint message);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMSetTarget(LLVMModuleRef m, string triple);

    [LibraryImport(Library)]
    public static partial nint LLVMGetTarget(LLVMModuleRef m);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMSetDataLayout(LLVMModuleRef m, string layout);

    [LibraryImport(Library)]
    public static partial nint LLVMGetDataLayoutStr(LLVMModuleRef m);

    [LibraryImport(Library)]
    public static partial LLVMTargetDataRef LLVMGetModuleDataLayout(LLVMModuleRef m);

    [LibraryImport(Library)]
    public static partial LLVMContextRef LLVMGetModuleContext(LLVMModuleRef m);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMMemoryBufferRef LLVMCreateMemoryBufferWithMemoryRangeCopy(byte* data, nuint length, string name);

    [LibraryImport(Library)]
    public static partial void LLVMDisposeMemoryBuffer(LLVMMemoryBufferRef b);

    [LibraryImport(Library)]
    public static partial int LLVMParseIRInContext(LLVMContextRef c, LLVMMemoryBufferRef buf, out LLVMModuleRef m, out nint message);

    [LibraryImport(Library)]
    public static partial int LLVMParseBitcodeInContext2(LLVMContextRef c, LLVMMemoryBufferRef buf, out LLVMModuleRef m);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LLVMWriteBitcodeToFile(LLVMModuleRef m, string path);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LLVMPrintModuleToFile(LLVMModuleRef m, string path, out nint message);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint LLVMGetNamedMetadataNumOperands(LLVMModuleRef m, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMGetNamedMetadataOperands(LLVMModuleRef m, string name, LLVMValueRef* dest);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMAddNamedMetadataOperand(LLVMModuleRef m, string name, LLVMValueRef val);

    [LibraryImport(Library)]
    public static partial uint LLVMGetMDNodeNumOperands(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial void LLVMGetMDNodeOperands(LLVMValueRef v, LLVMValueRef* dest);

    [LibraryImport(Library)]
    public static partial nint LLVMGetMDString(LLVMValueRef v, out uint length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint LLVMGetMDKindIDInContext(LLVMContextRef c, string name, uint length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMMDStringInContext(LLVMContextRef c, string str, uint length);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMMDNodeInContext(LLVMContextRef c, LLVMValueRef* vals, uint count);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMMetadataRef LLVMMDStringInContext2(LLVMContextRef c, string str, nuint length);

    [LibraryImport(Library)]
    public static partial LLVMMetadataRef LLVMMDNodeInContext2(LLVMContextRef c, LLVMMetadataRef* mds, nuint count);

    [LibraryImport(Library)]
    public static partial LLVMMetadataRef LLVMTemporaryMDNode(LLVMContextRef c, LLVMMetadataRef* mds, nuint count);

    [LibraryImport(Library)]
    public static partial void LLVMMetadataReplaceAllUsesWith(LLVMMetadataRef temp, LLVMMetadataRef replacement);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMMetadataAsValue(LLVMContextRef c, LLVMMetadataRef md);

    [LibraryImport(Library)]
    public static partial LLVMMetadataRef LLVMValueAsMetadata(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial void LLVMSetMetadata(LLVMValueRef inst, uint kind, LLVMValueRef node);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetMetadata(LLVMValueRef inst, uint kind);

    // functions & globals
    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetFirstFunction(LLVMModuleRef m);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetNextFunction(LLVMValueRef f);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMGetNamedFunction(LLVMModuleRef m, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMAddFunction(LLVMModuleRef m, string name, LLVMTypeRef fnType);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetFirstGlobal(LLVMModuleRef m);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetNextGlobal(LLVMValueRef g);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMAddGlobalInAddressSpace(LLVMModuleRef m, LLVMTypeRef t, string name, uint addressSpace);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetInitializer(LLVMValueRef g);

    [LibraryImport(Library)]
    public static partial void LLVMSetInitializer(LLVMValueRef g, LLVMValueRef init);

    [LibraryImport(Library)]
    public static partial int LLVMIsGlobalConstant(LLVMValueRef g);

    [LibraryImport(Library)]
    public static partial void LLVMSetGlobalConstant(LLVMValueRef g, int isConstant);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMGlobalGetValueType(LLVMValueRef g);

    [LibraryImport(Library)]
    public static partial int LLVMIsExternallyInitialized(LLVMValueRef g);

    [LibraryImport(Library)]
    public static partial void LLVMSetExternallyInitialized(LLVMValueRef g, int value);

    [LibraryImport(Library)]
    public static partial LLVMLinkage LLVMGetLinkage(LLVMValueRef g);

    [LibraryImport(Library)]
    public static partial void LLVMSetLinkage(LLVMValueRef g, LLVMLinkage linkage);

    [LibraryImport(Library)]
    public static partial uint LLVMGetAlignment(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial void LLVMSetAlignment(LLVMValueRef v, uint bytes);

    [LibraryImport(Library)]
    public static partial int LLVMIsDeclaration(LLVMValueRef g);

    [LibraryImport(Library)]
    public static partial uint LLVMCountParams(LLVMValueRef f);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetParam(LLVMValueRef f, uint index);

    [LibraryImport(Library)]
    public static partial uint LLVMGetFunctionCallConv(LLVMValueRef f);

    [LibraryImport(Library)]
    public static partial void LLVMSetFunctionCallConv(LLVMValueRef f, uint cc);

    [LibraryImport(Library)]
    public static partial uint LLVMGetIntrinsicID(LLVMValueRef f);

    [LibraryImport(Library)]
    public static partial uint LLVMCountBasicBlocks(LLVMValueRef f);

    [LibraryImport(Library)]
    public static partial LLVMBasicBlockRef LLVMGetFirstBasicBlock(LLVMValueRef f);

    [LibraryImport(Library)]
    public static partial LLVMBasicBlockRef LLVMGetNextBasicBlock(LLVMBasicBlockRef b);

    [LibraryImport(Library)]
    public static partial LLVMBasicBlockRef LLVMGetEntryBasicBlock(LLVMValueRef f);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMBasicBlockRef LLVMAppendBasicBlockInContext(LLVMContextRef c, LLVMValueRef f, string name);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBasicBlockAsValue(LLVMBasicBlockRef b);

    [LibraryImport(Library)]
    public static partial LLVMBasicBlockRef LLVMValueAsBasicBlock(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetBasicBlockTerminator(LLVMBasicBlockRef b);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetBasicBlockParent(LLVMBasicBlockRef b);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetFirstInstruction(LLVMBasicBlockRef b);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetNextInstruction(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial LLVMBasicBlockRef LLVMGetInstructionParent(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial void LLVMAddAttributeAtIndex(LLVMValueRef f, uint index, LLVMAttributeRef a);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMAttributeRef LLVMCreateStringAttribute(LLVMContextRef c, string key, uint keyLength, string value, uint valueLength);

    [LibraryImport(Library)]
    public static partial LLVMAttributeRef LLVMCreateEnumAttribute(LLVMContextRef c, uint kind, ulong value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint LLVMGetEnumAttributeKindForName(string name, nuint length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMAttributeRef LLVMGetStringAttributeAtIndex(LLVMValueRef f, uint index, string key, uint keyLength);

    [LibraryImport(Library)]
    public static partial LLVMAttributeRef LLVMGetEnumAttributeAtIndex(LLVMValueRef f, uint index, uint kind);

    // values
    [LibraryImport(Library)]
    public static partial LLVMValueKind LLVMGetValueKind(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMTypeOf(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial nint LLVMGetValueName2(LLVMValueRef v, out nuint length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMSetValueName2(LLVMValueRef v, string name, nuint length);

    [LibraryImport(Library)]
    public static partial int LLVMIsConstant(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial int LLVMIsNull(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial int LLVMIsUndef(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial int LLVMIsPoison(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial ulong LLVMConstIntGetZExtValue(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial long LLVMConstIntGetSExtValue(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial double LLVMConstRealGetDouble(LLVMValueRef v, out int losesInfo);

    [LibraryImport(Library)]
    public static partial LLVMOpcode LLVMGetConstOpcode(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetAggregateElement(LLVMValueRef c, uint index);

    [LibraryImport(Library)]
    public static partial int LLVMIsConstantString(LLVMValueRef c);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstInt(LLVMTypeRef t, ulong value, int signExtend);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstReal(LLVMTypeRef t, double value);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstNull(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstAllOnes(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetUndef(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetPoison(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstPointerNull(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstArray2(LLVMTypeRef elementType, LLVMValueRef* values, ulong length);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstNamedStruct(LLVMTypeRef structType, LLVMValueRef* values, uint count);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstAddrSpaceCast(LLVMValueRef v, LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstBitCast(LLVMValueRef v, LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMConstGEP2(LLVMTypeRef t, LLVMValueRef ptr, LLVMValueRef* indices, uint count);

    // instructions
    [LibraryImport(Library)]
    public static partial LLVMOpcode LLVMGetInstructionOpcode(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial int LLVMGetNumOperands(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetOperand(LLVMValueRef v, uint index);

    [LibraryImport(Library)]
    public static partial LLVMIntPredicate LLVMGetICmpPredicate(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial LLVMRealPredicate LLVMGetFCmpPredicate(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial uint LLVMGetNumSuccessors(LLVMValueRef term);

    [LibraryImport(Library)]
    public static partial LLVMBasicBlockRef LLVMGetSuccessor(LLVMValueRef term, uint index);

    [LibraryImport(Library)]
    public static partial int LLVMIsConditional(LLVMValueRef br);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetCondition(LLVMValueRef br);

    [LibraryImport(Library)]
    public static partial uint LLVMCountIncoming(LLVMValueRef phi);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetIncomingValue(LLVMValueRef phi, uint index);

    [LibraryImport(Library)]
    public static partial LLVMBasicBlockRef LLVMGetIncomingBlock(LLVMValueRef phi, uint index);

    [LibraryImport(Library)]
    public static partial void LLVMAddIncoming(LLVMValueRef phi, LLVMValueRef* values, LLVMBasicBlockRef* blocks, uint count);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetCalledValue(LLVMValueRef call);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMGetCalledFunctionType(LLVMValueRef call);

    [LibraryImport(Library)]
    public static partial uint LLVMGetNumArgOperands(LLVMValueRef call);

    [LibraryImport(Library)]
    public static partial LLVMAtomicRMWBinOp LLVMGetAtomicRMWBinOp(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial LLVMAtomicOrdering LLVMGetOrdering(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial int LLVMGetVolatile(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial void LLVMSetVolatile(LLVMValueRef i, int isVolatile);

    [LibraryImport(Library)]
    public static partial uint LLVMGetNumIndices(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial uint* LLVMGetIndices(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMGetAllocatedType(LLVMValueRef alloca);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMGetGEPSourceElementType(LLVMValueRef gep);

    [LibraryImport(Library)]
    public static partial int LLVMCanValueUseFastMathFlags(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial uint LLVMGetFastMathFlags(LLVMValueRef fpMathInst);

    [LibraryImport(Library)]
    public static partial void LLVMSetFastMathFlags(LLVMValueRef fpMathInst, uint flags);

    [LibraryImport(Library)]
    public static partial uint LLVMGetDebugLocLine(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial uint LLVMGetDebugLocColumn(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial nint LLVMGetDebugLocFilename(LLVMValueRef v, out uint length);

    [LibraryImport(Library)]
    public static partial nint LLVMGetDebugLocDirectory(LLVMValueRef v, out uint length);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMIsAInstruction(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMIsAConstantInt(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMIsAConstantFP(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMIsAConstantExpr(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMIsAGlobalVariable(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMIsAFunction(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMIsAArgument(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMIsAInlineAsm(LLVMValueRef v);

    // types
    [LibraryImport(Library)]
    public static partial LLVMTypeKind LLVMGetTypeKind(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial uint LLVMGetIntTypeWidth(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial uint LLVMGetPointerAddressSpace(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial ulong LLVMGetArrayLength2(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial uint LLVMGetVectorSize(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMGetElementType(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial uint LLVMCountStructElementTypes(LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMStructGetTypeAtIndex(LLVMTypeRef t, uint index);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMGetReturnType(LLVMTypeRef fnType);

    [LibraryImport(Library)]
    public static partial uint LLVMCountParamTypes(LLVMTypeRef fnType);

    [LibraryImport(Library)]
    public static partial void LLVMGetParamTypes(LLVMTypeRef fnType, LLVMTypeRef* dest);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMVoidTypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMInt1TypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMInt8TypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMInt16TypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMInt32TypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMInt64TypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMHalfTypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMBFloatTypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMFloatTypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMDoubleTypeInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMPointerTypeInContext(LLVMContextRef c, uint addressSpace);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMArrayType2(LLVMTypeRef element, ulong count);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMVectorType(LLVMTypeRef element, uint count);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMFunctionType(LLVMTypeRef returnType, LLVMTypeRef* paramTypes, uint paramCount, int isVarArg);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMTypeRef LLVMStructCreateNamed(LLVMContextRef c, string name);

    [LibraryImport(Library)]
    public static partial void LLVMStructSetBody(LLVMTypeRef t, LLVMTypeRef* elements, uint count, int packed);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMStructTypeInContext(LLVMContextRef c, LLVMTypeRef* elements, uint count, int packed);

    [LibraryImport(Library)]
    public static partial ulong LLVMABISizeOfType(LLVMTargetDataRef td, LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial ulong LLVMStoreSizeOfType(LLVMTargetDataRef td, LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial uint LLVMABIAlignmentOfType(LLVMTargetDataRef td, LLVMTypeRef t);

    [LibraryImport(Library)]
    public static partial ulong LLVMOffsetOfElement(LLVMTargetDataRef td, LLVMTypeRef structType, uint element);

    [LibraryImport(Library)]
    public static partial uint LLVMPointerSizeForAS(LLVMTargetDataRef td, uint addressSpace);

    // passes & targets
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMErrorRef LLVMRunPasses(LLVMModuleRef m, string passes, LLVMTargetMachineRef tm, LLVMPassBuilderOptionsRef options);

    [LibraryImport(Library)]
    public static partial LLVMPassBuilderOptionsRef LLVMCreatePassBuilderOptions();

    [LibraryImport(Library)]
    public static partial void LLVMDisposePassBuilderOptions(LLVMPassBuilderOptionsRef o);

    [LibraryImport(Library)]
    public static partial void LLVMPassBuilderOptionsSetLoopVectorization(LLVMPassBuilderOptionsRef o, int value);

    [LibraryImport(Library)]
    public static partial void LLVMPassBuilderOptionsSetSLPVectorization(LLVMPassBuilderOptionsRef o, int value);

    [LibraryImport(Library)]
    public static partial void LLVMPassBuilderOptionsSetLoopUnrolling(LLVMPassBuilderOptionsRef o, int value);

    [LibraryImport(Library)]
    public static partial void LLVMPassBuilderOptionsSetVerifyEach(LLVMPassBuilderOptionsRef o, int value);

    [LibraryImport(Library)]
    public static partial nint LLVMGetErrorMessage(LLVMErrorRef e);

    [LibraryImport(Library)]
    public static partial void LLVMDisposeErrorMessage(nint message);

    [LibraryImport(Library)]
    public static partial void LLVMInitializeNVPTXTargetInfo();

    [LibraryImport(Library)]
    public static partial void LLVMInitializeNVPTXTarget();

    [LibraryImport(Library)]
    public static partial void LLVMInitializeNVPTXTargetMC();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LLVMGetTargetFromTriple(string triple, out LLVMTargetRef target, out nint error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMTargetMachineRef LLVMCreateTargetMachine(LLVMTargetRef target, string triple, string cpu, string features, int level, int reloc, int codeModel);

    [LibraryImport(Library)]
    public static partial void LLVMDisposeTargetMachine(LLVMTargetMachineRef tm);

    [LibraryImport(Library)]
    public static partial void LLVMGetVersion(out uint major, out uint minor, out uint patch);

    // builder
    [LibraryImport(Library)]
    public static partial LLVMBuilderRef LLVMCreateBuilderInContext(LLVMContextRef c);

    [LibraryImport(Library)]
    public static partial void LLVMDisposeBuilder(LLVMBuilderRef b);

    [LibraryImport(Library)]
    public static partial void LLVMPositionBuilderAtEnd(LLVMBuilderRef b, LLVMBasicBlockRef block);

    [LibraryImport(Library)]
    public static partial void LLVMPositionBuilderBefore(LLVMBuilderRef b, LLVMValueRef inst);

    [LibraryImport(Library)]
    public static partial LLVMBasicBlockRef LLVMGetInsertBlock(LLVMBuilderRef b);

    [LibraryImport(Library)]
    public static partial void LLVMSetCurrentDebugLocation2(LLVMBuilderRef b, LLVMMetadataRef loc);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildRetVoid(LLVMBuilderRef b);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildRet(LLVMBuilderRef b, LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildBr(LLVMBuilderRef b, LLVMBasicBlockRef dest);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildCondBr(LLVMBuilderRef b, LLVMValueRef cond, LLVMBasicBlockRef then, LLVMBasicBlockRef otherwise);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildSwitch(LLVMBuilderRef b, LLVMValueRef v, LLVMBasicBlockRef otherwise, uint numCases);

    [LibraryImport(Library)]
    public static partial void LLVMAddCase(LLVMValueRef sw, LLVMValueRef onVal, LLVMBasicBlockRef dest);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildUnreachable(LLVMBuilderRef b);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildBinOp(LLVMBuilderRef b, LLVMOpcode op, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildNeg(LLVMBuilderRef b, LLVMValueRef v, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildFNeg(LLVMBuilderRef b, LLVMValueRef v, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildNot(LLVMBuilderRef b, LLVMValueRef v, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildAlloca(LLVMBuilderRef b, LLVMTypeRef t, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildLoad2(LLVMBuilderRef b, LLVMTypeRef t, LLVMValueRef ptr, string name);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildStore(LLVMBuilderRef b, LLVMValueRef v, LLVMValueRef ptr);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildGEP2(LLVMBuilderRef b, LLVMTypeRef t, LLVMValueRef ptr, LLVMValueRef* indices, uint count, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildInBoundsGEP2(LLVMBuilderRef b, LLVMTypeRef t, LLVMValueRef ptr, LLVMValueRef* indices, uint count, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildStructGEP2(LLVMBuilderRef b, LLVMTypeRef t, LLVMValueRef ptr, uint index, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildCast(LLVMBuilderRef b, LLVMOpcode op, LLVMValueRef v, LLVMTypeRef destType, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildICmp(LLVMBuilderRef b, LLVMIntPredicate op, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildFCmp(LLVMBuilderRef b, LLVMRealPredicate op, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildPhi(LLVMBuilderRef b, LLVMTypeRef t, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildCall2(LLVMBuilderRef b, LLVMTypeRef fnType, LLVMValueRef fn, LLVMValueRef* args, uint count, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildSelect(LLVMBuilderRef b, LLVMValueRef cond, LLVMValueRef then, LLVMValueRef otherwise, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildExtractValue(LLVMBuilderRef b, LLVMValueRef agg, uint index, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildInsertValue(LLVMBuilderRef b, LLVMValueRef agg, LLVMValueRef v, uint index, string name);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildAtomicRMW(LLVMBuilderRef b, LLVMAtomicRMWBinOp op, LLVMValueRef ptr, LLVMValueRef v, LLVMAtomicOrdering ordering, int singleThread);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildAtomicCmpXchg(LLVMBuilderRef b, LLVMValueRef ptr, LLVMValueRef cmp, LLVMValueRef newValue, LLVMAtomicOrdering success, LLVMAtomicOrdering failure, int singleThread);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildFence(LLVMBuilderRef b, LLVMAtomicOrdering ordering, int singleThread, string name);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildMemCpy(LLVMBuilderRef b, LLVMValueRef dst, uint dstAlign, LLVMValueRef src, uint srcAlign, LLVMValueRef size);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMBuildMemSet(LLVMBuilderRef b, LLVMValueRef ptr, LLVMValueRef value, LLVMValueRef length, uint align);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef LLVMBuildFreeze(LLVMBuilderRef b, LLVMValueRef v, string name);

    [LibraryImport(Library)]
    public static partial LLVMMetadataRef LLVMDIBuilderCreateDebugLocation(LLVMContextRef c, uint line, uint column, LLVMMetadataRef scope, LLVMMetadataRef inlinedAt);

    [LibraryImport(Library)]
    public static partial nint LLVMGetFirstUse(LLVMValueRef v);

    [LibraryImport(Library)]
    public static partial nint LLVMGetNextUse(nint use);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetUser(nint use);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetMaskValue(LLVMValueRef shuffle, uint index);

    [LibraryImport(Library)]
    public static partial uint LLVMGetCmpXchgSuccessOrdering(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial int LLVMGetNSW(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial int LLVMGetNUW(LLVMValueRef i);

    [LibraryImport(Library)]
    public static partial LLVMTypeRef LLVMGetTypeAttributeValue(LLVMAttributeRef attribute);

    [LibraryImport(Library)]
    public static partial nint LLVMGetStringAttributeValue(LLVMAttributeRef attribute, out uint length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMParseCommandLineOptions(int argc, nint* argv, string overview);

    [LibraryImport(Library)]
    public static partial ulong LLVMGetEnumAttributeValue(LLVMAttributeRef attribute);

    [LibraryImport(Library)]
    public static partial LLVMDIBuilderRef LLVMCreateDIBuilder(LLVMModuleRef m);

    [LibraryImport(Library)]
    public static partial void LLVMDisposeDIBuilder(LLVMDIBuilderRef builder);

    [LibraryImport(Library)]
    public static partial void LLVMDIBuilderFinalize(LLVMDIBuilderRef builder);

    [LibraryImport(Library)]
    public static partial LLVMMetadataRef LLVMDIBuilderCreateFile(LLVMDIBuilderRef builder, byte* filename, nuint filenameLength, byte* directory, nuint directoryLength);

    [LibraryImport(Library)]
    public static partial LLVMMetadataRef LLVMDIBuilderCreateCompileUnit(LLVMDIBuilderRef builder, int lang, LLVMMetadataRef file, byte* producer, nuint producerLength,
        int isOptimized, byte* flags, nuint flagsLength, uint runtimeVersion, byte* splitName, nuint splitNameLength, int kind, uint dwoId,
        int splitDebugInlining, int debugInfoForProfiling, byte* sysRoot, nuint sysRootLength, byte* sdk, nuint sdkLength);

    [LibraryImport(Library)]
    public static partial LLVMMetadataRef LLVMDIBuilderCreateSubroutineType(LLVMDIBuilderRef builder, LLVMMetadataRef file, LLVMMetadataRef* parameterTypes, uint count, int flags);

    [LibraryImport(Library)]
    public static partial LLVMMetadataRef LLVMDIBuilderCreateFunction(LLVMDIBuilderRef builder, LLVMMetadataRef scope, byte* name, nuint nameLength, byte* linkageName, nuint linkageNameLength,
        LLVMMetadataRef file, uint line, LLVMMetadataRef type, int isLocalToUnit, int isDefinition, uint scopeLine, int flags, int isOptimized);

    [LibraryImport(Library)]
    public static partial void LLVMSetSubprogram(LLVMValueRef function, LLVMMetadataRef subprogram);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMAddModuleFlag(LLVMModuleRef m, int behavior, string key, nuint keyLength, LLVMMetadataRef value);

    [LibraryImport(Library)]
    public static partial LLVMValueRef LLVMGetFirstParam(LLVMValueRef f);

    [LibraryImport(Library)]
    public static partial void LLVMDeleteFunction(LLVMValueRef f);

    [LibraryImport(Library)]
    public static partial void LLVMInstructionEraseFromParent(LLVMValueRef inst);

    [LibraryImport(Library)]
    public static partial LLVMAttributeRef LLVMCreateTypeAttribute(LLVMContextRef c, uint kind, LLVMTypeRef type);
}
#pragma warning restore CS1591
