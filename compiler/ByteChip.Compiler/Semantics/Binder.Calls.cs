using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Syntax.Ast;
using ByteChip.Isa;

namespace ByteChip.Compiler.Semantics;

/// <summary>Calls: overload resolution, built-in checks, member functions, operators, construction.</summary>
internal sealed partial class Binder
{
    /// <summary>A call candidate: a function, or a template with its deduced arguments.</summary>
    private sealed record Candidate(FunctionSymbol? Function, TemplateSymbol? Template, ImmutableArray<TypeSymbol> ParameterTypes, int Required, bool IsVariadic, IReadOnlyList<TemplateArgument>? TemplateArguments);

    private BoundExpression BindCall(CallExpressionSyntax call)
    {
        var args = call.Arguments.Select(a => BindExpression(a)).ToList();
        switch (call.Callee)
        {
            case NameExpressionSyntax { Qualifier: { } qualifier } n when QualifyingStruct(qualifier, n.Span, out var owner):
                return owner == null ? new BoundErrorExpression(call.Span) : BindQualifiedCall(call.Span, n, owner, args);
            case NameExpressionSyntax n:
            {
                if (n.Name.StartsWith("make_", StringComparison.Ordinal) && Types.Vector(n.Name[5..]) is { } vector && LookupName(n.Name, out _).Count == 0)
                {
                    return BindVectorConstruct(call.Span, vector, args, exactCount: true);
                }
                var symbols = LookupName(n.Name, out var viaThis);
                if (symbols.Count == 0)
                {
                    Error(SemanticCode.UndeclaredIdentifier, n.Span, $"use of undeclared identifier '{n.Name}'");
                    return new BoundErrorExpression(call.Span);
                }
                if (symbols[0] is VariableSymbol or FieldSymbol && n.TemplateArguments == null && IsCallableObject(symbols[0]))
                {
                    return BindFunctorCall(call.Span, BindExpression(n), args);
                }
                if (symbols[0] is not (FunctionSymbol or TemplateSymbol))
                {
                    if (symbols[0] is VariableSymbol used)
                    {
                        used.IsUsed = true; // named in the call: no unused-variable warning on top of the error
                    }
                    if (args.All(a => !a.Type.IsError) && symbols[0] is not VariableSymbol { Type.IsError: true })
                    {
                        Error(SemanticCode.NotAFunction, n.Span, $"called object '{n.Name}' is not a function", DeclaredHere(symbols[0]));
                    }
                    return new BoundErrorExpression(call.Span);
                }
                var explicitArgs = n.TemplateArguments is { } ta ? ta.Select(BindTemplateArgument).ToList() : null;
                return ResolveAndCall(call.Span, n.Name, n.Span, symbols, viaThis, args, explicitArgs);
            }
            case MemberExpressionSyntax m:
            {
                var receiver = BindExpression(m.Base);
                if (receiver.Type.IsError)
                {
                    return new BoundErrorExpression(call.Span);
                }
                if (m.IsArrow)
                {
                    receiver = Decay(receiver);
                    if (receiver.Type is not PointerType { Pointee: var pointee })
                    {
                        Error(SemanticCode.MemberOfNonStruct, m.Span, $"member reference type '{receiver.Type}' is not a pointer");
                        return new BoundErrorExpression(call.Span);
                    }
                    receiver = new BoundDereference(m.Base.Span, pointee, receiver);
                }
                if (receiver.Type.Unqualified is not StructType st)
                {
                    Error(SemanticCode.MemberOfNonStruct, m.Span, $"member reference base type '{receiver.Type}' is not a structure or union");
                    return new BoundErrorExpression(call.Span);
                }
                var methods = st.Symbol.Methods.Where(x => x.Name == m.Member).Cast<Symbol>().ToList();
                if (methods.Count == 0)
                {
                    Error(SemanticCode.NoSuchMember, m.Span, $"no member function named '{m.Member}' in '{st.Name}'", DeclaredHere(st.Symbol));
                    return new BoundErrorExpression(call.Span);
                }
                return ResolveAndCall(call.Span, m.Member, m.Span, methods, ObjectPointer(receiver), args, null);
            }
            default:
                var callee = BindExpression(call.Callee);
                if (CallOperators(callee.Type) is { Count: > 0 })
                {
                    return BindFunctorCall(call.Span, callee, args);
                }
                if (!callee.Type.IsError)
                {
                    Error(SemanticCode.NotAFunction, call.Callee.Span, $"called object type '{callee.Type}' is not a function");
                }
                return new BoundErrorExpression(call.Span);
        }
    }

