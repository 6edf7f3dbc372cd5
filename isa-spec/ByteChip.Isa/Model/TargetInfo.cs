namespace ByteChip.Isa;

/// <summary>A target of the ISA with its limits (generated from the spec) and features.</summary>
public sealed partial class TargetInfo
{
    private TargetInfo(string name, int code, string title, Feature[] features)
    {
        Name = name;
        Code = code;
        Title = title;
        Features = features;
    }

    /// <summary>Short name used on command lines (<c>n4</c>, <c>n5</c>).</summary>
    public string Name { get; }

    /// <summary>Target code stored in the ELF header flags.</summary>
    public int Code { get; }

    public string Title { get; }

    public IReadOnlyList<Feature> Features { get; }

    public bool Has(Feature feature) => Features.Contains(feature);

    public bool Supports(Opcode opcode) => InstructionTable.TryGet((int)opcode, out var f) && Has(f.Feature);

    /// <summary>Cycles per latency class, indexed by <see cref="LatencyClass"/>; 0 for a class this target has no instruction of.</summary>
    private int[] LatencyCycles { get; init; } = [];

    /// <summary>
    /// Cycles from the issue of an instruction of <paramref name="opcode"/> until an instruction that reads its
    /// result may issue: 1 means back to back. The figure of the form's latency class on this target (see the
    /// latency table of the ISA reference).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The opcode is not an instruction of the ISA, or this target does not have it.</exception>
    public int LatencyOf(Opcode opcode)
    {
        if (!InstructionTable.TryGet((int)opcode, out var form))
        {
            throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not an instruction of the ISA");
        }
        if (!Has(form.Feature))
        {
            throw new ArgumentOutOfRangeException(nameof(opcode), opcode, $"target {Name} does not have {form.MnemonicTemplate} (feature {form.Feature})");
        }
        return LatencyCycles[(int)form.LatencyClass];
    }

    /// <summary>Cycles of a latency class on this target (see <see cref="LatencyOf(Opcode)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">This target has no instruction of the class.</exception>
    public int LatencyOf(LatencyClass latencyClass) =>
        HasLatency(latencyClass)
            ? LatencyCycles[(int)latencyClass]
            : throw new ArgumentOutOfRangeException(nameof(latencyClass), latencyClass, $"target {Name} has no instruction of this latency class");

    /// <summary>Whether this target has instructions of <paramref name="latencyClass"/> (and so a latency for it).</summary>
    public bool HasLatency(LatencyClass latencyClass) =>
        (uint)latencyClass < (uint)LatencyCycles.Length && LatencyCycles[(int)latencyClass] > 0;

    public static TargetInfo? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static TargetInfo? FromCode(int code) => All.FirstOrDefault(t => t.Code == code);

    public override string ToString() => Name;
}
