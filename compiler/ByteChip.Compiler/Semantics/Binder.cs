using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Syntax;
using ByteChip.Compiler.Syntax.Ast;
using ByteChip.Isa;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Semantics;

/// <summary>
/// The binder: one pass over the declarations in source order (C requires declaration before use), binding each
/// function body when its definition is reached. Struct member functions are bound after the whole struct, and
/// template instances when first used. One partial file per aspect.
/// </summary>
internal sealed partial class Binder
{
    private readonly DiagnosticBag _diagnostics;
    private readonly SemanticOptions _options;
    private readonly Scope _global = new(null, ScopeKind.Global);
    private readonly List<FunctionSymbol> _functions = [];
    private readonly List<VariableSymbol> _globals = [];
    private readonly List<StructSymbol> _structs = [];
    private readonly Dictionary<FunctionSymbol, HashSet<FunctionSymbol>> _calls = [];
    private readonly int _errorsBefore;

    /// <summary>Locals assigned after their declaration (a value computed from threadIdx stays provably per-thread only while unassigned).</summary>
    private readonly HashSet<VariableSymbol> _assigned = [];

    private Scope _scope;
    private FunctionContext? _context;

    public Binder(DiagnosticBag diagnostics, SemanticOptions options)
    {
        _diagnostics = diagnostics;
        _options = options;
        _scope = _global;
        _errorsBefore = diagnostics.ErrorCount;
        DeclareBuiltinVariables();
    }

    private TargetInfo Target => _options.Target;

    /// <summary>State of the function body being bound.</summary>
    private sealed class FunctionContext(FunctionSymbol function)
    {
        public FunctionSymbol Function { get; } = function;

        public int LoopDepth { get; set; }

        public int BreakableDepth { get; set; }

        public Stack<List<BoundCaseLabel>> Switches { get; } = new();

        public HashSet<string> Labels { get; } = new(StringComparer.Ordinal);

        public List<(string Label, SourceSpan Span)> Gotos { get; } = [];

        public List<VariableSymbol> Locals { get; } = [];

        /// <summary>Nesting depth of conditions that depend on the thread index (for the __syncthreads warning).</summary>
        public int DivergentDepth { get; set; }

        public long SharedBytes { get; set; }
    }

    public SemanticModel BindTranslationUnit(TranslationUnitSyntax unit)
    {
        foreach (var d in unit.Declarations)
        {
            BindDeclaration(d, isGlobal: true);
        }
        foreach (var launch in unit.HostLaunches)
        {
            InstantiateHostLaunch(launch);
        }
        CheckRecursion();
        CheckTargetLimits();
        return new SemanticModel(unit, Target, [.. _functions.Where(f => f.Body != null && f.IsDeviceCallable)], [.. _globals], [.. _structs], _diagnostics.ErrorCount > _errorsBefore);
    }

    // ------------------------------------------------------------------ diagnostics

    private void Error(SemanticCode code, SourceSpan span, string message, params Diagnostic[] notes) =>
        _diagnostics.Error((int)code, span.Start, message, [.. notes, .. ExpansionNotes(span)]);

    private void Warning(SemanticCode code, SourceSpan span, string message, params Diagnostic[] notes) =>
        _diagnostics.Warning((int)code, span.Start, message, [.. notes, .. ExpansionNotes(span)]);

    private static IEnumerable<Diagnostic> ExpansionNotes(SourceSpan span)
    {
        for (var e = span.Expansion; e != null; e = e.Parent)
        {
            yield return DiagnosticBag.Note(e.DefinitionLocation, $"expanded from macro '{e.MacroName}'");
        }
    }

    private static Diagnostic DeclaredHere(Symbol symbol, string what = "declared here") => DiagnosticBag.Note(symbol.Span.Start, $"'{symbol.Name}' {what}");

    // ------------------------------------------------------------------ built-in variables

    private void DeclareBuiltinVariables()
    {
        var span = new SourceSpan(new SourceLocation(Preprocessor.SourceManager.BuiltinPrefix + "builtins", 1, 1), new SourceLocation(Preprocessor.SourceManager.BuiltinPrefix + "builtins", 1, 1));
        foreach (var name in new[] { "threadIdx", "blockIdx" })
        {
            _global.Add(new VariableSymbol(name, span, Types.UInt3.WithConst(), StorageKind.Builtin));
        }
        foreach (var name in new[] { "blockDim", "gridDim" })
        {
            _global.Add(new VariableSymbol(name, span, Types.Dim3.WithConst(), StorageKind.Builtin));
        }
        _global.Add(new VariableSymbol("warpSize", span, Types.Int.WithConst(), StorageKind.Builtin) { ConstantValue = Target.WarpSize });
    }

    // ------------------------------------------------------------------ declarations

    private void BindDeclaration(DeclarationSyntax d, bool isGlobal, List<BoundStatement>? statements = null)
    {
        switch (d)
        {
            case SimpleDeclarationSyntax s:
                BindSimpleDeclaration(s, isGlobal, statements, owner: null, fields: null);
                break;
            case FunctionDefinitionSyntax f:
                var function = DeclareFunction(f.Specifiers, f.Declarator, f, owner: null);
                if (function != null)
                {
                    BindFunctionBody(function, f);
                }
                break;
            case TemplateDeclarationSyntax t:
                DeclareTemplate(t, owner: null);
                break;
            case TypeAliasSyntax a:
                DeclareAlias(a.Name, ResolveType(a.Type), a.Span);
                break;
            case StaticAssertSyntax sa:
                if (ConstantValueOf(sa.Condition, "static_assert expression is not an integral constant expression") == 0)
                {
                    Error(SemanticCode.StaticAssertFailed, sa.Span, "static assertion failed" + (sa.Message != null ? ": " + sa.Message : ""));
                }
                break;
            case PragmaDeclarationSyntax or HostCodeSyntax or AccessSpecifierSyntax or ErrorDeclarationSyntax:
                break;
        }
    }

