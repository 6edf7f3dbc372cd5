using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Isa.Tests.ObjectFormat;

/// <summary>Specific damage to a valid file, each expected to give one stable error code.</summary>
public sealed class MalformedInputTests
{
    private static readonly byte[] _valid = BcModuleWriter.Write(SampleModules.Rich());

    private static ElfTestFile File() => new(_valid);

    private static BcFormatException Rejects(byte[] bytes, BcFormatError expected)
    {
        var e = Assert.Throws<BcFormatException>(() => BcModuleReader.Read(bytes));
        Assert.True(expected == e.Error, $"expected {expected}, got {e.Message}");
        Assert.StartsWith($"BC{(int)expected}: ", e.Message);
        return e;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(63)]
    public void TruncatedHeader(int length)
    {
        var e = Rejects(_valid[..length], BcFormatError.TruncatedHeader);
        Assert.Equal(length, e.Offset);
    }

    [Fact]
    public void TruncatedBodyLosesTheSectionTable() => Rejects(_valid[..(_valid.Length / 2)], BcFormatError.BadSectionTable);

    [Fact]
    public void WrongMagic() => Rejects(File().Byte(1, (byte)'X').Bytes, BcFormatError.BadMagic);

    [Fact]
    public void WrongClass() => Rejects(File().Byte(4, 1).Bytes, BcFormatError.WrongClass);

    [Fact]
    public void WrongEndianness() => Rejects(File().Byte(5, 2).Bytes, BcFormatError.WrongEndianness);

    [Fact]
    public void WrongOsAbi() => Rejects(File().Byte(7, 3).Bytes, BcFormatError.BadIdent);

    [Fact]
    public void WrongFileType() => Rejects(File().U16(16, 2).Bytes, BcFormatError.WrongFileType);

    [Fact]
    public void WrongMachine()
    {
        var e = Rejects(File().U16(18, 0x3E).Bytes, BcFormatError.WrongMachine);
        Assert.Contains("0x003E", e.Message);
        Assert.Equal(18, e.Offset);
    }

    [Fact]
    public void UnknownTarget() => Rejects(File().U32(48, 0x0001_0600).Bytes, BcFormatError.UnknownTarget);

    [Fact]
    public void FormatVersionMismatch() => Rejects(File().U32(48, 0x0002_0400).Bytes, BcFormatError.FormatVersionMismatch);

    [Fact]
    public void ProgramHeadersAreRefused() => Rejects(File().U16(56, 1).Bytes, BcFormatError.BadHeaderField);

    [Fact]
    public void SectionTableOutsideFile() => Rejects(File().U64(40, (ulong)_valid.Length - 8).Bytes, BcFormatError.BadSectionTable);

    [Fact]
    public void SectionCountOverflowsFile() => Rejects(File().U16(60, 0xFEFF).Bytes, BcFormatError.BadSectionTable);

    [Fact]
    public void SectionOffsetOutsideFile()
    {
        var file = File();
        var e = Rejects(file.U64(file.Header(".bc.const") + 24, ulong.MaxValue - 4).Bytes, BcFormatError.BadSectionBounds);
        Assert.Equal(file.Header(".bc.const") + 24, e.Offset);
    }

    [Fact]
    public void SectionSizeOutsideFile()
    {
        var file = File();
        Rejects(file.U64(file.Header(".bc.kernels") + 32, 0x1_0000_0000).Bytes, BcFormatError.BadSectionBounds);
    }

    [Fact]
    public void SectionAlignmentNotPowerOfTwo()
    {
        var file = File();
        Rejects(file.U64(file.Header(".data") + 48, 12).Bytes, BcFormatError.BadSectionBounds);
    }

    [Fact]
    public void SectionNameTableIndexOutOfRange() => Rejects(File().U16(62, 200).Bytes, BcFormatError.BadStringTable);

    [Fact]
    public void SectionNameTableOfWrongType()
    {
        var file = File();
        int symtab = (file.Header(".symtab") - (int)file.SectionTable) / 64;
        Rejects(file.U16(62, (ushort)symtab).Bytes, BcFormatError.BadStringTable);
    }

    [Fact]
    public void SectionNameOutOfRange()
    {
        var file = File();
        var e = Rejects(file.U32(file.Header(".bc.lines"), 0xFFFF).Bytes, BcFormatError.BadStringIndex);
        Assert.Equal(".shstrtab", e.Section);
    }

