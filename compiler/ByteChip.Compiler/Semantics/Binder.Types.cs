using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>The placeholder of <c>auto</c> until the initializer gives the type.</summary>
internal sealed record AutoType : TypeSymbol
{
    public static AutoType Instance { get; } = new();

    public override string Name => "auto";
}

/// <summary>Types: declaration specifiers, declarators, structs and enums.</summary>
internal sealed partial class Binder
{
    private TypeSymbol ResolveType(TypeSyntax type) => ApplyDeclarator(type.Declarator, ResolveSpecifiers(type.Specifiers, allowAuto: false)).Type;

    private TypeSymbol ResolveSpecifiers(DeclSpecifiersSyntax spec, bool allowAuto)
    {
        int longs = 0, ints = 0, shorts = 0, chars = 0, signeds = 0, unsigneds = 0, floats = 0, doubles = 0, voids = 0, bools = 0, halfs = 0, autos = 0;
        foreach (var k in spec.Keywords)
        {
            switch (k)
            {
                case "long": longs++; break;
                case "int": ints++; break;
                case "short": shorts++; break;
                case "char": chars++; break;
                case "signed": signeds++; break;
                case "unsigned": unsigneds++; break;
                case "float": floats++; break;
                case "double": doubles++; break;
                case "void": voids++; break;
                case "bool" or "_Bool": bools++; break;
                case "__half": halfs++; break;
                case "auto": autos++; break;
            }
        }
        TypeSymbol? type = null;
        int kinds = (floats + doubles + voids + bools + halfs + autos > 0 ? 1 : 0) + (spec.NamedType != null ? 1 : 0) + (spec.Struct != null ? 1 : 0) + (spec.Enum != null ? 1 : 0);
        bool integerWords = longs + ints + shorts + chars + signeds + unsigneds > 0;
        if (kinds > 1 || (kinds == 1 && integerWords && !(doubles == 1 && longs == 1)))
        {
            Error(SemanticCode.UnknownTypeName, spec.Span, "cannot combine these type specifiers");
            return Types.Error;
        }
        if (spec.Struct != null)
        {
            type = DeclareStruct(spec.Struct);
        }
        else if (spec.Enum != null)
        {
            type = DeclareEnum(spec.Enum);
        }
        else if (spec.NamedType != null)
        {
            type = LookupType(spec.NamedType);
        }
        else if (autos > 0)
        {
            if (!allowAuto)
            {
                Error(SemanticCode.UnsupportedConstruct, spec.Span, "'auto' is only supported for local variables with an initializer");
                return Types.Error;
            }
            type = AutoType.Instance;
        }
        else if (voids > 0)
        {
            type = Types.Void;
        }
        else if (bools > 0)
        {
            type = Types.Bool;
        }
        else if (floats > 0)
        {
            type = Types.Float;
        }
        else if (doubles > 0)
        {
            type = Types.Double; // long double is double on the device
        }
        else if (halfs > 0)
        {
            type = Types.Half;
        }
        else if (integerWords)
        {
            if (signeds > 0 && unsigneds > 0 || longs > 2 || (shorts > 0 && (longs > 0 || chars > 0)) || (chars > 0 && longs > 0))
            {
                Error(SemanticCode.UnknownTypeName, spec.Span, "cannot combine these type specifiers");
                return Types.Error;
            }
            bool u = unsigneds > 0;
            type = chars > 0 ? (u ? Types.UChar : signeds > 0 ? new IntegerType(IntegerKind.SChar) : Types.Char)
                : shorts > 0 ? (u ? Types.UShort : Types.Short)
                : longs == 2 ? (u ? Types.ULongLong : Types.LongLong)
                : longs == 1 ? (u ? Types.ULong : Types.Long)
                : u ? Types.UInt : Types.Int;
        }
        if (type == null)
        {
            Error(SemanticCode.UnknownTypeName, spec.Span, "a type specifier is required for all declarations");
            return Types.Error;
        }
        bool isConst = spec.Has("const") || spec.Has("constexpr");
        bool isVolatile = spec.Has("volatile");
        return isConst || isVolatile ? type with { IsConst = isConst || type.IsConst, IsVolatile = isVolatile || type.IsVolatile } : type;
    }

