using ByteChip.Compiler.Llvm;
using ByteChip.Compiler.Semantics;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

internal sealed partial class FunctionEmitter
{
    private const uint FastMathContract = 0x20;

    // ---------------------------------------------------------------- memory representation

    /// <summary>A register value as stored in memory (bool becomes i8).</summary>
    private LLVMValueRef ToMemory(LLVMValueRef value, TypeSymbol type) =>
        type.Unqualified is BoolType ? _b.Cast(LLVMOpcode.ZExt, value, _b.I8) : value;

    /// <summary>A loaded value as a register value (i8 becomes bool).</summary>
    private LLVMValueRef FromMemory(LLVMValueRef value, TypeSymbol type) =>
        type.Unqualified is BoolType ? _b.ICmp(LLVMIntPredicate.NE, value, _b.ConstInt(_b.I8, 0)) : value;

    private LLVMValueRef Load(LLVMValueRef address, TypeSymbol type)
    {
        if (IrGenerator.IsAggregate(type))
        {
            return address; // aggregates are handled by address
        }
        return FromMemory(_b.Load(_g.MemoryType(type), address, IrGenerator.AlignOf(type), type.IsVolatile), type);
    }

    /// <summary>Evaluates <paramref name="value"/> and stores it at <paramref name="address"/> (memcpy for aggregates).</summary>
    private LLVMValueRef Store(LLVMValueRef address, TypeSymbol type, BoundExpression value)
    {
        var v = EmitValue(value);
        if (IrGenerator.IsAggregate(type))
        {
            _b.MemCpy(address, v, IrGenerator.SizeOf(type), IrGenerator.AlignOf(type));
            return address;
        }
        _b.Store(ToMemory(v, type), address, IrGenerator.AlignOf(type), type.IsVolatile);
        return v;
    }

    /// <summary>The condition of an if/loop/?: as i1.</summary>
    private LLVMValueRef EmitCondition(BoundExpression e)
    {
        var v = EmitValue(e);
        return e.Type.Unqualified is BoolType ? v : ToBool(v, e.Type);
    }

    private LLVMValueRef ToBool(LLVMValueRef v, TypeSymbol from) => from.Unqualified switch
    {
        BoolType => v,
        FloatType => _b.FCmp(LLVMRealPredicate.UNE, v, _b.ConstReal(LLVMTypeOf(v), 0)),
        PointerType => _b.ICmp(LLVMIntPredicate.NE, v, _b.Null(_b.Ptr)),
        _ => _b.ICmp(LLVMIntPredicate.NE, v, _b.Null(LLVMTypeOf(v))),
    };

    /// <summary>The pointer a reference binds to: the address of an lvalue, or of a temporary holding an rvalue.</summary>
    private LLVMValueRef ReferenceTarget(BoundExpression e)
    {
        if (e is BoundConversion { Kind: ConversionKind.BindReference or ConversionKind.BindTemporary })
        {
            return EmitValue(e);
        }
        if (e.IsLValue)
        {
            return Generic(EmitAddress(e));
        }
        var temp = Temporary(e.Type);
        Store(temp, e.Type, e);
        return temp;
    }

    /// <summary>A pointer as a generic (address space 0) value.</summary>
    private LLVMValueRef Generic(LLVMValueRef pointer) =>
        LLVMGetPointerAddressSpace(LLVMTypeOf(pointer)) == 0 ? pointer : _b.Cast(LLVMOpcode.AddrSpaceCast, pointer, _b.Ptr);

    // ---------------------------------------------------------------- addresses

