using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.Mandelbrot.MandelbrotSample(), args);
