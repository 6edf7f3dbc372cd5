using System.Diagnostics;

namespace ByteChip.Runtime;

/// <summary>
/// A point in a stream: record it, wait for it from the host or another stream, and measure the host time
/// between two events.
/// </summary>
public sealed class DeviceEvent : IDisposable
{
    internal DeviceEvent(Device device)
    {
        Device = device;
    }

    /// <summary>The device the event belongs to.</summary>
    public Device Device { get; }

    /// <summary>The task that completes when the stream reaches the event; null before <see cref="Record"/>.</summary>
    internal Task<long>? Marker { get; private set; }

    /// <summary>Whether the stream has passed the event.</summary>
    public bool IsCompleted => Marker?.IsCompleted ?? false;

    /// <summary>Records the event at the current end of <paramref name="stream"/> (the default stream when null).</summary>
    public void Record(DeviceStream? stream = null)
    {
        stream ??= Device.DefaultStream;
        Marker = stream.Enqueue(Stopwatch.GetTimestamp);
    }

    /// <summary>Waits until the stream reached the event.</summary>
    public void Synchronize()
    {
        var marker = Marker ?? throw new RuntimeException(RuntimeError.EventNotRecorded, "the event was not recorded");
        try
        {
            marker.Wait();
        }
        catch (AggregateException e) when (e.InnerException is RuntimeException inner)
        {
            throw inner;
        }
    }

    /// <summary>Host milliseconds between two completed events.</summary>
    public static double ElapsedMilliseconds(DeviceEvent start, DeviceEvent end)
    {
        start.Synchronize();
        end.Synchronize();
        return (end.Marker!.Result - start.Marker!.Result) * 1000.0 / Stopwatch.Frequency;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
