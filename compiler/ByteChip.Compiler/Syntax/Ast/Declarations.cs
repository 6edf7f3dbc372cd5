namespace ByteChip.Compiler.Syntax.Ast;

// ------------------------------------------------------------------ specifiers and types

/// <summary>
/// The declaration specifiers of a declaration: keywords in source order (<c>static</c>, <c>const</c>,
/// <c>unsigned</c>, <c>long</c>, <c>__global__</c>, ...), at most one named type, struct or enum, and attributes.
/// </summary>
public sealed record DeclSpecifiersSyntax(SourceSpan Span, ImmutableArray<string> Keywords, TypeReferenceSyntax? NamedType, StructSpecifierSyntax? Struct, EnumSpecifierSyntax? Enum, ImmutableArray<AttributeSyntax> Attributes) : SyntaxNode(Span)
{
    /// <summary>The string of <c>extern "C"</c>, when present.</summary>
    public string? Linkage { get; init; }

    public bool Has(string keyword) => Keywords.Contains(keyword);
}

/// <summary>A use of a type name: <c>float4</c>, <c>T</c>, <c>cg::thread_block</c>, <c>Vec&lt;3&gt;</c>.</summary>
public sealed record TypeReferenceSyntax(SourceSpan Span, string Name, string? Qualifier, ImmutableArray<TemplateArgumentSyntax> TemplateArguments) : SyntaxNode(Span);

/// <summary><c>__launch_bounds__(...)</c>, <c>__align__(n)</c>, <c>alignas(n)</c> or <c>__attribute__((...))</c>.</summary>
public sealed record AttributeSyntax(SourceSpan Span, string Name, ImmutableArray<ExpressionSyntax> Arguments, string Text) : SyntaxNode(Span);

/// <summary>A type as written in a cast, <c>sizeof</c> or template argument: specifiers and an abstract declarator.</summary>
public sealed record TypeSyntax(SourceSpan Span, DeclSpecifiersSyntax Specifiers, DeclaratorSyntax Declarator) : SyntaxNode(Span);

public abstract record TemplateArgumentSyntax(SourceSpan Span) : SyntaxNode(Span);

public sealed record TypeTemplateArgumentSyntax(SourceSpan Span, TypeSyntax Type) : TemplateArgumentSyntax(Span);

public sealed record ValueTemplateArgumentSyntax(SourceSpan Span, ExpressionSyntax Value) : TemplateArgumentSyntax(Span);

/// <summary><c>struct S { ... }</c> or a reference <c>struct S</c> (<see cref="Members"/> is default then).</summary>
public sealed record StructSpecifierSyntax(SourceSpan Span, bool IsUnion, string? Name, ImmutableArray<DeclarationSyntax>? Members, ImmutableArray<AttributeSyntax> Attributes) : SyntaxNode(Span)
{
    public bool IsDefinition => Members != null;
}

public sealed record EnumSpecifierSyntax(SourceSpan Span, string? Name, bool IsScoped, DeclSpecifiersSyntax? UnderlyingType, ImmutableArray<EnumeratorSyntax>? Enumerators) : SyntaxNode(Span);

public sealed record EnumeratorSyntax(SourceSpan Span, string Name, ExpressionSyntax? Value) : SyntaxNode(Span);

// ------------------------------------------------------------------ declarators

/// <summary>
/// A C declarator, read inside out: the type of the declared name is the specifiers' type transformed by each
/// wrapper from the outermost one in. <c>int *a[10]</c> is Pointer(Array(Name a)): int → int* → int*[10].
/// </summary>
public abstract record DeclaratorSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>The declared name, or no name in an abstract declarator. <see cref="OperatorSymbol"/> names <c>operator+</c> and friends.</summary>
public sealed record NameDeclaratorSyntax(SourceSpan Span, string? Name, string? Qualifier, string? OperatorSymbol) : DeclaratorSyntax(Span);

public sealed record PointerDeclaratorSyntax(SourceSpan Span, DeclaratorSyntax Inner, ImmutableArray<string> Qualifiers) : DeclaratorSyntax(Span);

public sealed record ReferenceDeclaratorSyntax(SourceSpan Span, DeclaratorSyntax Inner, bool IsRValue) : DeclaratorSyntax(Span);

public sealed record ArrayDeclaratorSyntax(SourceSpan Span, DeclaratorSyntax Inner, ExpressionSyntax? Size) : DeclaratorSyntax(Span);

public sealed record FunctionDeclaratorSyntax(SourceSpan Span, DeclaratorSyntax Inner, ImmutableArray<ParameterSyntax> Parameters, bool IsVariadic, ImmutableArray<string> Qualifiers) : DeclaratorSyntax(Span);

