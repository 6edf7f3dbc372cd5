namespace ByteChip.Isa.Generator;

/// <summary>
/// Checks the spec before anything is generated from it: every format covers the 64 bits exactly once,
/// the opcode and guard sit at the same place in every format (so no two instructions can decode the same
/// word), opcodes are unique, operands name fields of the right width, modifiers fit their fields, and no
/// two forms share an assembly shape; every form has exactly one latency class and every target a figure for
/// each class of the forms it has.
/// </summary>
public static class SpecValidator
{
    public const int WordBits = 64;

    public static void Validate(string file, IsaSpec spec)
    {
        var errors = new List<string>();
        void Err(int line, string msg) => errors.Add($"{file}:{line}: error: {msg}");

        var features = spec.Features.Select(f => f.Name).ToHashSet();
        foreach (var t in spec.Targets)
        {
            foreach (var f in t.Features.Where(f => !features.Contains(f)))
            {
                Err(0, $"target {t.Name} names unknown feature '{f}'");
            }
        }
        foreach (var g in spec.Groups.Where(g => !features.Contains(g.Feature)))
        {
            Err(0, $"group {g.Name} names unknown feature '{g.Feature}'");
        }
        foreach (var e in spec.Enums)
        {
            if (e.Values.Select(v => v.Value).Distinct().Count() != e.Values.Count || e.Values.Select(v => v.Name).Distinct().Count() != e.Values.Count)
            {
                Err(0, $"enum {e.Name} repeats a name or value");
            }
            foreach (var v in e.Values.Where(v => v.Value < 0 || v.Value >= 1 << e.Bits))
            {
                Err(0, $"enum {e.Name} value {v.Name}={v.Value} does not fit {e.Bits} bits");
            }
        }
        if (spec.SpecialRegisters.Select(s => s.Number).Distinct().Count() != spec.SpecialRegisters.Count
            || spec.SpecialRegisters.Any(s => s.Number is < 0 or > 255))
        {
            Err(0, "special register numbers must be unique and fit 8 bits");
        }

        FieldDef? op = null, gd = null, gn = null;
        foreach (var f in spec.Formats)
        {
            ulong covered = 0;
            foreach (var field in f.Fields)
            {
                if (field.Width <= 0 || field.Low < 0 || field.Low + field.Width > WordBits)
                {
                    Err(0, $"format {f.Name}: field {field.Name} [{field.Low},{field.Low + field.Width}) lies outside the word");
                    continue;
                }
                if ((covered & field.Mask) != 0)
                {
                    Err(0, $"format {f.Name}: field {field.Name} overlaps another field");
                }
                covered |= field.Mask;
            }
            if (covered != ulong.MaxValue)
            {
                Err(0, $"format {f.Name}: bits 0x{~covered:X16} are covered by no field (mark them '_')");
            }
            if (f.Fields.Where(x => !x.IsReserved).Select(x => x.Name).Distinct().Count() != f.Fields.Count(x => !x.IsReserved))
            {
                Err(0, $"format {f.Name}: a field name repeats");
            }
            var (fo, fg, fn) = (f.Field("op"), f.Field("gd"), f.Field("gn"));
            op ??= fo;
            gd ??= fg;
            gn ??= fn;
            if (fo is null || fg is null || fn is null || fo != op || fg != gd || fn != gn)
            {
                Err(0, $"format {f.Name}: op, gd and gn must exist and sit at the same bits in every format");
            }
        }

        var byOpcode = new Dictionary<int, InstructionDef>();
        var byShape = new Dictionary<string, InstructionDef>();
        var groups = spec.Groups.Select(g => g.Name).ToHashSet();
        foreach (var inst in spec.Instructions)
        {
            if (op is not null && (inst.Opcode <= 0 || inst.Opcode >= 1 << op.Width))
            {
                Err(inst.Line, $"opcode 0x{inst.Opcode:x} is outside 1..{(1 << op.Width) - 1} (0 is reserved as illegal)");
            }
            if (!byOpcode.TryAdd(inst.Opcode, inst))
            {
                Err(inst.Line, $"opcode 0x{inst.Opcode:x} is already used by line {byOpcode[inst.Opcode].Line}: two instructions would decode the same word");
            }
            var format = spec.Formats.FirstOrDefault(f => f.Name == inst.Format);
            if (format is null)
            {
                Err(inst.Line, $"unknown format '{inst.Format}'");
                continue;
            }
            if (!groups.Contains(inst.Group))
            {
                Err(inst.Line, $"unknown group '{inst.Group}'");
            }
            var usedFields = new HashSet<string>();
            void UseField(string name, Func<FieldDef, bool> fits, string what)
            {
                var field = format.Field(name);
                if (field is null || field.IsReserved || name is "op" or "gd" or "gn")
                {
                    Err(inst.Line, $"format {format.Name} has no operand field '{name}'");
                    return;
                }
                if (!usedFields.Add(name))
                {
                    Err(inst.Line, $"field '{name}' is used twice");
                }
                if (!fits(field))
                {
                    Err(inst.Line, $"field '{name}' ({field.Width} bits) cannot hold {what}");
                }
            }
            foreach (var part in inst.Parts.Where(p => p.Field is not null))
            {
                var e = spec.Enums.FirstOrDefault(x => x.Name == part.Enum);
                if (e is null)
                {
                    Err(inst.Line, $"unknown enum '{part.Enum}'");
                    continue;
                }
                UseField(part.Field!, f => f.Width >= e.Bits, $"enum {e.Name}");
            }
            foreach (var o in inst.Operands)
            {
                UseField(o.Field, f => FieldFits(o.Kind, f.Width), o.Kind.ToString());
                if (o.OffsetField is not null)
                {
                    UseField(o.OffsetField, f => f.Width == 32, "an s32 offset");
                }
                if (o.IsMemory && o.Kind is not (OperandKind.R32 or OperandKind.R64))
                {
                    Err(inst.Line, "a memory operand's base must be r32 or r64");
                }
            }
            var shape = Shape(inst);
            if (!byShape.TryAdd(shape, inst))
            {
                Err(inst.Line, $"assembly shape '{shape}' is ambiguous with line {byShape[shape].Line}");
            }
        }
        ValidateLatencies(spec, Err);
        if (errors.Count > 0)
        {
            throw new SpecException(file, 0, "the spec is inconsistent:\n" + string.Join("\n", errors));
        }
    }

