namespace ByteChip.Compiler.Semantics;

/// <summary>Where a pointer points or a variable lives. Generic covers all of them (CUDA's default pointer).</summary>
public enum AddressSpace
{
    Generic,
    Global,
    Shared,
    Constant,
    Local,
    Param,
}

/// <summary>The C integer types, in conversion-rank order within each signedness.</summary>
public enum IntegerKind
{
    Char,
    SChar,
    UChar,
    Short,
    UShort,
    Int,
    UInt,
    Long,
    ULong,
    LongLong,
    ULongLong,
}

public enum FloatKind
{
    Half,
    Float,
    Double,
}

/// <summary>
/// A type of the semantic model. Types are immutable records compared structurally, except struct and enum
/// types, which are the same when their symbol is. Qualifiers (<c>const</c>, <c>volatile</c>) are properties of
/// the type they qualify.
/// </summary>
public abstract record TypeSymbol
{
    public bool IsConst { get; init; }

    public bool IsVolatile { get; init; }

    /// <summary><c>__restrict__</c> on a pointer.</summary>
    public bool IsRestrict { get; init; }

    public TypeSymbol Unqualified => IsConst || IsVolatile || IsRestrict ? this with { IsConst = false, IsVolatile = false, IsRestrict = false } : this;

    public TypeSymbol WithConst(bool isConst = true) => this with { IsConst = isConst };

    public bool IsArithmetic => this is IntegerType or FloatType or BoolType or EnumType;

    public bool IsInteger => this is IntegerType or BoolType or EnumType;

    public bool IsScalar => IsArithmetic || this is PointerType;

    public bool IsError => this is ErrorType;

    /// <summary>The C spelling of the type (<c>const float *</c>, <c>int [4]</c>).</summary>
    public abstract string Name { get; }

    protected string Qualify(string name) => (IsConst ? "const " : "") + (IsVolatile ? "volatile " : "") + name;

    public sealed override string ToString() => Name;
}

public sealed record VoidType : TypeSymbol
{
    public static VoidType Instance { get; } = new();

    public override string Name => Qualify("void");
}

public sealed record BoolType : TypeSymbol
{
    public static BoolType Instance { get; } = new();

    public override string Name => Qualify("bool");
}

public sealed record IntegerType(IntegerKind Kind) : TypeSymbol
{
    public int Bits => Kind switch
    {
        IntegerKind.Char or IntegerKind.SChar or IntegerKind.UChar => 8,
        IntegerKind.Short or IntegerKind.UShort => 16,
        IntegerKind.Int or IntegerKind.UInt => 32,
        _ => 64,
    };

    public bool IsSigned => Kind is IntegerKind.Char or IntegerKind.SChar or IntegerKind.Short or IntegerKind.Int or IntegerKind.Long or IntegerKind.LongLong;

    /// <summary>The C conversion rank: char 1, short 2, int 3, long 4, long long 5.</summary>
    public int Rank => Kind switch
    {
        IntegerKind.Char or IntegerKind.SChar or IntegerKind.UChar => 1,
        IntegerKind.Short or IntegerKind.UShort => 2,
        IntegerKind.Int or IntegerKind.UInt => 3,
        IntegerKind.Long or IntegerKind.ULong => 4,
        _ => 5,
    };

    public IntegerType ToUnsigned() => new(Kind switch
    {
        IntegerKind.Char or IntegerKind.SChar => IntegerKind.UChar,
        IntegerKind.Short => IntegerKind.UShort,
        IntegerKind.Int => IntegerKind.UInt,
        IntegerKind.Long => IntegerKind.ULong,
        IntegerKind.LongLong => IntegerKind.ULongLong,
        _ => Kind,
    });

    public override string Name => Qualify(Kind switch
    {
        IntegerKind.Char => "char",
        IntegerKind.SChar => "signed char",
        IntegerKind.UChar => "unsigned char",
        IntegerKind.Short => "short",
        IntegerKind.UShort => "unsigned short",
        IntegerKind.Int => "int",
        IntegerKind.UInt => "unsigned int",
        IntegerKind.Long => "long",
        IntegerKind.ULong => "unsigned long",
        IntegerKind.LongLong => "long long",
        _ => "unsigned long long",
    });
}

public sealed record FloatType(FloatKind Kind) : TypeSymbol
{
    public int Bits => Kind switch { FloatKind.Half => 16, FloatKind.Float => 32, _ => 64 };

    public override string Name => Qualify(Kind switch { FloatKind.Half => "__half", FloatKind.Float => "float", _ => "double" });
}

/// <summary>A pointer; <see cref="Space"/> is what is known about where it points (inferred from its origin).</summary>
public sealed record PointerType(TypeSymbol Pointee, AddressSpace Space = AddressSpace.Generic) : TypeSymbol
{
    public override string Name => Pointee.Name + (Space == AddressSpace.Generic ? " *" : $" __{Space.ToString().ToLowerInvariant()}__ *") + (IsConst ? " const" : "") + (IsRestrict ? " __restrict__" : "");
}

/// <summary>A C++ reference (function parameters and return values).</summary>
public sealed record ReferenceType(TypeSymbol Referenced) : TypeSymbol
{
    public override string Name => Referenced.Name + " &";
}