public sealed record ParameterSyntax(SourceSpan Span, DeclSpecifiersSyntax Specifiers, DeclaratorSyntax Declarator, ExpressionSyntax? Default) : SyntaxNode(Span);

// ------------------------------------------------------------------ declarations

public abstract record DeclarationSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>Variables, typedefs, function prototypes, struct/enum declarations: specifiers and zero or more declarators.</summary>
public sealed record SimpleDeclarationSyntax(SourceSpan Span, DeclSpecifiersSyntax Specifiers, ImmutableArray<InitDeclaratorSyntax> Declarators) : DeclarationSyntax(Span);

public sealed record InitDeclaratorSyntax(SourceSpan Span, DeclaratorSyntax Declarator, InitializerSyntax? Initializer) : SyntaxNode(Span);

/// <summary>
/// A function definition (also constructors, with <see cref="IsConstructor"/>). A host function's body is not
/// parsed: <see cref="Body"/> is null and <see cref="HasHostBody"/> is true.
/// </summary>
public sealed record FunctionDefinitionSyntax(SourceSpan Span, DeclSpecifiersSyntax Specifiers, DeclaratorSyntax Declarator, BlockStatementSyntax? Body, bool HasHostBody) : DeclarationSyntax(Span)
{
    public bool IsConstructor { get; init; }

    public ImmutableArray<MemberInitializerSyntax> MemberInitializers { get; init; } = [];
}

public sealed record MemberInitializerSyntax(SourceSpan Span, string Member, ImmutableArray<ExpressionSyntax> Arguments) : SyntaxNode(Span);

/// <summary><c>template &lt;...&gt;</c> around a function (or struct) declaration.</summary>
public sealed record TemplateDeclarationSyntax(SourceSpan Span, ImmutableArray<TemplateParameterSyntax> Parameters, DeclarationSyntax Declaration) : DeclarationSyntax(Span);

/// <summary><c>typename T</c> (<see cref="ValueType"/> null) or <c>int N</c>.</summary>
public sealed record TemplateParameterSyntax(SourceSpan Span, string Name, DeclSpecifiersSyntax? ValueType, TemplateArgumentSyntax? Default) : SyntaxNode(Span);

/// <summary><c>using Name = Type;</c></summary>
public sealed record TypeAliasSyntax(SourceSpan Span, string Name, TypeSyntax Type) : DeclarationSyntax(Span);

public sealed record StaticAssertSyntax(SourceSpan Span, ExpressionSyntax Condition, string? Message) : DeclarationSyntax(Span);

/// <summary>Host-only code that was recognised and skipped (namespaces, classes, host templates, std:: declarations).</summary>
public sealed record HostCodeSyntax(SourceSpan Span) : DeclarationSyntax(Span);

/// <summary>A <c>#pragma</c> at file or struct level (kept, ignored by the semantic analysis with a warning).</summary>
public sealed record PragmaDeclarationSyntax(SourceSpan Span, string Text) : DeclarationSyntax(Span);

/// <summary><c>public:</c> in a struct body.</summary>
public sealed record AccessSpecifierSyntax(SourceSpan Span, string Access) : DeclarationSyntax(Span);

/// <summary>A declaration the parser could not read.</summary>
public sealed record ErrorDeclarationSyntax(SourceSpan Span) : DeclarationSyntax(Span);

// ------------------------------------------------------------------ initializers

public abstract record InitializerSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>= expression</c></summary>
public sealed record ExpressionInitializerSyntax(SourceSpan Span, ExpressionSyntax Value) : InitializerSyntax(Span);

/// <summary><c>= { ... }</c> or <c>{ ... }</c></summary>
public sealed record BraceInitializerSyntax(SourceSpan Span, ImmutableArray<InitializerItemSyntax> Items) : InitializerSyntax(Span);

/// <summary><c>T x(a, b)</c></summary>
public sealed record ConstructorInitializerSyntax(SourceSpan Span, ImmutableArray<ExpressionSyntax> Arguments) : InitializerSyntax(Span);

/// <summary>One element of a brace initializer, with optional designators (<c>.x = 1</c>, <c>[2] = 3</c>).</summary>
public sealed record InitializerItemSyntax(SourceSpan Span, ImmutableArray<DesignatorSyntax> Designators, InitializerSyntax Value) : SyntaxNode(Span);

public sealed record DesignatorSyntax(SourceSpan Span, string? Member, ExpressionSyntax? Index) : SyntaxNode(Span);
