using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Module-wide facts the selector needs: the target, data layout, where each __constant__ and __device__
/// global lives, and their initializer bytes. Shared variables are laid out per kernel by the selector.
/// </summary>
public sealed class ModuleLayout
{
    private readonly Dictionary<LLVMValueRef, BcConstant> _constants = [];
    private readonly Dictionary<LLVMValueRef, BcGlobal> _globals = [];
    private readonly List<byte> _constantData = [];

    public ModuleLayout(LlvmModule module, TargetInfo target)
    {
        Module = module;
        Target = target;
        TargetData = module.TargetData;
        ulong dataEnd = 0, bssEnd = 0;
        foreach (var g in module.Globals)
        {
            uint space = LLVMGetPointerAddressSpace(LLVMTypeOf(g));
            var type = LLVMGlobalGetValueType(g);
            var name = LlvmText.NameOf(g);
            // Shared variables are laid out per kernel; LLVM's own globals (llvm.used, ...) hold no device data;
            // declarations fail only if a kernel uses them (see InstructionSelector.GlobalAddress).
            if (space == AddressSpaces.Shared || name.StartsWith("llvm.", StringComparison.Ordinal) || LLVMIsDeclaration(g) != 0)
            {
                continue;
            }
            ulong size = SizeOf(type);
            uint align = Math.Max(LLVMGetAlignment(g), AlignOf(type));
            var init = LLVMGetInitializer(g);
            if (space == AddressSpaces.Constant)
            {
                ulong offset = ((ulong)_constantData.Count + align - 1) / align * align;
                while ((ulong)_constantData.Count < offset)
                {
                    _constantData.Add(0);
                }
                var bytes = new byte[size];
                if (!init.IsNull)
                {
                    ConstantWriter.Write(this, init, bytes, 0, null);
                }
                _constantData.AddRange(bytes);
                _constants[g] = new BcConstant(name, offset, size, align);
            }
            else if (space is AddressSpaces.Global or AddressSpaces.Generic)
            {
                var relocations = new List<BcRelocation>();
                byte[]? bytes = null;
                if (!init.IsNull && LLVMIsNull(init) == 0 && LLVMIsUndef(init) == 0)
                {
                    bytes = new byte[size];
                    ConstantWriter.Write(this, init, bytes, 0, relocations);
                }
                ref ulong end = ref bytes is null ? ref bssEnd : ref dataEnd;
                ulong offset = (end + align - 1) / align * align;
                end = offset + Math.Max(size, 1);
                _globals[g] = new BcGlobal { Name = name, Offset = offset, Size = size, Alignment = align, Initializer = bytes, Relocations = relocations };
            }
            else
            {
                throw new BackendException(BackendErrors.UnsupportedGlobal, $"global '{name}' is in address space {space}, which ByteChip has no storage for");
            }
        }
        if ((ulong)_constantData.Count > (ulong)target.ConstantBytes)
        {
            throw new BackendException(BackendErrors.ConstantMemoryOverLimit, $"__constant__ data is {_constantData.Count} bytes; target {target.Name} allows {target.ConstantBytes}");
        }
    }

    public LlvmModule Module { get; }

    public TargetInfo Target { get; }

    public LLVMTargetDataRef TargetData { get; }

    public IReadOnlyList<byte> ConstantData => _constantData;

    public IEnumerable<BcConstant> Constants => _constants.Values;

    public IEnumerable<BcGlobal> Globals => _globals.Values;

    public BcConstant? ConstantOf(LLVMValueRef g) => _constants.GetValueOrDefault(g);

    public BcGlobal? GlobalOf(LLVMValueRef g) => _globals.GetValueOrDefault(g);

    public ulong SizeOf(LLVMTypeRef t) => LLVMABISizeOfType(TargetData, t);

    public uint AlignOf(LLVMTypeRef t) => LLVMABIAlignmentOfType(TargetData, t);

    public ulong StoreSizeOf(LLVMTypeRef t) => LLVMStoreSizeOfType(TargetData, t);

    public ulong OffsetOf(LLVMTypeRef structType, uint element) => LLVMOffsetOfElement(TargetData, structType, element);

    public uint PointerBytes(uint addressSpace) => LLVMPointerSizeForAS(TargetData, addressSpace);
}

