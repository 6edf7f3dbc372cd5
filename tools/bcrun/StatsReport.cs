using System.Globalization;
using System.Text;
using System.Text.Json;
using ByteChip.Runtime;

namespace ByteChip.Tools.Bcrun;

/// <summary>The <c>--stats</c> table and the <c>--stats-json</c> document: per kernel (in order of first launch) and the total.</summary>
public static class StatsReport
{
    /// <summary>Sums launches per kernel name, in order of first launch.</summary>
    public static IReadOnlyList<LaunchStatistics> PerKernel(IEnumerable<LaunchStatistics> launches)
    {
        var result = new List<LaunchStatistics>();
        foreach (var s in launches)
        {
            int i = result.FindIndex(r => r.Kernel == s.Kernel);
            if (i < 0)
            {
                result.Add(s);
            }
            else
            {
                result[i] = result[i].Add(s);
            }
        }
        return result;
    }

    /// <summary>The sum over every launch (kernel name "total").</summary>
    public static LaunchStatistics Total(IEnumerable<LaunchStatistics> launches) =>
        launches.Aggregate(new LaunchStatistics { Kernel = "total", Launches = 0 }, (a, s) => a.Add(s) with { Kernel = "total" });

    /// <summary>The JSON document of <c>--stats-json</c>.</summary>
    public static string Json(IReadOnlyList<LaunchStatistics> launches)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("kernels");
            foreach (var k in PerKernel(launches))
            {
                Write(w, k);
            }
            w.WriteEndArray();
            w.WritePropertyName("total");
            Write(w, Total(launches));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, LaunchStatistics s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Kernel);
        w.WriteNumber("launches", s.Launches);
        w.WriteNumber("warpInstructions", s.WarpInstructions);
        w.WriteNumber("threadInstructions", s.ThreadInstructions);
        w.WriteNumber("seconds", s.Elapsed.TotalSeconds);
        w.WriteNumber("threadInstructionsPerSecond", s.ThreadInstructionsPerSecond);
        w.WriteNumber("divergentBranches", s.DivergentBranches);
        w.WriteNumber("globalLoadBytes", s.GlobalLoadBytes);
        w.WriteNumber("globalStoreBytes", s.GlobalStoreBytes);
        w.WriteNumber("sharedLoadBytes", s.SharedLoadBytes);
        w.WriteNumber("sharedStoreBytes", s.SharedStoreBytes);
        w.WriteNumber("atomics", s.Atomics);
        if (s.Timing is { } t)
        {
            w.WriteStartObject("timing");
            w.WriteNumber("estimatedCycles", t.EstimatedCycles);
            w.WriteNumber("latencyBoundCycles", t.LatencyBoundCycles);
            w.WriteNumber("issueBoundCycles", t.IssueBoundCycles);
            w.WriteNumber("stallCycles", t.StallCycles);
            w.WriteNumber("barrierStallCycles", t.BarrierStallCycles);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The <c>--stats</c> table: one row per kernel and a total row; with <c>--timing</c>, the cycle estimate's columns after them.</summary>
    public static string Table(IReadOnlyList<LaunchStatistics> launches)
    {
        var rows = PerKernel(launches).Append(Total(launches)).ToList();
        bool timed = launches.Any(s => s.Timing is not null);
        string[] headers = ["kernel", "launches", "warp instr", "thread instr", "seconds", "thread instr/s", "divergent br", "gld bytes", "gst bytes", "sld bytes", "sst bytes", "atomics"];
        string[] timingHeaders = ["est cycles", "latency cycles", "issue cycles", "stall cycles", "barrier stall"];
        headers = timed ? [.. headers, .. timingHeaders] : headers;
        var cells = rows.Select(s => (string[])
        [
            s.Kernel,
            N(s.Launches),
            N(s.WarpInstructions),
            N(s.ThreadInstructions),
            s.Elapsed.TotalSeconds.ToString("F4", CultureInfo.InvariantCulture),
            s.ThreadInstructionsPerSecond.ToString("E3", CultureInfo.InvariantCulture),
            N(s.DivergentBranches),
            N(s.GlobalLoadBytes),
            N(s.GlobalStoreBytes),
            N(s.SharedLoadBytes),
            N(s.SharedStoreBytes),
            N(s.Atomics),
            .. timed ? TimingCells(s.Timing) : [],
        ]).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join("  ", headers.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        foreach (var c in cells)
        {
            sb.AppendLine(string.Join("  ", c.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))));
        }
        return sb.ToString();
    }

    private static string[] TimingCells(TimingEstimate? t) => t is null
        ? ["-", "-", "-", "-", "-"]
        : [N(t.EstimatedCycles), N(t.LatencyBoundCycles), N(t.IssueBoundCycles), N(t.StallCycles), N(t.BarrierStallCycles)];

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
}
