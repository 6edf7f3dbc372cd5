using ByteChip.Isa;

namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>int32 and int64 instructions against C# references on random operands and edge values.</summary>
public sealed class IntegerSemanticsTests
{
    private delegate ulong Ref(ulong a, ulong b, ulong c, ulong e);

    private static uint Lo(ulong v) => (uint)v;

    private static int S(ulong v) => (int)(uint)v;

    private static uint ReverseBits(uint v)
    {
        uint r = 0;
        for (int i = 0; i < 32; i++)
        {
            r |= ((v >> i) & 1) << (31 - i);
        }
        return r;
    }

    private static ulong ReverseBits64(ulong v)
    {
        ulong r = 0;
        for (int i = 0; i < 64; i++)
        {
            r |= ((v >> i) & 1) << (63 - i);
        }
        return r;
    }

    /// <summary>PTX bfe, bit by bit.</summary>
    private static uint Bfe(uint a, uint b, uint c, bool signed)
    {
        int pos = (int)(b & 0xFF), len = (int)(c & 0xFF);
        if (len == 0)
        {
            return 0;
        }
        uint sbit = signed ? (a >> Math.Min(pos + len - 1, 31)) & 1 : 0;
        uint d = 0;
        for (int i = 0; i < 32; i++)
        {
            uint bit = i < len && pos + i <= 31 ? (a >> (pos + i)) & 1 : sbit;
            d |= bit << i;
        }
        return d;
    }

    private static uint Bfi(uint a, uint b, uint c, uint e)
    {
        int pos = (int)(c & 0xFF), len = (int)(e & 0xFF);
        uint d = b;
        for (int i = 0; i < len && pos + i < 32; i++)
        {
            uint bit = (a >> i) & 1;
            d = (d & ~(1u << (pos + i))) | (bit << (pos + i));
        }
        return d;
    }

    private static uint DivS(int a, int b) => b == 0 ? (a >= 0 ? uint.MaxValue : 1u) : a == int.MinValue && b == -1 ? 0x8000_0000u : (uint)(a / b);

    private static uint RemS(int a, int b) => b == 0 ? (uint)a : b == -1 ? 0u : (uint)(a % b);

    private static readonly Dictionary<Opcode, Ref> s_int32 = new()
    {
        [Opcode.AddU32] = (a, b, c, e) => Lo(a) + Lo(b),
        [Opcode.SubU32] = (a, b, c, e) => Lo(a) - Lo(b),
        [Opcode.MulLoU32] = (a, b, c, e) => Lo(a) * Lo(b),
        [Opcode.MulhiU32] = (a, b, c, e) => (uint)(((ulong)Lo(a) * Lo(b)) >> 32),
        [Opcode.MulhiS32] = (a, b, c, e) => (uint)(((long)S(a) * S(b)) >> 32),
        [Opcode.MadLoU32] = (a, b, c, e) => (Lo(a) * Lo(b)) + Lo(c),
        [Opcode.MinS32] = (a, b, c, e) => (uint)Math.Min(S(a), S(b)),
        [Opcode.MinU32] = (a, b, c, e) => Math.Min(Lo(a), Lo(b)),
        [Opcode.MaxS32] = (a, b, c, e) => (uint)Math.Max(S(a), S(b)),
        [Opcode.MaxU32] = (a, b, c, e) => Math.Max(Lo(a), Lo(b)),
        [Opcode.AndB32] = (a, b, c, e) => Lo(a) & Lo(b),
        [Opcode.OrB32] = (a, b, c, e) => Lo(a) | Lo(b),
        [Opcode.XorB32] = (a, b, c, e) => Lo(a) ^ Lo(b),
        [Opcode.ShlB32] = (a, b, c, e) => Lo(b) >= 32 ? 0 : Lo(a) << (int)Lo(b),
        [Opcode.ShrU32] = (a, b, c, e) => Lo(b) >= 32 ? 0 : Lo(a) >> (int)Lo(b),
        [Opcode.ShrS32] = (a, b, c, e) => Lo(b) >= 32 ? (S(a) < 0 ? uint.MaxValue : 0) : (uint)(S(a) >> (int)Lo(b)),
        [Opcode.DivU32] = (a, b, c, e) => Lo(b) == 0 ? uint.MaxValue : Lo(a) / Lo(b),
        [Opcode.DivS32] = (a, b, c, e) => DivS(S(a), S(b)),
        [Opcode.RemU32] = (a, b, c, e) => Lo(b) == 0 ? Lo(a) : Lo(a) % Lo(b),
        [Opcode.RemS32] = (a, b, c, e) => RemS(S(a), S(b)),
        [Opcode.NotB32] = (a, b, c, e) => ~Lo(a),
        [Opcode.NegS32] = (a, b, c, e) => (uint)-S(a),
        [Opcode.AbsS32] = (a, b, c, e) => S(a) == int.MinValue ? 0x8000_0000u : (uint)Math.Abs(S(a)),
        [Opcode.PopcB32] = (a, b, c, e) => (uint)System.Numerics.BitOperations.PopCount(Lo(a)),
        [Opcode.ClzB32] = (a, b, c, e) => (uint)System.Numerics.BitOperations.LeadingZeroCount(Lo(a)),
        [Opcode.BrevB32] = (a, b, c, e) => ReverseBits(Lo(a)),
        [Opcode.BfeU32] = (a, b, c, e) => Bfe(Lo(a), Lo(b), Lo(c), signed: false),
        [Opcode.BfeS32] = (a, b, c, e) => Bfe(Lo(a), Lo(b), Lo(c), signed: true),
        [Opcode.BfiB32] = (a, b, c, e) => Bfi(Lo(a), Lo(b), Lo(c), Lo(e)),
    };

