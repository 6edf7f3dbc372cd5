using System.Globalization;
using System.Text;

namespace ByteChip.Runtime.Tests;

/// <summary>
/// Random programs with arbitrary (also irreducible) branches, backward branches bounded by a per-thread
/// fuel counter, guarded early exits and calls into a function that branches itself. Each program runs on
/// the device model and, thread by thread, on a plain sequential interpreter of the same generated
/// operations; without cross-lane instructions every thread's result must match, whatever the divergence.
/// </summary>
public sealed class RandomControlFlowTests
{
    private abstract record Op;

    private sealed record Alu(string Mnemonic, int D, int A, int B) : Op;

    private sealed record AluImm(string Mnemonic, int D, int A, uint Imm) : Op;

    private sealed record Setp(string Cmp, int Pd, int A, uint Imm) : Op;

    private sealed record Branch(int Pred, bool Negated, string Target) : Op;

    private sealed record Fuel(string Target) : Op;

    private sealed record Exit(int Pred, bool Negated) : Op;

    private sealed record Call(int Pred, bool Negated) : Op;

    private sealed record Label(string Name) : Op;

    private const uint Untouched = 0xA5A5_A5A5;

    private static (List<Op> Main, List<Op> Function) Generate(int seed)
    {
        var r = new Random(seed);
        int blocks = r.Next(4, 10);
        var main = new List<Op>();
        var function = new List<Op>();
        void Body(List<Op> ops, int count)
        {
            for (int i = 0; i < count; i++)
            {
                switch (r.Next(5))
                {
                    case 0: ops.Add(new Alu(r.Next(2) == 0 ? "add.u32" : "xor.b32", r.Next(1, 7), r.Next(1, 7), r.Next(1, 7))); break;
                    case 1: ops.Add(new Alu("mul.lo.u32", r.Next(1, 7), r.Next(1, 7), r.Next(1, 7))); break;
                    case 2: ops.Add(new AluImm(r.Next(2) == 0 ? "add.u32" : "shr.u32", r.Next(1, 7), r.Next(1, 7), (uint)r.Next(0, 40))); break;
                    case 3: ops.Add(new AluImm("and.b32", r.Next(1, 7), r.Next(1, 7), (uint)r.Next(1, 1 << 16))); break;
                    default: ops.Add(new Setp(r.Next(2) == 0 ? "lt" : "ne", r.Next(0, 3), r.Next(1, 7), (uint)r.Next(0, 64))); break;
                }
            }
        }
        for (int b = 0; b < blocks; b++)
        {
            main.Add(new Label($"b{b}"));
            Body(main, r.Next(1, 5));
            int p = r.Next(0, 3);
            bool neg = r.Next(2) == 0;
            switch (r.Next(6))
            {
                case 0: main.Add(new Branch(p, neg, $"b{r.Next(b + 1, blocks + 1)}")); break;
                case 1: main.Add(new Fuel($"b{r.Next(0, b + 1)}")); break;
                case 2: main.Add(new Exit(p, neg)); break;
                case 3: main.Add(new Call(p, neg)); break;
                case 4: main.Add(new Branch(p, neg, $"b{r.Next(b + 1, blocks + 1)}")); main.Add(new Fuel($"b{r.Next(0, b + 1)}")); break;
                default: break;
            }
        }
        main.Add(new Label($"b{blocks}"));
        Body(function, r.Next(1, 4));
        function.Add(new Setp("lt", 0, r.Next(1, 7), (uint)r.Next(0, 64)));
        function.Add(new Branch(0, false, "fskip"));
        Body(function, r.Next(1, 3));
        function.Add(new Label("fskip"));
        Body(function, 1);
        return (main, function);
    }

    private static string Pred(int p, bool negated) => (negated ? "@!P" : "@P") + p.ToString(CultureInfo.InvariantCulture);

    private static void Emit(StringBuilder sb, Op op)
    {
        switch (op)
        {
            case Alu a: sb.AppendLine($"    {a.Mnemonic} R{a.D}, R{a.A}, R{a.B}"); break;
            case AluImm a: sb.AppendLine($"    {a.Mnemonic} R{a.D}, R{a.A}, {a.Imm}"); break;
            case Setp s: sb.AppendLine($"    setp.{s.Cmp}.u32 P{s.Pd}, R{s.A}, {s.Imm}"); break;
            case Branch b: sb.AppendLine($"    {Pred(b.Pred, b.Negated)} bra {b.Target}"); break;
            case Fuel f: sb.AppendLine($"    sub.u32 R7, R7, 1\n    setp.gt.s32 P3, R7, 0\n    @P3 bra {f.Target}"); break;
            case Exit e: sb.AppendLine($"    {Pred(e.Pred, e.Negated)} exit"); break;
            case Call c: sb.AppendLine($"    {Pred(c.Pred, c.Negated)} call R20, func"); break;
            case Label l: sb.AppendLine($"{l.Name}:"); break;
        }
    }

