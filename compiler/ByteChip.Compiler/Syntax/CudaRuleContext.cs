using Antlr4.Runtime;

namespace ByteChip.Compiler.Syntax.Generated;

/// <summary>
/// The base of every parse-tree context (Cuda.g4's <c>contextSuperClass</c>). The generated accessors
/// (<c>ctx.declarator()</c>, <c>ctx.statement()</c>) call <c>GetRuleContext&lt;T&gt;</c> and <c>GetRuleContexts&lt;T&gt;</c>;
/// in ANTLR's runtime these are generic virtual methods, which a NativeAOT build resolves at run time through a
/// slow type-loader lookup the first time each (context type, T) pair is called: measured at about 15 % of the
/// CPU time of <c>bytechipcc -fsyntax-only</c> on a short kernel. The methods here hide them with non-virtual ones
/// that read the children the same way, so the calls are bound at compile time.
/// </summary>
public class CudaRuleContext : ParserRuleContext
{
    public CudaRuleContext()
    {
    }

    public CudaRuleContext(ParserRuleContext parent, int invokingStateNumber)
        : base(parent, invokingStateNumber)
    {
    }

    /// <summary>The <paramref name="i"/>-th child of type <typeparamref name="T"/>, or null.</summary>
    public new T? GetRuleContext<T>(int i)
        where T : ParserRuleContext
    {
        if (children == null || i < 0)
        {
            return null;
        }
        int seen = 0;
        foreach (var child in children)
        {
            if (child is T match && seen++ == i)
            {
                return match;
            }
        }
        return null;
    }

    /// <summary>The children of type <typeparamref name="T"/>, in order.</summary>
    public new T[] GetRuleContexts<T>()
        where T : ParserRuleContext
    {
        if (children == null)
        {
            return [];
        }
        int count = 0;
        foreach (var child in children)
        {
            count += child is T ? 1 : 0;
        }
        var result = new T[count];
        count = 0;
        foreach (var child in children)
        {
            if (child is T match)
            {
                result[count++] = match;
            }
        }
        return result;
    }
}
