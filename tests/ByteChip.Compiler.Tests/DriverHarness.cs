using ByteChip.Tools.Bytechipcc;

namespace ByteChip.Compiler.Tests;

/// <summary>Runs bytechipcc in-process and writes kernel files for the driver tests.</summary>
internal static class DriverHarness
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(Program.NormalizeArguments(args), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A fresh k.cu with the text, in its own temporary directory.</summary>
    public static string Write(string text)
    {
        var dir = Path.Combine(Path.GetTempPath(), "bcc-driver-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "k.cu");
        File.WriteAllText(path, text);
        return path;
    }
}
