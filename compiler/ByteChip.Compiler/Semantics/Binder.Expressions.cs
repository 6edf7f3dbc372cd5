using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>Expressions: names, literals, operators, member access, casts.</summary>
internal sealed partial class Binder
{
    private bool InDeviceCode => _context != null && _context.Function.IsDeviceCallable;

    private BoundExpression BindExpression(ExpressionSyntax e, bool discarded = false)
    {
        var bound = BindExpressionCore(e, discarded);
        // A reference designates its object: reads and writes go through it.
        if (bound.Type is ReferenceType r)
        {
            return new BoundDereference(bound.Span, r.Referenced, bound);
        }
        return bound;
    }

    private BoundExpression BindExpressionCore(ExpressionSyntax e, bool discarded)
    {
        switch (e)
        {
            case NameExpressionSyntax n:
                return BindName(n);
            case IntegerLiteralSyntax i:
                return new BoundIntegerLiteral(i.Span, IntegerLiteralType(i), (long)i.Value);
            case FloatLiteralSyntax f:
                return new BoundFloatLiteral(f.Span, f.IsFloat ? Types.Float : Types.Double, f.IsFloat ? (float)f.Value : f.Value);
            case CharLiteralSyntax c:
                return new BoundIntegerLiteral(c.Span, Types.Char, c.Value);
            case StringLiteralSyntax s:
                return new BoundStringLiteral(s.Span, new ArrayType(Types.Char.WithConst(), s.Value.Length + 1), s.Value);
            case BoolLiteralSyntax b:
                return new BoundIntegerLiteral(b.Span, Types.Bool, b.Value ? 1 : 0);
            case NullptrLiteralSyntax np:
                return new BoundNullPointer(np.Span, new PointerType(Types.Void));
            case ThisExpressionSyntax t:
                if (_context?.Function.DeclaringStruct is { } owner)
                {
                    return new BoundThis(t.Span, new PointerType(new StructType(owner) { IsConst = _context.Function.IsConstMember }));
                }
                Error(SemanticCode.UndeclaredIdentifier, t.Span, "invalid use of 'this' outside of a member function");
                return new BoundErrorExpression(t.Span);
            case UnaryExpressionSyntax u:
                return BindUnary(u);
            case PostfixExpressionSyntax p:
                return BindIncrement(p.Span, p.Operand, p.Operator == "++", isPrefix: false);
            case BinaryExpressionSyntax b:
                return BindBinary(b);
            case AssignmentExpressionSyntax a:
                return BindAssignment(a);
            case ConditionalExpressionSyntax c:
                return BindConditional(c);
            case CommaExpressionSyntax c:
                return new BoundComma(c.Span, BindExpression(c.Left, discarded: true), BindExpression(c.Right, discarded));
            case CallExpressionSyntax call:
                return BindCall(call);
            case IndexExpressionSyntax ix:
                return BindIndex(ix);
            case MemberExpressionSyntax m:
                return BindMember(m);
            case CastExpressionSyntax cast:
                return BindCast(cast);
            case ConstructExpressionSyntax ce:
                return BindConstruction(ce.Span, ResolveType(ce.Type), ce.Arguments.Select(a => BindExpression(a)).ToList(), ce.IsBraced);
            case SizeofExpressionSyntax so:
            {
                var measured = so.Type != null ? ResolveType(so.Type) : BindExpression(so.Operand!).Type;
                if (measured is FunctionType || IsIncomplete(measured) || measured is ArrayType { Length: null })
                {
                    if (!measured.IsError)
                    {
                        Error(SemanticCode.IncompleteType, so.Span, $"invalid application of 'sizeof' to an incomplete type '{measured}'");
                    }
                    return new BoundErrorExpression(so.Span);
                }
                return new BoundSizeOf(so.Span, Types.SizeT, measured, Types.SizeOf(measured is ReferenceType r ? r.Referenced : measured), false);
            }
            case AlignofExpressionSyntax ao:
            {
                var measured = ResolveType(ao.Type);
                return new BoundSizeOf(ao.Span, Types.SizeT, measured, Types.AlignOf(measured), true);
            }
            case InitListExpressionSyntax il:
                Error(SemanticCode.TypeMismatch, il.Span, "initializer list cannot be used here");
                return new BoundErrorExpression(il.Span);
            default:
                return new BoundErrorExpression(e.Span);
        }
    }