    /// <summary>A variable or field whose type (or referenced type) is a struct with an <c>operator()</c>.</summary>
    private static bool IsCallableObject(Symbol symbol) => symbol switch
    {
        VariableSymbol v => CallOperators(v.Type) is { Count: > 0 },
        FieldSymbol f => CallOperators(f.Type) is { Count: > 0 },
        _ => false,
    };

    private static List<Symbol>? CallOperators(TypeSymbol type) =>
        (type is ReferenceType r ? r.Referenced : type).Unqualified is StructType st
            ? st.Symbol.Methods.Where(m => m.Name == "operator()").Cast<Symbol>().ToList()
            : null;

    /// <summary><c>op(a, b)</c> with <c>op</c> a function object: a call of its <c>operator()</c> with <c>op</c> as <c>this</c>.</summary>
    private BoundExpression BindFunctorCall(SourceSpan span, BoundExpression callee, List<BoundExpression> args)
    {
        if (callee.Type.IsError)
        {
            return new BoundErrorExpression(span);
        }
        var operators = CallOperators(callee.Type)!;
        return ResolveAndCall(span, "operator()", callee.Span, operators, ObjectPointer(callee), args, null);
    }

    /// <summary>
    /// Whether <paramref name="qualifier"/> (of <c>Add::apply</c>, <c>Op::identity</c>) names a type; then
    /// <paramref name="owner"/> is its struct, or null after an error (a qualifier naming a type without members).
    /// </summary>
    private bool QualifyingStruct(string qualifier, SourceSpan span, out StructSymbol? owner)
    {
        owner = null;
        foreach (var symbol in _scope.Lookup(qualifier))
        {
            switch (symbol)
            {
                case StructSymbol st:
                    owner = st;
                    return true;
                case TypeAliasSymbol { Type: var aliased }:
                    if (aliased.Unqualified is StructType t)
                    {
                        owner = t.Symbol;
                    }
                    else if (!aliased.IsError)
                    {
                        Error(SemanticCode.MemberOfNonStruct, span, $"type '{aliased}' cannot be used prior to '::' because it has no members");
                    }
                    return true;
            }
        }
        return false;
    }

    /// <summary><c>Add::apply(a, b)</c>: a static member function, or a member of the enclosing struct with the implicit <c>this</c>.</summary>
    private BoundExpression BindQualifiedCall(SourceSpan span, NameExpressionSyntax n, StructSymbol owner, List<BoundExpression> args)
    {
        var methods = owner.Methods.Where(m => m.Name == n.Name).Cast<Symbol>().ToList();
        if (methods.Count == 0)
        {
            Error(SemanticCode.NoSuchMember, n.Span, $"no member function named '{n.Name}' in '{owner.Name}'", DeclaredHere(owner));
            return new BoundErrorExpression(span);
        }
        if (args.Any(a => a.Type.IsError))
        {
            return new BoundErrorExpression(span);
        }
        var best = TryResolve(methods, args, null, out var failure);
        if (best == null)
        {
            ReportNoMatch(span, n.Name, n.Span, methods, args, failure);
            return new BoundErrorExpression(span);
        }
        BoundExpression? receiver = null;
        if (best.Function is { IsStatic: false } method)
        {
            if (_context?.Function.DeclaringStruct != owner || _context.Function.IsStatic)
            {
                Error(SemanticCode.MemberCallWithoutObject, n.Span, $"call to non-static member function '{owner.Name}::{n.Name}' without an object argument", DeclaredHere(method));
                return new BoundErrorExpression(span);
            }
            receiver = new BoundThis(n.Span, new PointerType(new StructType(owner) { IsConst = _context.Function.IsConstMember }));
        }
        return FinishCall(span, best, receiver, args, n.Name);
    }

    /// <summary>The <c>this</c> argument of a member call: the object's address, or a temporary's for an rvalue.</summary>
    private static BoundExpression ObjectPointer(BoundExpression receiver) => receiver.IsLValue
        ? new BoundAddressOf(receiver.Span, new PointerType(receiver.Type, SpaceOf(receiver)), receiver)
        : new BoundConversion(receiver.Span, new PointerType(receiver.Type), ConversionKind.BindTemporary, receiver, false);

