using ByteChip.Isa;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// A kernel ready to run: relocations applied, every word decoded once into <see cref="Uop"/>s (illegal
/// words become uops that fault when executed), the register file shape, and the source of each address.
/// </summary>
internal sealed class KernelImage
{
    /// <summary>Registers a warp row holds: 32 lanes.</summary>
    public const int Lanes = 32;

    /// <summary>Predicate index that reads as true (PT).</summary>
    public const int TruePredicate = 7;

    /// <summary>Predicate index that destination PT maps to (discarded).</summary>
    public const int DiscardPredicate = 8;

    private readonly Instruction[] _decoded;
    private readonly DecodeStatus[] _status;
    private readonly TargetInfo _target;
    private TimingTable? _timing;

    public KernelImage(BcKernel kernel, BcModule module, TargetInfo target, Func<BcRelocation, ulong> resolve)
    {
        Kernel = kernel;
        Module = module;
        _target = target;
        Words = kernel.Code.ToArray();
        foreach (var reloc in kernel.Relocations)
        {
            ulong value = resolve(reloc);
            uint imm = reloc.Kind == BcRelocationKind.ImmHi32 ? (uint)(value >> 32) : (uint)value;
            if (reloc.Offset < (ulong)Words.Length)
            {
                Words[reloc.Offset] = (Words[reloc.Offset] & 0xFFFF_FFFFUL) | ((ulong)imm << 32);
            }
        }

        int n = Words.Length;
        _decoded = new Instruction[n];
        _status = new DecodeStatus[n];
        int rows = 0;
        for (int i = 0; i < n; i++)
        {
            _status[i] = InstructionCodec.TryDecode(Words[i], out _decoded[i]);
            if (_status[i] == DecodeStatus.Ok)
            {
                foreach (var op in _decoded[i].Form.Operands)
                {
                    if (op.IsRegister)
                    {
                        uint r = InstructionCodec.Get(_decoded[i], op.Field);
                        if (r != Reg.ZeroIndex)
                        {
                            rows = Math.Max(rows, (int)r + op.RegisterCount);
                        }
                    }
                }
            }
        }

        // Rows [0, rows) are the registers the code names; then 4 zero rows (RZ as a source, up to a
        // quad) and 4 discard rows (RZ as a destination).
        RegisterRows = rows;
        ZeroRow = rows;
        DiscardRow = rows + 4;
        TotalRows = rows + 8;

        Code = new Uop[n + 1];
        for (int i = 0; i < n; i++)
        {
            Code[i] = Lower(i, target);
        }
        Code[n] = new Uop { Op = Opcode.Illegal, Illegal = IllegalReason.PastEnd, Guard = TruePredicate };
    }

    public BcKernel Kernel { get; }

    public BcModule Module { get; }

    /// <summary>The code words after relocation.</summary>
    public ulong[] Words { get; }

    /// <summary>Decoded code plus one trailing uop that faults when execution runs past the end.</summary>
    public Uop[] Code { get; }

    public int RegisterRows { get; }

    public int ZeroRow { get; }

    public int DiscardRow { get; }

    /// <summary>Rows of a warp's register file.</summary>
    public int TotalRows { get; }

    public string Name => Kernel.Name;

    /// <summary>Scoreboard slots and latencies for the timing estimate, built on the first timed launch.</summary>
    public TimingTable Timing => LazyInitializer.EnsureInitialized(ref _timing, () => new TimingTable(this, _target));

    /// <summary>The decoded instruction at an index, when the word there decodes.</summary>
    public bool TryGetDecoded(int index, out Instruction instruction)
    {
        bool ok = (uint)index < (uint)_decoded.Length && _status[index] == DecodeStatus.Ok;
        instruction = ok ? _decoded[index] : default;
        return ok;
    }

    /// <summary>The instruction at an index as assembly text, or a description of why it is illegal.</summary>
    public string Describe(int index)
    {
        if ((uint)index >= (uint)_decoded.Length)
        {
            return "<past the end of the kernel>";
        }
        return _status[index] == DecodeStatus.Ok
            ? InstructionPrinter.Print(_decoded[index], index * 8L)
            : $".word 0x{Words[index]:X16} ({InstructionCodec.Describe(_status[index])})";
    }

    /// <summary>Why an illegal instruction is illegal.</summary>
    public string IllegalDetail(int index) => (uint)index < (uint)_status.Length && _status[index] != DecodeStatus.Ok
        ? InstructionCodec.Describe(_status[index])
        : "not an instruction";

    /// <summary><c>file:line</c> for an instruction index, or null.</summary>
    public string? SourceOf(int index)
    {
        if (index < 0 || Kernel.FindLine((uint)index) is not { } line)
        {
            return null;
        }
        string file = line.FileIndex < (uint)Module.SourceFiles.Count ? Module.SourceFiles[(int)line.FileIndex] : $"<file {line.FileIndex}>";
        return $"{file}:{line.Line}";
    }

    private Uop Lower(int index, TargetInfo target)
    {
        if (_status[index] != DecodeStatus.Ok)
        {
            return new Uop { Op = Opcode.Illegal, Illegal = IllegalReason.Undecodable, Guard = TruePredicate };
        }
        var inst = _decoded[index];
        var form = inst.Form;
        if (!target.Supports(inst.Opcode))
        {
            return new Uop { Op = Opcode.Illegal, Illegal = IllegalReason.Unsupported, Guard = TruePredicate };
        }
        var u = new Uop
        {
            Op = inst.Opcode,
            Guard = inst.Guard,
            GuardNegated = inst.GuardNegated,
            M = inst.M,
            Imm = inst.Imm,
            Pd = DiscardPredicate,
            Pa = TruePredicate,
            Pb = TruePredicate,
            Target = -1,
        };
        for (int k = 0; k < form.Operands.Count; k++)
        {
            var op = form.Operands[k];
            uint raw = InstructionCodec.Get(inst, op.Field);
            bool isDest = k == 0 && !op.IsMemory && op.Field is InstructionField.D or InstructionField.Pd;
            int value;
            if (op.IsRegister)
            {
                value = raw == Reg.ZeroIndex ? (isDest ? DiscardRow : ZeroRow) * Lanes : (int)raw * Lanes;
            }
            else if (op.Kind == OperandKind.Pred)
            {
                value = isDest && raw == TruePredicate ? DiscardPredicate : (int)raw;
            }
            else if (op.Kind == OperandKind.Target)
            {
                long t = index + 1 + (long)(int)inst.Imm;
                u.Target = t >= 0 && t < Words.Length ? (int)t : -1;
                continue;
            }
            else
            {
                value = (int)raw;
            }
            switch (op.Field)
            {
                case InstructionField.D: u.D = value; break;
                case InstructionField.A: u.A = value; break;
                case InstructionField.B: u.B = value; break;
                case InstructionField.C: u.C = value; break;
                case InstructionField.E: u.E = value; break;
                case InstructionField.Pd: u.Pd = (byte)value; break;
                case InstructionField.Pa: u.Pa = (byte)value; break;
                case InstructionField.Pb: u.Pb = (byte)value; break;
            }
        }
        return u;
    }
}
