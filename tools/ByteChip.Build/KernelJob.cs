namespace ByteChip.Build;

/// <summary>Everything about one <c>ByteChipKernel</c> item that its compilation and its outputs need.</summary>
/// <param name="Source">The kernel's full path.</param>
/// <param name="RelativePath">Its path relative to the project (its <c>Link</c>, or its file name when outside the project).</param>
/// <param name="Output">The .bcbin the compiler writes.</param>
/// <param name="DependencyFile">The make-style dependency file <c>-MD -MF</c> writes beside it.</param>
/// <param name="CommandFile">The command line of the last successful compilation: a changed command recompiles.</param>
/// <param name="LogicalName">The manifest resource name when the binary is embedded.</param>
/// <param name="TargetPath">The binary's path under the output directory when it is copied there.</param>
internal sealed record KernelJob(
    string Source,
    string RelativePath,
    string Output,
    string DependencyFile,
    string CommandFile,
    string LogicalName,
    string TargetPath,
    string Arch,
    string Optimization,
    IReadOnlyList<string> IncludeDirectories,
    IReadOnlyList<string> Defines,
    string ExtraFlags);
