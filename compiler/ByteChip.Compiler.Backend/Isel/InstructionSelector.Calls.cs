using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

public sealed partial class InstructionSelector
{
    private static readonly Dictionary<string, SpecialRegister> s_sregs = new(StringComparer.Ordinal)
    {
        ["tid.x"] = SpecialRegister.TidX, ["tid.y"] = SpecialRegister.TidY, ["tid.z"] = SpecialRegister.TidZ,
        ["ntid.x"] = SpecialRegister.NtidX, ["ntid.y"] = SpecialRegister.NtidY, ["ntid.z"] = SpecialRegister.NtidZ,
        ["ctaid.x"] = SpecialRegister.CtaidX, ["ctaid.y"] = SpecialRegister.CtaidY, ["ctaid.z"] = SpecialRegister.CtaidZ,
        ["nctaid.x"] = SpecialRegister.NctaidX, ["nctaid.y"] = SpecialRegister.NctaidY, ["nctaid.z"] = SpecialRegister.NctaidZ,
        ["laneid"] = SpecialRegister.Laneid, ["warpid"] = SpecialRegister.Warpid, ["nwarpid"] = SpecialRegister.Nwarpid,
        ["smid"] = SpecialRegister.Smid, ["nsmid"] = SpecialRegister.Nsmid,
        ["lanemask.eq"] = SpecialRegister.LanemaskEq, ["lanemask.lt"] = SpecialRegister.LanemaskLt, ["lanemask.le"] = SpecialRegister.LanemaskLe,
        ["lanemask.gt"] = SpecialRegister.LanemaskGt, ["lanemask.ge"] = SpecialRegister.LanemaskGe,
        ["clock"] = SpecialRegister.Clock, ["dynamic_smem_size"] = SpecialRegister.Dynsmem, ["total_smem_size"] = SpecialRegister.Smemsize,
    };

    /// <summary>Intrinsics that carry no code.</summary>
    private static bool IsNoOp(string name) =>
        name.StartsWith("llvm.lifetime.", StringComparison.Ordinal) || name.StartsWith("llvm.dbg.", StringComparison.Ordinal)
        || name is "llvm.assume" or "llvm.donothing" or "llvm.sideeffect" or "llvm.experimental.noalias.scope.decl"
        || name.StartsWith("llvm.var.annotation", StringComparison.Ordinal) || name.StartsWith("llvm.invariant.", StringComparison.Ordinal)
        || name.StartsWith("llvm.launder.invariant", StringComparison.Ordinal);

    private LLVMValueRef Arg(LLVMValueRef call, uint index) => LLVMGetOperand(call, index);

