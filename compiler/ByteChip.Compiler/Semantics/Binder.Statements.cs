using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>Statements.</summary>
internal sealed partial class Binder
{
    private BoundBlock BindBlock(BlockStatementSyntax block, bool newScope = true)
    {
        var outer = _scope;
        if (newScope)
        {
            _scope = new Scope(_scope, ScopeKind.Block);
        }
        try
        {
            var list = new List<BoundStatement>();
            foreach (var s in block.Statements)
            {
                BindStatementInto(s, list);
            }
            return new BoundBlock(block.Span, [.. list]);
        }
        finally
        {
            _scope = outer;
        }
    }

    /// <summary>Binds a statement; a declaration of several variables adds one statement per variable.</summary>
    private void BindStatementInto(StatementSyntax s, List<BoundStatement> list)
    {
        if (s is DeclarationStatementSyntax d)
        {
            if (d.Declaration is SimpleDeclarationSyntax sd)
            {
                BindSimpleDeclaration(sd, isGlobal: false, list, owner: null, fields: null);
            }
            else
            {
                BindDeclaration(d.Declaration, isGlobal: false, list);
            }
            return;
        }
        list.Add(BindStatement(s));
    }

    /// <summary>A sub-statement in its own scope (C++: the body of if/while/for is a block scope).</summary>
    private BoundStatement BindScoped(StatementSyntax s)
    {
        if (s is BlockStatementSyntax b)
        {
            return BindBlock(b);
        }
        var outer = _scope;
        _scope = new Scope(_scope, ScopeKind.Block);
        try
        {
            var list = new List<BoundStatement>();
            BindStatementInto(s, list);
            return list.Count == 1 ? list[0] : new BoundBlock(s.Span, [.. list]);
        }
        finally
        {
            _scope = outer;
        }
    }

