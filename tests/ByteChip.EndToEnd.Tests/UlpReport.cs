using Xunit.Abstractions;

namespace ByteChip.EndToEnd.Tests;

/// <summary>The largest ulp distance over a batch of results, written to the test output and checked against a bound.</summary>
internal static class UlpReport
{
    public static void Check(ITestOutputHelper output, string name, double maxUlp, int count, Func<int, double> distance, Func<int, string> values, Func<int, string> input, List<string> failures)
    {
        double worst = 0;
        int worstAt = 0;
        for (int i = 0; i < count; i++)
        {
            double d = distance(i);
            if (d > worst)
            {
                worst = d;
                worstAt = i;
            }
        }
        output.WriteLine($"{name}: {count} inputs, max {worst} ulp at ({input(worstAt)})");
        if (worst > maxUlp)
        {
            output.WriteLine($"  {values(worstAt)}");
            failures.Add($"{name}: {worst} ulp at ({input(worstAt)}): {values(worstAt)} (bound {maxUlp})");
        }
    }
}
