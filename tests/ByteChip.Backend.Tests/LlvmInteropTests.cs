using System.Text;
using ByteChip.Compiler.Llvm;

namespace ByteChip.Backend.Tests;

public class LlvmInteropTests
{
    private const string Saxpy = """
        target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
        target triple = "nvptx64-nvidia-cuda"
        define void @saxpy(float %a, ptr %x, ptr %y, i32 %n) {
        entry:
          %tid = call i32 @llvm.nvvm.read.ptx.sreg.tid.x()
          %c = icmp slt i32 %tid, %n
          br i1 %c, label %body, label %done
        body:
          %i = sext i32 %tid to i64
          %px = getelementptr inbounds float, ptr %x, i64 %i
          %py = getelementptr inbounds float, ptr %y, i64 %i
          %vx = load float, ptr %px, align 4
          %vy = load float, ptr %py, align 4
          %m = fmul contract float %a, %vx
          %s = fadd contract float %m, %vy
          store float %s, ptr %py, align 4
          br label %done
        done:
          ret void
        }
        declare i32 @llvm.nvvm.read.ptx.sreg.tid.x()
        """;

    [Fact]
    public void ParsesVerifiesOptimizesAndPrints()
    {
        using var context = new LlvmContext();
        using var module = LlvmModule.Parse(context, Encoding.UTF8.GetBytes(Saxpy), "saxpy.ll", out var error);
        Assert.Null(error);
        Assert.NotNull(module);
        Assert.Null(module!.Verify());
        using var tm = LlvmTargetMachine.CreateNvptx(2);
        Assert.Null(module.RunPasses("default<O2>", tm));
        var text = module.Print();
        Assert.Contains("define void @saxpy", text);
        Assert.Contains("fmul contract float", text);
        Assert.Contains("saxpy", module.Functions.Select(LlvmText.NameOf));
    }

    [Fact]
    public void ParseErrorsComeBackAsText()
    {
        using var context = new LlvmContext();
        var module = LlvmModule.Parse(context, "define void @f( {"u8, "bad.ll", out var error);
        Assert.Null(module);
        Assert.Contains("error", error);
    }

    [Fact]
    public void BadPipelinesAreReportedNotThrown()
    {
        using var context = new LlvmContext();
        using var module = LlvmModule.Parse(context, Encoding.UTF8.GetBytes(Saxpy), "saxpy.ll", out _)!;
        var error = module.RunPasses("no-such-pass", null);
        Assert.NotNull(error);
        Assert.Contains("no-such-pass", error);
    }
}
