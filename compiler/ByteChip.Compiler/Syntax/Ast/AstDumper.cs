using System.Collections;
using System.Reflection;
using System.Text;

namespace ByteChip.Compiler.Syntax.Ast;

/// <summary>
/// Prints a syntax tree as indented text for <c>--dump-after=ast</c> and golden tests: one line per node with its
/// kind, line:column and scalar properties; child nodes and lists below it. Declarations from built-in headers
/// are left out unless asked for, so dumps show the user's code only.
/// </summary>
public static class AstDumper
{
    public static string Dump(SyntaxNode node, bool includeBuiltins = false)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0, null, includeBuiltins);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, SyntaxNode node, int depth, string? label, bool includeBuiltins)
    {
        var type = node.GetType();
        sb.Append(' ', depth * 2);
        if (label != null)
        {
            sb.Append(label).Append(": ");
        }
        sb.Append(type.Name.EndsWith("Syntax", StringComparison.Ordinal) ? type.Name[..^6] : type.Name).Append(" @").Append(node.Span);
        var children = new List<(string Name, object Value)>();
        foreach (var p in Properties(type))
        {
            var value = p.GetValue(node);
            switch (value)
            {
                case null:
                    break;
                case SyntaxNode:
                    children.Add((p.Name, value));
                    break;
                case string s:
                    sb.Append(' ').Append(p.Name).Append("=\"").Append(s).Append('"');
                    break;
                case bool b:
                    if (b)
                    {
                        sb.Append(' ').Append(p.Name);
                    }
                    break;
                case IEnumerable list:
                    var items = list.Cast<object>().ToList();
                    if (items.Count == 0)
                    {
                        break;
                    }
                    if (items[0] is SyntaxNode)
                    {
                        children.Add((p.Name, items));
                    }
                    else
                    {
                        sb.Append(' ').Append(p.Name).Append("=[").Append(string.Join(" ", items)).Append(']');
                    }
                    break;
                default:
                    sb.Append(' ').Append(p.Name).Append('=').Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        sb.Append('\n');
        foreach (var (name, value) in children)
        {
            if (value is SyntaxNode child)
            {
                Write(sb, child, depth + 1, name, includeBuiltins);
                continue;
            }
            foreach (var item in (List<object>)value)
            {
                if (item is SyntaxNode n && (includeBuiltins || !n.Span.Start.File.StartsWith(Preprocessor.SourceManager.BuiltinPrefix, StringComparison.Ordinal)))
                {
                    Write(sb, n, depth + 1, name, includeBuiltins);
                }
            }
        }
    }

    private static readonly Dictionary<Type, PropertyInfo[]> s_properties = [];

    private static PropertyInfo[] Properties(Type type)
    {
        lock (s_properties)
        {
            if (!s_properties.TryGetValue(type, out var props))
            {
                props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.Name is not ("Span" or "EqualityContract") && p.GetIndexParameters().Length == 0)
                    .OrderBy(p => p.MetadataToken)
                    .ToArray();
                s_properties[type] = props;
            }
            return props;
        }
    }
}
