using ByteChip.Isa;

namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>f32/f64 arithmetic and comparisons against C# references: NaN canonical, min/max NaN rule, denormals kept.</summary>
public sealed class FloatSemanticsTests
{
    private const uint NaN32 = 0x7FFF_FFFF;
    private const ulong NaN64 = 0x7FFF_FFFF_FFFF_FFFF;

    private static float F(ulong v) => BitConverter.UInt32BitsToSingle((uint)v);

    private static double D(ulong v) => BitConverter.UInt64BitsToDouble(v);

    private static ulong B(float f) => float.IsNaN(f) ? NaN32 : BitConverter.SingleToUInt32Bits(f);

    private static ulong B(double d) => double.IsNaN(d) ? NaN64 : BitConverter.DoubleToUInt64Bits(d);

    /// <summary>The min/max rule of the spec, case by case.</summary>
    private static ulong MinMax(double x, double y, ulong xb, ulong yb, bool max, ulong nan, ulong signBit)
    {
        if (double.IsNaN(x) && double.IsNaN(y))
        {
            return nan;
        }
        if (double.IsNaN(x))
        {
            return yb;
        }
        if (double.IsNaN(y))
        {
            return xb;
        }
        if (x == 0 && y == 0)
        {
            bool xNeg = (xb & signBit) != 0, yNeg = (yb & signBit) != 0;
            return max ? (xNeg ? yb : xb) : (xNeg ? xb : yb);
        }
        return max ? (x > y ? xb : yb) : (x < y ? xb : yb);
    }

    private static readonly Dictionary<Opcode, Func<LaneInput, ulong>> s_f32 = new()
    {
        [Opcode.AddF32] = l => B(F(l.A) + F(l.B)),
        [Opcode.SubF32] = l => B(F(l.A) - F(l.B)),
        [Opcode.MulF32] = l => B(F(l.A) * F(l.B)),
        [Opcode.FmaF32] = l => B(MathF.FusedMultiplyAdd(F(l.A), F(l.B), F(l.C))),
        [Opcode.DivF32] = l => B(F(l.A) / F(l.B)),
        [Opcode.MinF32] = l => MinMax(F(l.A), F(l.B), (uint)l.A, (uint)l.B, false, NaN32, 0x8000_0000),
        [Opcode.MaxF32] = l => MinMax(F(l.A), F(l.B), (uint)l.A, (uint)l.B, true, NaN32, 0x8000_0000),
        [Opcode.AbsF32] = l => (uint)l.A & 0x7FFF_FFFFu,
        [Opcode.NegF32] = l => (uint)l.A ^ 0x8000_0000u,
        [Opcode.SqrtF32] = l => B(MathF.Sqrt(F(l.A))),
    };

    private static readonly Dictionary<Opcode, Func<LaneInput, ulong>> s_f64 = new()
    {
        [Opcode.AddF64] = l => B(D(l.A) + D(l.B)),
        [Opcode.SubF64] = l => B(D(l.A) - D(l.B)),
        [Opcode.MulF64] = l => B(D(l.A) * D(l.B)),
        [Opcode.FmaF64] = l => B(Math.FusedMultiplyAdd(D(l.A), D(l.B), D(l.C))),
        [Opcode.DivF64] = l => B(D(l.A) / D(l.B)),
        [Opcode.MinF64] = l => MinMax(D(l.A), D(l.B), l.A, l.B, false, NaN64, 0x8000_0000_0000_0000),
        [Opcode.MaxF64] = l => MinMax(D(l.A), D(l.B), l.A, l.B, true, NaN64, 0x8000_0000_0000_0000),
        [Opcode.AbsF64] = l => l.A & 0x7FFF_FFFF_FFFF_FFFF,
        [Opcode.NegF64] = l => l.A ^ 0x8000_0000_0000_0000,
        [Opcode.SqrtF64] = l => B(Math.Sqrt(D(l.A))),
        [Opcode.RcpApproxF64] = l => B(1.0 / D(l.A)),
    };

    public static TheoryData<Opcode> F32Opcodes => [.. s_f32.Keys];

    public static TheoryData<Opcode> F64Opcodes => [.. s_f64.Keys];

    private static LaneInput[] F32Lanes(int seed) => Operands.Lanes(512, seed, (r, i) => Operands.Float32(r, i));

