using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>
/// The fully typed tree that IR generation lowers. Every implicit conversion is an explicit
/// <see cref="BoundConversion"/>; array-to-pointer decay, integer promotion and the usual arithmetic conversions
/// are already applied; overloads, templates and operators are resolved to <see cref="FunctionSymbol"/>s.
/// </summary>
public abstract record BoundNode(SourceSpan Span);

// ------------------------------------------------------------------ expressions

public abstract record BoundExpression(SourceSpan Span, TypeSymbol Type) : BoundNode(Span)
{
    /// <summary>Designates an object (can be assigned or have its address taken).</summary>
    public virtual bool IsLValue => false;

    /// <summary>The value when the expression is an integer constant expression.</summary>
    public virtual long? ConstantValue => null;
}

/// <summary>An integer, bool or character constant; <see cref="Value"/> holds the bits (sign-extended).</summary>
public sealed record BoundIntegerLiteral(SourceSpan Span, TypeSymbol Type, long Value) : BoundExpression(Span, Type)
{
    public override long? ConstantValue => Value;
}

public sealed record BoundFloatLiteral(SourceSpan Span, TypeSymbol Type, double Value) : BoundExpression(Span, Type);

/// <summary>A string literal (only as an argument of built-ins such as printf).</summary>
public sealed record BoundStringLiteral(SourceSpan Span, TypeSymbol Type, string Value) : BoundExpression(Span, Type);

public sealed record BoundNullPointer(SourceSpan Span, TypeSymbol Type) : BoundExpression(Span, Type)
{
    public override long? ConstantValue => 0;
}

public sealed record BoundVariable(SourceSpan Span, VariableSymbol Variable) : BoundExpression(Span, Variable.Type)
{
    public override bool IsLValue => true;

    public override long? ConstantValue => Variable.ConstantValue;
}

/// <summary>An enumerator or a template value parameter.</summary>
public sealed record BoundConstant(SourceSpan Span, TypeSymbol Type, long Value, Symbol Symbol) : BoundExpression(Span, Type)
{
    public override long? ConstantValue => Value;
}

/// <summary><c>this</c> inside a member function (a pointer to the struct).</summary>
public sealed record BoundThis(SourceSpan Span, TypeSymbol Type) : BoundExpression(Span, Type);

public enum UnaryOperatorKind
{
    Negate,
    Plus,
    LogicalNot,
    BitwiseNot,
}

public sealed record BoundUnary(SourceSpan Span, TypeSymbol Type, UnaryOperatorKind Operator, BoundExpression Operand) : BoundExpression(Span, Type)
{
    public override long? ConstantValue => Operand.ConstantValue is not long v ? null : Operator switch
    {
        UnaryOperatorKind.Negate => ConstantFolding.Wrap(-v, Type),
        UnaryOperatorKind.Plus => v,
        UnaryOperatorKind.LogicalNot => v == 0 ? 1 : 0,
        _ => ConstantFolding.Wrap(~v, Type),
    };
}

public enum BinaryOperatorKind
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    ShiftLeft,
    ShiftRight,
    BitwiseAnd,
    BitwiseOr,
    BitwiseXor,
    LogicalAnd,
    LogicalOr,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>pointer + integer (either order; the pointer is <see cref="BoundBinary.Left"/>).</summary>
    PointerAdd,

    /// <summary>pointer - integer.</summary>
    PointerSubtract,

    /// <summary>pointer - pointer: the element distance, as ptrdiff_t.</summary>
    PointerDifference,
}

/// <summary>
/// A binary operator on operands already converted to the operation type (comparisons yield bool,
/// <see cref="OperandType"/> says in which type they compare).
/// </summary>
public sealed record BoundBinary(SourceSpan Span, TypeSymbol Type, BinaryOperatorKind Operator, BoundExpression Left, BoundExpression Right, TypeSymbol OperandType) : BoundExpression(Span, Type)
{
    public override long? ConstantValue => Left.ConstantValue is long l && Right.ConstantValue is long r ? ConstantFolding.Fold(Operator, l, r, OperandType, Type) : null;
}

/// <summary><c>target = value</c>, value converted to the target type. The result is the target (an lvalue in C++).</summary>
public sealed record BoundAssignment(SourceSpan Span, BoundExpression Target, BoundExpression Value) : BoundExpression(Span, Target.Type)
{
    public override bool IsLValue => true;
}

/// <summary>
/// <c>target op= value</c>: computed as <c>target = (T)((C)target op value)</c> with C =
/// <see cref="ComputationType"/>; the value is already converted to C (or is the integer of a pointer step).
/// </summary>
public sealed record BoundCompoundAssignment(SourceSpan Span, BinaryOperatorKind Operator, BoundExpression Target, BoundExpression Value, TypeSymbol ComputationType) : BoundExpression(Span, Target.Type)
{
    public override bool IsLValue => true;
}

