using ByteChip.Isa;

namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>The approximate f32 instructions within the spec's error bounds, and their special cases.</summary>
public sealed class ApproximationTests
{
    private static float F(ulong v) => BitConverter.UInt32BitsToSingle((uint)v);

    private static long Ordered(float f)
    {
        int i = BitConverter.SingleToInt32Bits(f);
        return i < 0 ? int.MinValue - (long)i : i;
    }

    private static long Ulps(float got, float want) => Math.Abs(Ordered(got) - Ordered(want));

    private static LaneInput[] Inputs(int seed, Func<Random, float> gen)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, 1024).Select(_ => new LaneInput(BitConverter.SingleToUInt32Bits(gen(r)), 0, 0, 0, false, false)).ToArray();
    }

    private static void Within(Opcode op, LaneInput[] lanes, Func<double, double> exact, Func<float, float, float, bool> ok)
    {
        var outputs = InstructionHarness.Run(InstructionHarness.Wire(op), lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            float x = F(lanes[i].A), got = F(outputs[i].D), want = (float)exact(x);
            Assert.True(ok(x, got, want), $"{op}({x:R}) = {got:R}, correctly rounded {want:R}");
        }
    }

    private static float Wide(Random r, int lo, int hi) => (float)((r.NextDouble() + 0.5) * Math.Pow(2, r.Next(lo, hi)));

    [Fact]
    public void ReciprocalAndRsqrtWithinOneUlp()
    {
        Within(Opcode.RcpApproxF32, Inputs(1, r => Wide(r, -126, 126) * (r.Next(2) * 2 - 1)), x => 1.0 / x, (_, g, w) => Ulps(g, w) <= 1);
        Within(Opcode.RsqrtApproxF32, Inputs(2, r => Wide(r, -140, 127)), x => 1.0 / Math.Sqrt(x), (_, g, w) => Ulps(g, w) <= 1);
    }

    [Fact]
    public void Ex2WithinTwoUlpAndFtzFlushes()
    {
        Within(Opcode.Ex2ApproxF32, Inputs(3, r => (float)((r.NextDouble() * 300) - 160)), x => Math.Pow(2, x), (_, g, w) => Ulps(g, w) <= 2);
        Within(Opcode.Ex2ApproxFtzF32, Inputs(4, r => (float)((r.NextDouble() * 30) - 149)), x => Math.Pow(2, x),
            (_, g, w) => float.IsNormal(w) ? Ulps(g, w) <= 2 : BitConverter.SingleToUInt32Bits(g) == 0);
    }

    [Fact]
    public void Lg2AbsoluteErrorNearOneAndUlpElsewhere()
    {
        Within(Opcode.Lg2ApproxF32, Inputs(5, r => (float)(0.5 + (r.NextDouble() * 1.5))), Math.Log2, (x, g, _) => Math.Abs(g - Math.Log2(x)) <= Math.Pow(2, -22));
        Within(Opcode.Lg2ApproxF32, Inputs(6, r => Wide(r, -149, 127)), Math.Log2, (x, g, w) => x is >= 0.5f and <= 2f || Ulps(g, w) <= 2);
    }

    [Fact]
    public void SinCosAbsoluteErrorUpTo100Pi()
    {
        var lanes = Inputs(7, r => (float)((r.NextDouble() - 0.5) * 200 * Math.PI));
        Within(Opcode.SinApproxF32, lanes, Math.Sin, (x, g, _) => Math.Abs(g - Math.Sin(x)) <= Math.Pow(2, -21));
        Within(Opcode.CosApproxF32, lanes, Math.Cos, (x, g, _) => Math.Abs(g - Math.Cos(x)) <= Math.Pow(2, -21));
    }

    [Theory]
    [InlineData(Opcode.RcpApproxF32, 0f, float.PositiveInfinity)]
    [InlineData(Opcode.RcpApproxF32, -0f, float.NegativeInfinity)]
    [InlineData(Opcode.RsqrtApproxF32, 0f, float.PositiveInfinity)]
    [InlineData(Opcode.RsqrtApproxF32, -4f, float.NaN)]
    [InlineData(Opcode.Ex2ApproxF32, float.NegativeInfinity, 0f)]
    [InlineData(Opcode.Ex2ApproxF32, float.PositiveInfinity, float.PositiveInfinity)]
    [InlineData(Opcode.Lg2ApproxF32, 0f, float.NegativeInfinity)]
    [InlineData(Opcode.Lg2ApproxF32, -1f, float.NaN)]
    [InlineData(Opcode.SinApproxF32, float.PositiveInfinity, float.NaN)]
    [InlineData(Opcode.CosApproxF32, float.NegativeInfinity, float.NaN)]
    [InlineData(Opcode.SinApproxF32, float.NaN, float.NaN)]
    public void SpecialCases(Opcode op, float input, float expected)
    {
        var output = InstructionHarness.Run(InstructionHarness.Wire(op), [new LaneInput(BitConverter.SingleToUInt32Bits(input), 0, 0, 0, false, false)])[0];
        uint want = float.IsNaN(expected) ? 0x7FFF_FFFFu : BitConverter.SingleToUInt32Bits(expected);
        Assert.Equal(want, (uint)output.D);
    }
}