    /// <summary>
    /// Latency classes: declared once with a usable name; every instruction resolves to a declared class (its
    /// own or its group's); every target gives each class used by an instruction of a feature it has exactly
    /// one figure of at least one cycle, and no figure for a class none of whose instructions it has.
    /// </summary>
    private static void ValidateLatencies(IsaSpec spec, Action<int, string> err)
    {
        var declared = new Dictionary<string, LatencyClassDef>(StringComparer.Ordinal);
        foreach (var c in spec.LatencyClasses)
        {
            if (!IsClassName(c.Name))
            {
                err(c.Line, $"latency class name '{c.Name}' must be a lower-case letter followed by letters, digits or '_'");
            }
            if (!declared.TryAdd(c.Name, c))
            {
                err(c.Line, $"latency class '{c.Name}' is already declared on line {declared[c.Name].Line}");
            }
        }
        foreach (var g in spec.Groups.Where(g => g.LatencyClass is not null && !declared.ContainsKey(g.LatencyClass)))
        {
            err(g.Line, $"group {g.Name} names unknown latency class '{g.LatencyClass}'");
        }
        var featureOfGroup = spec.Groups.GroupBy(g => g.Name).ToDictionary(g => g.Key, g => g.First().Feature);
        foreach (var inst in spec.Instructions)
        {
            if (inst.LatencyClass is null)
            {
                err(inst.Line, $"{inst.Mnemonic} has no latency class: give group {inst.Group} a 'latency CLASS' row or the instruction its own");
            }
            else if (inst.LatencyOverride is not null && !declared.ContainsKey(inst.LatencyOverride))
            {
                err(inst.Line, $"{inst.Mnemonic} names unknown latency class '{inst.LatencyOverride}'");
            }
        }
        var used = spec.Instructions.Where(i => i.LatencyClass is not null && declared.ContainsKey(i.LatencyClass)).ToList();
        foreach (var c in spec.LatencyClasses.Where(c => used.All(i => i.LatencyClass != c.Name)))
        {
            err(c.Line, $"latency class '{c.Name}' is used by no instruction");
        }
        foreach (var t in spec.Targets)
        {
            var given = new Dictionary<string, TargetLatency>(StringComparer.Ordinal);
            foreach (var l in t.Latencies)
            {
                if (!declared.ContainsKey(l.Class))
                {
                    err(l.Line, $"target {t.Name} gives a latency for unknown latency class '{l.Class}'");
                }
                else if (!given.TryAdd(l.Class, l))
                {
                    err(l.Line, $"target {t.Name} gives a second latency for class '{l.Class}' (the first is on line {given[l.Class].Line})");
                }
                if (l.Cycles < 1)
                {
                    err(l.Line, $"target {t.Name}: latency of class '{l.Class}' is {l.Cycles}; it must be at least 1 cycle (1 = back to back)");
                }
            }
            var available = used.Where(i => featureOfGroup.TryGetValue(i.Group, out var f) && t.Features.Contains(f)).ToList();
            foreach (var c in spec.LatencyClasses.Where(c => declared[c.Name] == c))
            {
                var first = available.FirstOrDefault(i => i.LatencyClass == c.Name);
                if (first is not null && !given.ContainsKey(c.Name))
                {
                    err(first.Line, $"target {t.Name} has no latency for class '{c.Name}' (used by {first.Mnemonic}): add 'latency {c.Name} CYCLES \"why\"' under target {t.Name}");
                }
                else if (first is null && given.TryGetValue(c.Name, out var extra))
                {
                    err(extra.Line, $"target {t.Name} gives a latency for class '{c.Name}', but none of that class's instructions is available on {t.Name}");
                }
            }
        }
    }

    private static bool IsClassName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static bool FieldFits(OperandKind kind, int width) => kind switch
    {
        OperandKind.R32 or OperandKind.R64 or OperandKind.R128 or OperandKind.SpecialRegister => width == 8,
        OperandKind.Pred => width >= 3,
        _ => width == 32,
    };

    /// <summary>What the assembler sees: the mnemonic with modifiers as wildcards, and each operand's syntactic class.</summary>
    public static string Shape(InstructionDef inst)
    {
        var mnemonic = string.Join('.', inst.Parts.Select(p => p.Literal ?? "{" + p.Enum + "}"));
        var ops = inst.Operands.Select(o => o.IsMemory ? "[mem]" : o.Kind switch
        {
            OperandKind.R32 or OperandKind.R64 or OperandKind.R128 => "reg",
            OperandKind.Pred => "pred",
            OperandKind.SpecialRegister => "sreg",
            OperandKind.Target => "target",
            _ => "imm",
        });
        return mnemonic + " " + string.Join(",", ops);
    }
}