/// <summary><c>++x</c>, <c>x--</c> and friends on integers, floats and pointers.</summary>
public sealed record BoundIncrement(SourceSpan Span, BoundExpression Target, bool IsIncrement, bool IsPrefix) : BoundExpression(Span, Target.Type)
{
    public override bool IsLValue => IsPrefix;
}

public sealed record BoundConditional(SourceSpan Span, TypeSymbol Type, BoundExpression Condition, BoundExpression WhenTrue, BoundExpression WhenFalse) : BoundExpression(Span, Type)
{
    public override long? ConstantValue => Condition.ConstantValue is long c ? (c != 0 ? WhenTrue.ConstantValue : WhenFalse.ConstantValue) : null;
}

public sealed record BoundComma(SourceSpan Span, BoundExpression Left, BoundExpression Right) : BoundExpression(Span, Right.Type);

/// <summary>
/// A call of a resolved function: user functions, template instances, member functions (with
/// <see cref="Receiver"/>, a pointer to the object), operators and built-ins (<see cref="FunctionSymbol.IsBuiltin"/>).
/// Arguments are converted to the parameter types; defaults are filled in.
/// </summary>
public sealed record BoundCall(SourceSpan Span, TypeSymbol Type, FunctionSymbol Function, BoundExpression? Receiver, ImmutableArray<BoundExpression> Arguments) : BoundExpression(Span, Type)
{
    /// <summary>A call returning a reference designates an object.</summary>
    public override bool IsLValue => Function.Type.Return is ReferenceType;
}

/// <summary><c>base[index]</c> with <see cref="Base"/> a pointer (arrays have decayed) and an integer index.</summary>
public sealed record BoundIndex(SourceSpan Span, TypeSymbol Type, BoundExpression Base, BoundExpression Index) : BoundExpression(Span, Type)
{
    public override bool IsLValue => true;
}

/// <summary><c>*pointer</c>; also the object a reference-typed variable or call result designates (<see cref="Pointer"/> has a <see cref="ReferenceType"/> then).</summary>
public sealed record BoundDereference(SourceSpan Span, TypeSymbol Type, BoundExpression Pointer) : BoundExpression(Span, Type)
{
    public override bool IsLValue => true;
}

/// <summary><c>&amp;lvalue</c>; the pointer type carries the operand's address space.</summary>
public sealed record BoundAddressOf(SourceSpan Span, TypeSymbol Type, BoundExpression Operand) : BoundExpression(Span, Type);

/// <summary>A struct field of an object (<c>a.b</c>; <c>p-&gt;b</c> is a field of a dereference).</summary>
public sealed record BoundFieldAccess(SourceSpan Span, TypeSymbol Type, BoundExpression Object, FieldSymbol Field) : BoundExpression(Span, Type)
{
    public override bool IsLValue => Object.IsLValue;
}

/// <summary>A component of a vector (<c>v.x</c> is 0, <c>.y</c> 1, <c>.z</c> 2, <c>.w</c> 3).</summary>
public sealed record BoundVectorElement(SourceSpan Span, TypeSymbol Type, BoundExpression Vector, int Index) : BoundExpression(Span, Type)
{
    public override bool IsLValue => Vector.IsLValue;
}

public enum ConversionKind
{
    /// <summary>Same representation (typedef, qualifier, enum to its underlying int).</summary>
    Identity,

    /// <summary>Integer to integer of another width or signedness (truncate, sign- or zero-extend).</summary>
    IntegerCast,

    IntegerToFloat,
    FloatToInteger,

    /// <summary>float/double/half to another floating type.</summary>
    FloatCast,

    /// <summary>Any scalar to bool (!= 0).</summary>
    ToBool,

    /// <summary>bool to an integer or floating type (0 or 1).</summary>
    FromBool,

    /// <summary>An array designator to a pointer to its first element.</summary>
    ArrayToPointer,

    /// <summary>A function name to a pointer to the function.</summary>
    FunctionToPointer,

    /// <summary>Pointer to pointer of another pointee type (reinterpret); same address space.</summary>
    PointerCast,

    /// <summary>A pointer into a specific space to a generic pointer (or back, in an explicit cast).</summary>
    AddressSpaceCast,

    /// <summary>A null pointer constant to a pointer.</summary>
    NullToPointer,

    PointerToInteger,
    IntegerToPointer,

    /// <summary>A scalar broadcast to every component of a vector (explicit casts only).</summary>
    ScalarToVector,

    /// <summary>An lvalue bound to a reference parameter: the callee receives its address.</summary>
    BindReference,

    /// <summary>An rvalue bound to a <c>const T&amp;</c> parameter: stored in a temporary whose address is passed.</summary>
    BindTemporary,
}

/// <summary>A conversion, implicit or from a cast (<see cref="IsExplicit"/>).</summary>
public sealed record BoundConversion(SourceSpan Span, TypeSymbol Type, ConversionKind Kind, BoundExpression Operand, bool IsExplicit) : BoundExpression(Span, Type)
{
    public override long? ConstantValue => Operand.ConstantValue is long v && Type.IsInteger ? ConstantFolding.Wrap(v, Type) : null;
}

