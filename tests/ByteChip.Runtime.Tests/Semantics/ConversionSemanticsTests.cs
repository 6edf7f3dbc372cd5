using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>Every cvt form against the exact-rounding reference, on edge values and random operands, in every rounding mode.</summary>
public sealed class ConversionSemanticsTests
{
    private static (string Dst, string Src) Types(Opcode op)
    {
        var lits = InstructionTable.Of(op).Parts.Where(p => p.Literal is not null && p.Literal != "cvt").Select(p => p.Literal!).ToArray();
        return (lits[0], lits[1]);
    }

    private static bool IsFloat(string t) => t[0] is 'f' or 'b';

    private static int Width(string t) => t == "bf16" ? 16 : int.Parse(t[1..], System.Globalization.CultureInfo.InvariantCulture);

    private static IeeeFormat Format(string t) => t switch
    {
        "f16" => IeeeFormat.F16,
        "bf16" => IeeeFormat.Bf16,
        "f32" => IeeeFormat.F32,
        _ => IeeeFormat.F64,
    };

    public static TheoryData<Opcode> ConvertOpcodes =>
        [.. InstructionTable.Forms.Where(f => f.Group == "convert").Select(f => f.Opcode)];

    private static BigInteger IntValue(string t, ulong raw)
    {
        int w = Width(t);
        ulong bits = w == 64 ? raw : raw & ((1UL << w) - 1);
        if (t[0] == 's' && w < 64 && (bits >> (w - 1)) != 0)
        {
            return (BigInteger)bits - (BigInteger.One << w);
        }
        return t[0] == 's' && w == 64 ? (long)bits : bits;
    }

    /// <summary>Register bits for an integer of type t holding v (v already in range).</summary>
    private static ulong IntBits(string t, BigInteger v)
    {
        int w = Width(t);
        var modulus = BigInteger.One << w;
        var u = ((v % modulus) + modulus) % modulus;
        ulong bits = (ulong)u;
        if (t[0] == 's' && w < 64 && (bits >> (w - 1)) != 0)
        {
            bits |= ~0UL << w;
        }
        return w == 64 ? bits : bits & 0xFFFF_FFFF;
    }

    private static ulong Reference(Opcode op, ulong a, int mode)
    {
        var (dst, src) = Types(op);
        if (!IsFloat(src))
        {
            var v = IntValue(src, a);
            if (!IsFloat(dst))
            {
                return IntBits(dst, v);
            }
            return Format(dst).Round(v.Sign < 0, (BigInteger.Abs(v), 0), mode);
        }
        ulong srcBits = Width(src) == 16 ? a & 0xFFFF : Width(src) == 32 ? a & 0xFFFF_FFFF : a;
        var decoded = Format(src).Decode(srcBits);
        if (IsFloat(dst))
        {
            var f = Format(dst);
            return decoded switch
            {
                null => f.NaN,
                { Value: null } inf => f.InfPattern | (inf.Negative ? f.SignBit : 0),
                var (neg, value) => f.Round(neg, value!.Value, mode),
            };
        }
        int w = Width(dst);
        BigInteger min = dst[0] == 's' ? -(BigInteger.One << (w - 1)) : 0;
        BigInteger max = dst[0] == 's' ? (BigInteger.One << (w - 1)) - 1 : (BigInteger.One << w) - 1;
        BigInteger r = decoded switch
        {
            null => 0,
            { Value: null } inf => inf.Negative ? min : max,
            var (neg, value) => IeeeFormat.ToInteger(neg, value!.Value, mode),
        };
        return IntBits(dst, BigInteger.Clamp(r, min, max));
    }

    private static ulong Operand(string src, Random r, int i) => src switch
    {
        "f32" => Operands.Float32(r, i) | ((ulong)r.Next() << 32),
        "f64" => Operands.Float64(r, i),
        "f16" or "bf16" => (i % 4 == 0 ? 0x7C00u : i % 4 == 1 ? (uint)r.Next(0, 0x400) : (uint)r.Next(0, 0x10000)) | ((ulong)(uint)r.Next() << 16),
        _ when Width(src) == 64 => Operands.Int64(r, i),
        _ => Operands.Int32(r, i) | ((ulong)r.Next() << 32),
    };

