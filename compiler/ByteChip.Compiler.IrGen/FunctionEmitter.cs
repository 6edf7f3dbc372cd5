using ByteChip.Compiler.Llvm;
using ByteChip.Compiler.Semantics;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Emits one function body. Locals live in allocas of the entry block (LLVM's mem2reg/SROA promote them at
/// -O1 and above); control flow follows the statements one to one:
/// <code>
///   while (c) body      becomes   cond: br c, body, exit; body: ... br cond; exit:
///   for (i; c; s) body  becomes   i; cond: br c, body, exit; body: ... br step; step: s; br cond; exit:
/// </code>
/// with <c>#pragma unroll</c> as <c>llvm.loop</c> metadata on the back edge.
/// </summary>
internal sealed partial class FunctionEmitter
{
    private readonly IrGenerator _g;
    private readonly FunctionSymbol _f;
    private readonly LlvmBuilder _b;
    private readonly LLVMValueRef _fn;
    private readonly LLVMBasicBlockRef _allocaBlock;
    private readonly Dictionary<VariableSymbol, LLVMValueRef> _locals = [];
    private readonly Stack<(LLVMBasicBlockRef Break, LLVMBasicBlockRef? Continue)> _loops = new();
    private readonly Dictionary<string, LLVMBasicBlockRef> _labels = new(StringComparer.Ordinal);
    // Case labels by identity: their Id is a slot within one switch, so nested switches reuse the numbers.
    private readonly Dictionary<BoundCaseLabel, LLVMBasicBlockRef> _caseBlocks = new(ReferenceEqualityComparer.Instance);
    private LLVMValueRef _this;
    private LLVMValueRef _sret;
    private LLVMBasicBlockRef _returnBlock;
    private LLVMValueRef _returnSlot;
    private LLVMMetadataRef _scope;

    public FunctionEmitter(IrGenerator g, FunctionSymbol f)
    {
        _g = g;
        _f = f;
        _b = g.B;
        _fn = g.FunctionOf(f, f.Span);
        _allocaBlock = _b.AppendBlock(_fn, "allocas");
    }

    public void Emit()
    {
        _scope = _b.Subprogram(_fn, _f.DisplayName, _f.Span.Start.File, _f.Span.Start.Line);
        var body = _b.AppendBlock(_fn, "entry");
        _returnBlock = _b.AppendBlock(_fn, "return");
        _b.PositionAtEnd(body);
        SetLocation(_f.Span);
        BindParameters();
        if (_f.IsConstructor)
        {
            foreach (var (field, value) in _f.MemberInitializers)
            {
                Initialize(_b.ByteOffset(_this, field.Offset), field.Type, value);
            }
        }
        EmitStatement(_f.Body!);
        if (!_b.IsTerminated)
        {
            _b.Br(_returnBlock);
        }
        _b.PositionAtEnd(_returnBlock);
        SetLocation(_f.Body!.Span with { Start = _f.Body.Span.End });
        var ret = _f.Type.Return;
        if (ret is VoidType || IrGenerator.IsAggregate(ret))
        {
            _b.RetVoid();
        }
        else
        {
            _b.Ret(FromMemory(_b.Load(_g.MemoryType(ret), _returnSlot, IrGenerator.AlignOf(ret)), ret));
        }
        _b.PositionAtEnd(_allocaBlock);
        _b.Br(body);
    }

    private void SetLocation(SourceSpan span) => _b.SetLocation(_scope, span.Start.Line, span.Start.Column);

    /// <summary>An alloca in the entry block, whatever block is being filled.</summary>
    private LLVMValueRef Temporary(TypeSymbol type, string name = "")
    {
        var current = _b.InsertBlock;
        var term = LLVMGetBasicBlockTerminator(_allocaBlock);
        if (term.IsNull)
        {
            _b.PositionAtEnd(_allocaBlock);
        }
        else
        {
            _b.PositionBefore(term);
        }
        var a = _b.Alloca(_g.MemoryType(type), IrGenerator.AlignOf(type), name);
        _b.PositionAtEnd(current);
        return a;
    }

    private void BindParameters()
    {
        uint index = 0;
        if (IrGenerator.IsAggregate(_f.Type.Return))
        {
            _sret = LLVMGetParam(_fn, index++);
        }
        else if (_f.Type.Return is not VoidType)
        {
            _returnSlot = Temporary(_f.Type.Return, "retval");
        }
        if (_f.DeclaringStruct is not null && !_f.IsStatic)
        {
            _this = LLVMGetParam(_fn, index++);
        }
        foreach (var p in _f.Parameters)
        {
            var arg = LLVMGetParam(_fn, index++);
            LLVMSetValueName2(arg, p.Name, (nuint)System.Text.Encoding.UTF8.GetByteCount(p.Name));
            var slot = Temporary(p.Type, p.Name);
            if (IrGenerator.IsAggregate(p.Type))
            {
                // By-value aggregates arrive as a pointer to the caller's copy (or the kernel's parameter space).
                _b.MemCpy(slot, arg, IrGenerator.SizeOf(p.Type), IrGenerator.AlignOf(p.Type));
            }
            else
            {
                _b.Store(ToMemory(arg, p.Type), slot, IrGenerator.AlignOf(p.Type));
            }
            _locals[p] = slot;
        }
    }

    // ---------------------------------------------------------------- statements

    private void EmitStatement(BoundStatement s)
    {
        if (_b.IsTerminated && s is not (BoundLabeled or BoundCaseLabel))
        {
            // Unreachable code after break/continue/return: give it a block of its own.
            _b.PositionAtEnd(_b.AppendBlock(_fn, "dead"));
        }
        SetLocation(s.Span);
        switch (s)
        {
            case BoundBlock block:
                foreach (var inner in block.Statements)
                {
                    EmitStatement(inner);
                }
                break;
            case BoundVariableDeclaration d:
                Declare(d);
                break;
            case BoundExpressionStatement e:
                EmitValue(e.Expression);
                break;
            case BoundEmpty:
                break;
            case BoundIf i:
                EmitIf(i);
                break;
            case BoundWhile w:
                EmitLoop(w.Condition, w.Body, null, w.Unroll, testFirst: true);
                break;
            case BoundDoWhile d:
                EmitLoop(d.Condition, d.Body, null, d.Unroll, testFirst: false);
                break;
            case BoundFor f:
                if (f.Init is not null)
                {
                    EmitStatement(f.Init);
                }
                EmitLoop(f.Condition, f.Body, f.Step, f.Unroll, testFirst: true);
                break;
            case BoundSwitch sw:
                EmitSwitch(sw);
                break;
            case BoundCaseLabel c:
                var caseBlock = _caseBlocks[c];
                if (!_b.IsTerminated)
                {
                    _b.Br(caseBlock);
                }
                _b.PositionAtEnd(caseBlock);
                EmitStatement(c.Statement);
                break;
            case BoundBreak:
                _b.Br(_loops.Peek().Break);
                break;
            case BoundContinue:
                _b.Br(_loops.First(l => l.Continue is not null).Continue!.Value);
                break;
            case BoundReturn r:
                EmitReturn(r);
                break;
            case BoundGoto g:
                _b.Br(Label(g.Label));
                break;
            case BoundLabeled l:
                var target = Label(l.Label);
                if (!_b.IsTerminated)
                {
                    _b.Br(target);
                }
                _b.PositionAtEnd(target);
                EmitStatement(l.Statement);
                break;
            default:
                throw IrGenerator.Error(s.Span, $"statement {s.GetType().Name} is not supported in device code yet");
        }
    }

    private LLVMBasicBlockRef Label(string name)
    {
        if (!_labels.TryGetValue(name, out var b))
        {
            _labels[name] = b = _b.AppendBlock(_fn, "label." + name);
        }
        return b;
    }

    private void Declare(BoundVariableDeclaration d)
    {
        var v = d.Variable;
        if (v.Storage == StorageKind.StaticLocal)
        {
            throw IrGenerator.Error(d.Span, "static local variables in device code are not supported yet (use a __device__ variable)");
        }
        if (v.Storage is StorageKind.Shared or StorageKind.DynamicShared or StorageKind.Constant or StorageKind.Global)
        {
            // __shared__ (and other static-storage) variables declared in a body live in module globals.
            _locals[v] = _g.GlobalOf(v, d.Span);
            return;
        }
        var slot = Temporary(v.Type, v.Name);
        _locals[v] = slot;
        if (d.Initializer is { } init)
        {
            Initialize(slot, v.Type, init);
        }
    }

    /// <summary>Stores an initializer into memory at <paramref name="address"/>; aggregate initializers zero what they do not name.</summary>
    private void Initialize(LLVMValueRef address, TypeSymbol type, BoundInitializer init)
    {
        switch (init)
        {
            case BoundExpressionInitializer { Value: var e }:
                Store(address, type, e);
                return;
            case BoundAggregateInitializer agg:
                _b.MemSet(address, IrGenerator.SizeOf(type), IrGenerator.AlignOf(type));
                switch (type.Unqualified)
                {
                    case ArrayType a:
                        for (int i = 0; i < agg.Elements.Length; i++)
                        {
                            Initialize(_b.ByteOffset(address, i * IrGenerator.SizeOf(a.Element)), a.Element, agg.Elements[i]);
                        }
                        return;
                    case StructType s:
                        for (int i = 0; i < agg.Elements.Length && i < s.Symbol.Fields.Length; i++)
                        {
                            var field = s.Symbol.Fields[i];
                            Initialize(_b.ByteOffset(address, field.Offset), field.Type, agg.Elements[i]);
                            if (s.Symbol.IsUnion)
                            {
                                break;
                            }
                        }
                        return;
                    case VectorType vt:
                        for (int i = 0; i < agg.Elements.Length; i++)
                        {
                            Initialize(_b.ByteOffset(address, i * IrGenerator.SizeOf(vt.Element)), vt.Element, agg.Elements[i]);
                        }
                        return;
                    default:
                        if (agg.Elements.Length == 1)
                        {
                            Initialize(address, type, agg.Elements[0]);
                        }
                        return;
                }
        }
    }

    private void EmitIf(BoundIf i)
    {
        var then = _b.AppendBlock(_fn, "if.then");
        var end = _b.AppendBlock(_fn, "if.end");
        var otherwise = i.Else is null ? end : _b.AppendBlock(_fn, "if.else");
        _b.CondBr(EmitCondition(i.Condition), then, otherwise);
        _b.PositionAtEnd(then);
        EmitStatement(i.Then);
        if (!_b.IsTerminated)
        {
            _b.Br(end);
        }
        if (i.Else is not null)
        {
            _b.PositionAtEnd(otherwise);
            EmitStatement(i.Else);
            if (!_b.IsTerminated)
            {
                _b.Br(end);
            }
        }
        _b.PositionAtEnd(end);
    }

    private void EmitLoop(BoundExpression? condition, BoundStatement body, BoundExpression? step, UnrollHint? unroll, bool testFirst)
    {
        var cond = _b.AppendBlock(_fn, "loop.cond");
        var bodyBlock = _b.AppendBlock(_fn, "loop.body");
        var stepBlock = step is null ? cond : _b.AppendBlock(_fn, "loop.step");
        var exit = _b.AppendBlock(_fn, "loop.exit");
        _b.Br(testFirst ? cond : bodyBlock);
        _b.PositionAtEnd(cond);
        LLVMValueRef backEdge;
        if (condition is null)
        {
            backEdge = _b.Br(bodyBlock);
        }
        else
        {
            backEdge = _b.CondBr(EmitCondition(condition), bodyBlock, exit);
        }
        _b.PositionAtEnd(bodyBlock);
        _loops.Push((exit, stepBlock));
        EmitStatement(body);
        _loops.Pop();
        if (!_b.IsTerminated)
        {
            _b.Br(stepBlock);
        }
        if (step is not null)
        {
            _b.PositionAtEnd(stepBlock);
            SetLocation(step.Span);
            EmitValue(step);
            backEdge = _b.Br(cond);
        }
        if (unroll is not null)
        {
            AttachUnroll(backEdge, unroll);
        }
        _b.PositionAtEnd(exit);
    }

    /// <summary>llvm.loop metadata: a distinct self-referencing node with the unroll request.</summary>
    private unsafe void AttachUnroll(LLVMValueRef branch, UnrollHint hint)
    {
        var c = _b.Context;
        LLVMMetadataRef request;
        if (hint.Count is long n && n > 1)
        {
            var name = LLVMMDStringInContext2(c, "llvm.loop.unroll.count", 22);
            var count = LLVMValueAsMetadata(_b.I32Const(n));
            var ops = stackalloc LLVMMetadataRef[2] { name, count };
            request = LLVMMDNodeInContext2(c, ops, 2);
        }
        else
        {
            var text = hint.Count == 1 ? "llvm.loop.unroll.disable" : "llvm.loop.unroll.full";
            var name = LLVMMDStringInContext2(c, text, (nuint)text.Length);
            request = LLVMMDNodeInContext2(c, &name, 1);
        }
        var temp = LLVMTemporaryMDNode(c, null, 0);
        var loopOps = stackalloc LLVMMetadataRef[2] { temp, request };
        var loop = LLVMMDNodeInContext2(c, loopOps, 2);
        LLVMMetadataReplaceAllUsesWith(temp, loop);
        LLVMSetMetadata(branch, LLVMGetMDKindIDInContext(c, "llvm.loop", 9), LLVMMetadataAsValue(c, loop));
    }

    private void EmitSwitch(BoundSwitch sw)
    {
        var value = EmitValue(sw.Value);
        var exit = _b.AppendBlock(_fn, "switch.exit");
        var defaultBlock = exit;
        foreach (var c in sw.Cases)
        {
            var block = _b.AppendBlock(_fn, c.Value is null ? "switch.default" : "switch.case");
            _caseBlocks[c] = block;
            if (c.Value is null)
            {
                defaultBlock = block;
            }
        }
        var inst = _b.Switch(value, defaultBlock, sw.Cases.Length);
        var type = LLVMTypeOf(value);
        foreach (var c in sw.Cases.Where(c => c.Value is not null))
        {
            LLVMAddCase(inst, LLVMConstInt(type, unchecked((ulong)c.Value!.Value), 1), _caseBlocks[c]);
        }
        _b.PositionAtEnd(_b.AppendBlock(_fn, "switch.body"));
        _loops.Push((exit, null));
        EmitStatement(sw.Body);
        _loops.Pop();
        if (!_b.IsTerminated)
        {
            _b.Br(exit);
        }
        _b.PositionAtEnd(exit);
    }

    private void EmitReturn(BoundReturn r)
    {
        if (r.Value is { } e)
        {
            var type = _f.Type.Return;
            if (IrGenerator.IsAggregate(type))
            {
                _b.MemCpy(_sret, EmitValue(e), IrGenerator.SizeOf(type), IrGenerator.AlignOf(type));
            }
            else if (type is ReferenceType)
            {
                _b.Store(ReferenceTarget(e), _returnSlot, 8);
            }
            else if (type is not VoidType)
            {
                _b.Store(ToMemory(EmitValue(e), type), _returnSlot, IrGenerator.AlignOf(type));
            }
            else
            {
                EmitValue(e);
            }
        }
        _b.Br(_returnBlock);
    }
}