    private BoundStatement BindStatement(StatementSyntax s)
    {
        var ctx = _context!;
        switch (s)
        {
            case BlockStatementSyntax b:
                return BindBlock(b);
            case ExpressionStatementSyntax e:
                return new BoundExpressionStatement(e.Span, BindExpression(e.Expression, discarded: true));
            case EmptyStatementSyntax or PragmaStatementSyntax or ErrorStatementSyntax:
                return new BoundEmpty(s.Span);
            case IfStatementSyntax i:
            {
                var cond = BindCondition(i.Condition);
                bool divergent = DependsOnThreadIndex(cond);
                if (divergent)
                {
                    ctx.DivergentDepth++;
                }
                var then = BindScoped(i.Then);
                var els = i.Else != null ? BindScoped(i.Else) : null;
                if (divergent)
                {
                    ctx.DivergentDepth--;
                }
                return new BoundIf(i.Span, cond, then, els);
            }
            case WhileStatementSyntax w:
            {
                var cond = BindCondition(w.Condition);
                var body = BindLoopBody(w.Body, DependsOnThreadIndex(cond));
                return new BoundWhile(w.Span, cond, body, BindUnroll(w.Unroll));
            }
            case DoStatementSyntax d:
            {
                var body = BindLoopBody(d.Body, false);
                var cond = BindCondition(d.Condition);
                return new BoundDoWhile(d.Span, body, cond, BindUnroll(d.Unroll));
            }
            case ForStatementSyntax f:
            {
                var outer = _scope;
                _scope = new Scope(_scope, ScopeKind.Block);
                try
                {
                    BoundStatement? init = null;
                    if (f.Init != null)
                    {
                        var list = new List<BoundStatement>();
                        BindStatementInto(f.Init, list);
                        init = list.Count == 1 ? list[0] : new BoundBlock(f.Init.Span, [.. list]);
                    }
                    var cond = f.Condition != null ? BindCondition(f.Condition) : null;
                    var step = f.Step != null ? BindExpression(f.Step, discarded: true) : null;
                    var body = BindLoopBody(f.Body, cond != null && DependsOnThreadIndex(cond));
                    return new BoundFor(f.Span, init, cond, step, body, BindUnroll(f.Unroll));
                }
                finally
                {
                    _scope = outer;
                }
            }
            case SwitchStatementSyntax sw:
            {
                var value = BindExpression(sw.Value);
                if (!value.Type.IsInteger && !value.Type.IsError)
                {
                    Error(SemanticCode.ConditionNotScalar, sw.Value.Span, $"statement requires expression of integer type ('{value.Type}' invalid)");
                    value = new BoundErrorExpression(sw.Value.Span);
                }
                else if (!value.Type.IsError)
                {
                    value = ConvertImplicit(value, Conversions.Promote(value.Type), sw.Value.Span, "switch");
                }
                var cases = new List<BoundCaseLabel>();
                ctx.Switches.Push(cases);
                ctx.BreakableDepth++;
                bool divergent = DependsOnThreadIndex(value);
                ctx.DivergentDepth += divergent ? 1 : 0;
                var body = BindScoped(sw.Body);
                ctx.DivergentDepth -= divergent ? 1 : 0;
                ctx.BreakableDepth--;
                ctx.Switches.Pop();
                return new BoundSwitch(sw.Span, value, body, [.. cases]);
            }
            case CaseStatementSyntax c:
            {
                long? caseValue = c.Value != null ? ConstantValueOf(c.Value, "case value is not a constant expression") : null;
                if (ctx.Switches.Count == 0)
                {
                    Error(SemanticCode.CaseOutsideSwitch, c.Span, c.Value != null ? "'case' statement not in switch statement" : "'default' statement not in switch statement");
                    return BindStatement(c.Statement);
                }
                var cases = ctx.Switches.Peek();
                bool valid = c.Value == null || caseValue != null; // a value with an error stays out of the duplicate check
                if (valid && cases.Any(x => x is not null && x.Value == caseValue))
                {
                    Error(SemanticCode.DuplicateCase, c.Span, c.Value == null ? "multiple default labels in one switch" : $"duplicate case value '{caseValue}'");
                    valid = false;
                }
                // The slot is taken before the labelled statement is bound, so "case 1: case 2:" stays in source order.
                int slot = cases.Count;
                if (valid)
                {
                    cases.Add(null!);
                }
                var label = new BoundCaseLabel(c.Span, caseValue, BindStatement(c.Statement)) { Id = slot };
                if (valid)
                {
                    cases[slot] = label;
                }
                return label;
            }
            case BreakStatementSyntax:
                if (ctx.BreakableDepth == 0)
                {
                    Error(SemanticCode.BreakOutsideLoop, s.Span, "'break' statement not in loop or switch statement");
                }
                return new BoundBreak(s.Span);
            case ContinueStatementSyntax:
                if (ctx.LoopDepth == 0)
                {
                    Error(SemanticCode.BreakOutsideLoop, s.Span, "'continue' statement not in loop statement");
                }
                return new BoundContinue(s.Span);
            case ReturnStatementSyntax r:
                return BindReturn(r);
            case GotoStatementSyntax g:
                ctx.Gotos.Add((g.Label, g.Span));
                return new BoundGoto(g.Span, g.Label);
            case LabeledStatementSyntax l:
                if (!ctx.Labels.Add(l.Label))
                {
                    Error(SemanticCode.DuplicateLabel, l.Span, $"redefinition of label '{l.Label}'");
                }
                return new BoundLabeled(l.Span, l.Label, BindStatement(l.Statement));
            case DeclarationStatementSyntax d:
                var declared = new List<BoundStatement>();
                BindStatementInto(d, declared);
                return declared.Count == 1 ? declared[0] : new BoundBlock(d.Span, [.. declared]);
            default:
                return new BoundEmpty(s.Span);
        }
    }

    private BoundStatement BindLoopBody(StatementSyntax body, bool divergent)
    {
        var ctx = _context!;
        ctx.LoopDepth++;
        ctx.BreakableDepth++;
        ctx.DivergentDepth += divergent ? 1 : 0;
        try
        {
            return BindScoped(body);
        }
        finally
        {
            ctx.DivergentDepth -= divergent ? 1 : 0;
            ctx.LoopDepth--;
            ctx.BreakableDepth--;
        }
    }