    private LLVMValueRef EmitAddress(BoundExpression e)
    {
        SetLocation(e.Span);
        switch (e)
        {
            case BoundVariable { Variable: var v }:
                if (_locals.TryGetValue(v, out var slot))
                {
                    return slot;
                }
                return _g.GlobalOf(v, e.Span);
            case BoundIndex ix:
            {
                var basePtr = EmitValue(ix.Base);
                return _b.ByteOffset(basePtr, Scaled(ix.Index, IrGenerator.SizeOf(ix.Type)));
            }
            case BoundDereference d:
                return EmitValue(d.Pointer);
            case BoundFieldAccess fa:
                return _b.ByteOffset(ObjectAddress(fa.Object), fa.Field.Offset);
            case BoundVectorElement ve:
                return _b.ByteOffset(ObjectAddress(ve.Vector), ve.Index * IrGenerator.SizeOf(ve.Type));
            case BoundThis:
                return _this;
            case BoundCall call when call.Function.Type.Return is ReferenceType:
                return EmitValue(call);
            case BoundAssignment a:
            {
                var address = EmitAddress(a.Target);
                Store(address, a.Target.Type, a.Value);
                return address;
            }
            case BoundCompoundAssignment ca:
                return CompoundAssign(ca).Address;
            case BoundIncrement { IsPrefix: true } inc:
                return Increment(inc).Address;
            case BoundComma c:
                EmitValue(c.Left);
                return EmitAddress(c.Right);
            case BoundConditional cond when cond.WhenTrue.IsLValue && cond.WhenFalse.IsLValue:
                return Conditional(cond, EmitAddress, _b.Ptr);
            default:
                if (IrGenerator.IsAggregate(e.Type))
                {
                    return EmitValue(e); // an rvalue aggregate: its temporary
                }
                throw IrGenerator.Error(e.Span, $"{e.GetType().Name} does not designate an object");
        }
    }

    /// <summary>The address of an aggregate object, whether it is an lvalue or an rvalue held in a temporary.</summary>
    private LLVMValueRef ObjectAddress(BoundExpression obj) => obj.IsLValue ? EmitAddress(obj) : EmitValue(obj);

    /// <summary>index * size as i64 (the index sign- or zero-extended by its type).</summary>
    private LLVMValueRef Scaled(BoundExpression index, long size)
    {
        var i = EmitValue(index);
        var type = index.Type.Unqualified;
        bool signed = type is not IntegerType { IsSigned: false } and not BoolType;
        var wide = LLVMTypeOf(i) == _b.I64 ? i : _b.Cast(signed ? LLVMOpcode.SExt : LLVMOpcode.ZExt, i, _b.I64);
        return size == 1 ? wide : _b.Binary(LLVMOpcode.Mul, wide, _b.I64Const(size));
    }

    // ---------------------------------------------------------------- values

    private LLVMValueRef EmitValue(BoundExpression e)
    {
        SetLocation(e.Span);
        if (e.ConstantValue is long constant && e.Type.IsInteger && e is not BoundAssignment and not BoundCompoundAssignment and not BoundIncrement and not BoundCall)
        {
            return e.Type.Unqualified is BoolType ? _b.ConstInt(_b.I1, constant != 0 ? 1 : 0) : _b.ConstInt(_g.ValueType(e.Type), constant);
        }
        switch (e)
        {
            case BoundIntegerLiteral i:
                return _b.ConstInt(_g.ValueType(i.Type), i.Value);
            case BoundFloatLiteral f:
                return _b.ConstReal(_g.ValueType(f.Type), f.Value);
            case BoundConstant c:
                return _b.ConstInt(_g.ValueType(c.Type), c.Value);
            case BoundNullPointer:
                return _b.Null(_b.Ptr);
            case BoundSizeOf s:
                return _b.ConstInt(_g.ValueType(s.Type), s.Value);
            case BoundStringLiteral:
                throw IrGenerator.Error(e.Span, "string literals are not supported in device code");
            case BoundThis:
                return _this;
            case BoundVariable { Variable.Storage: StorageKind.Builtin } bv:
                return BuiltinVariable(bv);
            case BoundVectorElement { Vector: BoundVariable { Variable.Storage: StorageKind.Builtin } bv } ve:
                return SpecialRegister(bv.Variable.Name, ve.Index);
            case BoundVariable or BoundIndex or BoundDereference or BoundFieldAccess or BoundVectorElement:
                return Load(EmitAddress(e), e.Type);
            case BoundUnary u:
                return Unary(u);
            case BoundBinary b:
                return Binary(b);
            case BoundAssignment a:
            {
                var address = EmitAddress(a.Target);
                var v = Store(address, a.Target.Type, a.Value);
                return IrGenerator.IsAggregate(a.Type) ? address : v;
            }
            case BoundCompoundAssignment ca:
                return CompoundAssign(ca).Value;
            case BoundIncrement inc:
                return Increment(inc).Value;
            case BoundConditional c:
                if (IrGenerator.IsAggregate(c.Type))
                {
                    var temp = Temporary(c.Type);
                    ConditionalStatement(c.Condition, () => Store(temp, c.Type, c.WhenTrue), () => Store(temp, c.Type, c.WhenFalse));
                    return temp;
                }
                return Conditional(c, EmitValue, _g.ValueType(c.Type));
            case BoundComma comma:
                EmitValue(comma.Left);
                return EmitValue(comma.Right);
            case BoundCall call:
                return Call(call);
            case BoundAddressOf ao:
                return Generic(EmitAddress(ao.Operand));
            case BoundConversion conv:
                return Convert(conv);
            case BoundVectorConstruct vc:
            {
                var temp = Temporary(vc.VectorType);
                long size = IrGenerator.SizeOf(vc.VectorType.Element);
                for (int i = 0; i < vc.Components.Length; i++)
                {
                    Store(_b.ByteOffset(temp, i * size), vc.VectorType.Element, vc.Components[i]);
                }
                return temp;
            }
            case BoundStructConstruct sc:
            {
                var temp = Temporary(sc.StructType);
                if (sc.Constructor is { } ctor)
                {
                    CallFunction(ctor, temp, sc.Arguments, e.Span);
                }
                else
                {
                    _b.MemSet(temp, IrGenerator.SizeOf(sc.StructType), IrGenerator.AlignOf(sc.StructType));
                    var fields = sc.StructType.Symbol.Fields;
                    for (int i = 0; i < sc.Arguments.Length && i < fields.Length; i++)
                    {
                        Store(_b.ByteOffset(temp, fields[i].Offset), fields[i].Type, sc.Arguments[i]);
                    }
                }
                return temp;
            }
            default:
                throw IrGenerator.Error(e.Span, $"expression {e.GetType().Name} is not supported in device code yet");
        }
    }