    private static string Assembly(List<Op> main, List<Op> function)
    {
        var sb = new StringBuilder();
        sb.AppendLine("""
            .target n4
            .kernel random
                .param in 8 8 ptr global
                .param out 8 8 ptr global
                s2r R0, %tid.x
                s2r R1, %ctaid.x
                s2r R2, %ntid.x
                mad.lo.u32 R2, R1, R2, R0
                mov.b32 R21, R2
                mul.wide.u32 R8, R2, 4
                ld.param.b64 R10, [RZ]
                add.u64 R10, R10, R8
                ld.global.b32 R1, [R10]
                xor.b32 R3, R1, R2
                mul.lo.u32 R4, R1, R1
                mov.b32 R5, 7
                mov.b32 R6, 0x9E3779B9
                mov.b32 R7, 40
                setp.lt.u32 P0, R1, 0x80000000
                setp.lt.u32 P1, R3, 0x40000000
                setp.ne.u32 P2, R4, 0
            """);
        main.ForEach(op => Emit(sb, op));
        sb.AppendLine("""
                mul.wide.u32 R8, R21, 24
                ld.param.b64 R10, [RZ+8]
                add.u64 R10, R10, R8
                st.global.b32 [R10], R1
                st.global.b32 [R10+4], R2
                st.global.b32 [R10+8], R3
                st.global.b32 [R10+12], R4
                st.global.b32 [R10+16], R5
                st.global.b32 [R10+20], R6
                exit
            func:
            """);
        function.ForEach(op => Emit(sb, op));
        sb.AppendLine("    ret R20\n.end");
        return sb.ToString();
    }

    /// <summary>One thread, sequentially.</summary>
    private static uint[] Interpret(List<Op> main, List<Op> function, uint input, uint index)
    {
        var r = new uint[8];
        var p = new bool[4];
        r[1] = input;
        r[2] = index;
        r[3] = input ^ index;
        r[4] = input * input;
        r[5] = 7;
        r[6] = 0x9E3779B9;
        r[7] = 40;
        p[0] = input < 0x80000000;
        p[1] = r[3] < 0x40000000;
        p[2] = r[4] != 0;
        bool Run(List<Op> ops)
        {
            for (int pc = 0; pc < ops.Count; pc++)
            {
                switch (ops[pc])
                {
                    case Alu a:
                        r[a.D] = a.Mnemonic switch { "add.u32" => r[a.A] + r[a.B], "xor.b32" => r[a.A] ^ r[a.B], _ => r[a.A] * r[a.B] };
                        break;
                    case AluImm a:
                        r[a.D] = a.Mnemonic switch { "add.u32" => r[a.A] + a.Imm, "shr.u32" => a.Imm >= 32 ? 0 : r[a.A] >> (int)a.Imm, _ => r[a.A] & a.Imm };
                        break;
                    case Setp s:
                        p[s.Pd] = s.Cmp == "lt" ? r[s.A] < s.Imm : r[s.A] != s.Imm;
                        break;
                    case Branch b when p[b.Pred] != b.Negated:
                        pc = ops.IndexOf(new Label(b.Target));
                        break;
                    case Fuel f:
                        r[7]--;
                        p[3] = (int)r[7] > 0;
                        if (p[3])
                        {
                            pc = ops.IndexOf(new Label(f.Target));
                        }
                        break;
                    case Exit e when p[e.Pred] != e.Negated:
                        return false;
                    case Call c when p[c.Pred] != c.Negated:
                        Run(function);
                        break;
                }
            }
            return true;
        }
        return Run(main) ? r[1..7] : Enumerable.Repeat(Untouched, 6).ToArray();
    }

    [Theory]
    [InlineData(0, 40)]
    [InlineData(40, 40)]
    [InlineData(80, 40)]
    public void RandomProgramsMatchSequentialExecution(int firstSeed, int count)
    {
        using var device = Device.Create();
        const int blocks = 2, threads = 96, n = blocks * threads;
        var rng = new Random(firstSeed);
        var input = Enumerable.Range(0, n).Select(_ => (uint)rng.Next() * 2654435761u).ToArray();
        using var din = device.Upload<uint>(input);
        using var dout = device.Allocate<uint>(n * 6);
        long divergent = 0;
        for (int seed = firstSeed; seed < firstSeed + count; seed++)
        {
            var (main, function) = Generate(seed);
            string text = Assembly(main, function);
            using var module = device.LoadModule(TestKernels.AssembleText(text, $"random{seed}.s"));
            dout.Fill(Untouched);
            divergent += module.GetKernel("random").Launch(blocks, threads, 0, din, dout).DivergentBranches;
            var output = dout.ToArray();
            for (int i = 0; i < n; i++)
            {
                var expected = Interpret(main, function, input[i], (uint)i);
                Assert.True(expected.SequenceEqual(output.AsSpan(i * 6, 6).ToArray()), $"seed {seed} thread {i}:\n{text}");
            }
        }
        Assert.True(divergent > count, $"only {divergent} divergent branches: the programs do not exercise divergence");
    }
}
