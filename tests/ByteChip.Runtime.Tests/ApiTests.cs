using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Runtime.Tests;

/// <summary>The host API: target enforcement, launch checks, buffers, symbols, streams and events.</summary>
public sealed class ApiTests
{
    [Fact]
    public void RefusesAModuleForAnotherTarget()
    {
        using var device = Device.Create("n5");
        var e = Assert.Throws<RuntimeException>(() => device.LoadModule(TestKernels.Assemble("vector_add.s")));
        Assert.Equal(RuntimeError.TargetMismatch, e.Error);
        Assert.Contains("n4", e.Message);
    }

    [Fact]
    public void RefusesBytesThatAreNotAModule()
    {
        using var device = Device.Create();
        var e = Assert.Throws<RuntimeException>(() => device.LoadModule(new byte[] { 1, 2, 3 }));
        Assert.Equal(RuntimeError.InvalidModule, e.Error);
    }

    [Fact]
    public void LoadsFromBytesFileAndListsKernels()
    {
        using var device = Device.Create();
        var dir = Directory.CreateTempSubdirectory();
        string path = TestKernels.WriteBinary("faults.s", dir.FullName);
        using var fromFile = device.LoadModuleFile(path);
        using var fromBytes = device.LoadModule(File.ReadAllBytes(path));
        Assert.Contains(fromFile.Kernels, k => k.Name == "deadlock");
        Assert.Equal(fromFile.Kernels.Select(k => k.Name), fromBytes.Kernels.Select(k => k.Name));
        var e = Assert.Throws<RuntimeException>(() => fromFile.GetKernel("nope"));
        Assert.Equal(RuntimeError.SymbolNotFound, e.Error);
        Assert.Contains("deadlock", e.Message);
        dir.Delete(true);
    }

