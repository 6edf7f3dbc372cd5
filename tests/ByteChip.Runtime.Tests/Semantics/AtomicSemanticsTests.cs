using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Runtime.Tests.Semantics;

/// <summary>
/// Every atomic form: each thread applies the operation to its own cell (global, shared, or generic resolving
/// to either) and the returned old value and the new cell are checked; plus contention across parallel blocks.
/// </summary>
public sealed class AtomicSemanticsTests
{
    private static ulong E(Instruction i) => InstructionCodec.Encode(i);

    public static TheoryData<Opcode> AtomicOpcodes => [.. InstructionTable.Forms.Where(f => f.Group == "atomic").Select(f => f.Opcode)];

    /// <summary>
    /// Thread i: cell = cells + 8i (global) or shared 8i; b, c from in[2i], in[2i+1]; d = atom(cell, b, c);
    /// out[i] = d; the cell is copied back to cells[i] for shared forms.
    /// </summary>
    private static BcModule Kernel(Opcode op)
    {
        string space = InstructionTable.Of(op).MnemonicTemplate.Split('.')[1];
        bool generic = space == "generic";
        bool shared = space == "shared" || (generic && op.ToString().Length % 2 == 0);
        var code = new List<ulong>
        {
            E(Build.S2r(Reg.R(0), SpecialRegister.TidX)),
            E(Build.MulWideU32Imm(Reg.R(2), Reg.R(0), 8)),
            E(Build.LdParamB64(Reg.R(4), Reg.RZ, 0)),
            E(Build.AddU64(Reg.R(4), Reg.R(4), Reg.R(2))),
            E(Build.MulWideU32Imm(Reg.R(6), Reg.R(0), 16)),
            E(Build.LdParamB64(Reg.R(8), Reg.RZ, 8)),
            E(Build.AddU64(Reg.R(8), Reg.R(8), Reg.R(6))),
            E(Build.LdGlobalB64(Reg.R(10), Reg.R(8), 0)),
            E(Build.LdGlobalB64(Reg.R(12), Reg.R(8), 8)),
            E(Build.ShlB32Imm(Reg.R(1), Reg.R(0), 3)),
        };
        if (shared)
        {
            code.Add(E(Build.LdGlobalB64(Reg.R(14), Reg.R(4), 0)));
            code.Add(E(Build.StSharedB64(Reg.R(1), 0, Reg.R(14))));
        }
        // Address register: R4 (global pointer), R1 (shared offset), or R20 (generic pointer).
        int address = space == "shared" ? 1 : 4;
        if (generic && shared)
        {
            code.Add(E(Build.CvtaToGenericShared(Reg.R(20), Reg.R(1))));
            address = 20;
        }
        var form = InstructionTable.Of(op);
        var inst = new Instruction(op) { D = 16, A = (byte)address, B = 10 };
        if (form.Operands.Any(o => o.Field == InstructionField.C))
        {
            inst = inst with { C = 12 };
        }
        code.Add(E(inst));
        if (shared)
        {
            code.Add(E(Build.LdSharedB64(Reg.R(14), Reg.R(1), 0)));
            code.Add(E(Build.StGlobalB64(Reg.R(4), 0, Reg.R(14))));
        }
        code.Add(E(Build.LdParamB64(Reg.R(8), Reg.RZ, 16)));
        code.Add(E(Build.AddU64(Reg.R(8), Reg.R(8), Reg.R(2))));
        code.Add(E(Build.StGlobalB64(Reg.R(8), 0, Reg.R(16))));
        code.Add(E(Build.Exit()));
        BcParameter Ptr(string name, uint offset) => new(name, offset, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Global);
        return new BcModule
        {
            Target = TargetArch.N4,
            Kernels = [new BcKernel { Name = "atom", Code = code.ToArray(), StaticSharedBytes = 8 * 64, Parameters = [Ptr("cells", 0), Ptr("in", 8), Ptr("out", 16)] }],
        };
    }

    private static ulong Reference(string operation, char type, int size, ulong old, ulong b, ulong c)
    {
        ulong mask = size == 4 ? 0xFFFF_FFFFUL : ulong.MaxValue;
        old &= mask;
        b &= mask;
        c &= mask;
        ulong result = (operation, type, size) switch
        {
            ("add", 'f', 4) => Canon32(BitConverter.UInt32BitsToSingle((uint)old) + BitConverter.UInt32BitsToSingle((uint)b)),
            ("add", 'f', 8) => Canon64(BitConverter.UInt64BitsToDouble(old) + BitConverter.UInt64BitsToDouble(b)),
            ("add", _, _) => old + b,
            ("min", 's', 4) => (uint)Math.Min((int)(uint)old, (int)(uint)b),
            ("max", 's', 4) => (uint)Math.Max((int)(uint)old, (int)(uint)b),
            ("min", 's', 8) => (ulong)Math.Min((long)old, (long)b),
            ("max", 's', 8) => (ulong)Math.Max((long)old, (long)b),
            ("min", _, _) => Math.Min(old, b),
            ("max", _, _) => Math.Max(old, b),
            ("and", _, _) => old & b,
            ("or", _, _) => old | b,
            ("xor", _, _) => old ^ b,
            ("exch", _, _) => b,
            ("cas", _, _) => old == b ? c : old,
            ("inc", _, _) => old >= b ? 0 : old + 1,
            ("dec", _, _) => old == 0 || old > b ? b : old - 1,
            _ => throw new InvalidOperationException(operation),
        };
        return result & mask;
    }

