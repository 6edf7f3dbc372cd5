using ByteChip.Tools.Bcrun;

namespace ByteChip.Runtime.Tests;

/// <summary>
/// The launch-description keys beyond buffers and launches: <c>__constant__</c>/<c>__device__</c> variables written
/// before the launches and read back as outputs, <c>null</c> pointer arguments, <c>"expected"</c> outputs checked by
/// bcrun, and the errors for keys and symbols that do not fit.
/// </summary>
public sealed class BcrunLaunchFormatTests : BcrunWorkspace
{
    // const_global.s: out[i] = in[i] * coeffs[i & 3] for i < n (coeffs a 16-byte __constant__), and every thread
    // with i < n adds 1 to the 4-byte __device__ counter.
    private static readonly float[] s_coefficients = [0.5f, -3f, 7.25f, 2f];

    public BcrunLaunchFormatTests()
    {
        TestKernels.WriteBinary("const_global.s", Folder);
        TestKernels.WriteBinary("faults.s", Folder);
    }

    private static string ConstGlobal(string symbols, string outputs, string expected = "") => $$"""
        {
          "module": "const_global.bcbin",
          {{symbols}}
          "buffers": { "x": { "type": "f32", "count": 300, "init": { "npy": "x.npy" } }, "y": { "type": "f32", "count": 300 } },
          "launches": [ { "kernel": "const_global", "grid": [2], "block": [256], "args": [ { "buffer": "x" }, { "buffer": "y" }, { "i32": 300 } ] } ],
          "outputs": {{outputs}}{{expected}}
        }
        """;

    private float[] Inputs()
    {
        var x = Enumerable.Range(0, 300).Select(i => (float)((i * 0.375) - 40)).ToArray();
        WriteNpy("x.npy", x, "<f4");
        return x;
    }

    [Fact]
    public void ConstantsAreWrittenBeforeTheLaunchAndGlobalsReadBack()
    {
        var x = Inputs();
        WriteNpy("coeffs.npy", s_coefficients, "<f4");
        WriteNpy("counter.npy", new uint[] { 1000 }, "<u4");
        var (code, _, stderr) = Run(ConstGlobal(
            """ "constants": { "coeffs": "coeffs.npy" }, "globals": { "counter": { "type": "u32", "npy": "counter.npy" } },""",
            """[ "y", "counter", "coeffs" ]"""));
        Assert.True(code == 0, stderr);
        Assert.Equal(x.Select((v, i) => v * s_coefficients[i & 3]).ToArray(), ReadNpy<float>("y.npy", "<f4"));
        Assert.Equal(new uint[] { 1000 + 300 }, ReadNpy<uint>("counter.npy", "<u4"));
        Assert.Equal(s_coefficients, ReadNpy<float>("coeffs.npy", "<f4"));
    }

    [Fact]
    public void ASymbolListedOnlyWithATypeKeepsItsInitializer()
    {
        var x = Inputs();
        var (code, _, stderr) = Run(ConstGlobal(
            """ "constants": { "coeffs": { "type": "f32" } }, "globals": { "counter": { "type": "i32" } },""",
            """[ "y", "counter", "coeffs" ]"""));
        Assert.True(code == 0, stderr);
        Assert.Equal(References.Coefficients, ReadNpy<float>("coeffs.npy", "<f4"));
        Assert.Equal(x.Select((v, i) => v * References.Coefficients[i & 3]).ToArray(), ReadNpy<float>("y.npy", "<f4"));
        Assert.Equal(new[] { 300 }, ReadNpy<int>("counter.npy", "<i4"));
    }

