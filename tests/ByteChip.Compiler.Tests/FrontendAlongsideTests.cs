using ByteChip.Compiler.Driver;

namespace ByteChip.Compiler.Tests;

/// <summary>
/// <see cref="Frontend.Compile"/>'s <c>alongside</c> work (bytechipcc loads LLVM there): it runs once, on the calling
/// thread, while the frontend runs on its own, and changes nothing of the frontend's result.
/// </summary>
public class FrontendAlongsideTests
{
    private const string Source = "__global__ void k(float* p) { p[threadIdx.x] = expf(1.0f); }\n";

    [Fact]
    public void RunsOnceOnTheCallingThreadBesideTheFrontend()
    {
        int calls = 0;
        int thread = -1;
        var with = Frontend.CompileText("a.cu", Source, new FrontendOptions(), () =>
        {
            calls++;
            thread = Environment.CurrentManagedThreadId;
        });
        var without = Frontend.CompileText("a.cu", Source, new FrontendOptions());
        Assert.Equal(1, calls);
        Assert.Equal(Environment.CurrentManagedThreadId, thread);
        Assert.False(with.HasErrors);
        Assert.NotEqual(0, with.FinishedTimestamp);
        Assert.Equal(Syntax.Ast.AstDumper.Dump(without.Syntax!), Syntax.Ast.AstDumper.Dump(with.Syntax!));
        Assert.Equal(Semantics.SemanticDumper.Dump(without.Model!), Semantics.SemanticDumper.Dump(with.Model!));
    }

    [Fact]
    public void FrontendErrorsAreTheSame()
    {
        const string bad = "__global__ void k(float* p) { p[0] = missing }\n";
        var with = Frontend.CompileText("b.cu", bad, new FrontendOptions(), () => Thread.Sleep(20));
        var without = Frontend.CompileText("b.cu", bad, new FrontendOptions());
        Assert.Equal(without.Diagnostics.Items.Select(d => d.ToString()), with.Diagnostics.Items.Select(d => d.ToString()));
    }

    [Fact]
    public void DoesNotRunWhenTheFileCannotBeOpened()
    {
        int calls = 0;
        var result = Frontend.Compile(Path.Combine(Path.GetTempPath(), "bytechip-no-such-file.cu"), new FrontendOptions(), () => calls++);
        Assert.True(result.HasErrors);
        Assert.Equal(0, calls);
        Assert.Equal(0, result.FinishedTimestamp);
    }
}
