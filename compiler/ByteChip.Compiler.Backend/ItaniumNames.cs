using System.Text;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Recovers the source name of a mangled kernel (<c>_Z6reduceILi256EEvPf</c> → <c>reduce&lt;256&gt;</c>):
/// the unqualified or nested name and its template arguments (integer literals and builtin types).
/// Anything it does not understand leaves the mangled name as it is.
/// </summary>
public static class ItaniumNames
{
    private static readonly Dictionary<char, string> s_builtins = new()
    {
        ['v'] = "void", ['b'] = "bool", ['c'] = "char", ['a'] = "signed char", ['h'] = "unsigned char", ['s'] = "short",
        ['t'] = "unsigned short", ['i'] = "int", ['j'] = "unsigned int", ['l'] = "long", ['m'] = "unsigned long",
        ['x'] = "long long", ['y'] = "unsigned long long", ['f'] = "float", ['d'] = "double",
    };

    public static string SourceName(string mangled)
    {
        if (!mangled.StartsWith("_Z", StringComparison.Ordinal))
        {
            return mangled;
        }
        int pos = 2;
        var sb = new StringBuilder();
        try
        {
            if (mangled[pos] == 'N')
            {
                pos++;
                var parts = new List<string>();
                while (mangled[pos] != 'E')
                {
                    if (mangled[pos] == 'I')
                    {
                        parts[^1] += TemplateArgs(mangled, ref pos);
                        continue;
                    }
                    parts.Add(Identifier(mangled, ref pos));
                }
                pos++;
                sb.Append(string.Join("::", parts));
            }
            else
            {
                sb.Append(Identifier(mangled, ref pos));
                if (pos < mangled.Length && mangled[pos] == 'I')
                {
                    sb.Append(TemplateArgs(mangled, ref pos));
                }
            }
            return sb.ToString();
        }
        catch (Exception e) when (e is IndexOutOfRangeException or FormatException or ArgumentOutOfRangeException)
        {
            return mangled;
        }
    }

    private static string Identifier(string s, ref int pos)
    {
        int start = pos;
        while (char.IsAsciiDigit(s[pos]))
        {
            pos++;
        }
        int length = int.Parse(s.AsSpan(start, pos - start), System.Globalization.CultureInfo.InvariantCulture);
        var id = s.Substring(pos, length);
        pos += length;
        return id;
    }

    private static string TemplateArgs(string s, ref int pos)
    {
        pos++; // 'I'
        var args = new List<string>();
        while (s[pos] != 'E')
        {
            if (s[pos] == 'L')
            {
                pos++;
                char type = s[pos++];
                int start = pos;
                while (s[pos] != 'E')
                {
                    pos++;
                }
                var literal = s[start..pos].Replace('n', '-');
                pos++;
                args.Add(type switch
                {
                    'b' => literal == "1" ? "true" : "false",
                    'j' or 'm' or 'y' => literal + "u",
                    _ => literal,
                });
            }
            else if (s_builtins.TryGetValue(s[pos], out var name))
            {
                args.Add(name);
                pos++;
            }
            else
            {
                throw new FormatException("unsupported template argument");
            }
        }
        pos++;
        return "<" + string.Join(", ", args) + ">";
    }
}
