using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>Options of the backend.</summary>
public sealed record BackendOptions(TargetInfo Target, int OptimizationLevel = 2)
{
    /// <summary>Registers a kernel may use (below the target's limit), like nvcc's -maxrregcount; 0 = target limit.</summary>
    public int MaxRegisters { get; init; }

    /// <summary>Schedule instructions against the target's latencies at -O1 and above (bytechipcc -fno-schedule-insns turns it off).</summary>
    public bool ScheduleInstructions { get; init; } = true;

    /// <summary>Run the register-allocation checker on every kernel.</summary>
    public bool VerifyRegisterAllocation { get; init; }

    /// <summary>Called with (stage, text) after each stage when set: llvm-before, llvm-after, isel, layout, regalloc.</summary>
    public Action<string, string>? Dump { get; init; }

    /// <summary>Wall time per phase when set (bytechipcc --time-report).</summary>
    public PhaseTimings? Timings { get; init; }
}

/// <summary>Per-kernel figures for --resource-usage.</summary>
public sealed record KernelResources(string Name, int Registers, int Predicates, int SpilledValues, uint SpillBytes, uint StaticSharedBytes, uint LocalBytes, int Instructions);

/// <summary>
/// The backend pipeline: LLVM IR (from bytechipcc's IR generation or from clang's CUDA device IR) →
/// GPU-aware LLVM pipeline → per kernel: instruction selection (with uniformity), block layout, branch
/// folding, register allocation (with spilling), encoding → a .bcbin module.
/// </summary>
public static class CodeGenerator
{
    public const uint PtxKernelCallingConvention = 71;

    /// <summary>The LLVM pass pipeline for an optimization level.</summary>
    public static string Pipeline(int level)
    {
        // Device functions were marked alwaysinline, so even -O0 inlines them (the backend compiles kernels only).
        // instcombine runs without its fixpoint verification: in LLVM 19 a missed fixpoint is a fatal error that
        // would end the process, while another iteration is only an optimization left undone.
        const string lowering = "lower-switch,scalarizer,pre-isel-intrinsic-lowering";
        return level <= 0
            ? $"always-inline,lower-expect,infer-address-spaces,{lowering}"
            : $"default<O{Math.Min(level, 3)}>,infer-address-spaces,instcombine<no-verify-fixpoint>,{lowering},adce,simplifycfg<no-switch-range-to-icmp;no-switch-to-lookup>,lower-switch";
    }

    public static (BcModule Module, IReadOnlyList<KernelResources> Resources) Compile(LlvmModule module, BackendOptions options)
    {
        var kernels = FindKernels(module);
        if (kernels.Count == 0)
        {
            throw new BackendException(BackendErrors.NoKernels, "the module defines no kernels (__global__ functions)");
        }
        foreach (var f in module.Functions)
        {
            if (LLVMIsDeclaration(f) == 0 && !kernels.ContainsKey(f))
            {
                AddAttribute(module, f, "alwaysinline");
            }
            AddStringAttribute(module, f, "no-builtins");
        }
        options.Dump?.Invoke("llvm-before", module.Print());
        using (options.Timings?.Measure("llvm-opt"))
        using (var tm = LlvmTargetMachine.CreateNvptx(options.OptimizationLevel))
        {
            if (module.RunPasses(Pipeline(options.OptimizationLevel), tm) is { } error)
            {
                throw new BackendException(BackendErrors.PassPipelineFailed, $"the LLVM pipeline failed: {error}");
            }
        }
        if (module.Verify() is { } broken)
        {
            throw new BackendException(BackendErrors.InvalidIr, $"the optimized IR does not verify: {broken}");
        }
        options.Dump?.Invoke("llvm-after", module.Print());
        var layout = new ModuleLayout(module, options.Target);
        int maxRegs = (int)options.Target.RegistersPerThread;
        if (options.MaxRegisters > 0)
        {
            maxRegs = Math.Min(maxRegs, options.MaxRegisters);
        }
        var bcKernels = new List<BcKernel>();
        var resources = new List<KernelResources>();
        var files = new List<string>();
        var callGraph = CallGraph.Build(module, kernels.Keys);
        var calls = callGraph.Callable.Count == 0 ? null : new CallConvention(layout, callGraph.Callable);
        foreach (var (f, info) in kernels)
        {
            (BcKernel, KernelResources) compiled;
            try
            {
                try
                {
                    compiled = CompileKernel(f, info, layout, callGraph, calls, maxRegs, options, files, capPerFunction: false);
                }
                catch (BackendException e) when (e.Code == BackendErrors.TooManyRegisters && callGraph.ReachableFrom(f).Count > 1)
                {
                    // The callers' windows left too few registers for a callee: split the file evenly along the call chain.
                    compiled = CompileKernel(f, info, layout, callGraph, calls, maxRegs, options, files, capPerFunction: true);
                }
            }
            catch (BackendException e) when (!e.Position.IsKnown && BackendDiagnostics.DeclarationOf(f).IsKnown)
            {
                throw e.OrAt(BackendDiagnostics.DeclarationOf(f)); // nothing more precise known: the kernel's declaration
            }
            bcKernels.Add(compiled.Item1);
            resources.Add(compiled.Item2);
        }
        var bc = new BcModule
        {
            Target = options.Target.Code == 0x400 ? TargetArch.N4 : TargetArch.N5,
            Kernels = bcKernels,
            ConstantData = layout.ConstantData.ToArray(),
            Constants = layout.Constants.OrderBy(c => c.Offset).ToList(),
            Globals = layout.Globals.ToList(),
            SourceFiles = files,
        };
        return (bc, resources);
    }

