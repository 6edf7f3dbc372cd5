using ByteChip.Isa;

namespace ByteChip.Compiler.Backend;

/// <summary>Virtual-register uses and definitions of machine instructions, and block live-in/live-out sets.</summary>
public sealed class Liveness
{
    public Liveness(MFunction f)
    {
        foreach (var b in f.Blocks)
        {
            LiveIn[b] = [];
            LiveOut[b] = [];
        }
        var gen = new Dictionary<MBlock, HashSet<int>>();
        var kill = new Dictionary<MBlock, HashSet<int>>();
        foreach (var b in f.Blocks)
        {
            var g = new HashSet<int>();
            var k = new HashSet<int>();
            foreach (var i in b.Instructions)
            {
                foreach (var u in Uses(i))
                {
                    if (!k.Contains(u))
                    {
                        g.Add(u);
                    }
                }
                foreach (var d in Defs(i))
                {
                    k.Add(d);
                }
            }
            gen[b] = g;
            kill[b] = k;
        }
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int n = f.Blocks.Count - 1; n >= 0; n--)
            {
                var b = f.Blocks[n];
                var outSet = LiveOut[b];
                foreach (var s in b.Successors)
                {
                    outSet.UnionWith(LiveIn[s]);
                }
                var inSet = new HashSet<int>(outSet);
                inSet.ExceptWith(kill[b]);
                inSet.UnionWith(gen[b]);
                if (!inSet.SetEquals(LiveIn[b]))
                {
                    LiveIn[b] = inSet;
                    changed = true;
                }
            }
        }
    }

    public Dictionary<MBlock, HashSet<int>> LiveIn { get; } = [];

    public Dictionary<MBlock, HashSet<int>> LiveOut { get; } = [];

    /// <summary>Registers an instruction reads: its use operands, its guard, and — for guarded instructions — the
    /// registers it writes (lanes whose guard is false keep the old value).</summary>
    public static IEnumerable<int> Uses(MInst i)
    {
        foreach (var (_, op, reg) in i.Registers())
        {
            if (op.IsUse || (i.Guard != MInst.None && op.IsDef))
            {
                yield return reg;
            }
        }
        if (i.Guard >= 0)
        {
            yield return i.Guard;
        }
    }

    /// <summary>The most 32-bit registers live at once in <paramref name="insts"/> (pairs count two, predicates nothing),
    /// given what is live after them.</summary>
    public static int MaxPressure(MFunction f, IReadOnlyList<MInst> insts, IEnumerable<int> liveOut)
    {
        int Width(int r) => f.ClassOf(r) switch { RegClass.R64 => 2, RegClass.R32 => 1, _ => 0 };
        var current = new HashSet<int>(liveOut);
        int count = current.Sum(Width);
        int max = count;
        for (int k = insts.Count - 1; k >= 0; k--)
        {
            foreach (var d in Defs(insts[k]))
            {
                if (current.Remove(d))
                {
                    count -= Width(d);
                }
            }
            foreach (var u in Uses(insts[k]))
            {
                if (current.Add(u))
                {
                    count += Width(u);
                }
            }
            max = Math.Max(max, count);
        }
        return max;
    }

    public static IEnumerable<int> Defs(MInst i)
    {
        foreach (var (_, op, reg) in i.Registers())
        {
            if (op.IsDef)
            {
                yield return reg;
            }
        }
    }
}
