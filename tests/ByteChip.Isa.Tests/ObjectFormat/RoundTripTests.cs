using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Isa.Tests.ObjectFormat;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData(TargetArch.N4)]
    [InlineData(TargetArch.N5)]
    public void RichModuleRoundTripsToEqualModelAndIdenticalBytes(TargetArch target)
    {
        var module = SampleModules.Rich(target);
        byte[] first = BcModuleWriter.Write(module);
        var read = BcModuleReader.Read(first);
        Assert.Equal(module, read);
        Assert.Equal(first, BcModuleWriter.Write(read));
        Assert.Equal(first, BcModuleWriter.Write(SampleModules.Rich(target)));
    }

    [Fact]
    public void RandomModulesRoundTrip()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var module = SampleModules.Random(seed);
            byte[] bytes = BcModuleWriter.Write(module);
            var read = BcModuleReader.Read(bytes);
            Assert.True(module.Equals(read), $"seed {seed}: model changed in the round trip");
            Assert.True(bytes.AsSpan().SequenceEqual(BcModuleWriter.Write(read)), $"seed {seed}: bytes changed in the round trip");
        }
    }

    [Fact]
    public void EmptyModuleRoundTrips()
    {
        var module = new BcModule { Target = TargetArch.N5 };
        Assert.Equal(module, BcModuleReader.Read(BcModuleWriter.Write(module)));
    }

    [Fact]
    public void HeaderCarriesMachineTypeAndTargetFlags()
    {
        var file = new ElfTestFile(BcModuleWriter.Write(SampleModules.Rich(TargetArch.N5)));
        Assert.Equal(1, BitConverter.ToUInt16(file.Bytes, 16));
        Assert.Equal(0xBC01, BitConverter.ToUInt16(file.Bytes, 18));
        Assert.Equal(0x0001_0500u, BitConverter.ToUInt32(file.Bytes, 48));
        Assert.Equal(0x0001_0400u, BcElf.HeaderFlags(TargetArch.N4));
    }

    [Fact]
    public void CodeIsLittleEndianWordsInPerKernelTextSections()
    {
        var file = new ElfTestFile(BcModuleWriter.Write(SampleModules.Rich()));
        int text = file.Data(".text.saxpy");
        Assert.Equal(0x0000_0001_0000_1234UL, BitConverter.ToUInt64(file.Bytes, text));
        Assert.Equal(0x2AUL, BitConverter.ToUInt64(file.Bytes, text + 24));
        Assert.Equal(40UL * 8, BitConverter.ToUInt64(file.Bytes, file.Header(".text._Z6reduceILi256EEvPKfPfi") + 32));
        file.Header(".rela.text.saxpy");
        file.Header(".rela.data");
    }

    [Fact]
    public void LookupsFindKernelsBySourceOrMangledNameAndObjectsByName()
    {
        var module = BcModuleReader.Read(BcModuleWriter.Write(SampleModules.Rich()));
        Assert.Same(module.FindKernel("reduce<256>"), module.FindKernel("_Z6reduceILi256EEvPKfPfi"));
        Assert.Null(module.FindKernel("missing"));
        Assert.Equal(64UL, module.FindGlobal("histogram")!.Offset);
        Assert.True(module.FindGlobal("histogram")!.IsZeroFilled);
        Assert.Equal(4UL, module.FindConstant("scale")!.Size);
        Assert.Equal(new BcLineEntry(0, 1, 10, 5), module.FindKernel("reduce<256>")!.FindLine(4));
        Assert.Equal(new BcLineEntry(30, 0, 20, 2), module.FindKernel("reduce<256>")!.FindLine(39));
        Assert.Null(module.Kernels[2].FindLine(0));
        Assert.Equal(
            ["saxpy", "_Z6reduceILi256EEvPKfPfi", "noop", "coefficients", "scale", "empty_marker", "counter", "histogram", "lookup", "pointers"],
            module.Symbols.Select(s => s.Name));
    }

    [Fact]
    public void ModelCopiesCallerBuffers()
    {
        var code = new ulong[] { 1, 2, 3 };
        var kernel = new BcKernel { Name = "k", Code = code };
        code[0] = 99;
        Assert.Equal(1UL, kernel.CodeSpan[0]);
    }

    [Fact]
    public void TryReadReportsSuccessAndFailure()
    {
        Assert.True(BcModuleReader.TryRead(BcModuleWriter.Write(SampleModules.Rich()), out var module, out var error));
        Assert.NotNull(module);
        Assert.Null(error);
        Assert.False(BcModuleReader.TryRead([1, 2, 3], out module, out error));
        Assert.Null(module);
        Assert.Equal(BcFormatError.TruncatedHeader, error!.Error);
    }
}