/// <summary>An array; <see cref="Length"/> is null for <c>extern __shared__ float s[]</c> and unsized parameters.</summary>
public sealed record ArrayType(TypeSymbol Element, long? Length) : TypeSymbol
{
    public override string Name
    {
        get
        {
            // int [2][3]: print the element's own dimensions after this one.
            var dims = new System.Text.StringBuilder();
            TypeSymbol t = this;
            while (t is ArrayType a)
            {
                dims.Append('[').Append(a.Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(']');
                t = a.Element;
            }
            return Qualify(t.Name + " " + dims);
        }
    }
}

/// <summary>CUDA's vector types (<c>float4</c>, <c>int2</c>, <c>uint3</c>, <c>dim3</c>) with members x, y, z, w.</summary>
public sealed record VectorType(TypeSymbol Element, int Count, string Spelling) : TypeSymbol
{
    public override string Name => Qualify(Spelling);
}

public sealed record StructType(StructSymbol Symbol) : TypeSymbol
{
    public override string Name => Qualify((Symbol.IsUnion ? "union " : "struct ") + Symbol.Name);
}

public sealed record EnumType(EnumSymbol Symbol) : TypeSymbol
{
    public override string Name => Qualify("enum " + Symbol.Name);
}

public sealed record FunctionType(TypeSymbol Return, ImmutableArray<TypeSymbol> Parameters, bool IsVariadic) : TypeSymbol
{
    public override string Name => $"{Return.Name} ({string.Join(", ", Parameters.Select(p => p.Name))}{(IsVariadic ? ", ..." : "")})";

    public bool Equals(FunctionType? other) => other is not null && Return == other.Return && IsVariadic == other.IsVariadic && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() => HashCode.Combine(Return, Parameters.Length, IsVariadic);
}

/// <summary>The type of an expression that already has an error; no diagnostic is reported about it again.</summary>
public sealed record ErrorType : TypeSymbol
{
    public static ErrorType Instance { get; } = new();

    public override string Name => "<error>";
}

/// <summary>Shared type instances and helpers.</summary>
public static class Types
{
    public static readonly IntegerType Char = new(IntegerKind.Char);
    public static readonly IntegerType UChar = new(IntegerKind.UChar);
    public static readonly IntegerType Short = new(IntegerKind.Short);
    public static readonly IntegerType UShort = new(IntegerKind.UShort);
    public static readonly IntegerType Int = new(IntegerKind.Int);
    public static readonly IntegerType UInt = new(IntegerKind.UInt);
    public static readonly IntegerType Long = new(IntegerKind.Long);
    public static readonly IntegerType ULong = new(IntegerKind.ULong);
    public static readonly IntegerType LongLong = new(IntegerKind.LongLong);
    public static readonly IntegerType ULongLong = new(IntegerKind.ULongLong);
    public static readonly FloatType Half = new(FloatKind.Half);
    public static readonly FloatType Float = new(FloatKind.Float);
    public static readonly FloatType Double = new(FloatKind.Double);
    public static readonly BoolType Bool = BoolType.Instance;
    public static readonly VoidType Void = VoidType.Instance;
    public static readonly ErrorType Error = ErrorType.Instance;

    /// <summary><c>size_t</c> is 64-bit unsigned long on the device, as on a 64-bit host.</summary>
    public static readonly IntegerType SizeT = ULong;

    public static readonly VectorType UInt3 = new(UInt, 3, "uint3");
    public static readonly VectorType Dim3 = new(UInt, 3, "dim3");

    /// <summary>The vector type named <paramref name="name"/> (<c>float4</c>, <c>uchar2</c>, <c>dim3</c>), or null.</summary>
    public static VectorType? Vector(string name)
    {
        if (name == "dim3")
        {
            return Dim3;
        }
        if (name.Length < 2 || name[^1] is < '1' or > '4')
        {
            return null;
        }
        int count = name[^1] - '0';
        TypeSymbol? element = name[..^1] switch
        {
            "char" => Char,
            "uchar" => UChar,
            "short" => Short,
            "ushort" => UShort,
            "int" => Int,
            "uint" => UInt,
            "long" => Long,
            "ulong" => ULong,
            "longlong" => LongLong,
            "ulonglong" => ULongLong,
            "float" => Float,
            "double" => Double,
            _ => null,
        };
        return element == null ? null : new VectorType(element, count, name);
    }

    /// <summary>Size in bytes (0 for void/function/unsized arrays).</summary>
    public static long SizeOf(TypeSymbol type) => type switch
    {
        BoolType => 1,
        IntegerType i => i.Bits / 8,
        FloatType f => f.Bits / 8,
        EnumType => 4,
        PointerType => 8,
        ReferenceType => 8,
        ArrayType { Length: { } n } a => n * SizeOf(a.Element),
        VectorType v => SizeOf(v.Element) * (v.Count == 3 ? 3 : v.Count),
        StructType s => s.Symbol.Size,
        _ => 0,
    };

    /// <summary>Alignment in bytes; CUDA aligns float2/float4 style vectors to their full size.</summary>
    public static long AlignOf(TypeSymbol type) => type switch
    {
        ArrayType a => AlignOf(a.Element),
        VectorType v => v.Count == 3 ? AlignOf(v.Element) : SizeOf(v.Element) * v.Count,
        StructType s => s.Symbol.Alignment,
        _ => Math.Max(1, SizeOf(type)),
    };
}