    private static ulong Canon32(float f) => float.IsNaN(f) ? 0x7FFF_FFFFUL : BitConverter.SingleToUInt32Bits(f);

    private static ulong Canon64(double d) => double.IsNaN(d) ? 0x7FFF_FFFF_FFFF_FFFFUL : BitConverter.DoubleToUInt64Bits(d);

    [Theory]
    [MemberData(nameof(AtomicOpcodes))]
    public void EachLaneSeesItsOldValueAndTheCellItsNewValue(Opcode op)
    {
        var parts = InstructionTable.Of(op).MnemonicTemplate.Split('.');
        string operation = parts[2];
        char type = parts[3][0];
        int size = parts[3].EndsWith("64", StringComparison.Ordinal) ? 8 : 4;
        const int n = 64;
        var rng = new Random((int)op);
        ulong Value(int i) => type == 'f'
            ? (size == 4 ? Operands.Float32(rng, i) : Operands.Float64(rng, i))
            : i % 4 == 0 ? (ulong)rng.Next(0, 4) : size == 4 ? Operands.Int32(rng, i) : Operands.Int64(rng, i);
        var cells = Enumerable.Range(0, n).Select(Value).ToArray();
        var input = new ulong[2 * n];
        for (int i = 0; i < n; i++)
        {
            input[2 * i] = i % 3 == 0 ? cells[i] : Value(i + 7);
            input[(2 * i) + 1] = Value(i + 13);
        }
        using var device = Device.Create();
        using var module = device.LoadModule(Kernel(op));
        using var dcells = device.Upload<ulong>(cells);
        using var din = device.Upload<ulong>(input);
        using var dout = device.Allocate<ulong>(n);
        var stats = module.GetKernel("atom").Launch(1, n, 0, dcells, din, dout);
        Assert.Equal(n, stats.Atomics);
        var newCells = dcells.ToArray();
        var old = dout.ToArray();
        ulong mask = size == 4 ? 0xFFFF_FFFFUL : ulong.MaxValue;
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(cells[i] & mask, old[i] & mask);
            ulong want = Reference(operation, type, size, cells[i], input[2 * i], input[(2 * i) + 1]);
            Assert.True(want == (newCells[i] & mask), $"{op} lane {i}: old 0x{cells[i]:X} b 0x{input[2 * i]:X} c 0x{input[(2 * i) + 1]:X}: expected 0x{want:X}, got 0x{newCells[i] & mask:X}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GlobalAtomicsAreIndivisibleAcrossParallelBlocks(int hostThreads)
    {
        // Every thread adds 1 (u32 and u64), 0.5 (f32, exact) and its index to max; 256 blocks run on the host threads.
        string text = """
            .target n4
            .kernel contend
                .param cells 8 8 ptr global
                s2r R0, %tid.x
                s2r R1, %ctaid.x
                s2r R2, %ntid.x
                mad.lo.u32 R3, R1, R2, R0
                ld.param.b64 R4, [RZ]
                mov.b32 R6, 1
                mov.b32 R7, 0
                atom.global.add.u32 R8, [R4], R6
                add.u64 R10, R4, 8
                atom.global.add.u64 R12, [R10], R6
                add.u64 R10, R4, 16
                mov.b32 R14, 0x3F000000
                atom.global.add.f32 R15, [R10], R14
                add.u64 R10, R4, 20
                atom.global.max.u32 R15, [R10], R3
                add.u64 R10, R4, 24
                mov.b32 R16, 1000
                atom.global.inc.u32 R15, [R10], R16
                exit
            .end
            """;
        using var device = Device.Create();
        device.HostThreads = hostThreads;
        using var module = device.LoadModule(TestKernels.AssembleText(text));
        using var cells = device.Allocate<uint>(8);
        module.GetKernel("contend").Launch(256, 128, 0, cells);
        var c = cells.ToArray();
        const int total = 256 * 128;
        Assert.Equal((uint)total, c[0]);
        Assert.Equal((uint)total, c[2]);
        Assert.Equal(0u, c[3]);
        Assert.Equal(total * 0.5f, BitConverter.UInt32BitsToSingle(c[4]));
        Assert.Equal((uint)(total - 1), c[5]);
        Assert.Equal((uint)(total % 1001), c[6]);
    }
}
