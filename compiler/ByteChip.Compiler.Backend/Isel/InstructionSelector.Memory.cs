using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>The memory a pointer is known to point into.</summary>
public enum MemSpace : byte
{
    Generic,
    Global,
    Shared,
    Local,
    Const,
    Param,
}

/// <summary>
/// A pointer as the selector knows it: the space, a base register (a pair for generic/global, 32-bit
/// otherwise; -1 for none) and a constant byte offset.
/// </summary>
public readonly record struct Address(MemSpace Space, int Base, long Offset)
{
    public bool Is64 => Space is MemSpace.Generic or MemSpace.Global;
}

public sealed partial class InstructionSelector
{
    private static readonly Dictionary<string, Opcode> s_opcodes = Enum.GetValues<Opcode>().ToDictionary(o => o.ToString(), StringComparer.Ordinal);

    private static Opcode Op(string name) =>
        s_opcodes.TryGetValue(name, out var op) ? op : throw new InvalidOperationException($"the ISA has no opcode {name}");

    private static MemSpace SpaceOf(uint addressSpace) => addressSpace switch
    {
        AddressSpaces.Global => MemSpace.Global,
        AddressSpaces.Shared => MemSpace.Shared,
        AddressSpaces.Constant => MemSpace.Const,
        AddressSpaces.Local => MemSpace.Local,
        AddressSpaces.Param => MemSpace.Param,
        _ => MemSpace.Generic,
    };

    /// <summary>What a pointer value points to.</summary>
    private Address AddressOf(LLVMValueRef p)
    {
        if (_addresses.TryGetValue(p, out var a))
        {
            return a;
        }
        var type = LLVMTypeOf(p);
        uint space = LLVMGetPointerAddressSpace(type);
        if (_values.TryGetValue(p, out var reg))
        {
            return FromRegister(reg, SpaceOf(space));
        }
        switch (LLVMGetValueKind(p))
        {
            case LLVMValueKind.GlobalVariable:
                return GlobalAddress(p, space);
            case LLVMValueKind.ConstantPointerNull or LLVMValueKind.UndefValue or LLVMValueKind.PoisonValue:
                return new Address(SpaceOf(space), MInst.None, 0);
            case LLVMValueKind.ConstantExpr:
                return ConstantExprAddress(p);
            default:
                throw Unsupported(BackendErrors.UnsupportedInstruction, $"cannot take the address {LlvmText.Print(p)}");
        }
    }

    private Address FromRegister(int reg, MemSpace space)
    {
        bool wide = space is MemSpace.Generic or MemSpace.Global;
        if (!wide && reg != MInst.None && _f.ClassOf(reg) == RegClass.R64)
        {
            reg = Unary(Opcode.UnpackLoB32, RegClass.R32, reg);
        }
        return new Address(space, reg, 0);
    }

    private Address GlobalAddress(LLVMValueRef g, uint space)
    {
        if (space == AddressSpaces.Shared)
        {
            return new Address(MemSpace.Shared, MInst.None, _context.SharedOffsets[g]);
        }
        if (_layout.ConstantOf(g) is { } c)
        {
            return new Address(MemSpace.Const, MInst.None, (long)c.Offset);
        }
        if (_layout.GlobalOf(g) is { } global)
        {
            int lo = NewReg(RegClass.R32), hi = NewReg(RegClass.R32);
            var l = Emit(Opcode.MovB32Imm);
            l.D = lo;
            l.Relocation = new BcRelocation(BcRelocationKind.ImmLo32, 0, global.Name);
            var h = Emit(Opcode.MovB32Imm);
            h.D = hi;
            h.Relocation = new BcRelocation(BcRelocationKind.ImmHi32, 0, global.Name);
            return new Address(MemSpace.Global, Binary(Opcode.PackB64, RegClass.R64, lo, hi), 0);
        }
        throw Unsupported(BackendErrors.UnsupportedGlobal, $"global '{LlvmText.NameOf(g)}' is declared but not defined in this module (external device variables are not supported)");
    }