    /// <summary>C's integer literal typing: the first of int/long (long long) that holds the value; hex and octal also try the unsigned types.</summary>
    private static TypeSymbol IntegerLiteralType(IntegerLiteralSyntax i)
    {
        ulong v = i.Value;
        if (i.IsUnsigned)
        {
            return i.LongCount == 0 && v <= uint.MaxValue ? Types.UInt : i.LongCount == 2 ? Types.ULongLong : Types.ULong;
        }
        if (i.LongCount == 0 && v <= int.MaxValue)
        {
            return Types.Int;
        }
        if (i.LongCount == 0 && !i.IsDecimal && v <= uint.MaxValue)
        {
            return Types.UInt;
        }
        if (v <= long.MaxValue)
        {
            return i.LongCount == 2 ? Types.LongLong : Types.Long;
        }
        return i.LongCount == 2 ? Types.ULongLong : Types.ULong;
    }

    private BoundExpression BindName(NameExpressionSyntax n)
    {
        // Color::Green: an enumerator of a (scoped) enum. Other qualifiers (cg::, std::) name no scope of ours.
        if (n.Qualifier != null && _scope.Lookup(n.Qualifier).OfType<EnumSymbol>().FirstOrDefault() is { } qualifyingEnum)
        {
            if (qualifyingEnum.Enumerators.FirstOrDefault(e => e.Name == n.Name) is { } enumerator)
            {
                return new BoundConstant(n.Span, new EnumType(qualifyingEnum), enumerator.Value, enumerator);
            }
            Error(SemanticCode.NoSuchMember, n.Span, $"no member named '{n.Name}' in 'enum {qualifyingEnum.Name}'", DeclaredHere(qualifyingEnum));
            return new BoundErrorExpression(n.Span);
        }
        if (n.Qualifier != null && QualifyingStruct(n.Qualifier, n.Span, out var qualifyingStruct))
        {
            return BindStaticMember(n, qualifyingStruct);
        }
        var symbols = LookupName(n.Name, out var viaThis);
        if (symbols.Count == 0)
        {
            if (Types.Vector(n.Name) == null)
            {
                Error(SemanticCode.UndeclaredIdentifier, n.Span, $"use of undeclared identifier '{n.Name}'");
            }
            else
            {
                Error(SemanticCode.TypeMismatch, n.Span, $"'{n.Name}' is a type, not a value");
            }
            // Declare it as an error variable so later uses do not report again.
            _scope.Add(new VariableSymbol(n.Name, n.Span, Types.Error, StorageKind.Local) { IsUsed = true });
            return new BoundErrorExpression(n.Span);
        }
        switch (symbols[0])
        {
            case VariableSymbol v:
                v.IsUsed = true;
                if (v.Type.IsError)
                {
                    return new BoundErrorExpression(n.Span);
                }
                // CUDA lets device code read a const host variable of integral or floating type with a constant initializer.
                if (v.Storage == StorageKind.Host && v.Type.IsConst && v.Initializer is BoundExpressionInitializer { Value: var init } && FloatConstant(init) is double hostFloat)
                {
                    return new BoundFloatLiteral(n.Span, v.Type.Unqualified, hostFloat);
                }
                if (InDeviceCode && v.Storage == StorageKind.Host && v.ConstantValue == null)
                {
                    Error(SemanticCode.HostVariableFromDevice, n.Span, $"reference to __host__ variable '{v.Name}' in {DeviceWhat()} function", DeclaredHere(v));
                    return new BoundErrorExpression(n.Span);
                }
                if (v.Storage == StorageKind.Host && v.ConstantValue is long hostConstant)
                {
                    return new BoundConstant(n.Span, v.Type.Unqualified, hostConstant, v);
                }
                return new BoundVariable(n.Span, v);
            case FieldSymbol f when viaThis != null:
                return new BoundFieldAccess(n.Span, Qualified(f.Type, viaThis.Type is PointerType { Pointee.IsConst: true }), new BoundDereference(n.Span, ((PointerType)viaThis.Type).Pointee, viaThis with { Span = n.Span }), f);
            case EnumeratorSymbol en:
                return new BoundConstant(n.Span, new EnumType(en.Owner), en.Value, en);
            case ConstantSymbol c:
                return new BoundConstant(n.Span, c.Type, c.Value, c);
            case FunctionSymbol or TemplateSymbol:
                Error(SemanticCode.UnsupportedConstruct, n.Span, $"function pointers are not supported (use of '{n.Name}' without a call)");
                return new BoundErrorExpression(n.Span);
            default:
                Error(SemanticCode.TypeMismatch, n.Span, $"'{n.Name}' does not refer to a value", DeclaredHere(symbols[0]));
                return new BoundErrorExpression(n.Span);
        }
    }

