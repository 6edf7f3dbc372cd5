using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security;

namespace ByteChip.Build.Tests;

/// <summary>
/// A real console project in the <see cref="TestPackage"/> sandbox that references ByteChip.Build and the runtime,
/// built, cleaned and run with the dotnet CLI like a user's.
/// </summary>
public sealed class KernelTestProject
{
    public const string RootNamespace = "KernelApp";

    private KernelTestProject(string directory, string configuration)
    {
        Directory = directory;
        Configuration = configuration;
    }

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    public string Configuration { get; }

    public string ProjectFile => Path.Combine(Directory, "KernelApp.csproj");

    /// <summary><c>obj/&lt;configuration&gt;/net10.0/bytechip/</c>: the default ByteChipOutputDirectory.</summary>
    public string KernelOutputDirectory => Path.Combine(Directory, "obj", Configuration, "net10.0", "bytechip");

    /// <summary><c>bin/&lt;configuration&gt;/net10.0/</c>.</summary>
    public string OutputDirectory => Path.Combine(Directory, "bin", Configuration, "net10.0");

    public string AssemblyPath => Path.Combine(OutputDirectory, "KernelApp.dll");

    /// <summary>Creates the project: <paramref name="properties"/> go into its PropertyGroup, <paramref name="items"/>
    /// (raw XML) into an ItemGroup, <paramref name="files"/> (relative path → text) beside it.</summary>
    public static KernelTestProject Create(string name, IReadOnlyDictionary<string, string> files,
        IReadOnlyDictionary<string, string>? properties = null, string items = "")
    {
        var package = TestPackage.Instance;
        var dir = package.NewProjectFolder(name);
        var props = string.Concat((properties ?? new Dictionary<string, string>()).Select(p => $"\n    <{p.Key}>{SecurityElement.Escape(p.Value)}</{p.Key}>"));
        File.WriteAllText(Path.Combine(dir, "KernelApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>{RootNamespace}</RootNamespace>{props}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ByteChip.Build" Version="{package.Version}" />
                <Reference Include="ByteChip.Runtime" HintPath="{SecurityElement.Escape(TestPackage.RuntimeAssembly)}" />
              </ItemGroup>
              <ItemGroup>{items}
              </ItemGroup>
            </Project>
            """);
        var project = new KernelTestProject(dir, DotnetCli.Configuration);
        foreach (var (path, text) in files)
        {
            project.Write(path, text);
        }
        return project;
    }

    /// <summary>The full path of a file of the project.</summary>
    public string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The binary a kernel compiles to (default output directory).</summary>
    public string BinaryOf(string kernelRelative) => Path.Combine(KernelOutputDirectory, Path.ChangeExtension(kernelRelative, ".bcbin").Replace('/', Path.DirectorySeparatorChar));

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    /// <summary><c>dotnet build</c> at normal verbosity (the task's "compiling" lines are normal messages).</summary>
    public DotnetResult Build(params string[] extra) =>
        DotnetCli.Run(Directory, TestPackage.Instance.CliEnvironment, ["build", "-c", Configuration, "-nodeReuse:false", "-tl:off", "-v:n", .. extra]);

    /// <summary><see cref="Build"/> without the restore, which the first build did (a second of each build saved).</summary>
    public DotnetResult Rebuild(params string[] extra) => Build(["--no-restore", .. extra]);

    /// <summary>The items of <paramref name="itemType"/> after evaluation (<c>dotnet msbuild -getItem</c>): their specs, '/'-separated.</summary>
    public IReadOnlyList<string> EvaluatedItems(string itemType, params string[] properties)
    {
        var result = DotnetCli.Run(Directory, TestPackage.Instance.CliEnvironment,
            ["msbuild", ProjectFile, "-nologo", $"-getItem:{itemType}", "-p:Configuration=" + Configuration, .. properties.Select(p => "-p:" + p)]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Output[result.Output.IndexOf('{')..];
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        if (!doc.RootElement.GetProperty("Items").TryGetProperty(itemType, out var items))
        {
            return [];
        }
        return [.. items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    public DotnetResult Clean() =>
        DotnetCli.Run(Directory, TestPackage.Instance.CliEnvironment, "clean", "-c", Configuration, "-nodeReuse:false", "-tl:off", "-v:m");

    /// <summary>Runs the built program (<c>dotnet KernelApp.dll</c>).</summary>
    public DotnetResult RunProgram(params string[] args) =>
        DotnetCli.Run(Directory, TestPackage.Instance.CliEnvironment, [AssemblyPath, .. args]);

    /// <summary>The built assembly's manifest resources: name → contents.</summary>
    public IReadOnlyDictionary<string, byte[]> EmbeddedResources() => ReadResources(AssemblyPath);

    public static IReadOnlyDictionary<string, byte[]> ReadResources(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var resourcesDirectory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
        var section = pe.GetSectionData(resourcesDirectory.RelativeVirtualAddress);
        foreach (var handle in reader.ManifestResources)
        {
            var resource = reader.GetManifestResource(handle);
            if (!resource.Implementation.IsNil)
            {
                continue; // in another file or assembly
            }
            var blob = section.GetReader((int)resource.Offset, resourcesDirectory.Size - (int)resource.Offset);
            int length = blob.ReadInt32();
            result[reader.GetString(resource.Name)] = blob.ReadBytes(length);
        }
        return result;
    }
}

/// <summary>A class fixture: a <see cref="KernelTestProject"/> built once for the tests of a class.</summary>
public abstract class BuiltProjectFixture(KernelTestProject project)
{
    public KernelTestProject Project { get; } = project;

    public DotnetResult FirstBuild { get; } = project.Build();

    /// <summary>The project, after asserting that its first build succeeded (with that build's output if not).</summary>
    public KernelTestProject Built()
    {
        Assert.True(FirstBuild.ExitCode == 0, FirstBuild.ToString());
        return Project;
    }
}
