using System.Text.Json;
using ByteChip.Tools.Bcrun;

namespace ByteChip.Runtime.Tests;

/// <summary>The kernels run through bcrun (JSON launch description, .npy in and out) and its error messages.</summary>
public sealed class BcrunTests : BcrunWorkspace
{
    [Fact]
    public void BlockSumAndHistogramFromNpyWithStats()
    {
        TestKernels.WriteBinary("block_sum.s", Folder);
        var rng = new Random(11);
        var input = Enumerable.Range(0, 1024).Select(_ => (float)rng.NextDouble()).ToArray();
        WriteNpy("x.npy", input, "<f4");
        var (code, stdout, stderr) = Run("""
            {
              "module": "block_sum.bcbin",
              "buffers": {
                "x": { "type": "f32", "count": 1024, "init": { "npy": "x.npy" } },
                "sums": { "type": "f32", "count": 4, "init": { "fill": "zeros" } }
              },
              "launches": [
                { "kernel": "block_sum", "grid": [4, 1, 1], "block": [256], "sharedBytes": 0,
                  "args": [ { "buffer": "x" }, { "buffer": "sums" }, { "u32": 1024 } ] },
                { "kernel": "block_sum", "grid": [4], "block": 256,
                  "args": [ { "buffer": "x" }, { "buffer": "sums" }, { "u32": 1000 } ] }
              ],
              "outputs": [ "sums" ]
            }
            """, "--stats", "--stats-json", Path("stats.json"), "--threads", "2");
        Assert.True(code == 0, stderr);
        Assert.Equal(References.BlockSum(input, 1000, 256, 4), ReadNpy<float>("sums.npy", "<f4"));
        Assert.Contains("block_sum", stdout);
        Assert.Contains("thread instr/s", stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(Path("stats.json")));
        var kernel = json.RootElement.GetProperty("kernels")[0];
        Assert.Equal("block_sum", kernel.GetProperty("name").GetString());
        Assert.Equal(2, kernel.GetProperty("launches").GetInt32());
        foreach (var field in new[] { "warpInstructions", "threadInstructions", "seconds", "threadInstructionsPerSecond", "divergentBranches", "globalLoadBytes", "globalStoreBytes", "sharedLoadBytes", "sharedStoreBytes", "atomics" })
        {
            Assert.True(kernel.TryGetProperty(field, out _), field);
            Assert.True(json.RootElement.GetProperty("total").TryGetProperty(field, out _), field);
        }
        Assert.Equal(2 * 1024 * 4 - (24 * 4), kernel.GetProperty("globalLoadBytes").GetInt64());
        Assert.False(kernel.TryGetProperty("timing", out _), "no cycle estimate without --timing");
        Assert.DoesNotContain("est cycles", stdout);
    }

