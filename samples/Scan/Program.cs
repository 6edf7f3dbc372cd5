using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.Scan.ScanSample(), args);