    /// <summary><c>Op::identity</c>: a static constant member (static member functions are only called, see BindQualifiedCall).</summary>
    private BoundExpression BindStaticMember(NameExpressionSyntax n, StructSymbol? owner)
    {
        if (owner == null)
        {
            return new BoundErrorExpression(n.Span);
        }
        if (owner.StaticConstants.FirstOrDefault(c => c.Name == n.Name) is { } constant)
        {
            return new BoundConstant(n.Span, constant.Type, constant.Value, constant);
        }
        if (owner.Methods.Any(m => m.Name == n.Name))
        {
            Error(SemanticCode.UnsupportedConstruct, n.Span, $"function pointers are not supported (use of '{owner.Name}::{n.Name}' without a call)");
        }
        else if (owner.Field(n.Name) is { } field)
        {
            Error(SemanticCode.MemberCallWithoutObject, n.Span, $"invalid use of non-static data member '{owner.Name}::{n.Name}'", DeclaredHere(field));
        }
        else
        {
            Error(SemanticCode.NoSuchMember, n.Span, $"no member named '{n.Name}' in '{owner.Name}'", DeclaredHere(owner));
        }
        return new BoundErrorExpression(n.Span);
    }

    /// <summary>The value of a floating constant expression (literals, negation, conversions, arithmetic), or null.</summary>
    private static double? FloatConstant(BoundExpression e) => e switch
    {
        { Type: not FloatType } => null,
        BoundFloatLiteral f => f.Value,
        BoundConversion { Kind: ConversionKind.IntegerToFloat, Operand.ConstantValue: long i } => i,
        BoundConversion { Kind: ConversionKind.FloatCast } c => FloatConstant(c.Operand) is double d ? (c.Type is FloatType { Kind: FloatKind.Float } ? (float)d : d) : null,
        BoundUnary { Operator: UnaryOperatorKind.Negate } u => -FloatConstant(u.Operand),
        BoundUnary { Operator: UnaryOperatorKind.Plus } u => FloatConstant(u.Operand),
        BoundBinary b when FloatConstant(b.Left) is double l && FloatConstant(b.Right) is double r => b.Operator switch
        {
            BinaryOperatorKind.Add => l + r,
            BinaryOperatorKind.Subtract => l - r,
            BinaryOperatorKind.Multiply => l * r,
            BinaryOperatorKind.Divide => l / r,
            _ => null,
        },
        _ => null,
    };

    private static TypeSymbol Qualified(TypeSymbol t, bool isConst) => isConst ? t.WithConst() : t;

    private string DeviceWhat() => _context!.Function.IsKernel ? "__global__" : "__device__";

    /// <summary>Looks a name up in the scopes, then (inside a member function) among the struct's members.</summary>
    private IReadOnlyList<Symbol> LookupName(string name, out BoundExpression? viaThis)
    {
        viaThis = null;
        // Locals and parameters hide members; members hide globals.
        for (var s = _scope; s != null; s = s.Parent)
        {
            if (s.Kind == ScopeKind.Global && _context?.Function.DeclaringStruct is { } owner)
            {
                var member = (IReadOnlyList<Symbol>)[.. owner.Fields.Where(f => f.Name == name), .. owner.Methods.Where(m => m.Name == name)];
                if (member.Count > 0)
                {
                    viaThis = new BoundThis(SourceSpan.None, new PointerType(new StructType(owner) { IsConst = _context.Function.IsConstMember }));
                    return member;
                }
            }
            var local = s.LookupLocal(name);
            if (local.Count > 0)
            {
                return local;
            }
        }
        return [];
    }

    /// <summary>Arrays decay to a pointer to their first element, in the address space of the array.</summary>
    private static BoundExpression Decay(BoundExpression e)
    {
        if (e.Type is ArrayType a)
        {
            return new BoundConversion(e.Span, new PointerType(a.Element, SpaceOf(e)), ConversionKind.ArrayToPointer, e, false);
        }
        return e;
    }

    /// <summary>The address space an lvalue lives in, as far as the expression shows.</summary>
    private static AddressSpace SpaceOf(BoundExpression e) => e switch
    {
        BoundVariable v => v.Variable.Storage == StorageKind.Parameter ? AddressSpace.Local : v.Variable.Space,
        BoundFieldAccess f => SpaceOf(f.Object),
        BoundVectorElement ve => SpaceOf(ve.Vector),
        BoundIndex i => i.Base.Type is PointerType p ? p.Space : AddressSpace.Generic,
        BoundDereference d => d.Pointer.Type is PointerType p ? p.Space : AddressSpace.Generic,
        _ => AddressSpace.Generic,
    };

