using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Instruction selection: one LLVM kernel function to machine IR over virtual registers.
/// Blocks are selected in reverse post-order so every operand's definition is seen first; phis get their
/// register up front and are resolved by parallel copies on their incoming edges (critical edges split).
/// Values live in registers of their class: i1 in predicates; i8/i16/i32/f16/f32 and 32-bit pointers in
/// R32 (8- and 16-bit values have undefined high bits, normalised where an operation reads them);
/// i64/f64 and 64-bit pointers in pairs. Pointers carry an <see cref="Address"/> (space, base, constant
/// offset) so loads and stores pick their address space and fold offsets.
/// </summary>
public sealed partial class InstructionSelector
{
    private readonly ModuleLayout _layout;
    private readonly IrFunction _ir;
    private readonly Uniformity _uniformity;
    private readonly MFunction _f;
    private readonly Dictionary<LLVMValueRef, int> _values = [];
    private readonly Dictionary<LLVMValueRef, Address> _addresses = [];
    private readonly Dictionary<IrBlock, MBlock> _blocks = [];
    private readonly FunctionContext _context;
    private MBlock _block;
    private SourcePosition _position;

    private InstructionSelector(ModuleLayout layout, IrFunction ir, Uniformity uniformity, KernelInfo kernel, FunctionContext context)
    {
        _layout = layout;
        _ir = ir;
        _uniformity = uniformity;
        _context = context;
        Kernel = kernel;
        _f = new MFunction(ir.Name, context.FrameBase);
        _block = _f.NewBlock("entry");
    }

    public KernelInfo Kernel { get; }

    /// <summary>Selects a kernel or a called function; <paramref name="kernel"/> receives the parameter layout.</summary>
    public static MFunction Select(ModuleLayout layout, IrFunction ir, KernelInfo kernel, FunctionContext context)
    {
        var selector = new InstructionSelector(layout, ir, new Uniformity(ir, context.IsKernel), kernel, context);
        return selector.Run();
    }

    private MFunction Run()
    {
        if (_context.IsKernel)
        {
            LoadParameters();
        }
        else
        {
            EnterFunction();
        }
        var order = ReversePostOrder();
        foreach (var b in _ir.Blocks)
        {
            _blocks[b] = _f.NewBlock(LlvmText.Borrowed(LLVMGetValueName2(LLVMBasicBlockAsValue(b.Handle), out var len), len));
        }
        Emit(Opcode.Bra).Target = _blocks[_ir.Blocks[0]];
        _block.Successors.Add(_blocks[_ir.Blocks[0]]);
        foreach (var b in _ir.Blocks)
        {
            foreach (var inst in b.Instructions.Where(i => LLVMGetInstructionOpcode(i) == LLVMOpcode.PHI))
            {
                _values[inst] = _f.NewReg(ClassOf(LLVMTypeOf(inst)));
            }
        }
        foreach (var b in order)
        {
            _block = _blocks[b];
            foreach (var inst in b.Instructions)
            {
                _position = PositionOf(inst);
                var op = LLVMGetInstructionOpcode(inst);
                if (op == LLVMOpcode.PHI)
                {
                    continue;
                }
                if (inst == b.Terminator)
                {
                    SelectTerminator(b, inst);
                }
                else
                {
                    SelectInstruction(inst, op);
                }
            }
        }
        // Blocks unreachable from the entry were never selected: drop them.
        var reachable = order.Select(b => _blocks[b]).Append(_f.Blocks[0]).ToHashSet();
        _f.Blocks.RemoveAll(b => !reachable.Contains(b) && b.Instructions.Count == 0 && !_edgeBlocks.Contains(b));
        _f.RebuildEdges();
        return _f;
    }

    private List<IrBlock> ReversePostOrder()
    {
        var post = new List<IrBlock>();
        var seen = new HashSet<IrBlock>();
        var stack = new Stack<(IrBlock Block, int Next)>();
        stack.Push((_ir.Blocks[0], 0));
        seen.Add(_ir.Blocks[0]);
        while (stack.Count > 0)
        {
            var (b, k) = stack.Pop();
            if (k < b.Successors.Count)
            {
                stack.Push((b, k + 1));
                if (seen.Add(b.Successors[k]))
                {
                    stack.Push((b.Successors[k], 0));
                }
            }
            else
            {
                post.Add(b);
            }
        }
        post.Reverse();
        return post;
    }

