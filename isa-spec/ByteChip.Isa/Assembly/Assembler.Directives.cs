using System.Globalization;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Isa.Assembly;

public sealed partial class Assembler
{
    private sealed record Statement(string Text, int Column, int Line, BcLineEntry? Location);

    private sealed class KernelBuilder(string name, string? mangled, int line)
    {
        public string Name { get; } = name;

        public string? Mangled { get; } = mangled;

        public int Line { get; } = line;

        public List<Statement> Statements { get; } = [];

        public Dictionary<string, long> Labels { get; } = new(StringComparer.Ordinal);

        public List<BcParameter> Parameters { get; } = [];

        public List<BcRelocation> Relocations { get; } = [];

        public List<BcLineEntry> LineRows { get; } = [];

        public BcLineEntry? Location { get; set; }

        public uint? Registers { get; set; }

        public uint Predicates { get; set; }

        public uint Shared { get; set; }

        public uint Local { get; set; }

        public uint MaxThreads { get; set; }

        public bool DynamicShared { get; set; }

        public ulong[] Code { get; set; } = [];

        public uint NextParamOffset { get; set; }

        public BcLineEntry? LocationAt(int n) => Statements[n].Location;

        public BcKernel ToKernel() => new()
        {
            Name = Name,
            MangledName = Mangled,
            Code = Code,
            Parameters = Parameters,
            RegistersPerThread = Registers ?? 0,
            PredicatesUsed = Predicates,
            StaticSharedBytes = Shared,
            LocalBytesPerThread = Local,
            MaxThreadsPerBlock = MaxThreads,
            UsesDynamicShared = DynamicShared,
            Relocations = Relocations,
            Lines = LineRows,
        };
    }

    private void Directive(string text, int pos, int lineNo)
    {
        var words = Words(text, pos, lineNo);
        if (words is null)
        {
            return;
        }
        var (name, col) = words[0];
        int n = words.Count - 1;
        string W(int k) => words[k].Text;
        bool Num(int k, out long v, long min = 0, long max = uint.MaxValue)
        {
            if (k < words.Count && TryNumber(W(k), out v) && v >= min && v <= max)
            {
                return true;
            }
            v = 0;
            Error(AsmErrors.BadDirective, lineNo, k < words.Count ? words[k].Column : col, $"'{name}' expects a number in {min}..{max}" + (k < words.Count ? $", found '{W(k)}'" : ""));
            return false;
        }
        bool InKernel()
        {
            if (_current is not null)
            {
                return true;
            }
            Error(AsmErrors.BadDirective, lineNo, col, $"'{name}' is only allowed inside a '.kernel' block");
            return false;
        }
        switch (name)
        {
            case ".target":
                if (n != 1 || TargetInfo.Find(W(1)) is not { } t)
                {
                    Error(AsmErrors.BadDirective, lineNo, col, $"'.target' expects one of {string.Join(", ", TargetInfo.All.Select(x => x.Name))}");
                }
                else if (_kernels.Count > 0 || _globals.Count > 0 || _constants.Count > 0)
                {
                    Error(AsmErrors.BadDirective, lineNo, col, "'.target' must come before kernels and data");
                }
                else
                {
                    _target = t;
                }
                break;
            case ".file":
                if (n == 2 && Num(1, out var index) && index == _sourceFiles.Count)
                {
                    _sourceFiles.Add(W(2));
                }
                else
                {
                    Error(AsmErrors.BadDirective, lineNo, col, $"'.file' expects '.file {_sourceFiles.Count} \"name\"' (indices count up from 0)");
                }
                break;
            case ".kernel":
                if (_current is not null)
                {
                    Error(AsmErrors.BadDirective, lineNo, col, $"'.kernel' inside kernel '{_current.Name}' (missing '.end')");
                }
                else if (n is not (1 or 3) || (n == 3 && W(2) != "mangled"))
                {
                    Error(AsmErrors.BadDirective, lineNo, col, "expected '.kernel NAME' or '.kernel NAME mangled SYMBOL'");
                }
                else if (_kernels.Any(k => k.Name == W(1)))
                {
                    Error(AsmErrors.DuplicateSymbol, lineNo, words[1].Column, $"kernel '{W(1)}' is defined twice");
                    _current = new KernelBuilder(W(1), null, lineNo); // swallow its body without follow-on errors; never emitted
                }
                else
                {
                    _current = new KernelBuilder(W(1), n == 3 ? W(3) : null, lineNo);
                    _kernels.Add(_current);
                }
                break;
            case ".end":
                if (InKernel())
                {
                    _current = null;
                }
                break;
            case ".param":
                if (InKernel())
                {
                    Param(words, lineNo);
                }
                break;
            case ".registers" when InKernel() && Num(1, out var regs, 0, 255):
                _current!.Registers = (uint)regs;
                break;
            case ".shared" when InKernel() && Num(1, out var shared):
                _current!.Shared = (uint)shared;
                break;
            case ".local" when InKernel() && Num(1, out var local):
                _current!.Local = (uint)local;
                break;
            case ".maxthreads" when InKernel() && Num(1, out var maxThreads):
                _current!.MaxThreads = (uint)maxThreads;
                break;
            case ".dynshared" when InKernel():
                _current!.DynamicShared = true;
                break;
            case ".loc" when InKernel() && Num(1, out var file) && Num(2, out var line) && Num(3, out var column):
                if (file >= _sourceFiles.Count)
                {
                    Error(AsmErrors.BadDirective, lineNo, words[1].Column, $"'.loc' names file {file}, but only {_sourceFiles.Count} '.file' entries exist");
                }
                else
                {
                    _current!.Location = new BcLineEntry(0, (uint)file, (uint)line, (uint)column);
                }
                break;
            case ".const":
            case ".global":
                DataObject(name, words, lineNo);
                break;
            case ".globalreloc":
                GlobalRelocation(words, lineNo);
                break;
            case ".registers" or ".shared" or ".local" or ".maxthreads" or ".dynshared" or ".loc":
                break; // the guard above already reported the error
            default:
                Error(AsmErrors.UnknownDirective, lineNo, col, $"unknown directive '{name}'");
                break;
        }
    }

