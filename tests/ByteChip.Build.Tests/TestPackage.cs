using System.Security;

namespace ByteChip.Build.Tests;

/// <summary>
/// ByteChip.Build packed once per test run into a temporary feed, and the sandbox every test project lives in:
/// a NuGet.config with only that feed and the machine's offline package folder (if any) as sources and a package
/// cache of its own (so a package of the same version packed earlier is never used), and empty Directory.Build.*
/// files that keep the repository's or anything else's out of the temporary projects.
/// </summary>
public sealed class TestPackage
{
    private const string OfflinePackages = "/opt/nuget/packages";
    private static readonly Lazy<TestPackage> s_instance = new(() => new TestPackage(), LazyThreadSafetyMode.ExecutionAndPublication);

    private TestPackage()
    {
        var sandboxes = Path.Combine(Path.GetTempPath(), "bytechip-build-tests");
        // The test host may be ended before ProcessExit runs: sandboxes of runs long over are removed here.
        if (Directory.Exists(sandboxes))
        {
            foreach (var old in new DirectoryInfo(sandboxes).GetDirectories().Where(d => d.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-3)))
            {
                TryDelete(old.FullName);
            }
        }
        Root = Path.Combine(sandboxes, Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Root);

        var project = Path.Combine(DotnetCli.RepoRoot, "tools", "ByteChip.Build", "ByteChip.Build.csproj");
        // The test project references ByteChip.Build, so it (and bytechipcc) are built in this configuration.
        // Packed with the machine's own package folder: the pack publishes bytechipcc's NativeAOT build, whose
        // compiler packages are restored there like any build's (the sandbox folder is for the test projects).
        PackResult = DotnetCli.Run(Root, new Dictionary<string, string>(), "pack", project, "-c", DotnetCli.Configuration, "--no-build", "-o", Feed, "-nodeReuse:false", "-tl:off", "-v:m");
        var packages = Directory.GetFiles(Feed, "ByteChip.Build.*.nupkg");
        if (PackResult.ExitCode != 0 || packages.Length != 1)
        {
            throw new InvalidOperationException($"packing ByteChip.Build failed:\n{PackResult}");
        }
        PackagePath = packages[0];
        Version = Path.GetFileNameWithoutExtension(PackagePath)["ByteChip.Build.".Length..];

        NuGetConfig = Path.Combine(Root, "NuGet.config");
        var offline = Directory.Exists(OfflinePackages) ? $"\n    <add key=\"offline\" value=\"{OfflinePackages}\" />" : "";
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(PackagesFolder)}" />
              </config>
              <packageSources>
                <clear />
                <add key="bytechip-test-feed" value="{SecurityElement.Escape(Feed)}" />{offline}
              </packageSources>
            </configuration>
            """);
        _packagedCompiler = new Lazy<string>(() =>
        {
            var extracted = Path.Combine(Root, "extracted");
            System.IO.Compression.ZipFile.ExtractToDirectory(PackagePath, extracted);
            return Path.Combine(extracted, "tools", "bytechipcc", "bytechipcc.dll");
        });
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Root, name), "<Project />\n");
        }
    }

    /// <summary>The one package of this test run.</summary>
    public static TestPackage Instance => s_instance.Value;

    /// <summary>The sandbox folder: projects go in subfolders, so they find its NuGet.config and Directory.* files.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string NuGetConfig { get; }

    /// <summary>The .nupkg file.</summary>
    public string PackagePath { get; }

    /// <summary>The package's version (from its file name).</summary>
    public string Version { get; }

    /// <summary>How packing went (its time is reported by the tests that use it).</summary>
    public DotnetResult PackResult { get; }

    /// <summary>Variables for every dotnet command of the tests: the isolated package cache.</summary>
    public IReadOnlyDictionary<string, string> CliEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder };

    /// <summary>ByteChip.Runtime.dll as the tests' project reference copied it (ByteChip.Isa.dll beside it).</summary>
    public static string RuntimeAssembly => Path.Combine(AppContext.BaseDirectory, "ByteChip.Runtime.dll");

    /// <summary>bytechipcc.dll as the package carries it (the package extracted once into the sandbox).</summary>
    public string PackagedCompiler => _packagedCompiler.Value;

    private readonly Lazy<string> _packagedCompiler;

    /// <summary>A new empty folder in the sandbox.</summary>
    public string NewProjectFolder(string name)
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
