using System.Diagnostics;
using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>Handlers of the move group (special registers, selects, activemask, warpsync) and the warp group (shuffles, votes).</summary>
internal sealed partial class BlockExecutor
{
    private void ExecuteMove(WarpState w, in Uop u, uint exec)
    {
        uint[] r = w.Regs;
        switch (u.Op)
        {
            case Opcode.MovB32: Lanes.Move(r, u.D, u.A, exec); return;
            case Opcode.MovB32Imm: Lanes.Fill(r, u.D, u.Imm, exec); return;
            case Opcode.MovB64:
                Lanes.Move(r, u.D, u.A, exec);
                Lanes.Move(r, u.D + 32, u.A + 32, exec);
                return;
            case Opcode.Activemask: Lanes.Fill(r, u.D, exec, exec); return;
            case Opcode.Warpsync: CheckMembers(w, u.A, exec, "warpsync"); return;
        }
        uint c = w.Preds[u.C];
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            bool sel = (c & (1u << l)) != 0;
            switch (u.Op)
            {
                case Opcode.SelpB32: r[u.D + l] = sel ? r[u.A + l] : r[u.B + l]; break;
                case Opcode.SelpB64: Lanes.Set64(r, u.D, l, sel ? Lanes.Get64(r, u.A, l) : Lanes.Get64(r, u.B, l)); break;
                case Opcode.S2r: r[u.D + l] = SpecialRegister(w, u.A, l); break;
                case Opcode.PackB64: Lanes.Set64(r, u.D, l, r[u.A + l] | ((ulong)r[u.B + l] << 32)); break;
                case Opcode.UnpackLoB32: r[u.D + l] = (uint)Lanes.Get64(r, u.A, l); break;
                case Opcode.UnpackHiB32: r[u.D + l] = (uint)(Lanes.Get64(r, u.A, l) >> 32); break;
                default: throw NotImplemented(u);
            }
        }
    }

    private uint SpecialRegister(WarpState w, int sreg, int lane)
    {
        long linear = (w.WarpIndex * 32L) + lane;
        var block = _ctx.Block;
        var grid = _ctx.Grid;
        return (SpecialRegister)sreg switch
        {
            Isa.SpecialRegister.TidX => (uint)(linear % block.X),
            Isa.SpecialRegister.TidY => (uint)(linear / block.X % block.Y),
            Isa.SpecialRegister.TidZ => (uint)(linear / block.X / block.Y),
            Isa.SpecialRegister.NtidX => block.X,
            Isa.SpecialRegister.NtidY => block.Y,
            Isa.SpecialRegister.NtidZ => block.Z,
            Isa.SpecialRegister.CtaidX => _blockIdx.X,
            Isa.SpecialRegister.CtaidY => _blockIdx.Y,
            Isa.SpecialRegister.CtaidZ => _blockIdx.Z,
            Isa.SpecialRegister.NctaidX => grid.X,
            Isa.SpecialRegister.NctaidY => grid.Y,
            Isa.SpecialRegister.NctaidZ => grid.Z,
            Isa.SpecialRegister.Laneid => (uint)lane,
            Isa.SpecialRegister.Warpid => (uint)w.WarpIndex,
            Isa.SpecialRegister.Nwarpid => (uint)_ctx.WarpsPerBlock,
            Isa.SpecialRegister.Smid => (uint)(_blockLinear % _ctx.Target.Multiprocessors),
            Isa.SpecialRegister.Nsmid => (uint)_ctx.Target.Multiprocessors,
            Isa.SpecialRegister.LanemaskEq => 1u << lane,
            Isa.SpecialRegister.LanemaskLt => (1u << lane) - 1,
            Isa.SpecialRegister.LanemaskLe => (uint)((2UL << lane) - 1),
            Isa.SpecialRegister.LanemaskGt => (uint)(~((2UL << lane) - 1)),
            Isa.SpecialRegister.LanemaskGe => ~((1u << lane) - 1),
            Isa.SpecialRegister.Clock => (uint)(w.Clock + _sliceIssued),
            Isa.SpecialRegister.ClockHi => (uint)((w.Clock + _sliceIssued) >> 32),
            Isa.SpecialRegister.GlobaltimerLo => (uint)GlobalTimer(),
            Isa.SpecialRegister.GlobaltimerHi => (uint)(GlobalTimer() >> 32),
            Isa.SpecialRegister.Dynsmem => _ctx.DynamicSharedBytes,
            Isa.SpecialRegister.Smemsize => _ctx.SharedBytes,
            _ => throw new WarpFault(RuntimeError.Internal, lane, $"special register {sreg} has no value"),
        };
    }

    private static ulong GlobalTimer() => (ulong)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));

    /// <summary>Every non-exited lane named in an executing lane's member mask must be executing (else fault).</summary>
    private static void CheckMembers(WarpState w, int maskRow, uint exec, string what)
    {
        uint e = exec;
        while (e != 0)
        {
            int l = BitOperations.TrailingZeroCount(e);
            e &= e - 1;
            uint members = w.Regs[maskRow + l] & ~w.Exited;
            uint missing = members & ~exec;
            if (missing != 0)
            {
                throw new WarpFault(RuntimeError.WarpNotConverged, l,
                    $"warp not converged at {what}: member mask 0x{w.Regs[maskRow + l]:X8} names lanes 0x{missing:X8} that are not executing it");
            }
        }
    }

    private void ExecuteWarp(WarpState w, in Uop u, uint exec)
    {
        switch (u.Op)
        {
            case Opcode.ShflIdxB32:
            case Opcode.ShflUpB32:
            case Opcode.ShflDownB32:
            case Opcode.ShflBflyB32:
                CheckMembers(w, u.E, exec, "shfl");
                Shuffle(w.Regs, u, exec);
                return;
            case Opcode.VoteAll:
            case Opcode.VoteAny:
            case Opcode.VoteUni:
            case Opcode.VoteBallotB32:
                CheckMembers(w, u.E, exec, "vote");
                Vote(w, u, exec);
                return;
            case Opcode.MmaM16n8k16F32Bf16:
            case Opcode.MmaM16n8k16F32F16:
                if (exec != uint.MaxValue)
                {
                    throw new WarpFault(RuntimeError.WarpNotConverged, FirstLane(~exec), $"mma needs all 32 lanes, executing lanes are 0x{exec:X8}");
                }
                MatrixMultiply.Execute(w.Regs, u, u.Op == Opcode.MmaM16n8k16F32Bf16);
                return;
            default:
                MatrixMultiply.DotProduct(w.Regs, u, exec);
                return;
        }
    }

    private static void Shuffle(uint[] r, in Uop u, uint exec)
    {
        Span<uint> a = stackalloc uint[32];
        r.AsSpan(u.A, 32).CopyTo(a);
        while (exec != 0)
        {
            int lane = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            uint b = r[u.B + lane], c = r[u.C + lane];
            int bval = (int)(b & 31), cval = (int)(c & 31), seg = (int)((c >> 8) & 31);
            int maxLane = (lane & seg) | (cval & ~seg), minLane = lane & seg;
            int j;
            bool valid;
            switch (u.Op)
            {
                case Opcode.ShflUpB32: j = lane - bval; valid = j >= maxLane; break;
                case Opcode.ShflDownB32: j = lane + bval; valid = j <= maxLane; break;
                case Opcode.ShflBflyB32: j = lane ^ bval; valid = j <= maxLane; break;
                default: j = minLane | (bval & ~seg); valid = j <= maxLane; break;
            }
            r[u.D + lane] = valid ? a[j] : a[lane];
        }
    }

    private static void Vote(WarpState w, in Uop u, uint exec)
    {
        uint c = w.Preds[u.C];
        uint bits = 0;
        uint e = exec;
        while (e != 0)
        {
            int lane = BitOperations.TrailingZeroCount(e);
            e &= e - 1;
            uint members = w.Regs[u.E + lane] & exec;
            uint truth = c & members;
            switch (u.Op)
            {
                case Opcode.VoteBallotB32: w.Regs[u.D + lane] = truth; break;
                case Opcode.VoteAll: bits |= truth == members ? 1u << lane : 0; break;
                case Opcode.VoteAny: bits |= truth != 0 ? 1u << lane : 0; break;
                default: bits |= truth == 0 || truth == members ? 1u << lane : 0; break;
            }
        }
        if (u.Op != Opcode.VoteBallotB32)
        {
            Lanes.SetPredicate(w, u.D, bits, exec);
        }
    }
}
