namespace ByteChip.Compiler.Semantics;

/// <summary>How good an implicit conversion is, for overload resolution (C++ [over.ics.rank], simplified).</summary>
public enum ConversionRank
{
    Exact = 0,
    Promotion = 1,
    Conversion = 2,
    None = 3,
}

/// <summary>C/C++ implicit conversions, integer promotions and the usual arithmetic conversions.</summary>
public static class Conversions
{
    public static TypeSymbol Promote(TypeSymbol type) => type.Unqualified switch
    {
        BoolType or EnumType => Types.Int,
        IntegerType i when i.Rank < 3 => Types.Int,
        var t => t,
    };

    /// <summary>The common type of a binary arithmetic operation (C11 6.3.1.8), or null when an operand is not arithmetic.</summary>
    public static TypeSymbol? UsualArithmetic(TypeSymbol a, TypeSymbol b)
    {
        a = a.Unqualified;
        b = b.Unqualified;
        if (!a.IsArithmetic || !b.IsArithmetic)
        {
            return null;
        }
        if (a is FloatType fa || b is FloatType)
        {
            var fb = b as FloatType;
            var fA = a as FloatType;
            if (fA != null && fb != null)
            {
                return fA.Kind >= fb.Kind ? fA : fb;
            }
            var f = fA ?? fb!;
            // half with an integer computes in float (CUDA's __half operators promote through float).
            return f.Kind == FloatKind.Half ? Types.Float : f;
        }
        var ia = (IntegerType)Promote(a);
        var ib = (IntegerType)Promote(b);
        if (ia == ib)
        {
            return ia;
        }
        if (ia.IsSigned == ib.IsSigned)
        {
            return ia.Rank >= ib.Rank ? ia : ib;
        }
        var (u, s) = ia.IsSigned ? (ib, ia) : (ia, ib);
        if (u.Rank >= s.Rank)
        {
            return u;
        }
        return s.Bits > u.Bits ? s : s.ToUnsigned();
    }

    public static bool IsNullPointerConstant(BoundExpression e) =>
        e is BoundNullPointer || (e.Type.IsInteger && e.ConstantValue == 0 && e is BoundIntegerLiteral or BoundConversion { Operand: BoundIntegerLiteral });

    /// <summary>Same type for assignment purposes: qualifiers and the inferred address space of pointers are ignored.</summary>
    public static bool SameType(TypeSymbol a, TypeSymbol b) => Strip(a) == Strip(b);

    /// <summary>The type without qualifiers at any level and with generic address spaces.</summary>
    public static TypeSymbol Strip(TypeSymbol t) => t.Unqualified switch
    {
        PointerType p => new PointerType(Strip(p.Pointee)),
        ArrayType a => new ArrayType(Strip(a.Element), a.Length),
        var u => u,
    };

    /// <summary>The rank of converting <paramref name="e"/> to <paramref name="target"/> implicitly.</summary>
    public static ConversionRank Rank(BoundExpression e, TypeSymbol target)
    {
        var s = e.Type.Unqualified;
        var t = target.Unqualified;
        if (s.IsError || t.IsError)
        {
            return ConversionRank.Exact;
        }
        if (t is ReferenceType r)
        {
            if (SameType(s, r.Referenced) && (e.IsLValue || r.Referenced.IsConst))
            {
                return ConversionRank.Exact;
            }
            return r.Referenced.IsConst ? Rank(e, r.Referenced) : ConversionRank.None;
        }
        if (SameType(s, t))
        {
            return ConversionRank.Exact;
        }
        if (s is ArrayType sa && t is PointerType tp)
        {
            return PointerRank(new PointerType(sa.Element), tp);
        }
        if (s is PointerType sp && t is PointerType tp2)
        {
            return PointerRank(sp, tp2);
        }
        if (t is PointerType && IsNullPointerConstant(e))
        {
            return ConversionRank.Conversion;
        }
        if (s.IsArithmetic && t.IsArithmetic)
        {
            if (t is EnumType)
            {
                return ConversionRank.None;
            }
            if (Promote(s) == t && s != t)
            {
                return ConversionRank.Promotion;
            }
            if (s is FloatType { Kind: FloatKind.Float } && t is FloatType { Kind: FloatKind.Double })
            {
                return ConversionRank.Promotion;
            }
            return ConversionRank.Conversion;
        }
        if (t is BoolType && s is PointerType)
        {
            return ConversionRank.Conversion;
        }
        return ConversionRank.None;
    }

    private static ConversionRank PointerRank(PointerType s, PointerType t)
    {
        if (!SpaceConvertible(s.Space, t.Space))
        {
            return ConversionRank.None;
        }
        if (s.Pointee.IsConst && !t.Pointee.IsConst || s.Pointee.IsVolatile && !t.Pointee.IsVolatile)
        {
            return ConversionRank.None;
        }
        if (SameType(s.Pointee, t.Pointee))
        {
            return ConversionRank.Exact;
        }
        return t.Pointee.Unqualified is VoidType ? ConversionRank.Conversion : ConversionRank.None;
    }

    /// <summary>A pointer into a specific space converts implicitly to a generic one, never the other way.</summary>
    public static bool SpaceConvertible(AddressSpace from, AddressSpace to) => from == to || to == AddressSpace.Generic;

    /// <summary>The conversion node kind for a cast or implicit conversion between two non-identical types.</summary>
    public static ConversionKind? Kind(TypeSymbol from, TypeSymbol to)
    {
        from = from.Unqualified;
        to = to.Unqualified;
        return (from, to) switch
        {
            (_, BoolType) when from.IsScalar => ConversionKind.ToBool,
            (BoolType, _) when to.IsArithmetic => ConversionKind.FromBool,
            (IntegerType or EnumType, IntegerType or EnumType) => ConversionKind.IntegerCast,
            (IntegerType or EnumType, FloatType) => ConversionKind.IntegerToFloat,
            (FloatType, IntegerType or EnumType) => ConversionKind.FloatToInteger,
            (FloatType, FloatType) => ConversionKind.FloatCast,
            (ArrayType, PointerType) => ConversionKind.ArrayToPointer,
            (PointerType a, PointerType b) => a.Space != b.Space ? ConversionKind.AddressSpaceCast : ConversionKind.PointerCast,
            (PointerType, IntegerType) => ConversionKind.PointerToInteger,
            (IntegerType, PointerType) => ConversionKind.IntegerToPointer,
            (IntegerType or FloatType or BoolType, VectorType) => ConversionKind.ScalarToVector,
            _ => null,
        };
    }
}