    private static SourcePosition PositionOf(LLVMValueRef inst)
    {
        uint line = LLVMGetDebugLocLine(inst);
        if (line == 0)
        {
            return default;
        }
        var file = LlvmText.Borrowed(LLVMGetDebugLocFilename(inst, out var length), length);
        return new SourcePosition(file, (int)line, (int)LLVMGetDebugLocColumn(inst));
    }

    private BackendException Unsupported(int code, string what) => new(code, what, _position);

    // ---------------------------------------------------------------- emission helpers

    private MInst Emit(Opcode op)
    {
        var i = new MInst(op) { Position = _position };
        _block.Instructions.Add(i);
        return i;
    }

    private int NewReg(RegClass cls) => _f.NewReg(cls);

    /// <summary>d = op a, b (register form).</summary>
    private int Binary(Opcode op, RegClass cls, int a, int b)
    {
        int d = NewReg(cls);
        var i = Emit(op);
        i.D = d;
        i.A = a;
        i.B = b;
        return d;
    }

    /// <summary>d = op a, imm (immediate form).</summary>
    private int BinaryImm(Opcode op, RegClass cls, int a, uint imm)
    {
        int d = NewReg(cls);
        var i = Emit(op);
        i.D = d;
        i.A = a;
        i.Imm = imm;
        return d;
    }

    private int Unary(Opcode op, RegClass cls, int a, byte modifier = 0)
    {
        int d = NewReg(cls);
        var i = Emit(op);
        i.D = d;
        i.A = a;
        i.M = modifier;
        return d;
    }

    private int Ternary(Opcode op, RegClass cls, int a, int b, int c)
    {
        int d = NewReg(cls);
        var i = Emit(op);
        i.D = d;
        i.A = a;
        i.B = b;
        i.C = c;
        return d;
    }

    private int MovImm32(uint value)
    {
        if (value == 0)
        {
            return MInst.None;
        }
        int d = NewReg(RegClass.R32);
        var i = Emit(Opcode.MovB32Imm);
        i.D = d;
        i.Imm = value;
        return d;
    }

    private int MovImm64(ulong value)
    {
        if (value == 0)
        {
            return MInst.None;
        }
        long s = unchecked((long)value);
        if (s is >= int.MinValue and <= int.MaxValue)
        {
            return BinaryImmNoSource(Opcode.MovB64Imm, RegClass.R64, unchecked((uint)(int)s));
        }
        return Binary(Opcode.PackB64, RegClass.R64, MovImm32((uint)value), MovImm32((uint)(value >> 32)));
    }

    private int BinaryImmNoSource(Opcode op, RegClass cls, uint imm)
    {
        int d = NewReg(cls);
        var i = Emit(op);
        i.D = d;
        i.Imm = imm;
        return d;
    }

    /// <summary>A predicate register holding a constant.</summary>
    private int PredConst(bool value)
    {
        int p = NewReg(RegClass.Pred);
        var i = Emit(Opcode.SetpU32Imm);
        i.Pd = p;
        i.A = MInst.None;
        i.M = (byte)(value ? Cmpi.Eq : Cmpi.Ne);
        return p;
    }

    private void Copy(int dest, int src, RegClass cls)
    {
        if (cls == RegClass.Pred)
        {
            if (src == MInst.None)
            {
                var t = Emit(Opcode.SetpU32Imm);
                t.Pd = dest;
                t.M = (byte)Cmpi.Eq; // RZ == 0: true (PT)
                return;
            }
            var i = Emit(Opcode.MovPred);
            i.Pd = dest;
            i.Pa = src;
            return;
        }
        var m = Emit(cls == RegClass.R64 ? Opcode.MovB64 : Opcode.MovB32);
        m.D = dest;
        m.A = src;
    }

    // ---------------------------------------------------------------- types and values

    public RegClass ClassOf(LLVMTypeRef t)
    {
        switch (LLVMGetTypeKind(t))
        {
            case LLVMTypeKind.Integer:
                uint bits = LLVMGetIntTypeWidth(t);
                return bits switch
                {
                    1 => RegClass.Pred,
                    <= 32 => RegClass.R32,
                    64 => RegClass.R64,
                    _ => throw Unsupported(BackendErrors.UnsupportedType, $"{bits}-bit integers are not supported (the widest is 64 bits)"),
                };
            case LLVMTypeKind.Half or LLVMTypeKind.BFloat or LLVMTypeKind.Float:
                return RegClass.R32;
            case LLVMTypeKind.Double:
                return RegClass.R64;
            case LLVMTypeKind.Pointer:
                return _layout.PointerBytes(LLVMGetPointerAddressSpace(t)) == 4 ? RegClass.R32 : RegClass.R64;
            default:
                throw Unsupported(BackendErrors.UnsupportedType, $"values of type {LlvmText.Print(t)} are not supported in registers");
        }
    }

