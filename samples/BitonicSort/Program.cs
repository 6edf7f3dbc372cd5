using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.BitonicSort.BitonicSortSample(), args);
