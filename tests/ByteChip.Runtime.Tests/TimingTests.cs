using System.Text;
using ByteChip.Isa;

namespace ByteChip.Runtime.Tests;

/// <summary>
/// The device model's timing estimate on hand-written kernels. Every expected cycle count is worked out here,
/// instruction by instruction, from the ISA spec's latencies (<see cref="TargetInfo.LatencyOf(Opcode)"/>): a
/// warp issues one instruction per cycle, and no earlier than the results it reads (or overwrites) are ready.
/// </summary>
public sealed class TimingTests
{
    private static readonly TargetInfo N4 = TargetInfo.Find("n4")!;

    private static int L(Opcode op, TargetInfo? target = null) => (target ?? N4).LatencyOf(op);

    /// <summary>A warp's issue cycles as the test lists them: each instruction waits for the cycles it names.</summary>
    private sealed class Timeline
    {
        public long Next;
        public long Stall;

        /// <summary>Issues an instruction that needs the given ready cycles; returns its issue cycle.</summary>
        public long Issue(params long[] ready)
        {
            long at = Math.Max(Next, ready.DefaultIfEmpty(0).Max());
            Stall += at - Next;
            Next = at + 1;
            return at;
        }
    }

    private static string Kernel(string body, string target = "n4") =>
        $".target {target}\n.kernel k\n    .param out 8 8 ptr global\n{body}.end\n";

    private static (LaunchStatistics Stats, uint[] Out) Run(string text, Dim3 grid, Dim3 block, int outWords = 64, string target = "n4", bool timed = true, int hostThreads = 2)
    {
        using var device = Device.Create(target);
        device.EstimateTiming = timed;
        device.HostThreads = hostThreads;
        using var module = device.LoadModule(TestKernels.AssembleText(text.Replace(".target n4", $".target {target}", StringComparison.Ordinal)));
        using var output = device.Allocate<uint>(outWords);
        var stats = module.GetKernel("k").Launch(grid, block, 0, output);
        return (stats, output.ToArray());
    }

    private static string Repeat(int n, Func<int, string> line)
    {
        var sb = new StringBuilder();
        for (int k = 0; k < n; k++)
        {
            sb.Append("    ").Append(line(k)).Append('\n');
        }
        return sb.ToString();
    }

    // n dependent adds (R1 = R1 + 1), then store R1 to out[0].
    private static string Chain(int n) => Kernel(Repeat(n, _ => "add.u32 R1, R1, 1")
        + "    ld.param.b64 R4, [RZ]\n    st.global.b32 [R4], R1\n    exit\n");

    // n independent adds into R8.., then store the last to out[0].
    private static string Independent(int n) => Kernel(Repeat(n, k => $"add.u32 R{8 + k}, R1, {k + 1}")
        + $"    ld.param.b64 R4, [RZ]\n    st.global.b32 [R4], R{8 + n - 1}\n    exit\n");

    private static (long Finish, long Stall) ChainTimeline(int n)
    {
        var t = new Timeline();
        long r1 = 0;
        for (int k = 0; k < n; k++)
        {
            r1 = t.Issue(r1) + L(Opcode.AddU32Imm);
        }
        long r4 = t.Issue() + L(Opcode.LdParamB64);
        t.Issue(r4, r1); // st.global
        t.Issue();       // exit
        return (t.Next, t.Stall);
    }

    private static (long Finish, long Stall) IndependentTimeline(int n)
    {
        var t = new Timeline();
        long last = 0;
        for (int k = 0; k < n; k++)
        {
            last = t.Issue() + L(Opcode.AddU32Imm);
        }
        long r4 = t.Issue() + L(Opcode.LdParamB64);
        t.Issue(r4, last);
        t.Issue();
        return (t.Next, t.Stall);
    }