    /// <summary><c>.param NAME SIZE ALIGN [ptr SPACE] [at OFFSET]</c>; without 'at' the next aligned offset.</summary>
    private void Param(List<(string Text, int Column)> words, int lineNo)
    {
        var k = _current!;
        if (words.Count < 4 || !TryNumber(words[2].Text, out var size) || size is < 1 or > 4096
            || !TryNumber(words[3].Text, out var align) || align is < 1 or > 256 || (align & (align - 1)) != 0)
        {
            Error(AsmErrors.BadDirective, lineNo, words[0].Column, "expected '.param NAME SIZE ALIGN [ptr SPACE] [at OFFSET]' with SIZE 1..4096 and ALIGN a power of two up to 256");
            return;
        }
        var kind = BcParameterKind.Value;
        var space = BcAddressSpace.None;
        long offset = (k.NextParamOffset + align - 1) / align * align;
        for (int i = 4; i < words.Count; i += 2)
        {
            if (i + 1 >= words.Count)
            {
                Error(AsmErrors.BadDirective, lineNo, words[i].Column, $"'{words[i].Text}' needs a value");
                return;
            }
            if (words[i].Text == "ptr" && Enum.TryParse<BcAddressSpace>(words[i + 1].Text, true, out var s) && s != BcAddressSpace.None)
            {
                kind = BcParameterKind.Pointer;
                space = s;
            }
            else if (words[i].Text == "at" && TryNumber(words[i + 1].Text, out offset) && offset >= 0 && offset % align == 0)
            {
            }
            else
            {
                Error(AsmErrors.BadDirective, lineNo, words[i].Column, $"bad '.param' option '{words[i].Text} {words[i + 1].Text}' (ptr generic|global|shared|local|constant, at ALIGNED-OFFSET)");
                return;
            }
        }
        if (k.Parameters.Any(p => p.Name == words[1].Text))
        {
            Error(AsmErrors.DuplicateSymbol, lineNo, words[1].Column, $"parameter '{words[1].Text}' is declared twice");
            return;
        }
        k.Parameters.Add(new BcParameter(words[1].Text, (uint)offset, (uint)size, (uint)align, kind, space));
        k.NextParamOffset = Math.Max(k.NextParamOffset, (uint)(offset + size));
    }

