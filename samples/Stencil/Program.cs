using ByteChip.Samples.Common;

return SampleRunner.Main(new ByteChip.Samples.Stencil.StencilSample(), args);