    private TemplateArgument BindTemplateArgument(TemplateArgumentSyntax a)
    {
        if (a is TypeTemplateArgumentSyntax t)
        {
            return new TemplateArgument(ResolveType(t.Type), 0);
        }
        var value = BindExpression(((ValueTemplateArgumentSyntax)a).Value);
        if (value.ConstantValue is not long v)
        {
            if (!value.Type.IsError)
            {
                Error(SemanticCode.NotConstantExpression, a.Span, "template argument is not an integral constant expression");
            }
            return new TemplateArgument(Types.Error, 0);
        }
        return new TemplateArgument(null, v);
    }

    /// <summary>Operator overloads for struct and vector operands: free <c>operator+</c> functions and member operators.</summary>
    private BoundExpression? BindOperatorCall(SourceSpan span, string name, List<BoundExpression> args)
    {
        var candidates = new List<Symbol>(_global.Lookup(name).Where(s => s is FunctionSymbol or TemplateSymbol));
        for (var s = _scope; s != null && s != _global; s = s.Parent)
        {
            candidates.AddRange(s.LookupLocal(name).Where(x => x is FunctionSymbol or TemplateSymbol && !candidates.Contains(x)));
        }
        if (args[0].Type.Unqualified is StructType st && st.Symbol.Methods.Where(m => m.Name == name).ToList() is { Count: > 0 } members)
        {
            var memberCall = TryResolve(members.Cast<Symbol>().ToList(), args.Skip(1).ToList(), null, out _);
            if (memberCall != null)
            {
                return FinishCall(span, memberCall, ObjectPointer(args[0]), args.Skip(1).ToList(), name);
            }
        }
        if (candidates.Count == 0)
        {
            return null;
        }
        var best = TryResolve(candidates, args, null, out _);
        return best == null ? null : FinishCall(span, best, null, args, name);
    }

    private BoundExpression ResolveAndCall(SourceSpan span, string name, SourceSpan nameSpan, IReadOnlyList<Symbol> symbols, BoundExpression? receiver, List<BoundExpression> args, List<TemplateArgument>? explicitArgs)
    {
        if (args.Any(a => a.Type.IsError) || explicitArgs?.Any(a => a.Type is ErrorType) == true)
        {
            return new BoundErrorExpression(span);
        }
        var best = TryResolve(symbols, args, explicitArgs, out var failure);
        if (best == null)
        {
            ReportNoMatch(span, name, nameSpan, symbols, args, failure);
            return new BoundErrorExpression(span);
        }
        // A member function called by its plain name inside another member function gets the implicit this.
        if (best.Function?.DeclaringStruct != null && receiver == null && _context?.Function.DeclaringStruct == best.Function.DeclaringStruct && !best.Function.IsConstructor)
        {
            receiver = new BoundThis(nameSpan, new PointerType(new StructType(best.Function.DeclaringStruct)));
        }
        return FinishCall(span, best, receiver, args, name);
    }

    private enum ResolutionFailure
    {
        None,
        Count,
        Types,
        Ambiguous,
        Deduction,
    }