    /// <summary><c>.const|.global NAME SIZE ALIGN [at OFFSET] [= HEX-BYTES...]</c>; a .global without '=' is zero-filled.</summary>
    private void DataObject(string directive, List<(string Text, int Column)> words, int lineNo)
    {
        if (_current is not null)
        {
            Error(AsmErrors.BadDirective, lineNo, words[0].Column, $"'{directive}' is not allowed inside a kernel");
            return;
        }
        if (words.Count < 4 || !TryNumber(words[2].Text, out var size) || size is < 0 or > int.MaxValue
            || !TryNumber(words[3].Text, out var align) || align < 1 || (align & (align - 1)) != 0)
        {
            Error(AsmErrors.BadDirective, lineNo, words[0].Column, $"expected '{directive} NAME SIZE ALIGN [at OFFSET] [= BYTES]'");
            return;
        }
        var name = words[1].Text;
        if (_constants.Any(c => c.Name == name) || _globals.Any(g => g.Name == name))
        {
            Error(AsmErrors.DuplicateSymbol, lineNo, words[1].Column, $"symbol '{name}' is defined twice");
            return;
        }
        int i = 4;
        long? at = null;
        if (i + 1 < words.Count && words[i].Text == "at")
        {
            if (!TryNumber(words[i + 1].Text, out var o) || o < 0 || o % align != 0)
            {
                Error(AsmErrors.BadDirective, lineNo, words[i + 1].Column, "'at' needs an offset that is a multiple of the alignment");
                return;
            }
            at = o;
            i += 2;
        }
        byte[]? init = null;
        if (i < words.Count)
        {
            if (words[i].Text != "=")
            {
                Error(AsmErrors.BadDirective, lineNo, words[i].Column, $"expected '=' before the initializer bytes, found '{words[i].Text}'");
                return;
            }
            init = new byte[size];
            int count = words.Count - i - 1;
            if (count != size)
            {
                Error(AsmErrors.BadDirective, lineNo, words[i].Column, $"'{name}' has size {size} but {count} initializer bytes");
                return;
            }
            for (int b = 0; b < count; b++)
            {
                var (t, c) = words[i + 1 + b];
                if (t.Length != 2 || !byte.TryParse(t, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out init[b]))
                {
                    Error(AsmErrors.BadDirective, lineNo, c, $"initializer bytes are two hex digits each, found '{t}'");
                    return;
                }
            }
        }
        if (directive == ".const")
        {
            ulong offset = at is { } a ? (ulong)a : ((ulong)_constantData.Count + (ulong)align - 1) / (ulong)align * (ulong)align;
            while ((ulong)_constantData.Count < offset + (ulong)size)
            {
                _constantData.Add(0);
            }
            if (init is not null)
            {
                for (int b = 0; b < init.Length; b++)
                {
                    _constantData[(int)offset + b] = init[b];
                }
            }
            _constants.Add(new BcConstant(name, offset, (ulong)size, (uint)align));
            return;
        }
        ref ulong end = ref init is null ? ref _bssEnd : ref _dataEnd;
        ulong place = at is { } g ? (ulong)g : (end + (ulong)align - 1) / (ulong)align * (ulong)align;
        end = Math.Max(end, place + (ulong)size);
        _globals.Add(new BcGlobal { Name = name, Offset = place, Size = (ulong)size, Alignment = (uint)align, Initializer = init });
    }

    /// <summary><c>.globalreloc GLOBAL OFFSET SYMBOL [ADDEND]</c>: the 8 bytes at OFFSET of GLOBAL hold SYMBOL's address + ADDEND.</summary>
    private void GlobalRelocation(List<(string Text, int Column)> words, int lineNo)
    {
        int index = words.Count >= 4 ? _globals.FindIndex(g => g.Name == words[1].Text) : -1;
        long addend = 0;
        if (index < 0 || !TryNumber(words[2].Text, out var offset) || offset < 0 || (words.Count == 5 && !TryNumber(words[4].Text, out addend)) || words.Count > 5)
        {
            Error(AsmErrors.BadDirective, lineNo, words[0].Column, "expected '.globalreloc GLOBAL OFFSET SYMBOL [ADDEND]' after the global's '.global'");
            return;
        }
        var g = _globals[index];
        _globals[index] = g with { Relocations = [.. g.Relocations, new BcRelocation(BcRelocationKind.Abs64, (ulong)offset, words[3].Text, addend)] };
    }

    /// <summary>Splits a directive line into words; double-quoted words may hold spaces and commas are separators.</summary>
    private List<(string Text, int Column)>? Words(string text, int pos, int lineNo)
    {
        var words = new List<(string, int)>();
        int i = pos;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == ',')
            {
                i++;
                continue;
            }
            if (text[i] == '"')
            {
                int end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    Error(AsmErrors.SyntaxError, lineNo, i + 1, "unterminated string");
                    return null;
                }
                words.Add((text[(i + 1)..end], i + 1));
                i = end + 1;
                continue;
            }
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != ',')
            {
                i++;
            }
            words.Add((text[start..i], start + 1));
        }
        return words;
    }
}