    /// <summary>
    /// One kernel with the functions it calls: selection, layout and allocation per function (callers first, so each
    /// callee's register window and frame start above its callers'), then one text section: the kernel, then callees.
    /// </summary>
    private static (BcKernel, KernelResources) CompileKernel(LLVMValueRef f, KernelAnnotation info, ModuleLayout layout, CallGraph callGraph,
        CallConvention? calls, int maxRegs, BackendOptions options, List<string> files, bool capPerFunction)
    {
        var order = callGraph.ReachableFrom(f);
        var irs = order.ToDictionary(g => g, g => new IrFunction(g));
        var kernel = new KernelInfo();
        var shared = SharedLayout.Compute(layout, irs.Values, kernel, BackendDiagnostics.SourceName(f));
        int limit = info.MaxThreads > 0 ? Math.Min(maxRegs, RegistersForLaunchBounds(options.Target, info.MaxThreads)) : maxRegs;
        bool hasCalls = order.Count > 1;
        int allocatable = hasCalls ? limit - 1 : limit; // the last register is the call link register
        var regEnd = new Dictionary<LLVMValueRef, int>();
        var predEnd = new Dictionary<LLVMValueRef, int>();
        var frameEnd = new Dictionary<LLVMValueRef, uint>();
        var parts = new List<Emitter.Part>();
        int spills = 0;
        uint spillBytes = 0;
        foreach (var g in order)
        {
            var callers = callGraph.CallersOf(g).Where(regEnd.ContainsKey).ToList();
            int regBase = callers.Count == 0 ? 0 : callers.Max(c => regEnd[c]);
            const int predBase = 0; // calls clobber predicates: callers keep theirs in memory across a call
            uint frameBase = g == f ? calls?.AreaBytes ?? 0 : callers.Max(c => frameEnd[c]);
            var context = new FunctionContext(g == f, shared, calls, Emitter.LinkPlaceholder, frameBase);
            MFunction mf;
            using (options.Timings?.Measure("isel"))
            {
                mf = InstructionSelector.Select(layout, irs[g], g == f ? kernel : new KernelInfo(), context);
            }
            options.Dump?.Invoke("isel", mf.Dump());
            if (allocatable - regBase < 8)
            {
                throw new BackendException(BackendErrors.TooManyRegisters, $"the call chain to '{BackendDiagnostics.SourceName(g)}' needs more registers than kernel '{BackendDiagnostics.SourceName(f)}' may use ({limit}); inline some functions");
            }
            int window = capPerFunction ? Math.Min(allocatable - regBase, Math.Max(16, allocatable / (callGraph.Depth(f) + 1) / 2 * 2)) : allocatable - regBase;
            using (options.Timings?.Measure("machine-opt"))
            {
                LocalValueNumbering.Run(mf);
                DeadCodeElimination.Run(mf);
                BlockLayout.Run(mf);
                if (options.OptimizationLevel > 0)
                {
                    // Budgets: a quarter of the window (at least 4) stays for what the allocator needs beyond the
                    // estimates; hoisted constants may take a kernel up to 64 registers (a quarter of n4's file, half
                    // of n5's: occupancy stays reasonable), the scheduler up to 32 (full occupancy on both targets).
                    int budget = window - Math.Max(4, window / 4);
                    ConstantHoisting.Run(mf, Math.Min(64, budget));
                    if (options.ScheduleInstructions)
                    {
                        InstructionScheduler.Run(mf, options.Target, Math.Min(32, budget));
                    }
                }
                BranchFolding.Run(mf);
            }
            options.Dump?.Invoke("layout", mf.Dump());
            RegisterAssignment assignment;
            using (options.Timings?.Measure("regalloc"))
            {
                assignment = RegisterAllocator.Run(mf, window);
                if (options.VerifyRegisterAllocation)
                {
                    RegisterAllocationChecker.Check(mf, assignment, window);
                }
            }
            options.Dump?.Invoke("regalloc", mf.Dump() + "\n" + string.Join("\n", Enumerable.Range(0, mf.RegisterCount).Where(r => assignment.Physical[r] >= 0).Select(r => $"%{r} -> {(mf.ClassOf(r) == RegClass.Pred ? "P" : "R")}{assignment.Physical[r]}")));
            using (options.Timings?.Measure("machine-opt"))
            {
                RedundantMoveElimination.Run(mf, assignment);
                BranchFolding.Run(mf);
            }
            regEnd[g] = regBase + assignment.RegistersUsed;
            predEnd[g] = assignment.PredicatesUsed;
            frameEnd[g] = (mf.FrameBytes + 15) / 16 * 16;
            spills += assignment.SpilledValues;
            spillBytes += assignment.SpillBytes;
            parts.Add(new Emitter.Part(LlvmText.NameOf(g), mf, assignment, regBase, predBase));
        }
        int registers = regEnd.Values.Max() + (hasCalls ? 1 : 0);
        Emitter.Output output;
        using (options.Timings?.Measure("emit"))
        {
            output = Emitter.Emit(parts, linkRegister: registers - 1);
        }
        var lines = new List<BcLineEntry>();
        foreach (var (index, pos) in output.Positions)
        {
            if (!pos.IsKnown)
            {
                continue;
            }
            int file = files.IndexOf(pos.File);
            if (file < 0)
            {
                files.Add(pos.File);
                file = files.Count - 1;
            }
            var row = new BcLineEntry((uint)index, (uint)file, (uint)pos.Line, (uint)pos.Column);
            if (lines.Count == 0 || lines[^1] with { InstructionIndex = row.InstructionIndex } != row)
            {
                lines.Add(row);
            }
        }
        var mangled = LlvmText.NameOf(f);
        var sourceName = info.SourceName ?? ItaniumNames.SourceName(mangled);
        uint localBytes = frameEnd.Values.Max();
        if (localBytes > options.Target.LocalBytesPerThread)
        {
            throw new BackendException(BackendErrors.UnsupportedInstruction, $"kernel '{sourceName}' needs {localBytes} bytes of local memory per thread; target {options.Target.Name} allows {options.Target.LocalBytesPerThread}");
        }
        var bcKernel = new BcKernel
        {
            Name = sourceName,
            MangledName = sourceName == mangled ? null : mangled,
            Code = output.Code,
            Parameters = kernel.Parameters.Select(p => new BcParameter(p.Name, p.Offset, p.Size, p.Align,
                p.Pointer ? BcParameterKind.Pointer : BcParameterKind.Value,
                p.Pointer ? (p.AddressSpace switch { AddressSpaces.Global => BcAddressSpace.Global, AddressSpaces.Shared => BcAddressSpace.Shared, AddressSpaces.Constant => BcAddressSpace.Constant, AddressSpaces.Local => BcAddressSpace.Local, _ => BcAddressSpace.Global }) : BcAddressSpace.None)).ToList(),
            RegistersPerThread = (uint)Math.Max(registers, 1),
            PredicatesUsed = (uint)predEnd.Values.Max(),
            StaticSharedBytes = kernel.StaticSharedBytes,
            LocalBytesPerThread = localBytes,
            MaxThreadsPerBlock = (uint)info.MaxThreads,
            UsesDynamicShared = kernel.UsesDynamicShared,
            Relocations = output.Relocations,
            Lines = lines,
        };
        var resource = new KernelResources(sourceName, Math.Max(registers, 1), predEnd.Values.Max(), spills, spillBytes, kernel.StaticSharedBytes, localBytes, output.Code.Length);
        return (bcKernel, resource);
    }