    private static readonly Dictionary<Opcode, Opcode> s_immediateOf = new()
    {
        [Opcode.AddU32Imm] = Opcode.AddU32,
        [Opcode.SubU32Imm] = Opcode.SubU32,
        [Opcode.MulLoU32Imm] = Opcode.MulLoU32,
        [Opcode.MinS32Imm] = Opcode.MinS32,
        [Opcode.MinU32Imm] = Opcode.MinU32,
        [Opcode.MaxS32Imm] = Opcode.MaxS32,
        [Opcode.MaxU32Imm] = Opcode.MaxU32,
        [Opcode.AndB32Imm] = Opcode.AndB32,
        [Opcode.OrB32Imm] = Opcode.OrB32,
        [Opcode.XorB32Imm] = Opcode.XorB32,
        [Opcode.ShlB32Imm] = Opcode.ShlB32,
        [Opcode.ShrU32Imm] = Opcode.ShrU32,
        [Opcode.ShrS32Imm] = Opcode.ShrS32,
    };

    private static long Sx(ulong v) => (long)v;

    private static ulong Div64(long a, long b) => b == 0 ? (a >= 0 ? ulong.MaxValue : 1UL) : a == long.MinValue && b == -1 ? 0x8000_0000_0000_0000UL : (ulong)(a / b);

    private static readonly Dictionary<Opcode, Ref> s_int64 = new()
    {
        [Opcode.AddU64] = (a, b, c, e) => a + b,
        [Opcode.SubU64] = (a, b, c, e) => a - b,
        [Opcode.MulLoU64] = (a, b, c, e) => a * b,
        [Opcode.MulhiU64] = (a, b, c, e) => (ulong)(((UInt128)a * b) >> 64),
        [Opcode.MulhiS64] = (a, b, c, e) => (ulong)(((Int128)Sx(a) * Sx(b)) >> 64),
        [Opcode.MadLoU64] = (a, b, c, e) => (a * b) + c,
        [Opcode.MinS64] = (a, b, c, e) => (ulong)Math.Min(Sx(a), Sx(b)),
        [Opcode.MinU64] = (a, b, c, e) => Math.Min(a, b),
        [Opcode.MaxS64] = (a, b, c, e) => (ulong)Math.Max(Sx(a), Sx(b)),
        [Opcode.MaxU64] = (a, b, c, e) => Math.Max(a, b),
        [Opcode.AndB64] = (a, b, c, e) => a & b,
        [Opcode.OrB64] = (a, b, c, e) => a | b,
        [Opcode.XorB64] = (a, b, c, e) => a ^ b,
        [Opcode.ShlB64] = (a, b, c, e) => Lo(b) >= 64 ? 0 : a << (int)Lo(b),
        [Opcode.ShrU64] = (a, b, c, e) => Lo(b) >= 64 ? 0 : a >> (int)Lo(b),
        [Opcode.ShrS64] = (a, b, c, e) => Lo(b) >= 64 ? (Sx(a) < 0 ? ulong.MaxValue : 0) : (ulong)(Sx(a) >> (int)Lo(b)),
        [Opcode.DivU64] = (a, b, c, e) => b == 0 ? ulong.MaxValue : a / b,
        [Opcode.DivS64] = (a, b, c, e) => Div64(Sx(a), Sx(b)),
        [Opcode.RemU64] = (a, b, c, e) => b == 0 ? a : a % b,
        [Opcode.RemS64] = (a, b, c, e) => b == 0 ? a : Sx(b) == -1 ? 0 : (ulong)(Sx(a) % Sx(b)),
        [Opcode.NotB64] = (a, b, c, e) => ~a,
        [Opcode.NegS64] = (a, b, c, e) => (ulong)-Sx(a),
        [Opcode.AbsS64] = (a, b, c, e) => Sx(a) == long.MinValue ? a : (ulong)Math.Abs(Sx(a)),
        [Opcode.PopcB64] = (a, b, c, e) => (ulong)System.Numerics.BitOperations.PopCount(a),
        [Opcode.ClzB64] = (a, b, c, e) => (ulong)System.Numerics.BitOperations.LeadingZeroCount(a),
        [Opcode.BrevB64] = (a, b, c, e) => ReverseBits64(a),
        [Opcode.MulWideU32] = (a, b, c, e) => (ulong)Lo(a) * Lo(b),
        [Opcode.MulWideS32] = (a, b, c, e) => (ulong)((long)S(a) * S(b)),
        [Opcode.MadWideU32] = (a, b, c, e) => ((ulong)Lo(a) * Lo(b)) + c,
        [Opcode.MadWideS32] = (a, b, c, e) => (ulong)((long)S(a) * S(b)) + c,
    };

