using ByteChip.Compiler.Llvm;
using ByteChip.Compiler.Semantics;
using ByteChip.Isa.Diagnostics;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>An IR-generation problem that semantic analysis let through (a construct not supported yet).</summary>
public sealed class IrGenException(string message, SourceLocation location) : Exception(message)
{
    public SourceLocation Location { get; } = location;
}

/// <summary>
/// Lowers a <see cref="SemanticModel"/> (without errors) to an LLVM module in the NVVM style the backend
/// (and clang's CUDA device IR) uses: triple nvptx64, generic pointers, <c>__shared__</c> globals in address
/// space 3, <c>__constant__</c> in 4, <c>__device__</c> in 1, NVVM intrinsics for special registers,
/// barriers, shuffles and votes, <c>contract</c> on float arithmetic (CUDA's default FMA contraction),
/// <c>llvm.loop</c> metadata for <c>#pragma unroll</c> and debug locations for the line table.
/// Kernels carry the attributes <c>bytechip-kernel</c>, <c>bytechip-source-name</c> (the name tools look
/// up, e.g. <c>reduce&lt;256&gt;</c>) and <c>bytechip-max-threads</c> (__launch_bounds__). Device functions are
/// internal and always inlined unless <c>__noinline__</c>.
/// Aggregates (structs, unions, vectors, arrays) live in memory as byte arrays laid out exactly as the
/// semantic model computed (field offsets, size, alignment) and are copied with memcpy.
/// </summary>
public sealed partial class IrGenerator : IDisposable
{
    public const uint GlobalSpace = 1, SharedSpace = 3, ConstantSpace = 4;

    private readonly SemanticModel _model;
    private readonly LlvmModule _module;
    private readonly LlvmBuilder _b;
    private readonly Dictionary<FunctionSymbol, LLVMValueRef> _functions = [];
    private readonly Dictionary<VariableSymbol, LLVMValueRef> _globals = [];
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

    private IrGenerator(SemanticModel model, LlvmContext context, string moduleName, bool debugInfo)
    {
        _model = model;
        _module = LlvmModule.Create(context, moduleName);
        _b = new LlvmBuilder(_module);
        if (debugInfo)
        {
            _b.BeginDebugInfo(moduleName);
        }
    }

    /// <summary>Generates the module. The caller owns (and disposes) the returned module.</summary>
    public static LlvmModule Generate(SemanticModel model, LlvmContext context, string moduleName, bool debugInfo = true)
    {
        if (model.HasErrors)
        {
            throw new InvalidOperationException("a semantic model with errors is never lowered");
        }
        using var generator = new IrGenerator(model, context, moduleName, debugInfo);
        try
        {
            generator.Run();
            return generator._module;
        }
        catch
        {
            generator._module.Dispose();
            throw;
        }
    }

    public void Dispose() => _b.Dispose();

    private void Run()
    {
        foreach (var g in _model.Globals)
        {
            DeclareGlobal(g);
        }
        foreach (var f in _model.Functions)
        {
            Declare(f);
        }
        foreach (var f in _model.Functions)
        {
            if (f.Body is not null)
            {
                new FunctionEmitter(this, f).Emit();
            }
        }
        _b.FinishDebugInfo();
    }

    internal LlvmBuilder B => _b;

    internal SemanticModel Model => _model;

    internal static IrGenException Error(SourceSpan span, string message) => new(message, span.Start);

    // ---------------------------------------------------------------- types

    internal static bool IsAggregate(TypeSymbol t) => t.Unqualified is StructType or VectorType or ArrayType;

    internal static long SizeOf(TypeSymbol t) => Types.SizeOf(t.Unqualified);

    internal static uint AlignOf(TypeSymbol t) => (uint)Math.Max(1, Types.AlignOf(t.Unqualified));