    /// <summary>Registers per thread that let <paramref name="threads"/> threads run in one block (whole register file of 64K).</summary>
    private static int RegistersForLaunchBounds(TargetInfo target, int threads) =>
        Math.Max(16, Math.Min((int)target.RegistersPerThread, 65536 / Math.Max(threads, 1) / 2 * 2));

    public sealed record KernelAnnotation(string? SourceName, int MaxThreads);

    /// <summary>Kernels: the PTX kernel calling convention, an <c>!nvvm.annotations</c> "kernel" entry, or the "bytechip-kernel" attribute.</summary>
    public static Dictionary<LLVMValueRef, KernelAnnotation> FindKernels(LlvmModule module)
    {
        var result = new Dictionary<LLVMValueRef, KernelAnnotation>();
        var maxThreads = new Dictionary<LLVMValueRef, int>();
        var isKernel = new HashSet<LLVMValueRef>();
        foreach (var node in module.NamedMetadata("nvvm.annotations"))
        {
            var ops = MdOperands(node);
            for (int k = 1; k + 1 < ops.Length; k += 2)
            {
                var key = LlvmText.Borrowed(LLVMGetMDString(ops[k], out var len), len);
                if (ops[0].IsNull || LLVMIsAFunction(ops[0]).IsNull)
                {
                    continue;
                }
                if (key == "kernel")
                {
                    isKernel.Add(ops[0]);
                }
                else if (key == "maxntidx" && LLVMGetValueKind(ops[k + 1]) == LLVMValueKind.ConstantInt)
                {
                    maxThreads[ops[0]] = (int)LLVMConstIntGetZExtValue(ops[k + 1]);
                }
            }
        }
        foreach (var f in module.Functions)
        {
            if (LLVMIsDeclaration(f) != 0)
            {
                continue;
            }
            bool kernel = isKernel.Contains(f) || LLVMGetFunctionCallConv(f) == PtxKernelCallingConvention || StringAttribute(f, "bytechip-kernel") is not null;
            if (kernel)
            {
                int threads = maxThreads.GetValueOrDefault(f);
                if (StringAttribute(f, "bytechip-max-threads") is { } t && int.TryParse(t, out var parsed))
                {
                    threads = parsed;
                }
                result[f] = new KernelAnnotation(StringAttribute(f, "bytechip-source-name"), threads);
            }
        }
        return result;
    }