    private Address ConstantExprAddress(LLVMValueRef c)
    {
        switch (LLVMGetConstOpcode(c))
        {
            case LLVMOpcode.AddrSpaceCast or LLVMOpcode.BitCast:
                return CastAddress(AddressOf(LLVMGetOperand(c, 0)), LLVMGetPointerAddressSpace(LLVMTypeOf(c)));
            case LLVMOpcode.GetElementPtr:
                return Gep(c);
            case LLVMOpcode.IntToPtr when TryConstInt(LLVMGetOperand(c, 0), out var value):
                return new Address(SpaceOf(LLVMGetPointerAddressSpace(LLVMTypeOf(c))), MInst.None, value);
            default:
                throw Unsupported(BackendErrors.UnsupportedInstruction, $"unsupported constant pointer expression {LlvmText.Print(c)}");
        }
    }

    /// <summary>An addrspacecast: the concrete space is kept when it is known; generic becomes specific by conversion.</summary>
    private Address CastAddress(Address a, uint toSpace)
    {
        var to = SpaceOf(toSpace);
        if (to == MemSpace.Generic || to == a.Space)
        {
            return a;
        }
        if (a.Space is MemSpace.Generic or MemSpace.Global && to == MemSpace.Global)
        {
            return a with { Space = MemSpace.Global };
        }
        if (a.Space is MemSpace.Generic && to is MemSpace.Shared or MemSpace.Local)
        {
            int v = ValueIn(a);
            return new Address(to, Unary(to == MemSpace.Shared ? Opcode.CvtaFromGenericShared : Opcode.CvtaFromGenericLocal, RegClass.R32, v), 0);
        }
        if (a.Space is MemSpace.Generic && to is MemSpace.Const or MemSpace.Param)
        {
            throw Unsupported(BackendErrors.UnresolvedConstantPointer, "a generic pointer is cast to constant or parameter memory, which generic addresses cannot reach");
        }
        return a with { Space = to };
    }

    /// <summary>The address as a register in its own space's representation (a pair for generic/global, else 32-bit).</summary>
    private int ValueIn(Address a)
    {
        if (a.Is64)
        {
            if (a.Offset == 0)
            {
                return a.Base;
            }
            return a.Offset is >= int.MinValue and <= int.MaxValue
                ? BinaryImm(Opcode.AddU64Imm, RegClass.R64, a.Base, unchecked((uint)(int)a.Offset))
                : Binary(Opcode.AddU64, RegClass.R64, a.Base, MovImm64((ulong)a.Offset));
        }
        if (a.Offset == 0)
        {
            return a.Base;
        }
        return a.Base == MInst.None ? MovImm32((uint)a.Offset) : BinaryImm(Opcode.AddU32Imm, RegClass.R32, a.Base, (uint)a.Offset);
    }

    /// <summary>A pointer value of address space <paramref name="addressSpace"/> in a register.</summary>
    private int Materialize(Address a, uint addressSpace)
    {
        int v = ValueIn(a);
        var want = SpaceOf(addressSpace);
        int bytes = (int)_layout.PointerBytes(addressSpace);
        if (want == MemSpace.Generic && !a.Is64)
        {
            v = a.Space switch
            {
                MemSpace.Shared => Unary(Opcode.CvtaToGenericShared, RegClass.R64, v),
                MemSpace.Local => Unary(Opcode.CvtaToGenericLocal, RegClass.R64, v),
                _ => throw Unsupported(BackendErrors.UnresolvedConstantPointer,
                    "a pointer to __constant__ or parameter memory is used as a generic pointer; ByteChip's generic address space does not cover them (pass the data through global memory or keep the pointer's origin visible)"),
            };
            return v;
        }
        if (!a.Is64 && bytes == 8)
        {
            return Unary(Opcode.CvtU64U32, RegClass.R64, v);
        }
        return v;
    }