/// <summary>A vector built from components: <c>make_float4(a, b, c, d)</c>, <c>float3(a, b, c)</c>, <c>dim3(x)</c> (missing components are 1 for dim3, else 0).</summary>
public sealed record BoundVectorConstruct(SourceSpan Span, VectorType VectorType, ImmutableArray<BoundExpression> Components) : BoundExpression(Span, VectorType);

/// <summary>A struct temporary made by a constructor call (<see cref="Constructor"/>) or member-wise from a brace list (null).</summary>
public sealed record BoundStructConstruct(SourceSpan Span, StructType StructType, FunctionSymbol? Constructor, ImmutableArray<BoundExpression> Arguments) : BoundExpression(Span, StructType);

/// <summary><c>sizeof</c>/<c>alignof</c> after folding: a size_t constant, with the type it measured.</summary>
public sealed record BoundSizeOf(SourceSpan Span, TypeSymbol Type, TypeSymbol Measured, long Value, bool IsAlignOf) : BoundExpression(Span, Type)
{
    public override long? ConstantValue => Value;
}

/// <summary>An expression that had an error (already reported). A model with one is never lowered.</summary>
public sealed record BoundErrorExpression(SourceSpan Span) : BoundExpression(Span, Types.Error);

// ------------------------------------------------------------------ initializers

public abstract record BoundInitializer(SourceSpan Span, TypeSymbol Type) : BoundNode(Span);

/// <summary>A single value converted to the variable's type.</summary>
public sealed record BoundExpressionInitializer(SourceSpan Span, BoundExpression Value) : BoundInitializer(Span, Value.Type);

/// <summary>
/// An aggregate (array or struct or vector) initializer with one entry per element or field in order; missing trailing
/// elements are zero (<see cref="Elements"/> may be shorter than the aggregate).
/// </summary>
public sealed record BoundAggregateInitializer(SourceSpan Span, TypeSymbol Type, ImmutableArray<BoundInitializer> Elements) : BoundInitializer(Span, Type);

// ------------------------------------------------------------------ statements

public abstract record BoundStatement(SourceSpan Span) : BoundNode(Span);

public sealed record BoundBlock(SourceSpan Span, ImmutableArray<BoundStatement> Statements) : BoundStatement(Span);

/// <summary>A local variable comes into scope here (with its initializer on the symbol, also given here).</summary>
public sealed record BoundVariableDeclaration(SourceSpan Span, VariableSymbol Variable, BoundInitializer? Initializer) : BoundStatement(Span);

public sealed record BoundExpressionStatement(SourceSpan Span, BoundExpression Expression) : BoundStatement(Span);

public sealed record BoundEmpty(SourceSpan Span) : BoundStatement(Span);

public sealed record BoundIf(SourceSpan Span, BoundExpression Condition, BoundStatement Then, BoundStatement? Else) : BoundStatement(Span);

/// <summary><c>#pragma unroll</c>: <see cref="Count"/> null means "unroll fully", 1 means "do not unroll".</summary>
public sealed record UnrollHint(SourceSpan Span, long? Count);

public sealed record BoundWhile(SourceSpan Span, BoundExpression Condition, BoundStatement Body, UnrollHint? Unroll) : BoundStatement(Span);

public sealed record BoundDoWhile(SourceSpan Span, BoundStatement Body, BoundExpression Condition, UnrollHint? Unroll) : BoundStatement(Span);

/// <summary><c>for</c>; a missing condition is null (loop forever). <see cref="Init"/> runs in the loop's own scope.</summary>
public sealed record BoundFor(SourceSpan Span, BoundStatement? Init, BoundExpression? Condition, BoundExpression? Step, BoundStatement Body, UnrollHint? Unroll) : BoundStatement(Span);

/// <summary>
/// <c>switch</c>: the value is promoted; <see cref="Cases"/> lists every case value (null for default) with the
/// label statement it jumps to, which appears in <see cref="Body"/> as a <see cref="BoundCaseLabel"/>.
/// </summary>
public sealed record BoundSwitch(SourceSpan Span, BoundExpression Value, BoundStatement Body, ImmutableArray<BoundCaseLabel> Cases) : BoundStatement(Span);

/// <summary>A <c>case V:</c> (Value set) or <c>default:</c> position inside a switch body, followed by its statement.</summary>
public sealed record BoundCaseLabel(SourceSpan Span, long? Value, BoundStatement Statement) : BoundStatement(Span)
{
    /// <summary>Identity of the label, since records compare by value.</summary>
    public int Id { get; init; }
}

public sealed record BoundBreak(SourceSpan Span) : BoundStatement(Span);

public sealed record BoundContinue(SourceSpan Span) : BoundStatement(Span);

public sealed record BoundReturn(SourceSpan Span, BoundExpression? Value) : BoundStatement(Span);

public sealed record BoundGoto(SourceSpan Span, string Label) : BoundStatement(Span);

public sealed record BoundLabeled(SourceSpan Span, string Label, BoundStatement Statement) : BoundStatement(Span);
