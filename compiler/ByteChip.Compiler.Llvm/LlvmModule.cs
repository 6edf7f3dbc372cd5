namespace ByteChip.Compiler.Llvm;

/// <summary>An LLVM context; disposing it disposes nothing else, so modules must be disposed first.</summary>
public sealed class LlvmContext : IDisposable
{
    public LlvmContext()
    {
        LlvmLibrary.EnsureLoaded();
        Handle = LlvmNative.LLVMContextCreate();
    }

    public LLVMContextRef Handle { get; private set; }

    public void Dispose()
    {
        if (!Handle.IsNull)
        {
            LlvmNative.LLVMContextDispose(Handle);
            Handle = default;
        }
    }
}

/// <summary>An owned LLVM module: parse, verify, print, optimize, dispose.</summary>
public sealed class LlvmModule : IDisposable
{
    public const string NvptxTriple = "nvptx64-nvidia-cuda";

    /// <summary>NVPTX's layout with 32-bit pointers for shared (3), constant (4) and local (5) memory, as ByteChip addresses them.</summary>
    public const string DataLayout = "e-p3:32:32-p4:32:32-p5:32:32-i64:64-i128:128-v16:16-v32:32-n16:32:64";

    private LlvmModule(LlvmContext context, LLVMModuleRef handle)
    {
        Context = context;
        Handle = handle;
    }

    public LlvmContext Context { get; }

    public LLVMModuleRef Handle { get; private set; }

    public static LlvmModule Create(LlvmContext context, string name)
    {
        var m = new LlvmModule(context, LlvmNative.LLVMModuleCreateWithNameInContext(name, context.Handle));
        LlvmNative.LLVMSetTarget(m.Handle, NvptxTriple);
        LlvmNative.LLVMSetDataLayout(m.Handle, DataLayout);
        return m;
    }

    /// <summary>Parses textual IR or bitcode. Returns null and an error message when it does not parse.</summary>
    public static unsafe LlvmModule? Parse(LlvmContext context, ReadOnlySpan<byte> bytes, string name, out string? error)
    {
        LLVMMemoryBufferRef buffer;
        fixed (byte* p = bytes)
        {
            buffer = LlvmNative.LLVMCreateMemoryBufferWithMemoryRangeCopy(p, (nuint)bytes.Length, name);
        }
        bool bitcode = bytes.Length >= 4 && bytes[0] == 'B' && bytes[1] == 'C' && bytes[2] == 0xC0 && bytes[3] == 0xDE;
        LLVMModuleRef module;
        if (bitcode)
        {
            // LLVMParseBitcodeInContext2 does not take ownership of the buffer.
            int failed = LlvmNative.LLVMParseBitcodeInContext2(context.Handle, buffer, out module);
            LlvmNative.LLVMDisposeMemoryBuffer(buffer);
            error = failed != 0 ? "not valid LLVM bitcode" : null;
        }
        else
        {
            // LLVMParseIRInContext takes ownership of the buffer.
            int failed = LlvmNative.LLVMParseIRInContext(context.Handle, buffer, out module, out var message);
            var text = LlvmText.TakeMessage(message);
            error = failed != 0 ? text : null;
        }
        return error is null ? new LlvmModule(context, module) : null;
    }

    /// <summary>The verifier's complaint, or null when the module is well formed.</summary>
    public string? Verify()
    {
        int broken = LlvmNative.LLVMVerifyModule(Handle, 2 /* LLVMReturnStatusAction */, out var message);
        var text = LlvmText.TakeMessage(message);
        return broken != 0 ? text : null;
    }

    public string Print() => LlvmText.TakeMessage(LlvmNative.LLVMPrintModuleToString(Handle));

    public LLVMTargetDataRef TargetData => LlvmNative.LLVMGetModuleDataLayout(Handle);

    public string Triple => LlvmText.Borrowed(LlvmNative.LLVMGetTarget(Handle));

    public IEnumerable<LLVMValueRef> Functions
    {
        get
        {
            for (var f = LlvmNative.LLVMGetFirstFunction(Handle); !f.IsNull; f = LlvmNative.LLVMGetNextFunction(f))
            {
                yield return f;
            }
        }
    }

    public IEnumerable<LLVMValueRef> Globals
    {
        get
        {
            for (var g = LlvmNative.LLVMGetFirstGlobal(Handle); !g.IsNull; g = LlvmNative.LLVMGetNextGlobal(g))
            {
                yield return g;
            }
        }
    }

    /// <summary>Operands of a named metadata node (<c>!nvvm.annotations</c>).</summary>
    public unsafe LLVMValueRef[] NamedMetadata(string name)
    {
        uint n = LlvmNative.LLVMGetNamedMetadataNumOperands(Handle, name);
        var result = new LLVMValueRef[n];
        fixed (LLVMValueRef* p = result)
        {
            if (n > 0)
            {
                LlvmNative.LLVMGetNamedMetadataOperands(Handle, name, p);
            }
        }
        return result;
    }