    [Fact]
    public void TimingAddsTheCycleEstimateToStatsAndStatsJson()
    {
        TestKernels.WriteBinary("block_sum.s", Folder);
        const string spec = """
            {
              "module": "block_sum.bcbin",
              "buffers": {
                "x": { "type": "f32", "count": 1024, "init": { "fill": "random", "seed": 3, "min": 0, "max": 1 } },
                "sums": { "type": "f32", "count": 4 }
              },
              "launches": [
                { "kernel": "block_sum", "grid": 4, "block": 256, "args": [ { "buffer": "x" }, { "buffer": "sums" }, { "u32": 1024 } ] },
                { "kernel": "block_sum", "grid": 2, "block": 256, "args": [ { "buffer": "x" }, { "buffer": "sums" }, { "u32": 512 } ] }
              ],
              "outputs": [ "sums" ]
            }
            """;
        var (code, stdout, stderr) = Run(spec, "--timing", "--stats-json", Path("stats.json"), "--stats");
        Assert.True(code == 0, stderr);
        Assert.Contains("est cycles", stdout);
        Assert.Contains("stall cycles", stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(Path("stats.json")));
        var timing = json.RootElement.GetProperty("kernels")[0].GetProperty("timing");
        long estimated = timing.GetProperty("estimatedCycles").GetInt64();
        long latency = timing.GetProperty("latencyBoundCycles").GetInt64();
        long issue = timing.GetProperty("issueBoundCycles").GetInt64();
        Assert.True(estimated > 0 && timing.GetProperty("stallCycles").GetInt64() > 0 && timing.GetProperty("barrierStallCycles").GetInt64() > 0);
        Assert.Equal(estimated, json.RootElement.GetProperty("total").GetProperty("timing").GetProperty("estimatedCycles").GetInt64());

        // The same launches through the API (block_sum's control flow does not depend on the data): bcrun reports their sums.
        using (var device = Device.Create())
        {
            device.EstimateTiming = true;
            using var module = TestKernels.Load(device, "block_sum.s");
            using var x = device.Allocate<float>(1024);
            using var sums = device.Allocate<float>(4);
            var kernel = module.GetKernel("block_sum");
            var both = kernel.Launch(4, 256, 0, x, sums, 1024u).Add(kernel.Launch(2, 256, 0, x, sums, 512u)).Timing!;
            Assert.Equal((both.EstimatedCycles, both.LatencyBoundCycles, both.IssueBoundCycles), (estimated, latency, issue));
            Assert.Equal(both.StallCycles, timing.GetProperty("stallCycles").GetInt64());
            Assert.Equal(both.BarrierStallCycles, timing.GetProperty("barrierStallCycles").GetInt64());
        }

        // --timing alone prints the table; the outputs are the same as without it.
        var plain = ReadNpy<float>("sums.npy", "<f4");
        (code, stdout, stderr) = Run(spec, "--timing");
        Assert.True(code == 0, stderr);
        Assert.Contains("est cycles", stdout);
        Assert.Equal(plain, ReadNpy<float>("sums.npy", "<f4"));
        (code, stdout, _) = Run(spec);
        Assert.Equal(0, code);
        Assert.DoesNotContain("est cycles", stdout);
        Assert.Equal(plain, ReadNpy<float>("sums.npy", "<f4"));
    }

    [Fact]
    public void AllKernelsThroughBcrunMatchTheReferences()
    {
        foreach (var f in new[] { "histogram.s", "divergent.s", "warp_sum.s", "reverse_dynamic.s", "const_global.s" })
        {
            TestKernels.WriteBinary(f, Folder);
        }
        var rng = new Random(12);
        var data = Enumerable.Range(0, 512).Select(_ => (uint)rng.Next()).ToArray();
        var small = data.Select(x => x & 255).ToArray();
        var floats = Enumerable.Range(0, 512).Select(i => (float)(i * 0.75)).ToArray();
        WriteNpy("data.npy", data, "<u4");
        WriteNpy("small.npy", small, "<u4");
        WriteNpy("floats.npy", floats, "<f4");
        var (code, _, stderr) = Run("""
            {
              "module": "histogram.bcbin",
              "buffers": {
                "data": { "type": "u32", "count": 512, "init": { "npy": "data.npy" } },
                "hist": { "type": "u32", "count": 64 }
              },
              "launches": [ { "kernel": "histogram", "grid": [3], "block": [64], "args": [ { "buffer": "data" }, { "buffer": "hist" }, { "u32": 512 } ] } ],
              "outputs": [ "hist" ]
            }
            """);
        Assert.True(code == 0, stderr);
        Assert.Equal(References.Histogram(data), ReadNpy<uint>("hist.npy", "<u4"));

        (code, _, stderr) = Run("""
            {
              "module": "divergent.bcbin",
              "buffers": { "x": { "type": "u32", "count": 512, "init": { "npy": "small.npy" } }, "y": { "type": "u32", "count": 512 } },
              "launches": [ { "kernel": "divergent", "grid": [4], "block": [128], "args": [ { "buffer": "x" }, { "buffer": "y" } ] } ],
              "outputs": [ "y" ]
            }
            """);
        Assert.True(code == 0, stderr);
        Assert.Equal(small.Select(x => References.Divergent(x, 0)).ToArray(), ReadNpy<uint>("y.npy", "<u4"));

        (code, _, stderr) = Run("""
            {
              "module": "warp_sum.bcbin",
              "buffers": { "x": { "type": "u32", "count": 512, "init": { "npy": "data.npy" } }, "s": { "type": "u32", "count": 16 } },
              "launches": [ { "kernel": "warp_sum", "grid": [2], "block": [256], "args": [ { "buffer": "x" }, { "buffer": "s" } ] } ],
              "outputs": [ "s" ]
            }
            """);
        Assert.True(code == 0, stderr);
        Assert.Equal(References.WarpSums(data), ReadNpy<uint>("s.npy", "<u4"));

        (code, _, stderr) = Run("""
            {
              "module": "reverse_dynamic.bcbin",
              "buffers": { "x": { "type": "u32", "count": 512, "init": { "npy": "data.npy" } } },
              "launches": [ { "kernel": "reverse_dynamic", "grid": [4], "block": [128], "sharedBytes": 512, "args": [ { "buffer": "x" } ] } ],
              "outputs": [ "x" ]
            }
            """);
        Assert.True(code == 0, stderr);
        Assert.Equal(References.ReverseBlocks(data, 128), ReadNpy<uint>("x.npy", "<u4"));

        (code, _, stderr) = Run("""
            {
              "module": "const_global.bcbin",
              "buffers": { "x": { "type": "f32", "count": 512, "init": { "npy": "floats.npy" } }, "y": { "type": "f32", "count": 512 } },
              "launches": [ { "kernel": "const_global", "grid": [2], "block": [256], "args": [ { "buffer": "x" }, { "buffer": "y" }, { "i32": 512 } ] } ],
              "outputs": [ "y" ]
            }
            """);
        Assert.True(code == 0, stderr);
        Assert.Equal(floats.Select((x, i) => x * References.Coefficients[i & 3]).ToArray(), ReadNpy<float>("y.npy", "<f4"));
    }

