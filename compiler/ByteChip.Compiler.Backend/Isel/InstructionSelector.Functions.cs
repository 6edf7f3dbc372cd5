using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>Calls of non-inlined device functions, by <see cref="CallConvention"/>.</summary>
public sealed partial class InstructionSelector
{
    private CallSlots? _ownSlots;

    private static string StoreWidth(ulong size) => size switch { 1 => "B8", 2 => "B16", 4 => "B32", _ => "B64" };

    /// <summary>Entry of a called function: save the link register, load the arguments from the slot area.</summary>
    private void EnterFunction()
    {
        _ownSlots = _context.Calls!.SlotsOf(_ir.Name);
        var save = Emit(Opcode.StLocalB32);
        save.A = MInst.None;
        save.Imm = _ownSlots.Link;
        save.D = MInst.Physical(_context.LinkRegister);
        uint count = LLVMCountParams(_ir.Handle);
        for (uint k = 0; k < count; k++)
        {
            var p = LLVMGetParam(_ir.Handle, k);
            if (_ir.UseCount(p) == 0)
            {
                continue;
            }
            var type = LLVMTypeOf(p);
            var cls = ClassOf(type);
            ulong size = Math.Max(_layout.StoreSizeOf(type), 4);
            int d = NewReg(cls == RegClass.Pred ? RegClass.R32 : cls);
            var ld = Emit(size == 8 ? Opcode.LdLocalB64 : Opcode.LdLocalB32);
            ld.D = d;
            ld.A = MInst.None;
            ld.Imm = _ownSlots.Parameters[k];
            if (LLVMGetTypeKind(type) == LLVMTypeKind.Pointer)
            {
                _addresses[p] = FromRegister(d, SpaceOf(LLVMGetPointerAddressSpace(type)));
            }
            else
            {
                _values[p] = cls == RegClass.Pred ? SetpImm(Opcode.SetpU32Imm, Cmpi.Ne, d, 0) : d;
            }
        }
    }

    /// <summary>Return of a called function: store the result, reload the link, ret.</summary>
    private void ReturnFromFunction(LLVMValueRef ret)
    {
        if (LLVMGetNumOperands(ret) > 0)
        {
            var value = LLVMGetOperand(ret, 0);
            var type = LLVMTypeOf(value);
            int v = LLVMGetTypeKind(type) == LLVMTypeKind.Pointer ? Materialize(AddressOf(value), LLVMGetPointerAddressSpace(type)) : Reg(value);
            var cls = ClassOf(type);
            if (cls == RegClass.Pred)
            {
                v = Selp(RegClass.R32, MovImm32(1), MInst.None, v);
            }
            var st = Emit(cls == RegClass.R64 ? Opcode.StLocalB64 : Opcode.StLocalB32);
            st.A = MInst.None;
            st.Imm = _ownSlots!.Result;
            st.D = v;
        }
        int link = NewReg(RegClass.R32);
        var ld = Emit(Opcode.LdLocalB32);
        ld.D = link;
        ld.A = MInst.None;
        ld.Imm = _ownSlots!.Link;
        Emit(Opcode.Ret).A = link;
    }

    /// <summary>A call of a defined device function: arguments to its slots, call, result from its slot.</summary>
    private bool TrySelectFunctionCall(LLVMValueRef call, LLVMValueRef callee, string name)
    {
        if (_context.Calls is null || !_context.Calls.IsCallable(name))
        {
            return false;
        }
        var slots = _context.Calls.SlotsOf(name);
        uint n = LLVMGetNumArgOperands(call);
        for (uint k = 0; k < n; k++)
        {
            var arg = LLVMGetOperand(call, k);
            var type = LLVMTypeOf(arg);
            int v = LLVMGetTypeKind(type) == LLVMTypeKind.Pointer ? Materialize(AddressOf(arg), LLVMGetPointerAddressSpace(type)) : Reg(arg);
            var cls = ClassOf(type);
            if (cls == RegClass.Pred)
            {
                v = Selp(RegClass.R32, MovImm32(1), MInst.None, v);
            }
            var st = Emit(cls == RegClass.R64 ? Opcode.StLocalB64 : Opcode.StLocalB32);
            st.A = MInst.None;
            st.Imm = slots.Parameters[k];
            st.D = v;
        }
        var c = Emit(Opcode.Call);
        c.D = MInst.Physical(_context.LinkRegister);
        c.CallTarget = name;
        var retType = LLVMTypeOf(call);
        if (LLVMGetTypeKind(retType) != LLVMTypeKind.Void)
        {
            var cls = ClassOf(retType);
            int d = NewReg(cls == RegClass.Pred ? RegClass.R32 : cls);
            var ld = Emit(cls == RegClass.R64 ? Opcode.LdLocalB64 : Opcode.LdLocalB32);
            ld.D = d;
            ld.A = MInst.None;
            ld.Imm = slots.Result;
            if (LLVMGetTypeKind(retType) == LLVMTypeKind.Pointer)
            {
                _addresses[call] = FromRegister(d, SpaceOf(LLVMGetPointerAddressSpace(retType)));
            }
            else
            {
                Define(call, cls == RegClass.Pred ? SetpImm(Opcode.SetpU32Imm, Cmpi.Ne, d, 0) : d);
            }
        }
        _ = callee;
        return true;
    }
}
