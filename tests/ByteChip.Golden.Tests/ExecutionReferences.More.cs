namespace ByteChip.Golden.Tests;

internal static partial class ExecutionReferences
{
    private static void AllMore(ExecutionData d)
    {
    }
}
