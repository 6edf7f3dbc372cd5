namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// Runs a launch: the blocks of the grid in parallel on up to the given number of host threads, each host
/// thread reusing one <see cref="BlockExecutor"/>. Results do not depend on the thread count except for the
/// order in which atomics of different blocks apply; when blocks fault, the one with the lowest index is reported.
/// </summary>
internal static class GridExecutor
{
    public static void Run(LaunchContext ctx, int hostThreads)
    {
        long blocks = ctx.Grid.Count;
        DeviceFaultException? fault = null;
        var gate = new Lock();

        void RunOne(BlockExecutor executor, long block)
        {
            if (Volatile.Read(ref ctx.FaultBlock) < block)
            {
                return;
            }
            try
            {
                executor.RunBlock(block);
            }
            catch (DeviceFaultException e)
            {
                lock (gate)
                {
                    if (block < ctx.FaultBlock)
                    {
                        ctx.FaultBlock = block;
                        fault = e;
                    }
                }
            }
        }

        if (hostThreads <= 1 || blocks == 1)
        {
            var executor = new BlockExecutor(ctx);
            for (long b = 0; b < blocks; b++)
            {
                RunOne(executor, b);
            }
            executor.Flush();
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = hostThreads };
            Parallel.For(0L, blocks, options, () => new BlockExecutor(ctx), (b, _, executor) =>
            {
                RunOne(executor, b);
                return executor;
            }, executor => executor.Flush());
        }
        if (fault is not null)
        {
            throw fault;
        }
    }
}
