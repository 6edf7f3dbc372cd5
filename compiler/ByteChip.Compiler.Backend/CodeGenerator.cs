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

    /// <summary>Run the register-allocation checker on every kernel.</summary>
    public bool VerifyRegisterAllocation { get; init; }

    /// <summary>Called with (stage, text) after each stage when set: llvm-before, llvm-after, isel, layout, regalloc.</summary>
    public Action<string, string>? Dump { get; init; }
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
        const string lowering = "lower-switch,scalarizer,pre-isel-intrinsic-lowering";
        return level <= 0
            ? $"always-inline,lower-expect,infer-address-spaces,{lowering}"
            : $"default<O{Math.Min(level, 3)}>,infer-address-spaces,instcombine,{lowering},adce,simplifycfg<no-switch-range-to-icmp;no-switch-to-lookup>,lower-switch";
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
        foreach (var (f, info) in kernels)
        {
            var ir = new IrFunction(f);
            var kernel = new KernelInfo();
            var mf = InstructionSelector.Select(layout, ir, kernel);
            options.Dump?.Invoke("isel", mf.Dump());
            DeadCodeElimination.Run(mf);
            BlockLayout.Run(mf);
            BranchFolding.Run(mf);
            options.Dump?.Invoke("layout", mf.Dump());
            int kernelRegs = info.MaxThreads > 0 ? Math.Min(maxRegs, RegistersForLaunchBounds(options.Target, info.MaxThreads)) : maxRegs;
            var assignment = RegisterAllocator.Run(mf, kernelRegs);
            if (options.VerifyRegisterAllocation)
            {
                RegisterAllocationChecker.Check(mf, assignment, kernelRegs);
            }
            options.Dump?.Invoke("regalloc", mf.Dump() + "\n" + string.Join("\n", Enumerable.Range(0, mf.RegisterCount).Where(r => assignment.Physical[r] >= 0).Select(r => $"%{r} -> {(mf.ClassOf(r) == RegClass.Pred ? "P" : "R")}{assignment.Physical[r]}")));
            RedundantMoveElimination.Run(mf, assignment);
            BranchFolding.Run(mf);
            var output = Emitter.Emit(mf, assignment);
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
            bcKernels.Add(new BcKernel
            {
                Name = sourceName,
                MangledName = sourceName == mangled ? null : mangled,
                Code = output.Code,
                Parameters = kernel.Parameters.Select(p => new BcParameter(p.Name, p.Offset, p.Size, p.Align,
                    p.Pointer ? BcParameterKind.Pointer : BcParameterKind.Value,
                    p.Pointer ? (p.AddressSpace switch { AddressSpaces.Global => BcAddressSpace.Global, AddressSpaces.Shared => BcAddressSpace.Shared, AddressSpaces.Constant => BcAddressSpace.Constant, AddressSpaces.Local => BcAddressSpace.Local, _ => BcAddressSpace.Global }) : BcAddressSpace.None)).ToList(),
                RegistersPerThread = (uint)Math.Max(assignment.RegistersUsed, 1),
                PredicatesUsed = (uint)assignment.PredicatesUsed,
                StaticSharedBytes = kernel.StaticSharedBytes,
                LocalBytesPerThread = mf.FrameBytes,
                MaxThreadsPerBlock = (uint)info.MaxThreads,
                UsesDynamicShared = kernel.UsesDynamicShared,
                Relocations = output.Relocations,
                Lines = lines,
            });
            resources.Add(new KernelResources(sourceName, Math.Max(assignment.RegistersUsed, 1), assignment.PredicatesUsed, assignment.SpilledValues, assignment.SpillBytes, kernel.StaticSharedBytes, mf.FrameBytes, output.Code.Length));
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

    private static string? StringAttribute(LLVMValueRef f, string key)
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
