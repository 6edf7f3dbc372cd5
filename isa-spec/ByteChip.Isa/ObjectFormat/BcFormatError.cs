namespace ByteChip.Isa.ObjectFormat;

/// <summary>
/// Stable error codes of the binary format (BC6xxx). Numbers are never reused.
/// BC60xx: the ELF container; BC61xx: the ByteChip sections; BC62xx: model rules (checked by both writer and reader).
/// </summary>
public enum BcFormatError
{
    /// <summary>The input is shorter than the 64-byte ELF header.</summary>
    TruncatedHeader = 6001,

    /// <summary>The first four bytes are not <c>\x7FELF</c>.</summary>
    BadMagic = 6002,

    /// <summary>Not ELFCLASS64.</summary>
    WrongClass = 6003,

    /// <summary>Not little-endian (ELFDATA2LSB).</summary>
    WrongEndianness = 6004,

    /// <summary>ELF version, OS/ABI, ABI version or padding bytes are not the ones written.</summary>
    BadIdent = 6005,

    /// <summary><c>e_type</c> is not ET_REL.</summary>
    WrongFileType = 6006,

    /// <summary><c>e_machine</c> is not ByteChip (0xBC01).</summary>
    WrongMachine = 6007,

    /// <summary>The target field of <c>e_flags</c> names no known part, or reserved bits are set.</summary>
    UnknownTarget = 6008,

    /// <summary>The format version in <c>e_flags</c> is not the one this reader understands.</summary>
    FormatVersionMismatch = 6009,

    /// <summary>Header sizes, program headers or the section-table position are wrong.</summary>
    BadHeaderField = 6010,

    /// <summary>The section header table lies outside the file or has a bad count.</summary>
    BadSectionTable = 6011,

    /// <summary>A section's data lies outside the file, or its alignment is not a power of two.</summary>
    BadSectionBounds = 6012,

    /// <summary>A string table is missing, has the wrong type or is not NUL-terminated.</summary>
    BadStringTable = 6013,

    /// <summary>A name refers outside its string table, is unterminated or is not UTF-8.</summary>
    BadStringIndex = 6014,

    /// <summary>A required section is absent.</summary>
    MissingSection = 6015,

    /// <summary>Two sections have the same name, or an unknown section is present.</summary>
    UnexpectedSection = 6016,

    /// <summary>A section has the wrong type, flags, link, info or entry size.</summary>
    BadSectionAttributes = 6017,

    /// <summary>The symbol table is malformed, or a symbol has a bad type, binding, section or extent.</summary>
    BadSymbol = 6018,

    /// <summary>A relocation has a bad type, symbol, or offset.</summary>
    BadRelocation = 6019,

    /// <summary>A ByteChip metadata section has a version this reader does not understand.</summary>
    MetadataVersionMismatch = 6101,

    /// <summary><c>.bc.kernels</c> is malformed: header, record sizes, counts or section/symbol references.</summary>
    BadKernelMetadata = 6102,

    /// <summary><c>.bc.objects</c> is malformed or does not match the object symbols.</summary>
    BadObjectMetadata = 6103,

    /// <summary><c>.bc.lines</c> is malformed.</summary>
    BadLineTable = 6104,

    /// <summary>A name is empty, contains NUL or is not valid Unicode.</summary>
    InvalidName = 6201,

    /// <summary>Two kernels, globals or constants share a name.</summary>
    DuplicateName = 6202,

    /// <summary>An alignment is not a power of two, or an offset is not a multiple of its alignment.</summary>
    BadAlignment = 6203,

    /// <summary>An object lies outside its segment, overlaps another, or a segment is too large.</summary>
    BadObjectExtent = 6204,

    /// <summary>A kernel parameter is malformed (size, overlap, kind and address space).</summary>
    BadParameter = 6205,

    /// <summary>A relocation's site, kind or target symbol is invalid.</summary>
    BadRelocationSite = 6206,

    /// <summary>A line-table row refers outside the code or the file list, or rows are out of order.</summary>
    BadLineEntry = 6207,

    /// <summary>A module limit (kernels, code size, sections) is exceeded.</summary>
    LimitExceeded = 6208,

    /// <summary>A global's initializer length differs from its size.</summary>
    BadInitializer = 6209,
}
