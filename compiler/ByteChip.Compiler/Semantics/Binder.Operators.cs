using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>Binary operators: arithmetic with the usual conversions, pointer arithmetic, comparisons, overloaded operators.</summary>
internal sealed partial class Binder
{
    private static BinaryOperatorKind BinaryKind(string op) => op switch
    {
        "+" => BinaryOperatorKind.Add,
        "-" => BinaryOperatorKind.Subtract,
        "*" => BinaryOperatorKind.Multiply,
        "/" => BinaryOperatorKind.Divide,
        "%" => BinaryOperatorKind.Remainder,
        "<<" => BinaryOperatorKind.ShiftLeft,
        ">>" => BinaryOperatorKind.ShiftRight,
        "&" => BinaryOperatorKind.BitwiseAnd,
        "|" => BinaryOperatorKind.BitwiseOr,
        "^" => BinaryOperatorKind.BitwiseXor,
        "&&" => BinaryOperatorKind.LogicalAnd,
        "||" => BinaryOperatorKind.LogicalOr,
        "==" => BinaryOperatorKind.Equal,
        "!=" => BinaryOperatorKind.NotEqual,
        "<" => BinaryOperatorKind.Less,
        "<=" => BinaryOperatorKind.LessOrEqual,
        ">" => BinaryOperatorKind.Greater,
        _ => BinaryOperatorKind.GreaterOrEqual,
    };

    private BoundExpression BindBinary(BinaryExpressionSyntax b)
    {
        var left = BindExpression(b.Left);
        var right = BindExpression(b.Right);
        if (left.Type.IsError || right.Type.IsError)
        {
            return new BoundErrorExpression(b.Span);
        }
        string op = b.Operator;
        if (left.Type is StructType or VectorType || right.Type is StructType or VectorType)
        {
            return BindOperatorCall(b.Span, "operator" + op, [left, right]) ?? InvalidBinary(b.Span, op, left, right);
        }
        left = Decay(left);
        right = Decay(right);
        var kind = BinaryKind(op);
        switch (op)
        {
            case "&&":
            case "||":
                return new BoundBinary(b.Span, Types.Bool, kind, ToBool(left, b.Left.Span), ToBool(right, b.Right.Span), Types.Bool);
            case "+":
            case "-":
                if (left.Type is PointerType lp && right.Type.IsInteger)
                {
                    return PointerArithmetic(b.Span, op == "+" ? BinaryOperatorKind.PointerAdd : BinaryOperatorKind.PointerSubtract, left, right, lp, b.Right.Span);
                }
                if (op == "+" && right.Type is PointerType rp && left.Type.IsInteger)
                {
                    return PointerArithmetic(b.Span, BinaryOperatorKind.PointerAdd, right, left, rp, b.Left.Span);
                }
                if (op == "-" && left.Type is PointerType a && right.Type is PointerType c)
                {
                    if (!Conversions.SameType(a.Pointee, c.Pointee))
                    {
                        return InvalidBinary(b.Span, op, left, right);
                    }
                    return new BoundBinary(b.Span, Types.Long, BinaryOperatorKind.PointerDifference, left, right, left.Type);
                }
                break;
            case "==":
            case "!=":
            case "<":
            case "<=":
            case ">":
            case ">=":
                if (left.Type is PointerType || right.Type is PointerType)
                {
                    return PointerComparison(b, kind, left, right);
                }
                break;
        }
        TypeSymbol? type = op is "<<" or ">>"
            ? (left.Type.IsInteger && right.Type.IsInteger ? Conversions.Promote(left.Type) : null)
            : Conversions.UsualArithmetic(left.Type, right.Type);
        if (type == null || (op is "%" or "&" or "|" or "^" && !type.IsInteger))
        {
            return InvalidBinary(b.Span, op, left, right);
        }
        WarnDoublePromotion(b.Span, left, right, type);
        bool comparison = kind is >= BinaryOperatorKind.Equal and <= BinaryOperatorKind.GreaterOrEqual;
        if (comparison && left.Type.IsInteger && right.Type.IsInteger && left.Type is not BoolType && right.Type is not BoolType)
        {
            WarnSignCompare(b.Span, left, right);
        }
        var l = ConvertImplicit(left, type, b.Left.Span, "operand");
        var r = ConvertImplicit(right, op is "<<" or ">>" ? Conversions.Promote(right.Type) : type, b.Right.Span, "operand");
        if (kind is BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder && type.IsInteger && r.ConstantValue == 0)
        {
            Warning(SemanticCode.DivisionByZero, b.Span, $"{(kind == BinaryOperatorKind.Divide ? "division" : "remainder")} by zero is undefined");
        }
        return new BoundBinary(b.Span, comparison ? Types.Bool : type, kind, l, r, type);
    }

