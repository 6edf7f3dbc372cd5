namespace ByteChip.Samples.Common;

/// <summary>
/// One sample: a CUDA kernel file (copied next to the program as <c>kernels/&lt;Name&gt;/kernel.cu</c>) and the host
/// code that prepares inputs, launches it and checks the results against a C# reference.
/// </summary>
public abstract class Sample
{
    /// <summary>The sample's folder name under <c>samples/</c>, which also names its kernel folder in the output.</summary>
    public abstract string Name { get; }

    /// <summary>One line saying what the sample shows.</summary>
    public abstract string Title { get; }

    /// <summary>Where the kernel source is at run time.</summary>
    public virtual string KernelPath => Path.Combine(AppContext.BaseDirectory, "kernels", Name, "kernel.cu");

    /// <summary>Prepares inputs, launches through <paramref name="ctx"/>, and records checks with <see cref="SampleContext.Check"/>.</summary>
    public abstract void Run(SampleContext ctx);

    public override string ToString() => Name;
}
