using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Runtime.Tests;

/// <summary>Each fault kind provoked on purpose; the report names kernel, block, thread, address, instruction and source line.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly Device _device = Device.Create();
    private readonly Module _module;

    public FaultTests()
    {
        _module = TestKernels.Load(_device, "faults.s");
    }

    public void Dispose()
    {
        _module.Dispose();
        _device.Dispose();
    }

    private DeviceFaultException Fault(string kernel, Dim3 grid, Dim3 block, params object[] args) =>
        Assert.Throws<DeviceFaultException>(() => _module.GetKernel(kernel).Launch(grid, block, 0, args));

    [Fact]
    public void OutOfBoundsGlobalLoadReportsTheFirstThreadPastTheEndAndTheLine()
    {
        using var buffer = _device.Allocate<uint>(37);
        var e = Fault("oob_global", 2, 64, buffer);
        Assert.Equal(RuntimeError.OutOfBoundsAccess, e.Error);
        Assert.Equal("BC7100", e.CodeText);
        Assert.Equal("oob_global", e.Kernel);
        Assert.Equal(new Dim3(0, 0, 0), e.Block);
        Assert.Equal(new Dim3(37, 0, 0), e.Thread);
        Assert.Equal(5 * 8, e.Address);
        Assert.Equal("faults.cu:11", e.SourceLocation);
        Assert.StartsWith("ld.global.b32 R6, [R2", e.InstructionText);
        Assert.Contains("global load of 4 bytes", e.Message);
    }

    [Fact]
    public void MisalignedGlobalLoad()
    {
        using var buffer = _device.Allocate<uint>(64);
        var e = Fault("misaligned_global", 1, 32, buffer);
        Assert.Equal(RuntimeError.MisalignedAccess, e.Error);
        Assert.Equal("faults.cu:20", e.SourceLocation);
        Assert.Equal(new Dim3(0, 0, 0), e.Thread);
    }

    [Fact]
    public void NullPointerFaults()
    {
        var e = Fault("oob_global", 1, 1, DevicePointer.Null);
        Assert.Equal(RuntimeError.OutOfBoundsAccess, e.Error);
        Assert.Contains("no live allocation", e.FaultDetail);
    }

    [Fact]
    public void OutOfBoundsSharedStoreNamesTheThread()
    {
        var e = Fault("oob_shared", 3, 40);
        Assert.Equal(RuntimeError.OutOfBoundsAccess, e.Error);
        Assert.Equal(new Dim3(0, 0, 0), e.Block);
        Assert.Equal(new Dim3(16, 0, 0), e.Thread);
        Assert.Contains("shared store", e.FaultDetail);
        Assert.Equal("faults.cu:30", e.SourceLocation);
    }

    [Fact]
    public void OutOfBoundsLocalLoad()
    {
        var e = Fault("oob_local", 1, 1);
        Assert.Equal(RuntimeError.OutOfBoundsAccess, e.Error);
        Assert.Contains("local", e.FaultDetail);
    }

    [Fact]
    public void IllegalInstructionFaultsOnlyWhenExecuted()
    {
        var e = Fault("illegal", 1, 1);
        Assert.Equal(RuntimeError.IllegalInstruction, e.Error);
        Assert.Equal(8, e.Address);
        Assert.Equal("faults.cu:50", e.SourceLocation);
    }

    [Fact]
    public void BarrierDeadlock()
    {
        var e = Fault("deadlock", 1, 64);
        Assert.Equal(RuntimeError.BarrierDeadlock, e.Error);
        Assert.Equal("faults.cu:60", e.SourceLocation);
    }

    [Fact]
    public void WatchdogStopsAnEndlessLoop()
    {
        _device.InstructionBudget = 100_000;
        var e = Fault("spin", 2, 32);
        Assert.Equal(RuntimeError.WatchdogTimeout, e.Error);
        Assert.Contains("100000", e.FaultDetail);
    }

    [Fact]
    public void DivergentUniformBranch()
    {
        var e = Fault("divergent_uniform", 1, 32);
        Assert.Equal(RuntimeError.DivergentUniformBranch, e.Error);
        Assert.Equal(new Dim3(5, 0, 0), e.Thread);
        Assert.Equal("faults.cu:70", e.SourceLocation);
    }

    [Fact]
    public void TrapReportsItsCode()
    {
        var e = Fault("trap", 2, 32);
        Assert.Equal(RuntimeError.Trap, e.Error);
        Assert.Equal(new Dim3(5, 0, 0), e.Thread);
        Assert.Contains("trap 42", e.FaultDetail);
    }

    [Fact]
    public void BadControlTransfers()
    {
        Assert.Equal(RuntimeError.InvalidControlFlow, Fault("ret_at_depth_zero", 1, 1).Error);
        Assert.Equal(RuntimeError.InvalidControlFlow, Fault("run_off_end", 1, 1).Error);
    }

    [Fact]
    public void VoteWithMembersThatAreNotConverged()
    {
        var e = Fault("not_converged", 1, 32);
        Assert.Equal(RuntimeError.WarpNotConverged, e.Error);
    }

    [Fact]
    public void CallAndReturnRunTheFunctionForTheCallingLanesOnly()
    {
        using var buffer = _device.Allocate<uint>(8);
        _module.GetKernel("call_ret").Launch(1, 8, 0, buffer);
        Assert.Equal(new uint[] { 7, 7, 7, 0, 0, 0, 0, 0 }, buffer.ToArray());
    }

    [Fact]
    public void TheLowestFaultingBlockIsReportedWhateverTheThreadCount()
    {
        foreach (int threads in new[] { 1, 2 })
        {
            _device.HostThreads = threads;
            var e = Fault("trap", 16, 32);
            Assert.Equal(new Dim3(0, 0, 0), e.Block);
        }
    }

    [Fact]
    public void TargetUnsupportedInstructionFaultsWhenExecuted()
    {
        ulong dp4a = InstructionCodec.Encode(Build.Dp4aS32S8S8(Reg.R(0), Reg.R(1), Reg.R(2), Reg.R(3)));
        ulong exit = InstructionCodec.Encode(Build.Exit());
        var module = new BcModule
        {
            Target = TargetArch.N4,
            Kernels = [new BcKernel { Name = "uses_dp4a", Code = new[] { exit, dp4a, exit } }],
        };
        using var loaded = _device.LoadModule(module);
        // Never executed: fine.
        loaded.GetKernel("uses_dp4a").Launch(1, 32, 0);
        var patched = module with { Kernels = [new BcKernel { Name = "uses_dp4a", Code = new[] { dp4a, exit } }] };
        using var loaded2 = _device.LoadModule(patched);
        var e = Assert.Throws<DeviceFaultException>(() => loaded2.GetKernel("uses_dp4a").Launch(1, 32, 0));
        Assert.Equal(RuntimeError.UnsupportedInstruction, e.Error);
        Assert.Contains("n4", e.FaultDetail);
    }

    [Fact]
    public void EverySpaceChecksAlignmentAndBounds()
    {
        var shared = Fault("misaligned_shared", 1, 1);
        Assert.Equal(RuntimeError.MisalignedAccess, shared.Error);
        Assert.Contains("shared", shared.FaultDetail);
        var constant = Fault("oob_const", 1, 1);
        Assert.Equal(RuntimeError.OutOfBoundsAccess, constant.Error);
        Assert.Contains("const", constant.FaultDetail);
        var param = Fault("oob_param", 1, 1, 5);
        Assert.Equal(RuntimeError.OutOfBoundsAccess, param.Error);
        Assert.Contains("param", param.FaultDetail);
    }

    [Fact]
    public void AtomicOnGenericLocalAddressFaults()
    {
        var e = Fault("atomic_on_local", 1, 1);
        Assert.Equal(RuntimeError.InvalidAddressSpace, e.Error);
    }
}