    [Fact]
    public void TimingIsOffByDefault()
    {
        using var device = Device.Create();
        Assert.False(device.EstimateTiming);
        var (stats, _) = Run(Chain(4), 1, 32, timed: false);
        Assert.Null(stats.Timing);
        Assert.Equal(0, stats.EstimatedCycles);
        Assert.Equal(0, stats.StallCycles);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(40)]
    public void ADependentChainTakesOneLatencyPerInstruction(int n)
    {
        var (stats, output) = Run(Chain(n), 1, 32);
        Assert.Equal((uint)n, output[0]);
        var (finish, stall) = ChainTimeline(n);
        var timing = stats.Timing!;
        Assert.Equal(finish, timing.LatencyBoundCycles);
        Assert.Equal(finish, timing.EstimatedCycles);
        Assert.Equal(stall, timing.StallCycles);
        Assert.Equal((n + 3 + 3) / 4, timing.IssueBoundCycles); // n + 3 warp instructions, 4 per cycle
        Assert.Equal(0, timing.BarrierStallCycles);
    }

    [Fact]
    public void EachFurtherDependentAddCostsItsLatencyAndEachIndependentOneCostsOneCycle()
    {
        long chain16 = Run(Chain(16), 1, 32).Stats.EstimatedCycles;
        long chain32 = Run(Chain(32), 1, 32).Stats.EstimatedCycles;
        Assert.Equal(16L * L(Opcode.AddU32Imm), chain32 - chain16);

        long ind16 = Run(Independent(16), 1, 32).Stats.EstimatedCycles;
        long ind32 = Run(Independent(32), 1, 32).Stats.EstimatedCycles;
        Assert.Equal(16L, ind32 - ind16);
        Assert.Equal(IndependentTimeline(32).Finish, ind32);
        Assert.Equal(IndependentTimeline(32).Stall, Run(Independent(32), 1, 32).Stats.StallCycles);
    }

    private const string LoadUse = """
            ld.param.b64 R4, [RZ]
            ld.global.b32 R6, [R4]
            add.u32 R6, R6, 1
            st.global.b32 [R4], R6
            exit

        """;

    private static Timeline LoadUseTimeline()
    {
        var t = new Timeline();
        long r4 = t.Issue() + L(Opcode.LdParamB64);
        long r6 = t.Issue(r4) + L(Opcode.LdGlobalB32);
        r6 = t.Issue(r6) + L(Opcode.AddU32Imm);
        t.Issue(r4, r6);
        t.Issue();
        return t;
    }

    [Fact]
    public void ALoadFollowedByItsUseWaitsForMemory()
    {
        using var device = Device.Create();
        device.EstimateTiming = true;
        using var module = device.LoadModule(TestKernels.AssembleText(Kernel(LoadUse)));
        using var output = device.Upload<uint>([41u]);
        var stats = module.GetKernel("k").Launch(1, 32, 0, output);
        Assert.Equal(42u, output.ToArray()[0]);

        var t = LoadUseTimeline();
        Assert.Equal(t.Next, stats.EstimatedCycles);
        Assert.Equal(t.Stall, stats.StallCycles);
        Assert.True(stats.EstimatedCycles > L(Opcode.LdGlobalB32));
    }

    // Two loads, each used once: as written (load, use, load, use) and as a scheduler would order it.
    private const string TwoLoadsNaive = """
            ld.param.b64 R4, [RZ]
            ld.global.b32 R6, [R4]
            add.u32 R6, R6, 1
            ld.global.b32 R7, [R4+4]
            add.u32 R7, R7, 2
            st.global.b32 [R4], R6
            st.global.b32 [R4+4], R7
            exit

        """;

    private const string TwoLoadsScheduled = """
            ld.param.b64 R4, [RZ]
            ld.global.b32 R6, [R4]
            ld.global.b32 R7, [R4+4]
            add.u32 R6, R6, 1
            add.u32 R7, R7, 2
            st.global.b32 [R4], R6
            st.global.b32 [R4+4], R7
            exit

        """;

