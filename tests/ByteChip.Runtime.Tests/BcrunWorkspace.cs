using System.Runtime.InteropServices;
using ByteChip.Tools.Bcrun;

namespace ByteChip.Runtime.Tests;

/// <summary>A temporary folder for bcrun tests: .npy inputs, a <c>spec.json</c> run in-process with <c>--out out</c>, and the outputs read back.</summary>
public abstract class BcrunWorkspace : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bcrun-test");

    /// <summary>The folder's full path.</summary>
    protected string Folder => _dir.FullName;

    /// <inheritdoc/>
    public void Dispose()
    {
        _dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A path in the folder.</summary>
    protected string Path(string name) => System.IO.Path.Combine(_dir.FullName, name);

    /// <summary>Writes a one-dimensional .npy file into the folder.</summary>
    protected void WriteNpy<T>(string name, T[] data, string descr) where T : unmanaged =>
        File.WriteAllBytes(Path(name), NpyFile.Write(new NpyArray(descr, [data.Length], MemoryMarshal.AsBytes(data.AsSpan()).ToArray())));

    /// <summary>Reads an output bcrun wrote into <c>out/</c>, checking its dtype.</summary>
    protected T[] ReadNpy<T>(string name, string descr) where T : unmanaged
    {
        var npy = NpyFile.Read(File.ReadAllBytes(System.IO.Path.Combine(_dir.FullName, "out", name)));
        Assert.Equal(descr, npy.Descr);
        return MemoryMarshal.Cast<byte, T>(npy.Data).ToArray();
    }

    /// <summary>Writes <paramref name="spec"/> as <c>spec.json</c> and runs bcrun on it.</summary>
    protected (int Code, string Out, string Err) Run(string spec, params string[] extra)
    {
        File.WriteAllText(Path("spec.json"), spec);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = BcrunApp.Execute([Path("spec.json"), "--out", Path("out"), .. extra], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
