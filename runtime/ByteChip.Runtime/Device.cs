using System.Reflection;
using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;
using ByteChip.Runtime.DeviceModel;

namespace ByteChip.Runtime;

/// <summary>
/// A simulated ByteChip device of one target (<c>n4</c> or <c>n5</c>): its limits, its global memory, the
/// modules loaded on it, and its streams. Everything it hands out is <see cref="IDisposable"/>.
/// </summary>
public sealed class Device : IDisposable
{
    private readonly Lazy<DeviceStream> _defaultStream;
    private bool _disposed;

    /// <summary>Creates a device of the given target.</summary>
    public Device(TargetInfo target)
    {
        Target = target;
        Memory = new GlobalMemory(target.MemoryMiB * 1024L * 1024L);
        _defaultStream = new(() => new DeviceStream(this, "default"));
    }

    /// <summary>Creates a device by target name (<c>n4</c>, <c>n5</c>).</summary>
    public static Device Create(string target = "n4") =>
        new(TargetInfo.Find(target) ?? throw new ArgumentException($"unknown target '{target}' (known: {string.Join(", ", TargetInfo.All.Select(t => t.Name))})", nameof(target)));

    /// <summary>The target with its limits (registers, shared memory, block and grid sizes, ...).</summary>
    public TargetInfo Target { get; }

    /// <summary>The target's short name.</summary>
    public string Name => Target.Name;

    /// <summary>Device global memory in bytes.</summary>
    public long TotalMemory => Memory.Capacity;

    /// <summary>Global memory not yet allocated, in bytes.</summary>
    public long FreeMemory => Memory.Capacity - Memory.Used;

    /// <summary>Host threads a launch runs its blocks on (default: all cores). Results do not depend on it.</summary>
    public int HostThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether launches estimate device cycles (<see cref="LaunchStatistics.Timing"/>) from the ISA spec's
    /// instruction latencies. Off by default: the estimate costs host time. Results do not depend on it.
    /// </summary>
    public bool EstimateTiming { get; set; }

    /// <summary>The watchdog: warp instructions one launch may issue before it faults.</summary>
    public long InstructionBudget { get; set; } = 20_000_000_000;

    /// <summary>The stream that synchronous calls use.</summary>
    public DeviceStream DefaultStream => _defaultStream.Value;

    internal GlobalMemory Memory { get; }

    /// <summary>Allocates a zero-filled buffer of <paramref name="count"/> elements.</summary>
    public DeviceBuffer<T> Allocate<T>(long count) where T : unmanaged
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long bytes = checked(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        return new DeviceBuffer<T>(this, Memory.Allocate(bytes, $"buffer of {count} {typeof(T).Name}"), count);
    }

    /// <summary>Allocates a buffer holding a copy of <paramref name="data"/>.</summary>
    public DeviceBuffer<T> Upload<T>(ReadOnlySpan<T> data) where T : unmanaged
    {
        var buffer = Allocate<T>(data.Length);
        buffer.Upload(data);
        return buffer;
    }

    /// <summary>Loads a module from <c>.bcbin</c> bytes.</summary>
    public Module LoadModule(ReadOnlySpan<byte> bytes)
    {
        ThrowIfDisposed();
        if (!BcModuleReader.TryRead(bytes, out var module, out var error))
        {
            throw new RuntimeException(RuntimeError.InvalidModule, error.Message, error);
        }
        return LoadModule(module);
    }

    /// <summary>Loads a module that is already in memory.</summary>
    public Module LoadModule(BcModule module)
    {
        ThrowIfDisposed();
        return new Module(this, module);
    }

    /// <summary>Loads a module from a <c>.bcbin</c> file.</summary>
    public Module LoadModuleFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeException(RuntimeError.FileError, $"cannot read module '{path}': {e.Message}", e);
        }
        return LoadModule(bytes);
    }

    /// <summary>Loads a module embedded as a manifest resource of <paramref name="assembly"/>.</summary>
    public Module LoadModuleResource(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new RuntimeException(RuntimeError.FileError, $"assembly '{assembly.GetName().Name}' has no resource '{resourceName}'");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return LoadModule(copy.ToArray());
    }

    /// <summary>Creates a stream: operations on it run in order, asynchronously to the host.</summary>
    public DeviceStream CreateStream(string? name = null)
    {
        ThrowIfDisposed();
        return new DeviceStream(this, name ?? "stream");
    }

    /// <summary>Creates an event for ordering and timing.</summary>
    public DeviceEvent CreateEvent() => new(this);

    /// <summary>Waits for the default stream.</summary>
    public void Synchronize()
    {
        if (_defaultStream.IsValueCreated)
        {
            DefaultStream.Synchronize();
        }
    }

    internal void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new RuntimeException(RuntimeError.UseAfterFree, $"device {Name} was disposed");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed && _defaultStream.IsValueCreated)
        {
            _defaultStream.Value.Dispose();
        }
        _disposed = true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Target.Title}";
}