    /// <summary>GEP: base address plus constant and scaled variable offsets.</summary>
    private Address Gep(LLVMValueRef gep)
    {
        var a = AddressOf(LLVMGetOperand(gep, 0));
        var type = LLVMGetGEPSourceElementType(gep);
        int n = LLVMGetNumOperands(gep);
        for (uint k = 1; k < n; k++)
        {
            var index = LLVMGetOperand(gep, k);
            ulong scale;
            if (k == 1)
            {
                scale = _layout.SizeOf(type);
            }
            else if (LLVMGetTypeKind(type) == LLVMTypeKind.Struct)
            {
                TryConstInt(index, out var field);
                a = a with { Offset = a.Offset + (long)_layout.OffsetOf(type, (uint)field) };
                type = LLVMStructGetTypeAtIndex(type, (uint)field);
                continue;
            }
            else
            {
                type = LLVMGetElementType(type);
                scale = _layout.SizeOf(type);
            }
            if (TryConstInt(index, out var c))
            {
                a = a with { Offset = a.Offset + c * (long)scale };
                continue;
            }
            a = AddScaled(a, index, scale);
        }
        return a;
    }

    private Address AddScaled(Address a, LLVMValueRef index, ulong scale)
    {
        int bits = IntBits(LLVMTypeOf(index));
        if (a.Is64)
        {
            int scaled;
            // sext/zext from 32 bits: one widening multiply.
            if (!LLVMIsAInstruction(index).IsNull && LLVMGetInstructionOpcode(index) is LLVMOpcode.SExt or LLVMOpcode.ZExt
                && IntBits(LLVMTypeOf(LLVMGetOperand(index, 0))) == 32 && scale <= int.MaxValue)
            {
                bool signed = LLVMGetInstructionOpcode(index) == LLVMOpcode.SExt;
                int narrow = Reg(LLVMGetOperand(index, 0));
                scaled = scale == 1
                    ? Unary(signed ? Opcode.CvtS64S32 : Opcode.CvtU64U32, RegClass.R64, narrow)
                    : BinaryImm(signed ? Opcode.MulWideS32Imm : Opcode.MulWideU32Imm, RegClass.R64, narrow, (uint)scale);
            }
            else if (bits <= 32)
            {
                scaled = BinaryImm(Opcode.MulWideS32Imm, RegClass.R64, SignExtend(Reg(index), bits), (uint)scale);
            }
            else
            {
                int r = Reg(index);
                scaled = scale == 1 ? r : System.Numerics.BitOperations.IsPow2(scale)
                    ? BinaryImm(Opcode.ShlB64Imm, RegClass.R64, r, (uint)System.Numerics.BitOperations.Log2(scale))
                    : Binary(Opcode.MulLoU64, RegClass.R64, r, MovImm64(scale));
            }
            return a with { Base = a.Base == MInst.None ? scaled : Binary(Opcode.AddU64, RegClass.R64, a.Base, scaled) };
        }
        int idx = Reg(index);
        if (bits == 64)
        {
            idx = Unary(Opcode.UnpackLoB32, RegClass.R32, idx);
        }
        else if (bits < 32)
        {
            idx = SignExtend(idx, bits);
        }
        int s32 = scale == 1 ? idx : System.Numerics.BitOperations.IsPow2(scale)
            ? BinaryImm(Opcode.ShlB32Imm, RegClass.R32, idx, (uint)System.Numerics.BitOperations.Log2(scale))
            : BinaryImm(Opcode.MulLoU32Imm, RegClass.R32, idx, (uint)scale);
        return a with { Base = a.Base == MInst.None ? s32 : Binary(Opcode.AddU32, RegClass.R32, a.Base, s32) };
    }

    /// <summary>Base register and immediate offset for a memory instruction.</summary>
    private (int Base, uint Offset) MemoryOperand(Address a)
    {
        if (a.Offset is >= int.MinValue and <= int.MaxValue)
        {
            return (a.Base, unchecked((uint)(int)a.Offset));
        }
        return (ValueIn(a), 0);
    }

    private static string Width(ulong size, bool signed) => size switch
    {
        1 => signed ? "S8" : "U8",
        2 => signed ? "S16" : "U16",
        4 => "B32",
        8 => "B64",
        _ => "B128",
    };

