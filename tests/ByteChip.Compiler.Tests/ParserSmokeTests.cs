namespace ByteChip.Compiler.Tests;

public class ParserSmokeTests
{
    [Fact]
    public void SaxpyParses()
    {
        var (_, diagnostics) = FrontendHarness.Parse("""
            __global__ void saxpy(int n, float a, const float* __restrict__ x, float* y)
            {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < n) y[i] = a * x[i] + y[i];
            }
            """);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void AstDumpShowsKernel()
    {
        var (tree, diagnostics) = FrontendHarness.Ast("""
            template <int BLOCK> __global__ void k(float* y) { __shared__ float s[BLOCK]; int *a[10]; s[0] = 1.0f; y[0] = s[0] + (float)a[0][0]; }
            """);
        Assert.Empty(diagnostics.Items);
        var dump = Syntax.Ast.AstDumper.Dump(tree);
        Console.WriteLine(dump);
        Assert.Contains("TemplateDeclaration", dump);
        Assert.Contains("Pointer", dump);
    }
}
