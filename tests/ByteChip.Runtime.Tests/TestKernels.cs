using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Runtime.Tests;

/// <summary>Assembles the test kernels under Kernels/ (copied next to the test assembly).</summary>
internal static class TestKernels
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Kernels");

    public static string PathOf(string file) => Path.Combine(Directory, file);

    public static BcModule Assemble(string file, string? target = null)
    {
        string text = File.ReadAllText(PathOf(file));
        if (target is not null)
        {
            text = text.Replace(".target n4", $".target {target}", StringComparison.Ordinal);
        }
        return AssembleText(text, file);
    }

    public static BcModule AssembleText(string text, string file = "test.s")
    {
        var result = ByteChip.Isa.Assembly.Assembler.Assemble(text, file, TargetInfo.Find("n4"));
        if (!result.Success)
        {
            throw new InvalidOperationException($"{file} does not assemble:\n" + string.Join("\n", result.Diagnostics));
        }
        return result.Module!;
    }

    public static Module Load(Device device, string file) => device.LoadModule(Assemble(file, device.Name));

    /// <summary>Writes the assembled module as a .bcbin into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteBinary(string file, string directory)
    {
        string path = System.IO.Path.Combine(directory, System.IO.Path.ChangeExtension(file, ".bcbin"));
        BcModuleWriter.WriteFile(Assemble(file), path);
        return path;
    }
}