    private BoundExpression BindUnary(UnaryExpressionSyntax u)
    {
        if (u.Operator is "++" or "--")
        {
            return BindIncrement(u.Span, u.Operand, u.Operator == "++", isPrefix: true);
        }
        var operand = BindExpression(u.Operand);
        if (operand.Type.IsError)
        {
            return operand;
        }
        switch (u.Operator)
        {
            case "&":
                if (operand is BoundVariable { Variable.Storage: StorageKind.Builtin } bv || operand is BoundVectorElement { Vector: BoundVariable { Variable.Storage: StorageKind.Builtin } bv2 } && (bv = bv2) != null)
                {
                    Error(SemanticCode.AddressOfBuiltinVariable, u.Span, $"cannot take the address of built-in variable '{bv.Variable.Name}'");
                    return new BoundErrorExpression(u.Span);
                }
                if (!operand.IsLValue)
                {
                    Error(SemanticCode.AddressOfRValue, u.Span, $"cannot take the address of an rvalue of type '{operand.Type}'");
                    return new BoundErrorExpression(u.Span);
                }
                MarkAddressTaken(operand);
                return new BoundAddressOf(u.Span, new PointerType(operand.Type, SpaceOf(operand)), operand);
            case "*":
                operand = Decay(operand);
                if (operand.Type is not PointerType p)
                {
                    Error(SemanticCode.DereferenceOfNonPointer, u.Span, $"indirection requires pointer operand ('{operand.Type}' invalid)");
                    return new BoundErrorExpression(u.Span);
                }
                if (p.Pointee.Unqualified is VoidType)
                {
                    Error(SemanticCode.DereferenceOfNonPointer, u.Span, $"indirection of '{p}' (pointer to void)");
                    return new BoundErrorExpression(u.Span);
                }
                return new BoundDereference(u.Span, p.Pointee, operand);
        }
        if (operand.Type is StructType or VectorType)
        {
            return BindOperatorCall(u.Span, "operator" + u.Operator, [operand]) ?? InvalidUnary(u, operand);
        }
        operand = Decay(operand);
        switch (u.Operator)
        {
            case "!":
                return new BoundUnary(u.Span, Types.Bool, UnaryOperatorKind.LogicalNot, ToBool(operand, u.Operand.Span));
            case "~":
                if (!operand.Type.IsInteger)
                {
                    return InvalidUnary(u, operand);
                }
                var pt = Conversions.Promote(operand.Type);
                return new BoundUnary(u.Span, pt, UnaryOperatorKind.BitwiseNot, ConvertImplicit(operand, pt, u.Span, "operand"));
            default:
                if (!operand.Type.IsArithmetic)
                {
                    return InvalidUnary(u, operand);
                }
                var t = Conversions.Promote(operand.Type);
                return new BoundUnary(u.Span, t, u.Operator == "-" ? UnaryOperatorKind.Negate : UnaryOperatorKind.Plus, ConvertImplicit(operand, t, u.Span, "operand"));
        }
    }

    private BoundExpression InvalidUnary(UnaryExpressionSyntax u, BoundExpression operand)
    {
        Error(SemanticCode.InvalidOperands, u.Span, $"invalid argument type '{operand.Type}' to unary expression");
        return new BoundErrorExpression(u.Span);
    }

    private static void MarkAddressTaken(BoundExpression e)
    {
        if (e is BoundVariable v)
        {
            v.Variable.IsUsed = true;
        }
    }

    private BoundExpression BindIncrement(SourceSpan span, ExpressionSyntax operandSyntax, bool increment, bool isPrefix)
    {
        var target = BindExpression(operandSyntax);
        if (target.Type.IsError)
        {
            return target;
        }
        if (target.Type is StructType or VectorType)
        {
            string op = "operator" + (increment ? "++" : "--");
            var args = isPrefix ? new List<BoundExpression> { target } : [target, new BoundIntegerLiteral(span, Types.Int, 0)];
            return BindOperatorCall(span, op, args) ?? InvalidOperand(span, target);
        }
        if (!CheckAssignable(target, span))
        {
            return new BoundErrorExpression(span);
        }
        if (!target.Type.IsArithmetic && target.Type is not PointerType || target.Type is BoolType)
        {
            return InvalidOperand(span, target);
        }
        return new BoundIncrement(span, target, increment, isPrefix);
    }