    [Fact]
    public void AScheduleThatHidesLatencyTakesFewerCyclesWithTheSameResults()
    {
        var naive = Run(Kernel(TwoLoadsNaive), 1, 32);
        var scheduled = Run(Kernel(TwoLoadsScheduled), 1, 32);
        Assert.Equal(naive.Out, scheduled.Out);
        Assert.Equal(1u, naive.Out[0]);
        Assert.Equal(2u, naive.Out[1]);

        int lp = L(Opcode.LdParamB64), lg = L(Opcode.LdGlobalB32), la = L(Opcode.AddU32Imm);
        var a = new Timeline();
        long r4 = a.Issue() + lp;
        long r6 = a.Issue(r4) + lg;
        r6 = a.Issue(r6) + la;
        long r7 = a.Issue(r4) + lg;
        r7 = a.Issue(r7) + la;
        a.Issue(r4, r6);
        a.Issue(r4, r7);
        a.Issue();
        var b = new Timeline();
        r4 = b.Issue() + lp;
        r6 = b.Issue(r4) + lg;
        r7 = b.Issue(r4) + lg;
        r6 = b.Issue(r6) + la;
        r7 = b.Issue(r7) + la;
        b.Issue(r4, r6);
        b.Issue(r4, r7);
        b.Issue();
        Assert.Equal(a.Next, naive.Stats.EstimatedCycles);
        Assert.Equal(b.Next, scheduled.Stats.EstimatedCycles);
        Assert.True(b.Next + lg - 2 <= a.Next, "the second load's latency is hidden");
    }

    [Fact]
    public void WarpsOfABlockOverlapUntilIssueSlotsRunOut()
    {
        // Latency-bound: two warps run the same chain side by side in the time of one.
        const int n = 16;
        var one = Run(Chain(n), 1, 32).Stats.Timing!;
        var two = Run(Chain(n), 1, 64).Stats.Timing!;
        Assert.Equal(ChainTimeline(n).Finish, two.LatencyBoundCycles);
        Assert.Equal(one.EstimatedCycles, two.EstimatedCycles);
        Assert.Equal(2 * one.StallCycles, two.StallCycles);
        Assert.Equal(((2 * (n + 3)) + 3) / 4, two.IssueBoundCycles);

        // Issue-bound: 32 warps of independent adds need more issue slots than cycles of latency.
        const int m = 32;
        var full = Run(Independent(m), 1, 1024).Stats.Timing!;
        long issueBound = ((32L * (m + 3)) + N4.IssueWidth - 1) / N4.IssueWidth;
        Assert.Equal(IndependentTimeline(m).Finish, full.LatencyBoundCycles);
        Assert.Equal(issueBound, full.IssueBoundCycles);
        Assert.True(issueBound > full.LatencyBoundCycles);
        Assert.Equal(issueBound, full.EstimatedCycles);
    }

    // Warp 0 runs n dependent adds before the barrier, warp 1 none; after it, every thread stores R1 to out[tid].
    private static string BarrierKernel(int n) => Kernel("""
            s2r R0, %warpid
            s2r R2, %tid.x
            setp.ne.u32 P0, R0, 0
            @P0 bra.uni skip

        """ + Repeat(n, _ => "add.u32 R1, R1, 1") + """
        skip:
            bar.sync 0
            ld.param.b64 R4, [RZ]
            mul.wide.u32 R6, R2, 4
            add.u64 R4, R4, R6
            st.global.b32 [R4], R1
            exit

        """);

    [Fact]
    public void ABarrierAlignsTheWarpsOfABlockToTheLastArrival()
    {
        const int n = 20;
        var (stats, output) = Run(BarrierKernel(n), 1, 64);
        Assert.Equal(Enumerable.Repeat((uint)n, 32).Concat(Enumerable.Repeat(0u, 32)), output);

        int ls = L(Opcode.S2r), la = L(Opcode.AddU32Imm);
        long[] arrival = new long[2];
        long[] r1 = new long[2];
        var t = new[] { new Timeline(), new Timeline() };
        long[] r2 = new long[2];
        for (int w = 0; w < 2; w++)
        {
            long r0 = t[w].Issue() + ls;
            r2[w] = t[w].Issue() + ls;
            long p0 = t[w].Issue(r0) + L(Opcode.SetpU32Imm);
            t[w].Issue(p0); // @P0 bra.uni
            for (int k = 0; k < (w == 0 ? n : 0); k++)
            {
                r1[w] = t[w].Issue(r1[w]) + la;
            }
            arrival[w] = t[w].Issue(); // bar.sync
        }
        long resume = arrival.Max() + L(Opcode.BarSync);
        long barrierStall = 0;
        for (int w = 0; w < 2; w++)
        {
            barrierStall += resume - t[w].Next;
            t[w].Next = resume;
            long r4 = t[w].Issue() + L(Opcode.LdParamB64);
            long r6 = t[w].Issue(r2[w]) + L(Opcode.MulWideU32Imm);
            r4 = t[w].Issue(r4, r6) + L(Opcode.AddU64); // reads R4 and R6, overwrites R4
            t[w].Issue(r4, r1[w]);
            t[w].Issue();
        }
        var timing = stats.Timing!;
        Assert.Equal(Math.Max(t[0].Next, t[1].Next), timing.LatencyBoundCycles);
        Assert.Equal(barrierStall, timing.BarrierStallCycles);
        Assert.Equal(t[0].Stall + t[1].Stall, timing.StallCycles);
    }

