using System.Reflection;
using System.Runtime.InteropServices;

namespace ByteChip.Compiler.Llvm;

/// <summary>LLVM 19 could not be loaded; the message names the install step.</summary>
public sealed class LlvmUnavailableException(string message) : Exception(message);

/// <summary>
/// Finds and loads LLVM 19's shared library. Order: <c>BYTECHIP_LLVM_PATH</c> (a file or a folder),
/// then the platform's usual names and folders. Every entry point of <see cref="LlvmNative"/> resolves
/// through here, so a missing LLVM is one clear <see cref="LlvmUnavailableException"/>, never a
/// <see cref="DllNotFoundException"/>.
/// </summary>
public static class LlvmLibrary
{
    public const string PathVariable = "BYTECHIP_LLVM_PATH";
    public const int RequiredMajor = 19;

    private static readonly Lock s_lock = new();
    private static nint s_handle;
    private static string? s_error;
    private static string? s_loadedFrom;

    /// <summary>The file LLVM was loaded from, once loaded.</summary>
    public static string? LoadedFrom => s_loadedFrom;

    private static readonly string[] s_linuxCandidates =
    [
        "libLLVM.so.19.1", "libLLVM-19.so", "libLLVM.so.19",
        "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1", "/usr/lib/aarch64-linux-gnu/libLLVM.so.19.1",
        "/usr/lib/llvm-19/lib/libLLVM.so.19.1", "/usr/lib/llvm-19/lib/libLLVM.so", "/usr/lib64/libLLVM.so.19.1",
    ];

    private static readonly string[] s_macCandidates =
    [
        "libLLVM.dylib", "/opt/homebrew/opt/llvm@19/lib/libLLVM.dylib", "/usr/local/opt/llvm@19/lib/libLLVM.dylib",
    ];

    private static readonly string[] s_windowsCandidates = ["LLVM-C.dll", @"C:\Program Files\LLVM\bin\LLVM-C.dll"];

    static LlvmLibrary()
    {
        NativeLibrary.SetDllImportResolver(typeof(LlvmLibrary).Assembly, Resolve);
    }

    /// <summary>The command that installs LLVM 19 on this platform.</summary>
    public static string InstallHint =>
        OperatingSystem.IsWindows() ? "install LLVM 19 (the official Windows installer provides LLVM-C.dll) or set BYTECHIP_LLVM_PATH to LLVM-C.dll"
        : OperatingSystem.IsMacOS() ? "brew install llvm@19 (or set BYTECHIP_LLVM_PATH to libLLVM.dylib)"
        : "apt-get install -y libllvm19 (Debian/Ubuntu), or set BYTECHIP_LLVM_PATH to libLLVM.so.19.1";

    /// <summary>Loads LLVM if it is not loaded yet; throws <see cref="LlvmUnavailableException"/> with the install step when it cannot.</summary>
    public static void EnsureLoaded()
    {
        lock (s_lock)
        {
            if (s_handle != 0)
            {
                return;
            }
            if (s_error is null)
            {
                s_handle = Load(out s_error);
            }
            if (s_handle == 0)
            {
                throw new LlvmUnavailableException(s_error!);
            }
        }
    }

    /// <summary>True when LLVM 19 can be loaded (loads it).</summary>
    public static bool TryEnsureLoaded(out string? error)
    {
        try
        {
            EnsureLoaded();
            error = null;
            return true;
        }
        catch (LlvmUnavailableException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != LlvmNative.Library)
        {
            return 0;
        }
        EnsureLoaded();
        return s_handle;
    }

    private static nint Load(out string? error)
    {
        var tried = new List<string>();
        var overridePath = Environment.GetEnvironmentVariable(PathVariable);
        IEnumerable<string> candidates = OperatingSystem.IsWindows() ? s_windowsCandidates : OperatingSystem.IsMacOS() ? s_macCandidates : s_linuxCandidates;
        if (!string.IsNullOrEmpty(overridePath))
        {
            candidates = Directory.Exists(overridePath)
                ? candidates.Select(c => Path.Combine(overridePath, Path.GetFileName(c))).Distinct()
                : [overridePath];
        }
        foreach (var candidate in candidates)
        {
            tried.Add(candidate);
            if (!NativeLibrary.TryLoad(candidate, out var handle))
            {
                continue;
            }
            if (!NativeLibrary.TryGetExport(handle, "LLVMGetVersion", out var getVersion))
            {
                NativeLibrary.Free(handle);
                continue;
            }
            uint major, minor, patch;
            unsafe
            {
                ((delegate* unmanaged<uint*, uint*, uint*, void>)getVersion)(&major, &minor, &patch);
            }
            if (major != RequiredMajor)
            {
                error = $"LLVM {RequiredMajor} is required, but {candidate} is LLVM {major}.{minor}.{patch}; {InstallHint}";
                NativeLibrary.Free(handle);
                return 0;
            }
            s_loadedFrom = candidate;
            error = null;
            return handle;
        }
        error = $"LLVM {RequiredMajor} was not found (tried {string.Join(", ", tried)}); {InstallHint}";
        return 0;
    }
}