    private BoundExpression InvalidOperand(SourceSpan span, BoundExpression target)
    {
        Error(SemanticCode.InvalidOperands, span, $"cannot increment or decrement value of type '{target.Type}'");
        return new BoundErrorExpression(span);
    }

    /// <summary>Checks that <paramref name="target"/> can be written: an lvalue, not const, not __constant__ memory.</summary>
    private bool CheckAssignable(BoundExpression target, SourceSpan span)
    {
        if (!target.IsLValue)
        {
            Error(SemanticCode.NotAssignable, span, "expression is not assignable");
            return false;
        }
        var root = RootVariable(target);
        if (root is { Storage: StorageKind.Constant } && InDeviceCode)
        {
            Error(SemanticCode.WriteToConstantMemory, span, $"cannot write to __constant__ variable '{root.Name}' in device code", DeclaredHere(root));
            return false;
        }
        if (target.Type.IsConst || target is BoundVectorElement { Vector.Type.IsConst: true } || target is BoundFieldAccess { Object.Type.IsConst: true })
        {
            string what = root != null && target is BoundVariable ? $"variable '{root.Name}'" : "expression";
            Error(SemanticCode.AssignToConst, span, $"cannot assign to {what} with const-qualified type '{target.Type.WithConst()}'", root != null ? [DeclaredHere(root)] : []);
            return false;
        }
        if (target is BoundVariable { Variable: { Storage: StorageKind.Local } local })
        {
            _assigned.Add(local);
        }
        return true;
    }

    private static VariableSymbol? RootVariable(BoundExpression e) => e switch
    {
        BoundVariable v => v.Variable,
        BoundFieldAccess f => RootVariable(f.Object),
        BoundVectorElement v => RootVariable(v.Vector),
        BoundIndex i => RootVariable(i.Base),
        BoundConversion { Kind: ConversionKind.ArrayToPointer } c => RootVariable(c.Operand),
        _ => null,
    };

    private BoundExpression BindAssignment(AssignmentExpressionSyntax a)
    {
        var target = BindExpression(a.Target);
        if (a.Value is InitListExpressionSyntax list)
        {
            var init = BindInitializer(list.List, target.Type);
            if (target.Type.IsError || !CheckAssignable(target, a.Span))
            {
                return new BoundErrorExpression(a.Span);
            }
            return new BoundAssignment(a.Span, target, InitializerAsValue(init, list.Span));
        }
        var value = BindExpression(a.Value);
        if (target.Type.IsError || value.Type.IsError)
        {
            return new BoundErrorExpression(a.Span);
        }
        if (target.Type is StructType or VectorType && a.Operator != "=" || target.Type is StructType st && a.Operator == "=" && HasOperator(st.Symbol, "operator="))
        {
            return BindOperatorCall(a.Span, "operator" + a.Operator, [target, value]) ?? InvalidBinary(a.Span, a.Operator, target, value);
        }
        if (!CheckAssignable(target, a.Target.Span))
        {
            return new BoundErrorExpression(a.Span);
        }
        if (target.Type is ArrayType)
        {
            Error(SemanticCode.NotAssignable, a.Target.Span, $"array type '{target.Type}' is not assignable");
            return new BoundErrorExpression(a.Span);
        }
        if (a.Operator == "=")
        {
            return new BoundAssignment(a.Span, target, ConvertImplicit(value, target.Type.Unqualified, a.Value.Span, "assigning to"));
        }
        string op = a.Operator[..^1];
        var kind = BinaryKind(op);
        value = Decay(value);
        if (target.Type is PointerType && op is "+" or "-" && value.Type.IsInteger)
        {
            return new BoundCompoundAssignment(a.Span, op == "+" ? BinaryOperatorKind.PointerAdd : BinaryOperatorKind.PointerSubtract, target, ConvertImplicit(value, Types.Long, a.Value.Span, "operand"), target.Type);
        }
        var computation = op is "<<" or ">>" ? (target.Type.IsInteger && value.Type.IsInteger ? Conversions.Promote(target.Type) : null) : Conversions.UsualArithmetic(target.Type, value.Type);
        if (computation == null || (op is "%" or "&" or "|" or "^" or "<<" or ">>" && !computation.IsInteger))
        {
            return InvalidBinary(a.Span, op, target, value);
        }
        WarnDoublePromotion(a.Span, target, value, computation);
        var convertedValue = ConvertImplicit(value, op is "<<" or ">>" ? Conversions.Promote(value.Type) : computation, a.Value.Span, "operand");
        return new BoundCompoundAssignment(a.Span, kind, target, convertedValue, computation);
    }

