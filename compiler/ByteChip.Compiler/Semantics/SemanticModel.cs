using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Syntax.Ast;
using ByteChip.Isa;

namespace ByteChip.Compiler.Semantics;

/// <summary>
/// The result of semantic analysis and the input of IR generation. Everything device code needs is here, typed
/// and resolved; IR generation never looks at the syntax. Lower it only when <see cref="HasErrors"/> is false.
/// </summary>
public sealed class SemanticModel
{
    internal SemanticModel(TranslationUnitSyntax syntax, TargetInfo target, ImmutableArray<FunctionSymbol> functions, ImmutableArray<VariableSymbol> globals, ImmutableArray<StructSymbol> structs, bool hasErrors)
    {
        Syntax = syntax;
        Target = target;
        Functions = functions;
        Globals = globals;
        Structs = structs;
        HasErrors = hasErrors;
    }

    public TranslationUnitSyntax Syntax { get; }

    /// <summary>The target the model was checked for (<c>n4</c>/<c>n5</c>), from the ISA spec.</summary>
    public TargetInfo Target { get; }

    /// <summary>
    /// Every device function with a body, in definition order: kernels, <c>__device__</c> functions, member
    /// functions and constructors, and template instances. Built-ins (no body) are reached through calls.
    /// </summary>
    public ImmutableArray<FunctionSymbol> Functions { get; }

    public IEnumerable<FunctionSymbol> Kernels => Functions.Where(f => f.IsKernel);

    /// <summary>File-scope device variables: <c>__device__</c>, <c>__constant__</c> and <c>__shared__</c> (static and dynamic).</summary>
    public ImmutableArray<VariableSymbol> Globals { get; }

    public ImmutableArray<StructSymbol> Structs { get; }

    /// <summary>True when any diagnostic of the compilation is an error; such a model must not be lowered.</summary>
    public bool HasErrors { get; }
}

/// <summary>Options of the semantic analysis.</summary>
public sealed record SemanticOptions
{
    /// <summary>The target; decides features (dp4a, mma) and limits (shared and constant memory).</summary>
    public TargetInfo Target { get; init; } = TargetInfo.Find("n4")!;
}

/// <summary>The entry point of the semantic analysis.</summary>
public static class SemanticAnalyzer
{
    /// <summary>
    /// Binds <paramref name="syntax"/>: declares every name, types every expression, instantiates templates and
    /// reports semantic diagnostics into <paramref name="diagnostics"/>.
    /// </summary>
    public static SemanticModel Analyze(TranslationUnitSyntax syntax, DiagnosticBag diagnostics, SemanticOptions? options = null)
    {
        var binder = new Binder(diagnostics, options ?? new SemanticOptions());
        return binder.BindTranslationUnit(syntax);
    }
}
