namespace ByteChip.Compiler.Semantics;

/// <summary>Integer constant expression evaluation with C's wrap-around at the width of the result type.</summary>
public static class ConstantFolding
{
    /// <summary>Truncates <paramref name="value"/> to <paramref name="type"/> and sign- or zero-extends it back to 64 bits.</summary>
    public static long Wrap(long value, TypeSymbol type) => type switch
    {
        BoolType => value != 0 ? 1 : 0,
        IntegerType { Bits: 64 } => value,
        IntegerType i when i.IsSigned => (value << (64 - i.Bits)) >> (64 - i.Bits),
        IntegerType i => (long)((ulong)value & ((1UL << i.Bits) - 1)),
        _ => value,
    };

    /// <summary>Folds an integer operation; null for division by zero (not a constant).</summary>
    public static long? Fold(BinaryOperatorKind op, long l, long r, TypeSymbol operandType, TypeSymbol resultType)
    {
        bool unsigned = operandType is IntegerType { IsSigned: false };
        ulong ul = (ulong)l, ur = (ulong)r;
        long? result = op switch
        {
            BinaryOperatorKind.Add => unchecked(l + r),
            BinaryOperatorKind.Subtract => unchecked(l - r),
            BinaryOperatorKind.Multiply => unchecked(l * r),
            BinaryOperatorKind.Divide when r == 0 => null,
            BinaryOperatorKind.Divide => unsigned ? (long)(ul / ur) : (l == long.MinValue && r == -1 ? l : l / r),
            BinaryOperatorKind.Remainder when r == 0 => null,
            BinaryOperatorKind.Remainder => unsigned ? (long)(ul % ur) : (r == -1 ? 0 : l % r),
            BinaryOperatorKind.ShiftLeft => l << (int)(r & 63),
            BinaryOperatorKind.ShiftRight => unsigned ? (long)(ul >> (int)(r & 63)) : l >> (int)(r & 63),
            BinaryOperatorKind.BitwiseAnd => l & r,
            BinaryOperatorKind.BitwiseOr => l | r,
            BinaryOperatorKind.BitwiseXor => l ^ r,
            BinaryOperatorKind.LogicalAnd => l != 0 && r != 0 ? 1 : 0,
            BinaryOperatorKind.LogicalOr => l != 0 || r != 0 ? 1 : 0,
            BinaryOperatorKind.Equal => l == r ? 1 : 0,
            BinaryOperatorKind.NotEqual => l != r ? 1 : 0,
            BinaryOperatorKind.Less => (unsigned ? ul < ur : l < r) ? 1 : 0,
            BinaryOperatorKind.LessOrEqual => (unsigned ? ul <= ur : l <= r) ? 1 : 0,
            BinaryOperatorKind.Greater => (unsigned ? ul > ur : l > r) ? 1 : 0,
            BinaryOperatorKind.GreaterOrEqual => (unsigned ? ul >= ur : l >= r) ? 1 : 0,
            _ => null,
        };
        return result is long v ? Wrap(v, resultType) : null;
    }
}
