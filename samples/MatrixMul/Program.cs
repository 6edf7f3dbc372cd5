using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.MatrixMul.MatrixMulSample(), args);