    [Theory]
    [MemberData(nameof(ConvertOpcodes))]
    public void ConversionMatchesExactReference(Opcode op)
    {
        var (dst, src) = Types(op);
        var lanes = Operands.Lanes(256, (int)op, (r, i) => Operand(src, r, i));
        bool hasMode = InstructionTable.Of(op).Parts.Any(p => p.Field is not null);
        for (byte mode = 0; mode < (hasMode ? 4 : 1); mode++)
        {
            IntegerSemanticsTests.Check(op, lanes, l => Reference(op, l.A, mode), modifier: mode);
        }
        _ = dst;
    }
}

/// <summary>Hand-computed conversions (IEEE facts, not generated) guarding the reference itself.</summary>
public sealed class ConversionSpotTests
{
    private static ulong Run(Opcode op, byte mode, ulong a) =>
        InstructionHarness.Run(InstructionHarness.Wire(op, mode), [new LaneInput(a, 0, 0, 0, false, false)])[0].D;

    private static ulong F(float f) => BitConverter.SingleToUInt32Bits(f);

    [Theory]
    [InlineData(Opcode.CvtF16F32, 0, 65520f, 0x7C00UL)]
    [InlineData(Opcode.CvtF16F32, 1, 65520f, 0x7BFFUL)]
    [InlineData(Opcode.CvtF16F32, 0, 1e-8f, 0x0000UL)]
    [InlineData(Opcode.CvtF16F32, 3, 1e-8f, 0x0001UL)]
    [InlineData(Opcode.CvtF16F32, 0, -2f, 0xC000UL)]
    [InlineData(Opcode.CvtBf16F32, 0, 1.00390625f, 0x3F80UL)]
    [InlineData(Opcode.CvtBf16F32, 3, 1.00390625f, 0x3F81UL)]
    [InlineData(Opcode.CvtBf16F32, 0, 1.01171875f, 0x3F82UL)]
    [InlineData(Opcode.CvtBf16F32, 0, float.NaN, 0x7FFFUL)]
    [InlineData(Opcode.CvtS32F32, 0, 2.5f, 2UL)]
    [InlineData(Opcode.CvtS32F32, 0, -2.5f, 0xFFFF_FFFEUL)]
    [InlineData(Opcode.CvtS32F32, 2, -2.5f, 0xFFFF_FFFDUL)]
    [InlineData(Opcode.CvtS32F32, 3, 2.1f, 3UL)]
    [InlineData(Opcode.CvtS32F32, 1, 3e9f, 0x7FFF_FFFFUL)]
    [InlineData(Opcode.CvtS32F32, 1, float.NaN, 0UL)]
    [InlineData(Opcode.CvtU32F32, 1, -5f, 0UL)]
    [InlineData(Opcode.CvtS64F32, 1, float.NegativeInfinity, 0x8000_0000_0000_0000UL)]
    public void FromF32(Opcode op, byte mode, float input, ulong expected) => Assert.Equal(expected, Run(op, mode, F(input)));

    [Theory]
    [InlineData(Opcode.CvtU8S32, 0xFFFF_FFFFUL, 0xFFUL)]
    [InlineData(Opcode.CvtS8U32, 0x80UL, 0xFFFF_FF80UL)]
    [InlineData(Opcode.CvtS16S64, 0x0000_0001_0000_8001UL, 0xFFFF_8001UL)]
    [InlineData(Opcode.CvtU64S32, 0xFFFF_FFFEUL, 0xFFFF_FFFF_FFFF_FFFEUL)]
    [InlineData(Opcode.CvtS64U32, 0xFFFF_FFFEUL, 0xFFFF_FFFEUL)]
    public void IntegerToInteger(Opcode op, ulong input, ulong expected) => Assert.Equal(expected, Run(op, 0, input));

    [Fact]
    public void IntegerToFloatRoundsByMode()
    {
        // 2^24 + 1 is not an f32: rn ties to even (2^24), rp rounds up (2^24 + 2).
        Assert.Equal(F(16777216f), Run(Opcode.CvtF32S32, 0, 16777217));
        Assert.Equal(F(16777218f), Run(Opcode.CvtF32S32, 3, 16777217));
        Assert.Equal(F(-16777218f), Run(Opcode.CvtF32S32, 2, unchecked((ulong)(uint)-16777217)));
        Assert.Equal(0x7C00UL, Run(Opcode.CvtF16U32, 0, 70000));
        Assert.Equal(0x7BFFUL, Run(Opcode.CvtF16U32, 1, 70000));
    }
}
