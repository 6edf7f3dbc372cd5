using System.Text.Json;
using ByteChip.Runtime;

namespace ByteChip.Tools.Bcrun;

/// <summary>How a buffer starts: from an .npy file, or a fill (zeros, iota, seeded random in [min, max]).</summary>
public sealed record BufferInit(string? NpyPath, string Fill, int Seed, double Min, double Max);

/// <summary>A named buffer of the launch description.</summary>
public sealed record BufferSpec(string Name, ElementType Type, long Count, BufferInit Init);

/// <summary>
/// A <c>__constant__</c> (<c>"constants"</c>) or <c>__device__</c> (<c>"globals"</c>) variable of the module: written
/// from an .npy file before the launches (as <c>cudaMemcpyToSymbol</c> does) and/or read back as an output.
/// <paramref name="Type"/> is the declared element type (null: the .npy file's).
/// </summary>
public sealed record SymbolSpec(string Field, string Name, bool IsConstant, ElementType? Type, string? NpyPath)
{
    /// <summary>The key the symbol is listed under.</summary>
    public string Section => IsConstant ? "constants" : "globals";
}

/// <summary>One kernel argument: a buffer by name, a scalar literal of a type (raw little-endian bytes), or <c>null</c> (a null pointer).</summary>
public sealed record ArgumentSpec(string Field, string? Buffer, ElementType? Type, byte[]? Value)
{
    /// <summary>Whether the argument is the null pointer (<c>null</c> in the description).</summary>
    public bool IsNull => Buffer is null && Value is null;
}

/// <summary>One launch: kernel name, shapes, dynamic shared bytes and arguments.</summary>
public sealed record LaunchSpecEntry(string Field, string Kernel, Dim3 Grid, Dim3 Block, uint SharedBytes, IReadOnlyList<ArgumentSpec> Args);

/// <summary>An output: a buffer, or a symbol of <see cref="LaunchSpec.Symbols"/> (<paramref name="Symbol"/> set).</summary>
public sealed record OutputSpec(string Field, string Name, SymbolSpec? Symbol);

/// <summary>
/// What an output should hold: an .npy file and, for floats, optionally an .npy of per-element absolute error bounds (f64).
/// </summary>
public sealed record ExpectedOutput(string Field, string NpyPath, string? BoundPath);

