using System.Diagnostics;
using ByteChip.Differential.Tests.Generator;

namespace ByteChip.Differential.Tests.Runner;

/// <summary>Greedy test-case reduction on the program tree: smaller launches, fewer phases and statements,
/// flattened control flow, simpler expressions, as long as the failure persists. Every safety mask is added
/// when printing, so each variant stays well defined; variants gcc rejects are simply not interesting.</summary>
public static class Reducer
{
    public static Program Reduce(Program program, Func<Program, bool> interesting, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        int skip = 0;
        while (clock.Elapsed < budget)
        {
            // Variants before the last accepted one were rejected on the previous pass: start after them,
            // and only go back to the beginning for a final pass when nothing after them works.
            int index = 0;
            Program? accepted = null;
            foreach (var variant in Variants(program))
            {
                if (index++ < skip)
                {
                    continue;
                }
                if (clock.Elapsed >= budget)
                {
                    break;
                }
                if (IsInteresting(interesting, variant))
                {
                    accepted = variant;
                    break;
                }
            }
            if (accepted is not null)
            {
                program = accepted;
                skip = index - 1;
            }
            else if (skip > 0)
            {
                skip = 0;
            }
            else
            {
                break;
            }
        }
        return program;
    }

    private static bool IsInteresting(Func<Program, bool> interesting, Program variant)
    {
        try
        {
            return interesting(variant);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>An interestingness test: the configuration still fails the same way against the gcc reference.</summary>
    public static Func<Program, bool> SameFailure(Mismatch original) => p =>
    {
        // The device side first: most variants lose the failure, and then gcc need not run.
        var outcome = DeviceExecution.Run(Emitter.Cuda(p), LaunchInfo.Of(p), original.Config);
        if (outcome.Kind != original.Kind)
        {
            return false;
        }
        var reference = GccReference.Run(Emitter.C(p), out _);
        return reference is not null && Oracle.Compare(reference, outcome) is { } description
            && new Mismatch(original.Config, outcome.Kind, description).Signature == original.Signature;
    };

    public static IEnumerable<Program> Variants(Program p)
    {
        if (p.Grid > 1)
        {
            yield return p with { Grid = 1 };
        }
        if (p.BlockSize != 32)
        {
            yield return p with { BlockSize = 32 };
        }
        for (int i = p.Phases.Count - 1; i >= 1; i--)
        {
            yield return p with { Phases = Without(p.Phases, i) };
        }
        for (int i = 0; i < p.Functions.Count; i++)
        {
            yield return p with { Functions = Without(p.Functions, i) };
        }
        for (int i = 0; i < p.SharedArrays.Count; i++)
        {
            var array = p.SharedArrays[i];
            yield return p with
            {
                SharedArrays = Without(p.SharedArrays, i),
                Phases = p.Phases.Select(b => new Block(b.Body.Where(s => s is not SharedInit si || si.Array != array).ToList())).ToList(),
            };
        }
        for (int i = 0; i < p.Phases.Count; i++)
        {
            foreach (var body in ListVariants(p.Phases[i].Body))
            {
                yield return p with { Phases = Replace(p.Phases, i, new Block(body)) };
            }
        }
        for (int i = 0; i < p.Functions.Count; i++)
        {
            var f = p.Functions[i];
            foreach (var body in ListVariants(f.Body.Body))
            {
                yield return p with { Functions = Replace(p.Functions, i, f with { Body = new Block(body) }) };
            }
            foreach (var result in ExprVariants(f.Result))
            {
                yield return p with { Functions = Replace(p.Functions, i, f with { Result = result }) };
            }
            if (f.NoInline)
            {
                yield return p with { Functions = Replace(p.Functions, i, f with { NoInline = false }) };
            }
        }
        if (p.Scalar != 0)
        {
            yield return p with { Scalar = 0 };
        }
        if (p.Input.Any(v => v != 0))
        {
            yield return p with { Input = new uint[p.Input.Count] };
        }
    }

    private static List<T> Without<T>(IReadOnlyList<T> list, int index) => list.Where((_, i) => i != index).ToList();

    private static List<T> Replace<T>(IReadOnlyList<T> list, int index, T value) => list.Select((x, i) => i == index ? value : x).ToList();

    /// <summary>Removals of runs (halves first, then single statements), splicing of nested blocks, then each statement's variants.</summary>
    private static IEnumerable<List<Stmt>> ListVariants(IReadOnlyList<Stmt> list)
    {
        for (int chunk = Math.Max(1, list.Count / 2); chunk >= 1; chunk /= 2)
        {
            for (int start = list.Count - chunk; start >= 0; start -= chunk)
            {
                var kept = list.Where((s, i) => (i < start || i >= start + chunk) || s is SharedInit).ToList();
                if (kept.Count < list.Count)
                {
                    yield return kept;
                }
            }
            if (chunk == 1)
            {
                break;
            }
        }
        for (int i = 0; i < list.Count; i++)
        {
            foreach (var replacement in StmtVariants(list[i]))
            {
                var copy = list.Take(i).ToList();
                copy.AddRange(replacement);
                copy.AddRange(list.Skip(i + 1));
                yield return copy;
            }
        }
    }

    /// <summary>What one statement may become: a list spliced in its place.</summary>
    private static IEnumerable<List<Stmt>> StmtVariants(Stmt s)
    {
        switch (s)
        {
            case Block b:
                yield return b.Body.ToList();
                foreach (var body in ListVariants(b.Body))
                {
                    yield return [new Block(body)];
                }
                break;
            case If i:
                yield return i.Then.Body.ToList();
                if (i.Else is not null)
                {
                    yield return i.Else.Body.ToList();
                    yield return [i with { Else = null }];
                }
                foreach (var c in ExprVariants(i.Cond))
                {
                    yield return [i with { Cond = c }];
                }
                foreach (var body in ListVariants(i.Then.Body))
                {
                    yield return [i with { Then = new Block(body) }];
                }
                if (i.Else is not null)
                {
                    foreach (var body in ListVariants(i.Else.Body))
                    {
                        yield return [i with { Else = new Block(body) }];
                    }
                }
                break;
            case For f:
                yield return f.Body.Body.ToList();
                if (f.Bound is not null)
                {
                    yield return [f with { Bound = null }];
                    foreach (var e in ExprVariants(f.Bound))
                    {
                        yield return [f with { Bound = e }];
                    }
                }
                if (f.ConstBound > 1)
                {
                    yield return [f with { ConstBound = 1 }];
                }
                foreach (var body in ListVariants(f.Body.Body))
                {
                    yield return [f with { Body = new Block(body) }];
                }
                break;
            case While w:
                yield return w.Body.Body.ToList();
                if (w.Limit > 1)
                {
                    yield return [w with { Limit = 1 }];
                }
                foreach (var body in ListVariants(w.Body.Body))
                {
                    yield return [w with { Body = new Block(body) }];
                }
                break;
            case SwitchStmt sw:
                foreach (var c in sw.Cases)
                {
                    yield return c.Body.Body.ToList();
                }
                for (int k = 0; k < sw.Cases.Count; k++)
                {
                    if (sw.Cases.Count > 1)
                    {
                        yield return [sw with { Cases = Without(sw.Cases, k) }];
                    }
                    var c = sw.Cases[k];
                    foreach (var body in ListVariants(c.Body.Body))
                    {
                        yield return [sw with { Cases = Replace(sw.Cases, k, c with { Body = new Block(body) }) }];
                    }
                }
                foreach (var e in ExprVariants(sw.Value))
                {
                    yield return [sw with { Value = e }];
                }
                break;
            case Assign a:
                if (a.Op != AssignOp.Set)
                {
                    yield return [a with { Op = AssignOp.Set }];
                }
                foreach (var e in ExprVariants(a.Value))
                {
                    yield return [a with { Value = e }];
                }
                foreach (var t in TargetVariants(a.Target))
                {
                    yield return [a with { Target = t }];
                }
                break;
            case Decl d:
                foreach (var e in ExprVariants(d.Init))
                {
                    yield return [d with { Init = e }];
                }
                break;
            case ArrayDecl ad:
                foreach (var e in ExprVariants(ad.Init))
                {
                    yield return [ad with { Init = e }];
                }
                break;
            case SharedInit si:
                foreach (var e in ExprVariants(si.Value))
                {
                    yield return [si with { Value = e }];
                }
                break;
            case Return { Value: { } value } r:
                foreach (var e in ExprVariants(value))
                {
                    yield return [r with { Value = e }];
                }
                break;
        }
    }

    private static IEnumerable<LValue> TargetVariants(LValue t)
    {
        switch (t)
        {
            case ArrayTarget a:
                foreach (var e in ExprVariants(a.Index))
                {
                    yield return a with { Index = e };
                }
                break;
            case OutTarget o:
                foreach (var e in ExprVariants(o.Index))
                {
                    yield return o with { Index = e };
                }
                break;
        }
    }

    /// <summary>Simpler expressions of the same type: constants, then children, then variants inside children.</summary>
    public static IEnumerable<Expr> ExprVariants(Expr e)
    {
        if (e.Type == VType.F32)
        {
            if (e is not FloatConst)
            {
                yield return new FloatConst(0);
                yield return new FloatConst(1);
            }
        }
        else if (e is not Const)
        {
            yield return new Const(e.Type, 0);
            yield return new Const(e.Type, 1);
        }
        else if (e is Const c && c.Value > 1)
        {
            yield return c with { Value = 1 };
        }
        var children = Children(e);
        foreach (var child in children)
        {
            if (child.Type == e.Type)
            {
                yield return child;
            }
        }
        for (int i = 0; i < children.Count; i++)
        {
            foreach (var v in ExprVariants(children[i]))
            {
                yield return WithChild(e, i, v);
            }
        }
    }

    private static IReadOnlyList<Expr> Children(Expr e) => e switch
    {
        InputLoad l => [l.Index],
        ArrayLoad a => [a.Index],
        Unary u => [u.A],
        Binary b => [b.A, b.B],
        Compare c => [c.A, c.B],
        Logical l => [l.A, l.B],
        Signed s => [s.A, s.B],
        Select s => [s.Cond, s.A, s.B],
        Conversion c => [c.A],
        Call c => c.Args,
        IntToFloat f => [f.A],
        FloatBinary f => [f.A, f.B],
        FloatAbs f => [f.A],
        FloatToInt f => [f.A],
        FloatCompare f => [f.A, f.B],
        _ => [],
    };

    private static Expr WithChild(Expr e, int i, Expr v) => e switch
    {
        InputLoad l => l with { Index = v },
        ArrayLoad a => a with { Index = v },
        Unary u => u with { A = v },
        Binary b => i == 0 ? b with { A = v } : b with { B = v },
        Compare c => i == 0 ? c with { A = v } : c with { B = v },
        Logical l => i == 0 ? l with { A = v } : l with { B = v },
        Signed s => i == 0 ? s with { A = v } : s with { B = v },
        Select s => i == 0 ? s with { Cond = v } : i == 1 ? s with { A = v } : s with { B = v },
        Conversion c => c with { A = v },
        Call c => c with { Args = Replace(c.Args, i, v) },
        IntToFloat f => f with { A = v },
        FloatBinary f => i == 0 ? f with { A = v } : f with { B = v },
        FloatAbs f => f with { A = v },
        FloatToInt f => f with { A = v },
        FloatCompare f => i == 0 ? f with { A = v } : f with { B = v },
        _ => throw new InvalidOperationException(),
    };
}