/// <summary>Writes an LLVM constant's bytes (little-endian) into a buffer; pointers to globals become relocations.</summary>
internal static class ConstantWriter
{
    public static void Write(ModuleLayout layout, LLVMValueRef c, byte[] buffer, ulong offset, List<BcRelocation>? relocations)
    {
        var type = LLVMTypeOf(c);
        var kind = LLVMGetValueKind(c);
        if (kind is LLVMValueKind.ConstantAggregateZero or LLVMValueKind.ConstantPointerNull or LLVMValueKind.UndefValue or LLVMValueKind.PoisonValue)
        {
            return;
        }
        switch (LLVMGetTypeKind(type))
        {
            case LLVMTypeKind.Integer:
                WriteInt(buffer, offset, LLVMConstIntGetZExtValue(c), layout.StoreSizeOf(type));
                return;
            case LLVMTypeKind.Float:
                WriteInt(buffer, offset, BitConverter.SingleToUInt32Bits((float)LLVMConstRealGetDouble(c, out _)), 4);
                return;
            case LLVMTypeKind.Double:
                WriteInt(buffer, offset, BitConverter.DoubleToUInt64Bits(LLVMConstRealGetDouble(c, out _)), 8);
                return;
            case LLVMTypeKind.Half:
                WriteInt(buffer, offset, BitConverter.HalfToUInt16Bits((Half)LLVMConstRealGetDouble(c, out _)), 2);
                return;
            case LLVMTypeKind.Array or LLVMTypeKind.Vector:
            {
                var element = LLVMGetElementType(type);
                ulong count = LLVMGetTypeKind(type) == LLVMTypeKind.Array ? LLVMGetArrayLength2(type) : LLVMGetVectorSize(type);
                ulong stride = layout.SizeOf(element);
                for (ulong i = 0; i < count; i++)
                {
                    Write(layout, LLVMGetAggregateElement(c, (uint)i), buffer, offset + i * stride, relocations);
                }
                return;
            }
            case LLVMTypeKind.Struct:
            {
                uint n = LLVMCountStructElementTypes(type);
                for (uint i = 0; i < n; i++)
                {
                    Write(layout, LLVMGetAggregateElement(c, i), buffer, offset + layout.OffsetOf(type, i), relocations);
                }
                return;
            }
            case LLVMTypeKind.Pointer:
            {
                var (symbol, addend) = PointerTarget(layout, c);
                if (symbol is null || relocations is null)
                {
                    throw new BackendException(BackendErrors.UnsupportedGlobal, "a pointer in an initializer must point to a __device__ global (and cannot appear in __constant__ data)");
                }
                relocations.Add(new BcRelocation(BcRelocationKind.Abs64, offset, symbol, addend));
                return;
            }
            default:
                throw new BackendException(BackendErrors.UnsupportedType, $"cannot lay out a constant of type {LlvmText.Print(type)}");
        }
    }

    private static (string? Symbol, long Addend) PointerTarget(ModuleLayout layout, LLVMValueRef c)
    {
        if (!LLVMIsAGlobalVariable(c).IsNull)
        {
            return (layout.GlobalOf(c)?.Name, 0);
        }
        if (!LLVMIsAConstantExpr(c).IsNull)
        {
            var op = LLVMGetConstOpcode(c);
            if (op is LLVMOpcode.AddrSpaceCast or LLVMOpcode.BitCast)
            {
                return PointerTarget(layout, LLVMGetOperand(c, 0));
            }
            if (op == LLVMOpcode.GetElementPtr && LLVMGetNumOperands(c) == 2 && !LLVMIsAConstantInt(LLVMGetOperand(c, 1)).IsNull)
            {
                var (s, a) = PointerTarget(layout, LLVMGetOperand(c, 0));
                return (s, a + LLVMConstIntGetSExtValue(LLVMGetOperand(c, 1)) * (long)layout.SizeOf(LLVMGetGEPSourceElementType(c)));
            }
        }
        return (null, 0);
    }

    private static void WriteInt(byte[] buffer, ulong offset, ulong value, ulong size)
    {
        for (ulong i = 0; i < size && i < 8; i++)
        {
            buffer[offset + i] = (byte)(value >> (int)(8 * i));
        }
    }
}