    private static bool HasOperator(StructSymbol s, string name) => s.Methods.Any(m => m.Name == name);

    private BoundExpression BindConditional(ConditionalExpressionSyntax c)
    {
        var cond = BindCondition(c.Condition);
        var a = Decay(BindExpression(c.WhenTrue));
        var b = Decay(BindExpression(c.WhenFalse));
        if (cond.Type.IsError || a.Type.IsError || b.Type.IsError)
        {
            return new BoundErrorExpression(c.Span);
        }
        TypeSymbol? type = null;
        if (a.Type.IsArithmetic && b.Type.IsArithmetic)
        {
            type = Conversions.UsualArithmetic(a.Type, b.Type);
            if (a.Type is BoolType && b.Type is BoolType)
            {
                type = Types.Bool;
            }
        }
        else if (Conversions.SameType(a.Type, b.Type))
        {
            type = a.Type.Unqualified;
            if (a.Type is PointerType pa && b.Type is PointerType pb && pa.Space != pb.Space)
            {
                type = new PointerType(pa.Pointee);
            }
        }
        else if (a.Type is PointerType && Conversions.IsNullPointerConstant(b))
        {
            type = a.Type;
        }
        else if (b.Type is PointerType && Conversions.IsNullPointerConstant(a))
        {
            type = b.Type;
        }
        else if (a.Type is PointerType pa2 && b.Type is PointerType pb2 && (pa2.Pointee.Unqualified is VoidType || pb2.Pointee.Unqualified is VoidType))
        {
            type = new PointerType(Types.Void);
        }
        if (type == null)
        {
            Error(SemanticCode.TypeMismatch, c.Span, $"incompatible operand types ('{a.Type}' and '{b.Type}')");
            return new BoundErrorExpression(c.Span);
        }
        return new BoundConditional(c.Span, type, cond, ConvertImplicit(a, type, c.WhenTrue.Span, "operand"), ConvertImplicit(b, type, c.WhenFalse.Span, "operand"));
    }

    private BoundExpression BindIndex(IndexExpressionSyntax ix)
    {
        var baseExpr = Decay(BindExpression(ix.Base));
        var index = Decay(BindExpression(ix.Index));
        if (baseExpr.Type.IsError || index.Type.IsError)
        {
            return new BoundErrorExpression(ix.Span);
        }
        if (baseExpr.Type.IsInteger && index.Type is PointerType)
        {
            (baseExpr, index) = (index, baseExpr); // 2[a] is a[2]
        }
        if (baseExpr.Type is StructType st && HasOperator(st.Symbol, "operator[]"))
        {
            return BindOperatorCall(ix.Span, "operator[]", [baseExpr, index]) ?? new BoundErrorExpression(ix.Span);
        }
        if (baseExpr.Type is not PointerType p)
        {
            Error(SemanticCode.SubscriptOfNonArray, ix.Span, $"subscripted value is not an array or pointer ('{baseExpr.Type}')");
            return new BoundErrorExpression(ix.Span);
        }
        if (!index.Type.IsInteger)
        {
            Error(SemanticCode.TypeMismatch, ix.Index.Span, $"array subscript is not an integer ('{index.Type}')");
            return new BoundErrorExpression(ix.Span);
        }
        if (p.Pointee.Unqualified is VoidType || p.Pointee is StructType { Symbol.IsComplete: false })
        {
            Error(SemanticCode.IncompleteType, ix.Span, $"subscript of pointer to incomplete type '{p.Pointee}'");
            return new BoundErrorExpression(ix.Span);
        }
        return new BoundIndex(ix.Span, p.Pointee, baseExpr, ConvertImplicit(index, Conversions.Promote(index.Type), ix.Index.Span, "subscript"));
    }

