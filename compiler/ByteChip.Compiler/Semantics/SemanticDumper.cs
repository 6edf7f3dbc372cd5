using System.Globalization;
using System.Text;
using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Semantics;

/// <summary>
/// The text of <c>--dump-after=sema</c>: structs with their layout, device globals, then every device function
/// with its bound tree. Symbols print by name, types by their C spelling; built-ins are left out.
/// </summary>
public static class SemanticDumper
{
    public static string Dump(SemanticModel model)
    {
        var sb = new StringBuilder();
        var dumper = new TreeDumper(o => o is BoundNode, o => ((BoundNode)o).Span, Scalar, _ => true);
        foreach (var s in model.Structs.Where(s => !s.IsFromBuiltinHeader))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{(s.IsUnion ? "union" : "struct")} {s.Name} size={s.Size} align={s.Alignment}\n");
            foreach (var f in s.Fields)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  field {f.Name}: {f.Type} offset={f.Offset}\n");
            }
        }
        foreach (var g in model.Globals)
        {
            sb.Append(CultureInfo.InvariantCulture, $"global {g.Name}: {g.Type} storage={g.Storage}\n");
            if (g.Initializer != null)
            {
                dumper.Write(sb, g.Initializer, 1, "Initializer");
            }
        }
        foreach (var f in model.Functions)
        {
            string space = f.IsKernel ? "__global__" : (f.Space & ExecutionSpace.Host) != 0 ? "__host__ __device__" : "__device__";
            sb.Append(CultureInfo.InvariantCulture, $"function {space} {f.DisplayName}: {f.Type}\n");
            foreach (var p in f.Parameters)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  param {p.Name}: {p.Type}\n");
            }
            foreach (var (field, value) in f.MemberInitializers)
            {
                dumper.Write(sb, value, 1, "Init " + field.Name);
            }
            if (f.Body != null)
            {
                dumper.Write(sb, f.Body, 1, "Body");
            }
        }
        return sb.ToString();
    }

    private static string? Scalar(object value) => value switch
    {
        FunctionSymbol f => f.DisplayName + (f.IsBuiltin ? " (builtin)" : ""),
        VariableSymbol v => $"{v.Name}({v.Storage})",
        Symbol s => s.Name,
        TypeSymbol t => "'" + t.Name + "'",
        UnrollHint u => u.Count is long n ? $"unroll({n})" : "unroll",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };
}