    [Theory]
    [InlineData(0u, 1u, 1u)]
    [InlineData(1u, 65536u, 1u)]
    [InlineData(1u, 1u, 1025u)]
    public void ChecksLaunchConfigurationAgainstTheTarget(uint gridX, uint gridY, uint blockX)
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "faults.s");
        var e = Assert.Throws<RuntimeException>(() => module.GetKernel("run_off_end").Launch(new Dim3(gridX, gridY), blockX, 0));
        Assert.Equal(RuntimeError.InvalidLaunchConfiguration, e.Error);
    }

    [Fact]
    public void ChecksSharedMemoryAgainstTheTarget()
    {
        using var n5 = Device.Create("n5");
        using var module = TestKernels.Load(n5, "reverse_dynamic.s");
        using var d = n5.Allocate<uint>(32);
        var e = Assert.Throws<RuntimeException>(() => module.GetKernel("reverse_dynamic").Launch(1, 32, 98304, d));
        Assert.Equal(RuntimeError.SharedMemoryLimit, e.Error);
        Assert.Contains("98304", e.Message);
        module.GetKernel("reverse_dynamic").Launch(1, 32, 98304 - 16, d);
    }

    [Fact]
    public void ChecksArgumentsAgainstTheMetadata()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "vector_add.s");
        var k = module.GetKernel("vector_add");
        using var b = device.Allocate<float>(4);
        Assert.Equal(RuntimeError.ArgumentCount, Assert.Throws<RuntimeException>(() => k.Launch(1, 4, 0, b, b)).Error);
        var size = Assert.Throws<RuntimeException>(() => k.Launch(1, 4, 0, b, b, b, 4L));
        Assert.Equal(RuntimeError.ArgumentMismatch, size.Error);
        Assert.Contains("'n'", size.Message);
        var kind = Assert.Throws<RuntimeException>(() => k.Launch(1, 4, 0, b, 5, b, 4));
        Assert.Equal(RuntimeError.ArgumentMismatch, kind.Error);
        Assert.Contains("pointer", kind.Message);
    }

    [Fact]
    public void DetectsUseAfterFreeAndDoubleFree()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "vector_add.s");
        var b = device.Allocate<float>(16);
        long before = device.FreeMemory;
        b.Free();
        Assert.Equal(before + 64, device.FreeMemory);
        Assert.Equal(RuntimeError.DoubleFree, Assert.Throws<RuntimeException>(b.Free).Error);
        Assert.Equal(RuntimeError.UseAfterFree, Assert.Throws<RuntimeException>(() => b.ToArray()).Error);
        Assert.Equal(RuntimeError.UseAfterFree, Assert.Throws<RuntimeException>(() => b.Upload(new float[1])).Error);
        using var ok = device.Allocate<float>(16);
        var launch = Assert.Throws<RuntimeException>(() => module.GetKernel("vector_add").Launch(1, 16, 0, ok, b, ok, 16));
        Assert.Equal(RuntimeError.UseAfterFree, launch.Error);
        b.Dispose();
    }

    [Fact]
    public void StalePointerToFreedMemoryFaultsInTheKernel()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "vector_add.s");
        var freed = device.Allocate<float>(16);
        var stale = freed.Pointer;
        freed.Free();
        using var ok = device.Allocate<float>(16);
        var e = Assert.Throws<DeviceFaultException>(() => module.GetKernel("vector_add").Launch(1, 16, 0, stale, ok, ok, 16));
        Assert.Equal(RuntimeError.OutOfBoundsAccess, e.Error);
    }

    [Fact]
    public void BufferCopiesAreBoundsChecked()
    {
        using var device = Device.Create();
        using var b = device.Allocate<int>(4);
        Assert.Equal(RuntimeError.CopyOutOfBounds, Assert.Throws<RuntimeException>(() => b.Upload(new int[3], 2)).Error);
        b.Upload([1, 2], 2);
        Assert.Equal(new[] { 0, 0, 1, 2 }, b.ToArray());
        Assert.Equal(RuntimeError.OutOfMemory, Assert.Throws<RuntimeException>(() => device.Allocate<byte>(device.TotalMemory + 1)).Error);
    }

    [Fact]
    public void StreamsRunLaunchesAndCopiesInOrderAndEventsTimeThem()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "vector_add.s");
        var k = module.GetKernel("vector_add");
        using var stream = device.CreateStream();
        using var a = device.Allocate<float>(256);
        using var c = device.Allocate<float>(256);
        var host = Enumerable.Range(0, 256).Select(i => (float)i).ToArray();
        var start = device.CreateEvent();
        var end = device.CreateEvent();
        start.Record(stream);
        stream.UploadAsync(a, host);
        k.LaunchAsync(stream, 1, 256, 0, a, a, c, 256);
        k.LaunchAsync(stream, 1, 256, 0, c, c, c, 256);
        var result = new float[256];
        stream.DownloadAsync(c, result);
        end.Record(stream);
        stream.Synchronize();
        Assert.True(end.IsCompleted);
        Assert.Equal(host.Select(x => x * 4).ToArray(), result);
        Assert.True(DeviceEvent.ElapsedMilliseconds(start, end) >= 0);
    }

    [Fact]
    public void AFaultOnAStreamSkipsLaterWorkAndSurfacesAtSynchronize()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "faults.s");
        using var stream = device.CreateStream();
        using var b = device.Allocate<uint>(8);
        module.GetKernel("trap").LaunchAsync(stream, 1, 32, 0);
        var skipped = module.GetKernel("call_ret").LaunchAsync(stream, 1, 8, 0, b);
        var e = Assert.Throws<DeviceFaultException>(stream.Synchronize);
        Assert.Equal(RuntimeError.Trap, e.Error);
        Assert.True(skipped.IsFaulted);
        Assert.Equal(new uint[8], b.ToArray());
        module.GetKernel("call_ret").LaunchAsync(stream, 1, 8, 0, b);
        stream.Synchronize();
        Assert.Equal(7u, b.ToArray()[0]);
    }

    [Fact]
    public void DisposedModuleCannotLaunch()
    {
        using var device = Device.Create();
        var module = TestKernels.Load(device, "faults.s");
        var k = module.GetKernel("run_off_end");
        module.Dispose();
        Assert.Equal(RuntimeError.UseAfterFree, Assert.Throws<RuntimeException>(() => k.Launch(1, 1, 0)).Error);
    }

    [Fact]
    public void RefusesKernelsOverTheTargetRegisterFile()
    {
        using var device = Device.Create("n5");
        var code = new[] { InstructionCodec.Encode(Build.MovB32Imm(Reg.R(200), 1)), InstructionCodec.Encode(Build.Exit()) };
        using var module = device.LoadModule(new BcModule { Target = TargetArch.N5, Kernels = [new BcKernel { Name = "big", Code = code }] });
        Assert.Equal(RuntimeError.ResourceLimit, Assert.Throws<RuntimeException>(() => module.GetKernel("big").Launch(1, 1, 0)).Error);
    }

    [Fact]
    public void StreamsOrderAgainstEachOtherThroughEvents()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "vector_add.s");
        var k = module.GetKernel("vector_add");
        using var producer = device.CreateStream("producer");
        using var consumer = device.CreateStream("consumer");
        using var a = device.Upload<float>(Enumerable.Range(0, 512).Select(i => (float)i).ToArray());
        using var b = device.Allocate<float>(512);
        using var c = device.Allocate<float>(512);
        var ready = device.CreateEvent();
        k.LaunchAsync(producer, 2, 256, 0, a, a, b, 512);
        ready.Record(producer);
        consumer.WaitEvent(ready);
        k.LaunchAsync(consumer, 2, 256, 0, b, b, c, 512);
        consumer.Synchronize();
        Assert.Equal(Enumerable.Range(0, 512).Select(i => i * 4f).ToArray(), c.ToArray());
        Assert.Equal(RuntimeError.EventNotRecorded, Assert.Throws<RuntimeException>(() => consumer.WaitEvent(device.CreateEvent())).Error);
    }

    [Fact]
    public void MissingEmbeddedResourceIsAClearError()
    {
        using var device = Device.Create();
        var e = Assert.Throws<RuntimeException>(() => device.LoadModuleResource(typeof(ApiTests).Assembly, "nope.bcbin"));
        Assert.Equal(RuntimeError.FileError, e.Error);
        Assert.Contains("nope.bcbin", e.Message);
    }

    [Fact]
    public void DisposedDeviceCannotBeUsed()
    {
        var device = Device.Create("n5");
        Assert.Equal("n5", device.Name);
        Assert.Equal(24576L * 1024 * 1024, device.TotalMemory);
        device.Dispose();
        Assert.Equal(RuntimeError.UseAfterFree, Assert.Throws<RuntimeException>(() => device.Allocate<int>(1)).Error);
        Assert.Throws<ArgumentException>(() => Device.Create("n9"));
    }
}