    private static int IntBits(LLVMTypeRef t) => LLVMGetTypeKind(t) == LLVMTypeKind.Integer ? (int)LLVMGetIntTypeWidth(t) : 0;

    /// <summary>The register holding <paramref name="v"/>; constants and addresses are materialised here. -1 is RZ (zero).</summary>
    private int Reg(LLVMValueRef v)
    {
        if (_values.TryGetValue(v, out var r))
        {
            return r;
        }
        var type = LLVMTypeOf(v);
        if (LLVMGetTypeKind(type) == LLVMTypeKind.Pointer)
        {
            return Materialize(AddressOf(v), LLVMGetPointerAddressSpace(type));
        }
        switch (LLVMGetValueKind(v))
        {
            case LLVMValueKind.ConstantInt:
            {
                int bits = IntBits(type);
                ulong value = LLVMConstIntGetZExtValue(v);
                return bits == 1 ? PredConst(value != 0) : bits <= 32 ? MovImm32((uint)value) : MovImm64(value);
            }
            case LLVMValueKind.ConstantFP:
            {
                double d = LLVMConstRealGetDouble(v, out _);
                return LLVMGetTypeKind(type) switch
                {
                    LLVMTypeKind.Float => MovImm32(BitConverter.SingleToUInt32Bits((float)d)),
                    LLVMTypeKind.Double => MovImm64(BitConverter.DoubleToUInt64Bits(d)),
                    LLVMTypeKind.Half => MovImm32(BitConverter.HalfToUInt16Bits((Half)d)),
                    LLVMTypeKind.BFloat => MovImm32(BitConverter.SingleToUInt32Bits((float)d) >> 16),
                    _ => throw Unsupported(BackendErrors.UnsupportedType, $"constant of type {LlvmText.Print(type)}"),
                };
            }
            case LLVMValueKind.UndefValue or LLVMValueKind.PoisonValue or LLVMValueKind.ConstantAggregateZero:
                return ClassOf(type) == RegClass.Pred ? PredConst(false) : MInst.None;
            default:
                throw Unsupported(BackendErrors.UnsupportedInstruction, $"cannot use {LlvmText.Print(v)} as a register value");
        }
    }

    /// <summary>The constant value of an integer operand, if it is one.</summary>
    private static bool TryConstInt(LLVMValueRef v, out long value)
    {
        if (LLVMGetValueKind(v) == LLVMValueKind.ConstantInt && IntBits(LLVMTypeOf(v)) <= 64)
        {
            value = LLVMConstIntGetSExtValue(v);
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>A constant operand as the 32-bit immediate of an instruction of the given width, when it fits.</summary>
    private static bool TryImm(LLVMValueRef v, int bits, out uint imm)
    {
        imm = 0;
        if (!TryConstInt(v, out var value))
        {
            if (LLVMGetValueKind(v) == LLVMValueKind.ConstantFP && LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMTypeKind.Float)
            {
                imm = BitConverter.SingleToUInt32Bits((float)LLVMConstRealGetDouble(v, out _));
                return true;
            }
            return false;
        }
        int width = IntBits(LLVMTypeOf(v));
        if (bits == 64)
        {
            if (value is < int.MinValue or > int.MaxValue)
            {
                return false;
            }
            imm = unchecked((uint)(int)value);
            return true;
        }
        imm = width >= 32 ? unchecked((uint)value) : unchecked((uint)value) & (uint)((1UL << width) - 1);
        return true;
    }

    private void Define(LLVMValueRef inst, int reg) => _values[inst] = reg;
}

/// <summary>What the selector learns about a kernel for its metadata.</summary>
public sealed class KernelInfo
{
    public List<(string Name, uint Offset, uint Size, uint Align, bool Pointer, uint AddressSpace)> Parameters { get; } = [];

    public uint StaticSharedBytes { get; set; }

    public bool UsesDynamicShared { get; set; }
}
