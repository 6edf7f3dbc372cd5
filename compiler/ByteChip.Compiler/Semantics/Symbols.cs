using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>
/// A named entity of the program. Symbols are created and completed by the binder; once
/// <see cref="SemanticAnalyzer.Analyze"/> returns they do not change.
/// </summary>
public abstract class Symbol(string name, SourceSpan span)
{
    public string Name { get; } = name;

    /// <summary>Where the symbol is declared (its defining declaration for functions with a body).</summary>
    public SourceSpan Span { get; internal set; } = span;

    /// <summary>Declared in a header shipped with the compiler.</summary>
    public bool IsFromBuiltinHeader => Span.Start.File.StartsWith(Preprocessor.SourceManager.BuiltinPrefix, StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>Where a variable lives.</summary>
public enum StorageKind
{
    /// <summary>A local variable of a device function (registers or local memory).</summary>
    Local,

    /// <summary>A function parameter (kernel parameters live in parameter memory).</summary>
    Parameter,

    /// <summary>A <c>static</c> local variable: one per program, in global memory.</summary>
    StaticLocal,

    /// <summary><c>__device__</c> global variable.</summary>
    Global,

    /// <summary><c>__shared__</c> variable (statically sized), one per block.</summary>
    Shared,

    /// <summary><c>extern __shared__ T s[];</c>: the dynamic shared memory given at launch.</summary>
    DynamicShared,

    /// <summary><c>__constant__</c> variable.</summary>
    Constant,

    /// <summary>A global without <c>__device__</c>: host memory, not usable from device code.</summary>
    Host,

    /// <summary>threadIdx, blockIdx, blockDim, gridDim, warpSize: read-only special registers.</summary>
    Builtin,
}

public sealed class VariableSymbol(string name, SourceSpan span, TypeSymbol type, StorageKind storage) : Symbol(name, span)
{
    public TypeSymbol Type { get; internal set; } = type;

    public StorageKind Storage { get; } = storage;

    /// <summary>The initializer of a global or local variable (null when there is none).</summary>
    public BoundInitializer? Initializer { get; internal set; }

    /// <summary>The value of a <c>const</c> integer variable with a constant initializer (usable in array sizes).</summary>
    public long? ConstantValue { get; internal set; }

    /// <summary>Set when the program reads the variable (for the unused-variable warning).</summary>
    public bool IsUsed { get; internal set; }

    public AddressSpace Space => Storage switch
    {
        StorageKind.Global or StorageKind.StaticLocal => AddressSpace.Global,
        StorageKind.Shared or StorageKind.DynamicShared => AddressSpace.Shared,
        StorageKind.Constant => AddressSpace.Constant,
        StorageKind.Parameter => AddressSpace.Param,
        _ => AddressSpace.Local,
    };
}

/// <summary>Where a function may run and be called from.</summary>
[Flags]
public enum ExecutionSpace
{
    None = 0,
    Host = 1,
    Device = 2,

    /// <summary>A kernel: runs on the device, launched from the host.</summary>
    Global = 4,
}

public sealed class FunctionSymbol(string name, SourceSpan span, FunctionType type, ExecutionSpace space) : Symbol(name, span)
{
    public FunctionType Type { get; internal set; } = type;

    public ExecutionSpace Space { get; internal set; } = space;

    public ImmutableArray<VariableSymbol> Parameters { get; internal set; } = [];

    /// <summary>Default arguments by parameter index (built-ins such as <c>__shfl_sync(..., width = 32)</c>).</summary>
    public ImmutableArray<BoundExpression?> DefaultArguments { get; internal set; } = [];

    /// <summary>The body; null for declarations, built-ins and host functions.</summary>
    public BoundBlock? Body { get; internal set; }

    public bool IsDefined { get; internal set; }

    /// <summary>Declared in a shipped header without a body: IR generation maps it to an intrinsic.</summary>
    public bool IsBuiltin => IsFromBuiltinHeader && !IsDefined;

    public bool IsKernel => (Space & ExecutionSpace.Global) != 0;

    public bool IsDeviceCallable => (Space & (ExecutionSpace.Device | ExecutionSpace.Global)) != 0;

    public bool IsInline { get; internal set; }

    public bool IsForceInline { get; internal set; }

    public bool IsNoInline { get; internal set; }

    public bool IsStatic { get; internal set; }

    /// <summary><c>__launch_bounds__(maxThreads, minBlocks)</c> values, when given.</summary>
    public ImmutableArray<long> LaunchBounds { get; internal set; } = [];

    /// <summary>The struct of a member function or constructor.</summary>
    public StructSymbol? DeclaringStruct { get; internal set; }

    public bool IsConstructor { get; internal set; }

    /// <summary>A <c>const</c> member function.</summary>
    public bool IsConstMember { get; internal set; }

    /// <summary>Member initializers of a constructor, in the order they run.</summary>
    public ImmutableArray<(FieldSymbol Field, BoundInitializer Value)> MemberInitializers { get; internal set; } = [];

    /// <summary>For a template instance: the template and its arguments (<c>reduce&lt;256&gt;</c>).</summary>
    public TemplateSymbol? Template { get; internal set; }

    public ImmutableArray<TemplateArgument> TemplateArguments { get; internal set; } = [];

    /// <summary>The name tools show and look kernels up by: <c>saxpy</c>, <c>reduce&lt;256&gt;</c>, <c>Vec3::length</c>.</summary>
    public string DisplayName =>
        (DeclaringStruct != null ? DeclaringStruct.Name + "::" : "")
        + Name
        + (TemplateArguments.IsDefaultOrEmpty ? "" : "<" + string.Join(", ", TemplateArguments) + ">");

    /// <summary>extern "C" linkage: the symbol name is not mangled.</summary>
    public bool IsExternC { get; internal set; }

    internal FunctionDefinitionSyntax? Definition { get; set; }
}

public sealed class FieldSymbol(string name, SourceSpan span, TypeSymbol type, int index) : Symbol(name, span)
{
    public TypeSymbol Type { get; internal set; } = type;

    /// <summary>Position among the fields (LLVM struct element index).</summary>
    public int Index { get; } = index;

    public long Offset { get; internal set; }
}

public sealed class StructSymbol(string name, SourceSpan span, bool isUnion) : Symbol(name, span)
{
    public bool IsUnion { get; } = isUnion;

    public bool IsComplete { get; internal set; }

    public ImmutableArray<FieldSymbol> Fields { get; internal set; } = [];

    public ImmutableArray<FunctionSymbol> Methods { get; internal set; } = [];

    public ImmutableArray<FunctionSymbol> Constructors { get; internal set; } = [];

    /// <summary><c>static const</c>/<c>static constexpr</c> integer members (<c>Op::identity</c>): constants, no storage.</summary>
    public ImmutableArray<ConstantSymbol> StaticConstants { get; internal set; } = [];

    public long Size { get; internal set; }

    public long Alignment { get; internal set; } = 1;

    public FieldSymbol? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

public sealed class EnumeratorSymbol(string name, SourceSpan span, EnumSymbol owner, long value) : Symbol(name, span)
{
    public EnumSymbol Owner { get; } = owner;

    public long Value { get; } = value;
}

public sealed class EnumSymbol(string name, SourceSpan span) : Symbol(name, span)
{
    public ImmutableArray<EnumeratorSymbol> Enumerators { get; internal set; } = [];

    public TypeSymbol Underlying { get; internal set; } = Types.Int;
}

/// <summary><c>typedef</c> or <c>using</c> alias, or a template type parameter bound to its argument.</summary>
public sealed class TypeAliasSymbol(string name, SourceSpan span, TypeSymbol type) : Symbol(name, span)
{
    public TypeSymbol Type { get; } = type;
}

/// <summary>A template value parameter bound to its argument inside an instance (<c>BLOCK</c> = 256).</summary>
public sealed class ConstantSymbol(string name, SourceSpan span, TypeSymbol type, long value) : Symbol(name, span)
{
    public TypeSymbol Type { get; } = type;

    public long Value { get; } = value;
}

/// <summary>A template argument: a type or an integer value.</summary>
public sealed record TemplateArgument(TypeSymbol? Type, long Value)
{
    /// <summary>
    /// The type of a value argument once it is matched with its parameter (<c>bool</c>, an enum, <c>char</c>,
    /// <c>unsigned</c>); null before that (read as <c>int</c>).
    /// </summary>
    public TypeSymbol? ValueType { get; init; }

    /// <summary>As C++ spells the argument: <c>float</c>, <c>SumOp</c>, <c>256</c>, <c>true</c>, <c>Mode::Fast</c>.</summary>
    public override string ToString()
    {
        switch (Type)
        {
            case StructType s:
                return s.Symbol.Name; // block_reduce<SumOp, 256>, as C++ names it (not 'struct SumOp')
            case EnumType e:
                return e.Symbol.Name;
            case { } type:
                return type.Name;
        }
        switch (ValueType?.Unqualified)
        {
            case BoolType:
                return Value != 0 ? "true" : "false";
            case EnumType e:
                return e.Symbol.Enumerators.FirstOrDefault(x => x.Value == Value) is { } enumerator
                    ? e.Symbol.Name + "::" + enumerator.Name
                    : "(" + e.Symbol.Name + ")" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            default:
                return Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>A function template; instances are created on use and cached by their arguments.</summary>
public sealed class TemplateSymbol(string name, SourceSpan span, TemplateDeclarationSyntax syntax, Scope scope) : Symbol(name, span)
{
    internal TemplateDeclarationSyntax Syntax { get; } = syntax;

    /// <summary>The scope the template was declared in (instances are bound there).</summary>
    internal Scope DeclaringScope { get; } = scope;

    internal StructSymbol? DeclaringStruct { get; set; }

    internal Dictionary<string, FunctionSymbol> InstanceCache { get; } = new(StringComparer.Ordinal);

    /// <summary>Every instance created so far.</summary>
    public IEnumerable<FunctionSymbol> Instances => InstanceCache.Values;
}
