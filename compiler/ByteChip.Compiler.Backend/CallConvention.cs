using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>Where a called function's arguments, result and return address live in local memory.</summary>
public sealed record CallSlots(string Name, uint[] Parameters, uint Result, uint Link);

/// <summary>
/// The calling convention of <c>__noinline__</c> device functions (documented in compiler/docs/abi.md).
/// Recursion is rejected, so every function has static storage: an argument/result/link area at the start
/// of local memory (one per function), and a frame placed after the frames of all its callers. Registers are
/// windows: a function allocates above every caller's registers, so no register is saved around a call;
/// predicates live across a call are kept in local memory by the allocator (a call clobbers the predicate file). The caller stores the arguments, executes <c>call Rlink, f</c> (Rlink is the kernel's last
/// register); the callee stores Rlink to its link slot, runs, stores the result and returns with
/// <c>ret</c> on the reloaded link.
/// </summary>
public sealed class CallConvention
{
    private readonly Dictionary<string, CallSlots> _slots = new(StringComparer.Ordinal);

    public CallConvention(ModuleLayout layout, IEnumerable<LLVMValueRef> functions)
    {
        uint offset = 0;
        uint Take(ulong size, uint align)
        {
            align = Math.Max(align, 1);
            offset = (offset + align - 1) / align * align;
            uint at = offset;
            offset += (uint)Math.Max(size, 1);
            return at;
        }
        foreach (var f in functions)
        {
            uint n = LLVMCountParams(f);
            var ps = new uint[n];
            for (uint k = 0; k < n; k++)
            {
                var t = LLVMTypeOf(LLVMGetParam(f, k));
                ps[k] = Take(Math.Max(layout.StoreSizeOf(t), 4), Math.Max(layout.AlignOf(t), 4));
            }
            var ret = LLVMGetReturnType(LLVMGlobalGetValueType(f));
            uint result = LLVMGetTypeKind(ret) == LLVMTypeKind.Void ? 0 : Take(Math.Max(layout.StoreSizeOf(ret), 4), Math.Max(layout.AlignOf(ret), 4));
            uint link = Take(4, 4);
            var name = LlvmText.NameOf(f);
            _slots[name] = new CallSlots(name, ps, result, link);
        }
        AreaBytes = (offset + 15) / 16 * 16;
    }

    /// <summary>Bytes of local memory the slot area takes; frames start after it.</summary>
    public uint AreaBytes { get; }

    public CallSlots SlotsOf(string function) => _slots[function];

    public bool IsCallable(string function) => _slots.ContainsKey(function);
}

/// <summary>What selection needs to know about the function being selected and the kernel it belongs to.</summary>
public sealed record FunctionContext(
    bool IsKernel,
    IReadOnlyDictionary<LLVMValueRef, uint> SharedOffsets,
    CallConvention? Calls,
    int LinkRegister,
    uint FrameBase);
