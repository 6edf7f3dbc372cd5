using System.Globalization;
using System.Text;
using ByteChip.Compiler.Semantics;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Itanium C++ names for kernels, as nvcc and clang produce them (<c>_Z5saxpyfPKfPfi</c>,
/// <c>_Z6reduceILi256EEvPf</c>), so a binary's symbols match what CUDA tools show. Covers the builtin types,
/// pointers, references, cv-qualifiers, structs, enums and vector types, and type and value (integer, bool, enum)
/// template arguments.
/// </summary>
public static class Mangler
{
    public static string Kernel(FunctionSymbol f)
    {
        var sb = new StringBuilder("_Z");
        if (f.DeclaringStruct is { } owner)
        {
            sb.Append('N').Append(Source(owner.Name)).Append(Source(f.Name)).Append('E');
        }
        else
        {
            sb.Append(Source(f.Name));
        }
        if (!f.TemplateArguments.IsDefaultOrEmpty)
        {
            sb.Append('I');
            foreach (var a in f.TemplateArguments)
            {
                if (a.Type is { } t)
                {
                    Type(sb, t);
                }
                else
                {
                    // L <type> <value> E: Lb1E for true, L4Mode0E for an enumerator, Lj3E for 3u.
                    sb.Append('L');
                    Type(sb, (a.ValueType ?? Types.Int).Unqualified);
                    sb.Append(a.Value < 0 ? "n" + (-a.Value).ToString(CultureInfo.InvariantCulture) : a.Value.ToString(CultureInfo.InvariantCulture)).Append('E');
                }
            }
            sb.Append('E');
            Type(sb, f.Type.Return); // template functions encode their return type
        }
        if (f.Parameters.IsDefaultOrEmpty)
        {
            sb.Append('v');
        }
        foreach (var p in f.Parameters)
        {
            Type(sb, p.Type);
        }
        return sb.ToString();
    }

    private static string Source(string name) => name.Length.ToString(CultureInfo.InvariantCulture) + name;

    private static void Type(StringBuilder sb, TypeSymbol t)
    {
        if (t.IsConst && t is not PointerType)
        {
            sb.Append('K');
        }
        switch (t.Unqualified)
        {
            case VoidType: sb.Append('v'); break;
            case BoolType: sb.Append('b'); break;
            case IntegerType i:
                sb.Append(i.Kind switch
                {
                    IntegerKind.Char => 'c', IntegerKind.SChar => 'a', IntegerKind.UChar => 'h', IntegerKind.Short => 's', IntegerKind.UShort => 't',
                    IntegerKind.Int => 'i', IntegerKind.UInt => 'j', IntegerKind.Long => 'l', IntegerKind.ULong => 'm', IntegerKind.LongLong => 'x', _ => 'y',
                });
                break;
            case FloatType f: sb.Append(f.Kind switch { FloatKind.Half => "6__half", FloatKind.Float => "f", _ => "d" }); break;
            case PointerType p:
                if (t.IsRestrict)
                {
                    // __restrict__ qualifies the pointer itself; Itanium drops top-level parameter qualifiers.
                }
                sb.Append('P');
                Type(sb, p.Pointee);
                break;
            case ReferenceType r:
                sb.Append('R');
                Type(sb, r.Referenced);
                break;
            case StructType s: sb.Append(Source(s.Symbol.Name)); break;
            case EnumType e: sb.Append(Source(e.Symbol.Name)); break;
            case VectorType v: sb.Append(Source(v.Spelling)); break;
            case ArrayType a:
                sb.Append('A').Append(a.Length?.ToString(CultureInfo.InvariantCulture) ?? "").Append('_');
                Type(sb, a.Element);
                break;
            default:
                sb.Append('v');
                break;
        }
    }
}