    private LLVMValueRef Conditional(BoundConditional c, Func<BoundExpression, LLVMValueRef> arm, LLVMTypeRef type)
    {
        var then = _b.AppendBlock(_fn, "cond.true");
        var otherwise = _b.AppendBlock(_fn, "cond.false");
        var end = _b.AppendBlock(_fn, "cond.end");
        _b.CondBr(EmitCondition(c.Condition), then, otherwise);
        _b.PositionAtEnd(then);
        var a = arm(c.WhenTrue);
        var aBlock = _b.InsertBlock;
        _b.Br(end);
        _b.PositionAtEnd(otherwise);
        var b = arm(c.WhenFalse);
        var bBlock = _b.InsertBlock;
        _b.Br(end);
        _b.PositionAtEnd(end);
        return _b.Phi(type, [(a, aBlock), (b, bBlock)]);
    }

    private void ConditionalStatement(BoundExpression condition, Action whenTrue, Action whenFalse)
    {
        var then = _b.AppendBlock(_fn, "cond.true");
        var otherwise = _b.AppendBlock(_fn, "cond.false");
        var end = _b.AppendBlock(_fn, "cond.end");
        _b.CondBr(EmitCondition(condition), then, otherwise);
        _b.PositionAtEnd(then);
        whenTrue();
        _b.Br(end);
        _b.PositionAtEnd(otherwise);
        whenFalse();
        _b.Br(end);
        _b.PositionAtEnd(end);
    }

    private LLVMValueRef Unary(BoundUnary u)
    {
        var v = EmitValue(u.Operand);
        var type = u.Type.Unqualified;
        return u.Operator switch
        {
            UnaryOperatorKind.Plus => v,
            UnaryOperatorKind.Negate when type is FloatType => _b.FNeg(v),
            UnaryOperatorKind.Negate => _b.Neg(v),
            UnaryOperatorKind.BitwiseNot => _b.Not(v),
            _ => _b.Binary(LLVMOpcode.Xor, u.Operand.Type.Unqualified is BoolType ? v : ToBool(v, u.Operand.Type), _b.ConstInt(_b.I1, 1)),
        };
    }

    private LLVMValueRef Contract(LLVMValueRef v)
    {
        if (LLVMCanValueUseFastMathFlags(v) != 0)
        {
            LLVMSetFastMathFlags(v, FastMathContract);
        }
        return v;
    }

