using System.IO.Compression;
using System.Runtime.InteropServices;

namespace ByteChip.Build.Tests;

/// <summary>
/// The NativeAOT bytechipcc in the package: packed on Linux x64, preferred by the task there, producing the same
/// binaries as the framework-dependent bytechipcc.dll (which ByteChipUseNativeCompiler=false selects).
/// </summary>
public sealed class NativeCompilerTests
{
    private const string NativeEntry = "tools/bytechipcc/native/linux-x64/bytechipcc";

    private static bool IsLinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64;

    [Fact]
    public void Package_CarriesTheNativeCompiler_OnLinuxX64Only()
    {
        using var zip = ZipFile.OpenRead(TestPackage.Instance.PackagePath);
        var native = zip.Entries.SingleOrDefault(e => e.FullName == NativeEntry);
        if (IsLinuxX64)
        {
            Assert.NotNull(native);
            // An ELF executable, not a managed assembly or a placeholder.
            using var stream = native.Open();
            var magic = new byte[4];
            stream.ReadExactly(magic);
            Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }, magic);
        }
        else
        {
            Assert.Null(native);
        }
    }

    [Fact]
    public void NativeAndManagedCompilers_BuildTheSameBinaries()
    {
        const string kernel = """
            __global__ void axpy(float a, const float* x, float* y, int n) {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < n) y[i] = a * x[i] + y[i];
            }
            """;
        var files = new Dictionary<string, string> { ["axpy.cu"] = kernel, ["Program.cs"] = "System.Console.WriteLine(\"built\");\n" };
        // One project built twice (the binaries record the source path): the compiler changes, so the kernel recompiles.
        var project = KernelTestProject.Create("native-compiler", files);
        var preferredBuild = project.Build();
        Assert.True(preferredBuild.ExitCode == 0, preferredBuild.ToString());
        var a = File.ReadAllBytes(project.BinaryOf("axpy.cu"));
        var managedBuild = project.Rebuild("-p:ByteChipUseNativeCompiler=false");
        Assert.True(managedBuild.ExitCode == 0, managedBuild.ToString());
        Assert.Equal(["axpy.cu"], managedBuild.CompiledKernels);
        var b = File.ReadAllBytes(project.BinaryOf("axpy.cu"));

        // The task logs each compiler command line at normal verbosity.
        var nativeCommand = NativeEntry.Replace('/', Path.DirectorySeparatorChar) + " ";
        if (IsLinuxX64)
        {
            Assert.Contains(nativeCommand, preferredBuild.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("bytechipcc.dll", preferredBuild.Output, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(nativeCommand, managedBuild.Output, StringComparison.Ordinal);
        Assert.Contains("bytechipcc.dll", managedBuild.Output, StringComparison.Ordinal);

        Assert.True(a.Length > 64, "the binary is an ELF file with a kernel");
        Assert.Equal(a, b);
    }
}
