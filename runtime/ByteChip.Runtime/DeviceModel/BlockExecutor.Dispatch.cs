using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>Dispatch of every non-control instruction to the handler of its spec group.</summary>
internal sealed partial class BlockExecutor
{
    private void ExecuteGroup(WarpState w, in Uop u, uint exec)
    {
        int op = (int)u.Op;
        if (op >= 0x200 && op < 0x280)
        {
            ExecuteMemory(w, u, exec);
        }
        else if (op >= 0x280 && op < 0x300)
        {
            ExecuteAtomic(w, u, exec);
        }
        else if (op >= 0x300)
        {
            ExecuteWarp(w, u, exec);
        }
        else if (op >= 0x180)
        {
            Conversions.Execute(w.Regs, u, exec);
        }
        else if (op >= 0x100)
        {
            ExecuteFloat(w.Regs, u, exec);
        }
        else if (op >= 0x0c0)
        {
            ExecuteCompare(w, u, exec);
        }
        else if (op >= 0x040)
        {
            ExecuteInteger(w.Regs, u, exec);
        }
        else
        {
            ExecuteMove(w, u, exec);
        }
    }

    private static WarpFault NotImplemented(in Uop u) =>
        new(RuntimeError.Internal, 0, $"the device model has no implementation of {u.Op} (a bug)");
}
