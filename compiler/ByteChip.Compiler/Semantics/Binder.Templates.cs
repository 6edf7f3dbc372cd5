using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>A template type parameter while its argument is being deduced.</summary>
internal sealed record TemplateParameterType(string ParameterName) : TypeSymbol
{
    public override string Name => ParameterName;
}

/// <summary>
/// Function templates: deduction of type parameters from the call's argument types (T, T*, const T&amp;),
/// explicit arguments (<c>reduce&lt;256&gt;</c>), defaults, and instantiation by binding the definition again in a
/// scope where the parameters name their arguments.
/// </summary>
internal sealed partial class Binder
{
    /// <summary>Value parameters stand for themselves during deduction as array lengths this large (plus their index).</summary>
    private const long ValuePlaceholder = 0x7fff_0000_0000;

    private int _instantiationDepth;

    private Candidate? DeduceTemplate(TemplateSymbol template, List<BoundExpression> args, List<TemplateArgument>? explicitArgs)
    {
        var parameters = template.Syntax.Parameters;
        if (template.Syntax.Declaration is not FunctionDefinitionSyntax definition || (explicitArgs?.Count ?? 0) > parameters.Length)
        {
            return null;
        }
        var deduced = new TemplateArgument?[parameters.Length];
        for (int i = 0; i < (explicitArgs?.Count ?? 0); i++)
        {
            bool isType = parameters[i].ValueType == null;
            if (isType != (explicitArgs![i].Type != null))
            {
                return null;
            }
            deduced[i] = explicitArgs[i];
        }
        // Bind the parameter types with placeholders for the undeduced type parameters.
        var scope = new Scope(template.DeclaringScope, ScopeKind.Template);
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (p.ValueType == null)
            {
                scope.Add(new TypeAliasSymbol(p.Name, p.Span, deduced[i]?.Type ?? new TemplateParameterType(p.Name)));
            }
            else
            {
                scope.Add(new ConstantSymbol(p.Name, p.Span, Types.Long, deduced[i]?.Value ?? ValuePlaceholder + i));
            }
        }
        var outer = _scope;
        _scope = scope;
        FunctionType? type;
        int errors = _diagnostics.ErrorCount;
        try
        {
            type = ApplyDeclarator(definition.Declarator, Types.Void, report: false).Type as FunctionType;
        }
        finally
        {
            _scope = outer;
        }
        if (type == null || _diagnostics.ErrorCount != errors)
        {
            return null;
        }
        for (int i = 0; i < args.Count && i < type.Parameters.Length; i++)
        {
            if (!Unify(type.Parameters[i], Decayed(args[i], type.Parameters[i]).Type, parameters, deduced))
            {
                return null;
            }
        }
        for (int i = 0; i < parameters.Length; i++)
        {
            if (deduced[i] == null && parameters[i].Default is { } def)
            {
                outer = _scope;
                _scope = scope;
                try
                {
                    deduced[i] = BindTemplateArgument(def);
                }
                finally
                {
                    _scope = outer;
                }
            }
            if (deduced[i] == null)
            {
                return null;
            }
        }
        var final = deduced.Select(d => d!).ToList();
        // The parameter types with the deduced arguments substituted (for ranking).
        var substituted = type.Parameters.Select(p => Substitute(p, parameters, final)).ToImmutableArray();
        int required = definition.Declarator is var d2 && NameFunctionDeclarator(d2) is { } fd ? fd.Parameters.Count(p => p.Default == null) : substituted.Length;
        return new Candidate(null, template, substituted, required, type.IsVariadic, final);
    }

    private static bool Unify(TypeSymbol parameter, TypeSymbol argument, ImmutableArray<TemplateParameterSyntax> parameters, TemplateArgument?[] deduced)
    {
        switch (parameter)
        {
            case TemplateParameterType t:
                int index = parameters.IndexOf(parameters.First(p => p.Name == t.ParameterName));
                var value = argument.Unqualified is PointerType ap ? ap with { Space = AddressSpace.Generic } : argument.Unqualified;
                if (deduced[index] is { Type: { } existing })
                {
                    return Conversions.SameType(existing, value);
                }
                deduced[index] = new TemplateArgument(value, 0);
                return true;
            case ReferenceType r:
                return Unify(r.Referenced, argument, parameters, deduced);
            case PointerType p:
                return argument.Unqualified is PointerType a ? Unify(p.Pointee.Unqualified, a.Pointee.Unqualified, parameters, deduced) : !ContainsPlaceholder(p);
            case ArrayType pa when argument.Unqualified is ArrayType aa:
                if (pa.Length is long marker && marker >= ValuePlaceholder && aa.Length is long length)
                {
                    int slot = (int)(marker - ValuePlaceholder);
                    if (deduced[slot] is { Type: null } known && known.Value != length)
                    {
                        return false;
                    }
                    deduced[slot] = new TemplateArgument(null, length);
                }
                return Unify(pa.Element.Unqualified, aa.Element.Unqualified, parameters, deduced);
            default:
                return true;
        }
    }

    private static bool ContainsPlaceholder(TypeSymbol t) => t switch
    {
        TemplateParameterType => true,
        PointerType p => ContainsPlaceholder(p.Pointee),
        ReferenceType r => ContainsPlaceholder(r.Referenced),
        ArrayType a => ContainsPlaceholder(a.Element),
        _ => false,
    };

    private static TypeSymbol Substitute(TypeSymbol t, ImmutableArray<TemplateParameterSyntax> parameters, List<TemplateArgument> args) => t switch
    {
        TemplateParameterType p => (args[parameters.IndexOf(parameters.First(x => x.Name == p.ParameterName))].Type ?? Types.Error) with { IsConst = p.IsConst, IsVolatile = p.IsVolatile },
        PointerType p => p with { Pointee = Substitute(p.Pointee, parameters, args) },
        ReferenceType r => r with { Referenced = Substitute(r.Referenced, parameters, args) },
        ArrayType a => a with
        {
            Element = Substitute(a.Element, parameters, args),
            Length = a.Length is long n && n >= ValuePlaceholder && n - ValuePlaceholder < args.Count ? args[(int)(n - ValuePlaceholder)].Value : a.Length,
        },
        _ => t,
    };

    /// <summary>The instance of <paramref name="template"/> for <paramref name="args"/>, created and bound on first use.</summary>
    private FunctionSymbol? Instantiate(TemplateSymbol template, IReadOnlyList<TemplateArgument> args, SourceSpan useSpan)
    {
        args = ConvertValueArguments(template, args);
        string key = string.Join(",", args);
        if (template.InstanceCache.TryGetValue(key, out var existing))
        {
            return existing;
        }
        if (_instantiationDepth > 32)
        {
            Error(SemanticCode.Recursion, useSpan, $"template instantiation of '{template.Name}' nests too deeply");
            return null;
        }
        var definition = (FunctionDefinitionSyntax)template.Syntax.Declaration;
        var scope = new Scope(template.DeclaringScope, ScopeKind.Template);
        var parameters = template.Syntax.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ValueType == null)
            {
                scope.Add(new TypeAliasSymbol(parameters[i].Name, parameters[i].Span, args[i].Type ?? Types.Error));
            }
            else
            {
                scope.Add(new ConstantSymbol(parameters[i].Name, parameters[i].Span, args[i].ValueType ?? Types.Int, args[i].Value));
            }
        }
        var outerScope = _scope;
        var outerContext = _context;
        _scope = scope;
        _context = null;
        _instantiationDepth++;
        try
        {
            var instance = DeclareFunction(definition.Specifiers, definition.Declarator, definition, template.DeclaringStruct, template.Name, args);
            if (instance == null)
            {
                return null;
            }
            instance.Template = template;
            template.InstanceCache[key] = instance;
            BindFunctionBody(instance, definition);
            return instance;
        }
        finally
        {
            _instantiationDepth--;
            _scope = outerScope;
            _context = outerContext;
        }
    }

    /// <summary>A launch argument seen in host code: a host variable of the declared type, or the literal itself.</summary>
    private BoundExpression HostLaunchArgument(TemplateArgumentSyntax argument)
    {
        if (argument is TypeTemplateArgumentSyntax t)
        {
            var type = ResolveType(t.Type);
            return type.IsError ? new BoundErrorExpression(argument.Span) : new BoundVariable(argument.Span, new VariableSymbol("<host argument>", argument.Span, type, StorageKind.Host) { IsUsed = true });
        }
        return BindExpression(((ValueTemplateArgumentSyntax)argument).Value);
    }

    /// <summary>
    /// Value arguments converted to their parameter's type (<c>combine&lt;1&gt;</c> and <c>combine&lt;true&gt;</c> are one
    /// instance of <c>template &lt;bool B&gt;</c>), so the instance cache, the name and the mangling agree with C++.
    /// </summary>
    private List<TemplateArgument> ConvertValueArguments(TemplateSymbol template, IReadOnlyList<TemplateArgument> args)
    {
        var parameters = template.Syntax.Parameters;
        var converted = new List<TemplateArgument>(args.Count);
        var outer = _scope;
        _scope = new Scope(template.DeclaringScope, ScopeKind.Template);
        try
        {
            for (int i = 0; i < args.Count; i++)
            {
                if (i >= parameters.Length || parameters[i].ValueType is not { } valueSyntax || args[i].Type != null)
                {
                    converted.Add(args[i]);
                    continue;
                }
                var valueType = ResolveSpecifiers(valueSyntax, allowAuto: false).Unqualified;
                converted.Add(new TemplateArgument(null, ConstantFolding.Wrap(args[i].Value, valueType)) { ValueType = valueType });
            }
        }
        finally
        {
            _scope = outer;
        }
        return converted;
    }

    /// <summary>
    /// <c>reduce&lt;256&gt;&lt;&lt;&lt;g, b&gt;&gt;&gt;(...)</c> in host code: the host needs that instance, so it is created as if
    /// explicitly instantiated. Missing arguments are deduced from what host code says about the launch's arguments
    /// (see <c>TokenClassifier.HostLaunchScanner</c>); when that is not enough, a warning says no instance is generated.
    /// </summary>
    private void InstantiateHostLaunch(HostLaunchSyntax launch)
    {
        var template = _global.Lookup(launch.Name).OfType<TemplateSymbol>().FirstOrDefault();
        if (template == null)
        {
            return; // a host template, or not a template at all: host code is not checked
        }
        var args = launch.TemplateArguments.Select(BindTemplateArgument).ToList();
        var parameters = template.Syntax.Parameters;
        if (args.Count > parameters.Length || args.Any(a => a.Type is ErrorType))
        {
            Error(SemanticCode.TemplateDeductionFailed, launch.Span, $"too many template arguments for '{launch.Name}'");
            return;
        }
        if (args.Count < parameters.Length && launch.CallArguments is { } callArguments)
        {
            // scale<<<g, b>>>(d_x, 2.0f): deduce from the declared types of the host variables and the literals.
            var values = callArguments.Select(HostLaunchArgument).ToList();
            if (values.Any(v => v.Type.IsError))
            {
                return;
            }
            if (DeduceTemplate(template, values, args) is not { } deduced)
            {
                Warning(SemanticCode.TemplateDeductionFailed, launch.Span, $"template arguments of kernel '{launch.Name}' could not be deduced from the launch arguments ({string.Join(", ", values.Select(v => Decay(v).Type.Name))}); no instance is generated");
                return;
            }
            args = [.. deduced.TemplateArguments!];
        }
        for (int i = args.Count; i < parameters.Length; i++)
        {
            if (parameters[i].Default is not { } def)
            {
                Warning(SemanticCode.TemplateDeductionFailed, launch.Span, $"kernel '{launch.Name}' launched from host code needs all template arguments explicitly ('{parameters[i].Name}' would be deduced from launch arguments that are not plain host variables or literals); no instance is generated");
                return;
            }
            args.Add(BindTemplateArgument(def));
        }
        for (int i = 0; i < args.Count; i++)
        {
            if ((parameters[i].ValueType == null) != (args[i].Type != null))
            {
                Error(SemanticCode.TemplateDeductionFailed, launch.Span, $"template argument {i + 1} of '{launch.Name}' must be {(parameters[i].ValueType == null ? "a type" : "a constant")}");
                return;
            }
        }
        if (Instantiate(template, args, launch.Span) is { IsKernel: false } instance)
        {
            Error(SemanticCode.KernelCalledFromDevice, launch.Span, $"'{instance.DisplayName}' is launched with <<<>>> but is not a __global__ function");
        }
    }
}