    /// <summary>
    /// <c>#pragma unroll N</c>: <c>N</c> is an integral constant expression, evaluated here (per template instance,
    /// so <c>#pragma unroll BLOCK</c> works with a template parameter). A count that is not positive or too large
    /// is warning BC1026 and the pragma is ignored, as the preprocessor does for a literal count.
    /// </summary>
    private UnrollHint? BindUnroll(UnrollHintSyntax? hint)
    {
        if (hint == null)
        {
            return null;
        }
        if (hint.Count == null)
        {
            return new UnrollHint(hint.Span, null);
        }
        var bound = BindExpression(hint.Count);
        if (bound.Type.IsError)
        {
            return null;
        }
        if (bound.ConstantValue is not long count || !bound.Type.Unqualified.IsInteger)
        {
            Error(SemanticCode.NotConstantExpression, hint.Count.Span, "'#pragma unroll' count must be an integral constant expression");
            return null;
        }
        if (count <= 0 || count > int.MaxValue)
        {
            _diagnostics.Warning(PragmaUnrollIgnored, hint.Count.Span.Start, $"'#pragma unroll' count must be a positive integer constant, not {count}; pragma ignored", [.. ExpansionNotes(hint.Count.Span)]);
            return null;
        }
        return new UnrollHint(hint.Span, count);
    }

    /// <summary>BC1026, the preprocessor's warning for a literal count that is not positive (one code for both).</summary>
    private const int PragmaUnrollIgnored = (int)Preprocessor.PreprocessorCode.PragmaUnrollIgnored;

    /// <summary>The value of an integer constant expression, or null after reporting <paramref name="message"/>.</summary>
    private long? ConstantValueOf(ExpressionSyntax syntax, string message)
    {
        var value = BindExpression(syntax);
        if (value.ConstantValue is long v)
        {
            return v;
        }
        if (!value.Type.IsError)
        {
            Error(SemanticCode.NotConstantExpression, syntax.Span, message);
        }
        return null;
    }

    private BoundStatement BindReturn(ReturnStatementSyntax r)
    {
        var function = _context!.Function;
        var returnType = function.Type.Return;
        if (r.Value == null)
        {
            if (returnType.Unqualified is not VoidType && !returnType.IsError && !function.IsConstructor)
            {
                Error(SemanticCode.MissingReturnValue, r.Span, $"non-void function '{function.Name}' should return a value");
            }
            return new BoundReturn(r.Span, null);
        }
        var value = BindExpression(r.Value);
        if (returnType.Unqualified is VoidType)
        {
            if (value.Type.Unqualified is not VoidType && !value.Type.IsError)
            {
                Error(SemanticCode.ReturnValueInVoidFunction, r.Value.Span, $"void function '{function.Name}' should not return a value");
            }
            return new BoundReturn(r.Span, value);
        }
        return new BoundReturn(r.Span, ConvertImplicit(value, returnType, r.Value.Span, "return"));
    }

    private BoundExpression BindCondition(ExpressionSyntax syntax)
    {
        var e = BindExpression(syntax);
        return ToBool(e, syntax.Span);
    }

    private BoundExpression ToBool(BoundExpression e, SourceSpan span)
    {
        if (e.Type.IsError)
        {
            return e;
        }
        e = Decay(e);
        if (!e.Type.IsScalar)
        {
            Error(SemanticCode.ConditionNotScalar, span, $"value of type '{e.Type}' is not contextually convertible to 'bool'");
            return new BoundErrorExpression(span);
        }
        return e.Type is BoolType ? e : new BoundConversion(span, Types.Bool, ConversionKind.ToBool, e, false);
    }

    /// <summary>True when the value depends on threadIdx (directly or through a local computed from it), so branching on it can diverge.</summary>
    private bool DependsOnThreadIndex(BoundExpression e) => e switch
    {
        BoundVariable { Variable: { Storage: StorageKind.Builtin, Name: "threadIdx" } } => true,
        BoundVariable v => v.Variable.Initializer is BoundExpressionInitializer { Value: var init } && v.Variable.Storage == StorageKind.Local && !_assigned.Contains(v.Variable) && DependsOnThreadIndex(init),
        BoundVectorElement ve => DependsOnThreadIndex(ve.Vector),
        BoundConversion c => DependsOnThreadIndex(c.Operand),
        BoundUnary u => DependsOnThreadIndex(u.Operand),
        BoundBinary b => DependsOnThreadIndex(b.Left) || DependsOnThreadIndex(b.Right),
        BoundConditional c => DependsOnThreadIndex(c.Condition) || DependsOnThreadIndex(c.WhenTrue) || DependsOnThreadIndex(c.WhenFalse),
        BoundCall c => c.Function.Name is "__shfl_sync" or "__ballot_sync" || c.Arguments.Any(DependsOnThreadIndex),
        _ => false,
    };
}
