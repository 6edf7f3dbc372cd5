using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.BlackScholes.BlackScholesSample(), args);