    private LLVMValueRef Binary(BoundBinary b)
    {
        switch (b.Operator)
        {
            case BinaryOperatorKind.LogicalAnd or BinaryOperatorKind.LogicalOr:
                return ShortCircuit(b);
            case BinaryOperatorKind.PointerAdd or BinaryOperatorKind.PointerSubtract:
            {
                var p = EmitValue(b.Left);
                var pointee = ((PointerType)b.Left.Type.Unqualified).Pointee;
                var offset = Scaled(b.Right, Math.Max(IrGenerator.SizeOf(pointee), 1));
                return _b.ByteOffset(p, b.Operator == BinaryOperatorKind.PointerAdd ? offset : _b.Neg(offset));
            }
            case BinaryOperatorKind.PointerDifference:
            {
                var pointee = ((PointerType)b.Left.Type.Unqualified).Pointee;
                var diff = _b.Binary(LLVMOpcode.Sub, _b.Cast(LLVMOpcode.PtrToInt, EmitValue(b.Left), _b.I64), _b.Cast(LLVMOpcode.PtrToInt, EmitValue(b.Right), _b.I64));
                long size = Math.Max(IrGenerator.SizeOf(pointee), 1);
                var d = size == 1 ? diff : _b.Binary(LLVMOpcode.SDiv, diff, _b.I64Const(size));
                var resultType = _g.ValueType(b.Type);
                return LLVMTypeOf(d) == resultType ? d : _b.Cast(LLVMOpcode.Trunc, d, resultType);
            }
        }
        var l = EmitValue(b.Left);
        var r2 = EmitValue(b.Right);
        return Arithmetic(b.Operator, l, r2, b.OperandType, b.Span);
    }

    /// <summary>An arithmetic or comparison operator on two values of <paramref name="operandType"/>.</summary>
    private LLVMValueRef Arithmetic(BinaryOperatorKind op, LLVMValueRef l, LLVMValueRef r, TypeSymbol operandType, SourceSpan span)
    {
        var t = operandType.Unqualified;
        if (t is FloatType)
        {
            return op switch
            {
                BinaryOperatorKind.Add => Contract(_b.Binary(LLVMOpcode.FAdd, l, r)),
                BinaryOperatorKind.Subtract => Contract(_b.Binary(LLVMOpcode.FSub, l, r)),
                BinaryOperatorKind.Multiply => Contract(_b.Binary(LLVMOpcode.FMul, l, r)),
                BinaryOperatorKind.Divide => _b.Binary(LLVMOpcode.FDiv, l, r),
                BinaryOperatorKind.Remainder => _b.Binary(LLVMOpcode.FRem, l, r),
                BinaryOperatorKind.Equal => _b.FCmp(LLVMRealPredicate.OEQ, l, r),
                BinaryOperatorKind.NotEqual => _b.FCmp(LLVMRealPredicate.UNE, l, r),
                BinaryOperatorKind.Less => _b.FCmp(LLVMRealPredicate.OLT, l, r),
                BinaryOperatorKind.LessOrEqual => _b.FCmp(LLVMRealPredicate.OLE, l, r),
                BinaryOperatorKind.Greater => _b.FCmp(LLVMRealPredicate.OGT, l, r),
                BinaryOperatorKind.GreaterOrEqual => _b.FCmp(LLVMRealPredicate.OGE, l, r),
                _ => throw IrGenerator.Error(span, $"operator {op} on floating-point values"),
            };
        }
        bool signed = t is IntegerType { IsSigned: true } or EnumType;
        if (t is PointerType)
        {
            signed = false;
        }
        if (op is BinaryOperatorKind.ShiftLeft or BinaryOperatorKind.ShiftRight && LLVMTypeOf(r) != LLVMTypeOf(l))
        {
            r = _b.Cast(LLVMGetIntTypeWidth(LLVMTypeOf(r)) > LLVMGetIntTypeWidth(LLVMTypeOf(l)) ? LLVMOpcode.Trunc : LLVMOpcode.ZExt, r, LLVMTypeOf(l));
        }
        return op switch
        {
            BinaryOperatorKind.Add => _b.Binary(LLVMOpcode.Add, l, r),
            BinaryOperatorKind.Subtract => _b.Binary(LLVMOpcode.Sub, l, r),
            BinaryOperatorKind.Multiply => _b.Binary(LLVMOpcode.Mul, l, r),
            BinaryOperatorKind.Divide => _b.Binary(signed ? LLVMOpcode.SDiv : LLVMOpcode.UDiv, l, r),
            BinaryOperatorKind.Remainder => _b.Binary(signed ? LLVMOpcode.SRem : LLVMOpcode.URem, l, r),
            BinaryOperatorKind.ShiftLeft => _b.Binary(LLVMOpcode.Shl, l, r),
            BinaryOperatorKind.ShiftRight => _b.Binary(signed ? LLVMOpcode.AShr : LLVMOpcode.LShr, l, r),
            BinaryOperatorKind.BitwiseAnd => _b.Binary(LLVMOpcode.And, l, r),
            BinaryOperatorKind.BitwiseOr => _b.Binary(LLVMOpcode.Or, l, r),
            BinaryOperatorKind.BitwiseXor => _b.Binary(LLVMOpcode.Xor, l, r),
            BinaryOperatorKind.Equal => _b.ICmp(LLVMIntPredicate.EQ, l, r),
            BinaryOperatorKind.NotEqual => _b.ICmp(LLVMIntPredicate.NE, l, r),
            BinaryOperatorKind.Less => _b.ICmp(signed ? LLVMIntPredicate.SLT : LLVMIntPredicate.ULT, l, r),
            BinaryOperatorKind.LessOrEqual => _b.ICmp(signed ? LLVMIntPredicate.SLE : LLVMIntPredicate.ULE, l, r),
            BinaryOperatorKind.Greater => _b.ICmp(signed ? LLVMIntPredicate.SGT : LLVMIntPredicate.UGT, l, r),
            BinaryOperatorKind.GreaterOrEqual => _b.ICmp(signed ? LLVMIntPredicate.SGE : LLVMIntPredicate.UGE, l, r),
            _ => throw IrGenerator.Error(span, $"operator {op}"),
        };
    }

