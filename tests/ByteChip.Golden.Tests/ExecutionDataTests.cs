namespace ByteChip.Golden.Tests;

/// <summary>The checked-in execution data is exactly what the C# generator computes (and nothing else is there).</summary>
public sealed class ExecutionDataTests
{
    [Fact]
    public void CheckedInDataMatchesTheGenerator()
    {
        var data = ExecutionData.Generate();
        string root = ExecutionData.Root;
        var checkedIn = ExecutionData.Folders
            .Where(f => Directory.Exists(Path.Combine(root, f)))
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.npy").Select(p => $"{f}/{Path.GetFileName(p)}"))
            .ToList();
        if (Environment.GetEnvironmentVariable("BYTECHIP_GENERATE_GOLDEN_DATA") is { Length: > 0 } v && v != "0")
        {
            foreach (var stale in checkedIn.Where(f => !data.Files.ContainsKey(f)))
            {
                File.Delete(Path.Combine(root, stale));
            }
            foreach (var (name, bytes) in data.Files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, name))!);
                File.WriteAllBytes(Path.Combine(root, name), bytes);
            }
            checkedIn = [.. data.Files.Keys];
        }
        Assert.All(data.Files.Keys, f => Assert.Contains(ExecutionData.Folders, folder => f.StartsWith(folder + "/", StringComparison.Ordinal)));
        var problems = new List<string>();
        foreach (var (name, bytes) in data.Files)
        {
            string path = Path.Combine(root, name);
            if (!File.Exists(path))
            {
                problems.Add($"missing {name}");
            }
            else if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                problems.Add($"{name} differs from what the generator computes");
            }
        }
        problems.AddRange(checkedIn.Where(f => !data.Files.ContainsKey(f)).Select(f => $"{f} is not generated (stale?)"));
        Assert.True(problems.Count == 0, "run with BYTECHIP_GENERATE_GOLDEN_DATA=1 to regenerate:\n" + string.Join("\n", problems));
    }
}