/// <summary>
/// A parsed launch description, the one reader of the format for <c>bcrun</c> and the golden runner. Every error
/// names the file and the JSON field (<c>spec.json: buffers.x.type: ...</c>) and carries
/// <see cref="RuntimeError.InvalidSpec"/>; a key the format does not have is an error, never ignored.
/// </summary>
public sealed record LaunchSpec(
    string SpecPath,
    string ModulePath,
    IReadOnlyList<BufferSpec> Buffers,
    IReadOnlyList<SymbolSpec> Symbols,
    IReadOnlyList<LaunchSpecEntry> Launches,
    IReadOnlyList<OutputSpec> Outputs,
    IReadOnlyDictionary<string, ExpectedOutput> Expected)
{
    private static readonly string[] s_rootKeys = ["module", "buffers", "constants", "globals", "launches", "outputs", "expected"];

    /// <summary>Reads and checks a launch description file; relative paths are resolved against its directory.</summary>
    public static LaunchSpec Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeException(RuntimeError.FileError, $"cannot read launch description '{path}': {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses launch description text; <paramref name="path"/> names it in errors and anchors relative paths.</summary>
    public static LaunchSpec Parse(string text, string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new RuntimeException(RuntimeError.InvalidSpec, $"{path}: not valid JSON: {e.Message}");
        }
        using (doc)
        {
            var parser = new SpecParser(path);
            return parser.Parse(doc.RootElement);
        }
    }

    private sealed class SpecParser(string path)
    {
        private readonly string _dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";

        private RuntimeException Error(string field, string message) => new(RuntimeError.InvalidSpec, $"{path}: {field}: {message}");

        public LaunchSpec Parse(JsonElement root)
        {
            RequireKind(root, JsonValueKind.Object, "(root)", "an object");
            OnlyKeys(root, "(root)", s_rootKeys);
            string module = String(Require(root, "module", "(root)"), "module");
            var buffers = new List<BufferSpec>();
            if (root.TryGetProperty("buffers", out var b))
            {
                RequireKind(b, JsonValueKind.Object, "buffers", "an object of named buffers");
                foreach (var prop in b.EnumerateObject())
                {
                    buffers.Add(ParseBuffer(prop.Name, prop.Value));
                }
            }
            var names = buffers.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            var symbols = new List<SymbolSpec>();
            foreach (var (key, constant) in new[] { ("constants", true), ("globals", false) })
            {
                if (!root.TryGetProperty(key, out var c))
                {
                    continue;
                }
                RequireKind(c, JsonValueKind.Object, key, "an object: { \"SYMBOL\": \"FILE.npy\" }");
                foreach (var prop in c.EnumerateObject())
                {
                    var symbol = ParseSymbol($"{key}.{prop.Name}", prop.Name, constant, prop.Value);
                    if (names.Contains(symbol.Name) || symbols.Any(s => s.Name == symbol.Name))
                    {
                        throw Error(symbol.Field, $"'{symbol.Name}' is listed twice (buffers, constants and globals share one namespace)");
                    }
                    symbols.Add(symbol);
                }
            }
            var launchesElement = Require(root, "launches", "(root)");
            RequireKind(launchesElement, JsonValueKind.Array, "launches", "an array");
            var launches = new List<LaunchSpecEntry>();
            int i = 0;
            foreach (var l in launchesElement.EnumerateArray())
            {
                launches.Add(ParseLaunch($"launches[{i++}]", l, names));
            }
            var outputs = new List<OutputSpec>();
            if (root.TryGetProperty("outputs", out var o))
            {
                RequireKind(o, JsonValueKind.Array, "outputs", "an array of buffer or symbol names");
                int k = 0;
                foreach (var item in o.EnumerateArray())
                {
                    string field = $"outputs[{k++}]";
                    string name = String(item, field);
                    var symbol = symbols.FirstOrDefault(s => s.Name == name);
                    if (!names.Contains(name) && symbol is null)
                    {
                        throw Error(field, $"no buffer named '{name}' (a __constant__ or __device__ variable is read back when it is listed under 'constants' or 'globals')");
                    }
                    if (outputs.Any(x => x.Name == name))
                    {
                        throw Error(field, $"'{name}' is listed twice");
                    }
                    if (symbol is { Type: null, NpyPath: null })
                    {
                        throw Error(field, $"{symbol.Field} needs a 'type' to be read back");
                    }
                    outputs.Add(new OutputSpec(field, name, symbol));
                }
            }
            var expected = new Dictionary<string, ExpectedOutput>(StringComparer.Ordinal);
            if (root.TryGetProperty("expected", out var ex))
            {
                RequireKind(ex, JsonValueKind.Object, "expected", "an object: { \"OUTPUT\": \"FILE.npy\" }");
                foreach (var prop in ex.EnumerateObject())
                {
                    string field = $"expected.{prop.Name}";
                    if (!outputs.Any(x => x.Name == prop.Name))
                    {
                        throw Error(field, $"'{prop.Name}' is not listed in 'outputs'");
                    }
                    expected[prop.Name] = ParseExpected(field, prop.Value);
                }
            }
            return new LaunchSpec(path, Path.Combine(_dir, module), buffers, symbols, launches, outputs, expected);
        }

        private SymbolSpec ParseSymbol(string field, string name, bool constant, JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.String)
            {
                return new SymbolSpec(field, name, constant, null, Path.Combine(_dir, e.GetString()!));
            }
            RequireKind(e, JsonValueKind.Object, field, "\"FILE.npy\" or an object { \"type\": TYPE, \"npy\": FILE }");
            OnlyKeys(e, field, "type", "npy");
            ElementType? type = null;
            if (e.TryGetProperty("type", out var t))
            {
                string typeName = String(t, field + ".type");
                type = ElementType.Find(typeName) ?? throw Error(field + ".type", $"unknown type '{typeName}' (expected one of {ElementType.Names})");
            }
            string? npy = e.TryGetProperty("npy", out var n) ? Path.Combine(_dir, String(n, field + ".npy")) : null;
            return type is null && npy is null
                ? throw Error(field, "expected 'npy' (the contents to write), 'type' (to read it back as an output), or both")
                : new SymbolSpec(field, name, constant, type, npy);
        }

        private ExpectedOutput ParseExpected(string field, JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.String)
            {
                return new ExpectedOutput(field, Path.Combine(_dir, e.GetString()!), null);
            }
            RequireKind(e, JsonValueKind.Object, field, "\"FILE.npy\" or { \"npy\": \"FILE.npy\", \"bound\": \"BOUNDS.npy\" }");
            OnlyKeys(e, field, "npy", "bound");
            string npy = String(Require(e, "npy", field), field + ".npy");
            string? bound = e.TryGetProperty("bound", out var b) ? Path.Combine(_dir, String(b, field + ".bound")) : null;
            return new ExpectedOutput(field, Path.Combine(_dir, npy), bound);
        }

        private BufferSpec ParseBuffer(string name, JsonElement e)
        {
            string field = $"buffers.{name}";
            RequireKind(e, JsonValueKind.Object, field, "an object with 'type', 'count' and 'init'");
            OnlyKeys(e, field, "type", "count", "init");
            string typeName = String(Require(e, "type", field), field + ".type");
            var type = ElementType.Find(typeName) ?? throw Error(field + ".type", $"unknown type '{typeName}' (expected one of {ElementType.Names})");
            var countElement = Require(e, "count", field);
            if (countElement.ValueKind != JsonValueKind.Number || !countElement.TryGetInt64(out long count) || count < 0)
            {
                throw Error(field + ".count", "expected a non-negative integer");
            }
            var init = new BufferInit(null, "zeros", 0, 0, type.IsFloat ? 1 : 100);
            if (e.TryGetProperty("init", out var ie))
            {
                init = ParseInit(ie, field + ".init", type);
            }
            return new BufferSpec(name, type, count, init);
        }

        private BufferInit ParseInit(JsonElement e, string field, ElementType type)
        {
            RequireKind(e, JsonValueKind.Object, field, "an object: { \"npy\": FILE } or { \"fill\": \"zeros\" | \"iota\" | \"random\" }");
            if (e.TryGetProperty("npy", out var npy))
            {
                OnlyKeys(e, field, "npy");
                return new BufferInit(Path.Combine(_dir, String(npy, field + ".npy")), "npy", 0, 0, 0);
            }
            if (!e.TryGetProperty("fill", out var fill))
            {
                throw Error(field, "expected 'npy' or 'fill'");
            }
            OnlyKeys(e, field, "fill", "seed", "min", "max");
            string kind = String(fill, field + ".fill");
            if (kind is not ("zeros" or "iota" or "random"))
            {
                throw Error(field + ".fill", $"unknown fill '{kind}' (expected zeros, iota or random)");
            }
            int seed = e.TryGetProperty("seed", out var s) ? (int)Number(s, field + ".seed") : 0;
            double min = e.TryGetProperty("min", out var mn) ? Number(mn, field + ".min") : 0;
            double max = e.TryGetProperty("max", out var mx) ? Number(mx, field + ".max") : type.IsFloat ? 1 : 100;
            if (min > max)
            {
                throw Error(field, $"min {min} is larger than max {max}");
            }
            return new BufferInit(null, kind, seed, min, max);
        }

        private LaunchSpecEntry ParseLaunch(string field, JsonElement e, HashSet<string> buffers)
        {
            RequireKind(e, JsonValueKind.Object, field, "an object");
            OnlyKeys(e, field, "kernel", "grid", "block", "sharedBytes", "args");
            string kernel = String(Require(e, "kernel", field), field + ".kernel");
            var grid = Shape(Require(e, "grid", field), field + ".grid");
            var block = Shape(Require(e, "block", field), field + ".block");
            uint shared = 0;
            if (e.TryGetProperty("sharedBytes", out var sb))
            {
                if (sb.ValueKind != JsonValueKind.Number || !sb.TryGetUInt32(out shared))
                {
                    throw Error(field + ".sharedBytes", "expected a non-negative integer");
                }
            }
            var args = new List<ArgumentSpec>();
            if (e.TryGetProperty("args", out var a))
            {
                RequireKind(a, JsonValueKind.Array, field + ".args", "an array");
                int i = 0;
                foreach (var arg in a.EnumerateArray())
                {
                    args.Add(ParseArgument($"{field}.args[{i++}]", arg, buffers));
                }
            }
            return new LaunchSpecEntry(field, kernel, grid, block, shared, args);
        }

        private ArgumentSpec ParseArgument(string field, JsonElement e, HashSet<string> buffers)
        {
            if (e.ValueKind == JsonValueKind.Null)
            {
                return new ArgumentSpec(field, null, null, null);
            }
            RequireKind(e, JsonValueKind.Object, field, "an object: { \"buffer\": NAME } or { TYPE: VALUE }, or null (a null pointer)");
            var props = e.EnumerateObject().ToList();
            if (props.Count != 1)
            {
                throw Error(field, "expected exactly one key: 'buffer' or a type name");
            }
            var (key, value) = (props[0].Name, props[0].Value);
            if (key == "buffer")
            {
                string name = String(value, field + ".buffer");
                return buffers.Contains(name) ? new ArgumentSpec(field, name, null, null) : throw Error(field + ".buffer", $"no buffer named '{name}'");
            }
            var type = ElementType.Find(key) ?? throw Error(field, $"unknown argument kind '{key}' (expected 'buffer' or one of {ElementType.Names})");
            var bytes = new byte[type.Size];
            bool ok = value.ValueKind switch
            {
                JsonValueKind.Number => type.TryWriteText(value.GetRawText(), bytes),
                JsonValueKind.String => type.TryWriteText(value.GetString()!, bytes),
                _ => false,
            };
            return ok ? new ArgumentSpec(field, null, type, bytes) : throw Error($"{field}.{key}", $"{value.GetRawText()} is not a valid {type.Name}");
        }

        private Dim3 Shape(JsonElement e, string field)
        {
            if (e.ValueKind == JsonValueKind.Number)
            {
                return new Dim3(PositiveDim(e, field));
            }
            RequireKind(e, JsonValueKind.Array, field, "1 to 3 positive integers");
            var dims = e.EnumerateArray().Select((x, i) => PositiveDim(x, $"{field}[{i}]")).ToArray();
            return dims.Length switch
            {
                1 => new Dim3(dims[0]),
                2 => new Dim3(dims[0], dims[1]),
                3 => new Dim3(dims[0], dims[1], dims[2]),
                _ => throw Error(field, $"expected 1 to 3 numbers, got {dims.Length}"),
            };
        }

        private uint PositiveDim(JsonElement e, string field) =>
            e.ValueKind == JsonValueKind.Number && e.TryGetUInt32(out uint v) && v > 0 ? v : throw Error(field, "expected a positive integer");

        private JsonElement Require(JsonElement obj, string name, string field) =>
            obj.TryGetProperty(name, out var v) ? v : throw Error(field == "(root)" ? name : $"{field}.{name}", "missing");

        private void OnlyKeys(JsonElement obj, string field, params string[] allowed)
        {
            foreach (var p in obj.EnumerateObject())
            {
                if (!allowed.Contains(p.Name, StringComparer.Ordinal))
                {
                    string where = field == "(root)" ? p.Name : $"{field}.{p.Name}";
                    throw Error(where, $"unknown key '{p.Name}' (expected {string.Join(", ", allowed.Select(a => $"'{a}'"))})");
                }
            }
        }

        private void RequireKind(JsonElement e, JsonValueKind kind, string field, string expected)
        {
            if (e.ValueKind != kind)
            {
                throw Error(field, $"expected {expected}, got {e.ValueKind.ToString().ToLowerInvariant()}");
            }
        }

        private string String(JsonElement e, string field) =>
            e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(field, $"expected a string, got {e.ValueKind.ToString().ToLowerInvariant()}");

        private double Number(JsonElement e, string field) =>
            e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw Error(field, "expected a number");
    }
}
