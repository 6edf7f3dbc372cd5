using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.SpMV.SpMVSample(), args);
