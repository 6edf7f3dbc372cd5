using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>Functions and variables: declarations, bodies, initializers, whole-program checks.</summary>
internal sealed partial class Binder
{
    /// <summary>Declares (or merges with an earlier declaration of) a function; null after an error.</summary>
    private FunctionSymbol? DeclareFunction(DeclSpecifiersSyntax spec, DeclaratorSyntax declarator, FunctionDefinitionSyntax? definition, StructSymbol? owner,
        string? nameOverride = null, IReadOnlyList<TemplateArgument>? templateArguments = null)
    {
        bool isConstructor = definition?.IsConstructor == true || (owner != null && spec.Keywords.All(k => !IsTypeKeyword(k)) && spec.NamedType == null && spec.Struct == null && DeclaratorName(declarator)?.Name == owner.Name);
        var returnType = isConstructor ? Types.Void : ResolveSpecifiers(spec, allowAuto: false);
        var (name, type) = ApplyDeclarator(declarator, returnType);
        if (type is not FunctionType ft || name == null)
        {
            return null;
        }
        var nameNode = DeclaratorName(declarator)!;
        var space = SpaceOf(spec);
        if (owner == null && definition == null && nameOverride == null && _scope != _global && _scope.Kind != ScopeKind.Struct)
        {
            space = _context?.Function.Space ?? space; // a block-scope prototype
        }
        if ((space & ExecutionSpace.Global) != 0)
        {
            if (ft.Return.Unqualified is not VoidType)
            {
                Error(SemanticCode.KernelMustReturnVoid, nameNode.Span, $"kernel function '{name}' must have void return type");
            }
            if (owner != null)
            {
                Error(SemanticCode.InvalidStorageClass, nameNode.Span, "__global__ function cannot be a member function");
            }
        }
        // Merge with an earlier declaration of the same signature in the same scope.
        FunctionSymbol? symbol = null;
        var declScope = _scope;
        var previous = isConstructor && owner != null ? owner.Constructors : declScope.LookupLocal(name).OfType<FunctionSymbol>();
        foreach (var existing in previous)
        {
            if (existing.Type.Parameters.Length == ft.Parameters.Length && existing.Type.Parameters.Zip(ft.Parameters).All(p => Conversions.SameType(p.First, p.Second)) && templateArguments == null)
            {
                if (!Conversions.SameType(existing.Type.Return, ft.Return))
                {
                    Error(SemanticCode.ConflictingTypes, nameNode.Span, $"functions that differ only in their return type cannot be overloaded ('{name}')", DeclaredHere(existing, "previously declared here"));
                    return null;
                }
                if (definition != null && existing.IsDefined)
                {
                    Error(SemanticCode.Redeclaration, nameNode.Span, $"redefinition of '{name}'", DeclaredHere(existing, "previously defined here"));
                    return null;
                }
                symbol = existing;
                symbol.Space |= space & ~ExecutionSpace.Host | (existing.Space & ExecutionSpace.Host);
            }
        }
        if (symbol == null)
        {
            if (!isConstructor && declScope.LookupLocal(name).FirstOrDefault(s => s is not FunctionSymbol and not TemplateSymbol) is { } clash)
            {
                Error(SemanticCode.Redeclaration, nameNode.Span, $"redefinition of '{name}' as different kind of symbol", DeclaredHere(clash, "previously declared here"));
                return null;
            }
            symbol = new FunctionSymbol(nameOverride ?? name, nameNode.Span, ft, space)
            {
                DeclaringStruct = owner,
                IsConstructor = isConstructor,
                TemplateArguments = templateArguments is null ? [] : [.. templateArguments],
                IsExternC = spec.Linkage == "C",
            };
            if (templateArguments == null && !isConstructor)
            {
                declScope.Add(symbol);
            }
            if (owner != null)
            {
                if (isConstructor)
                {
                    owner.Constructors = owner.Constructors.Add(symbol);
                }
                else
                {
                    owner.Methods = owner.Methods.Add(symbol);
                }
            }
        }
        symbol.IsInline |= spec.Has("inline") || spec.Has("__inline__");
        symbol.IsForceInline |= spec.Has("__forceinline__");
        symbol.IsNoInline |= spec.Has("__noinline__");
        symbol.IsStatic |= spec.Has("static");
        symbol.IsConstMember |= NameFunctionDeclarator(declarator)?.Qualifiers.Contains("const") == true;
        foreach (var attr in spec.Attributes.Where(a => a.Name == "__launch_bounds__"))
        {
            symbol.LaunchBounds = [.. attr.Arguments.Select(a => ConstantValueOf(a, "__launch_bounds__ argument is not an integer constant") ?? 0)];
            if (symbol.LaunchBounds.Length > 0 && symbol.LaunchBounds[0] > Target.MaxThreadsPerBlock)
            {
                Error(SemanticCode.TargetLimitExceeded, attr.Span, $"__launch_bounds__ asks for {symbol.LaunchBounds[0]} threads per block; target {Target.Name} allows {Target.MaxThreadsPerBlock}");
            }
        }
        // Parameters (names and defaults) come from the latest declaration that has them.
        if (NameFunctionDeclarator(declarator) is { } fd)
        {
            var parameters = ImmutableArray.CreateBuilder<VariableSymbol>();
            var defaults = ImmutableArray.CreateBuilder<BoundExpression?>();
            for (int i = 0; i < ft.Parameters.Length && i < fd.Parameters.Length; i++)
            {
                var p = fd.Parameters[i];
                var pname = DeclaratorName(p.Declarator)?.Name ?? "";
                parameters.Add(new VariableSymbol(pname, p.Span, ft.Parameters[i], StorageKind.Parameter));
                BoundExpression? def = null;
                if (p.Default != null)
                {
                    var value = BindExpression(p.Default);
                    def = ConvertImplicit(value, ft.Parameters[i], p.Default.Span, "default argument");
                }
                defaults.Add(def ?? (symbol.DefaultArguments.Length > i ? symbol.DefaultArguments[i] : null));
            }
            symbol.Parameters = parameters.ToImmutable();
            symbol.DefaultArguments = defaults.ToImmutable();
        }
        if (definition != null)
        {
            symbol.IsDefined = true;
            symbol.Definition = definition;
            symbol.Span = nameNode.Span;
            _functions.Add(symbol);
        }
        return symbol;
    }