    private TypeSymbol LookupType(TypeReferenceSyntax named)
    {
        if (!named.TemplateArguments.IsDefaultOrEmpty)
        {
            Error(SemanticCode.UnsupportedConstruct, named.Span, $"class templates are not supported ('{named.Name}<...>')");
            return Types.Error;
        }
        foreach (var symbol in _scope.Lookup(named.Name))
        {
            switch (symbol)
            {
                case TypeAliasSymbol a:
                    return a.Type;
                case StructSymbol s:
                    return new StructType(s);
                case EnumSymbol e:
                    return new EnumType(e);
            }
        }
        if (Types.Vector(named.Name) is { } vector)
        {
            return vector;
        }
        Error(SemanticCode.UnknownTypeName, named.Span, $"unknown type name '{named.Name}'");
        return Types.Error;
    }

    /// <summary>Applies a declarator to <paramref name="baseType"/>; returns the declared name (null when abstract) and its type.</summary>
    private (string? Name, TypeSymbol Type) ApplyDeclarator(DeclaratorSyntax declarator, TypeSymbol baseType, bool report = true)
    {
        switch (declarator)
        {
            case NameDeclaratorSyntax n:
                return (n.Name, baseType);
            case PointerDeclaratorSyntax p:
                if (baseType is ReferenceType)
                {
                    if (report)
                    {
                        Error(SemanticCode.UnsupportedConstruct, p.Span, "'type name' declared as a pointer to a reference");
                    }
                    return ApplyDeclarator(p.Inner, Types.Error, report);
                }
                var pointer = new PointerType(baseType) { IsConst = p.Qualifiers.Contains("const"), IsVolatile = p.Qualifiers.Contains("volatile"), IsRestrict = p.Qualifiers.Any(q => q.Contains("restrict", StringComparison.Ordinal)) };
                return ApplyDeclarator(p.Inner, pointer, report);
            case ReferenceDeclaratorSyntax r:
                return ApplyDeclarator(r.Inner, baseType is ReferenceType ? baseType : new ReferenceType(baseType), report);
            case ArrayDeclaratorSyntax a:
                long? length = null;
                if (a.Size != null)
                {
                    var size = BindExpression(a.Size);
                    if (size.ConstantValue is long n && size.Type.IsInteger)
                    {
                        if (n <= 0 && report)
                        {
                            Error(SemanticCode.InvalidArraySize, a.Size.Span, n == 0 ? "zero-length arrays are not supported" : "array has negative size");
                        }
                        length = Math.Max(1, n);
                    }
                    else
                    {
                        if (!size.Type.IsError && report)
                        {
                            Error(SemanticCode.NotConstantExpression, a.Size.Span, "array size is not an integer constant expression (variable-length arrays are not supported)");
                        }
                        length = 1; // reported (or an error already was): do not also complain about a missing size
                    }
                }
                if (IsIncomplete(baseType) && report)
                {
                    Error(SemanticCode.IncompleteType, a.Span, $"array has incomplete element type '{baseType}'");
                    baseType = Types.Error;
                }
                return ApplyDeclarator(a.Inner, new ArrayType(baseType, length), report);
            case FunctionDeclaratorSyntax f:
                var parameters = ImmutableArray.CreateBuilder<TypeSymbol>();
                foreach (var p in f.Parameters)
                {
                    var t = ParameterType(p);
                    if (t.Unqualified is VoidType && f.Parameters.Length == 1 && DeclaratorName(p.Declarator)?.Name == null)
                    {
                        break; // f(void)
                    }
                    parameters.Add(t);
                }
                return ApplyDeclarator(f.Inner, new FunctionType(baseType, parameters.ToImmutable(), f.IsVariadic), report);
            default:
                return (null, baseType);
        }
    }

    /// <summary>A parameter's type after adjustment: arrays become pointers (C11 6.7.6.3p7).</summary>
    private TypeSymbol ParameterType(ParameterSyntax p)
    {
        var (_, t) = ApplyDeclarator(p.Declarator, ResolveSpecifiers(p.Specifiers, allowAuto: false));
        return t is ArrayType a ? new PointerType(a.Element) : t;
    }

    // ------------------------------------------------------------------ structs and enums

