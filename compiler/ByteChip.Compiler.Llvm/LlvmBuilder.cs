using System.Text;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Llvm;

/// <summary>
/// A small typed façade over the LLVM IR builder of one module: types, constants, instructions, intrinsic
/// declarations and debug locations. It owns the builder and the debug-info builder.
/// </summary>
public sealed unsafe class LlvmBuilder : IDisposable
{
    private readonly LlvmModule _module;
    private readonly LLVMContextRef _c;
    private LLVMBuilderRef _b;
    private LLVMDIBuilderRef _di;
    private LLVMMetadataRef _compileUnit;
    private readonly Dictionary<string, LLVMMetadataRef> _files = new(StringComparer.Ordinal);

    public LlvmBuilder(LlvmModule module)
    {
        _module = module;
        _c = module.Context.Handle;
        _b = LLVMCreateBuilderInContext(_c);
        Void = LLVMVoidTypeInContext(_c);
        I1 = LLVMInt1TypeInContext(_c);
        I8 = LLVMInt8TypeInContext(_c);
        I16 = LLVMInt16TypeInContext(_c);
        I32 = LLVMInt32TypeInContext(_c);
        I64 = LLVMInt64TypeInContext(_c);
        Half = LLVMHalfTypeInContext(_c);
        Float = LLVMFloatTypeInContext(_c);
        Double = LLVMDoubleTypeInContext(_c);
        Ptr = LLVMPointerTypeInContext(_c, 0);
    }

    public LLVMModuleRef Module => _module.Handle;

    public LLVMContextRef Context => _c;

    public LLVMTypeRef Void { get; }

    public LLVMTypeRef I1 { get; }

    public LLVMTypeRef I8 { get; }

    public LLVMTypeRef I16 { get; }

    public LLVMTypeRef I32 { get; }

    public LLVMTypeRef I64 { get; }

    public LLVMTypeRef Half { get; }

    public LLVMTypeRef Float { get; }

    public LLVMTypeRef Double { get; }

    /// <summary>The generic pointer type (address space 0).</summary>
    public LLVMTypeRef Ptr { get; }

    public LLVMTypeRef PtrIn(uint addressSpace) => LLVMPointerTypeInContext(_c, addressSpace);

    public LLVMTypeRef Int(int bits) => bits switch { 1 => I1, 8 => I8, 16 => I16, 32 => I32, _ => I64 };

    public LLVMTypeRef Array(LLVMTypeRef element, ulong count) => LLVMArrayType2(element, count);

    public LLVMTypeRef Function(LLVMTypeRef ret, params LLVMTypeRef[] parameters)
    {
        fixed (LLVMTypeRef* p = parameters)
        {
            return LLVMFunctionType(ret, p, (uint)parameters.Length, 0);
        }
    }

    // ---------------------------------------------------------------- constants

    public LLVMValueRef ConstInt(LLVMTypeRef type, long value) => LLVMConstInt(type, unchecked((ulong)value), 1);

    public LLVMValueRef I32Const(long value) => ConstInt(I32, value);

    public LLVMValueRef I64Const(long value) => ConstInt(I64, value);

    public LLVMValueRef ConstReal(LLVMTypeRef type, double value) => LLVMConstReal(type, value);

    public LLVMValueRef Null(LLVMTypeRef type) => LLVMConstNull(type);

    public LLVMValueRef Undef(LLVMTypeRef type) => LLVMGetUndef(type);

    // ---------------------------------------------------------------- blocks

    public LLVMBasicBlockRef AppendBlock(LLVMValueRef function, string name) => LLVMAppendBasicBlockInContext(_c, function, name);

    public void PositionAtEnd(LLVMBasicBlockRef block) => LLVMPositionBuilderAtEnd(_b, block);

    public void PositionBefore(LLVMValueRef instruction) => LLVMPositionBuilderBefore(_b, instruction);

    public LLVMBasicBlockRef InsertBlock => LLVMGetInsertBlock(_b);

    /// <summary>True when the current block already ends in a terminator.</summary>
    public bool IsTerminated => !LLVMGetBasicBlockTerminator(InsertBlock).IsNull;

    // ---------------------------------------------------------------- instructions

    public LLVMValueRef Binary(LLVMOpcode op, LLVMValueRef a, LLVMValueRef b) => LLVMBuildBinOp(_b, op, a, b, "");

    public LLVMValueRef Neg(LLVMValueRef a) => LLVMBuildNeg(_b, a, "");

    public LLVMValueRef FNeg(LLVMValueRef a) => LLVMBuildFNeg(_b, a, "");

