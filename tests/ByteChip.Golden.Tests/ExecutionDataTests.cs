namespace ByteChip.Golden.Tests;

/// <summary>The checked-in execution data is exactly what the C# generator computes (and nothing else is there).</summary>
public sealed class ExecutionDataTests
{
    [Fact]
    public void CheckedInDataMatchesTheGenerator()
    {
        var data = ExecutionData.Generate();
        string folder = ExecutionData.Folder;
        if (Environment.GetEnvironmentVariable("BYTECHIP_GENERATE_GOLDEN_DATA") is { Length: > 0 } v && v != "0")
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Directory.EnumerateFiles(folder, "*.npy").Where(f => !data.Files.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }
            foreach (var (name, bytes) in data.Files)
            {
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
            }
        }
        var problems = new List<string>();
        foreach (var (name, bytes) in data.Files)
        {
            string path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                problems.Add($"missing {name}");
            }
            else if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                problems.Add($"{name} differs from what the generator computes");
            }
        }
        problems.AddRange(Directory.EnumerateFiles(folder, "*.npy").Select(Path.GetFileName).Where(f => !data.Files.ContainsKey(f!)).Select(f => $"{f} is not generated (stale?)"));
        Assert.True(problems.Count == 0, "run with BYTECHIP_GENERATE_GOLDEN_DATA=1 to regenerate:\n" + string.Join("\n", problems));
    }
}
