using ByteChip.Differential.Tests.Runner;

namespace ByteChip.Differential.Tests;

/// <summary>Every mismatch the differential test found, reduced: Regressions/NAME.cu with the gcc reference's
/// output in Regressions/NAME.expected, run at -O0 and -O2 on n4 and n5.</summary>
public class RegressionTests
{
    private static string Directory => Path.Combine(AppContext.BaseDirectory, "Regressions");

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return data;
        }
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.cu").Order(StringComparer.Ordinal))
        {
            foreach (var config in Configuration.All)
            {
                data.Add(Path.GetFileNameWithoutExtension(file), config.Arch, config.OptimizationLevel);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RegressionCaseMatchesTheReference(string name, string arch, int opt)
    {
        string source = File.ReadAllText(Path.Combine(Directory, name + ".cu"));
        var expected = RegressionCase.ReadExpected(Path.Combine(Directory, name + ".expected"));
        var outcome = DeviceExecution.Run(source, LaunchInfo.Parse(source), new Configuration(arch, opt));
        Assert.True(Oracle.Compare(expected, outcome) is null, Oracle.Compare(expected, outcome));
    }

    [Fact]
    public void EveryCaseHasAnExpectedOutput()
    {
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.cu"))
        {
            Assert.True(File.Exists(Path.ChangeExtension(file, ".expected")), $"{file} has no .expected file");
        }
    }
}
