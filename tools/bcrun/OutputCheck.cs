using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ByteChip.Runtime;

namespace ByteChip.Tools.Bcrun;

/// <summary>The result of comparing outputs with their <c>"expected"</c> files: one line per matching output, a report per differing one.</summary>
public sealed record OutputCheckResult(string Matches, string Differences)
{
    /// <summary>Whether every checked output matched.</summary>
    public bool Passed => Differences.Length == 0;
}

/// <summary>
/// Compares outputs with the <c>.npy</c> files of the description's <c>"expected"</c> key: integers exactly, floats within
/// a <see cref="Tolerance"/> or, when the expectation names them, within per-element absolute bounds (f64, one per element).
/// </summary>
public static class OutputCheck
{
    /// <summary>Checks every output that has an expectation; a missing or malformed expected file is a <see cref="RuntimeException"/>.</summary>
    public static OutputCheckResult Check(LaunchSpec spec, IReadOnlyList<OutputData> outputs, Tolerance tolerance)
    {
        var matches = new StringBuilder();
        var differences = new StringBuilder();
        foreach (var output in outputs)
        {
            if (!spec.Expected.TryGetValue(output.Spec.Name, out var file))
            {
                continue;
            }
            var (name, type, count) = (output.Spec.Name, output.Type, output.Count);
            var reference = ReadNpy(spec, file.Field, file.NpyPath);
            if (NpyFile.TypeCode(reference.Descr) != type.NpyCode || reference.Count != count || reference.Data.LongLength < count * type.Size)
            {
                throw new RuntimeException(RuntimeError.NpyMismatch,
                    $"{spec.SpecPath}: {file.Field}: '{file.NpyPath}' holds {reference.Count} x '{reference.Descr}', the output '{name}' is {count} x {type.Name}");
            }
            double[]? bounds = null;
            if (file.BoundPath is { } boundPath)
            {
                var boundArray = ReadNpy(spec, file.Field + ".bound", boundPath);
                if (!type.IsFloat || NpyFile.TypeCode(boundArray.Descr) != "f8" || boundArray.Count != count || boundArray.Data.LongLength < count * 8)
                {
                    throw new RuntimeException(RuntimeError.NpyMismatch,
                        $"{spec.SpecPath}: {file.Field}.bound: '{boundPath}' holds {boundArray.Count} x '{boundArray.Descr}'; bounds are f8, one per element of the float output '{name}' ({count} x {type.Name})");
                }
                bounds = new double[count];
                Buffer.BlockCopy(boundArray.Data, 0, bounds, 0, (int)(count * 8));
            }
            var (bad, worst, report) = Compare(name, type, count, reference.Data, output.Bytes, tolerance, bounds);
            string rule = !type.IsFloat ? "exact" : bounds is null ? $"tolerance {tolerance}" : $"tolerance {tolerance} or per-element bounds {Path.GetFileName(file.BoundPath)}";
            if (bad == 0)
            {
                matches.Append(CultureInfo.InvariantCulture, $"{name}: {count} x {type.Name} match{(type.IsFloat ? $" ({rule}, max {worst} ulp)" : "")}\n");
            }
            else
            {
                differences.Append(CultureInfo.InvariantCulture, $"bcrun: output '{name}': {bad} of {count} elements differ from {Path.GetFileName(file.NpyPath)} ({rule}):\n").Append(report);
            }
        }
        return new OutputCheckResult(matches.ToString(), differences.ToString());
    }

    private static NpyArray ReadNpy(LaunchSpec spec, string field, string path)
    {
        try
        {
            return NpyFile.Read(BcrunRunner.ReadFile(path, "expected output"));
        }
        catch (FormatException e)
        {
            throw new RuntimeException(RuntimeError.NpyMismatch, $"{spec.SpecPath}: {field}: '{path}': {e.Message}");
        }
    }

    private static (long Bad, long WorstUlps, string Report) Compare(string name, ElementType type, long count, byte[] expected, byte[] actual, Tolerance tolerance, double[]? bounds)
    {
        var report = new StringBuilder();
        long bad = 0, worst = 0;
        int size = type.Size;
        for (long i = 0; i < count; i++)
        {
            var e = expected.AsSpan((int)(i * size), size);
            var a = actual.AsSpan((int)(i * size), size);
            if (e.SequenceEqual(a))
            {
                continue;
            }
            bool ok = false;
            long ulps = 0;
            string et, at;
            if (type.IsFloat)
            {
                (double ev, double av, ulps) = size switch
                {
                    2 => ((double)BinaryPrimitives.ReadHalfLittleEndian(e), (double)BinaryPrimitives.ReadHalfLittleEndian(a),
                        Tolerance.UlpDistance(BinaryPrimitives.ReadHalfLittleEndian(e), BinaryPrimitives.ReadHalfLittleEndian(a))),
                    4 => (BinaryPrimitives.ReadSingleLittleEndian(e), BinaryPrimitives.ReadSingleLittleEndian(a),
                        Tolerance.UlpDistance(BinaryPrimitives.ReadSingleLittleEndian(e), BinaryPrimitives.ReadSingleLittleEndian(a))),
                    _ => (BinaryPrimitives.ReadDoubleLittleEndian(e), BinaryPrimitives.ReadDoubleLittleEndian(a),
                        Tolerance.UlpDistance(BinaryPrimitives.ReadDoubleLittleEndian(e), BinaryPrimitives.ReadDoubleLittleEndian(a))),
                };
                ok = tolerance.Admits(ev, av, ulps) || (bounds is not null && Math.Abs(av - ev) <= bounds[i]);
                et = ev.ToString("R", CultureInfo.InvariantCulture) + (bounds is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (bound {bounds[i]:G3})"));
                at = av.ToString("R", CultureInfo.InvariantCulture) + $" ({ulps} ulp)";
            }
            else
            {
                et = IntegerText(e, type.IsSigned);
                at = IntegerText(a, type.IsSigned);
            }
            if (ok)
            {
                worst = Math.Max(worst, ulps);
                continue;
            }
            if (++bad <= 12)
            {
                report.Append(CultureInfo.InvariantCulture, $"  {name}[{i}]: expected {et}, got {at}\n");
            }
        }
        if (bad > 12)
        {
            report.Append(CultureInfo.InvariantCulture, $"  ... and {bad - 12} more\n");
        }
        return (bad, worst, report.ToString());
    }

    private static string IntegerText(ReadOnlySpan<byte> bytes, bool signed)
    {
        ulong v = 0;
        for (int k = 0; k < bytes.Length; k++)
        {
            v |= (ulong)bytes[k] << (8 * k);
        }
        if (signed && bytes.Length < 8 && (v >> ((bytes.Length * 8) - 1) & 1) != 0)
        {
            v |= ulong.MaxValue << (bytes.Length * 8);
        }
        return signed ? ((long)v).ToString(CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
    }
}
