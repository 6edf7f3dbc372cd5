using System.Globalization;

namespace ByteChip.Tools.Bcrun;

/// <summary>
/// How far a floating-point output may be from its expected value (<c>bcrun --tolerance</c>, a golden case's
/// <c>// TOLERANCE:</c> line): <c>ulp=4</c>, <c>rel=1e-6</c>, <c>abs=1e-5</c> or several of them (an element passes when any bound holds). Integers are always compared exactly;
/// NaN matches NaN (any payload), infinities and signed zeros must match exactly unless a bound admits them.
/// </summary>
public sealed record Tolerance(long Ulps, double Relative, double Absolute)
{
    /// <summary>No difference at all.</summary>
    public static readonly Tolerance Exact = new(0, 0, 0);

    /// <summary>Parses <c>ulp=N rel=X abs=X</c> (spaces or commas between); throws <see cref="FormatException"/> naming the bad part.</summary>
    public static Tolerance Parse(string text)
    {
        var t = Exact;
        foreach (var part in text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            string key = eq < 0 ? part : part[..eq];
            string value = eq < 0 ? "" : part[(eq + 1)..];
            bool ok = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0;
            t = key switch
            {
                "ulp" when ok && v == Math.Floor(v) => t with { Ulps = (long)v },
                "rel" when ok => t with { Relative = v },
                "abs" when ok => t with { Absolute = v },
                "exact" when eq < 0 => t,
                _ => throw new FormatException($"malformed tolerance '{part}' (use ulp=N, rel=X, abs=X or exact)"),
            };
        }
        return t;
    }

    /// <summary>Whether <paramref name="actual"/> is close enough to <paramref name="expected"/>; <paramref name="ulps"/> is their distance in units in the last place.</summary>
    public bool Admits(double expected, double actual, long ulps)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual);
        }
        if (ulps == 0 || ulps <= Ulps)
        {
            return true;
        }
        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            return false;
        }
        double diff = Math.Abs(expected - actual);
        return diff <= Absolute || diff <= Relative * Math.Abs(expected);
    }

    /// <summary>The distance of two f32 values in representable steps (0 for +0 and -0).</summary>
    public static long UlpDistance(float a, float b) => Math.Abs(Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b)));

    /// <summary>The distance of two f64 values in representable steps, saturated to long.MaxValue.</summary>
    public static long UlpDistance(double a, double b)
    {
        Int128 d = (Int128)Ordered(BitConverter.DoubleToInt64Bits(a)) - Ordered(BitConverter.DoubleToInt64Bits(b));
        d = d < 0 ? -d : d;
        return d > long.MaxValue ? long.MaxValue : (long)d;
    }

    /// <summary>The distance of two f16 values in representable steps.</summary>
    public static long UlpDistance(Half a, Half b) => Math.Abs(Ordered(BitConverter.HalfToInt16Bits(a)) - Ordered(BitConverter.HalfToInt16Bits(b)));

    // Maps the sign-magnitude bit pattern to a monotonic integer line (-0 and +0 both to 0).
    private static long Ordered(long bits) => bits < 0 ? -(bits & long.MaxValue) : bits;

    private static long Ordered(int bits) => bits < 0 ? -(long)(bits & int.MaxValue) : bits;

    private static long Ordered(short bits) => bits < 0 ? -(long)(bits & short.MaxValue) : bits;

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Ulps > 0)
        {
            parts.Add($"ulp={Ulps}");
        }
        if (Relative > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"rel={Relative}"));
        }
        if (Absolute > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"abs={Absolute}"));
        }
        return parts.Count == 0 ? "exact" : string.Join(" ", parts);
    }
}
