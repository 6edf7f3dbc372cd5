namespace ByteChip.Compiler.Tests;

/// <summary>Finds the test data folders (copied next to the test assembly; the source folder for bless mode).</summary>
internal static class TestFiles
{
    public static string OutputDirectory(string folder) => Path.Combine(AppContext.BaseDirectory, folder);

    /// <summary>The folder in the source tree, found by walking up from the test assembly.</summary>
    public static string SourceDirectory(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ByteChip.Compiler.Tests.csproj")))
            {
                return candidate;
            }
        }
        return OutputDirectory(folder);
    }

    public static TheoryData<string> Names(string folder, string pattern = "*.cu")
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(OutputDirectory(folder), pattern).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }
        return data;
    }
}