    private TypeSymbol DeclareStruct(StructSpecifierSyntax s)
    {
        StructSymbol? symbol = null;
        if (s.Name != null)
        {
            symbol = FindStructTag(s.Name, out var declaredHere);
            if (symbol != null && s.IsDefinition && !declaredHere)
            {
                symbol = null; // a definition in an inner scope declares a new struct
            }
        }
        if (symbol != null && s.IsDefinition && symbol.IsComplete)
        {
            Error(SemanticCode.Redeclaration, s.Span, $"redefinition of '{s.Name}'", DeclaredHere(symbol, "previously defined here"));
            return new StructType(symbol);
        }
        if (symbol == null)
        {
            symbol = new StructSymbol(s.Name ?? $"<anonymous@{s.Span.Start.Line}:{s.Span.Start.Column}>", s.Span, s.IsUnion);
            _scope.Add(symbol);
            _structs.Add(symbol);
        }
        if (s.Members is { } members)
        {
            symbol.Span = s.Span;
            DefineStruct(symbol, members, s.Attributes);
        }
        return new StructType(symbol);
    }

    /// <summary>The struct a tag names, through the injected class name inside its own body too.</summary>
    private StructSymbol? FindStructTag(string name, out bool inCurrentScope)
    {
        inCurrentScope = false;
        for (var scope = _scope; scope != null; scope = scope.Parent)
        {
            foreach (var symbol in scope.LookupLocal(name))
            {
                var found = symbol switch
                {
                    StructSymbol st => st,
                    TypeAliasSymbol { Type: StructType t } when t.Symbol.Name == name => t.Symbol,
                    _ => null,
                };
                if (found != null)
                {
                    inCurrentScope = scope == _scope;
                    return found;
                }
            }
        }
        return null;
    }

    private void DefineStruct(StructSymbol symbol, ImmutableArray<DeclarationSyntax> members, ImmutableArray<AttributeSyntax> attributes)
    {
        var fields = new List<FieldSymbol>();
        var outer = _scope;
        var structScope = new Scope(_scope, ScopeKind.Struct);
        structScope.Add(new TypeAliasSymbol(symbol.Name, symbol.Span, new StructType(symbol)));
        _scope = structScope;
        var pending = new List<(FunctionSymbol, FunctionDefinitionSyntax)>();
        try
        {
            foreach (var m in members)
            {
                switch (m)
                {
                    case SimpleDeclarationSyntax sd when !sd.Specifiers.Has("typedef"):
                        if (sd.Specifiers.Has("static") && !sd.Declarators.All(d => NameFunctionDeclarator(d.Declarator) != null))
                        {
                            DeclareStaticConstants(symbol, sd);
                            continue;
                        }
                        BindSimpleDeclaration(sd, isGlobal: false, null, symbol, fields);
                        break;
                    case FunctionDefinitionSyntax fd:
                        if (DeclareFunction(fd.Specifiers, fd.Declarator, fd, symbol) is { } method)
                        {
                            pending.Add((method, fd));
                        }
                        break;
                    case TemplateDeclarationSyntax td:
                        DeclareTemplate(td, symbol);
                        break;
                    default:
                        BindDeclaration(m, isGlobal: false);
                        break;
                }
            }
            Layout(symbol, fields, attributes);
            symbol.IsComplete = true;
            // Member function bodies see every member, so they are bound after the struct is complete.
            foreach (var (method, fd) in pending)
            {
                BindFunctionBody(method, fd);
            }
        }
        finally
        {
            _scope = outer;
        }
    }

    /// <summary>
    /// <c>static const int identity = 0;</c> / <c>static constexpr bool neg = true;</c>: integer constants of the struct,
    /// used as <c>Op::identity</c> or by their plain name in member functions. Other static data members need storage
    /// outside the object, which the subset does not have.
    /// </summary>
    private void DeclareStaticConstants(StructSymbol owner, SimpleDeclarationSyntax sd)
    {
        var baseType = ResolveSpecifiers(sd.Specifiers, allowAuto: false);
        foreach (var d in sd.Declarators)
        {
            var (name, type) = ApplyDeclarator(d.Declarator, baseType);
            if (name == null || type.IsError)
            {
                continue;
            }
            bool isConstant = sd.Specifiers.Has("constexpr") || type.IsConst;
            if (!isConstant || !(type.Unqualified.IsInteger || type.Unqualified is BoolType or EnumType) || d.Initializer is not ExpressionInitializerSyntax init)
            {
                Error(SemanticCode.UnsupportedConstruct, d.Span, $"static data member '{name}' is not supported (only static const/constexpr integer members with an initializer)");
                continue;
            }
            var value = ConvertImplicit(BindExpression(init.Value), type.Unqualified, init.Value.Span, "initializing");
            if (value.ConstantValue is not long v)
            {
                if (!value.Type.IsError)
                {
                    Error(SemanticCode.NotConstantExpression, init.Value.Span, $"in-class initializer for static data member '{name}' is not a constant expression");
                }
                continue;
            }
            if (owner.StaticConstants.Any(c => c.Name == name) || owner.Methods.Any(m => m.Name == name))
            {
                Error(SemanticCode.Redeclaration, d.Span, $"duplicate member '{name}'");
                continue;
            }
            var constant = new ConstantSymbol(name, d.Span, type.Unqualified, v);
            owner.StaticConstants = owner.StaticConstants.Add(constant);
            _scope.Add(constant);
        }
    }

