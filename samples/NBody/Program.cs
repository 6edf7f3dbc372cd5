using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.NBody.NBodySample(), args);
