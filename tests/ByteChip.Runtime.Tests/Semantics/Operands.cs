namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>Random operands mixed with the edge values the spec calls out.</summary>
internal static class Operands
{
    private static readonly uint[] s_int32Edges = [0, 1, 2, 3, 7, 31, 32, 33, 63, 64, 255, 256, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, 0xFFFF_FFFF, 0xFFFF_FFFE, 0xFFFF_FF80, 0x1234_5678];

    private static readonly ulong[] s_int64Edges = [0, 1, 2, 63, 64, 65, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF, 0x1_0000_0000, 0xFFFF_FFFF_8000_0000];

    private static readonly float[] s_f32Edges =
    [
        0f, -0f, 1f, -1f, 0.5f, 1.5f, 2.5f, -2.5f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon,
        1.1754942E-38f, 1.17549435E-38f, float.MaxValue, float.MinValue, 3.4e38f, 65504f, 65520f, 1e-8f, 123456789f, 16777217f, 2147483648f, -2147483904f,
        4294967296f, 9.2233720e18f, 1.8446744e19f, MathF.PI, -MathF.PI * 1000, 0.1f, 3.0000002f,
    ];

    private static readonly double[] s_f64Edges =
    [
        0d, -0d, 1d, -1d, 0.5, 2.5, -3.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon,
        2.2250738585072009E-308, double.MaxValue, double.MinValue, 3.4028235677973366e38, 3.4028235677973362e38, 1.401298464324817E-45, 7.006492321624085E-46,
        65504d, 65520d, 65519.99, 9.223372036854775807e18, 1.8446744073709552e19, 2147483647.5, -2147483648.5, 4294967295.5, 1e300, 1e-300, Math.PI,
    ];

    public static uint Int32(Random r, int i) => i < s_int32Edges.Length ? s_int32Edges[i] : (uint)r.NextInt64(0, 1L << 32);

    public static ulong Int64(Random r, int i) => i < s_int64Edges.Length ? s_int64Edges[i] : (ulong)r.NextInt64() ^ ((ulong)r.Next(2) << 63);

    public static uint Float32(Random r, int i)
    {
        if (i < s_f32Edges.Length)
        {
            return BitConverter.SingleToUInt32Bits(s_f32Edges[i]);
        }
        return (i % 3) switch
        {
            0 => (uint)r.NextInt64(0, 1L << 32),
            1 => BitConverter.SingleToUInt32Bits((float)((r.NextDouble() - 0.5) * Math.Pow(2, r.Next(-30, 30)))),
            _ => (uint)r.Next(0, 0x0080_0000) | ((uint)r.Next(2) << 31),
        };
    }

    public static ulong Float64(Random r, int i)
    {
        if (i < s_f64Edges.Length)
        {
            return BitConverter.DoubleToUInt64Bits(s_f64Edges[i]);
        }
        return (i % 3) switch
        {
            0 => (ulong)r.NextInt64() ^ ((ulong)r.Next(2) << 63),
            1 => BitConverter.DoubleToUInt64Bits((r.NextDouble() - 0.5) * Math.Pow(2, r.Next(-80, 80))),
            _ => BitConverter.DoubleToUInt64Bits((r.NextDouble() - 0.5) * Math.Pow(2, r.Next(-1060, -1000))),
        };
    }

    /// <summary>Lanes with operands drawn by <paramref name="gen"/> for each of A, B, C, E (shuffled per operand so edges pair up).</summary>
    public static LaneInput[] Lanes(int count, int seed, Func<Random, int, ulong> gen)
    {
        var r = new Random(seed);
        ulong[] Column(int shift) => Enumerable.Range(0, count).Select(i => gen(r, (i + (shift * 7)) % count)).ToArray();
        var a = Column(0);
        var b = Column(1);
        var c = Column(2);
        var e = Column(3);
        return Enumerable.Range(0, count).Select(i => new LaneInput(a[i], b[i], c[i], e[i], r.Next(2) == 1, r.Next(2) == 1)).ToArray();
    }
}
