namespace ByteChip.Compiler.Backend;

/// <summary>
/// Orders blocks for ByteChip's lowest-PC-first reconvergence (see the control group of the ISA spec):
/// a reverse post-order of the CFG without back edges, in which every natural loop is laid out
/// contiguously (header first) and placed as one node. Then every block of a divergent region comes
/// before the region's post-dominator and every loop's exits come after its whole body, so lanes that
/// leave early wait at a higher address until the others arrive. Also sets each block's loop depth.
/// </summary>
public static class BlockLayout
{
    internal sealed class Loop(MBlock header)
    {
        public MBlock Header { get; } = header;

        public HashSet<MBlock> Blocks { get; } = [header];

        public Loop? Parent { get; set; }

        public List<Loop> Children { get; } = [];
    }

    public static void Run(MFunction f)
    {
        f.RebuildEdges();
        var reachable = Reachable(f);
        f.Blocks.RemoveAll(b => !reachable.Contains(b));
        f.RebuildEdges();
        var idom = Dominators(f);
        var loops = FindLoops(f, idom);
        var innermost = new Dictionary<MBlock, Loop>();
        foreach (var loop in loops.OrderByDescending(l => l.Blocks.Count))
        {
            foreach (var b in loop.Blocks)
            {
                innermost[b] = loop; // smaller loops come later and overwrite: innermost wins
            }
        }
        foreach (var b in f.Blocks)
        {
            int depth = 0;
            for (var l = innermost.GetValueOrDefault(b); l is not null; l = l.Parent)
            {
                depth++;
            }
            b.LoopDepth = depth;
        }
        var order = new List<MBlock>();
        LayOut(f.Blocks[0], f.Blocks.ToHashSet(), loops.Where(l => l.Parent is null).ToList(), order);
        f.Blocks.Clear();
        f.Blocks.AddRange(order);
    }

    /// <summary>Lays out a region (the function, or a loop's body) headed by <paramref name="head"/>.</summary>
    private static void LayOut(MBlock head, HashSet<MBlock> region, List<Loop> innerLoops, List<MBlock> order)
    {
        var loopOf = new Dictionary<MBlock, Loop>();
        foreach (var l in innerLoops)
        {
            foreach (var b in l.Blocks)
            {
                loopOf[b] = l;
            }
        }
        MBlock Rep(MBlock b) => loopOf.TryGetValue(b, out var l) ? l.Header : b;
        IEnumerable<MBlock> Succs(MBlock node)
        {
            var members = loopOf.TryGetValue(node, out var l) && l.Header == node ? l.Blocks : (IEnumerable<MBlock>)[node];
            foreach (var b in members)
            {
                // Prefer the fall-through successor order as written (the 'false' edge last), so conditional
                // branches fall through when they can.
                foreach (var s in b.Successors)
                {
                    if (!region.Contains(s) || s == head)
                    {
                        continue;
                    }
                    var r = Rep(s);
                    if (r != node)
                    {
                        yield return r;
                    }
                }
            }
        }
        // Iterative DFS post-order over the collapsed, back-edge-free graph.
        var post = new List<MBlock>();
        var seen = new HashSet<MBlock> { head };
        var stack = new Stack<(MBlock Node, IEnumerator<MBlock> Next)>();
        stack.Push((head, Succs(head).Reverse().GetEnumerator()));
        while (stack.Count > 0)
        {
            var (node, it) = stack.Peek();
            if (it.MoveNext())
            {
                var s = it.Current;
                if (seen.Add(s))
                {
                    stack.Push((s, Succs(s).Reverse().GetEnumerator()));
                }
            }
            else
            {
                stack.Pop();
                post.Add(node);
            }
        }
        post.Reverse();
        foreach (var node in post)
        {
            if (loopOf.TryGetValue(node, out var l) && l.Header == node)
            {
                LayOut(l.Header, l.Blocks, l.Children, order);
            }
            else
            {
                order.Add(node);
            }
        }
    }

    private static HashSet<MBlock> Reachable(MFunction f)
    {
        var seen = new HashSet<MBlock> { f.Blocks[0] };
        var work = new Stack<MBlock>([f.Blocks[0]]);
        while (work.Count > 0)
        {
            foreach (var s in work.Pop().Successors)
            {
                if (seen.Add(s))
                {
                    work.Push(s);
                }
            }
        }
        return seen;
    }

    /// <summary>Immediate dominators (Cooper-Harvey-Kennedy) over reverse post-order numbers.</summary>
    public static Dictionary<MBlock, MBlock> Dominators(MFunction f)
    {
        var post = new List<MBlock>();
        var seen = new HashSet<MBlock> { f.Blocks[0] };
        var stack = new Stack<(MBlock, int)>();
        stack.Push((f.Blocks[0], 0));
        while (stack.Count > 0)
        {
            var (b, k) = stack.Pop();
            if (k < b.Successors.Count)
            {
                stack.Push((b, k + 1));
                if (seen.Add(b.Successors[k]))
                {
                    stack.Push((b.Successors[k], 0));
                }
            }
            else
            {
                post.Add(b);
            }
        }
        var number = new Dictionary<MBlock, int>();
        for (int i = 0; i < post.Count; i++)
        {
            number[post[i]] = i;
        }
        var idom = new int[post.Count];
        Array.Fill(idom, -1);
        int entry = number[f.Blocks[0]];
        idom[entry] = entry;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = post.Count - 1; i >= 0; i--)
            {
                if (i == entry)
                {
                    continue;
                }
                int n = -1;
                foreach (var p in post[i].Predecessors)
                {
                    if (!number.TryGetValue(p, out var pn) || idom[pn] == -1)
                    {
                        continue;
                    }
                    if (n == -1)
                    {
                        n = pn;
                        continue;
                    }
                    int a = pn, b = n;
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
                    n = a;
                }
                if (n != -1 && idom[i] != n)
                {
                    idom[i] = n;
                    changed = true;
                }
            }
        }
        return post.ToDictionary(b => b, b => post[idom[number[b]]]);
    }

    private static bool Dominates(Dictionary<MBlock, MBlock> idom, MBlock a, MBlock b)
    {
        for (var x = b; ; x = idom[x])
        {
            if (x == a)
            {
                return true;
            }
            if (idom[x] == x)
            {
                return false;
            }
        }
    }

    /// <summary>Natural loops (one per header, back edges merged) with their nesting.</summary>
    internal static List<Loop> FindLoops(MFunction f, Dictionary<MBlock, MBlock> idom)
    {
        var byHeader = new Dictionary<MBlock, Loop>();
        foreach (var b in f.Blocks)
        {
            foreach (var h in b.Successors)
            {
                if (!Dominates(idom, h, b))
                {
                    continue;
                }
                if (!byHeader.TryGetValue(h, out var loop))
                {
                    byHeader[h] = loop = new Loop(h);
                }
                var work = new Stack<MBlock>();
                if (loop.Blocks.Add(b))
                {
                    work.Push(b);
                }
                while (work.Count > 0)
                {
                    foreach (var p in work.Pop().Predecessors)
                    {
                        if (loop.Blocks.Add(p))
                        {
                            work.Push(p);
                        }
                    }
                }
            }
        }
        var loops = byHeader.Values.OrderBy(l => l.Blocks.Count).ToList();
        foreach (var l in loops)
        {
            l.Parent = loops.Where(o => o != l && o.Blocks.Count >= l.Blocks.Count && o.Blocks.Contains(l.Header) && o.Blocks.IsSupersetOf(l.Blocks))
                .OrderBy(o => o.Blocks.Count).FirstOrDefault();
            l.Parent?.Children.Add(l);
        }
        return loops;
    }
}
