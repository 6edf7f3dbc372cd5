using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Runtime.Tests;

/// <summary>
/// Random valid instruction sequences (every form, random registers, predicates, modifiers and immediates)
/// and random words: a launch either completes or stops with a device fault, never with another exception.
/// </summary>
public sealed class InterpreterFuzzTests
{
    private static Instruction RandomInstruction(Random r)
    {
        var forms = InstructionTable.Forms.ToArray();
        var form = forms[r.Next(forms.Length)];
        var inst = new Instruction(form.Opcode, (byte)r.Next(0, 8), r.Next(4) == 0);
        foreach (var op in form.Operands)
        {
            uint value = op.Kind switch
            {
                OperandKind.R32 => (uint)(r.Next(10) == 0 ? 255 : r.Next(0, 40)),
                OperandKind.R64 => (uint)(r.Next(0, 20) * 2),
                OperandKind.R128 => (uint)(r.Next(0, 10) * 4),
                OperandKind.Pred => (uint)r.Next(0, 8),
                OperandKind.SpecialRegister => (uint)r.Next(0, 28),
                OperandKind.Target => (uint)r.Next(-6, 6),
                _ => r.Next(3) == 0 ? (uint)r.Next(0, 64) : (uint)r.Next(),
            };
            inst = InstructionCodec.With(inst, op.Field, value);
            if (op.OffsetField is { } off)
            {
                inst = InstructionCodec.With(inst, off, (uint)r.Next(-64, 64));
            }
        }
        foreach (var p in form.Parts)
        {
            if (p.Field is { } f)
            {
                inst = InstructionCodec.With(inst, f, (uint)r.Next(0, IsaNames.Of(p.Modifier!.Value).Count(n => n is not null)));
            }
        }
        return inst;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomProgramsCompleteOrFault(int seed)
    {
        var r = new Random(seed);
        using var device = Device.Create("n4");
        device.InstructionBudget = 20_000;
        using var buffer = device.Allocate<uint>(1024);
        int faults = 0;
        for (int program = 0; program < 150; program++)
        {
            var words = new List<ulong>();
            for (int i = 0; i < 24; i++)
            {
                words.Add(r.Next(20) == 0 ? (ulong)r.NextInt64() : InstructionCodec.Encode(RandomInstruction(r)));
            }
            words.Add(InstructionCodec.Encode(Build.Exit()));
            var module = new BcModule
            {
                Target = TargetArch.N4,
                Kernels = [new BcKernel
                {
                    Name = "fuzz",
                    Code = words.ToArray(),
                    StaticSharedBytes = 256,
                    LocalBytesPerThread = 16,
                    Parameters = [new BcParameter("p", 0, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Global)],
                }],
            };
            using var loaded = device.LoadModule(module);
            try
            {
                loaded.GetKernel("fuzz").Launch(2, 48, 32, buffer);
            }
            catch (DeviceFaultException e)
            {
                Assert.NotEqual(RuntimeError.Internal, e.Error);
                faults++;
            }
        }
        Assert.InRange(faults, 1, 149);
    }
}
