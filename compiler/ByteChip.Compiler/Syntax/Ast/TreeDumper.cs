using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace ByteChip.Compiler.Syntax.Ast;

/// <summary>
/// Prints a tree of immutable records as indented text: one line per node with its kind, line:column and scalar
/// properties; child nodes and lists of nodes below it. Used by the AST and semantic-model dumps, whose output
/// golden tests compare, so the order is the declaration order of the properties.
/// </summary>
public sealed class TreeDumper(Func<object, bool> isNode, Func<object, SourceSpan> spanOf, Func<object, string?> formatScalar, Func<object, bool> include)
{
    private static readonly Dictionary<Type, PropertyInfo[]> s_properties = [];

    public string Dump(object root)
    {
        var sb = new StringBuilder();
        Write(sb, root, 0, null);
        return sb.ToString();
    }

    public void Write(StringBuilder sb, object node, int depth, string? label)
    {
        var type = node.GetType();
        sb.Append(' ', depth * 2);
        if (label != null)
        {
            sb.Append(label).Append(": ");
        }
        string name = type.Name.EndsWith("Syntax", StringComparison.Ordinal) ? type.Name[..^6] : type.Name;
        sb.Append(name).Append(" @").Append(spanOf(node));
        var children = new List<(string Name, object Value)>();
        foreach (var p in Properties(type))
        {
            var value = p.GetValue(node);
            if (value == null)
            {
                continue;
            }
            if (isNode(value))
            {
                children.Add((p.Name, value));
                continue;
            }
            if (formatScalar(value) is { } text)
            {
                sb.Append(' ').Append(p.Name).Append('=').Append(text);
                continue;
            }
            switch (value)
            {
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
                    if (items.Any(isNode))
                    {
                        children.Add((p.Name, items));
                    }
                    else
                    {
                        sb.Append(' ').Append(p.Name).Append("=[").Append(string.Join(" ", items.Select(i => formatScalar(i) ?? Convert.ToString(i, CultureInfo.InvariantCulture)))).Append(']');
                    }
                    break;
                default:
                    sb.Append(' ').Append(p.Name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
        sb.Append('\n');
        foreach (var (childName, value) in children)
        {
            if (value is List<object> list)
            {
                foreach (var item in list.Where(i => isNode(i) && include(i)))
                {
                    Write(sb, item, depth + 1, childName);
                }
            }
            else
            {
                Write(sb, value, depth + 1, childName);
            }
        }
    }

    // The AST node types are public records of this assembly; bytechipcc roots the assembly (TrimmerRootAssembly)
    // so a trimmed NativeAOT build keeps their properties.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "AST node types are rooted by bytechipcc.")]
    private static PropertyInfo[] Properties(Type type)
    {
        lock (s_properties)
        {
            if (!s_properties.TryGetValue(type, out var props))
            {
                props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.Name is not ("Span" or "EqualityContract" or "IsLValue" or "ConstantValue") && p.GetIndexParameters().Length == 0)
                    .OrderBy(p => p.MetadataToken)
                    .ToArray();
                s_properties[type] = props;
            }
            return props;
        }
    }
}