    public LLVMValueRef Not(LLVMValueRef a) => LLVMBuildNot(_b, a, "");

    public LLVMValueRef ICmp(LLVMIntPredicate p, LLVMValueRef a, LLVMValueRef b) => LLVMBuildICmp(_b, p, a, b, "");

    public LLVMValueRef FCmp(LLVMRealPredicate p, LLVMValueRef a, LLVMValueRef b) => LLVMBuildFCmp(_b, p, a, b, "");

    public LLVMValueRef Cast(LLVMOpcode op, LLVMValueRef v, LLVMTypeRef to) => LLVMTypeOf(v) == to && op is LLVMOpcode.BitCast ? v : LLVMBuildCast(_b, op, v, to, "");

    public LLVMValueRef Select(LLVMValueRef c, LLVMValueRef a, LLVMValueRef b) => LLVMBuildSelect(_b, c, a, b, "");

    public LLVMValueRef Alloca(LLVMTypeRef type, uint align, string name = "")
    {
        var a = LLVMBuildAlloca(_b, type, name);
        LLVMSetAlignment(a, align);
        return a;
    }

    public LLVMValueRef Load(LLVMTypeRef type, LLVMValueRef pointer, uint align, bool isVolatile = false)
    {
        var l = LLVMBuildLoad2(_b, type, pointer, "");
        LLVMSetAlignment(l, align);
        if (isVolatile)
        {
            LLVMSetVolatile(l, 1);
        }
        return l;
    }

    public LLVMValueRef Store(LLVMValueRef value, LLVMValueRef pointer, uint align, bool isVolatile = false)
    {
        var s = LLVMBuildStore(_b, value, pointer);
        LLVMSetAlignment(s, align);
        if (isVolatile)
        {
            LLVMSetVolatile(s, 1);
        }
        return s;
    }

    /// <summary><c>getelementptr inbounds i8, ptr p, i64 offset</c>.</summary>
    public LLVMValueRef ByteOffset(LLVMValueRef pointer, LLVMValueRef offset)
    {
        var index = offset;
        return LLVMBuildInBoundsGEP2(_b, I8, pointer, &index, 1, "");
    }

    public LLVMValueRef ByteOffset(LLVMValueRef pointer, long offset) => offset == 0 ? pointer : ByteOffset(pointer, I64Const(offset));

    /// <summary><c>getelementptr inbounds T, ptr p, index</c>.</summary>
    public LLVMValueRef Element(LLVMTypeRef elementType, LLVMValueRef pointer, LLVMValueRef index) => LLVMBuildInBoundsGEP2(_b, elementType, pointer, &index, 1, "");

    public LLVMValueRef Br(LLVMBasicBlockRef target) => LLVMBuildBr(_b, target);

    public LLVMValueRef CondBr(LLVMValueRef cond, LLVMBasicBlockRef then, LLVMBasicBlockRef otherwise) => LLVMBuildCondBr(_b, cond, then, otherwise);

    public LLVMValueRef RetVoid() => LLVMBuildRetVoid(_b);

    public LLVMValueRef Ret(LLVMValueRef v) => LLVMBuildRet(_b, v);

    public LLVMValueRef Unreachable() => LLVMBuildUnreachable(_b);

    public LLVMValueRef Switch(LLVMValueRef v, LLVMBasicBlockRef otherwise, int cases) => LLVMBuildSwitch(_b, v, otherwise, (uint)cases);

    public LLVMValueRef Phi(LLVMTypeRef type, (LLVMValueRef Value, LLVMBasicBlockRef Block)[] incoming)
    {
        var phi = LLVMBuildPhi(_b, type, "");
        var values = incoming.Select(i => i.Value).ToArray();
        var blocks = incoming.Select(i => i.Block).ToArray();
        fixed (LLVMValueRef* v = values)
        fixed (LLVMBasicBlockRef* b = blocks)
        {
            LLVMAddIncoming(phi, v, b, (uint)incoming.Length);
        }
        return phi;
    }

    public LLVMValueRef Call(LLVMTypeRef fnType, LLVMValueRef fn, params LLVMValueRef[] args)
    {
        fixed (LLVMValueRef* a = args)
        {
            return LLVMBuildCall2(_b, fnType, fn, a, (uint)args.Length, "");
        }
    }

    /// <summary>Calls a function by name, declaring it with the given signature the first time.</summary>
    public LLVMValueRef CallNamed(string name, LLVMTypeRef ret, params LLVMValueRef[] args)
    {
        var types = args.Select(LLVMTypeOf).ToArray();
        var fnType = Function(ret, types);
        var fn = LLVMGetNamedFunction(_module.Handle, name);
        if (fn.IsNull)
        {
            fn = LLVMAddFunction(_module.Handle, name, fnType);
        }
        return Call(fnType, fn, args);
    }

