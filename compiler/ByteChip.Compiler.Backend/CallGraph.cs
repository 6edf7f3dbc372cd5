using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>Direct calls between the module's defined functions, from the kernels down; recursion is rejected.</summary>
public sealed class CallGraph
{
    private readonly Dictionary<LLVMValueRef, List<LLVMValueRef>> _callees = [];
    private readonly Dictionary<LLVMValueRef, List<LLVMValueRef>> _callers = [];

    private CallGraph()
    {
    }

    /// <summary>Defined functions other than kernels that kernels call (directly or not).</summary>
    public List<LLVMValueRef> Callable { get; } = [];

    public IEnumerable<LLVMValueRef> CallersOf(LLVMValueRef f) => _callers.GetValueOrDefault(f) ?? [];

    public static CallGraph Build(LlvmModule module, IEnumerable<LLVMValueRef> kernels)
    {
        var g = new CallGraph();
        var kernelSet = kernels.ToHashSet();
        foreach (var f in module.Functions.Where(f => LLVMIsDeclaration(f) == 0))
        {
            var callees = new List<LLVMValueRef>();
            for (var b = LLVMGetFirstBasicBlock(f); !b.IsNull; b = LLVMGetNextBasicBlock(b))
            {
                for (var i = LLVMGetFirstInstruction(b); !i.IsNull; i = LLVMGetNextInstruction(i))
                {
                    if (LLVMGetInstructionOpcode(i) != LLVMOpcode.Call)
                    {
                        continue;
                    }
                    var callee = LLVMGetCalledValue(i);
                    if (LLVMIsAFunction(callee).IsNull || LLVMIsDeclaration(callee) != 0)
                    {
                        continue;
                    }
                    if (kernelSet.Contains(callee))
                    {
                        throw new BackendException(BackendErrors.UnsupportedCall, $"'{LlvmText.NameOf(f)}' calls the kernel '{LlvmText.NameOf(callee)}' (kernels cannot be called from device code)");
                    }
                    if (!callees.Contains(callee))
                    {
                        callees.Add(callee);
                    }
                }
            }
            g._callees[f] = callees;
            foreach (var c in callees)
            {
                if (!g._callers.TryGetValue(c, out var list))
                {
                    g._callers[c] = list = [];
                }
                list.Add(f);
            }
        }
        var state = new Dictionary<LLVMValueRef, int>(); // 1 = on the stack, 2 = done
        var path = new List<LLVMValueRef>();
        void Visit(LLVMValueRef f)
        {
            state[f] = 1;
            path.Add(f);
            foreach (var c in g._callees.GetValueOrDefault(f) ?? [])
            {
                if (state.GetValueOrDefault(c) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(c)).Append(c).Select(LlvmText.NameOf);
                    throw new BackendException(BackendErrors.Recursion, $"recursion is not supported on ByteChip: {string.Join(" -> ", cycle)}");
                }
                if (state.GetValueOrDefault(c) == 0)
                {
                    if (!g.Callable.Contains(c))
                    {
                        g.Callable.Add(c);
                    }
                    Visit(c);
                }
            }
            path.RemoveAt(path.Count - 1);
            state[f] = 2;
        }
        foreach (var k in kernelSet)
        {
            if (state.GetValueOrDefault(k) == 0)
            {
                Visit(k);
            }
        }
        return g;
    }

    /// <summary>The longest chain of calls below <paramref name="f"/> (0 for a function that calls nothing).</summary>
    public int Depth(LLVMValueRef f) => (_callees.GetValueOrDefault(f) ?? []).Select(c => Depth(c) + 1).DefaultIfEmpty(0).Max();

    /// <summary>The kernel and the functions it reaches, every caller before its callees.</summary>
    public List<LLVMValueRef> ReachableFrom(LLVMValueRef kernel)
    {
        var post = new List<LLVMValueRef>();
        var seen = new HashSet<LLVMValueRef>();
        void Visit(LLVMValueRef f)
        {
            if (!seen.Add(f))
            {
                return;
            }
            foreach (var c in _callees.GetValueOrDefault(f) ?? [])
            {
                Visit(c);
            }
            post.Add(f);
        }
        Visit(kernel);
        post.Reverse();
        return post;
    }
}