    private static unsafe LLVMValueRef[] MdOperands(LLVMValueRef node)
    {
        uint n = LLVMGetMDNodeNumOperands(node);
        var ops = new LLVMValueRef[n];
        fixed (LLVMValueRef* p = ops)
        {
            if (n > 0)
            {
                LLVMGetMDNodeOperands(node, p);
            }
        }
        return ops;
    }

    private const uint FunctionIndex = uint.MaxValue; // LLVMAttributeFunctionIndex

    internal static string? StringAttribute(LLVMValueRef f, string key)
    {
        var a = LLVMGetStringAttributeAtIndex(f, FunctionIndex, key, (uint)key.Length);
        if (a.IsNull)
        {
            return null;
        }
        var value = LLVMGetStringAttributeValue(a, out var length);
        return LlvmText.Borrowed(value, length);
    }

    private static void AddAttribute(LlvmModule module, LLVMValueRef f, string name)
    {
        uint kind = LLVMGetEnumAttributeKindForName(name, (nuint)name.Length);
        uint noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
        if (!LLVMGetEnumAttributeAtIndex(f, FunctionIndex, noinline).IsNull)
        {
            return;
        }
        LLVMAddAttributeAtIndex(f, FunctionIndex, LLVMCreateEnumAttribute(LLVMGetModuleContext(module.Handle), kind, 0));
    }

    private static void AddStringAttribute(LlvmModule module, LLVMValueRef f, string key)
    {
        LLVMAddAttributeAtIndex(f, FunctionIndex, LLVMCreateStringAttribute(LLVMGetModuleContext(module.Handle), key, (uint)key.Length, "", 0));
    }
}
