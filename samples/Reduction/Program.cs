using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.Reduction.ReductionSample(), args);