    private static bool IsTypeKeyword(string k) => k is "void" or "char" or "short" or "int" or "long" or "float" or "double" or "signed" or "unsigned" or "bool" or "_Bool" or "__half" or "auto";

    private void BindFunctionBody(FunctionSymbol function, FunctionDefinitionSyntax definition)
    {
        if (definition.Body == null)
        {
            if (function.IsDeviceCallable)
            {
                Error(SemanticCode.UnsupportedConstruct, definition.Span, $"the body of device function '{function.Name}' could not be read");
            }
            return;
        }
        if (!function.IsDeviceCallable)
        {
            return; // host functions with a parsed body (rare) are not part of the device program
        }
        var outerScope = _scope;
        var outerContext = _context;
        _context = new FunctionContext(function);
        _scope = new Scope(_scope, ScopeKind.Function);
        try
        {
            foreach (var p in function.Parameters)
            {
                if (p.Name.Length > 0)
                {
                    DeclareOrdinary(p, p.Span);
                }
                if (IsIncomplete(p.Type))
                {
                    Error(SemanticCode.IncompleteType, p.Span, $"parameter has incomplete type '{p.Type}'");
                }
            }
            if (function.IsConstructor && function.DeclaringStruct is { } owner)
            {
                var inits = ImmutableArray.CreateBuilder<(FieldSymbol, BoundInitializer)>();
                foreach (var mi in definition.MemberInitializers)
                {
                    if (owner.Field(mi.Member) is not { } field)
                    {
                        Error(SemanticCode.NoSuchMember, mi.Span, $"no member named '{mi.Member}' in '{owner.Name}'");
                        continue;
                    }
                    var args = mi.Arguments.Select(a => BindExpression(a)).ToList();
                    inits.Add((field, args.Count == 1 ? new BoundExpressionInitializer(mi.Span, ConvertImplicit(args[0], field.Type, mi.Span, "initializer"))
                        : new BoundExpressionInitializer(mi.Span, BindConstruction(mi.Span, field.Type, args, false))));
                }
                function.MemberInitializers = inits.ToImmutable();
            }
            var body = BindBlock(definition.Body, newScope: false);
            function.Body = body;
            ResolveGotos();
            if (function.Type.Return.Unqualified is not VoidType && !function.Type.Return.IsError && CanFallThrough(body) && !function.IsConstructor)
            {
                Warning(SemanticCode.MissingReturn, new SourceSpan(definition.Body.Span.End, definition.Body.Span.End), $"non-void function '{function.Name}' does not return a value in all control paths");
            }
            foreach (var local in _context.Locals.Where(l => !l.IsUsed && l.Storage is StorageKind.Local && l.Name.Length > 0 && !l.Type.IsError))
            {
                Warning(SemanticCode.UnusedVariable, local.Span, $"unused variable '{local.Name}'");
            }
        }
        finally
        {
            _scope = outerScope;
            _context = outerContext;
        }
    }

