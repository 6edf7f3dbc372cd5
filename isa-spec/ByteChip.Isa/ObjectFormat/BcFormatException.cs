namespace ByteChip.Isa.ObjectFormat;

/// <summary>
/// The one exception the <c>.bcbin</c> reader and writer throw for bad input: a stable code, a message saying
/// what is wrong, and where (file offset and/or section) when known.
/// </summary>
public sealed class BcFormatException : Exception
{
    /// <summary>Creates the exception; the message gets the code and location prefixed.</summary>
    public BcFormatException(BcFormatError error, string message, string? section = null, long? offset = null)
        : base(Compose(error, message, section, offset))
    {
        Error = error;
        Detail = message;
        Section = section;
        Offset = offset;
    }

    /// <summary>What kind of problem this is.</summary>
    public BcFormatError Error { get; }

    /// <summary>The numeric code (60xx..62xx).</summary>
    public int Code => (int)Error;

    /// <summary>The code as users see it: <c>BC6002</c>.</summary>
    public string CodeText => $"BC{Code:D4}";

    /// <summary>The message without code and location.</summary>
    public string Detail { get; }

    /// <summary>The section the problem is in, when known.</summary>
    public string? Section { get; }

    /// <summary>The file offset of the problem, when known.</summary>
    public long? Offset { get; }

    private static string Compose(BcFormatError error, string message, string? section, long? offset)
    {
        string where = (section, offset) switch
        {
            (not null, not null) => $" (section {section}, file offset 0x{offset:X})",
            (not null, null) => $" (section {section})",
            (null, not null) => $" (file offset 0x{offset:X})",
            _ => "",
        };
        return $"BC{(int)error:D4}: {message}{where}";
    }
}
