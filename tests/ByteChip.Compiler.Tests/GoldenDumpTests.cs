using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Semantics;
using ByteChip.Compiler.Syntax.Ast;

namespace ByteChip.Compiler.Tests;

/// <summary>
/// --dump-after=ast and --dump-after=sema are stable text: each Golden/NAME.cu has NAME.ast and NAME.sema beside
/// it. BYTECHIP_BLESS=1 rewrites the expectations in the source tree.
/// </summary>
public class GoldenDumpTests
{
    public static TheoryData<string> Files => TestFiles.Names("Golden");

    [Theory]
    [MemberData(nameof(Files))]
    public void DumpsMatchTheGoldenFiles(string name)
    {
        var path = Path.Combine(TestFiles.OutputDirectory("Golden"), name);
        var result = Frontend.Compile(path, new FrontendOptions());
        Assert.True(result.Diagnostics.Items.Count == 0, string.Join("\n", result.RenderableDiagnostics));
        Check(Path.ChangeExtension(name, ".ast"), AstDumper.Dump(result.Syntax!));
        Check(Path.ChangeExtension(name, ".sema"), SemanticDumper.Dump(result.Model!));
    }

    private static void Check(string expectationName, string actual)
    {
        if (Environment.GetEnvironmentVariable("BYTECHIP_BLESS") == "1")
        {
            File.WriteAllText(Path.Combine(TestFiles.SourceDirectory("Golden"), expectationName), actual);
            return;
        }
        var expectedPath = Path.Combine(TestFiles.OutputDirectory("Golden"), expectationName);
        Assert.True(File.Exists(expectedPath), $"{expectationName} is missing; run the tests with BYTECHIP_BLESS=1 to create it");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
