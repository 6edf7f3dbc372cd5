using ByteChip.Compiler.Driver;

namespace ByteChip.Compiler.Tests;

/// <summary>Realistic kernels (with their host code) must pass -fsyntax-only on both targets without any diagnostic.</summary>
public class KernelCorpusTests
{
    public static TheoryData<string> Kernels => TestFiles.Names("Kernels");

    [Theory]
    [MemberData(nameof(Kernels))]
    public void CompilesWithoutDiagnostics(string name)
    {
        foreach (var arch in new[] { "n4", "n5" })
        {
            var result = Frontend.Compile(Path.Combine(TestFiles.OutputDirectory("Kernels"), name), new FrontendOptions { Arch = arch });
            Assert.True(result.Diagnostics.Items.Count == 0, $"{arch}:\n" + string.Join("\n", result.RenderableDiagnostics));
            Assert.NotNull(result.Model);
            Assert.False(result.Model!.HasErrors);
            Assert.NotEmpty(result.Model.Kernels);
        }
    }

    /// <summary>Valid code must never need the slow full-LL fallback (it doubles the parse time).</summary>
    [Theory]
    [MemberData(nameof(Kernels))]
    public void ParsesWithSllPredictionAlone(string name)
    {
        var path = Path.Combine(TestFiles.OutputDirectory("Kernels"), name);
        var sources = new Preprocessor.SourceManager();
        var diagnostics = new DiagnosticBag();
        var tokens = new Preprocessor.Preprocessor(sources, diagnostics).Run(sources.Open(path)!);
        var parse = Syntax.SyntaxParser.Parse(tokens, diagnostics);
        Assert.False(parse.UsedFullContext);
    }

    [Fact]
    public void CorpusHasAtLeastTwentyKernels() => Assert.True(Kernels.Count >= 20, $"only {Kernels.Count} kernel files");

    [Fact]
    public void HostLaunchInstantiatesTemplateKernels()
    {
        var result = Frontend.Compile(Path.Combine(TestFiles.OutputDirectory("Kernels"), "reduce_shared_template.cu"), new FrontendOptions());
        var names = result.Model!.Kernels.Select(k => k.DisplayName).ToList();
        Assert.Contains("reduce<256>", names);
        Assert.Contains("reduce<128>", names);
        Assert.Contains(result.Model.Functions, f => f.DisplayName == "warpReduce<256>" && !f.IsKernel);
    }
}
