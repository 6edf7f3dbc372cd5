using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Isa.Tests.ObjectFormat;

/// <summary>The writer refuses models that break a format rule, with the rule's code.</summary>
public sealed class WriterValidationTests
{
    private static readonly BcModule _rich = SampleModules.Rich();

    private static void Refuses(BcModule module, BcFormatError expected)
    {
        var e = Assert.Throws<BcFormatException>(() => BcModuleWriter.Write(module));
        Assert.True(expected == e.Error, $"expected {expected}, got {e.Message}");
    }

    private static BcModule WithKernel(BcKernel kernel) => _rich with { Kernels = [kernel] };

    private static BcKernel Saxpy => _rich.Kernels[0];

    [Fact]
    public void DuplicateKernelNames() => Refuses(_rich with { Kernels = [Saxpy, Saxpy with { Code = [1] }] }, BcFormatError.DuplicateName);

    [Fact]
    public void KernelNameClashesWithGlobal() => Refuses(WithKernel(Saxpy with { Name = "counter" }), BcFormatError.DuplicateName);

    [Fact]
    public void MangledNameClashesWithConstant() => Refuses(WithKernel(Saxpy with { MangledName = "scale" }), BcFormatError.DuplicateName);

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    public void InvalidKernelName(string name) => Refuses(WithKernel(Saxpy with { Name = name }), BcFormatError.InvalidName);

    [Fact]
    public void UnpairedSurrogateInName() => Refuses(WithKernel(Saxpy with { Name = new string('\ud800', 1) }), BcFormatError.InvalidName);

    [Fact]
    public void MisalignedGlobal() => Refuses(_rich with { Globals = [new BcGlobal { Name = "g", Offset = 4, Size = 8, Alignment = 8 }] }, BcFormatError.BadAlignment);

    [Fact]
    public void AlignmentNotPowerOfTwo() => Refuses(_rich with { Constants = [new BcConstant("c", 0, 4, 3)] }, BcFormatError.BadAlignment);

    [Fact]
    public void ConstantOutsideSegment() => Refuses(_rich with { Constants = [new BcConstant("c", 64, 16, 4)] }, BcFormatError.BadObjectExtent);

    [Fact]
    public void OverlappingGlobals() => Refuses(
        _rich with { Globals = [new BcGlobal { Name = "a", Offset = 0, Size = 16 }, new BcGlobal { Name = "b", Offset = 8, Size = 8 }] },
        BcFormatError.BadObjectExtent);

    [Fact]
    public void HugeDataSegment() => Refuses(_rich with { Globals = [new BcGlobal { Name = "a", Offset = 1UL << 40, Size = 1, Initializer = [1] }] }, BcFormatError.BadObjectExtent);

    [Fact]
    public void InitializerOfWrongLength() => Refuses(_rich with { Globals = [new BcGlobal { Name = "a", Offset = 0, Size = 16, Initializer = new byte[8] }] }, BcFormatError.BadInitializer);

    [Fact]
    public void RelocationToUnknownSymbol() =>
        Refuses(WithKernel(Saxpy with { Relocations = [new BcRelocation(BcRelocationKind.ImmLo32, 0, "nowhere")] }), BcFormatError.BadRelocationSite);

    [Fact]
    public void RelocationToKernel() =>
        Refuses(WithKernel(Saxpy with { Relocations = [new BcRelocation(BcRelocationKind.ImmLo32, 0, "saxpy")] }), BcFormatError.BadRelocationSite);

    [Fact]
    public void CodeRelocationPastEnd() =>
        Refuses(WithKernel(Saxpy with { Relocations = [new BcRelocation(BcRelocationKind.ImmHi32, 4, "scale")] }), BcFormatError.BadRelocationSite);

    [Fact]
    public void Abs64InCode() =>
        Refuses(WithKernel(Saxpy with { Relocations = [new BcRelocation(BcRelocationKind.Abs64, 0, "scale")] }), BcFormatError.BadRelocationSite);

    [Fact]
    public void RelocationInZeroFilledGlobal() => Refuses(
        _rich with { Globals = [new BcGlobal { Name = "a", Offset = 0, Size = 8, Relocations = [new BcRelocation(BcRelocationKind.Abs64, 0, "scale")] }] },
        BcFormatError.BadRelocationSite);

    [Fact]
    public void DataRelocationPastGlobalEnd() => Refuses(
        _rich with { Globals = [new BcGlobal { Name = "a", Offset = 0, Size = 8, Initializer = new byte[8], Relocations = [new BcRelocation(BcRelocationKind.Abs64, 4, "scale")] }] },
        BcFormatError.BadRelocationSite);

    [Fact]
    public void OverlappingParameters() =>
        Refuses(WithKernel(Saxpy with { Parameters = [new BcParameter("a", 0, 8, 4), new BcParameter("b", 4, 4, 4)] }), BcFormatError.BadParameter);

    [Fact]
    public void PointerWithoutAddressSpace() =>
        Refuses(WithKernel(Saxpy with { Parameters = [new BcParameter("p", 0, 8, 8, BcParameterKind.Pointer)] }), BcFormatError.BadParameter);

    [Fact]
    public void ValueWithAddressSpace() =>
        Refuses(WithKernel(Saxpy with { Parameters = [new BcParameter("v", 0, 4, 4, BcParameterKind.Value, BcAddressSpace.Global)] }), BcFormatError.BadParameter);

    [Fact]
    public void LineRowsOutOfOrder() =>
        Refuses(WithKernel(Saxpy with { Lines = [new BcLineEntry(2, 0, 1, 1), new BcLineEntry(1, 0, 2, 1)] }), BcFormatError.BadLineEntry);

    [Fact]
    public void LineRowWithUnknownFile() =>
        Refuses(WithKernel(Saxpy with { Lines = [new BcLineEntry(0, 5, 1, 1)] }), BcFormatError.BadLineEntry);

    [Fact]
    public void UnknownTarget() => Refuses(_rich with { Target = (TargetArch)7 }, BcFormatError.UnknownTarget);
}
