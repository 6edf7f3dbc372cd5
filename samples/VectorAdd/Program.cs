using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.VectorAdd.VectorAddSample(), args);