    [Fact]
    public void SymbolNameOutOfRange()
    {
        var file = File();
        var e = Rejects(file.U32(file.Data(".symtab") + 24, 0x7FFF_FFFF).Bytes, BcFormatError.BadStringIndex);
        Assert.Equal(".strtab", e.Section);
        Assert.Contains("symbol #1", e.Message);
    }

    [Fact]
    public void StringTableWithoutFinalNul()
    {
        var file = File();
        int strtab = file.Header(".strtab");
        Rejects(file.Byte(file.Data(".strtab") + (int)BitConverter.ToUInt64(file.Bytes, strtab + 32) - 1, (byte)'x').Bytes, BcFormatError.BadStringTable);
    }

    [Fact]
    public void UnknownSection()
    {
        var file = File();
        int at = Array.IndexOf(file.Bytes, (byte)'k', file.Data(".shstrtab") + 1);
        Assert.True(at > 0);
        Rejects(file.Byte(at, (byte)'z').Bytes, BcFormatError.UnexpectedSection);
    }

    [Fact]
    public void WrongSectionFlags()
    {
        var file = File();
        var e = Rejects(file.U64(file.Header(".text.saxpy") + 8, 0x2).Bytes, BcFormatError.BadSectionAttributes);
        Assert.Equal(".text.saxpy", e.Section);
    }

    [Fact]
    public void KernelMetadataVersionMismatch()
    {
        var file = File();
        var e = Rejects(file.U32(file.Data(".bc.kernels"), 2).Bytes, BcFormatError.MetadataVersionMismatch);
        Assert.Equal(".bc.kernels", e.Section);
        Assert.Contains("version 2", e.Message);
    }

    [Fact]
    public void LineTableVersionMismatch()
    {
        var file = File();
        Rejects(file.U32(file.Data(".bc.lines"), 7).Bytes, BcFormatError.MetadataVersionMismatch);
    }

    [Fact]
    public void KernelRecordNamesWrongSymbol()
    {
        var file = File();
        Rejects(file.U32(file.Data(".bc.kernels") + 16 + 12, 2).Bytes, BcFormatError.BadKernelMetadata);
    }

    [Fact]
    public void KernelCountDisagreesWithSectionSize()
    {
        var file = File();
        Rejects(file.U32(file.Data(".bc.kernels") + 4, 0xFFFF_FFFF).Bytes, BcFormatError.BadKernelMetadata);
    }

    [Fact]
    public void ObjectAlignmentNotPowerOfTwo()
    {
        var file = File();
        Rejects(file.U32(file.Data(".bc.objects") + 16 + 4, 3).Bytes, BcFormatError.BadObjectMetadata);
    }

    [Fact]
    public void RelocationSymbolOutOfRange()
    {
        var file = File();
        Rejects(file.U32(file.Data(".rela.text.saxpy") + 12, 999).Bytes, BcFormatError.BadRelocation);
    }

    [Fact]
    public void RelocationOffsetOutsideCode()
    {
        var file = File();
        Rejects(file.U64(file.Data(".rela.text.saxpy"), 4096).Bytes, BcFormatError.BadRelocation);
    }

    [Fact]
    public void DataRelocationStraddlingGlobals()
    {
        var file = File();
        Rejects(file.U64(file.Data(".rela.data"), 12).Bytes, BcFormatError.BadRelocation);
    }

    [Fact]
    public void SymbolOutsideItsSection()
    {
        var file = File();
        int scale = file.Data(".symtab") + (5 * 24);
        Rejects(file.U64(scale + 8, 70).Bytes, BcFormatError.BadSymbol);
    }

    [Fact]
    public void LineRowNamesMissingFile()
    {
        var file = File();
        int firstRow = file.Data(".bc.lines") + 16 + (2 * 4) + 8;
        Rejects(file.U32(firstRow + 4, 9).Bytes, BcFormatError.BadLineEntry);
    }

    [Fact]
    public void OverlappingGlobalsFoundByModelRules()
    {
        var file = File();
        int histogram = file.Data(".symtab") + (8 * 24);
        Rejects(file.U64(histogram + 8, 0).Bytes, BcFormatError.BadObjectExtent);
    }
}
