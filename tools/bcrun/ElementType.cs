using System.Buffers.Binary;
using System.Globalization;

namespace ByteChip.Tools.Bcrun;

/// <summary>A buffer element or scalar argument type of a launch description, with its NumPy dtype.</summary>
public sealed record ElementType(string Name, int Size, string NpyCode, bool IsFloat, bool IsSigned)
{
    /// <summary>Every type a launch description may name.</summary>
    public static readonly IReadOnlyList<ElementType> All =
    [
        new("i8", 1, "i1", false, true),
        new("u8", 1, "u1", false, false),
        new("i16", 2, "i2", false, true),
        new("u16", 2, "u2", false, false),
        new("i32", 4, "i4", false, true),
        new("u32", 4, "u4", false, false),
        new("i64", 8, "i8", false, true),
        new("u64", 8, "u8", false, false),
        new("f16", 2, "f2", true, true),
        new("f32", 4, "f4", true, true),
        new("f64", 8, "f8", true, true),
    ];

    /// <summary>The type names, for messages.</summary>
    public static string Names => string.Join(" ", All.Select(t => t.Name));

    /// <summary>Finds a type by name.</summary>
    public static ElementType? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>The dtype as written to <c>.npy</c> files.</summary>
    public string NpyDescr => (Size == 1 ? "|" : "<") + NpyCode;

    /// <summary>Writes <paramref name="value"/> as this type; false when it is out of range or not an integer for an integer type.</summary>
    public bool TryWrite(double value, Span<byte> dest)
    {
        if (IsFloat)
        {
            switch (Size)
            {
                case 2: BinaryPrimitives.WriteHalfLittleEndian(dest, (Half)value); break;
                case 4: BinaryPrimitives.WriteSingleLittleEndian(dest, (float)value); break;
                default: BinaryPrimitives.WriteDoubleLittleEndian(dest, value); break;
            }
            return true;
        }
        if (value != Math.Floor(value) || double.IsInfinity(value))
        {
            return false;
        }
        return TryWriteInteger(value, dest);
    }

    private bool TryWriteInteger(double value, Span<byte> dest)
    {
        double min = IsSigned ? -Math.Pow(2, (Size * 8) - 1) : 0;
        double max = IsSigned ? Math.Pow(2, (Size * 8) - 1) - 1 : Math.Pow(2, Size * 8) - 1;
        if (value < min || value > max)
        {
            return false;
        }
        ulong bits = IsSigned ? (ulong)(long)value : (ulong)value;
        for (int i = 0; i < Size; i++)
        {
            dest[i] = (byte)(bits >> (8 * i));
        }
        return true;
    }

    /// <summary>Writes an exact integer given as text (for 64-bit values beyond double precision).</summary>
    public bool TryWriteText(string text, Span<byte> dest)
    {
        if (IsFloat)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && TryWrite(d, dest);
        }
        ulong bits;
        if (IsSigned && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long s))
        {
            long min = Size == 8 ? long.MinValue : -(1L << ((Size * 8) - 1));
            long max = Size == 8 ? long.MaxValue : (1L << ((Size * 8) - 1)) - 1;
            if (s < min || s > max)
            {
                return false;
            }
            bits = (ulong)s;
        }
        else if (!IsSigned && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong u))
        {
            if (Size < 8 && u >> (Size * 8) != 0)
            {
                return false;
            }
            bits = u;
        }
        else
        {
            return false;
        }
        for (int i = 0; i < Size; i++)
        {
            dest[i] = (byte)(bits >> (8 * i));
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