    /// <summary>C++ overload resolution over <paramref name="symbols"/>: the best viable candidate, or null.</summary>
    private Candidate? TryResolve(IReadOnlyList<Symbol> symbols, List<BoundExpression> args, List<TemplateArgument>? explicitArgs, out ResolutionFailure failure)
    {
        failure = ResolutionFailure.None;
        var viable = new List<(Candidate Candidate, ConversionRank[] Ranks)>();
        bool countOk = false;
        foreach (var symbol in symbols)
        {
            var candidate = symbol switch
            {
                FunctionSymbol f when explicitArgs == null => new Candidate(f, null, f.Type.Parameters, RequiredCount(f), f.Type.IsVariadic, null),
                TemplateSymbol t => DeduceTemplate(t, args, explicitArgs),
                _ => null,
            };
            if (candidate == null)
            {
                failure = ResolutionFailure.Deduction;
                continue;
            }
            if (args.Count < candidate.Required || (args.Count > candidate.ParameterTypes.Length && !candidate.IsVariadic))
            {
                continue;
            }
            countOk = true;
            var ranks = new ConversionRank[args.Count];
            bool ok = true;
            for (int i = 0; i < args.Count && ok; i++)
            {
                ranks[i] = i < candidate.ParameterTypes.Length ? Conversions.Rank(Decayed(args[i], candidate.ParameterTypes[i]), candidate.ParameterTypes[i]) : ConversionRank.Conversion;
                ok = ranks[i] != ConversionRank.None;
            }
            if (ok)
            {
                viable.Add((candidate, ranks));
            }
        }
        if (viable.Count == 0)
        {
            failure = countOk ? ResolutionFailure.Types : failure == ResolutionFailure.Deduction ? failure : ResolutionFailure.Count;
            return null;
        }
        var best = viable.Where(v => viable.All(o => o == v || Better(v.Ranks, o.Ranks, v.Candidate, o.Candidate))).ToList();
        if (best.Count == 1)
        {
            return best[0].Candidate;
        }
        // Built-in overload sets (min, max, atomics) are chosen by the common type of the arguments, as the
        // extra overloads of CUDA's headers would.
        if (viable.All(v => v.Candidate.Function?.IsBuiltin == true) && args.Count > 0)
        {
            var common = args.Select(a => Decay(a).Type).Aggregate((a, b) => Conversions.UsualArithmetic(a, b) ?? a);
            var match = viable.FirstOrDefault(v => v.Candidate.ParameterTypes.Take(args.Count).All(p => p is PointerType || Conversions.SameType(p, common)));
            if (match.Candidate != null)
            {
                return match.Candidate;
            }
        }
        failure = ResolutionFailure.Ambiguous;
        return null;
    }

    private static BoundExpression Decayed(BoundExpression e, TypeSymbol target) => target is ArrayType || target is ReferenceType { Referenced: ArrayType } ? e : Decay(e);

    private static int RequiredCount(FunctionSymbol f)
    {
        int required = f.Type.Parameters.Length;
        while (required > 0 && required - 1 < f.DefaultArguments.Length && f.DefaultArguments[required - 1] != null)
        {
            required--;
        }
        return required;
    }

