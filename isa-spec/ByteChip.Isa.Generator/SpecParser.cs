using System.Globalization;
using System.Text;

namespace ByteChip.Isa.Generator;

/// <summary>An error in the spec file, with its line.</summary>
public sealed class SpecException(string file, int line, string message) : Exception($"{file}:{line}: error: {message}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}

/// <summary>Reads the line-oriented spec format described at the top of <c>bytechip.isa</c>.</summary>
public sealed class SpecParser
{
    private readonly string _file;
    private readonly string[] _lines;
    private int _index;

    private readonly List<FeatureDef> _features = [];
    private readonly List<LatencyClassDef> _latencyClasses = [];
    private readonly List<TargetDef> _targets = [];
    private readonly List<EnumDef> _enums = [];
    private readonly List<SpecialRegisterDef> _sregs = [];
    private readonly List<FormatDef> _formats = [];
    private readonly List<GroupDef> _groups = [];
    private readonly List<InstructionDef> _insts = [];
    private string _name = "";
    private int _version;

    private SpecParser(string file, string text)
    {
        _file = file;
        _lines = text.Replace("\r\n", "\n").Split('\n');
    }

    public static IsaSpec Parse(string file, string text) => new SpecParser(file, text).Run();

    private IsaSpec Run()
    {
        while (_index < _lines.Length)
        {
            var (raw, lineNo) = (_lines[_index], _index + 1);
            _index++;
            var line = StripComment(raw);
            if (line.Trim().Length == 0)
            {
                continue;
            }
            if (char.IsWhiteSpace(line[0]))
            {
                throw Error(lineNo, "indented line without a statement that owns it");
            }
            var words = Tokenize(line, lineNo);
            switch (words[0])
            {
                case "isa":
                    Expect(words, 3, lineNo);
                    _name = words[1];
                    _version = ParseInt(words[2], lineNo);
                    break;
                case "feature":
                    Expect(words, 3, lineNo);
                    _features.Add(new FeatureDef(words[1], words[2]));
                    break;
                case "latency-class":
                    Expect(words, 3, lineNo);
                    _latencyClasses.Add(new LatencyClassDef(words[1], words[2], lineNo));
                    break;
                case "target":
                    ParseTarget(words, lineNo);
                    break;
                case "enum":
                    ParseEnum(words, lineNo);
                    break;
                case "sreg":
                    Expect(words, 4, lineNo);
                    _sregs.Add(new SpecialRegisterDef(words[1], ParseInt(words[2], lineNo), words[3]));
                    break;
                case "format":
                    ParseFormat(words, lineNo);
                    break;
                case "group":
                {
                    Expect(words, 4, lineNo);
                    var (doc, latency) = ReadBody();
                    _groups.Add(new GroupDef(words[1], words[2], words[3], doc, latency, lineNo));
                    break;
                }
                case "inst":
                    ParseInst(line, lineNo);
                    break;
                default:
                    throw Error(lineNo, $"unknown statement '{words[0]}'");
            }
        }
        var spec = new IsaSpec(_name, _version, _features, _latencyClasses, _targets, _enums, _sregs, _formats, _groups, NameInstructions(_insts));
        SpecValidator.Validate(_file, spec);
        return spec;
    }

    private void ParseTarget(List<string> words, int lineNo)
    {
        Expect(words, 4, lineNo);
        var limits = new List<TargetLimit>();
        var features = new List<string>();
        var latencies = new List<TargetLatency>();
        foreach (var (body, no) in ReadIndented())
        {
            var w = Tokenize(body, no);
            if (w[0] == "limit")
            {
                Expect(w, 4, no);
                limits.Add(new TargetLimit(w[1], ParseLong(w[2], no), w[3]));
            }
            else if (w[0] == "features")
            {
                features.AddRange(w.Skip(1));
            }
            else if (w[0] == "latency")
            {
                // latency CLASS CYCLES "why this figure"; classes, duplicates and coverage are checked by the validator.
                Expect(w, 4, no);
                latencies.Add(new TargetLatency(w[1], ParseInt(w[2], no), w[3], no));
            }
            else
            {
                throw Error(no, $"expected 'limit', 'features' or 'latency' in target, found '{w[0]}'");
            }
        }
        _targets.Add(new TargetDef(words[1], ParseInt(words[2], lineNo), words[3], limits, features, latencies));
    }

    private void ParseEnum(List<string> words, int lineNo)
    {
        Expect(words, 4, lineNo);
        var values = new List<EnumValueDef>();
        foreach (var (body, no) in ReadIndented())
        {
            var w = Tokenize(body, no);
            Expect(w, 3, no);
            values.Add(new EnumValueDef(w[0], ParseInt(w[1], no), w[2]));
        }
        _enums.Add(new EnumDef(words[1], ParseInt(words[2], lineNo), words[3], values));
    }

    private void ParseFormat(List<string> words, int lineNo)
    {
        Expect(words, 3, lineNo);
        var fields = new List<FieldDef>();
        foreach (var (body, no) in ReadIndented())
        {
            var w = Tokenize(body, no);
            Expect(w, 3, no);
            fields.Add(new FieldDef(w[0], ParseInt(w[1], no), ParseInt(w[2], no)));
        }
        _formats.Add(new FormatDef(words[1], words[2], fields));
    }

    private void ParseInst(string line, int lineNo)
    {
        // inst OPCODE MNEMONIC FORMAT [operand, operand, ...]
        var rest = line["inst".Length..].Trim();
        var head = rest.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
        if (head.Length < 3)
        {
            throw Error(lineNo, "expected 'inst OPCODE MNEMONIC FORMAT OPERANDS'");
        }
        int opcode = ParseInt(head[0], lineNo);
        var parts = ParseMnemonic(head[1], lineNo);
        var operands = new List<OperandDef>();
        if (head.Length == 4)
        {
            foreach (var text in head[3].Split(',', StringSplitOptions.TrimEntries))
            {
                // The first operand of a 'd'/'pd' field is the result; a leading '+' marks an operand that is read and written.
                bool readWrite = text.StartsWith('+');
                var operand = ParseOperand(readWrite ? text[1..] : text, lineNo);
                bool result = operands.Count == 0 && !operand.IsMemory && operand.Field is "d" or "pd";
                operands.Add(operand with { Role = readWrite ? OperandRole.UseDef : result ? OperandRole.Def : OperandRole.Use });
            }
        }
        var group = _groups.Count > 0 ? _groups[^1] : throw Error(lineNo, "instruction before any group");
        var (doc, latency) = ReadBody();
        _insts.Add(new InstructionDef(opcode, head[1], parts, head[2], operands, group.Name, doc, lineNo)
        {
            LatencyOverride = latency,
            LatencyClass = latency ?? group.LatencyClass,
        });
    }

    private List<MnemonicPart> ParseMnemonic(string text, int lineNo)
    {
        var parts = new List<MnemonicPart>();
        foreach (var p in text.Split('.'))
        {
            if (p.StartsWith('{') && p.EndsWith('}'))
            {
                var inner = p[1..^1].Split(':');
                if (inner.Length != 2)
                {
                    throw Error(lineNo, $"modifier placeholder '{p}' must be {{field:enum}}");
                }
                parts.Add(new MnemonicPart(null, inner[0], inner[1]));
            }
            else if (p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw Error(lineNo, $"bad mnemonic part '{p}' in '{text}'");
            }
            else
            {
                parts.Add(new MnemonicPart(p, null, null));
            }
        }
        return parts;
    }

    private OperandDef ParseOperand(string text, int lineNo)
    {
        bool memory = text.StartsWith('[');
        if (memory)
        {
            if (!text.EndsWith(']'))
            {
                throw Error(lineNo, $"memory operand '{text}' lacks ']'");
            }
            var inner = text[1..^1].Split('+');
            var (field, kind) = FieldKind(inner[0], lineNo);
            string? offset = null;
            if (inner.Length == 2)
            {
                var (of, ok) = FieldKind(inner[1], lineNo);
                if (ok != OperandKind.S32)
                {
                    throw Error(lineNo, "a memory offset must be of kind s32");
                }
                offset = of;
            }
            return new OperandDef(kind, field, true, offset);
        }
        var (f, k) = FieldKind(text, lineNo);
        return new OperandDef(k, f, false, null);
    }

    private (string Field, OperandKind Kind) FieldKind(string text, int lineNo)
    {
        var fk = text.Split(':');
        if (fk.Length != 2)
        {
            throw Error(lineNo, $"operand '{text}' must be field:kind");
        }
        OperandKind kind = fk[1] switch
        {
            "r32" => OperandKind.R32,
            "r64" => OperandKind.R64,
            "r128" => OperandKind.R128,
            "p" => OperandKind.Pred,
            "sr" => OperandKind.SpecialRegister,
            "u32" => OperandKind.U32,
            "s32" => OperandKind.S32,
            "f32" => OperandKind.F32,
            "tgt" => OperandKind.Target,
            _ => throw Error(lineNo, $"unknown operand kind '{fk[1]}'"),
        };
        return (fk[0], kind);
    }

    /// <summary>Gives every instruction a unique C# name: the mnemonic's literal parts in PascalCase, plus "Imm" for immediate formats when the name is taken.</summary>
    private List<InstructionDef> NameInstructions(List<InstructionDef> insts)
    {
        var used = new Dictionary<string, InstructionDef>();
        var result = new List<InstructionDef>();
        foreach (var inst in insts)
        {
            var sb = new StringBuilder();
            foreach (var part in inst.Parts.Where(p => p.Literal is not null))
            {
                sb.Append(char.ToUpperInvariant(part.Literal![0])).Append(part.Literal.AsSpan(1));
            }
            var name = sb.ToString();
            if (used.ContainsKey(name))
            {
                name += "Imm";
            }
            if (used.TryGetValue(name, out var other))
            {
                throw Error(inst.Line, $"instruction name '{name}' is already used by line {other.Line}");
            }
            var named = inst with { Name = name };
            used[name] = named;
            result.Add(named);
        }
        return result;
    }

    /// <summary>The indented rows of a group or instruction: '| text' documentation and at most one 'latency CLASS' row.</summary>
    private (List<string> Doc, string? LatencyClass) ReadBody()
    {
        var doc = new List<string>();
        string? latency = null;
        int latencyLine = 0;
        foreach (var (body, no) in ReadIndented())
        {
            var t = body.TrimStart();
            if (t.StartsWith('|'))
            {
                doc.Add(t.Length > 1 && t[1] == ' ' ? t[2..].TrimEnd() : t[1..].TrimEnd());
                continue;
            }
            var w = Tokenize(StripComment(t), no);
            if (w.Count > 0 && w[0] == "latency")
            {
                Expect(w, 2, no);
                if (latency is not null)
                {
                    throw Error(no, $"a second 'latency' row (line {latencyLine} already gives class '{latency}'): an instruction form has exactly one latency class");
                }
                (latency, latencyLine) = (w[1], no);
                continue;
            }
            throw Error(no, "expected a '| text' documentation line or a 'latency CLASS' row");
        }
        return (doc, latency);
    }

    private IEnumerable<(string Body, int Line)> ReadIndented()
    {
        while (_index < _lines.Length)
        {
            var raw = _lines[_index];
            var isDoc = raw.TrimStart().StartsWith('|');
            var line = isDoc ? raw.TrimEnd() : StripComment(raw);
            if (line.Length == 0 || !char.IsWhiteSpace(line[0]) || line.Trim().Length == 0)
            {
                yield break;
            }
            _index++;
            yield return (line, _index);
        }
    }

    private static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == '#' && !quoted)
            {
                return line[..i].TrimEnd();
            }
        }
        return line.TrimEnd();
    }

    private List<string> Tokenize(string line, int lineNo)
    {
        var words = new List<string>();
        int i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }
            if (line[i] == '"')
            {
                int end = line.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw Error(lineNo, "unterminated string");
                }
                words.Add(line[(i + 1)..end]);
                i = end + 1;
                continue;
            }
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }
            words.Add(line[start..i]);
        }
        return words;
    }

    private void Expect(List<string> words, int count, int lineNo)
    {
        if (words.Count != count)
        {
            throw Error(lineNo, $"'{words[0]}' takes {count - 1} items, found {words.Count - 1}");
        }
    }

    private int ParseInt(string text, int lineNo) => checked((int)ParseLong(text, lineNo));

    private long ParseLong(string text, int lineNo)
    {
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long v)
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out v);
        return ok ? v : throw Error(lineNo, $"'{text}' is not a number");
    }

    private SpecException Error(int line, string message) => new(_file, line, message);
}