    private void SelectCall(LLVMValueRef call)
    {
        var callee = LLVMGetCalledValue(call);
        if (LLVMIsAFunction(callee).IsNull)
        {
            throw Unsupported(BackendErrors.UnsupportedCall, "indirect calls and inline assembly are not supported");
        }
        var name = LlvmText.NameOf(callee);
        if (IsNoOp(name))
        {
            return;
        }
        if (name.StartsWith("llvm.nvvm.read.ptx.sreg.", StringComparison.Ordinal))
        {
            var sreg = name["llvm.nvvm.read.ptx.sreg.".Length..];
            switch (sreg)
            {
                case "warpsize":
                    Define(call, MovImm32(32));
                    return;
                case "clock64" or "globaltimer":
                {
                    bool clock = sreg == "clock64";
                    int lo = ReadSpecial(clock ? SpecialRegister.Clock : SpecialRegister.GlobaltimerLo);
                    int hi = ReadSpecial(clock ? SpecialRegister.ClockHi : SpecialRegister.GlobaltimerHi);
                    Define(call, Binary(Opcode.PackB64, RegClass.R64, lo, hi));
                    return;
                }
            }
            if (s_sregs.TryGetValue(sreg, out var sr))
            {
                Define(call, ReadSpecial(sr));
                return;
            }
            throw Unsupported(BackendErrors.UnsupportedIntrinsic, $"special register '{sreg}' does not exist on ByteChip");
        }
        switch (name)
        {
            case "llvm.nvvm.barrier0":
                Emit(Opcode.BarSync).Imm = 0;
                return;
            case "llvm.nvvm.barrier.sync" or "llvm.nvvm.barrier.sync.cnt" or "llvm.nvvm.barrier.n":
                if (!TryConstInt(Arg(call, 0), out var id) || id is < 0 or > 15)
                {
                    throw Unsupported(BackendErrors.UnsupportedIntrinsic, "barrier ids must be constants in 0..15");
                }
                Emit(Opcode.BarSync).Imm = (uint)id;
                return;
            case "llvm.nvvm.barrier0.popc":
            {
                int d = NewReg(RegClass.R32);
                int c = SetpImm(Opcode.SetpU32Imm, Cmpi.Ne, Reg(Arg(call, 0)), 0);
                var i = Emit(Opcode.BarRedPopcU32);
                i.D = d;
                i.C = c;
                Define(call, d);
                return;
            }
            case "llvm.nvvm.barrier0.and" or "llvm.nvvm.barrier0.or":
            {
                int p = NewReg(RegClass.Pred);
                int c = SetpImm(Opcode.SetpU32Imm, Cmpi.Ne, Reg(Arg(call, 0)), 0);
                var i = Emit(name.EndsWith("and", StringComparison.Ordinal) ? Opcode.BarRedAnd : Opcode.BarRedOr);
                i.D = p;
                i.C = c;
                Define(call, Selp(RegClass.R32, MovImm32(1), MInst.None, p));
                return;
            }
            case "llvm.nvvm.bar.warp.sync":
            {
                int mask = Reg(Arg(call, 0));
                Emit(Opcode.Warpsync).A = mask;
                return;
            }
            case "llvm.nvvm.membar.cta" or "llvm.nvvm.fence.sc.cta" or "llvm.nvvm.fence.acq_rel.cta":
                Emit(Opcode.Membar).M = (byte)Membar.Cta;
                return;
            case "llvm.nvvm.membar.gl" or "llvm.nvvm.fence.sc.gpu" or "llvm.nvvm.fence.acq_rel.gpu":
                Emit(Opcode.Membar).M = (byte)Membar.Gl;
                return;
            case "llvm.nvvm.membar.sys" or "llvm.nvvm.fence.sc.sys" or "llvm.nvvm.fence.acq_rel.sys":
                Emit(Opcode.Membar).M = (byte)Membar.Sys;
                return;
            case "llvm.nvvm.activemask":
                Define(call, Unary(Opcode.Activemask, RegClass.R32, MInst.None));
                return;
            case "llvm.trap" or "llvm.nvvm.trap" or "llvm.debugtrap" or "__assertfail":
                Emit(Opcode.Trap).Imm = 0;
                return;
        }
        if (name.StartsWith("llvm.nvvm.shfl.sync.", StringComparison.Ordinal))
        {
            SelectShuffle(call, name);
            return;
        }
        if (name.StartsWith("llvm.nvvm.vote.", StringComparison.Ordinal))
        {
            SelectVote(call, name);
            return;
        }
        if (name.StartsWith("llvm.memcpy", StringComparison.Ordinal) || name.StartsWith("llvm.memmove", StringComparison.Ordinal) || name.StartsWith("llvm.memset", StringComparison.Ordinal))
        {
            SelectMemoryIntrinsic(call, name);
            return;
        }
        if (name is "__bytechip_dp4a_s32" or "__bytechip_dp4a_u32")
        {
            if (!_layout.Target.Has(Feature.Dp4a))
            {
                throw Unsupported(BackendErrors.FeatureNotOnTarget, $"__dp4a needs the dp4a instruction, which target {_layout.Target.Name} does not have");
            }
            int a = Reg(Arg(call, 0)), b = Reg(Arg(call, 1)), c = Reg(Arg(call, 2));
            Define(call, Ternary(name.EndsWith("s32", StringComparison.Ordinal) ? Opcode.Dp4aS32S8S8 : Opcode.Dp4aU32U8U8, RegClass.R32, a, b, c));
            return;
        }
        if (IntegerIntrinsics.TrySelect(this, call, name) || MathLowering.TrySelect(this, call, name))
        {
            return;
        }
        if (TrySelectFunctionCall(call, callee, name))
        {
            return;
        }
        if (name.StartsWith("llvm.", StringComparison.Ordinal))
        {
            throw Unsupported(BackendErrors.UnsupportedIntrinsic, $"the intrinsic '{name}' is not supported by the ByteChip backend");
        }
        throw Unsupported(BackendErrors.UnsupportedCall, LLVMIsDeclaration(callee) != 0
            ? $"call to '{name}', which is not defined in this module and is not a ByteChip built-in"
            : $"call to '{name}', which the backend cannot call");
    }