    /// <summary>The LLVM type of a value of <paramref name="t"/> in a register (bool is i1).</summary>
    internal LLVMTypeRef ValueType(TypeSymbol t) => t.Unqualified switch
    {
        VoidType => _b.Void,
        BoolType => _b.I1,
        IntegerType i => _b.Int(i.Bits),
        EnumType => _b.I32,
        FloatType { Kind: FloatKind.Half } => _b.Half,
        FloatType { Kind: FloatKind.Float } => _b.Float,
        FloatType => _b.Double,
        PointerType or ReferenceType => _b.Ptr,
        _ when IsAggregate(t) => _b.Ptr,
        var other => throw new InvalidOperationException($"no LLVM type for {other}"),
    };

    /// <summary>The LLVM type of <paramref name="t"/> in memory (bool is i8, aggregates are byte arrays).</summary>
    internal LLVMTypeRef MemoryType(TypeSymbol t) => t.Unqualified switch
    {
        BoolType => _b.I8,
        _ when IsAggregate(t) => _b.Array(_b.I8, (ulong)Math.Max(SizeOf(t), 0)),
        _ => ValueType(t),
    };

    // ---------------------------------------------------------------- globals

    private void DeclareGlobal(VariableSymbol g)
    {
        uint space = g.Storage switch
        {
            StorageKind.Shared or StorageKind.DynamicShared => SharedSpace,
            StorageKind.Constant => ConstantSpace,
            StorageKind.Global or StorageKind.StaticLocal => GlobalSpace,
            _ => uint.MaxValue,
        };
        if (space == uint.MaxValue)
        {
            return; // host globals and built-in variables have no device storage
        }
        var type = g.Storage == StorageKind.DynamicShared ? _b.Array(MemoryType(((ArrayType)g.Type.Unqualified).Element), 0) : MemoryType(g.Type);
        var global = LLVMAddGlobalInAddressSpace(_module.Handle, type, UniqueName(g.Name), space);
        LLVMSetAlignment(global, Math.Max(AlignOf(g.Type), g.Storage == StorageKind.DynamicShared ? 16u : 1u));
        if (g.Storage == StorageKind.DynamicShared)
        {
            LLVMSetLinkage(global, LLVMLinkage.External);
        }
        else if (space == SharedSpace)
        {
            LLVMSetInitializer(global, _b.Undef(type));
            LLVMSetLinkage(global, LLVMLinkage.Internal);
        }
        else
        {
            LLVMSetInitializer(global, ConstantInitializer(g, type));
            LLVMSetExternallyInitialized(global, 1);
        }
        _globals[g] = global;
    }

    /// <summary>The initializer of a __device__ or __constant__ variable as bytes (constant expressions only).</summary>
    private LLVMValueRef ConstantInitializer(VariableSymbol g, LLVMTypeRef type)
    {
        if (g.Initializer is null)
        {
            return _b.Null(type);
        }
        var bytes = new byte[Math.Max(SizeOf(g.Type), 1)];
        ConstantBytes(g.Initializer, g.Type, bytes, 0);
        if (!IsAggregate(g.Type))
        {
            ulong bits = 0;
            for (int i = Math.Min(bytes.Length, 8) - 1; i >= 0; i--)
            {
                bits = (bits << 8) | bytes[i];
            }
            return g.Type.Unqualified switch
            {
                FloatType { Kind: FloatKind.Float } => _b.ConstReal(type, BitConverter.UInt32BitsToSingle((uint)bits)),
                FloatType { Kind: FloatKind.Double } => _b.ConstReal(type, BitConverter.UInt64BitsToDouble(bits)),
                FloatType => _b.ConstReal(type, (double)BitConverter.UInt16BitsToHalf((ushort)bits)),
                _ => LLVMConstInt(type, bits, 0),
            };
        }
        var elements = bytes.Select(x => LLVMConstInt(_b.I8, x, 0)).ToArray();
        unsafe
        {
            fixed (LLVMValueRef* p = elements)
            {
                return LLVMConstArray2(_b.I8, p, (ulong)elements.Length);
            }
        }
    }

