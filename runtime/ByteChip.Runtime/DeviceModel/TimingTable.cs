using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// What the timing estimate needs of each instruction of a kernel, built once per kernel on its first timed
/// launch: the scoreboard slots the instruction reads and writes, and its latency on the target (from the
/// ISA spec's latency classes). Slots <c>[0, TotalRows)</c> are register rows; slot <c>TotalRows + p</c> is
/// predicate p. RZ, PT and immediates occupy no slot: they are always ready and never pending.
/// </summary>
internal sealed class TimingTable
{
    public TimingTable(KernelImage image, TargetInfo target)
    {
        int predicateBase = image.TotalRows;
        SlotCount = predicateBase + KernelImage.DiscardPredicate + 1;
        BarrierLatency = target.LatencyOf(LatencyClass.Barrier);
        var slots = new List<int>();
        var reads = new List<int>();
        var writes = new List<int>();
        Ops = new TimedOp[image.Code.Length];
        for (int i = 0; i < Ops.Length; i++)
        {
            int start = slots.Count;
            if (image.Code[i].Op == Opcode.Illegal || !image.TryGetDecoded(i, out var inst))
            {
                // A word that faults when it runs: it issues, and the launch stops there.
                Ops[i] = new TimedOp(start, 0, 0, 1);
                continue;
            }
            reads.Clear();
            writes.Clear();
            if (inst.Guard != KernelImage.TruePredicate)
            {
                reads.Add(predicateBase + inst.Guard);
            }
            foreach (var op in inst.Form.Operands)
            {
                uint raw = InstructionCodec.Get(inst, op.Field);
                if (op.IsRegister && raw != Reg.ZeroIndex)
                {
                    for (int r = 0; r < op.RegisterCount; r++)
                    {
                        AddSlot(op, (int)raw + r);
                    }
                }
                else if (op.Kind == OperandKind.Pred && raw != KernelImage.TruePredicate)
                {
                    AddSlot(op, predicateBase + (int)raw);
                }
            }
            slots.AddRange(reads);
            slots.AddRange(writes);
            Ops[i] = new TimedOp(start, (byte)reads.Count, (byte)writes.Count, target.LatencyOf(inst.Opcode));
        }
        Slots = [.. slots];

        void AddSlot(OperandInfo op, int slot)
        {
            if (op.IsUse)
            {
                reads.Add(slot);
            }
            if (op.IsDef)
            {
                writes.Add(slot);
            }
        }
    }

    /// <summary>Per instruction index (plus the trailing past-the-end uop).</summary>
    public TimedOp[] Ops { get; }

    /// <summary>The slots of every instruction: its reads, then its writes, from <see cref="TimedOp.Start"/>.</summary>
    public int[] Slots { get; }

    /// <summary>Register rows plus predicate slots: the size of a warp's scoreboard.</summary>
    public int SlotCount { get; }

    /// <summary>Cycles from the last arrival at a barrier until the block's warps may issue again.</summary>
    public int BarrierLatency { get; }
}

/// <summary>One instruction for the timing estimate: <paramref name="Reads"/> then <paramref name="Writes"/> slots from <paramref name="Start"/>; <paramref name="Latency"/> in cycles.</summary>
internal readonly record struct TimedOp(int Start, byte Reads, byte Writes, int Latency);
