using System.Runtime.ExceptionServices;

namespace ByteChip.Runtime;

/// <summary>
/// An ordered queue of device work (launches, copies, event records) that runs asynchronously to the host.
/// After an operation fails, the later ones are skipped and <see cref="Synchronize"/> throws the first error.
/// </summary>
public sealed class DeviceStream : IDisposable
{
    private readonly Lock _lock = new();
    private Task _tail = Task.CompletedTask;
    private Exception? _error;
    private bool _disposed;

    internal DeviceStream(Device device, string name)
    {
        Device = device;
        Name = name;
    }

    /// <summary>The device the stream belongs to.</summary>
    public Device Device { get; }

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>Whether every queued operation has finished.</summary>
    public bool IsIdle => _tail.IsCompleted;

    internal Task<T> Enqueue<T>(Func<T> work)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                throw new RuntimeException(RuntimeError.UseAfterFree, $"stream '{Name}' was used after it was disposed");
            }
            var task = _tail.ContinueWith(_ =>
            {
                if (_error is { } earlier)
                {
                    throw new RuntimeException(RuntimeError.Internal, $"skipped: an earlier operation on stream '{Name}' failed ({earlier.Message})");
                }
                try
                {
                    return work();
                }
                catch (Exception e)
                {
                    _error ??= e;
                    throw;
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            _tail = task;
            return task;
        }
    }

    /// <summary>Queues a copy of host data into a buffer; the data is copied now, so the caller may reuse it.</summary>
    public Task UploadAsync<T>(DeviceBuffer<T> buffer, ReadOnlySpan<T> data, long offset = 0) where T : unmanaged
    {
        buffer.ThrowIfFreed();
        var copy = data.ToArray();
        return Enqueue(() =>
        {
            buffer.Upload(copy, offset);
            return true;
        });
    }

    /// <summary>Queues a copy of a buffer into <paramref name="destination"/>.</summary>
    public Task DownloadAsync<T>(DeviceBuffer<T> buffer, T[] destination, long offset = 0) where T : unmanaged
    {
        buffer.ThrowIfFreed();
        return Enqueue(() =>
        {
            buffer.Download(destination, offset);
            return true;
        });
    }

    /// <summary>Makes later work on this stream wait until <paramref name="e"/> completes on its stream.</summary>
    public void WaitEvent(DeviceEvent e)
    {
        var marker = e.Marker ?? throw new RuntimeException(RuntimeError.EventNotRecorded, "the event was not recorded");
        Enqueue(() =>
        {
            marker.Wait();
            return true;
        });
    }

    /// <summary>Waits for every queued operation; throws the first error one of them raised.</summary>
    public void Synchronize()
    {
        Task tail;
        lock (_lock)
        {
            tail = _tail;
        }
        try
        {
            tail.Wait();
        }
        catch (AggregateException)
        {
        }
        if (_error is { } error)
        {
            _error = null;
            lock (_lock)
            {
                _tail = Task.CompletedTask;
            }
            ExceptionDispatchInfo.Capture(error).Throw();
        }
    }

    /// <summary>Waits for the queued work and closes the stream.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        try
        {
            _tail.Wait();
        }
        catch (AggregateException)
        {
        }
        _disposed = true;
    }
}
