using System.Runtime.InteropServices;
using ByteChip.Tools.Bcgolden;
using ByteChip.Tools.Bcrun;

namespace ByteChip.Golden.Tests;

/// <summary>
/// The inputs and expected outputs of the execution goldens (tests/golden/exec/data, and tests/golden/samples/data
/// for the samples' kernels), computed here in C# independently of the compiler and the device model. <see cref="ExecutionDataTests"/> checks that the checked-in
/// files are what this generator computes; <c>BYTECHIP_GENERATE_GOLDEN_DATA=1</c> writes them.
/// </summary>
public sealed class ExecutionData
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The folders (relative to the suite's root) that hold generated data.</summary>
    public static readonly string[] Folders = ["exec/data", "samples/data"];

    /// <summary>Path relative to the suite's root ('/' separators) → .npy bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>An input buffer of case <paramref name="name"/>: <c>FOLDER/NAME.BUFFER.npy</c>.</summary>
    public void Input<T>(string name, string buffer, T[] data, string folder = "exec/data") where T : unmanaged => _files[$"{folder}/{name}.{buffer}.npy"] = Npy(data);

    /// <summary>An expected output of case <paramref name="name"/>: <c>FOLDER/NAME.BUFFER.expected.npy</c>.</summary>
    public void Expected<T>(string name, string buffer, T[] data, string folder = "exec/data") where T : unmanaged => _files[$"{folder}/{name}.{buffer}.expected.npy"] = Npy(data);

    /// <summary>
    /// A float32 output known in double with an absolute error bound per element: the expected values rounded to
    /// float32 (<c>NAME.BUFFER.expected.npy</c>) and the bounds widened by that rounding (<c>NAME.BUFFER.bound.npy</c>).
    /// </summary>
    public void ExpectedWithin(string name, string buffer, double[] exact, Func<int, double> bound, string folder)
    {
        var rounded = exact.Select(v => (float)v).ToArray();
        var bounds = exact.Select((v, i) => bound(i) + Math.Abs(v - rounded[i])).ToArray();
        if (bounds.Any(b => !(b >= 0) || double.IsInfinity(b)))
        {
            throw new InvalidOperationException($"{name}.{buffer}: an error bound is negative, infinite or NaN");
        }
        Expected(name, buffer, rounded, folder);
        _files[$"{folder}/{name}.{buffer}.bound.npy"] = Npy(bounds);
    }

    private static byte[] Npy<T>(T[] data) where T : unmanaged
    {
        string descr = Type.GetTypeCode(typeof(T)) switch
        {
            TypeCode.SByte => "|i1",
            TypeCode.Byte => "|u1",
            TypeCode.Int16 => "<i2",
            TypeCode.UInt16 => "<u2",
            TypeCode.Int32 => "<i4",
            TypeCode.UInt32 => "<u4",
            TypeCode.Int64 => "<i8",
            TypeCode.UInt64 => "<u8",
            TypeCode.Single => "<f4",
            TypeCode.Double => "<f8",
            _ when typeof(T) == typeof(Half) => "<f2",
            _ => throw new ArgumentException($"no .npy type for {typeof(T).Name}"),
        };
        return NpyFile.Write(new NpyArray(descr, [data.Length], MemoryMarshal.AsBytes(data.AsSpan()).ToArray()));
    }

    /// <summary>The data of every execution case.</summary>
    public static ExecutionData Generate()
    {
        var d = new ExecutionData();
        ExecutionReferences.All(d);
        return d;
    }

    /// <summary>The suite's root, which <see cref="Files"/>' paths are relative to.</summary>
    public static string Root => GoldenSuite.DefaultRoot();
}