    private void ResolveGotos()
    {
        foreach (var (label, span) in _context!.Gotos)
        {
            if (!_context.Labels.Contains(label))
            {
                Error(SemanticCode.UndeclaredLabel, span, $"use of undeclared label '{label}'");
            }
        }
    }

    /// <summary>Conservative reachability of the end of a statement (for the missing-return warning).</summary>
    private static bool CanFallThrough(BoundStatement s) => s switch
    {
        BoundReturn => false,
        BoundGoto => false,
        // The end of a block is reached when its last statement completes (labels make earlier returns no proof).
        BoundBlock b => b.Statements.Length == 0 || CanFallThrough(b.Statements[^1]),
        BoundIf { Else: { } e } i => CanFallThrough(i.Then) || CanFallThrough(e),
        BoundWhile w => !(w.Condition.ConstantValue is long c && c != 0) || ContainsBreak(w.Body),
        BoundFor f => f.Condition != null && !(f.Condition.ConstantValue is long c2 && c2 != 0) || ContainsBreak(f.Body),
        BoundDoWhile d => CanFallThrough(d.Body) && !(d.Condition.ConstantValue is long c3 && c3 != 0) || ContainsBreak(d.Body),
        BoundSwitch sw => !sw.Cases.Any(c => c.Value == null) || ContainsBreak(sw.Body) || CanFallThrough(sw.Body),
        BoundLabeled l => CanFallThrough(l.Statement),
        BoundCaseLabel cl => CanFallThrough(cl.Statement),
        BoundExpressionStatement { Expression: BoundCall { Function.Name: "__trap" } } => false,
        _ => true,
    };

    /// <summary>A break that leaves this loop or switch (not a nested one).</summary>
    private static bool ContainsBreak(BoundStatement s) => s switch
    {
        BoundBreak => true,
        BoundBlock b => b.Statements.Any(ContainsBreak),
        BoundIf i => ContainsBreak(i.Then) || (i.Else != null && ContainsBreak(i.Else)),
        BoundLabeled l => ContainsBreak(l.Statement),
        BoundCaseLabel c => ContainsBreak(c.Statement),
        _ => false,
    };

    // ------------------------------------------------------------------ variables

