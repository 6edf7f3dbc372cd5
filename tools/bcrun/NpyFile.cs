using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ByteChip.Tools.Bcrun;

/// <summary>An array read from or written to a NumPy <c>.npy</c> file: its dtype descriptor, shape and raw little-endian bytes.</summary>
/// <param name="Descr">The dtype as numpy writes it (<c>&lt;f4</c>, <c>|u1</c>).</param>
/// <param name="Shape">The shape (C order).</param>
/// <param name="Data">The element bytes, little-endian.</param>
public sealed record NpyArray(string Descr, long[] Shape, byte[] Data)
{
    /// <summary>Number of elements (product of the shape).</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);
}

/// <summary>
/// A small reader and writer of the NumPy <c>.npy</c> format (versions 1.0 to 3.0): magic <c>\x93NUMPY</c>,
/// version, header length, a Python-literal header dict with <c>descr</c>, <c>fortran_order</c> and <c>shape</c>,
/// padded so the data starts at a multiple of 64, then the data.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] s_magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Writes a one-dimensional (or given-shape) little-endian array as version 1.0.</summary>
    public static byte[] Write(NpyArray array)
    {
        string shape = array.Shape.Length == 1
            ? $"({array.Shape[0]},)"
            : "(" + string.Join(", ", array.Shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")";
        string header = $"{{'descr': '{array.Descr}', 'fortran_order': False, 'shape': {shape}, }}";
        int total = s_magic.Length + 2 + 2 + header.Length + 1;
        int padded = (total + 63) / 64 * 64;
        header = header + new string(' ', padded - total) + "\n";
        var result = new byte[padded + array.Data.Length];
        s_magic.CopyTo(result, 0);
        result[6] = 1;
        result[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header, result.AsSpan(10));
        array.Data.CopyTo(result, padded);
        return result;
    }

    /// <summary>Reads an <c>.npy</c> file's bytes; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static NpyArray Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(s_magic))
        {
            throw new FormatException("not an .npy file (bad magic)");
        }
        int major = bytes[6];
        int headerLength, headerStart;
        switch (major)
        {
            case 1:
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
                headerStart = 10;
                break;
            case 2 or 3 when bytes.Length >= 12:
                headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]));
                headerStart = 12;
                break;
            default:
                throw new FormatException($"unsupported .npy version {major}.{bytes[7]}");
        }
        if (headerStart + headerLength > bytes.Length)
        {
            throw new FormatException("the header runs past the end of the file");
        }
        string header = Encoding.UTF8.GetString(bytes.Slice(headerStart, headerLength));
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new FormatException($"malformed header '{header.Trim()}'");
        }
        if (fortran.Groups[1].Value == "True")
        {
            throw new FormatException("Fortran-order arrays are not supported");
        }
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : throw new FormatException($"bad shape entry '{s}'"))
            .ToArray();
        string d = descr.Groups[1].Value;
        if (d.Length < 2 || d[0] == '>' && d[^1] != '1')
        {
            throw new FormatException($"dtype '{d}' is big-endian or unknown; only little-endian arrays are supported");
        }
        var data = bytes[(headerStart + headerLength)..].ToArray();
        return new NpyArray(d, dims, data);
    }

    /// <summary>The dtype with its byte-order mark normalized (<c>=f4</c> and <c>&lt;f4</c> both give <c>f4</c>).</summary>
    public static string TypeCode(string descr) => descr.TrimStart('<', '|', '=');

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