    [Fact]
    public void ExpectedOutputsAreChecked()
    {
        var x = Inputs();
        WriteNpy("coeffs.npy", s_coefficients, "<f4");
        var y = x.Select((v, i) => v * s_coefficients[i & 3]).ToArray();
        WriteNpy("y.expected.npy", y, "<f4");
        WriteNpy("counter.expected.npy", new uint[] { 300 }, "<u4");
        string spec = ConstGlobal(
            """ "constants": { "coeffs": "coeffs.npy" }, "globals": { "counter": { "type": "u32" } },""",
            """[ "y", "counter" ]""",
            """, "expected": { "y": "y.expected.npy", "counter": "counter.expected.npy" }""");
        var (code, stdout, stderr) = Run(spec);
        Assert.True(code == 0, stderr);
        Assert.Equal("y: 300 x f32 match (tolerance exact, max 0 ulp)\ncounter: 1 x u32 match\n", stdout.ReplaceLineEndings("\n"));

        // One element off by 2 ulp: reported, and admitted by --tolerance ulp=2 but not ulp=1.
        y[17] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(y[17]) + 2);
        WriteNpy("y.expected.npy", y, "<f4");
        (code, _, stderr) = Run(spec);
        Assert.Equal(1, code);
        Assert.Contains("bcrun: output 'y': 1 of 300 elements differ from y.expected.npy (tolerance exact):", stderr);
        Assert.Contains("y[17]: expected", stderr);
        Assert.Equal(1, Run(spec, "--tolerance", "ulp=1").Code);
        (code, stdout, stderr) = Run(spec, "--tolerance", "ulp=2");
        Assert.True(code == 0, stderr);
        Assert.Contains("y: 300 x f32 match (tolerance ulp=2, max 2 ulp)", stdout);