    private void DeclareAlias(string name, TypeSymbol type, SourceSpan span)
    {
        foreach (var existing in _scope.LookupLocal(name))
        {
            if (existing is TypeAliasSymbol a && Conversions.SameType(a.Type, type)
                || existing is StructSymbol s && type is StructType st && st.Symbol == s
                || existing is EnumSymbol e && type is EnumType et && et.Symbol == e)
            {
                return; // a repeated typedef, or typedef struct Node {...} Node;
            }
            Error(SemanticCode.Redeclaration, span, $"redefinition of '{name}'", DeclaredHere(existing, "previously declared here"));
            return;
        }
        _scope.Add(new TypeAliasSymbol(name, span, type));
    }

    private void DeclareTemplate(TemplateDeclarationSyntax t, StructSymbol? owner)
    {
        string? name = t.Declaration switch
        {
            FunctionDefinitionSyntax f => DeclaratorName(f.Declarator)?.Name,
            SimpleDeclarationSyntax { Declarators: [var first] } s when s.Specifiers.Struct == null => DeclaratorName(first.Declarator)?.Name,
            _ => null,
        };
        if (name == null)
        {
            Error(SemanticCode.UnsupportedConstruct, t.Span, "only function templates are supported (class templates are not)");
            return;
        }
        if (t.Declaration is not FunctionDefinitionSyntax)
        {
            return; // a forward declaration of a function template: the definition declares it
        }
        _scope.Add(new TemplateSymbol(name, t.Span, t, _scope) { DeclaringStruct = owner });
    }

    internal static NameDeclaratorSyntax? DeclaratorName(DeclaratorSyntax d) => d switch
    {
        NameDeclaratorSyntax n => n,
        PointerDeclaratorSyntax p => DeclaratorName(p.Inner),
        ReferenceDeclaratorSyntax r => DeclaratorName(r.Inner),
        ArrayDeclaratorSyntax a => DeclaratorName(a.Inner),
        FunctionDeclaratorSyntax f => DeclaratorName(f.Inner),
        _ => null,
    };

    /// <summary>The function declarator that applies to the name (the parameters of the declared function).</summary>
    internal static FunctionDeclaratorSyntax? NameFunctionDeclarator(DeclaratorSyntax d) => d switch
    {
        FunctionDeclaratorSyntax { Inner: NameDeclaratorSyntax } f => f,
        FunctionDeclaratorSyntax f => NameFunctionDeclarator(f.Inner),
        PointerDeclaratorSyntax p => NameFunctionDeclarator(p.Inner),
        ReferenceDeclaratorSyntax r => NameFunctionDeclarator(r.Inner),
        ArrayDeclaratorSyntax a => NameFunctionDeclarator(a.Inner),
        _ => null,
    };

    private void BindSimpleDeclaration(SimpleDeclarationSyntax s, bool isGlobal, List<BoundStatement>? statements, StructSymbol? owner, List<FieldSymbol>? fields)
    {
        var spec = s.Specifiers;
        var baseType = ResolveSpecifiers(spec, allowAuto: !isGlobal && owner == null);
        if (spec.Has("typedef"))
        {
            foreach (var d in s.Declarators)
            {
                var (name, type) = ApplyDeclarator(d.Declarator, baseType);
                if (name != null)
                {
                    DeclareAlias(name, type, d.Span);
                }
            }
            return;
        }
        foreach (var d in s.Declarators)
        {
            if (ApplyDeclarator(d.Declarator, baseType, report: false).Type is FunctionType)
            {
                DeclareFunction(spec, d.Declarator, null, owner);
                continue;
            }
            if (owner != null && fields != null)
            {
                var (fieldName, fieldType) = ApplyDeclarator(d.Declarator, baseType);
                if (fieldName == null)
                {
                    continue;
                }
                if (fields.Any(f => f.Name == fieldName))
                {
                    Error(SemanticCode.Redeclaration, d.Span, $"duplicate member '{fieldName}'");
                    continue;
                }
                if (IsIncomplete(fieldType))
                {
                    Error(SemanticCode.IncompleteType, d.Span, $"field has incomplete type '{fieldType}'");
                    fieldType = Types.Error;
                }
                fields.Add(new FieldSymbol(fieldName, d.Span, fieldType, fields.Count));
                continue;
            }
            var statement = BindVariable(spec, d, baseType, isGlobal);
            if (statement != null)
            {
                statements?.Add(statement);
            }
        }
    }

    private static bool IsIncomplete(TypeSymbol t) => t.Unqualified is VoidType || t is StructType { Symbol.IsComplete: false };

    private static ExecutionSpace SpaceOf(DeclSpecifiersSyntax spec)
    {
        var space = ExecutionSpace.None;
        if (spec.Has("__global__"))
        {
            space |= ExecutionSpace.Global;
        }
        if (spec.Has("__device__"))
        {
            space |= ExecutionSpace.Device;
        }
        if (spec.Has("__host__") || space == ExecutionSpace.None)
        {
            space |= ExecutionSpace.Host;
        }
        return space;
    }
}