    [Fact]
    public void ADivergentWarpIssuesOncePerActiveGroup()
    {
        // Lanes 0..15 take the branch; 16..31 run first (lower PC), then 0..15, and the warp reconverges at 'join'.
        const string body = """
                s2r R2, %laneid
                setp.lt.u32 P0, R2, 16
                @P0 bra low
                add.u32 R1, R2, 100
                bra join
            low:
                add.u32 R1, R2, 200
            join:
                ld.param.b64 R4, [RZ]
                mul.wide.u32 R6, R2, 4
                add.u64 R4, R4, R6
                st.global.b32 [R4], R1
                exit

            """;
        var (stats, output) = Run(Kernel(body), 1, 32);
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (uint)(i + (i < 16 ? 200 : 100))), output.Take(32));
        Assert.Equal(3 + 2 + 1 + 5, stats.WarpInstructions); // before the split, lanes 16..31, lanes 0..15, after the join
        var t = new Timeline();
        long r2 = t.Issue() + L(Opcode.S2r);
        long p0 = t.Issue(r2) + L(Opcode.SetpU32Imm);
        t.Issue(p0);                                   // @P0 bra (divergent)
        long r1 = t.Issue(r2) + L(Opcode.AddU32Imm);   // lanes 16..31
        t.Issue();                                     // bra join
        r1 = t.Issue(r2, r1) + L(Opcode.AddU32Imm);    // lanes 0..15: R1 is still pending for the warp
        long r4 = t.Issue() + L(Opcode.LdParamB64);    // the whole warp again
        long r6 = t.Issue(r2) + L(Opcode.MulWideU32Imm);
        r4 = t.Issue(r4, r6) + L(Opcode.AddU64);
        t.Issue(r4, r1);
        t.Issue();
        Assert.Equal(t.Next, stats.EstimatedCycles);
        Assert.Equal(t.Stall, stats.StallCycles);
    }

    [Fact]
    public void BlocksOfAnSmRunInWavesOfResidentWarps()
    {
        // One-warp blocks: an n4 SM holds ResidentWarps of them at once; 130 blocks per SM make 3 waves.
        long sms = N4.Multiprocessors, perWave = N4.ResidentWarps, blocksPerSm = 130;
        var (stats, output) = Run(Kernel(LoadUse), (uint)(sms * blocksPerSm), 32);
        Assert.True(output[0] > 0);
        var t = LoadUseTimeline();
        long waves = (blocksPerSm + perWave - 1) / perWave;
        var timing = stats.Timing!;
        Assert.Equal(3, waves);
        Assert.Equal(waves * t.Next, timing.LatencyBoundCycles);
        Assert.Equal(((blocksPerSm * 5) + N4.IssueWidth - 1) / N4.IssueWidth, timing.IssueBoundCycles);
        Assert.Equal(waves * t.Next, timing.EstimatedCycles);
    }

    [Fact]
    public void DoublePrecisionIsSlowerOnTheInferencePart()
    {
        const int n = 12;
        string text = Kernel(Repeat(n, _ => "fma.f64 R2, R2, R2, R2") + "    exit\n");
        long n4 = Run(text, 1, 32, target: "n4").Stats.EstimatedCycles;
        long n5 = Run(text, 1, 32, target: "n5").Stats.EstimatedCycles;
        var n5Target = TargetInfo.Find("n5")!;
        // (n - 1) dependent waits of one latency, then the last fma and exit issue back to back.
        Assert.Equal(((n - 1) * (long)L(Opcode.FmaF64)) + 2, n4);
        Assert.Equal(((n - 1) * (long)L(Opcode.FmaF64, n5Target)) + 2, n5);
    }
}
