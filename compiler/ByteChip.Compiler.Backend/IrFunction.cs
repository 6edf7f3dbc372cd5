using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>One LLVM basic block, read once: its instructions and successors.</summary>
public sealed class IrBlock(LLVMBasicBlockRef handle, int index)
{
    public LLVMBasicBlockRef Handle { get; } = handle;

    public int Index { get; } = index;

    public List<LLVMValueRef> Instructions { get; } = [];

    public List<IrBlock> Successors { get; } = [];

    public List<IrBlock> Predecessors { get; } = [];

    public LLVMValueRef Terminator => Instructions[^1];

    public override string ToString() => $"ir{Index}";
}

/// <summary>
/// A snapshot of an LLVM function for the backend: blocks in LLVM order (entry first), edges, operand
/// use counts, and the dominator and post-dominator trees (Cooper-Harvey-Kennedy on the block graph).
/// </summary>
public sealed class IrFunction
{
    private readonly Dictionary<LLVMBasicBlockRef, IrBlock> _byHandle = [];
    private readonly Dictionary<LLVMValueRef, int> _uses = [];
    private readonly Dictionary<LLVMValueRef, IrBlock> _blockOf = [];

    public IrFunction(LLVMValueRef function)
    {
        Handle = function;
        Name = LlvmText.NameOf(function);
        int index = 0;
        for (var b = LLVMGetFirstBasicBlock(function); !b.IsNull; b = LLVMGetNextBasicBlock(b))
        {
            var block = new IrBlock(b, index++);
            Blocks.Add(block);
            _byHandle[b] = block;
            for (var i = LLVMGetFirstInstruction(b); !i.IsNull; i = LLVMGetNextInstruction(i))
            {
                block.Instructions.Add(i);
                _blockOf[i] = block;
            }
        }
        foreach (var block in Blocks)
        {
            var term = block.Terminator;
            uint n = LLVMGetNumSuccessors(term);
            for (uint s = 0; s < n; s++)
            {
                var succ = _byHandle[LLVMGetSuccessor(term, s)];
                block.Successors.Add(succ);
                succ.Predecessors.Add(block);
            }
            foreach (var inst in block.Instructions)
            {
                int count = LLVMGetNumOperands(inst);
                for (uint k = 0; k < count; k++)
                {
                    var op = LLVMGetOperand(inst, k);
                    _uses[op] = _uses.GetValueOrDefault(op) + 1;
                }
            }
        }
        Idom = ComputeDominators(Blocks, b => b.Predecessors, b => b.Successors, [Blocks[0]]);
        var exits = Blocks.Where(b => b.Successors.Count == 0).ToList();
        Ipdom = ComputeDominators(Blocks, b => b.Successors, b => b.Predecessors, exits).ToDictionary(kv => kv.Key, kv => kv.Value == kv.Key ? null : kv.Value);
    }

    public LLVMValueRef Handle { get; }

    public string Name { get; }

    public List<IrBlock> Blocks { get; } = [];

    /// <summary>Immediate dominator of each block (the entry maps to itself).</summary>
    public Dictionary<IrBlock, IrBlock> Idom { get; }

    /// <summary>Immediate post-dominator of each block; null for exits and for blocks whose only common post-dominator is the virtual exit.</summary>
    public Dictionary<IrBlock, IrBlock?> Ipdom { get; }

    public IrBlock BlockOf(LLVMBasicBlockRef handle) => _byHandle[handle];

    public IrBlock? BlockOfInstruction(LLVMValueRef inst) => _blockOf.GetValueOrDefault(inst);

    public int UseCount(LLVMValueRef value) => _uses.GetValueOrDefault(value);

    /// <summary>Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm". Several roots hang off a virtual root.</summary>
    private static Dictionary<IrBlock, IrBlock> ComputeDominators(
        List<IrBlock> blocks, Func<IrBlock, List<IrBlock>> preds, Func<IrBlock, List<IrBlock>> succs, List<IrBlock> roots)
    {
        var order = new List<IrBlock>();
        var seen = new HashSet<IrBlock>();
        foreach (var root in roots)
        {
            if (!seen.Add(root))
            {
                continue;
            }
            var stack = new Stack<(IrBlock Block, int Next)>();
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (b, k) = stack.Pop();
                var s = succs(b);
                if (k < s.Count)
                {
                    stack.Push((b, k + 1));
                    if (seen.Add(s[k]))
                    {
                        stack.Push((s[k], 0));
                    }
                }
                else
                {
                    order.Add(b);
                }
            }
        }
        int virtualRoot = order.Count;
        var number = new Dictionary<IrBlock, int>();
        for (int i = 0; i < order.Count; i++)
        {
            number[order[i]] = i;
        }
        var idom = new int[order.Count + 1];
        Array.Fill(idom, -1);
        idom[virtualRoot] = virtualRoot;
        var rootSet = roots.ToHashSet();
        foreach (var r in rootSet)
        {
            idom[number[r]] = virtualRoot;
        }
        int Intersect(int a, int b)
        {
            while (a != b)
            {
                while (a < b)
                {
                    a = idom[a];
                }
                while (b < a)
                {
                    b = idom[b];
                }
            }
            return a;
        }
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = order.Count - 1; i >= 0; i--)
            {
                if (rootSet.Contains(order[i]))
                {
                    continue;
                }
                int newIdom = -1;
                foreach (var p in preds(order[i]))
                {
                    if (number.TryGetValue(p, out var pn) && idom[pn] != -1)
                    {
                        newIdom = newIdom == -1 ? pn : Intersect(pn, newIdom);
                    }
                }
                if (newIdom != -1 && idom[i] != newIdom)
                {
                    idom[i] = newIdom;
                    changed = true;
                }
            }
        }
        var result = new Dictionary<IrBlock, IrBlock>();
        foreach (var b in blocks)
        {
            // Roots, blocks unreachable from the roots, and children of the virtual root map to themselves.
            result[b] = number.TryGetValue(b, out var n) && idom[n] >= 0 && idom[n] != virtualRoot ? order[idom[n]] : b;
        }
        return result;
    }

    /// <summary>The immediate post-dominator of a block, or null when it is only the virtual exit.</summary>
    public IrBlock? PostDominator(IrBlock b) => Ipdom.GetValueOrDefault(b);
}
