using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>The interpreter loop: issue, control flow and divergence; everything else is dispatched by group.</summary>
internal sealed partial class BlockExecutor
{
    private WarpState? _current;

    /// <summary>Instructions the current warp issued in this slice so far (for the clock special register).</summary>
    private long _sliceIssued;

    private static long KeyBase(int depth) => (long)(int.MaxValue - depth) << 32;

    /// <summary>
    /// Runs the warp's active group until no lane of the warp can run or the slice ends. While the group is
    /// whole, PC and call depth are scalars; a divergent branch, call, return, barrier or exit writes
    /// them back to the lanes and reschedules (lowest PC among the deepest lanes first). After every
    /// instruction the group's key is compared with the best key outside it, so lanes merge as soon as
    /// they reach the same PC. Returns the warp instructions issued. <typeparamref name="TMode"/> is
    /// <see cref="Untimed"/> or <see cref="Timed"/>: the JIT compiles one loop for each, so the untimed loop
    /// carries no trace of the timing estimate.
    /// </summary>
    private long RunWarp<TMode>(WarpState w)
        where TMode : struct
    {
        _current = w;
        uint[] regs = w.Regs;
        uint[] preds = w.Preds;
        Uop[] code = _code;
        int pc = w.GroupPc;
        uint group = w.Group;
        long keyBase = KeyBase(w.GroupDepth);
        long otherKey = w.OtherKey;
        long issued = 0, threads = 0;
        try
        {
            while (issued < Slice)
            {
                ref Uop u = ref code[pc];
                if (typeof(TMode) == typeof(Timed))
                {
                    Issue(w.Timeline!, pc);
                }
                issued++;
                threads += BitOperations.PopCount(group);
                w.GroupPc = pc;
                uint p = preds[u.Guard];
                uint exec = group & (u.GuardNegated ? ~p : p);
                switch (u.Op)
                {
                    // The hottest ALU forms are dispatched here directly; the rest go through their group.
                    case Opcode.AddU32: Lanes.Binary<AddU32>(regs, u, exec); break;
                    case Opcode.AddU32Imm: Lanes.BinaryImm<AddU32>(regs, u, exec); break;
                    case Opcode.MulLoU32: Lanes.Binary<MulLoU32>(regs, u, exec); break;
                    case Opcode.MadLoU32: Lanes.Ternary<MadLoU32>(regs, u, exec); break;
                    case Opcode.AndB32Imm: Lanes.BinaryImm<AndB32>(regs, u, exec); break;
                    case Opcode.MovB32: Lanes.Move(regs, u.D, u.A, exec); break;
                    case Opcode.MovB32Imm: Lanes.Fill(regs, u.D, u.Imm, exec); break;
                    case Opcode.AddF32: Lanes.Binary<AddF32>(regs, u, exec); break;
                    case Opcode.MulF32: Lanes.Binary<MulF32>(regs, u, exec); break;
                    case Opcode.FmaF32: Lanes.Ternary<FmaF32>(regs, u, exec); break;
                    case Opcode.SetpS32: Lanes.Compare<CompareS32>(w, u, exec, immediate: false); break;
                    case Opcode.SetpS32Imm: Lanes.Compare<CompareS32>(w, u, exec, immediate: true); break;
                    case Opcode.SetpU32: Lanes.Compare<CompareU32>(w, u, exec, immediate: false); break;
                    case Opcode.SetpU32Imm: Lanes.Compare<CompareU32>(w, u, exec, immediate: true); break;
                    case Opcode.AddU64: Lanes.Add64(regs, u, exec, immediate: false); break;
                    case Opcode.AddU64Imm: Lanes.Add64(regs, u, exec, immediate: true); break;
                    case Opcode.MulWideU32: Lanes.MulWideU32(regs, u, exec, immediate: false); break;
                    case Opcode.MulWideU32Imm: Lanes.MulWideU32(regs, u, exec, immediate: true); break;
                    case Opcode.LdGlobalB32: AccessGlobal32(w, u, exec, store: false); break;
                    case Opcode.StGlobalB32: AccessGlobal32(w, u, exec, store: true); break;
                    case Opcode.LdSharedB32: AccessShared32(w, u, exec, store: false); break;
                    case Opcode.StSharedB32: AccessShared32(w, u, exec, store: true); break;
                    case Opcode.Nop:
                    case Opcode.Membar:
                        break;

                    case Opcode.Bra:
                    case Opcode.BraUni:
                        if (exec == 0)
                        {
                            break;
                        }
                        if (u.Target < 0)
                        {
                            throw new WarpFault(RuntimeError.InvalidControlFlow, FirstLane(exec), "branch target outside the kernel");
                        }
                        if (exec == group)
                        {
                            pc = u.Target;
                            goto Check;
                        }
                        if (u.Op == Opcode.BraUni)
                        {
                            throw new WarpFault(RuntimeError.DivergentUniformBranch, FirstLane(group & ~exec),
                                $"divergent uniform branch: guard true in lanes 0x{exec:X8}, false in 0x{group & ~exec:X8}");
                        }
                        _counters.DivergentBranches++;
                        Split(w, exec, u.Target, pc + 1);
                        goto Reload;

                    case Opcode.Exit:
                        if (exec == 0)
                        {
                            break;
                        }
                        w.Exited |= exec;
                        _liveThreads -= BitOperations.PopCount(exec);
                        group &= ~exec;
                        w.Group = group;
                        if (group != 0)
                        {
                            break;
                        }
                        w.Reschedule();
                        goto Reload;

                    case Opcode.Call:
                        if (exec == 0)
                        {
                            break;
                        }
                        if (u.Target < 0)
                        {
                            throw new WarpFault(RuntimeError.InvalidControlFlow, FirstLane(exec), "call target outside the kernel");
                        }
                        Lanes.Fill(regs, u.D, (uint)((pc + 1) * 8), exec);
                        if (exec == group)
                        {
                            w.GroupDepth++;
                            keyBase = KeyBase(w.GroupDepth);
                            pc = u.Target;
                            goto Check;
                        }
                        CallDivergent(w, exec, u.Target, pc + 1);
                        goto Reload;

                    case Opcode.Ret:
                        if (exec == 0)
                        {
                            break;
                        }
                        Return(w, u, exec, pc);
                        goto Reload;

                    case Opcode.BarSync:
                    case Opcode.BarRedPopcU32:
                    case Opcode.BarRedAnd:
                    case Opcode.BarRedOr:
                        if (exec == 0)
                        {
                            break;
                        }
                        Arrive(w, u, exec, pc);
                        if (typeof(TMode) == typeof(Timed))
                        {
                            NoteArrival(w, u);
                        }
                        goto Reload;

                    case Opcode.Trap:
                        if (exec != 0)
                        {
                            throw new WarpFault(RuntimeError.Trap, FirstLane(exec), $"trap {u.Imm} (0x{u.Imm:X})");
                        }
                        break;

                    case Opcode.Illegal:
                        throw IllegalFault(u, group);

                    default:
                        _sliceIssued = issued;
                        ExecuteGroup(w, u, exec);
                        break;
                }
                pc++;
            Check:
                if ((keyBase | (uint)pc) < otherKey)
                {
                    continue;
                }
                w.GroupPc = pc;
                w.SyncGroup();
                w.Reschedule();
            Reload:
                if (w.Group == 0)
                {
                    return issued;
                }
                pc = w.GroupPc;
                group = w.Group;
                keyBase = KeyBase(w.GroupDepth);
                otherKey = w.OtherKey;
            }
            w.GroupPc = pc;
            return issued;
        }
        finally
        {
            w.Clock += issued;
            _counters.WarpInstructions += issued;
            _counters.ThreadInstructions += threads;
        }
    }