    public static TheoryData<Opcode> Int32Opcodes => [.. s_int32.Keys];

    public static TheoryData<Opcode> Int32ImmediateOpcodes => [.. s_immediateOf.Keys];

    public static TheoryData<Opcode> Int64Opcodes => [.. s_int64.Keys];

    internal static void Check(Opcode op, LaneInput[] lanes, Func<LaneInput, ulong> expected, uint imm = 0, byte modifier = 0)
    {
        var outputs = InstructionHarness.Run(InstructionHarness.Wire(op, modifier, imm), lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            ulong want = expected(lanes[i]);
            if (outputs[i].D != want)
            {
                Assert.Fail($"{op} imm=0x{imm:X} m={modifier} lane {i}: a=0x{lanes[i].A:X} b=0x{lanes[i].B:X} c=0x{lanes[i].C:X} e=0x{lanes[i].E:X}: expected 0x{want:X}, got 0x{outputs[i].D:X}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Int32Opcodes))]
    public void Int32MatchesReference(Opcode op)
    {
        var f = s_int32[op];
        bool bitField = op is Opcode.BfeU32 or Opcode.BfeS32 or Opcode.BfiB32;
        var lanes = Operands.Lanes(256, (int)op, bitField ? (r, i) => (ulong)(i % 2 == 0 ? Operands.Int32(r, i) : (uint)r.Next(0, 48)) : (r, i) => Operands.Int32(r, i));
        Check(op, lanes, l => f(l.A, l.B, l.C, l.E) & 0xFFFF_FFFF);
    }

    [Theory]
    [MemberData(nameof(Int32ImmediateOpcodes))]
    public void Int32ImmediateMatchesReference(Opcode op)
    {
        var f = s_int32[s_immediateOf[op]];
        var lanes = Operands.Lanes(64, (int)op, (r, i) => Operands.Int32(r, i));
        foreach (uint imm in new uint[] { 0, 1, 5, 31, 32, 33, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF })
        {
            Check(op, lanes, l => f(l.A, imm, l.C, l.E) & 0xFFFF_FFFF, imm);
        }
    }

    [Theory]
    [MemberData(nameof(Int64Opcodes))]
    public void Int64MatchesReference(Opcode op)
    {
        var f = s_int64[op];
        bool shift = op is Opcode.ShlB64 or Opcode.ShrU64 or Opcode.ShrS64;
        var lanes = Operands.Lanes(256, (int)op, shift ? (r, i) => i % 2 == 0 ? Operands.Int64(r, i) : (ulong)r.Next(0, 70) : (r, i) => Operands.Int64(r, i));
        bool narrow = op is Opcode.PopcB64 or Opcode.ClzB64;
        Check(op, lanes, l => narrow ? f(l.A, l.B, l.C, l.E) & 0xFFFF_FFFF : f(l.A, l.B, l.C, l.E));
    }

    [Fact]
    public void Int64ImmediateFormsMatchReference()
    {
        var lanes = Operands.Lanes(64, 99, (r, i) => Operands.Int64(r, i));
        foreach (uint imm in new uint[] { 0, 1, 31, 63, 64, 65, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF })
        {
            ulong sext = (ulong)(long)(int)imm;
            Check(Opcode.AddU64Imm, lanes, l => l.A + sext, imm);
            Check(Opcode.AndB64Imm, lanes, l => l.A & sext, imm);
            Check(Opcode.MovB64Imm, lanes, _ => sext, imm);
            Check(Opcode.ShlB64Imm, lanes, l => s_int64[Opcode.ShlB64](l.A, imm, 0, 0), imm);
            Check(Opcode.ShrU64Imm, lanes, l => s_int64[Opcode.ShrU64](l.A, imm, 0, 0), imm);
            Check(Opcode.ShrS64Imm, lanes, l => s_int64[Opcode.ShrS64](l.A, imm, 0, 0), imm);
            Check(Opcode.MulWideU32Imm, lanes, l => (ulong)Lo(l.A) * imm, imm);
            Check(Opcode.MulWideS32Imm, lanes, l => (ulong)((long)S(l.A) * (int)imm), imm);
        }
    }

    [Fact]
    public void GuardedLanesKeepTheirDestination()
    {
        var lanes = Operands.Lanes(64, 5, (r, i) => Operands.Int32(r, i));
        var inst = InstructionHarness.Wire(Opcode.AddU32) with { Guard = 2 };
        var outputs = InstructionHarness.Run(inst, lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            Assert.Equal(lanes[i].P2 ? (ulong)(Lo(lanes[i].A) + Lo(lanes[i].B)) : 0UL, outputs[i].D);
        }
    }
}
