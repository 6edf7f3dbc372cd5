using ByteChip.Isa;

namespace ByteChip.Runtime.Tests;

/// <summary>Barrier reductions, 3-D indices, warpsync, and the check that every opcode has an implementation.</summary>
public sealed class BlockOperationTests
{
    [Fact]
    public void BarrierReductionsCountLiveThreadsOnly()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "block_ops.s");
        const int n = 80;
        var rng = new Random(3);
        foreach (var mode in new[] { "random", "all", "none" })
        {
            var flags = Enumerable.Range(0, n).Select(i => mode switch
            {
                "all" => i % 7 == 0 ? 2u : 1u,
                "none" => i % 7 == 0 ? 2u : 0u,
                _ => (uint)rng.Next(0, 3),
            }).ToArray();
            using var dflags = device.Upload<uint>(flags);
            using var dout = device.Allocate<uint>(4 * n);
            module.GetKernel("barrier_reductions").Launch(1, n, 0, dflags, dout);
            var live = flags.Where(f => f != 2).ToArray();
            uint popc = (uint)live.Count(f => f == 1);
            uint all = live.All(f => f == 1) ? 1u : 0u;
            uint any = live.Any(f => f == 1) ? 1u : 0u;
            var o = dout.ToArray();
            for (int i = 0; i < n; i++)
            {
                var expected = flags[i] == 2 ? new uint[] { 0, 0, 0 } : [popc, all, any];
                Assert.Equal(expected, o.AsSpan(4 * i, 3).ToArray());
            }
        }
    }

    [Fact]
    public void ThreeDimensionalIndices()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "block_ops.s");
        var grid = new Dim3(3, 2, 2);
        var block = new Dim3(5, 3, 4);
        long total = grid.Count * block.Count;
        using var dout = device.Allocate<uint>(total * 8);
        module.GetKernel("indices").Launch(grid, block, 0, dout);
        var o = dout.ToArray();
        for (uint bz = 0; bz < grid.Z; bz++)
        {
            for (uint by = 0; by < grid.Y; by++)
            {
                for (uint bx = 0; bx < grid.X; bx++)
                {
                    for (uint tz = 0; tz < block.Z; tz++)
                    {
                        for (uint ty = 0; ty < block.Y; ty++)
                        {
                            for (uint tx = 0; tx < block.X; tx++)
                            {
                                long b = (((bz * grid.Y) + by) * grid.X) + bx;
                                long t = (((tz * block.Y) + ty) * block.X) + tx;
                                long i = (b * block.Count) + t;
                                Assert.Equal(new[] { tx, ty, tz, bx, by, bz, block.X, block.Y }, o.AsSpan((int)(i * 8), 8).ToArray());
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void WarpsyncAcceptsConvergedMembersAndFaultsOtherwise()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "block_ops.s");
        using var dout = device.Allocate<uint>(32);
        module.GetKernel("warpsync_ok").Launch(1, 32, 0, dout);
        Assert.All(dout.ToArray(), m => Assert.Equal(uint.MaxValue, m));
        var e = Assert.Throws<DeviceFaultException>(() => module.GetKernel("warpsync_bad").Launch(1, 32, 0));
        Assert.Equal(RuntimeError.WarpNotConverged, e.Error);
    }

    public static TheoryData<Opcode> AllOpcodes => [.. InstructionTable.Forms.Select(f => f.Opcode)];

    /// <summary>Every opcode of the spec runs (or faults with a device fault, e.g. a random address) but never hits "not implemented".</summary>
    [Theory]
    [MemberData(nameof(AllOpcodes))]
    public void EveryOpcodeHasAnImplementation(Opcode op)
    {
        var lanes = Semantics.Operands.Lanes(32, (int)op, (r, i) => Semantics.Operands.Int64(r, i));
        try
        {
            Semantics.InstructionHarness.Run(Semantics.InstructionHarness.Wire(op), lanes);
        }
        catch (DeviceFaultException e)
        {
            Assert.NotEqual(RuntimeError.Internal, e.Error);
            Assert.NotEqual(RuntimeError.IllegalInstruction, e.Error);
            Assert.NotEqual(RuntimeError.UnsupportedInstruction, e.Error);
        }
    }
}
