using ByteChip.Compiler.Driver;

namespace ByteChip.Compiler.Tests;

/// <summary>
/// No input crashes the frontend: mutated kernels and random bytes always end in diagnostics (an internal error,
/// BC0001, counts as a crash). Seeds are fixed so a failure reproduces; the budget keeps the suite fast.
/// </summary>
public class FuzzTests
{
    private static readonly string[] s_fragments =
    [
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "<<<", ">>>", "#", "##", "\"", "'", "/*", "*/", "\\\n",
        "__global__", "__device__", "__shared__", "template", "typename", "struct", "typedef", "#define X(a) a##a\n",
        "#if 1\n", "#endif\n", "#include \"k.cu\"\n", "#pragma unroll\n", "float4", "make_float4(", "threadIdx.x", "operator+",
        "0x", "1e", "1.0f", "'\\", "::", "->", ".", "...", "sizeof(", "static_cast<int>(", "goto", "case 1:", "return",
    ];

    private static void AssertNoCrash(string source, string what)
    {
        var result = Frontend.CompileText("fuzz.cu", source, new FrontendOptions());
        var internalError = result.Diagnostics.Items.FirstOrDefault(d => d.Code == (int)DriverCode.InternalError);
        Assert.True(internalError == null, $"{what}: {internalError?.Message}\n--- input ---\n{source}");
    }

    public static TheoryData<string> Kernels => TestFiles.Names("Kernels");

    [Theory]
    [MemberData(nameof(Kernels))]
    public void MutatedKernelsNeverCrash(string name)
    {
        string original = File.ReadAllText(Path.Combine(TestFiles.OutputDirectory("Kernels"), name));
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7fffffff ^ 12345);
        for (int round = 0; round < 12; round++)
        {
            var text = original.ToCharArray().ToList();
            int edits = 1 + random.Next(6);
            for (int e = 0; e < edits && text.Count > 0; e++)
            {
                int at = random.Next(text.Count);
                switch (random.Next(4))
                {
                    case 0: // delete a run
                        text.RemoveRange(at, Math.Min(text.Count - at, 1 + random.Next(12)));
                        break;
                    case 1: // insert a fragment
                        text.InsertRange(at, s_fragments[random.Next(s_fragments.Length)]);
                        break;
                    case 2: // duplicate a run elsewhere
                        int len = Math.Min(text.Count - at, 1 + random.Next(40));
                        var run = text.GetRange(at, len);
                        text.InsertRange(random.Next(text.Count), run);
                        break;
                    default: // flip a character
                        text[at] = (char)random.Next(32, 127);
                        break;
                }
            }
            AssertNoCrash(new string([.. text]), $"{name} round {round}");
        }
    }

    private static readonly string[] s_typeWords = ["int", "float", "double", "unsigned", "char", "bool", "float4", "int2", "dim3", "void", "long long", "__half", "size_t", "const float*", "int&"];
    private static readonly string[] s_operators = ["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&&", "||", "<", ">", "==", "!=", "=", "+=", "->", "."];

    /// <summary>
    /// Token-level mutations that mostly keep the syntax valid (swap identifiers, types and operators), so the
    /// semantic analysis, not the parser, meets the broken programs.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kernels))]
    public void SemanticMutationsNeverCrash(string name)
    {
        string original = File.ReadAllText(Path.Combine(TestFiles.OutputDirectory("Kernels"), name));
        var tokens = System.Text.RegularExpressions.Regex.Matches(original, @"[A-Za-z_]\w*|\d+(\.\d+)?f?|<<|>>|&&|\|\||[-+*/%&|^<>=!]=?|->|\.|\s+|.").Select(m => m.Value).ToList();
        var identifiers = tokens.Where(t => char.IsLetter(t[0]) || t[0] == '_').Distinct().ToList();
        var random = new Random(name.Length * 7919 + 17);
        for (int round = 0; round < 10; round++)
        {
            var mutated = tokens.ToList();
            for (int e = 0; e < 1 + random.Next(4); e++)
            {
                int at = random.Next(mutated.Count);
                var t = mutated[at];
                if (string.IsNullOrWhiteSpace(t))
                {
                    continue;
                }
                mutated[at] = random.Next(3) switch
                {
                    0 => identifiers[random.Next(identifiers.Count)],
                    1 => s_typeWords[random.Next(s_typeWords.Length)],
                    _ => s_operators[random.Next(s_operators.Length)],
                };
            }
            AssertNoCrash(string.Concat(mutated), $"{name} semantic round {round}");
        }
    }

    [Fact]
    public void RandomBytesNeverCrash()
    {
        var random = new Random(4242);
        for (int i = 0; i < 150; i++)
        {
            var bytes = new char[random.Next(1, 400)];
            for (int k = 0; k < bytes.Length; k++)
            {
                const string alphabet = "{}()[];,<>#\"'/*\\\n abcx019._";
                bytes[k] = random.Next(3) == 0 ? (char)random.Next(0, 256) : alphabet[random.Next(alphabet.Length)];
            }
            AssertNoCrash(new string(bytes), $"random input {i}");
        }
    }

    [Fact]
    public void RandomFragmentSoupNeverCrashes()
    {
        var random = new Random(777);
        for (int i = 0; i < 150; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 40)).Select(_ => s_fragments[random.Next(s_fragments.Length)]);
            AssertNoCrash(string.Join(random.Next(2) == 0 ? " " : "", parts), $"fragment soup {i}");
        }
    }

    [Fact]
    public void DeepNestingNeverCrashes()
    {
        AssertNoCrash("__device__ int f(int x) { return " + new string('(', 3000) + "x" + new string(')', 3000) + "; }", "deep parentheses");
        AssertNoCrash("__device__ void f() " + string.Concat(Enumerable.Repeat("{", 2000)) + string.Concat(Enumerable.Repeat("}", 2000)), "deep blocks");
        AssertNoCrash("#define A(x) x\n" + string.Concat(Enumerable.Repeat("A(", 500)) + "1" + new string(')', 500), "deep macros");
    }
}