    /// <summary>At least as good in every argument and better in one; a non-template beats a template on a tie.</summary>
    private static bool Better(ConversionRank[] a, ConversionRank[] b, Candidate ca, Candidate cb)
    {
        bool strictly = false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
            {
                return false;
            }
            strictly |= a[i] < b[i];
        }
        return strictly || (ca.Template == null && cb.Template != null) || (ca.ParameterTypes.Length < cb.ParameterTypes.Length && a.Length == ca.ParameterTypes.Length);
    }

    private void ReportNoMatch(SourceSpan span, string name, SourceSpan nameSpan, IReadOnlyList<Symbol> symbols, List<BoundExpression> args, ResolutionFailure failure)
    {
        var notes = symbols.Take(4).Select(s => DiagnosticBag.Note(s.Span.Start, $"candidate {(s is TemplateSymbol ? "template" : "function")}: '{Describe(s)}'")).ToArray();
        string argTypes = string.Join(", ", args.Select(a => Decay(a).Type.Name));
        switch (failure)
        {
            case ResolutionFailure.Ambiguous:
                Error(SemanticCode.AmbiguousCall, nameSpan, $"call to '{name}' is ambiguous (arguments: {argTypes})", notes);
                return;
            case ResolutionFailure.Count when symbols.Count == 1 && symbols[0] is FunctionSymbol f:
                int required = RequiredCount(f);
                string fewOrMany = args.Count < required ? "few" : "many";
                int expected = args.Count < required ? required : f.Type.Parameters.Length;
                Error(SemanticCode.WrongArgumentCount, span, $"too {fewOrMany} arguments to function call, expected {(required != f.Type.Parameters.Length && args.Count < required ? "at least " : "")}{expected}, have {args.Count}", DeclaredHere(f));
                return;
            case ResolutionFailure.Types when symbols.Count == 1 && symbols[0] is FunctionSymbol f1:
                for (int i = 0; i < args.Count && i < f1.Type.Parameters.Length; i++)
                {
                    var p = f1.Type.Parameters[i];
                    if (Conversions.Rank(Decayed(args[i], p), p) == ConversionRank.None)
                    {
                        Error(SemanticCode.TypeMismatch, args[i].Span, $"cannot convert argument {i + 1} of '{name}' from '{Decay(args[i]).Type}' to '{p}'", DeclaredHere(f1));
                        return;
                    }
                }
                break;
            case ResolutionFailure.Deduction:
                Error(SemanticCode.TemplateDeductionFailed, nameSpan, $"no matching function for call to '{name}': template arguments could not be deduced (arguments: {argTypes})", notes);
                return;
        }
        Error(SemanticCode.NoMatchingFunction, nameSpan, $"no matching function for call to '{name}' with arguments ({argTypes})", notes);
    }

    private static string Describe(Symbol s) => s switch
    {
        FunctionSymbol f => $"{f.Type.Return} {f.DisplayName}({string.Join(", ", f.Type.Parameters.Select(p => p.Name))})",
        _ => s.Name,
    };

    private BoundExpression FinishCall(SourceSpan span, Candidate candidate, BoundExpression? receiver, List<BoundExpression> args, string name)
    {
        var function = candidate.Function ?? Instantiate(candidate.Template!, candidate.TemplateArguments!, span);
        if (function == null)
        {
            return new BoundErrorExpression(span);
        }
        CheckCallable(span, function);
        var converted = ImmutableArray.CreateBuilder<BoundExpression>();
        var parameterTypes = function.Type.Parameters;
        for (int i = 0; i < args.Count; i++)
        {
            if (i < parameterTypes.Length)
            {
                converted.Add(ConvertImplicit(args[i], parameterTypes[i], args[i].Span, $"argument {i + 1} of '{name}'"));
            }
            else
            {
                // Variadic arguments get the default promotions (float to double).
                var a = Decay(args[i]);
                var promoted = a.Type is FloatType { Kind: FloatKind.Float or FloatKind.Half } ? Types.Double : a.Type.IsInteger ? Conversions.Promote(a.Type) : a.Type;
                converted.Add(ConvertImplicit(a, promoted, a.Span, "variadic argument"));
            }
        }
        for (int i = args.Count; i < parameterTypes.Length; i++)
        {
            converted.Add(i < function.DefaultArguments.Length && function.DefaultArguments[i] is { } d ? d with { Span = span } : new BoundErrorExpression(span));
        }
        NoteCall(function);
        var returnType = function.Type.Return;
        BoundExpression result = new BoundCall(span, returnType, function, receiver, converted.ToImmutable());
        return result;
    }

    /// <summary>Execution-space rules, built-ins that are rejected or need a target feature, __syncthreads in divergent code.</summary>
    private void CheckCallable(SourceSpan span, FunctionSymbol function)
    {
        if (!InDeviceCode)
        {
            return;
        }
        if (function.IsKernel)
        {
            Error(SemanticCode.KernelCalledFromDevice, span, $"a __global__ function ('{function.Name}') cannot be called from device code (dynamic parallelism is not supported)", DeclaredHere(function));
            return;
        }
        if ((function.Space & ExecutionSpace.Device) == 0)
        {
            Error(SemanticCode.HostFunctionFromDevice, span, $"calling a __host__ function ('{function.DisplayName}') from a {DeviceWhat()} function is not allowed", DeclaredHere(function));
            return;
        }
        if (!function.IsBuiltin)
        {
            return;
        }
        switch (function.Name)
        {
            case "printf":
                Error(SemanticCode.DevicePrintfUnsupported, span, "device-side printf is not supported on ByteChip yet");
                break;
            case "__dp4a" when !Target.Has(Feature.Dp4a):
                Error(SemanticCode.TargetFeatureMissing, span, $"'__dp4a' requires the dp4a feature, which target {Target.Name} lacks");
                break;
            case "__syncthreads" or "__syncthreads_count" or "__syncthreads_and" or "__syncthreads_or" when _context!.DivergentDepth > 0:
                Warning(SemanticCode.SyncthreadsInDivergentCode, span, $"'{function.Name}' in code that depends on threadIdx: threads that skip it deadlock the block");
                break;
        }
        if (function.DeclaringStruct?.Name == "thread_block" && function.Name == "sync" && _context!.DivergentDepth > 0)
        {
            Warning(SemanticCode.SyncthreadsInDivergentCode, span, "'sync' in code that depends on threadIdx: threads that skip it deadlock the block");
        }
    }

    // ------------------------------------------------------------------ construction

    /// <summary><c>T(args)</c>, <c>T{args}</c>: scalar functional casts, vector construction, struct constructors.</summary>
    private BoundExpression BindConstruction(SourceSpan span, TypeSymbol type, List<BoundExpression> args, bool braced)
    {
        if (type.IsError || args.Any(a => a.Type.IsError))
        {
            return new BoundErrorExpression(span);
        }
        switch (type.Unqualified)
        {
            case VectorType v:
                if (args.Count == 1 && Conversions.SameType(args[0].Type, v))
                {
                    return args[0];
                }
                return BindVectorConstruct(span, v, args, exactCount: false);
            case StructType s:
                if (s.Symbol.Constructors.Length > 0)
                {
                    var ctor = TryResolve(s.Symbol.Constructors.Cast<Symbol>().ToList(), args, null, out var failure);
                    if (ctor?.Function == null)
                    {
                        if (args.Count == 1 && Conversions.SameType(args[0].Type, s))
                        {
                            return args[0];
                        }
                        ReportNoMatch(span, s.Symbol.Name, span, [.. s.Symbol.Constructors], args, failure);
                        return new BoundErrorExpression(span);
                    }
                    CheckCallable(span, ctor.Function);
                    NoteCall(ctor.Function);
                    var converted = args.Select((a, i) => ConvertImplicit(a, ctor.Function.Type.Parameters[i], a.Span, "constructor argument")).ToList();
                    for (int i = args.Count; i < ctor.Function.Type.Parameters.Length; i++)
                    {
                        converted.Add(ctor.Function.DefaultArguments[i] ?? new BoundErrorExpression(span));
                    }
                    return new BoundStructConstruct(span, s, ctor.Function, [.. converted]);
                }
                if (args.Count == 1 && Conversions.SameType(args[0].Type, s))
                {
                    return args[0];
                }
                if (args.Count > s.Symbol.Fields.Length || (!braced && args.Count > 0))
                {
                    Error(SemanticCode.NoMatchingFunction, span, $"no matching constructor for initialization of '{s}'");
                    return new BoundErrorExpression(span);
                }
                return new BoundStructConstruct(span, s, null, [.. args.Select((a, i) => ConvertImplicit(a, s.Symbol.Fields[i].Type, a.Span, "member initializer"))]);
            default:
                if (args.Count == 0)
                {
                    return type.IsInteger || type is BoolType ? new BoundIntegerLiteral(span, type.Unqualified, 0)
                        : type is FloatType ? new BoundFloatLiteral(span, type.Unqualified, 0)
                        : new BoundNullPointer(span, type.Unqualified);
                }
                if (args.Count > 1)
                {
                    Error(SemanticCode.InvalidCast, span, $"excess elements in scalar initializer of type '{type}'");
                    return new BoundErrorExpression(span);
                }
                return ExplicitConversion(span, args[0], type, CastSyntaxKind.CStyle);
        }
    }

    /// <summary>
    /// <c>make_float4(a, b, c, d)</c> needs every component; <c>float4(a)</c>/<c>dim3(x, y)</c> fill the rest
    /// (with 1 for dim3 as CUDA's constructor does, with copies of a single scalar otherwise).
    /// </summary>
    private BoundExpression BindVectorConstruct(SourceSpan span, VectorType v, List<BoundExpression> args, bool exactCount)
    {
        if (args.Any(a => a.Type.IsError))
        {
            return new BoundErrorExpression(span);
        }
        if (exactCount && args.Count != v.Count || args.Count > v.Count)
        {
            Error(SemanticCode.WrongArgumentCount, span, $"too {(args.Count < v.Count ? "few" : "many")} arguments to function call, expected {v.Count}, have {args.Count}");
            return new BoundErrorExpression(span);
        }
        var components = args.Select(a => ConvertImplicit(a, v.Element, a.Span, $"component of '{v.Name}'")).ToList();
        while (components.Count < v.Count)
        {
            components.Add(v.Spelling == "dim3" ? new BoundIntegerLiteral(span, v.Element, 1)
                : components.Count == 1 && args.Count == 1 ? components[0]
                : v.Element is FloatType ? new BoundFloatLiteral(span, v.Element, 0) : new BoundIntegerLiteral(span, v.Element, 0));
        }
        return new BoundVectorConstruct(span, v, [.. components]);
    }

    // ------------------------------------------------------------------ initializers

    private BoundInitializer BindInitializer(InitializerSyntax init, TypeSymbol type)
    {
        switch (init)
        {
            case ExpressionInitializerSyntax e:
            {
                var value = BindExpression(e.Value);
                if (type is AutoType)
                {
                    return new BoundExpressionInitializer(e.Span, Decay(value));
                }
                if (type is ArrayType { Element: IntegerType { Bits: 8 } } charArray && value is BoundStringLiteral s)
                {
                    var chars = s.Value.Select(ch => (BoundInitializer)new BoundExpressionInitializer(e.Span, new BoundIntegerLiteral(e.Span, charArray.Element, ch))).Append(new BoundExpressionInitializer(e.Span, new BoundIntegerLiteral(e.Span, charArray.Element, 0)));
                    return new BoundAggregateInitializer(e.Span, type, [.. chars]);
                }
                if (type is StructType st && st.Symbol.Constructors.Length > 0 && !Conversions.SameType(value.Type, st))
                {
                    return new BoundExpressionInitializer(e.Span, BindConstruction(e.Span, type, [value], false));
                }
                return new BoundExpressionInitializer(e.Span, ConvertImplicit(value, type.Unqualified, e.Value.Span, "initializing"));
            }
            case ConstructorInitializerSyntax c:
                return new BoundExpressionInitializer(c.Span, BindConstruction(c.Span, type, c.Arguments.Select(a => BindExpression(a)).ToList(), false));
            case BraceInitializerSyntax b:
                return BindBraceInitializer(b, type);
            default:
                return new BoundExpressionInitializer(init.Span, new BoundErrorExpression(init.Span));
        }
    }

    private BoundInitializer BindBraceInitializer(BraceInitializerSyntax b, TypeSymbol type)
    {
        if (type is AutoType)
        {
            Error(SemanticCode.TypeMismatch, b.Span, "cannot deduce 'auto' from an initializer list");
            return new BoundExpressionInitializer(b.Span, new BoundErrorExpression(b.Span));
        }
        if (b.Items.Any(i => i.Designators.Length > 0))
        {
            return BindDesignated(b, type);
        }
        switch (type.Unqualified)
        {
            case ArrayType a:
                if (a.Length is long n && b.Items.Length > n)
                {
                    Error(SemanticCode.TooManyInitializers, b.Items[(int)n].Span, "excess elements in array initializer");
                }
                return new BoundAggregateInitializer(b.Span, type, [.. b.Items.Take((int)Math.Min(b.Items.Length, a.Length ?? long.MaxValue)).Select(i => BindInitializer(i.Value, a.Element))]);
            case StructType s when s.Symbol.Constructors.Length > 0:
                var args = b.Items.Select(i => i.Value is ExpressionInitializerSyntax e ? BindExpression(e.Value) : new BoundErrorExpression(i.Span)).ToList();
                return new BoundExpressionInitializer(b.Span, BindConstruction(b.Span, type, args, true));
            case StructType s:
                if (b.Items.Length > s.Symbol.Fields.Length && !s.Symbol.IsUnion || s.Symbol.IsUnion && b.Items.Length > 1)
                {
                    Error(SemanticCode.TooManyInitializers, b.Span, $"excess elements in struct initializer of '{s}'");
                }
                return new BoundAggregateInitializer(b.Span, type, [.. b.Items.Take(s.Symbol.Fields.Length).Select((item, i) => BindInitializer(item.Value, s.Symbol.Fields[i].Type))]);
            case VectorType v:
                if (b.Items.Length > v.Count)
                {
                    Error(SemanticCode.TooManyInitializers, b.Span, $"excess elements in initializer of '{v}'");
                }
                return new BoundAggregateInitializer(b.Span, type, [.. b.Items.Take(v.Count).Select(item => BindInitializer(item.Value, v.Element))]);
            default:
                if (b.Items.Length == 0)
                {
                    return new BoundExpressionInitializer(b.Span, BindConstruction(b.Span, type, [], true));
                }
                if (b.Items.Length > 1)
                {
                    Error(SemanticCode.TooManyInitializers, b.Items[1].Span, "excess elements in scalar initializer");
                }
                return BindInitializer(b.Items[0].Value, type);
        }
    }

    /// <summary>Designated initializers (<c>.x = 1</c>, <c>[3] = 2</c>) become positional ones, gaps zero.</summary>
    private BoundInitializer BindDesignated(BraceInitializerSyntax b, TypeSymbol type)
    {
        var elements = new SortedDictionary<int, BoundInitializer>();
        int next = 0;
        foreach (var item in b.Items)
        {
            int index = next;
            TypeSymbol elementType = Types.Error;
            if (item.Designators.Length > 1)
            {
                Error(SemanticCode.UnsupportedConstruct, item.Span, "nested designators are not supported");
                continue;
            }
            var d = item.Designators.Length == 1 ? item.Designators[0] : null;
            switch (type.Unqualified)
            {
                case StructType s:
                    if (d?.Member is { } member)
                    {
                        index = s.Symbol.Fields.IndexOf(s.Symbol.Field(member)!);
                        if (s.Symbol.Field(member) == null)
                        {
                            Error(SemanticCode.NoSuchMember, d.Span, $"field designator '{member}' does not refer to any field in type '{s}'");
                            continue;
                        }
                    }
                    elementType = index < s.Symbol.Fields.Length ? s.Symbol.Fields[index].Type : Types.Error;
                    break;
                case ArrayType a:
                    if (d?.Index is { } ix)
                    {
                        if (BindExpression(ix).ConstantValue is not long v || v < 0 || (a.Length is long len && v >= len))
                        {
                            Error(SemanticCode.NotConstantExpression, d.Span, "array designator index is not a valid constant");
                            continue;
                        }
                        index = (int)v;
                    }
                    elementType = a.Element;
                    break;
                default:
                    Error(SemanticCode.TypeMismatch, item.Span, $"designator in initializer for non-aggregate type '{type}'");
                    continue;
            }
            if (elementType.IsError)
            {
                Error(SemanticCode.TooManyInitializers, item.Span, "excess elements in initializer");
                continue;
            }
            elements[index] = BindInitializer(item.Value, elementType);
            next = index + 1;
        }
        int count = elements.Count == 0 ? 0 : elements.Keys.Max() + 1;
        var list = new BoundInitializer[count];
        for (int i = 0; i < count; i++)
        {
            list[i] = elements.TryGetValue(i, out var e) ? e : ZeroInitializer(b.Span, ElementType(type, i));
        }
        return new BoundAggregateInitializer(b.Span, type, [.. list]);
    }

    private static TypeSymbol ElementType(TypeSymbol aggregate, int index) => aggregate.Unqualified switch
    {
        ArrayType a => a.Element,
        StructType s when index < s.Symbol.Fields.Length => s.Symbol.Fields[index].Type,
        VectorType v => v.Element,
        _ => Types.Error,
    };

    private static BoundInitializer ZeroInitializer(SourceSpan span, TypeSymbol type) => type.Unqualified switch
    {
        ArrayType or StructType or VectorType => new BoundAggregateInitializer(span, type, []),
        FloatType => new BoundExpressionInitializer(span, new BoundFloatLiteral(span, type.Unqualified, 0)),
        PointerType => new BoundExpressionInitializer(span, new BoundNullPointer(span, type.Unqualified)),
        _ => new BoundExpressionInitializer(span, new BoundIntegerLiteral(span, type.Unqualified, 0)),
    };

    /// <summary>A brace list assigned or returned as a value: a struct or vector temporary.</summary>
    private BoundExpression InitializerAsValue(BoundInitializer init, SourceSpan span) => init switch
    {
        BoundExpressionInitializer e => e.Value,
        BoundAggregateInitializer { Type: StructType s } a when a.Elements.All(x => x is BoundExpressionInitializer) =>
            new BoundStructConstruct(span, s, null, [.. a.Elements.Cast<BoundExpressionInitializer>().Select(x => x.Value)]),
        BoundAggregateInitializer { Type: VectorType v } a when a.Elements.All(x => x is BoundExpressionInitializer) =>
            BindVectorConstruct(span, v, [.. a.Elements.Cast<BoundExpressionInitializer>().Select(x => x.Value)], exactCount: false),
        _ => Unsupported(span),
    };

    private BoundExpression Unsupported(SourceSpan span)
    {
        Error(SemanticCode.UnsupportedConstruct, span, "this initializer list cannot be used as a value");
        return new BoundErrorExpression(span);
    }
}
