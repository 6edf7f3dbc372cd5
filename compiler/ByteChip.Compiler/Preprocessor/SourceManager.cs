using System.Reflection;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>
/// Finds and caches source files: the user's files on disk, the <c>-I</c> directories, the headers shipped
/// with the compiler (embedded resources under <c>Headers/</c>), and empty stubs for host-only system headers.
/// </summary>
public sealed class SourceManager
{
    /// <summary>The prefix of the names of shipped headers in diagnostics.</summary>
    public const string BuiltinPrefix = "<built-in>/";

    /// <summary>
    /// System headers that only host code needs. They resolve to a stub when no <c>-I</c> directory has them,
    /// so an unmodified benchmark file still compiles its kernels.
    /// </summary>
    private static readonly HashSet<string> s_hostStubHeaders =
    [
        "stdlib.h", "cstdlib", "string.h", "cstring", "unistd.h", "sys/time.h", "sys/types.h", "sys/stat.h",
        "time.h", "ctime", "iostream", "iomanip", "fstream", "sstream", "ostream", "istream", "vector", "string",
        "algorithm", "numeric", "memory", "chrono", "random", "functional", "utility", "map", "set",
        "unordered_map", "cstdio", "cstddef", "stddef.h", "cassert", "cfloat", "climits", "cstdint",
        "cuda_profiler_api.h", "helper_cuda.h", "helper_functions.h", "helper_timer.h", "thread", "mutex",
        "omp.h", "getopt.h", "errno.h", "signal.h", "fcntl.h", "stdbool.h", "ctype.h", "cctype", "exception",
        "stdexcept", "tuple", "array", "limits", "type_traits", "iterator", "list", "queue", "deque", "assert.h", "memory.h",
        "malloc.h", "pthread.h", "sys/mman.h", "cuda_fp16.hpp", "curand.h", "cublas_v2.h",
    ];

    private static readonly Dictionary<string, string> s_resourceNames = LoadResourceNames();

    private readonly Dictionary<string, SourceFile> _files = new(StringComparer.Ordinal);

    public SourceManager(IEnumerable<string>? includeDirectories = null)
    {
        IncludeDirectories = includeDirectories?.ToList() ?? [];
    }

    public IReadOnlyList<string> IncludeDirectories { get; }

    /// <summary>All files opened so far, by their diagnostic name (for <c>-MD</c> and the caret display).</summary>
    public IEnumerable<SourceFile> Files => _files.Values;

    /// <summary>Registers an in-memory file (tests, stdin) under <paramref name="path"/>.</summary>
    public SourceFile AddFile(string path, string text)
    {
        var file = new SourceFile(path, text);
        _files[path] = file;
        return file;
    }

    /// <summary>Loads a file from disk, or returns null when it does not exist or cannot be read.</summary>
    public SourceFile? Open(string path)
    {
        if (_files.TryGetValue(path, out var cached))
        {
            return cached;
        }
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            return AddFile(path, File.ReadAllText(path));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The source line for a caret display, when the file is known.</summary>
    public string? GetLine(string path, int line) => _files.TryGetValue(path, out var f) ? f.GetLine(line) : null;

    /// <summary>A shipped header by name (<c>cuda_runtime.h</c>), or null.</summary>
    public SourceFile? OpenBuiltin(string name)
    {
        string path = BuiltinPrefix + name;
        if (_files.TryGetValue(path, out var cached))
        {
            return cached;
        }
        if (!s_resourceNames.TryGetValue(name, out var resource))
        {
            return null;
        }
        using var stream = typeof(SourceManager).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var file = new SourceFile(path, reader.ReadToEnd(), isBuiltin: true);
        _files[path] = file;
        return file;
    }

    /// <summary>
    /// Resolves an include: quoted names first relative to the including file, then the <c>-I</c> directories,
    /// then shipped headers, then host stubs. <paramref name="stubbed"/> tells the caller that an unknown
    /// angle-bracket header became an empty stub.
    /// </summary>
    public SourceFile? ResolveInclude(string name, bool angled, string includingFile, out bool stubbed)
    {
        stubbed = false;
        if (!angled && !includingFile.StartsWith(BuiltinPrefix, StringComparison.Ordinal))
        {
            string dir = System.IO.Path.GetDirectoryName(includingFile) ?? "";
            if (Open(System.IO.Path.Combine(dir, name)) is { } local)
            {
                return local;
            }
        }
        foreach (var dir in IncludeDirectories)
        {
            if (Open(System.IO.Path.Combine(dir, name)) is { } found)
            {
                return found;
            }
        }
        if (OpenBuiltin(name) is { } builtin)
        {
            return builtin;
        }
        if (s_hostStubHeaders.Contains(name) || angled)
        {
            stubbed = !s_hostStubHeaders.Contains(name);
            string path = BuiltinPrefix + "stub/" + name;
            if (!_files.TryGetValue(path, out var stub))
            {
                stub = new SourceFile(path, StubText(name), isBuiltin: true);
                _files[path] = stub;
            }
            return stub;
        }
        return null;
    }

    /// <summary>Host-only headers become empty, except for the few macros device code uses from them.</summary>
    private static string StubText(string name) => name switch
    {
        "assert.h" or "cassert" => "#pragma once\n#define assert(e) ((void)0)\n",
        "stdlib.h" or "cstdlib" => "#pragma once\n#define EXIT_SUCCESS 0\n#define EXIT_FAILURE 1\n#define RAND_MAX 2147483647\n#ifndef NULL\n#define NULL 0\n#endif\n",
        "stddef.h" or "cstddef" or "string.h" or "cstring" => "#pragma once\n#ifndef NULL\n#define NULL 0\n#endif\n",
        "stdbool.h" => "#pragma once\n",
        _ => "#pragma once\n/* host-only header: nothing here is needed to compile device code */\n",
    };

    private static Dictionary<string, string> LoadResourceNames()
    {
        // Resources are named ByteChip.Compiler.Headers.<file name>; the project file sets LogicalName so the
        // part after the prefix is exactly the include name.
        const string prefix = "ByteChip.Compiler.Headers.";
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in Assembly.GetExecutingAssembly().GetManifestResourceNames())
        {
            if (n.StartsWith(prefix, StringComparison.Ordinal))
            {
                map[n[prefix.Length..]] = n;
            }
        }
        return map;
    }
}
