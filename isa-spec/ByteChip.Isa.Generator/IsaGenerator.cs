namespace ByteChip.Isa.Generator;

/// <summary>Reads the spec and produces every generated file (relative path under the isa-spec folder to content).</summary>
public static class IsaGenerator
{
    public const string SpecFileName = "bytechip.isa";
    public const string CodeFolder = "ByteChip.Isa/Generated";
    public const string ManualPath = "docs/isa-reference.md";

    public static IReadOnlyDictionary<string, string> Generate(string specPath)
    {
        var spec = SpecParser.Parse(Path.GetFileName(specPath), File.ReadAllText(specPath));
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in CSharpEmitter.Emit(spec))
        {
            files[CodeFolder + "/" + name] = text;
        }
        files[ManualPath] = ManualEmitter.Emit(spec);
        return files;
    }

    /// <summary>Finds the isa-spec folder by walking up from a start directory.</summary>
    public static string? FindSpecFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SpecFileName)))
            {
                return dir.FullName;
            }
            var nested = Path.Combine(dir.FullName, "isa-spec");
            if (File.Exists(Path.Combine(nested, SpecFileName)))
            {
                return nested;
            }
        }
        return null;
    }
}
