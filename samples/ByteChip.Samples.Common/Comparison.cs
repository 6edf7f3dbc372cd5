using System.Globalization;
using System.Numerics;

namespace ByteChip.Samples.Common;

/// <summary>The outcome of comparing one device result against its C# reference.</summary>
public sealed record CheckResult(string Name, int Count, int Mismatches, string Rule, string? FirstMismatch, double MaxError)
{
    /// <summary>Mismatches allowed (a rule such as "at most 0.5% of the pixels" sets it; 0 otherwise).</summary>
    public int AllowedMismatches { get; init; }

    public bool Passed => Count > 0 && Mismatches <= AllowedMismatches;

    public override string ToString()
    {
        string verdict = Passed ? "ok" : "MISMATCH";
        string max = MaxError > 0 ? string.Create(CultureInfo.InvariantCulture, $", max error {MaxError:G3}") : "";
        string allowed = AllowedMismatches > 0 ? $" (at most {AllowedMismatches} allowed)" : "";
        string first = FirstMismatch is null ? "" : $"; first: {FirstMismatch}";
        return $"{Name}: {verdict}, {Count - Mismatches}/{Count} match ({Rule}){allowed}{max}{first}";
    }
}

/// <summary>Comparisons of device results against C# references.</summary>
public static class Compare
{
    /// <summary>Every element equal (integers, or floats whose computation is exact).</summary>
    public static CheckResult Exact<T>(string name, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual) where T : IEquatable<T>
    {
        int count = Math.Max(expected.Length, actual.Length), mismatches = 0;
        string? first = null;
        for (int i = 0; i < count; i++)
        {
            if (i >= expected.Length || i >= actual.Length || !expected[i].Equals(actual[i]))
            {
                mismatches++;
                first ??= i >= expected.Length || i >= actual.Length
                    ? $"lengths differ: expected {expected.Length}, got {actual.Length}"
                    : $"[{i}] expected {Format(expected[i])}, got {Format(actual[i])}";
            }
        }
        return new CheckResult(name, count, mismatches, "exact", first, 0);
    }

    /// <summary>
    /// Every element within its tolerance: <c>|actual[i] - expected[i]| &lt;= tolerance(i)</c>; NaN never matches.
    /// </summary>
    public static CheckResult Within(string name, ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, Func<int, double> tolerance, string rule)
    {
        int count = Math.Max(expected.Length, actual.Length), mismatches = 0;
        string? first = null;
        double maxError = 0;
        for (int i = 0; i < count; i++)
        {
            if (i >= expected.Length || i >= actual.Length)
            {
                mismatches++;
                first ??= $"lengths differ: expected {expected.Length}, got {actual.Length}";
                continue;
            }
            double error = Math.Abs(actual[i] - expected[i]);
            double bound = tolerance(i);
            if (!(error <= bound))
            {
                mismatches++;
                first ??= string.Create(CultureInfo.InvariantCulture, $"[{i}] expected {expected[i]:R}, got {actual[i]:R} (error {error:G3} > {bound:G3})");
            }
            if (error > maxError || double.IsNaN(error))
            {
                maxError = error;
            }
        }
        return new CheckResult(name, count, mismatches, rule, first, maxError);
    }

    /// <summary>Every element within <c>absolute + relative * |expected|</c>.</summary>
    public static CheckResult Within(string name, ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double absolute, double relative)
    {
        var copy = expected.ToArray();
        return Within(name, expected, actual, i => absolute + relative * Math.Abs(copy[i]),
            string.Create(CultureInfo.InvariantCulture, $"|error| <= {absolute:G3} + {relative:G3}*|expected|"));
    }

    /// <summary>A single value within <c>tolerance</c>.</summary>
    public static CheckResult Within(string name, double expected, float actual, double tolerance, string rule) =>
        Within(name, [expected], [actual], _ => tolerance, rule);

    private static string Format<T>(T value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "null";
}

/// <summary>Bounds of floating-point rounding error, for tolerances that follow from the computation.</summary>
public static class ErrorBounds
{
    /// <summary>The float32 unit roundoff, 2^-24.</summary>
    public const double Float32UnitRoundoff = 1.0 / (1 << 24);

    /// <summary>
    /// The classic bound on a float32 sum (or dot product) of <paramref name="terms"/> terms in any order:
    /// <c>gamma_n * sum|term|</c> with <c>gamma_n = n*u / (1 - n*u)</c>.
    /// </summary>
    public static double Sum(int terms, double sumOfAbsoluteTerms)
    {
        double nu = terms * Float32UnitRoundoff;
        return nu / (1 - nu) * sumOfAbsoluteTerms;
    }
}

/// <summary>Reproducible inputs (a fixed seed per sample, so every run checks the same data).</summary>
public static class Inputs
{
    public static float[] Uniform(int count, float min, float max, int seed)
    {
        var rng = new Random(seed);
        var data = new float[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = min + (float)rng.NextDouble() * (max - min);
        }
        return data;
    }

    public static T[] Integers<T>(int count, int minInclusive, int maxExclusive, int seed) where T : INumber<T>
    {
        var rng = new Random(seed);
        var data = new T[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = T.CreateTruncating(rng.Next(minInclusive, maxExclusive));
        }
        return data;
    }
}
