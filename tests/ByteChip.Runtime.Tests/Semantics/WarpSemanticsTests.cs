using ByteChip.Isa;

namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>Moves, selects, special registers, shuffles, votes and dp4a against references.</summary>
public sealed class WarpSemanticsTests
{
    private static LaneInput[] Warp(int seed, Func<Random, int, LaneInput> gen)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, 32).Select(i => gen(r, i)).ToArray();
    }

    /// <summary>CUDA's __shfl_*_sync(width) semantics for one lane; kind 0 idx, 1 up, 2 down, 3 xor.</summary>
    private static uint CudaShuffle(uint[] values, int lane, int kind, int b, int width)
    {
        int segmentBase = lane & ~(width - 1);
        int src = kind switch
        {
            0 => segmentBase + (b % width),
            1 => (lane % width) >= b ? lane - b : lane,
            2 => (lane % width) + b < width ? lane + b : lane,
            _ => (lane ^ b) < segmentBase + width ? lane ^ b : lane,
        };
        return values[src];
    }

    [Theory]
    [InlineData(Opcode.ShflIdxB32, 0)]
    [InlineData(Opcode.ShflUpB32, 1)]
    [InlineData(Opcode.ShflDownB32, 2)]
    [InlineData(Opcode.ShflBflyB32, 3)]
    public void ShuffleMatchesCudaForEveryWidth(Opcode op, int kind)
    {
        foreach (int width in new[] { 32, 16, 8, 4, 2, 1 })
        {
            foreach (int b in new[] { 0, 1, 3, 5, 16, 31 })
            {
                uint seg = (uint)(32 - width);
                uint cval = kind == 1 ? 0u : 31u;
                var lanes = Warp(b + width, (r, i) => new LaneInput((uint)r.Next(), (uint)b, (seg << 8) | cval, uint.MaxValue, false, false));
                var values = lanes.Select(l => (uint)l.A).ToArray();
                var outputs = InstructionHarness.Run(InstructionHarness.Wire(op), lanes);
                for (int lane = 0; lane < 32; lane++)
                {
                    Assert.True(CudaShuffle(values, lane, kind, b % 32, width) == (uint)outputs[lane].D, $"{op} width {width} b {b} lane {lane}");
                }
            }
        }
    }

    [Fact]
    public void VotesOverMemberMasks()
    {
        foreach (uint members in new[] { uint.MaxValue, 0x0000_FFFFu, 0x8000_0001u, 0u })
        {
            var lanes = Warp((int)members, (r, i) => new LaneInput(0, 0, 0, members, r.Next(3) != 0, false));
            uint truth = 0;
            for (int i = 0; i < 32; i++)
            {
                truth |= lanes[i].P2 ? 1u << i : 0;
            }
            uint t = truth & members;
            var ballot = InstructionHarness.Run(InstructionHarness.Wire(Opcode.VoteBallotB32), lanes);
            var all = InstructionHarness.Run(InstructionHarness.Wire(Opcode.VoteAll), lanes);
            var any = InstructionHarness.Run(InstructionHarness.Wire(Opcode.VoteAny), lanes);
            var uni = InstructionHarness.Run(InstructionHarness.Wire(Opcode.VoteUni), lanes);
            for (int i = 0; i < 32; i++)
            {
                Assert.Equal(t, ballot[i].D);
                Assert.Equal(t == members, all[i].P1);
                Assert.Equal(t != 0, any[i].P1);
                Assert.Equal(t == 0 || t == members, uni[i].P1);
            }
        }
    }

    [Fact]
    public void MovesSelectsAndActivemask()
    {
        var lanes = Operands.Lanes(64, 3, (r, i) => Operands.Int64(r, i));
        IntegerSemanticsTests.Check(Opcode.MovB32, lanes, l => (uint)l.A);
        IntegerSemanticsTests.Check(Opcode.MovB64, lanes, l => l.A);
        IntegerSemanticsTests.Check(Opcode.MovB32Imm, lanes, _ => 0xCAFEF00D, 0xCAFEF00D);
        IntegerSemanticsTests.Check(Opcode.SelpB32, lanes, l => l.P2 ? (uint)l.A : (uint)l.B);
        IntegerSemanticsTests.Check(Opcode.SelpB64, lanes, l => l.P2 ? l.A : l.B);
    }

    [Fact]
    public void ActivemaskNamesTheExecutingLanes()
    {
        // 40 threads: the second warp has 8 lanes.
        var lanes = Operands.Lanes(40, 4, (r, i) => 0);
        var outputs = InstructionHarness.Run(InstructionHarness.Wire(Opcode.Activemask), lanes);
        Assert.All(outputs[..32], o => Assert.Equal(0xFFFF_FFFFUL, o.D));
        Assert.All(outputs[32..], o => Assert.Equal(0xFFUL, o.D));
        var guarded = InstructionHarness.Run(InstructionHarness.Wire(Opcode.Activemask, guard: Pred.P(2)), lanes);
        uint executing = 0;
        for (int i = 0; i < 32; i++)
        {
            executing |= lanes[i].P2 ? 1u << i : 0;
        }
        for (int i = 0; i < 32; i++)
        {
            Assert.Equal(lanes[i].P2 ? executing : 0UL, guarded[i].D);
        }
    }

    [Theory]
    [InlineData(SpecialRegister.TidX, 0)]
    [InlineData(SpecialRegister.Laneid, 1)]
    [InlineData(SpecialRegister.Warpid, 2)]
    [InlineData(SpecialRegister.Nwarpid, 3)]
    [InlineData(SpecialRegister.NtidX, 4)]
    [InlineData(SpecialRegister.LanemaskLt, 5)]
    [InlineData(SpecialRegister.LanemaskLe, 6)]
    [InlineData(SpecialRegister.LanemaskGt, 7)]
    [InlineData(SpecialRegister.LanemaskGe, 8)]
    [InlineData(SpecialRegister.LanemaskEq, 9)]
    [InlineData(SpecialRegister.Nsmid, 10)]
    [InlineData(SpecialRegister.CtaidX, 11)]
    public void SpecialRegisters(SpecialRegister sreg, int which)
    {
        var lanes = Operands.Lanes(70, 5, (r, i) => 0);
        var outputs = InstructionHarness.Run(InstructionHarness.Wire(Opcode.S2r, imm: (uint)sreg), lanes);
        for (int t = 0; t < lanes.Length; t++)
        {
            int lane = t % 32;
            ulong want = which switch
            {
                0 => (ulong)t,
                1 => (ulong)lane,
                2 => (ulong)(t / 32),
                3 => 3,
                4 => 70,
                5 => (1UL << lane) - 1,
                6 => (2UL << lane) - 1,
                7 => 0xFFFF_FFFFUL & ~((2UL << lane) - 1),
                8 => 0xFFFF_FFFFUL & ~((1UL << lane) - 1),
                9 => 1UL << lane,
                10 => 132,
                _ => 0,
            };
            Assert.Equal(want, outputs[t].D);
        }
    }

    [Theory]
    [InlineData(Opcode.Dp4aS32S8S8, true, true)]
    [InlineData(Opcode.Dp4aU32U8U8, false, false)]
    [InlineData(Opcode.Dp4aS32S8U8, true, false)]
    [InlineData(Opcode.Dp4aS32U8S8, false, true)]
    public void Dp4a(Opcode op, bool aSigned, bool bSigned)
    {
        var lanes = Operands.Lanes(128, (int)op, (r, i) => Operands.Int32(r, i));
        IntegerSemanticsTests.Check(op, lanes, l =>
        {
            uint sum = (uint)l.C;
            for (int k = 0; k < 4; k++)
            {
                byte x = (byte)(l.A >> (8 * k)), y = (byte)(l.B >> (8 * k));
                sum += (uint)((aSigned ? (sbyte)x : x) * (bSigned ? (sbyte)y : y));
            }
            return sum;
        });
    }
}
