using System.Text;
using ByteChip.Compiler.Backend;
using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using ByteChip.Isa.Assembly;

namespace ByteChip.Backend.Tests;

public class Scratch
{
    [Fact]
    public void CompileClangIr()
    {
        var path = Environment.GetEnvironmentVariable("SCRATCH_LL");
        if (path is null)
        {
            return;
        }
        using var context = new LlvmContext();
        using var module = LlvmModule.Parse(context, File.ReadAllBytes(path), path, out var error)!;
        Assert.Null(error);
        var (bc, res) = CodeGenerator.Compile(module, new BackendOptions(TargetInfo.Find("n4")!, int.Parse(Environment.GetEnvironmentVariable("SCRATCH_O") ?? "2")) { VerifyRegisterAllocation = true, Dump = (s, t) => File.WriteAllText($"/tmp/dump.{s}.txt", t) });
        File.WriteAllText("/tmp/scratch.s", Disassembler.Disassemble(bc));
    }
}
