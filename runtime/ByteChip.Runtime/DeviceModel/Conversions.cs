using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// The convert group. Each <c>cvt.DST.SRC</c> form's types are read from its mnemonic in the spec, so the
/// table here cannot drift from it: integer to integer (extend by SRC, truncate to DST, extend by DST),
/// integer or float to float rounded by the rnd modifier through <see cref="FloatFormat.Round"/>, and
/// float to integer rounded by the rndi modifier and saturated (NaN gives 0).
/// </summary>
internal static class Conversions
{
    private readonly record struct NumType(char Kind, int Bits)
    {
        public bool IsFloat => Kind is 'f' or 'b';

        public bool IsSigned => Kind == 's';

        public FloatFormat Format => (Kind, Bits) switch
        {
            ('b', _) => FloatFormat.Bf16,
            (_, 16) => FloatFormat.F16,
            (_, 32) => FloatFormat.F32,
            _ => FloatFormat.F64,
        };

        public static NumType Parse(string s) => s switch
        {
            "bf16" => new('b', 16),
            _ => new(s[0], int.Parse(s.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    private readonly record struct Conversion(NumType Dst, NumType Src);

    private static readonly Conversion[] s_table = Build();

    private static Conversion[] Build()
    {
        var table = new Conversion[1 << InstructionCodec.OpcodeBits];
        foreach (var form in InstructionTable.Forms)
        {
            if (form.Group != "convert")
            {
                continue;
            }
            var types = form.Parts.Where(p => p.Literal is not null && p.Literal != "cvt").Select(p => p.Literal!).ToArray();
            table[(int)form.Opcode] = new Conversion(NumType.Parse(types[0]), NumType.Parse(types[1]));
        }
        return table;
    }

    /// <summary>Whether the opcode is a conversion this table knows.</summary>
    public static bool Knows(Opcode op) => s_table[(int)op].Dst.Bits != 0;

    public static void Execute(uint[] r, in Uop u, uint exec)
    {
        var c = s_table[(int)u.Op];
        if (c.Dst.Bits == 0)
        {
            throw new WarpFault(RuntimeError.Internal, 0, $"no conversion for {u.Op}");
        }
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong a = c.Src.Bits == 64 ? Lanes.Get64(r, u.A, l) : r[u.A + l];
            ulong d = Convert(c, a, u.M);
            if (c.Dst.Bits == 64)
            {
                Lanes.Set64(r, u.D, l, d);
            }
            else
            {
                r[u.D + l] = (uint)d;
            }
        }
    }

    private static ulong Convert(Conversion c, ulong a, int mode)
    {
        var (dst, src) = (c.Dst, c.Src);
        if (!dst.IsFloat && !src.IsFloat)
        {
            long v = Extend(a, src.Bits, src.IsSigned);
            return (ulong)Extend((ulong)v, dst.Bits, dst.IsSigned) & (dst.Bits == 64 ? ulong.MaxValue : 0xFFFF_FFFFUL);
        }
        if (dst.IsFloat && !src.IsFloat)
        {
            long v = Extend(a, src.Bits, src.IsSigned);
            bool negative = src.IsSigned && v < 0;
            ulong magnitude = negative ? 0UL - (ulong)v : (ulong)v;
            return dst.Format.Round(negative, magnitude, 0, mode);
        }
        ulong srcBits = src.Bits == 16 ? a & 0xFFFF : a;
        if (dst.IsFloat)
        {
            return dst.Format.Convert(src.Format, srcBits, mode);
        }
        double x = src.Format.ToDouble(srcBits);
        return (dst.IsSigned, dst.Bits) switch
        {
            (true, 32) => (uint)(int)FloatMath.ToSigned(x, mode, int.MinValue, int.MaxValue),
            (true, _) => (ulong)FloatMath.ToSigned(x, mode, long.MinValue, long.MaxValue),
            (false, 32) => FloatMath.ToUnsigned(x, mode, uint.MaxValue),
            _ => FloatMath.ToUnsigned(x, mode, ulong.MaxValue),
        };
    }

    /// <summary>The low <paramref name="bits"/> of v extended to 64 bits by the signedness.</summary>
    private static long Extend(ulong v, int bits, bool signed)
    {
        if (bits == 64)
        {
            return (long)v;
        }
        int shift = 64 - bits;
        return signed ? (long)(v << shift) >> shift : (long)((v << shift) >> shift);
    }
}