    private LLVMValueRef ShortCircuit(BoundBinary b)
    {
        bool and = b.Operator == BinaryOperatorKind.LogicalAnd;
        var left = EmitCondition(b.Left);
        var leftBlock = _b.InsertBlock;
        var right = _b.AppendBlock(_fn, and ? "and.rhs" : "or.rhs");
        var end = _b.AppendBlock(_fn, and ? "and.end" : "or.end");
        _b.CondBr(left, and ? right : end, and ? end : right);
        _b.PositionAtEnd(right);
        var r = EmitCondition(b.Right);
        var rightBlock = _b.InsertBlock;
        _b.Br(end);
        _b.PositionAtEnd(end);
        var phi = _b.Phi(_b.I1, [(_b.ConstInt(_b.I1, and ? 0 : 1), leftBlock), (r, rightBlock)]);
        return b.Type.Unqualified is BoolType ? phi : _b.Cast(LLVMOpcode.ZExt, phi, _g.ValueType(b.Type));
    }

    private (LLVMValueRef Address, LLVMValueRef Value) CompoundAssign(BoundCompoundAssignment ca)
    {
        var address = EmitAddress(ca.Target);
        var targetType = ca.Target.Type;
        var old = Load(address, targetType);
        LLVMValueRef result;
        if (targetType.Unqualified is PointerType pt)
        {
            var offset = Scaled(ca.Value, Math.Max(IrGenerator.SizeOf(pt.Pointee), 1));
            result = _b.ByteOffset(old, ca.Operator == BinaryOperatorKind.Subtract ? _b.Neg(offset) : offset);
        }
        else
        {
            var l = ConvertValue(old, targetType, ca.ComputationType);
            var r = EmitValue(ca.Value);
            var computed = Arithmetic(ca.Operator, l, r, ca.ComputationType, ca.Span);
            result = ConvertValue(computed, ca.ComputationType, targetType);
        }
        _b.Store(ToMemory(result, targetType), address, IrGenerator.AlignOf(targetType), targetType.IsVolatile);
        return (address, result);
    }