    private void Layout(StructSymbol symbol, List<FieldSymbol> fields, ImmutableArray<AttributeSyntax> attributes)
    {
        long offset = 0, align = 1, size = 0;
        foreach (var f in fields)
        {
            long a = Types.AlignOf(f.Type), s = Types.SizeOf(f.Type);
            align = Math.Max(align, a);
            if (symbol.IsUnion)
            {
                f.Offset = 0;
                size = Math.Max(size, s);
            }
            else
            {
                offset = (offset + a - 1) / a * a;
                f.Offset = offset;
                offset += s;
                size = offset;
            }
        }
        foreach (var attr in attributes.Where(a => a.Name is "__align__" or "alignas" && a.Arguments.Length == 1))
        {
            if (BindExpression(attr.Arguments[0]).ConstantValue is long requested && requested > 0 && (requested & (requested - 1)) == 0)
            {
                align = Math.Max(align, requested);
            }
        }
        symbol.Fields = [.. fields];
        symbol.Alignment = align;
        symbol.Size = Math.Max(align, (size + align - 1) / align * align);
        if (fields.Count == 0)
        {
            symbol.Size = 1;
        }
    }

    private TypeSymbol DeclareEnum(EnumSpecifierSyntax e)
    {
        EnumSymbol? symbol = e.Name != null ? _scope.Lookup(e.Name).OfType<EnumSymbol>().FirstOrDefault() : null;
        if (e.Enumerators is not { } enumerators)
        {
            if (symbol == null)
            {
                Error(SemanticCode.IncompleteType, e.Span, $"use of undeclared enum '{e.Name}'");
                return Types.Error;
            }
            return new EnumType(symbol);
        }
        symbol = new EnumSymbol(e.Name ?? $"<anonymous@{e.Span.Start.Line}>", e.Span);
        if (e.Name != null)
        {
            _scope.Add(symbol);
        }
        if (e.UnderlyingType is { } u)
        {
            symbol.Underlying = ResolveSpecifiers(u, allowAuto: false);
        }
        long next = 0;
        var list = ImmutableArray.CreateBuilder<EnumeratorSymbol>();
        foreach (var en in enumerators)
        {
            if (en.Value != null && ConstantValueOf(en.Value, "expression is not an integral constant expression") is long value)
            {
                next = value;
            }
            var symbolValue = new EnumeratorSymbol(en.Name, en.Span, symbol, next++);
            list.Add(symbolValue);
            if (!e.IsScoped)
            {
                DeclareOrdinary(symbolValue, en.Span);
            }
        }
        symbol.Enumerators = list.ToImmutable();
        return new EnumType(symbol);
    }

    /// <summary>Adds a variable-like symbol to the current scope, reporting a redeclaration in the same scope.</summary>
    private bool DeclareOrdinary(Symbol symbol, SourceSpan span)
    {
        foreach (var existing in _scope.LookupLocal(symbol.Name))
        {
            if (existing is VariableSymbol { Storage: StorageKind.Host or StorageKind.Global or StorageKind.Constant or StorageKind.Shared or StorageKind.DynamicShared } v
                && symbol is VariableSymbol nv && nv.Storage == v.Storage && Conversions.SameType(v.Type, nv.Type) && (v.Initializer == null || nv.Initializer == null))
            {
                return false; // extern declaration followed by the definition
            }
            Error(SemanticCode.Redeclaration, span, existing is FunctionSymbol or TemplateSymbol ? $"redefinition of '{symbol.Name}' as different kind of symbol" : $"redefinition of '{symbol.Name}'",
                DeclaredHere(existing, "previously declared here"));
            return false;
        }
        _scope.Add(symbol);
        return true;
    }
}