    private void ConstantBytes(BoundInitializer init, TypeSymbol type, byte[] bytes, long offset)
    {
        switch (init)
        {
            case BoundAggregateInitializer agg:
                switch (type.Unqualified)
                {
                    case ArrayType a:
                        for (int i = 0; i < agg.Elements.Length; i++)
                        {
                            ConstantBytes(agg.Elements[i], a.Element, bytes, offset + i * SizeOf(a.Element));
                        }
                        return;
                    case StructType s:
                        var fields = s.Symbol.Fields;
                        for (int i = 0; i < agg.Elements.Length && i < fields.Length; i++)
                        {
                            ConstantBytes(agg.Elements[i], fields[i].Type, bytes, offset + fields[i].Offset);
                        }
                        return;
                    case VectorType v:
                        for (int i = 0; i < agg.Elements.Length; i++)
                        {
                            ConstantBytes(agg.Elements[i], v.Element, bytes, offset + i * SizeOf(v.Element));
                        }
                        return;
                }
                break;
            case BoundExpressionInitializer { Value: var e }:
                WriteScalar(e, type, bytes, offset);
                return;
        }
        throw Error(init.Span, "this initializer of a device variable is not a constant the compiler can evaluate");
    }

    private static void WriteScalar(BoundExpression e, TypeSymbol type, byte[] bytes, long offset)
    {
        ulong bits;
        var t = type.Unqualified;
        if (t is FloatType ft)
        {
            double? d = Evaluate(e);
            if (d is null)
            {
                throw Error(e.Span, "the initializer of a device variable must be a constant expression");
            }
            bits = ft.Kind switch
            {
                FloatKind.Float => BitConverter.SingleToUInt32Bits((float)d.Value),
                FloatKind.Double => BitConverter.DoubleToUInt64Bits(d.Value),
                _ => BitConverter.HalfToUInt16Bits((Half)d.Value),
            };
        }
        else if (e.ConstantValue is long v)
        {
            bits = unchecked((ulong)v);
        }
        else if (Evaluate(e) is double dv)
        {
            bits = unchecked((ulong)(long)dv);
        }
        else
        {
            throw Error(e.Span, "the initializer of a device variable must be a constant expression (pointers to other variables are not supported)");
        }
        long size = SizeOf(type);
        for (int i = 0; i < size && i < 8; i++)
        {
            bytes[offset + i] = (byte)(bits >> (8 * i));
        }
    }

    /// <summary>Folds a float constant expression (literals, conversions, negation, arithmetic).</summary>
    internal static double? Evaluate(BoundExpression e) => e switch
    {
        BoundFloatLiteral f => f.Value,
        BoundIntegerLiteral i => i.Type.Unqualified is IntegerType { IsSigned: false, Bits: 64 } ? (double)(ulong)i.Value : i.Value,
        BoundConversion c => Evaluate(c.Operand) is double d ? (c.Type.Unqualified is FloatType { Kind: FloatKind.Float } ? (float)d : c.Type.IsInteger ? Math.Truncate(d) : d) : null,
        BoundUnary { Operator: UnaryOperatorKind.Negate } u => -Evaluate(u.Operand),
        BoundUnary { Operator: UnaryOperatorKind.Plus } u => Evaluate(u.Operand),
        BoundBinary { Operator: BinaryOperatorKind.Add } b => Evaluate(b.Left) + Evaluate(b.Right),
        BoundBinary { Operator: BinaryOperatorKind.Subtract } b => Evaluate(b.Left) - Evaluate(b.Right),
        BoundBinary { Operator: BinaryOperatorKind.Multiply } b => Evaluate(b.Left) * Evaluate(b.Right),
        BoundBinary { Operator: BinaryOperatorKind.Divide } b when b.Type.Unqualified is FloatType => Evaluate(b.Left) / Evaluate(b.Right),
        _ => e.ConstantValue,
    };

    internal LLVMValueRef GlobalOf(VariableSymbol v, SourceSpan span) =>
        _globals.TryGetValue(v, out var g) ? g : throw Error(span, $"'{v.Name}' has no device storage (host variables cannot be used in device code)");

