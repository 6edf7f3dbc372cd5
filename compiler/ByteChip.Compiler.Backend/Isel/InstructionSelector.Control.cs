using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

public sealed partial class InstructionSelector
{
    private readonly HashSet<MBlock> _edgeBlocks = [];

    /// <summary>
    /// Loads every used kernel parameter from the parameter space at entry. Layout: each parameter at the
    /// next offset aligned to its ABI alignment (the order of the signature); pointers to global memory
    /// become global addresses, byval aggregates stay in the parameter space and are read in place.
    /// </summary>
    private void LoadParameters()
    {
        var f = _ir.Handle;
        uint count = LLVMCountParams(f);
        uint offset = 0;
        uint byvalKind = LLVMGetEnumAttributeKindForName("byval", 5);
        for (uint k = 0; k < count; k++)
        {
            var p = LLVMGetParam(f, k);
            var type = LLVMTypeOf(p);
            var byval = LLVMGetEnumAttributeAtIndex(f, k + 1, byvalKind);
            LLVMTypeRef storage = byval.IsNull ? type : LLVMGetTypeAttributeValue(byval);
            uint size = (uint)_layout.SizeOf(storage);
            uint align = _layout.AlignOf(storage);
            offset = (offset + align - 1) / align * align;
            bool pointer = LLVMGetTypeKind(type) == LLVMTypeKind.Pointer && byval.IsNull;
            string name = LlvmText.NameOf(p);
            Kernel.Parameters.Add((name.Length > 0 ? name : $"p{k}", offset, size, align, pointer, pointer ? LLVMGetPointerAddressSpace(type) : 0));
            if (!byval.IsNull)
            {
                _addresses[p] = new Address(MemSpace.Param, MInst.None, offset);
            }
            else if (_ir.UseCount(p) > 0)
            {
                var cls = ClassOf(type);
                int d = NewReg(cls == RegClass.Pred ? RegClass.R32 : cls);
                var ld = Emit(Op($"LdParam{Width(size, false)}"));
                ld.D = d;
                ld.A = MInst.None;
                ld.Imm = offset;
                if (pointer)
                {
                    uint space = LLVMGetPointerAddressSpace(type);
                    // Kernel pointer arguments point to global memory (the only memory a launch can pass).
                    _addresses[p] = FromRegister(d, space == AddressSpaces.Generic ? MemSpace.Global : SpaceOf(space));
                }
                else
                {
                    _values[p] = cls == RegClass.Pred ? SetpImm(Opcode.SetpU32Imm, Cmpi.Ne, ZeroExtend(d, 8), 0) : d;
                }
            }
            offset += size;
        }
        if (offset > _layout.Target.ParameterBytes)
        {
            throw new BackendException(BackendErrors.ParameterSpaceOverLimit, $"kernel '{BackendDiagnostics.SourceName(_ir.Handle)}' has {offset} bytes of parameters; target {_layout.Target.Name} allows {_layout.Target.ParameterBytes}");
        }
    }

    private void SelectTerminator(IrBlock block, LLVMValueRef term)
    {
        switch (LLVMGetInstructionOpcode(term))
        {
            case LLVMOpcode.Ret:
                if (_context.IsKernel)
                {
                    Emit(Opcode.Exit);
                }
                else
                {
                    ReturnFromFunction(term);
                }
                return;
            case LLVMOpcode.Unreachable:
                Emit(Opcode.Trap).Imm = 1;
                return;
            case LLVMOpcode.Br:
                if (LLVMIsConditional(term) == 0)
                {
                    var target = block.Successors[0];
                    EmitPhiCopies(block, target);
                    Jump(_blocks[target]);
                    return;
                }
                int cond = Reg(LLVMGetCondition(term));
                var t = EdgeTarget(block, block.Successors[0]);
                var f = EdgeTarget(block, block.Successors[1]);
                var br = Emit(_uniformity.IsDivergentBranch(term) ? Opcode.Bra : Opcode.BraUni);
                br.Guard = cond;
                br.Target = t;
                _block.Successors.Add(t);
                Jump(f);
                return;
            default:
                throw Unsupported(BackendErrors.UnsupportedInstruction, $"terminator '{LlvmText.Print(term).Trim()}' is not supported (switches are lowered by the pipeline)");
        }
    }

    private void Jump(MBlock target)
    {
        Emit(Opcode.Bra).Target = target;
        _block.Successors.Add(target);
    }

    /// <summary>The block a conditional branch goes to for an edge: the successor itself, or a new edge block holding the phi copies.</summary>
    private MBlock EdgeTarget(IrBlock from, IrBlock to)
    {
        bool hasPhis = to.Instructions.Count > 0 && LLVMGetInstructionOpcode(to.Instructions[0]) == LLVMOpcode.PHI;
        if (!hasPhis)
        {
            return _blocks[to];
        }
        var saved = _block;
        var edge = _f.NewBlock($"{_blocks[from].Name}.to.{_blocks[to].Name}");
        _edgeBlocks.Add(edge);
        _block = edge;
        EmitPhiCopies(from, to);
        Jump(_blocks[to]);
        _block = saved;
        return edge;
    }

    /// <summary>Parallel copies into the phis of <paramref name="to"/> for the edge from <paramref name="from"/>.</summary>
    private void EmitPhiCopies(IrBlock from, IrBlock to)
    {
        var copies = new List<(int Dest, LLVMValueRef Source, RegClass Class)>();
        foreach (var phi in to.Instructions.TakeWhile(i => LLVMGetInstructionOpcode(i) == LLVMOpcode.PHI))
        {
            uint n = LLVMCountIncoming(phi);
            for (uint k = 0; k < n; k++)
            {
                if (LLVMGetIncomingBlock(phi, k) == from.Handle)
                {
                    copies.Add((_values[phi], LLVMGetIncomingValue(phi, k), _f.ClassOf(_values[phi])));
                    break;
                }
            }
        }
        var dests = copies.Select(c => c.Dest).ToHashSet();
        var sources = copies.Select(c => (c.Dest, Reg: PhiSource(c.Source, to), c.Class)).ToList();
        bool overlap = sources.Any(s => dests.Contains(s.Reg));
        if (overlap)
        {
            var temps = new List<(int Dest, int Temp, RegClass Class)>();
            foreach (var (dest, reg, cls) in sources)
            {
                int t = NewReg(cls);
                Copy(t, reg, cls);
                temps.Add((dest, t, cls));
            }
            foreach (var (dest, t, cls) in temps)
            {
                Copy(dest, t, cls);
            }
            return;
        }
        foreach (var (dest, reg, cls) in sources)
        {
            if (dest != reg)
            {
                Copy(dest, reg, cls);
            }
        }
    }

    /// <summary>A phi's incoming value as a register; pointers are materialised in the phi's address space.</summary>
    private int PhiSource(LLVMValueRef value, IrBlock to)
    {
        var type = LLVMTypeOf(value);
        if (LLVMGetTypeKind(type) == LLVMTypeKind.Pointer)
        {
            return Materialize(AddressOf(value), LLVMGetPointerAddressSpace(type));
        }
        _ = to;
        return Reg(value);
    }
}
