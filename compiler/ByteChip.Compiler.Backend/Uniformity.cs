using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Which values and branches of a kernel may differ between the lanes of a warp. Conservative by design:
/// a branch the analysis calls uniform becomes <c>bra.uni</c>, which the device model checks, so
/// "divergent" is the safe answer whenever in doubt.
/// <list type="bullet">
/// <item>Sources: thread/lane ids, clocks and lane masks, atomics, shuffles and votes, loads other than
/// from the parameter and constant spaces (another lane may have written the memory), and calls.</item>
/// <item>Data dependence: an instruction with a divergent operand is divergent.</item>
/// <item>Sync dependence: for a divergent branch at B with post-dominator J, the region R of blocks
/// reachable from B before J: every phi in R and in J, and every value defined in R and used outside it
/// (temporal divergence of loops exited divergently) is divergent.</item>
/// </list>
/// Kernel parameters, block ids and dimensions are uniform; a called function's arguments are not. Iterates to a fixed point.
/// </summary>
public sealed class Uniformity
{
    private readonly HashSet<LLVMValueRef> _divergent = [];

    /// <param name="f">The function.</param>
    /// <param name="argumentsUniform">True for kernels (parameters are the same for every thread); a called
    /// function's arguments may differ between lanes.</param>
    public Uniformity(IrFunction f, bool argumentsUniform = true)
    {
        if (!argumentsUniform)
        {
            uint n = LLVMCountParams(f.Handle);
            for (uint k = 0; k < n; k++)
            {
                _divergent.Add(LLVMGetParam(f.Handle, k));
            }
        }
        bool changed = true;
        var handledBranches = new HashSet<IrBlock>();
        while (changed)
        {
            changed = false;
            foreach (var block in f.Blocks)
            {
                foreach (var inst in block.Instructions)
                {
                    if (!_divergent.Contains(inst) && IsDivergent(inst))
                    {
                        _divergent.Add(inst);
                        changed = true;
                    }
                }
            }
            foreach (var block in f.Blocks)
            {
                if (handledBranches.Contains(block) || !IsDivergentBranch(block.Terminator))
                {
                    continue;
                }
                handledBranches.Add(block);
                changed = true;
                var join = f.PostDominator(block);
                var region = new HashSet<IrBlock>();
                var work = new Stack<IrBlock>(block.Successors);
                while (work.Count > 0)
                {
                    var b = work.Pop();
                    if (b == join || !region.Add(b))
                    {
                        continue;
                    }
                    foreach (var s in b.Successors)
                    {
                        work.Push(s);
                    }
                }
                foreach (var b in region.Append(join).OfType<IrBlock>())
                {
                    foreach (var inst in b.Instructions.Where(i => LLVMGetInstructionOpcode(i) == LLVMOpcode.PHI))
                    {
                        _divergent.Add(inst);
                    }
                }
                // Values defined in the region and used outside it.
                foreach (var b in f.Blocks.Where(b => !region.Contains(b)))
                {
                    foreach (var inst in b.Instructions)
                    {
                        int n = LLVMGetNumOperands(inst);
                        for (uint k = 0; k < n; k++)
                        {
                            var op = LLVMGetOperand(inst, k);
                            if (f.BlockOfInstruction(op) is { } def && region.Contains(def))
                            {
                                _divergent.Add(op);
                                _divergent.Add(inst);
                            }
                        }
                    }
                }
            }
        }
    }

    public bool IsDivergentValue(LLVMValueRef v) => _divergent.Contains(v);

    /// <summary>True when a terminator is a conditional branch whose condition may differ between lanes.</summary>
    public bool IsDivergentBranch(LLVMValueRef terminator) =>
        LLVMGetInstructionOpcode(terminator) == LLVMOpcode.Br && LLVMIsConditional(terminator) != 0 && _divergent.Contains(LLVMGetCondition(terminator));

    private bool IsDivergent(LLVMValueRef inst)
    {
        var op = LLVMGetInstructionOpcode(inst);
        switch (op)
        {
            case LLVMOpcode.AtomicRMW or LLVMOpcode.AtomicCmpXchg or LLVMOpcode.Alloca:
                return op != LLVMOpcode.Alloca;
            case LLVMOpcode.Load:
                var space = LLVMGetPointerAddressSpace(LLVMTypeOf(LLVMGetOperand(inst, 0)));
                if (space is not (AddressSpaces.Param or AddressSpaces.Constant))
                {
                    return true;
                }
                break;
            case LLVMOpcode.Call:
                var callee = LLVMGetCalledValue(inst);
                var name = LLVMIsAFunction(callee).IsNull ? "" : LlvmText.NameOf(callee);
                if (!IsUniformIntrinsic(name))
                {
                    return true;
                }
                break;
        }
        int n = LLVMGetNumOperands(inst);
        for (uint k = 0; k < n; k++)
        {
            var operand = LLVMGetOperand(inst, k);
            if (_divergent.Contains(operand))
            {
                // A phi's or branch's block operands are not data.
                if (LLVMGetValueKind(operand) != LLVMValueKind.BasicBlock)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Intrinsics whose result is the same in every lane given uniform operands.</summary>
    public static bool IsUniformIntrinsic(string name) =>
        name.StartsWith("llvm.nvvm.read.ptx.sreg.ctaid", StringComparison.Ordinal)
        || name.StartsWith("llvm.nvvm.read.ptx.sreg.nctaid", StringComparison.Ordinal)
        || name.StartsWith("llvm.nvvm.read.ptx.sreg.ntid", StringComparison.Ordinal)
        || name is "llvm.nvvm.read.ptx.sreg.warpsize" or "llvm.nvvm.read.ptx.sreg.nsmid" or "llvm.nvvm.read.ptx.sreg.nwarpid"
        || (name.StartsWith("llvm.", StringComparison.Ordinal) && !name.StartsWith("llvm.nvvm.", StringComparison.Ordinal)
            && !name.StartsWith("llvm.memcpy", StringComparison.Ordinal) && !name.StartsWith("llvm.memset", StringComparison.Ordinal)
            && !name.StartsWith("llvm.memmove", StringComparison.Ordinal))
        || name is "llvm.nvvm.barrier0" or "llvm.nvvm.barrier.sync";
}

/// <summary>NVPTX address-space numbers, which ByteChip IR uses too.</summary>
public static class AddressSpaces
{
    public const uint Generic = 0;
    public const uint Global = 1;
    public const uint Shared = 3;
    public const uint Constant = 4;
    public const uint Local = 5;
    public const uint Param = 101;
}
