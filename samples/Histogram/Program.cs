using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.Histogram.HistogramSample(), args);