    private BoundStatement? BindVariable(DeclSpecifiersSyntax spec, InitDeclaratorSyntax d, TypeSymbol baseType, bool isGlobal)
    {
        var (name, type) = ApplyDeclarator(d.Declarator, baseType);
        if (name == null)
        {
            return null;
        }
        var nameSpan = DeclaratorName(d.Declarator)?.Span ?? d.Span;
        bool isExtern = spec.Has("extern");
        var storage = StorageOf(spec, isGlobal, type, isExtern, nameSpan);

        BoundInitializer? init = null;
        if (d.Initializer != null)
        {
            if (storage is StorageKind.Shared or StorageKind.DynamicShared)
            {
                Error(SemanticCode.SharedWithInitializer, d.Initializer.Span, "initialization is not supported for __shared__ variables");
            }
            else
            {
                init = BindInitializer(d.Initializer, type);
                if (type is AutoType)
                {
                    type = init.Type is ArrayType at ? new PointerType(at.Element) : init.Type.Unqualified with { IsConst = baseType.IsConst };
                    if (init is BoundExpressionInitializer ei)
                    {
                        init = new BoundExpressionInitializer(ei.Span, ConvertImplicit(ei.Value, type, ei.Span, "initializer"));
                    }
                }
                else if (type is ArrayType { Length: null } open && init is BoundAggregateInitializer agg)
                {
                    type = open with { Length = agg.Elements.Length };
                    init = agg with { Type = type };
                }
            }
        }
        if (type is AutoType)
        {
            Error(SemanticCode.TypeMismatch, nameSpan, $"declaration of variable '{name}' with deduced type 'auto' requires an initializer");
            type = Types.Error;
        }
        if (type.Unqualified is VoidType)
        {
            Error(SemanticCode.IncompleteType, nameSpan, $"variable has incomplete type 'void'");
            type = Types.Error;
        }
        else if (type is StructType { Symbol.IsComplete: false } && !isExtern)
        {
            Error(SemanticCode.IncompleteType, nameSpan, $"variable has incomplete type '{type}'");
            type = Types.Error;
        }
        else if (type is ArrayType { Length: null } && storage != StorageKind.DynamicShared && !isExtern)
        {
            Error(SemanticCode.InvalidArraySize, nameSpan, $"definition of variable with array type needs an explicit size or an initializer");
        }
        else if (type is ReferenceType && init == null)
        {
            Error(SemanticCode.TypeMismatch, nameSpan, $"declaration of reference variable '{name}' requires an initializer");
        }
        if (type.IsConst && init == null && !isExtern && storage is StorageKind.Local or StorageKind.Global or StorageKind.StaticLocal && type is not StructType)
        {
            Error(SemanticCode.TypeMismatch, nameSpan, $"default initialization of an object of const type '{type}'");
        }

        var variable = new VariableSymbol(name, nameSpan, type, storage) { Initializer = init };
        if (type.IsConst && init is BoundExpressionInitializer { Value.ConstantValue: long cv } && type.IsInteger)
        {
            variable.ConstantValue = cv;
        }
        if (isGlobal && init != null && storage != StorageKind.Host && !IsConstantInitializer(init))
        {
            Error(SemanticCode.NonConstantGlobalInitializer, d.Initializer!.Span, "dynamic initialization is not supported for __device__ and __constant__ variables");
        }
        if (!DeclareOrdinary(variable, nameSpan))
        {
            return null;
        }
        if (isGlobal || storage == StorageKind.StaticLocal)
        {
            if (storage != StorageKind.Host)
            {
                _globals.Add(variable);
            }
            if (!isGlobal)
            {
                return new BoundVariableDeclaration(d.Span, variable, init);
            }
            return null;
        }
        if (storage == StorageKind.Shared && _context != null)
        {
            bool fitted = _context.SharedBytes <= Target.SharedBytesPerBlock;
            _context.SharedBytes += Types.SizeOf(type);
            if (fitted && _context.SharedBytes > Target.SharedBytesPerBlock)
            {
                Error(SemanticCode.TargetLimitExceeded, nameSpan, $"'{_context.Function.Name}' uses {_context.SharedBytes} bytes of shared memory; target {Target.Name} has {Target.SharedBytesPerBlock} per block");
            }
            _globals.Add(variable);
        }
        if (storage == StorageKind.DynamicShared)
        {
            _globals.Add(variable);
        }
        _context?.Locals.Add(variable);
        return new BoundVariableDeclaration(d.Span, variable, init);
    }

