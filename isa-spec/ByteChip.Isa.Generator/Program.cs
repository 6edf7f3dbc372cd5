// ByteChip ISA generator: bytechip.isa -> C# tables, codec, builders and the reference manual.
//   ByteChip.Isa.Generator [--spec-dir DIR] [--check]
// --check writes nothing and exits 1 when a generated file is out of date (for CI).
using ByteChip.Isa.Generator;

string? dir = null;
bool check = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--spec-dir" when i + 1 < args.Length:
            dir = args[++i];
            break;
        case "--check":
            check = true;
            break;
        default:
            Console.Error.WriteLine($"usage: ByteChip.Isa.Generator [--spec-dir DIR] [--check] (unknown argument '{args[i]}')");
            return 2;
    }
}
dir ??= IsaGenerator.FindSpecFolder(Directory.GetCurrentDirectory());
if (dir is null || !File.Exists(Path.Combine(dir, IsaGenerator.SpecFileName)))
{
    Console.Error.WriteLine($"error: cannot find {IsaGenerator.SpecFileName}; pass --spec-dir");
    return 2;
}
IReadOnlyDictionary<string, string> files;
try
{
    files = IsaGenerator.Generate(Path.Combine(dir, IsaGenerator.SpecFileName));
}
catch (SpecException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
int stale = 0;
foreach (var (rel, text) in files)
{
    var path = Path.Combine(dir, rel);
    if (File.Exists(path) && File.ReadAllText(path) == text)
    {
        continue;
    }
    stale++;
    if (check)
    {
        Console.Error.WriteLine($"out of date: {rel}");
    }
    else
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        Console.WriteLine($"wrote {rel}");
    }
}
return check && stale > 0 ? 1 : 0;