    private void SelectLoad(LLVMValueRef inst)
    {
        var pointer = LLVMGetOperand(inst, 0);
        var type = LLVMTypeOf(inst);
        var a = AddressOf(pointer);
        ulong size = _layout.StoreSizeOf(type);
        if (size is not (1 or 2 or 4 or 8) || LLVMGetTypeKind(type) is LLVMTypeKind.Struct or LLVMTypeKind.Array or LLVMTypeKind.Vector)
        {
            throw Unsupported(BackendErrors.UnsupportedType, $"loads of {LlvmText.Print(type)} are not supported");
        }
        var cls = ClassOf(type);
        var (baseReg, offset) = MemoryOperand(a);
        int d = NewReg(cls == RegClass.Pred ? RegClass.R32 : cls);
        var i = Emit(Op($"Ld{a.Space}{Width(size, false)}"));
        i.D = d;
        i.A = baseReg;
        i.Imm = offset;
        if (LLVMGetVolatile(inst) != 0 || LLVMGetOrdering(inst) != LLVMAtomicOrdering.NotAtomic)
        {
            // Accesses execute in order in the model; volatile and atomic loads need nothing more.
        }
        if (cls == RegClass.Pred)
        {
            Define(inst, SetpImm(Opcode.SetpU32Imm, Cmpi.Ne, d, 0));
            return;
        }
        if (LLVMGetTypeKind(type) == LLVMTypeKind.Pointer)
        {
            _addresses[inst] = FromRegister(d, SpaceOf(LLVMGetPointerAddressSpace(type)));
        }
        Define(inst, d);
    }

    private void SelectStore(LLVMValueRef inst)
    {
        var value = LLVMGetOperand(inst, 0);
        var type = LLVMTypeOf(value);
        var a = AddressOf(LLVMGetOperand(inst, 1));
        if (a.Space is MemSpace.Const or MemSpace.Param)
        {
            throw Unsupported(BackendErrors.UnsupportedInstruction, $"a store to {a.Space.ToString().ToLowerInvariant()} memory, which is read only");
        }
        ulong size = _layout.StoreSizeOf(type);
        if (size is not (1 or 2 or 4 or 8) || LLVMGetTypeKind(type) is LLVMTypeKind.Struct or LLVMTypeKind.Array or LLVMTypeKind.Vector)
        {
            throw Unsupported(BackendErrors.UnsupportedType, $"stores of {LlvmText.Print(type)} are not supported");
        }
        int v = Reg(value);
        if (ClassOf(type) == RegClass.Pred)
        {
            v = Selp(RegClass.R32, MovImm32(1), MInst.None, v);
        }
        var (baseReg, offset) = MemoryOperand(a);
        string width = size switch { 1 => "B8", 2 => "B16", 4 => "B32", _ => "B64" };
        var i = Emit(Op($"St{a.Space}{width}"));
        i.A = baseReg;
        i.Imm = offset;
        i.D = v;
    }

    private void SelectAlloca(LLVMValueRef inst)
    {
        var type = LLVMGetAllocatedType(inst);
        if (!TryConstInt(LLVMGetOperand(inst, 0), out var count) || count < 0)
        {
            throw Unsupported(BackendErrors.UnsupportedInstruction, "variable-sized stack allocations are not supported");
        }
        ulong size = _layout.SizeOf(type) * (ulong)count;
        uint align = Math.Max(LLVMGetAlignment(inst), _layout.AlignOf(type));
        uint offset = _f.AllocateFrame((uint)size, align);
        if (_f.FrameBytes > _layout.Target.LocalBytesPerThread)
        {
            throw Unsupported(BackendErrors.UnsupportedInstruction, $"the kernel needs {_f.FrameBytes} bytes of local memory per thread; target {_layout.Target.Name} allows {_layout.Target.LocalBytesPerThread}");
        }
        _addresses[inst] = new Address(MemSpace.Local, MInst.None, offset);
    }