    private StorageKind StorageOf(DeclSpecifiersSyntax spec, bool isGlobal, TypeSymbol type, bool isExtern, SourceSpan span)
    {
        if (spec.Has("__shared__"))
        {
            if (isExtern)
            {
                if (type is not ArrayType { Length: null })
                {
                    Error(SemanticCode.DynamicSharedNotUnsizedArray, span, "extern __shared__ variable must be an array without a size");
                }
                return StorageKind.DynamicShared;
            }
            return StorageKind.Shared;
        }
        if (spec.Has("__constant__"))
        {
            if (!isGlobal)
            {
                Error(SemanticCode.InvalidStorageClass, span, "__constant__ variables must be declared at file scope");
            }
            return StorageKind.Constant;
        }
        if (spec.Has("__managed__"))
        {
            Error(SemanticCode.UnsupportedConstruct, span, "__managed__ variables are not supported");
        }
        if (!isGlobal)
        {
            if (spec.Has("__device__"))
            {
                Error(SemanticCode.InvalidStorageClass, span, "__device__ variables must be declared at file scope (or use static)");
            }
            return spec.Has("static") ? StorageKind.StaticLocal : StorageKind.Local;
        }
        return spec.Has("__device__") ? StorageKind.Global : StorageKind.Host;
    }

    private static bool IsConstantInitializer(BoundInitializer init) => init switch
    {
        BoundExpressionInitializer e => e.Value.ConstantValue != null || IsConstantValue(e.Value),
        BoundAggregateInitializer a => a.Elements.All(IsConstantInitializer),
        _ => false,
    };

    private static bool IsConstantValue(BoundExpression e) => e switch
    {
        BoundFloatLiteral or BoundIntegerLiteral or BoundNullPointer or BoundSizeOf => true,
        BoundConversion c => IsConstantValue(c.Operand),
        BoundUnary u => IsConstantValue(u.Operand),
        BoundBinary b => IsConstantValue(b.Left) && IsConstantValue(b.Right),
        BoundVectorConstruct v => v.Components.All(IsConstantValue),
        BoundStructConstruct { Constructor: null } s => s.Arguments.All(IsConstantValue),
        BoundAddressOf { Operand: BoundVariable { Variable.Storage: StorageKind.Global or StorageKind.Constant } } => true,
        _ => false,
    };

    // ------------------------------------------------------------------ whole program

    private void NoteCall(FunctionSymbol callee)
    {
        if (_context == null)
        {
            return;
        }
        if (!_calls.TryGetValue(_context.Function, out var set))
        {
            _calls[_context.Function] = set = [];
        }
        set.Add(callee);
    }

    /// <summary>Device code has no call stack for recursion on ByteChip: every cycle in the call graph is an error.</summary>
    private void CheckRecursion()
    {
        var state = new Dictionary<FunctionSymbol, int>();
        var path = new Stack<FunctionSymbol>();
        var reported = new HashSet<FunctionSymbol>();
        void Visit(FunctionSymbol f)
        {
            state[f] = 1;
            path.Push(f);
            foreach (var callee in _calls.TryGetValue(f, out var c) ? c : [])
            {
                if (!state.TryGetValue(callee, out int s))
                {
                    Visit(callee);
                }
                else if (s == 1 && reported.Add(callee))
                {
                    var cycle = path.TakeWhile(x => x != callee).Reverse().Prepend(callee).Select(x => x.DisplayName);
                    Error(SemanticCode.Recursion, callee.Span, $"recursion is not supported in device code ({string.Join(" -> ", cycle.Append(callee.DisplayName))})");
                }
            }
            path.Pop();
            state[f] = 2;
        }
        foreach (var f in _calls.Keys.ToList())
        {
            if (!state.ContainsKey(f))
            {
                Visit(f);
            }
        }
    }

    private void CheckTargetLimits()
    {
        long constant = _globals.Where(g => g.Storage == StorageKind.Constant).Sum(g => Types.SizeOf(g.Type));
        if (constant > Target.ConstantBytes)
        {
            var first = _globals.First(g => g.Storage == StorageKind.Constant);
            Error(SemanticCode.TargetLimitExceeded, first.Span, $"__constant__ variables use {constant} bytes; target {Target.Name} has {Target.ConstantBytes}");
        }
        long shared = _globals.Where(g => g.Storage == StorageKind.Shared).Sum(g => Types.SizeOf(g.Type));
        if (shared > Target.SharedBytesPerBlock)
        {
            var first = _globals.First(g => g.Storage == StorageKind.Shared);
            Error(SemanticCode.TargetLimitExceeded, first.Span, $"__shared__ variables use {shared} bytes; target {Target.Name} has {Target.SharedBytesPerBlock} per block");
        }
    }
}
