using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.Transpose.TransposeSample(), args);