    private void SelectAtomicRmw(LLVMValueRef inst)
    {
        var a = AddressOf(LLVMGetOperand(inst, 0));
        var value = LLVMGetOperand(inst, 1);
        var type = LLVMTypeOf(value);
        var kind = LLVMGetTypeKind(type);
        bool wide = _layout.StoreSizeOf(type) == 8;
        int v = Reg(value);
        string name = LLVMGetAtomicRMWBinOp(inst) switch
        {
            LLVMAtomicRMWBinOp.Add => wide ? "AddU64" : "AddU32",
            LLVMAtomicRMWBinOp.Sub => wide ? "AddU64" : "AddU32",
            LLVMAtomicRMWBinOp.FAdd => wide ? "AddF64" : "AddF32",
            LLVMAtomicRMWBinOp.FSub => wide ? "AddF64" : "AddF32",
            LLVMAtomicRMWBinOp.Xchg => wide ? "ExchB64" : "ExchB32",
            LLVMAtomicRMWBinOp.And => wide ? "AndB64" : "AndB32",
            LLVMAtomicRMWBinOp.Or => wide ? "OrB64" : "OrB32",
            LLVMAtomicRMWBinOp.Xor => wide ? "XorB64" : "XorB32",
            LLVMAtomicRMWBinOp.Max => wide ? "MaxS64" : "MaxS32",
            LLVMAtomicRMWBinOp.Min => wide ? "MinS64" : "MinS32",
            LLVMAtomicRMWBinOp.UMax => wide ? "MaxU64" : "MaxU32",
            LLVMAtomicRMWBinOp.UMin => wide ? "MinU64" : "MinU32",
            LLVMAtomicRMWBinOp.UIncWrap when !wide => "IncU32",
            LLVMAtomicRMWBinOp.UDecWrap when !wide => "DecU32",
            var op => throw Unsupported(BackendErrors.UnsupportedInstruction, $"atomic {op} on {LlvmText.Print(type)} is not supported"),
        };
        if (kind == LLVMTypeKind.Integer && IntBits(type) < 32)
        {
            throw Unsupported(BackendErrors.UnsupportedType, "atomics on 8- and 16-bit integers are not supported");
        }
        switch (LLVMGetAtomicRMWBinOp(inst))
        {
            case LLVMAtomicRMWBinOp.Sub:
                v = Unary(wide ? Opcode.NegS64 : Opcode.NegS32, wide ? RegClass.R64 : RegClass.R32, v);
                break;
            case LLVMAtomicRMWBinOp.FSub:
                v = Unary(wide ? Opcode.NegF64 : Opcode.NegF32, wide ? RegClass.R64 : RegClass.R32, v);
                break;
        }
        var space = AtomicSpace(a);
        int addr = ValueIn(space);
        int d = NewReg(wide ? RegClass.R64 : RegClass.R32);
        var i = Emit(Op($"Atom{space.Space}{name}"));
        i.D = d;
        i.A = addr;
        i.B = v;
        Define(inst, d);
    }

    private readonly Dictionary<LLVMValueRef, (int Old, int Success)> _cmpxchg = [];

    private void SelectCmpXchg(LLVMValueRef inst)
    {
        var a = AtomicSpace(AddressOf(LLVMGetOperand(inst, 0)));
        var cmp = LLVMGetOperand(inst, 1);
        bool wide = _layout.StoreSizeOf(LLVMTypeOf(cmp)) == 8;
        var cls = wide ? RegClass.R64 : RegClass.R32;
        int expected = Reg(cmp);
        int addr = ValueIn(a);
        int replacement = Reg(LLVMGetOperand(inst, 2));
        int d = NewReg(cls);
        var i = Emit(Op($"Atom{a.Space}Cas{(wide ? "B64" : "B32")}"));
        i.D = d;
        i.A = addr;
        i.B = expected;
        i.C = replacement;
        int ok = NewReg(RegClass.Pred);
        var s = Emit(wide ? Opcode.SetpU64 : Opcode.SetpU32);
        s.Pd = ok;
        s.A = d;
        s.B = expected;
        s.M = (byte)Cmpi.Eq;
        _cmpxchg[inst] = (d, ok);
    }

    private Address AtomicSpace(Address a) => a.Space switch
    {
        MemSpace.Global or MemSpace.Shared or MemSpace.Generic => a,
        MemSpace.Local => throw Unsupported(BackendErrors.UnsupportedInstruction, "atomics on local variables are not supported (ByteChip atomics work on global and shared memory)"),
        _ => throw Unsupported(BackendErrors.UnsupportedInstruction, "atomics on read-only memory"),
    };
}
