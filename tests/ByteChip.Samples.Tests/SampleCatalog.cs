using ByteChip.Samples.Common;

namespace ByteChip.Samples.Tests;

/// <summary>Every sample under samples/ (a new sample is added here and as a project reference).</summary>
internal static class SampleCatalog
{
    public static IReadOnlyList<Sample> All { get; } =
    [
        new VectorAdd.VectorAddSample(),
        new Reduction.ReductionSample(),
        new MatrixMul.MatrixMulSample(),
        new Histogram.HistogramSample(),
        new Scan.ScanSample(),
        new Transpose.TransposeSample(),
        new Stencil.StencilSample(),
        new Softmax.SoftmaxSample(),
        new NBody.NBodySample(),
        new Mandelbrot.MandelbrotSample(),
        new SpMV.SpMVSample(),
        new BlackScholes.BlackScholesSample(),
        new BitonicSort.BitonicSortSample(),
    ];

    public static Sample Find(string name) => All.Single(s => s.Name == name);
}