    private (LLVMValueRef Address, LLVMValueRef Value) Increment(BoundIncrement inc)
    {
        var address = EmitAddress(inc.Target);
        var type = inc.Target.Type;
        var old = Load(address, type);
        LLVMValueRef updated = type.Unqualified switch
        {
            PointerType pt => _b.ByteOffset(old, (inc.IsIncrement ? 1 : -1) * Math.Max(IrGenerator.SizeOf(pt.Pointee), 1)),
            FloatType => _b.Binary(inc.IsIncrement ? LLVMOpcode.FAdd : LLVMOpcode.FSub, old, _b.ConstReal(LLVMTypeOf(old), 1)),
            BoolType => _b.ConstInt(_b.I1, inc.IsIncrement ? 1 : 0),
            _ => _b.Binary(inc.IsIncrement ? LLVMOpcode.Add : LLVMOpcode.Sub, old, _b.ConstInt(LLVMTypeOf(old), 1)),
        };
        _b.Store(ToMemory(updated, type), address, IrGenerator.AlignOf(type), type.IsVolatile);
        return (address, inc.IsPrefix ? updated : old);
    }

    // ---------------------------------------------------------------- conversions

    private LLVMValueRef Convert(BoundConversion c)
    {
        switch (c.Kind)
        {
            case ConversionKind.ArrayToPointer:
                return Generic(EmitAddress(c.Operand));
            case ConversionKind.BindReference:
                return Generic(EmitAddress(c.Operand));
            case ConversionKind.BindTemporary:
            {
                var temp = Temporary(c.Operand.Type);
                Store(temp, c.Operand.Type, c.Operand);
                return temp;
            }
            case ConversionKind.NullToPointer:
                EmitValue(c.Operand);
                return _b.Null(_b.Ptr);
            case ConversionKind.ScalarToVector:
            {
                var vt = (VectorType)c.Type.Unqualified;
                var temp = Temporary(vt);
                var v = ConvertValue(EmitValue(c.Operand), c.Operand.Type, vt.Element);
                for (int i = 0; i < vt.Count; i++)
                {
                    _b.Store(ToMemory(v, vt.Element), _b.ByteOffset(temp, i * IrGenerator.SizeOf(vt.Element)), IrGenerator.AlignOf(vt.Element));
                }
                return temp;
            }
            case ConversionKind.FunctionToPointer:
                throw IrGenerator.Error(c.Span, "function pointers are not supported in device code");
        }
        return ConvertValue(EmitValue(c.Operand), c.Operand.Type, c.Type);
    }

    /// <summary>Converts a register value between scalar types (C's usual conversions).</summary>
    private LLVMValueRef ConvertValue(LLVMValueRef v, TypeSymbol fromType, TypeSymbol toType)
    {
        var from = fromType.Unqualified;
        var to = toType.Unqualified;
        var target = _g.ValueType(to);
        if (IrGenerator.IsAggregate(to) || to is VoidType)
        {
            return v;
        }
        if (to is BoolType)
        {
            return ToBool(v, from);
        }
        if (from is BoolType)
        {
            return to is FloatType ? _b.Cast(LLVMOpcode.UIToFP, v, target) : _b.Cast(LLVMOpcode.ZExt, v, target);
        }
        if (from is PointerType or ReferenceType)
        {
            return to is PointerType or ReferenceType ? v : _b.Cast(LLVMOpcode.PtrToInt, v, target);
        }
        if (to is PointerType or ReferenceType)
        {
            return _b.Cast(LLVMOpcode.IntToPtr, v, _b.Ptr);
        }
        var source = LLVMTypeOf(v);
        if (from is FloatType ff)
        {
            if (to is FloatType tf)
            {
                return ff.Bits == tf.Bits ? v : _b.Cast(tf.Bits > ff.Bits ? LLVMOpcode.FPExt : LLVMOpcode.FPTrunc, v, target);
            }
            return _b.Cast(to is IntegerType { IsSigned: false } ? LLVMOpcode.FPToUI : LLVMOpcode.FPToSI, v, target);
        }
        bool signed = from is IntegerType { IsSigned: true } or EnumType;
        if (to is FloatType)
        {
            return _b.Cast(signed ? LLVMOpcode.SIToFP : LLVMOpcode.UIToFP, v, target);
        }
        uint fromBits = LLVMGetIntTypeWidth(source), toBits = LLVMGetIntTypeWidth(target);
        if (fromBits == toBits)
        {
            return v;
        }
        return _b.Cast(toBits < fromBits ? LLVMOpcode.Trunc : signed ? LLVMOpcode.SExt : LLVMOpcode.ZExt, v, target);
    }
}
