namespace ByteChip.Compiler.Semantics;

/// <summary>
/// A lexical scope: names to symbols. Functions overload, so a name maps to a list; any other symbol hides
/// outer ones. Struct, union and enum tags share the ordinary namespace (C++ rules).
/// </summary>
public sealed class Scope(Scope? parent, ScopeKind kind)
{
    private readonly Dictionary<string, List<Symbol>> _symbols = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    public ScopeKind Kind { get; } = kind;

    public IEnumerable<Symbol> Symbols => _symbols.Values.SelectMany(s => s);

    public void Add(Symbol symbol)
    {
        if (!_symbols.TryGetValue(symbol.Name, out var list))
        {
            _symbols[symbol.Name] = list = [];
        }
        list.Add(symbol);
    }

    /// <summary>Symbols declared in this very scope under <paramref name="name"/>.</summary>
    public IReadOnlyList<Symbol> LookupLocal(string name) => _symbols.TryGetValue(name, out var list) ? list : [];

    /// <summary>The innermost declarations of <paramref name="name"/> (all overloads of a function name).</summary>
    public IReadOnlyList<Symbol> Lookup(string name)
    {
        for (var s = this; s != null; s = s.Parent)
        {
            if (s._symbols.TryGetValue(name, out var list) && list.Count > 0)
            {
                return list;
            }
        }
        return [];
    }
}

public enum ScopeKind
{
    Global,
    Struct,
    Function,
    Block,
    Template,
}