    private WarpFault IllegalFault(in Uop u, uint group) => u.Illegal switch
    {
        IllegalReason.Unsupported => new WarpFault(RuntimeError.UnsupportedInstruction, FirstLane(group),
            $"instruction not supported by target {_ctx.Target.Name}"),
        IllegalReason.PastEnd => new WarpFault(RuntimeError.InvalidControlFlow, FirstLane(group), "execution ran past the end of the kernel"),
        _ => new WarpFault(RuntimeError.IllegalInstruction, FirstLane(group), $"illegal instruction ({_image.IllegalDetail(_current!.GroupPc)})"),
    };

    /// <summary>A divergent branch: taken lanes continue at the target, the others at the next instruction.</summary>
    private static void Split(WarpState w, uint taken, int takenPc, int otherPc)
    {
        uint g = w.Group;
        w.SyncGroup();
        while (g != 0)
        {
            int lane = BitOperations.TrailingZeroCount(g);
            g &= g - 1;
            w.Pc[lane] = (taken & (1u << lane)) != 0 ? takenPc : otherPc;
        }
        w.Reschedule();
    }

    private static void CallDivergent(WarpState w, uint callers, int target, int next)
    {
        uint g = w.Group;
        w.SyncGroup();
        while (g != 0)
        {
            int lane = BitOperations.TrailingZeroCount(g);
            g &= g - 1;
            if ((callers & (1u << lane)) != 0)
            {
                w.Depth[lane]++;
                w.Pc[lane] = target;
            }
            else
            {
                w.Pc[lane] = next;
            }
        }
        w.Reschedule();
    }

