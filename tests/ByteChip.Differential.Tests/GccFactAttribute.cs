using ByteChip.Differential.Tests.Runner;

namespace ByteChip.Differential.Tests;

/// <summary>A fact that is reported as skipped (with the reason) when gcc, the reference compiler, is missing.</summary>
public sealed class GccFactAttribute : FactAttribute
{
    public GccFactAttribute()
    {
        if (!GccReference.Available)
        {
            Skip = "gcc is not installed (the differential test's reference compiler): apt-get install gcc, or set BYTECHIP_DIFF_GCC";
        }
    }
}