    private int ReadSpecial(SpecialRegister sr)
    {
        int d = NewReg(RegClass.R32);
        var i = Emit(Opcode.S2r);
        i.D = d;
        i.A = (int)sr; // a special-register number: s2r's 'a' operand is not a register
        return d;
    }

    private void SelectShuffle(LLVMValueRef call, string name)
    {
        // llvm.nvvm.shfl.sync.{idx,up,down,bfly}.{i32,f32}(mask, value, b, c)
        var parts = name["llvm.nvvm.shfl.sync.".Length..].Split('.');
        if (parts.Length != 2 || parts[1] is not ("i32" or "f32"))
        {
            throw Unsupported(BackendErrors.UnsupportedIntrinsic, $"'{name}' (shuffles with a validity predicate are not supported)");
        }
        var op = parts[0] switch
        {
            "idx" => Opcode.ShflIdxB32,
            "up" => Opcode.ShflUpB32,
            "down" => Opcode.ShflDownB32,
            _ => Opcode.ShflBflyB32,
        };
        int d = NewReg(RegClass.R32);
        int mask = Reg(Arg(call, 0)), value = Reg(Arg(call, 1)), b = Reg(Arg(call, 2)), c = Reg(Arg(call, 3));
        var i = Emit(op);
        i.E = mask;
        i.A = value;
        i.B = b;
        i.C = c;
        i.D = d;
        Define(call, d);
    }

    private void SelectVote(LLVMValueRef call, string name)
    {
        // llvm.nvvm.vote.{all,any,uni,ballot}.sync(mask, pred)
        var kind = name["llvm.nvvm.vote.".Length..];
        int mask = Reg(Arg(call, 0));
        int pred = Reg(Arg(call, 1));
        if (kind == "ballot.sync")
        {
            int d = NewReg(RegClass.R32);
            var b = Emit(Opcode.VoteBallotB32);
            b.D = d;
            b.C = pred;
            b.E = mask;
            Define(call, d);
            return;
        }
        var op = kind switch
        {
            "all.sync" => Opcode.VoteAll,
            "any.sync" => Opcode.VoteAny,
            "uni.sync" => Opcode.VoteUni,
            _ => throw Unsupported(BackendErrors.UnsupportedIntrinsic, $"'{name}'"),
        };
        int p = NewReg(RegClass.Pred);
        var i = Emit(op);
        i.D = p;
        i.C = pred;
        i.E = mask;
        Define(call, p);
    }

