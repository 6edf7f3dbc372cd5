using ByteChip.Compiler.Pipeline;
using ByteChip.Isa.Assembly;

namespace ByteChip.EndToEnd.Tests;

public class Scratch
{
    [Fact]
    public void Compile()
    {
        var path = Environment.GetEnvironmentVariable("SCRATCH_CU");
        if (path is null)
        {
            return;
        }
        var r = Compilation.CompileFile(path, new CompileOptions { OptimizationLevel = int.Parse(Environment.GetEnvironmentVariable("SCRATCH_O") ?? "2"), DumpStages = new HashSet<string> { "llvm", "opt" }, VerifyRegisterAllocation = true });
        foreach (var (k, v) in r.Dumps)
        {
            File.WriteAllText($"/tmp/e2e.{k}.ll", v);
        }
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        File.WriteAllText("/tmp/e2e.s", Disassembler.Disassemble(r.Module!));
    }
}
