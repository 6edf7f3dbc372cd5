namespace ByteChip.Compiler.Llvm;

/// <summary>
/// LLVM's start-up work, done ahead while other work (the frontend) runs on another thread: the dynamic loading of
/// libLLVM (mapping, relocation, its static constructors), the NVPTX target's initialization and the target machine
/// of the optimization level (<see cref="LlvmTargetMachine.Prepare"/>). A failure is not reported from here:
/// <see cref="LlvmLibrary"/> remembers a missing LLVM and the compilation reports it where it always did (after the
/// frontend, only for a source without errors); anything else fails again, and is reported, when the compilation
/// creates its target machine.
/// </summary>
public static class LlvmPreload
{
    /// <summary>Loads LLVM and prepares the target machine for <paramref name="optimizationLevel"/>; never throws.</summary>
    public static void Load(int optimizationLevel)
    {
        try
        {
            if (LlvmLibrary.TryEnsureLoaded(out _))
            {
                LlvmTargetMachine.Prepare(optimizationLevel);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing to do: the compilation repeats what failed and reports it (see the summary).
        }
    }
}