    /// <summary>Runs a new-pass-manager pipeline; returns LLVM's error text, or null on success.</summary>
    public string? RunPasses(string pipeline, LlvmTargetMachine? targetMachine)
    {
        var options = LlvmNative.LLVMCreatePassBuilderOptions();
        try
        {
            LlvmNative.LLVMPassBuilderOptionsSetLoopVectorization(options, 0);
            LlvmNative.LLVMPassBuilderOptionsSetSLPVectorization(options, 0);
            return LlvmText.TakeError(LlvmNative.LLVMRunPasses(Handle, pipeline, targetMachine?.Handle ?? default, options));
        }
        finally
        {
            LlvmNative.LLVMDisposePassBuilderOptions(options);
        }
    }

    public void Dispose()
    {
        if (!Handle.IsNull)
        {
            LlvmNative.LLVMDisposeModule(Handle);
            Handle = default;
        }
    }
}

/// <summary>
/// The NVPTX target machine, used only as a GPU-aware cost model and analysis provider for the middle end
/// (uniformity, address-space inference, intrinsic lowering); code generation is ByteChip's own.
/// </summary>
public sealed class LlvmTargetMachine : IDisposable
{
    private static readonly Lock s_init = new();
    private static bool s_initialized;

    /// <summary>
    /// Process-wide LLVM options the ByteChip pipeline relies on, set once: the scalarizer also splits vector
    /// loads and stores (in LLVM 19 that is a command-line option, not a pass parameter).
    /// </summary>
    private static readonly string[] s_options = ["bytechipcc", "-scalarize-load-store"];

    private static unsafe void SetOptions()
    {
        var ptrs = new nint[s_options.Length];
        try
        {
            for (int i = 0; i < s_options.Length; i++)
            {
                ptrs[i] = System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(s_options[i]);
            }
            fixed (nint* p = ptrs)
            {
                LlvmNative.LLVMParseCommandLineOptions(ptrs.Length, p, "");
            }
        }
        finally
        {
            foreach (var p in ptrs)
            {
                System.Runtime.InteropServices.Marshal.FreeCoTaskMem(p);
            }
        }
    }

    private LlvmTargetMachine(LLVMTargetMachineRef handle) => Handle = handle;

    public LLVMTargetMachineRef Handle { get; private set; }

    /// <summary>
    /// One target machine per optimization level made ahead by <see cref="Prepare"/> (on <see cref="LlvmPreload"/>'s
    /// thread) and not yet handed out; <see cref="CreateNvptx"/> takes it, so every compilation still gets a fresh one.
    /// </summary>
    private static readonly LlvmTargetMachine?[] s_prepared = new LlvmTargetMachine?[4];

    /// <summary>A new NVPTX target machine for <paramref name="optLevel"/> (0..3); the caller disposes it.</summary>
    public static LlvmTargetMachine CreateNvptx(int optLevel)
    {
        int level = Math.Clamp(optLevel, 0, 3);
        return Interlocked.Exchange(ref s_prepared[level], null) ?? Create(level);
    }

    /// <summary>Makes the target machine the next <see cref="CreateNvptx"/> of this level takes (LLVM's target initialization included).</summary>
    internal static void Prepare(int optLevel)
    {
        int level = Math.Clamp(optLevel, 0, 3);
        if (Volatile.Read(ref s_prepared[level]) is not null)
        {
            return;
        }
        var tm = Create(level);
        if (Interlocked.CompareExchange(ref s_prepared[level], tm, null) is not null)
        {
            tm.Dispose(); // another compilation in this process prepared one meanwhile
        }
    }

    private static LlvmTargetMachine Create(int level)
    {
        LlvmLibrary.EnsureLoaded();
        lock (s_init)
        {
            if (!s_initialized)
            {
                LlvmNative.LLVMInitializeNVPTXTargetInfo();
                LlvmNative.LLVMInitializeNVPTXTarget();
                LlvmNative.LLVMInitializeNVPTXTargetMC();
                SetOptions();
                s_initialized = true;
            }
        }
        if (LlvmNative.LLVMGetTargetFromTriple(LlvmModule.NvptxTriple, out var target, out var error) != 0)
        {
            throw new LlvmUnavailableException("this LLVM has no NVPTX target: " + LlvmText.TakeMessage(error));
        }
        LlvmText.TakeMessage(error);
        var tm = LlvmNative.LLVMCreateTargetMachine(target, LlvmModule.NvptxTriple, "sm_80", "", level, 0, 0);
        return new LlvmTargetMachine(tm);
    }

    public void Dispose()
    {
        if (!Handle.IsNull)
        {
            LlvmNative.LLVMDisposeTargetMachine(Handle);
            Handle = default;
        }
    }
}
