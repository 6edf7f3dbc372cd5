using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.Softmax.SoftmaxSample(), args);
