// bcrun: runs kernels of a .bcbin module on the ByteChip device model from a JSON launch description.
return ByteChip.Tools.Bcrun.BcrunApp.Execute(args, Console.Out, Console.Error);