    private BoundExpression PointerArithmetic(SourceSpan span, BinaryOperatorKind kind, BoundExpression pointer, BoundExpression offset, PointerType type, SourceSpan offsetSpan)
    {
        if (type.Pointee.Unqualified is VoidType || type.Pointee is StructType { Symbol.IsComplete: false })
        {
            Error(SemanticCode.InvalidOperands, span, $"arithmetic on a pointer to an incomplete type '{type.Pointee}'");
            return new BoundErrorExpression(span);
        }
        return new BoundBinary(span, type.Unqualified, kind, pointer, ConvertImplicit(offset, Types.Long, offsetSpan, "operand"), type);
    }

    private BoundExpression PointerComparison(BinaryExpressionSyntax b, BinaryOperatorKind kind, BoundExpression left, BoundExpression right)
    {
        if (left.Type is PointerType && right.Type is PointerType)
        {
            var lp = (PointerType)left.Type;
            var rp = (PointerType)right.Type;
            if (!Conversions.SameType(lp.Pointee, rp.Pointee) && lp.Pointee.Unqualified is not VoidType && rp.Pointee.Unqualified is not VoidType)
            {
                Error(SemanticCode.InvalidOperands, b.Span, $"comparison of distinct pointer types ('{left.Type}' and '{right.Type}')");
                return new BoundErrorExpression(b.Span);
            }
            var generic = new PointerType(Types.Void with { IsConst = true, IsVolatile = true });
            return new BoundBinary(b.Span, Types.Bool, kind, ConvertImplicit(left, generic, b.Left.Span, "operand"), ConvertImplicit(right, generic, b.Right.Span, "operand"), generic);
        }
        var (pointer, other) = left.Type is PointerType ? (left, right) : (right, left);
        if (!Conversions.IsNullPointerConstant(other))
        {
            return InvalidBinary(b.Span, b.Operator, left, right);
        }
        var nullPointer = new BoundNullPointer(other.Span, pointer.Type.Unqualified);
        return left.Type is PointerType
            ? new BoundBinary(b.Span, Types.Bool, kind, left, nullPointer, pointer.Type)
            : new BoundBinary(b.Span, Types.Bool, kind, nullPointer, right, pointer.Type);
    }

    private BoundExpression InvalidBinary(SourceSpan span, string op, BoundExpression left, BoundExpression right)
    {
        Error(SemanticCode.InvalidOperands, span, $"invalid operands to binary expression ('{left.Type}' and '{right.Type}') for '{op}'");
        return new BoundErrorExpression(span);
    }

    /// <summary>
    /// float arithmetic that becomes double because of a double operand (usually an unsuffixed literal such as
    /// <c>x * 0.5</c>): CUDA computes it in double; on n5, where double precision is slow, that is worth a warning.
    /// </summary>
    private void WarnDoublePromotion(SourceSpan span, BoundExpression left, BoundExpression right, TypeSymbol type)
    {
        if (type is FloatType { Kind: FloatKind.Double } && InDeviceCode && Target.Name == "n5"
            && (left.Type is FloatType { Kind: FloatKind.Float } && right is BoundFloatLiteral { Type: FloatType { Kind: FloatKind.Double } }
                || right.Type is FloatType { Kind: FloatKind.Float } && left is BoundFloatLiteral { Type: FloatType { Kind: FloatKind.Double } }))
        {
            Warning(SemanticCode.ImplicitDoublePrecision, span, "implicit conversion of float to double: the operation is computed in double precision, which is slow on n5 (add an 'f' suffix to the literal)");
        }
    }

    private static bool IsBuiltinIndex(BoundExpression e) => e switch
    {
        BoundVectorElement { Vector: BoundVariable { Variable.Storage: StorageKind.Builtin } } => true,
        BoundConversion c => IsBuiltinIndex(c.Operand),
        BoundBinary b => IsBuiltinIndex(b.Left) || IsBuiltinIndex(b.Right),
        _ => false,
    };

    private void WarnSignCompare(SourceSpan span, BoundExpression left, BoundExpression right)
    {
        var lt = Conversions.Promote(left.Type) as IntegerType;
        var rt = Conversions.Promote(right.Type) as IntegerType;
        if (lt == null || rt == null || lt.IsSigned == rt.IsSigned)
        {
            return;
        }
        var (signed, unsigned) = lt.IsSigned ? (left, right) : (right, left);
        if (signed.ConstantValue is long v && v >= 0)
        {
            return; // a non-negative constant compares as expected
        }
        if (IsBuiltinIndex(unsigned))
        {
            return; // int loop counters against threadIdx/blockDim are idiomatic CUDA; nvcc does not warn either
        }
        var common = Conversions.UsualArithmetic(lt, rt) as IntegerType;
        if (common is { IsSigned: false })
        {
            Warning(SemanticCode.SignedUnsignedComparison, span, $"comparison of integers of different signs: '{left.Type}' and '{right.Type}'");
        }
    }
}