    public LLVMValueRef AtomicRmw(LLVMAtomicRMWBinOp op, LLVMValueRef pointer, LLVMValueRef value) =>
        LLVMBuildAtomicRMW(_b, op, pointer, value, LLVMAtomicOrdering.Monotonic, 0);

    public LLVMValueRef CmpXchg(LLVMValueRef pointer, LLVMValueRef expected, LLVMValueRef replacement) =>
        LLVMBuildAtomicCmpXchg(_b, pointer, expected, replacement, LLVMAtomicOrdering.Monotonic, LLVMAtomicOrdering.Monotonic, 0);

    public LLVMValueRef ExtractValue(LLVMValueRef aggregate, uint index) => LLVMBuildExtractValue(_b, aggregate, index, "");

    public LLVMValueRef Fence() => LLVMBuildFence(_b, LLVMAtomicOrdering.SequentiallyConsistent, 0, "");

    public LLVMValueRef MemCpy(LLVMValueRef dst, LLVMValueRef src, long size, uint align) => LLVMBuildMemCpy(_b, dst, align, src, align, I64Const(size));

    public LLVMValueRef MemSet(LLVMValueRef dst, long size, uint align) => LLVMBuildMemSet(_b, dst, LLVMConstInt(I8, 0, 0), I64Const(size), align);

    // ---------------------------------------------------------------- debug locations

    /// <summary>Starts debug info for the module (a compile unit in <paramref name="mainFile"/>).</summary>
    public void BeginDebugInfo(string mainFile)
    {
        _di = LLVMCreateDIBuilder(_module.Handle);
        var file = File(mainFile);
        var producer = Encoding.UTF8.GetBytes("bytechipcc");
        fixed (byte* p = producer)
        {
            // LLVMDWARFSourceLanguage is numbered from 0 (C89), so C++ is 3 (DW_LANG_C_plus_plus); line tables only.
            _compileUnit = LLVMDIBuilderCreateCompileUnit(_di, 3, file, p, (nuint)producer.Length, 0, null, 0, 0, null, 0, 2 /* line tables only */, 0, 0, 0, null, 0, null, 0);
        }
        var version = LLVMValueAsMetadata(LLVMConstInt(I32, 3, 0));
        LLVMAddModuleFlag(_module.Handle, 1 /* error */, "Debug Info Version", 18, version);
    }

    private LLVMMetadataRef File(string path)
    {
        if (_files.TryGetValue(path, out var f))
        {
            return f;
        }
        var name = Encoding.UTF8.GetBytes(path);
        fixed (byte* n = name)
        {
            f = LLVMDIBuilderCreateFile(_di, n, (nuint)name.Length, null, 0);
        }
        _files[path] = f;
        return f;
    }

    /// <summary>Attaches a subprogram to <paramref name="function"/> so instructions can carry locations.</summary>
    public LLVMMetadataRef Subprogram(LLVMValueRef function, string name, string file, int line)
    {
        if (_di.IsNull)
        {
            return default;
        }
        var f = File(file);
        var type = LLVMDIBuilderCreateSubroutineType(_di, f, null, 0, 0);
        var bytes = Encoding.UTF8.GetBytes(name);
        LLVMMetadataRef sp;
        fixed (byte* n = bytes)
        {
            sp = LLVMDIBuilderCreateFunction(_di, f, n, (nuint)bytes.Length, n, (nuint)bytes.Length, f, (uint)Math.Max(line, 0), type, 1, 1, (uint)Math.Max(line, 0), 0, 0);
        }
        LLVMSetSubprogram(function, sp);
        return sp;
    }

    /// <summary>Sets the location of the instructions built next (no location when <paramref name="scope"/> is null).</summary>
    public void SetLocation(LLVMMetadataRef scope, int line, int column)
    {
        LLVMSetCurrentDebugLocation2(_b, scope.IsNull || line <= 0 ? default : LLVMDIBuilderCreateDebugLocation(_c, (uint)line, (uint)Math.Max(column, 0), scope, default));
    }

    public void FinishDebugInfo()
    {
        if (!_di.IsNull)
        {
            LLVMDIBuilderFinalize(_di);
        }
    }

    public void Dispose()
    {
        if (!_di.IsNull)
        {
            LLVMDisposeDIBuilder(_di);
            _di = default;
        }
        if (!_b.IsNull)
        {
            LLVMDisposeBuilder(_b);
            _b = default;
        }
    }
}