    internal uint SpaceOfGlobal(VariableSymbol v) => v.Storage switch
    {
        StorageKind.Shared or StorageKind.DynamicShared => SharedSpace,
        StorageKind.Constant => ConstantSpace,
        _ => GlobalSpace,
    };

    // ---------------------------------------------------------------- functions

    internal string UniqueName(string name)
    {
        var n = name;
        for (int k = 1; !_usedNames.Add(n); k++)
        {
            n = $"{name}.{k}";
        }
        return n;
    }

    private void Declare(FunctionSymbol f)
    {
        var ret = f.Type.Return;
        var parameters = new List<LLVMTypeRef>();
        bool sret = IsAggregate(ret);
        if (sret)
        {
            parameters.Add(_b.Ptr);
        }
        if (f.DeclaringStruct is not null && !f.IsStatic)
        {
            parameters.Add(_b.Ptr); // this
        }
        foreach (var p in f.Parameters)
        {
            parameters.Add(ValueType(p.Type));
        }
        var fnType = _b.Function(sret ? _b.Void : ValueType(ret), [.. parameters]);
        string name = f.IsKernel ? UniqueName(f.IsExternC ? f.Name : Mangler.Kernel(f)) : UniqueName("__device." + f.DisplayName.Replace("::", ".").Replace('<', '.').Replace(">", "").Replace(", ", "."));
        var fn = LLVMAddFunction(_module.Handle, name, fnType);
        var c = _b.Context;
        if (f.IsKernel)
        {
            AddString(fn, "bytechip-kernel", "");
            AddString(fn, "bytechip-source-name", f.DisplayName);
            if (!f.LaunchBounds.IsDefaultOrEmpty && f.LaunchBounds[0] > 0)
            {
                AddString(fn, "bytechip-max-threads", f.LaunchBounds[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            // Aggregate kernel parameters are passed by value in the parameter space; __restrict__ pointers are noalias.
            for (int i = 0; i < f.Parameters.Length; i++)
            {
                var pt = f.Parameters[i].Type;
                if (pt.Unqualified is PointerType && pt.IsRestrict)
                {
                    uint noalias = LLVMGetEnumAttributeKindForName("noalias", 7);
                    LLVMAddAttributeAtIndex(fn, (uint)(i + 1), LLVMCreateEnumAttribute(c, noalias, 0));
                }
                if (IsAggregate(pt))
                {
                    uint byval = LLVMGetEnumAttributeKindForName("byval", 5);
                    var attr = LLVMCreateTypeAttribute(c, byval, MemoryType(pt));
                    LLVMAddAttributeAtIndex(fn, (uint)(i + 1), attr);
                    uint align = LLVMGetEnumAttributeKindForName("align", 5);
                    LLVMAddAttributeAtIndex(fn, (uint)(i + 1), LLVMCreateEnumAttribute(c, align, AlignOf(pt)));
                }
            }
        }
        else
        {
            LLVMSetLinkage(fn, LLVMLinkage.Internal);
            var kind = f.IsNoInline ? "noinline" : "alwaysinline";
            LLVMAddAttributeAtIndex(fn, uint.MaxValue, LLVMCreateEnumAttribute(c, LLVMGetEnumAttributeKindForName(kind, (nuint)kind.Length), 0));
        }
        _functions[f] = fn;
    }

    private void AddString(LLVMValueRef fn, string key, string value) =>
        LLVMAddAttributeAtIndex(fn, uint.MaxValue, LLVMCreateStringAttribute(_b.Context, key, (uint)key.Length, value, (uint)System.Text.Encoding.UTF8.GetByteCount(value)));

    internal LLVMValueRef FunctionOf(FunctionSymbol f, SourceSpan span) =>
        _functions.TryGetValue(f, out var fn) ? fn : throw Error(span, $"'{f.DisplayName}' has no device definition");
}