    /// <summary>memcpy/memmove/memset with a constant size: unrolled by the largest access the alignment allows.</summary>
    private void SelectMemoryIntrinsic(LLVMValueRef call, string name)
    {
        bool set = name.StartsWith("llvm.memset", StringComparison.Ordinal);
        var dst = AddressOf(Arg(call, 0));
        if (!TryConstInt(Arg(call, 2), out var size) || size < 0 || size > 4096)
        {
            throw Unsupported(BackendErrors.UnsupportedIntrinsic, $"'{name}' with a variable or large size (the optimizer expands these into loops; use a loop)");
        }
        if (set)
        {
            int byteValue = Reg(Arg(call, 1));
            int word = TryConstInt(Arg(call, 1), out var bv) ? MovImm32((uint)((byte)bv * 0x01010101u)) : BinaryImm(Opcode.MulLoU32Imm, RegClass.R32, ZeroExtend(byteValue, 8), 0x01010101);
            for (long off = 0; off < size;)
            {
                int step = size - off >= 4 && (dst.Offset + off) % 4 == 0 && dst.Base == MInst.None ? 4 : 1;
                var (b, o) = MemoryOperand(dst with { Offset = dst.Offset + off });
                var st = Emit(Op($"St{dst.Space}{(step == 4 ? "B32" : "B8")}"));
                st.A = b;
                st.Imm = o;
                st.D = word;
                off += step;
            }
            return;
        }
        var src = AddressOf(Arg(call, 1));
        var temps = new List<(int Reg, long Offset, int Step)>();
        for (long off = 0; off < size;)
        {
            int step = 1;
            var (b, o) = MemoryOperand(src with { Offset = src.Offset + off });
            int t = NewReg(RegClass.R32);
            var ld = Emit(Op($"Ld{src.Space}U8"));
            ld.D = t;
            ld.A = b;
            ld.Imm = o;
            temps.Add((t, off, step));
            off += step;
        }
        foreach (var (t, off, _) in temps)
        {
            var (b, o) = MemoryOperand(dst with { Offset = dst.Offset + off });
            var st = Emit(Op($"St{dst.Space}B8"));
            st.A = b;
            st.Imm = o;
            st.D = t;
        }
    }

    // Accessors for MathLowering.
    internal int RegOf(LLVMValueRef v) => Reg(v);

    internal void DefineValue(LLVMValueRef v, int reg) => Define(v, reg);

    /// <summary>The two fields of an intrinsic's {value, flag} result, read by the extractvalues that follow.</summary>
    internal void DefinePair(LLVMValueRef v, int first, int second) => _pairs[v] = (first, second);

    internal int EmitUnary(Opcode op, RegClass cls, int a, byte modifier = 0) => Unary(op, cls, a, modifier);

    internal int EmitBinary(Opcode op, RegClass cls, int a, int b) => Binary(op, cls, a, b);

    internal int EmitBinaryImm(Opcode op, RegClass cls, int a, uint imm) => BinaryImm(op, cls, a, imm);

    internal int EmitTernary(Opcode op, RegClass cls, int a, int b, int c) => Ternary(op, cls, a, b, c);

    internal int EmitSetp(Opcode op, byte cmp, int a, int b) => Setp(op, cmp, a, b);

    internal int EmitSelp(RegClass cls, int a, int b, int pred) => Selp(cls, a, b, pred);

    internal int EmitMovImm32(uint value) => MovImm32(value);

    internal int EmitMovImm64(ulong value) => MovImm64(value);

    internal int EmitFloatCompareImm(Cmpf cmp, int a, float imm)
    {
        int p = NewReg(RegClass.Pred);
        var i = Emit(Opcode.SetpF32Imm);
        i.Pd = p;
        i.A = a;
        i.Imm = BitConverter.SingleToUInt32Bits(imm);
        i.M = (byte)cmp;
        return p;
    }

    internal int Extend(int reg, int bits, bool signed) => signed ? SignExtend(reg, bits) : ZeroExtend(reg, bits);

    internal int EmitPred(Opcode op, int a, int b) => PredBinary(op, a, b);

    internal int EmitPredNot(int a) => PredNot(a);

    internal int EmitPredConst(bool value) => PredConst(value);

    internal int EmitSetpImm(Opcode op, Cmpi cmp, int a, uint imm) => SetpImm(op, cmp, a, imm);
}
