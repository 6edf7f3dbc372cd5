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

    public static TargetInfo? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static TargetInfo? FromCode(int code) => All.FirstOrDefault(t => t.Code == code);

    public override string ToString() => Name;
}
