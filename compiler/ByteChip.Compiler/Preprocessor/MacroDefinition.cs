using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>What a <c>#define</c> made. <see cref="Parameters"/> is null for object-like macros.</summary>
public sealed record MacroDefinition(string Name, IReadOnlyList<string>? Parameters, bool IsVariadic, IReadOnlyList<PpToken> Body, SourceLocation Location)
{
    public bool IsFunctionLike => Parameters != null;

    /// <summary><c>__FILE__</c>, <c>__LINE__</c> and <c>__COUNTER__</c>: their value depends on where they are used.</summary>
    public bool IsDynamic { get; init; }

    /// <summary>Index of <paramref name="name"/> among the parameters (<c>__VA_ARGS__</c> is the last), or -1.</summary>
    public int ParameterIndex(string name)
    {
        if (Parameters == null)
        {
            return -1;
        }
        if (IsVariadic && name == "__VA_ARGS__")
        {
            return Parameters.Count;
        }
        for (int i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i] == name)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Two definitions are the same when parameters and body spelling (and spacing) agree (C11 6.10.3p2).</summary>
    public bool IsSameAs(MacroDefinition other) =>
        IsVariadic == other.IsVariadic
        && (Parameters == null) == (other.Parameters == null)
        && (Parameters == null || Parameters.SequenceEqual(other.Parameters!))
        && Body.Count == other.Body.Count
        && Body.Zip(other.Body).All(p => p.First.Text == p.Second.Text && (p.First.LeadingSpace == p.Second.LeadingSpace || p.First == Body[0]));
}

/// <summary>Options of one preprocessor run: target and <c>-D</c>/<c>-U</c> definitions.</summary>
public sealed record PreprocessorOptions
{
    /// <summary><c>n4</c> or <c>n5</c>; sets <c>__BYTECHIP_ARCH__</c>.</summary>
    public string Arch { get; init; } = "n4";

    /// <summary><c>-D NAME[=VALUE]</c> in command-line order.</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    /// <summary>Include <c>__bytechip_builtins.h</c> before the file, as nvcc includes <c>cuda_runtime.h</c>.</summary>
    public bool IncludeBuiltins { get; init; } = true;

    /// <summary>The value of <c>__BYTECHIP_ARCH__</c> for <paramref name="arch"/>.</summary>
    public static int ArchNumber(string arch) => arch == "n5" ? 500 : 400;
}