    [Fact]
    public void KernelsAreFoundBySourceNameTemplateInstanceOrMangledSymbol()
    {
        TestKernels.WriteBinary("named.s", Folder);
        var (code, _, stderr) = Run("""
            {
              "module": "named.bcbin",
              "buffers": { "v": { "type": "u32", "count": 32, "init": { "fill": "iota" } } },
              "launches": [
                { "kernel": "fill<7>", "grid": [1], "block": [32], "args": [ { "buffer": "v" } ] },
                { "kernel": "_Z4fillILi7EEvPj", "grid": [1], "block": [32], "args": [ { "buffer": "v" } ] },
                { "kernel": "plain", "grid": [1], "block": [32], "args": [ { "buffer": "v" } ] }
              ],
              "outputs": [ "v" ]
            }
            """);
        Assert.True(code == 0, stderr);
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (uint)i + 114).ToArray(), ReadNpy<uint>("v.npy", "<u4"));
    }

    [Fact]
    public void FillsAreDeterministic()
    {
        TestKernels.WriteBinary("faults.s", Folder);
        const string spec = """
            {
              "module": "faults.bcbin",
              "buffers": {
                "r": { "type": "u32", "count": 100, "init": { "fill": "random", "seed": 7, "min": 0, "max": 100 } },
                "i": { "type": "i16", "count": 10, "init": { "fill": "iota" } },
                "f": { "type": "f64", "count": 10, "init": { "fill": "random", "seed": 1, "min": -1, "max": 1 } }
              },
              "launches": [],
              "outputs": [ "r", "i", "f" ]
            }
            """;
        Assert.Equal(0, Run(spec).Code);
        var first = ReadNpy<uint>("r.npy", "<u4");
        Assert.All(first, v => Assert.InRange(v, 0u, 100u));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (short)i).ToArray(), ReadNpy<short>("i.npy", "<i2"));
        Assert.All(ReadNpy<double>("f.npy", "<f8"), v => Assert.InRange(v, -1, 1));
        Assert.Equal(0, Run(spec).Code);
        Assert.Equal(first, ReadNpy<uint>("r.npy", "<u4"));
    }

    [Theory]
    [InlineData("""{ "buffers": {}, "launches": [] }""", "module: missing")]
    [InlineData("""{ "module": "faults.bcbin", "buffers": { "x": { "type": "f128", "count": 1 } }, "launches": [] }""", "buffers.x.type: unknown type 'f128'")]
    [InlineData("""{ "module": "faults.bcbin", "buffers": { "x": { "type": "f32", "count": -1 } }, "launches": [] }""", "buffers.x.count")]
    [InlineData("""{ "module": "faults.bcbin", "buffers": { "x": { "type": "f32", "count": 4, "init": { "npy": "missing.npy" } } }, "launches": [] }""", "missing.npy")]
    [InlineData("""{ "module": "faults.bcbin", "buffers": { "x": { "type": "f32", "count": 4, "init": { "npy": "ints.npy" } } }, "launches": [] }""", "buffers.x.init.npy: ")]
    [InlineData("""{ "module": "faults.bcbin", "buffers": { "x": { "type": "u32", "count": 5, "init": { "npy": "ints.npy" } } }, "launches": [] }""", "holds 4 elements, the buffer has 5")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "nope", "grid": [1], "block": [1] } ] }""", "launches[0].kernel: no kernel 'nope'")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "trap", "grid": [1, 2, 3, 4], "block": [1] } ] }""", "launches[0].grid: expected 1 to 3")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "trap", "grid": [1], "block": [0] } ] }""", "launches[0].block[0]: expected a positive integer")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "oob_global", "grid": [1], "block": [1], "args": [] } ] }""", "launches[0].args: kernel 'oob_global' takes 1 argument")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "oob_global", "grid": [1], "block": [1], "args": [ { "i32": 1 } ] } ] }""", "launches[0].args[0]: parameter 'p' is a pointer")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "oob_global", "grid": [1], "block": [1], "args": [ { "u8": 300 } ] } ] }""", "launches[0].args[0].u8: 300 is not a valid u8")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "oob_global", "grid": [1], "block": [1], "args": [ { "buffer": "q" } ] } ] }""", "launches[0].args[0].buffer: no buffer named 'q'")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [], "outputs": [ "zz" ] }""", "outputs[0]: no buffer named 'zz'")]
    [InlineData("""{ "module": "missing.bcbin", "launches": [] }""", "missing.bcbin")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "trap", "grid": [1], "block": [32] } ] }""", "BC7107")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ """, "not valid JSON")]
    public void ErrorsNameTheField(string spec, string expected)
    {
        TestKernels.WriteBinary("faults.s", Folder);
        WriteNpy("ints.npy", new uint[] { 1, 2, 3, 4 }, "<u4");
        var (code, _, stderr) = Run(spec);
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr);
        Assert.StartsWith("bcrun: error BC7", stderr);
    }

    [Fact]
    public void WatchdogBudgetFromTheCommandLine()
    {
        TestKernels.WriteBinary("faults.s", Folder);
        var (code, _, stderr) = Run("""{ "module": "faults.bcbin", "launches": [ { "kernel": "spin", "grid": [1], "block": [32] } ] }""", "--instruction-budget", "5000");
        Assert.Equal(1, code);
        Assert.Contains("BC7105", stderr);
        Assert.Contains("kernel 'spin'", stderr);
    }

    [Fact]
    public void ArchMismatchIsAClearError()
    {
        TestKernels.WriteBinary("faults.s", Folder);
        var (code, _, stderr) = Run("""{ "module": "faults.bcbin", "launches": [] }""", "--arch", "n5");
        Assert.Equal(1, code);
        Assert.Contains("BC7001", stderr);
    }

    [Fact]
    public void NpyRoundTripsEveryType()
    {
        foreach (var t in ElementType.All)
        {
            var bytes = Enumerable.Range(0, t.Size * 3).Select(i => (byte)i).ToArray();
            var back = NpyFile.Read(NpyFile.Write(new NpyArray(t.NpyDescr, [3], bytes)));
            Assert.Equal(t.NpyDescr, back.Descr);
            Assert.Equal(new long[] { 3 }, back.Shape);
            Assert.Equal(bytes, back.Data);
        }
        var raw = NpyFile.Write(new NpyArray("<f4", [0], []));
        Assert.Equal(0, raw.Length % 64);
        Assert.Throws<FormatException>(() => NpyFile.Read(new byte[] { 1, 2, 3 }));
    }
}
