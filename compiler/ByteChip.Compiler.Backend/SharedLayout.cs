using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Block-relative offsets of the shared variables a kernel (with the functions it calls) uses: static ones in
/// module order, aligned; every extern (dynamic) one at the next 16-byte boundary after them.
/// </summary>
public static class SharedLayout
{
    public static Dictionary<LLVMValueRef, uint> Compute(ModuleLayout layout, IEnumerable<IrFunction> functions, KernelInfo kernel, string kernelName)
    {
        var used = new HashSet<LLVMValueRef>();
        var seen = new HashSet<LLVMValueRef>();
        void Visit(LLVMValueRef v)
        {
            if (!seen.Add(v))
            {
                return;
            }
            if (!LLVMIsAGlobalVariable(v).IsNull)
            {
                if (LLVMGetPointerAddressSpace(LLVMTypeOf(v)) == AddressSpaces.Shared)
                {
                    used.Add(v);
                }
                return;
            }
            if (!LLVMIsAConstantExpr(v).IsNull)
            {
                int n = LLVMGetNumOperands(v);
                for (uint k = 0; k < n; k++)
                {
                    Visit(LLVMGetOperand(v, k));
                }
            }
        }
        foreach (var f in functions)
        {
            foreach (var b in f.Blocks)
            {
                foreach (var inst in b.Instructions)
                {
                    int n = LLVMGetNumOperands(inst);
                    for (uint k = 0; k < n; k++)
                    {
                        Visit(LLVMGetOperand(inst, k));
                    }
                }
            }
        }
        var offsets = new Dictionary<LLVMValueRef, uint>();
        uint offset = 0;
        var dynamic = new List<LLVMValueRef>();
        foreach (var g in layout.Module.Globals.Where(used.Contains))
        {
            var type = LLVMGlobalGetValueType(g);
            ulong size = layout.SizeOf(type);
            if (LLVMIsDeclaration(g) != 0 || size == 0)
            {
                dynamic.Add(g);
                continue;
            }
            uint align = Math.Max(LLVMGetAlignment(g), layout.AlignOf(type));
            offset = (offset + align - 1) / align * align;
            offsets[g] = offset;
            offset = checked(offset + (uint)size);
        }
        kernel.StaticSharedBytes = offset;
        uint dynamicBase = (offset + 15) / 16 * 16;
        foreach (var g in dynamic)
        {
            offsets[g] = dynamicBase;
            kernel.UsesDynamicShared = true;
        }
        if (offset > layout.Target.SharedBytesPerBlock)
        {
            throw new BackendException(BackendErrors.SharedMemoryOverLimit, $"kernel '{kernelName}' uses {offset} bytes of shared memory; target {layout.Target.Name} allows {layout.Target.SharedBytesPerBlock} per block");
        }
        return offsets;
    }
}