    private BoundExpression BindMember(MemberExpressionSyntax m)
    {
        var baseExpr = BindExpression(m.Base);
        if (baseExpr.Type.IsError)
        {
            return baseExpr;
        }
        if (m.IsArrow)
        {
            baseExpr = Decay(baseExpr);
            if (baseExpr.Type is not PointerType p)
            {
                Error(SemanticCode.MemberOfNonStruct, m.Span, $"member reference type '{baseExpr.Type}' is not a pointer");
                return new BoundErrorExpression(m.Span);
            }
            baseExpr = new BoundDereference(m.Base.Span, p.Pointee, baseExpr);
        }
        switch (baseExpr.Type.Unqualified)
        {
            case VectorType v:
                int index = m.Member switch { "x" => 0, "y" => 1, "z" => 2, "w" => 3, _ => -1 };
                if (index < 0 || index >= v.Count)
                {
                    Error(SemanticCode.InvalidVectorComponent, m.Span, $"no member named '{m.Member}' in '{v.Name}'");
                    return new BoundErrorExpression(m.Span);
                }
                return new BoundVectorElement(m.Span, Qualified(v.Element, baseExpr.Type.IsConst), baseExpr, index);
            case StructType s:
                if (s.Symbol.Field(m.Member) is { } field)
                {
                    return new BoundFieldAccess(m.Span, Qualified(field.Type, baseExpr.Type.IsConst), baseExpr, field);
                }
                if (s.Symbol.Methods.Any(x => x.Name == m.Member))
                {
                    Error(SemanticCode.UnsupportedConstruct, m.Span, $"reference to member function '{m.Member}' must be called");
                    return new BoundErrorExpression(m.Span);
                }
                Error(SemanticCode.NoSuchMember, m.Span, $"no member named '{m.Member}' in '{s.Name}'", DeclaredHere(s.Symbol));
                return new BoundErrorExpression(m.Span);
            default:
                Error(SemanticCode.MemberOfNonStruct, m.Span, $"member reference base type '{baseExpr.Type}' is not a structure or union");
                return new BoundErrorExpression(m.Span);
        }
    }

    private BoundExpression BindCast(CastExpressionSyntax cast)
    {
        var type = ResolveType(cast.Type);
        var operand = BindExpression(cast.Operand);
        return ExplicitConversion(cast.Span, operand, type, cast.Kind);
    }

    private BoundExpression ExplicitConversion(SourceSpan span, BoundExpression operand, TypeSymbol type, CastSyntaxKind kind)
    {
        if (operand.Type.IsError || type.IsError)
        {
            return new BoundErrorExpression(span);
        }
        operand = Decay(operand);
        var from = operand.Type.Unqualified;
        var to = type.Unqualified;
        if (to is VoidType)
        {
            return new BoundConversion(span, Types.Void, ConversionKind.Identity, operand, true);
        }
        if (Conversions.SameType(from, to) && !(from is PointerType pf && to is PointerType pt && pf.Space != pt.Space))
        {
            return operand.Type == to ? operand : new BoundConversion(span, to, ConversionKind.Identity, operand, true);
        }
        if (to is ReferenceType r)
        {
            if (!operand.IsLValue)
            {
                Error(SemanticCode.InvalidCast, span, $"cannot cast an rvalue to reference type '{type}'");
                return new BoundErrorExpression(span);
            }
            var pointer = new BoundAddressOf(span, new PointerType(operand.Type, SpaceOf(operand)), operand);
            return new BoundDereference(span, r.Referenced, new BoundConversion(span, new PointerType(r.Referenced), ConversionKind.PointerCast, pointer, true));
        }
        if (to is StructType { Symbol.Constructors.Length: > 0 })
        {
            return BindConstruction(span, to, [operand], false);
        }
        if (to is StructType || from is StructType)
        {
            Error(SemanticCode.InvalidCast, span, $"cannot cast from '{operand.Type}' to '{type}'");
            return new BoundErrorExpression(span);
        }
        if (from is EnumType && to.IsArithmetic || to is EnumType && from.IsArithmetic)
        {
            return new BoundConversion(span, to, Conversions.Kind(from is EnumType ? Types.Int : from, to is EnumType ? Types.Int : to) ?? ConversionKind.IntegerCast, operand, true);
        }
        bool pointerInteger = from is PointerType && to.IsInteger || from.IsInteger && to is PointerType;
        if (kind == CastSyntaxKind.Static && (pointerInteger || from is PointerType fp && to is PointerType tp && !(fp.Pointee.Unqualified is VoidType || tp.Pointee.Unqualified is VoidType)))
        {
            Error(SemanticCode.InvalidCast, span, $"static_cast from '{operand.Type}' to '{type}' is not allowed (use reinterpret_cast)");
            return new BoundErrorExpression(span);
        }
        if (pointerInteger && to is IntegerType { Bits: < 64 })
        {
            Error(SemanticCode.InvalidCast, span, $"cast from pointer to smaller type '{type}' loses information");
            return new BoundErrorExpression(span);
        }
        if (to is VectorType vt && from.IsArithmetic)
        {
            return new BoundVectorConstruct(span, vt, [.. Enumerable.Repeat(ConvertImplicit(operand, vt.Element, span, "component"), vt.Count)]);
        }
        if (Conversions.Kind(from, to) is { } ck)
        {
            if (from is PointerType a && to is PointerType b && a.Space != b.Space && a.Space != AddressSpace.Generic && b.Space != AddressSpace.Generic)
            {
                Error(SemanticCode.InvalidCast, span, $"cannot cast between address spaces ('{operand.Type}' to '{type}')");
                return new BoundErrorExpression(span);
            }
            return new BoundConversion(span, to, ck, operand, true);
        }
        Error(SemanticCode.InvalidCast, span, $"cannot cast from '{operand.Type}' to '{type}'");
        return new BoundErrorExpression(span);
    }