        WriteNpy("counter.expected.npy", new uint[] { 299 }, "<u4");
        (code, _, stderr) = Run(spec, "--tolerance", "ulp=2");
        Assert.Equal(1, code);
        Assert.Contains("counter[0]: expected 299, got 300", stderr);
    }

    [Fact]
    public void NullIsTheNullPointer()
    {
        // oob_global stores through p[tid]: with null, the first store faults at address 0.
        var (code, _, stderr) = Run("""
            { "module": "faults.bcbin", "launches": [ { "kernel": "oob_global", "grid": [1], "block": [1], "args": [ null ] } ] }
            """);
        Assert.Equal(1, code);
        Assert.StartsWith("bcrun: error BC7100", stderr);
        Assert.Contains("0x0", stderr);
    }

    [Theory]
    [InlineData("""{ "module": "faults.bcbin", "launches": [], "buffer": {} }""", "BC7200", "buffer: unknown key 'buffer'")]
    [InlineData("""{ "module": "faults.bcbin", "buffers": { "x": { "type": "u32", "count": 1, "intit": {} } }, "launches": [] }""", "BC7200", "buffers.x.intit: unknown key 'intit'")]
    [InlineData("""{ "module": "faults.bcbin", "buffers": { "x": { "type": "u32", "count": 1, "init": { "fill": "iota", "sed": 1 } } }, "launches": [] }""", "BC7200", "buffers.x.init.sed: unknown key 'sed'")]
    [InlineData("""{ "module": "faults.bcbin", "buffers": { "x": { "type": "u32", "count": 1, "init": { "npy": "c.npy", "fill": "iota" } } }, "launches": [] }""", "BC7200", "buffers.x.init.fill: unknown key 'fill'")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "trap", "grid": 1, "block": 1, "shared": 16 } ] }""", "BC7200", "launches[0].shared: unknown key 'shared'")]
    [InlineData("""{ "module": "faults.bcbin", "launches": [ { "kernel": "oob_global", "grid": 1, "block": 1, "args": [ "x" ] } ] }""", "BC7200", "launches[0].args[0]: expected an object")]
    [InlineData("""{ "module": "const_global.bcbin", "constants": { "coeffs": { "npy": "c.npy", "dtype": "f32" } }, "launches": [] }""", "BC7200", "constants.coeffs.dtype: unknown key 'dtype'")]
    [InlineData("""{ "module": "const_global.bcbin", "constants": { "coeffs": {} }, "launches": [] }""", "BC7200", "constants.coeffs: expected 'npy'")]
    [InlineData("""{ "module": "const_global.bcbin", "globals": { "counter": "c.npy" }, "launches": [], "outputs": [ "counter", "counter" ] }""", "BC7200", "outputs[1]: 'counter' is listed twice")]
    [InlineData("""{ "module": "const_global.bcbin", "buffers": { "coeffs": { "type": "f32", "count": 4 } }, "constants": { "coeffs": "c.npy" }, "launches": [] }""", "BC7200", "constants.coeffs: 'coeffs' is listed twice")]
    [InlineData("""{ "module": "const_global.bcbin", "launches": [], "outputs": [ "coeffs" ] }""", "BC7200", "outputs[0]: no buffer named 'coeffs' (a __constant__ or __device__ variable is read back when it is listed")]
    [InlineData("""{ "module": "const_global.bcbin", "buffers": { "y": { "type": "f32", "count": 4 } }, "launches": [], "expected": { "y": "y.npy" } }""", "BC7200", "expected.y: 'y' is not listed in 'outputs'")]
    [InlineData("""{ "module": "const_global.bcbin", "buffers": { "y": { "type": "f32", "count": 4 } }, "launches": [], "outputs": [ "y" ], "expected": { "y": { "npy": "c.npy", "bounds": "b.npy" } } }""", "BC7200", "expected.y.bounds: unknown key 'bounds'")]
    [InlineData("""{ "module": "const_global.bcbin", "constants": { "weights": "c.npy" }, "launches": [] }""", "BC7003", "constants.weights: no __constant__ variable 'weights' in the module (constants: coeffs)")]
    [InlineData("""{ "module": "const_global.bcbin", "constants": { "counter": "c.npy" }, "launches": [] }""", "BC7003", "'counter' is a __device__ variable, list it under 'globals'")]
    [InlineData("""{ "module": "const_global.bcbin", "globals": { "counter": "c.npy" }, "launches": [] }""", "BC7202", "holds 4 x f32 (16 bytes), the __device__ variable 'counter' has 4 bytes")]
    [InlineData("""{ "module": "const_global.bcbin", "constants": { "coeffs": { "type": "u32", "npy": "c.npy" } }, "launches": [] }""", "BC7202", "holds dtype '<f4', the symbol is declared u32")]
    [InlineData("""{ "module": "const_global.bcbin", "constants": { "coeffs": "bool.npy" }, "launches": [] }""", "BC7202", "holds dtype '|b1', which is none of")]
    [InlineData("""{ "module": "const_global.bcbin", "constants": { "coeffs": "missing.npy" }, "launches": [] }""", "BC7201", "missing.npy")]
    [InlineData("""{ "module": "const_global.bcbin", "globals": { "counter": { "type": "f64" } }, "launches": [], "outputs": [ "counter" ] }""", "BC7200", "globals.counter: 'counter' has 4 bytes, not a whole number of f64 elements")]
    [InlineData("""{ "module": "const_global.bcbin", "launches": [ { "kernel": "const_global", "grid": 1, "block": 1, "args": [ null, null, null ] } ] }""", "BC7014", "launches[0].args[2]: parameter 'n' is a 4-byte value; null is only for pointers")]
    public void ErrorsNameTheKeyOrSymbol(string spec, string code, string expected)
    {
        WriteNpy("c.npy", s_coefficients, "<f4");
        File.WriteAllBytes(Path("bool.npy"), NpyFile.Write(new NpyArray("|b1", [16], new byte[16])));
        var (exit, _, stderr) = Run(spec);
        Assert.Equal(1, exit);
        Assert.StartsWith($"bcrun: error {code}: ", stderr);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void SizeMismatchNamesBothSizes()
    {
        WriteNpy("c8.npy", new float[8], "<f4");
        var (exit, _, stderr) = Run("""{ "module": "const_global.bcbin", "constants": { "coeffs": "c8.npy" }, "launches": [] }""");
        Assert.Equal(1, exit);
        Assert.Contains("holds 8 x f32 (32 bytes), the __constant__ variable 'coeffs' has 16 bytes", stderr);
    }

    [Fact]
    public void MalformedToleranceIsAnError()
    {
        var (exit, _, stderr) = Run("""{ "module": "faults.bcbin", "launches": [] }""", "--tolerance", "ulps=3");
        Assert.Equal(1, exit);
        Assert.Contains("BC7200: --tolerance: malformed tolerance 'ulps=3'", stderr);
    }
}