    private static LaneInput[] F64Lanes(int seed) => Operands.Lanes(512, seed, (r, i) => Operands.Float64(r, i));

    [Theory]
    [MemberData(nameof(F32Opcodes))]
    public void F32MatchesReference(Opcode op) => IntegerSemanticsTests.Check(op, F32Lanes((int)op), s_f32[op]);

    [Theory]
    [MemberData(nameof(F64Opcodes))]
    public void F64MatchesReference(Opcode op) => IntegerSemanticsTests.Check(op, F64Lanes((int)op), s_f64[op]);

    [Fact]
    public void DenormalsAreKeptAndNaNIsCanonical()
    {
        var tiny = BitConverter.SingleToUInt32Bits(float.Epsilon);
        var lanes = new[] { new LaneInput(tiny, BitConverter.SingleToUInt32Bits(0.5f), 0, 0, false, false), new LaneInput(0x7FC0_0001, 0, 0, 0, false, false) };
        var outputs = InstructionHarness.Run(InstructionHarness.Wire(Opcode.MulF32), lanes);
        Assert.Equal(0UL, outputs[0].D); // 2^-150 rounds to even (0)
        Assert.Equal(NaN32, outputs[1].D);
        var add = InstructionHarness.Run(InstructionHarness.Wire(Opcode.AddF32), [new LaneInput(tiny, tiny, 0, 0, false, false)]);
        Assert.Equal(2UL, add[0].D);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RoundToIntegral(byte mode)
    {
        Func<double, double> r = mode switch
        {
            0 => x => Math.Round(x, MidpointRounding.ToEven),
            1 => Math.Truncate,
            2 => Math.Floor,
            _ => Math.Ceiling,
        };
        IntegerSemanticsTests.Check(Opcode.RndiF32, F32Lanes(mode), l => B((float)r(F(l.A))), modifier: mode);
        IntegerSemanticsTests.Check(Opcode.RndiF64, F64Lanes(mode), l => B(r(D(l.A))), modifier: mode);
    }

    [Fact]
    public void ImmediateForms()
    {
        var lanes = F32Lanes(77);
        foreach (float imm in new[] { 0f, -0f, 1.5f, float.NaN, float.PositiveInfinity, 1e-40f })
        {
            uint bits = BitConverter.SingleToUInt32Bits(imm);
            IntegerSemanticsTests.Check(Opcode.AddF32Imm, lanes, l => B(F(l.A) + imm), bits);
            IntegerSemanticsTests.Check(Opcode.MulF32Imm, lanes, l => B(F(l.A) * imm), bits);
            // The destination (zero in the harness) is the addend.
            IntegerSemanticsTests.Check(Opcode.FmaF32Imm, lanes, l => B(MathF.FusedMultiplyAdd(F(l.A), imm, 0f)), bits);
        }
    }

    private static bool CmpF(double x, double y, int m)
    {
        bool unordered = double.IsNaN(x) || double.IsNaN(y);
        bool ordered = m switch
        {
            0 or 6 => x == y,
            1 or 7 => x != y,
            2 or 8 => x < y,
            3 or 9 => x <= y,
            4 or 10 => x > y,
            5 or 11 => x >= y,
            _ => false,
        };
        return m switch
        {
            < 6 => !unordered && ordered,
            < 12 => unordered || ordered,
            12 => !unordered,
            _ => unordered,
        };
    }

    private static bool CmpI<T>(T x, T y, int m) where T : IComparable<T>
    {
        int c = x.CompareTo(y);
        return m switch { 0 => c == 0, 1 => c != 0, 2 => c < 0, 3 => c <= 0, 4 => c > 0, _ => c >= 0 };
    }

    private static void CheckPredicate(Instruction inst, LaneInput[] lanes, Func<LaneInput, bool> expected)
    {
        var outputs = InstructionHarness.Run(inst, lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            Assert.True(expected(lanes[i]) == outputs[i].P1, $"{inst.Opcode} m={inst.M} imm=0x{inst.Imm:X} lane {i}: a=0x{lanes[i].A:X} b=0x{lanes[i].B:X}");
        }
    }

    [Fact]
    public void SetpEveryComparison()
    {
        var i32 = Operands.Lanes(128, 1, (r, i) => i % 3 == 0 ? 5UL : Operands.Int32(r, i));
        var i64 = Operands.Lanes(128, 2, (r, i) => i % 3 == 0 ? 5UL : Operands.Int64(r, i));
        var f32 = F32Lanes(3);
        var f64 = F64Lanes(4);
        for (byte m = 0; m < 6; m++)
        {
            CheckPredicate(InstructionHarness.Wire(Opcode.SetpS32, m), i32, l => CmpI((int)(uint)l.A, (int)(uint)l.B, m));
            CheckPredicate(InstructionHarness.Wire(Opcode.SetpU32, m), i32, l => CmpI((uint)l.A, (uint)l.B, m));
            CheckPredicate(InstructionHarness.Wire(Opcode.SetpS64, m), i64, l => CmpI((long)l.A, (long)l.B, m));
            CheckPredicate(InstructionHarness.Wire(Opcode.SetpU64, m), i64, l => CmpI(l.A, l.B, m));
            foreach (uint imm in new uint[] { 5, 0x8000_0000, 0xFFFF_FFFF })
            {
                CheckPredicate(InstructionHarness.Wire(Opcode.SetpS32Imm, m, imm), i32, l => CmpI((int)(uint)l.A, (int)imm, m));
                CheckPredicate(InstructionHarness.Wire(Opcode.SetpU32Imm, m, imm), i32, l => CmpI((uint)l.A, imm, m));
                CheckPredicate(InstructionHarness.Wire(Opcode.SetpS64Imm, m, imm), i64, l => CmpI((long)l.A, (long)(int)imm, m));
                CheckPredicate(InstructionHarness.Wire(Opcode.SetpU64Imm, m, imm), i64, l => CmpI(l.A, (ulong)imm, m));
            }
        }
        for (byte m = 0; m < 14; m++)
        {
            CheckPredicate(InstructionHarness.Wire(Opcode.SetpF32, m), f32, l => CmpF(F(l.A), F(l.B), m));
            CheckPredicate(InstructionHarness.Wire(Opcode.SetpF64, m), f64, l => CmpF(D(l.A), D(l.B), m));
            foreach (float imm in new[] { 0f, float.NaN, -1.5f })
            {
                CheckPredicate(InstructionHarness.Wire(Opcode.SetpF32Imm, m, BitConverter.SingleToUInt32Bits(imm)), f32, l => CmpF(F(l.A), imm, m));
            }
        }
    }

    [Fact]
    public void PredicateLogic()
    {
        var lanes = Operands.Lanes(64, 9, (r, i) => 0);
        CheckPredicate(InstructionHarness.Wire(Opcode.AndPred), lanes, l => l.P2 && l.P3);
        CheckPredicate(InstructionHarness.Wire(Opcode.OrPred), lanes, l => l.P2 || l.P3);
        CheckPredicate(InstructionHarness.Wire(Opcode.XorPred), lanes, l => l.P2 != l.P3);
        CheckPredicate(InstructionHarness.Wire(Opcode.NotPred), lanes, l => !l.P2);
        CheckPredicate(InstructionHarness.Wire(Opcode.MovPred), lanes, l => l.P2);
    }

    [Fact]
    public void FmaImmediateAccumulatesIntoTheDestination()
    {
        string text = """
            .target n4
            .kernel fmai
                .param p 8 8 ptr global
                s2r R0, %tid.x
                mul.wide.u32 R2, R0, 8
                ld.param.b64 R4, [RZ]
                add.u64 R4, R4, R2
                ld.global.b32 R6, [R4]
                ld.global.b32 R7, [R4+4]
                fma.f32 R7, R6, 1.5
                st.global.b32 [R4+4], R7
                exit
            .end
            """;
        using var device = Device.Create();
        using var module = device.LoadModule(TestKernels.AssembleText(text));
        var rng = new Random(8);
        var pairs = Enumerable.Range(0, 64).Select(i => (float)(rng.NextDouble() * 1e6 - 5e5)).ToArray();
        using var d = device.Upload<float>(pairs);
        module.GetKernel("fmai").Launch(1, 32, 0, d);
        var result = d.ToArray();
        for (int i = 0; i < 32; i++)
        {
            Assert.Equal(MathF.FusedMultiplyAdd(pairs[2 * i], 1.5f, pairs[(2 * i) + 1]), result[(2 * i) + 1]);
        }
    }
}