    /// <summary>The implicit conversion of <paramref name="e"/> to <paramref name="target"/>, or an error node after reporting.</summary>
    private BoundExpression ConvertImplicit(BoundExpression e, TypeSymbol target, SourceSpan span, string context)
    {
        if (e.Type.IsError || target.IsError)
        {
            return e.Type.IsError ? e : new BoundErrorExpression(span);
        }
        if (target is ReferenceType r)
        {
            if (Conversions.SameType(e.Type, r.Referenced) && e.IsLValue)
            {
                if (e.Type.IsConst && !r.Referenced.IsConst)
                {
                    Error(SemanticCode.TypeMismatch, span, $"binding reference of type '{r.Referenced}' to value of type '{e.Type}' drops 'const' qualifier");
                    return new BoundErrorExpression(span);
                }
                MarkAddressTaken(e);
                return new BoundConversion(span, target, ConversionKind.BindReference, e, false);
            }
            if (!r.Referenced.IsConst)
            {
                Error(SemanticCode.TypeMismatch, span, e.IsLValue
                    ? $"non-const lvalue reference to type '{r.Referenced}' cannot bind to a value of unrelated type '{e.Type}'"
                    : $"non-const lvalue reference to type '{r.Referenced}' cannot bind to a temporary of type '{e.Type}'");
                return new BoundErrorExpression(span);
            }
            var value = ConvertImplicit(e, r.Referenced.Unqualified, span, context);
            return value.Type.IsError ? value : new BoundConversion(span, target, ConversionKind.BindTemporary, value, false);
        }
        if (target is not ArrayType)
        {
            e = Decay(e);
        }
        var from = e.Type.Unqualified;
        var to = target.Unqualified;
        if (Conversions.SameType(from, to))
        {
            if (from is PointerType pf && to is PointerType pt && pf.Space != pt.Space)
            {
                if (!Conversions.SpaceConvertible(pf.Space, pt.Space))
                {
                    Error(SemanticCode.TypeMismatch, span, $"{context} '{target}' from '{e.Type}' changes address space");
                    return new BoundErrorExpression(span);
                }
                return new BoundConversion(span, to, ConversionKind.AddressSpaceCast, e, false);
            }
            return e;
        }
        var rank = Conversions.Rank(e, to);
        if (rank == ConversionRank.None)
        {
            string detail = from is PointerType fp && to is PointerType tp2 && Conversions.SameType(fp.Pointee, tp2.Pointee) ? " discards qualifiers" : "";
            Error(SemanticCode.TypeMismatch, span, $"cannot convert '{e.Type}' to '{target}' ({context}){detail}");
            return new BoundErrorExpression(span);
        }
        if (to is PointerType && Conversions.IsNullPointerConstant(e) && from is not PointerType)
        {
            return new BoundConversion(span, to, ConversionKind.NullToPointer, e, false);
        }
        if (e is BoundNullPointer)
        {
            return new BoundNullPointer(span, to);
        }
        if (from is PointerType p1 && to is PointerType p2)
        {
            var pointer = p1.Space != p2.Space ? new BoundConversion(span, new PointerType(p1.Pointee, p2.Space), ConversionKind.AddressSpaceCast, e, false) : e;
            return new BoundConversion(span, to, ConversionKind.PointerCast, pointer, false);
        }
        var kind = Conversions.Kind(from is EnumType ? Types.Int : from, to);
        if (kind == null)
        {
            Error(SemanticCode.TypeMismatch, span, $"cannot convert '{e.Type}' to '{target}' ({context})");
            return new BoundErrorExpression(span);
        }
        return new BoundConversion(span, to, kind.Value, e, false);
    }
}