    private void Return(WarpState w, in Uop u, uint exec, int pc)
    {
        uint g = w.Group;
        w.SyncGroup();
        int n = _code.Length - 1;
        while (g != 0)
        {
            int lane = BitOperations.TrailingZeroCount(g);
            g &= g - 1;
            if ((exec & (1u << lane)) == 0)
            {
                w.Pc[lane] = pc + 1;
                continue;
            }
            uint address = w.Regs[u.A + lane];
            if (w.Depth[lane] == 0)
            {
                throw new WarpFault(RuntimeError.InvalidControlFlow, lane, "ret at call depth 0");
            }
            if ((address & 7) != 0 || address / 8 >= (uint)n)
            {
                throw new WarpFault(RuntimeError.InvalidControlFlow, lane, $"ret to address 0x{address:X}, which is not an instruction of the kernel");
            }
            w.Depth[lane]--;
            w.Pc[lane] = (int)(address / 8);
        }
        w.Reschedule();
    }

    /// <summary>Executing lanes arrive at a barrier and wait; lanes whose guard is false go on.</summary>
    private void Arrive(WarpState w, in Uop u, uint exec, int pc)
    {
        int id = 0;
        if (u.Op == Opcode.BarSync)
        {
            if (u.Imm > 15)
            {
                throw new WarpFault(RuntimeError.InvalidControlFlow, FirstLane(exec), $"barrier id {u.Imm} is larger than 15");
            }
            id = (int)u.Imm;
            if (exec == w.Group && w.OtherKey == long.MaxValue && w.Waiting == 0)
            {
                // The converged fast path: the whole warp waits; nothing is written per lane.
                w.FastWaitMask = exec;
                w.FastWaitPc = pc;
                w.Waiting = exec;
                w.BarrierWait[id] = exec;
                w.Group = 0;
                _arrived[id] += BitOperations.PopCount(exec);
                return;
            }
        }
        else
        {
            w.BarrierPredicate |= w.Preds[u.C] & exec;
        }
        uint g = w.Group;
        w.SyncGroup();
        uint others = g & ~exec;
        while (others != 0)
        {
            int lane = BitOperations.TrailingZeroCount(others);
            others &= others - 1;
            w.Pc[lane] = pc + 1;
        }
        w.Waiting |= exec;
        w.BarrierWait[id] |= exec;
        _arrived[id] += BitOperations.PopCount(exec);
        w.Reschedule();
    }
}
