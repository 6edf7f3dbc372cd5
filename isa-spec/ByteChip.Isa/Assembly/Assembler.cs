using System.Globalization;
using ByteChip.Isa.Diagnostics;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Isa.Assembly;

/// <summary>The result of assembling a file: a module when there were no errors, and every diagnostic.</summary>
public sealed record AssemblyResult(BcModule? Module, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Module is not null;
}

/// <summary>
/// Assembles ByteChip assembly text into a <see cref="BcModule"/>. Two passes: the first reads directives,
/// labels and instruction addresses; the second parses instructions with every label known. Errors are
/// collected (the assembler keeps going) and carry file, line and column. The syntax is documented in
/// <c>isa-spec/docs/assembly.md</c>.
/// </summary>
public sealed partial class Assembler
{
    private const int MaxErrors = 100;

    private readonly string _file;
    private readonly string[] _lines;
    private readonly List<Diagnostic> _diagnostics = [];
    private TargetInfo? _target;
    private readonly List<string> _sourceFiles = [];
    private readonly List<KernelBuilder> _kernels = [];
    private readonly List<BcConstant> _constants = [];
    private readonly List<byte> _constantData = [];
    private readonly List<BcGlobal> _globals = [];
    private ulong _dataEnd;
    private ulong _bssEnd;
    private KernelBuilder? _current;

    private Assembler(string file, string text, TargetInfo? defaultTarget)
    {
        _file = file;
        _lines = text.Replace("\r\n", "\n").Split('\n');
        _target = defaultTarget;
    }

    /// <summary>Assembles <paramref name="text"/>. <paramref name="defaultTarget"/> applies when the file has no <c>.target</c>.</summary>
    public static AssemblyResult Assemble(string text, string fileName, TargetInfo? defaultTarget = null)
    {
        var asm = new Assembler(fileName, text, defaultTarget);
        return asm.Run();
    }

    private AssemblyResult Run()
    {
        for (int n = 0; n < _lines.Length && ErrorCount < MaxErrors; n++)
        {
            FirstPass(n);
        }
        if (_current is not null)
        {
            Error(AsmErrors.UnterminatedKernel, _current.Line, 1, $"kernel '{_current.Name}' has no '.end'");
        }
        if (_target is null && ErrorCount == 0)
        {
            Error(AsmErrors.MissingTarget, 1, 1, "no '.target n4|n5' directive and no target given");
        }
        if (ErrorCount == 0)
        {
            foreach (var k in _kernels)
            {
                SecondPass(k);
            }
        }
        if (ErrorCount > 0)
        {
            return new AssemblyResult(null, _diagnostics);
        }
        var module = new BcModule
        {
            Target = _target!.Code == 0x400 ? TargetArch.N4 : TargetArch.N5,
            Kernels = _kernels.Select(k => k.ToKernel()).ToList(),
            ConstantData = _constantData.ToArray(),
            Constants = _constants,
            Globals = _globals,
            SourceFiles = _sourceFiles,
        };
        try
        {
            BcModuleValidator.Validate(module);
        }
        catch (BcFormatException e)
        {
            Error(AsmErrors.BadDirective, 1, 1, e.Message);
            return new AssemblyResult(null, _diagnostics);
        }
        return new AssemblyResult(module, _diagnostics);
    }

    private int ErrorCount => _diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    private void Error(int code, int line, int column, string message)
    {
        var source = line >= 1 && line <= _lines.Length ? _lines[line - 1] : null;
        _diagnostics.Add(Diagnostic.Error(code, new SourceLocation(_file, line, column), message) with { SourceLine = source });
    }

    /// <summary>Removes comments (<c>//</c>, <c>#</c>, and <c>/* ... */</c> within the line, outside quotes) and a trailing ';'. Columns are kept.</summary>
    private static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '/' && i + 1 < line.Length && line[i + 1] == '*')
            {
                int end = line.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? line.Length : end + 2;
                line = line[..i] + new string(' ', end - i) + line[end..];
                i = end - 1;
            }
            else if (!quoted && (c == '#' || (c == '/' && i + 1 < line.Length && line[i + 1] == '/')))
            {
                line = line[..i];
                break;
            }
        }
        line = line.TrimEnd();
        return line.EndsWith(';') ? line[..^1].TrimEnd() : line;
    }

    private void FirstPass(int index)
    {
        int lineNo = index + 1;
        var text = StripComment(_lines[index]);
        int pos = 0;
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
        if (pos >= text.Length)
        {
            return;
        }
        // Labels: 'name:' before an optional statement.
        int colon = LabelEnd(text, pos);
        if (colon > 0)
        {
            var label = text[pos..colon];
            if (_current is null)
            {
                Error(AsmErrors.InstructionOutsideKernel, lineNo, pos + 1, $"label '{label}' outside a kernel");
            }
            else if (!_current.Labels.TryAdd(label, 8L * _current.Statements.Count))
            {
                Error(AsmErrors.DuplicateLabel, lineNo, pos + 1, $"label '{label}' is already defined in kernel '{_current.Name}'");
            }
            pos = colon + 1;
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
            if (pos >= text.Length)
            {
                return;
            }
        }
        if (text[pos] == '.' && !text.AsSpan(pos).StartsWith(".word", StringComparison.Ordinal))
        {
            Directive(text, pos, lineNo);
            return;
        }
        if (_current is null)
        {
            Error(AsmErrors.InstructionOutsideKernel, lineNo, pos + 1, "instruction outside a '.kernel' ... '.end' block");
            return;
        }
        _current.Statements.Add(new Statement(text[pos..], pos + 1, lineNo, _current.Location));
    }

    private static int LabelEnd(string text, int pos)
    {
        int i = pos;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '$'))
        {
            i++;
        }
        return i > pos && i < text.Length && text[i] == ':' && !char.IsAsciiDigit(text[pos]) ? i : -1;
    }

    private void SecondPass(KernelBuilder k)
    {
        var code = new ulong[k.Statements.Count];
        int maxReg = -1;
        uint predsUsed = 0;
        for (int n = 0; n < k.Statements.Count && ErrorCount < MaxErrors; n++)
        {
            var s = k.Statements[n];
            long address = 8L * n;
            if (k.LocationAt(n) is { } wordLoc && s.Text.StartsWith(".word", StringComparison.Ordinal)
                && (k.LineRows.Count == 0 || k.LineRows[^1] with { InstructionIndex = 0 } != wordLoc with { InstructionIndex = 0 }))
            {
                k.LineRows.Add(wordLoc with { InstructionIndex = (uint)n });
            }
            if (s.Text.StartsWith(".word", StringComparison.Ordinal))
            {
                var raw = s.Text[5..].Trim();
                if (raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && ulong.TryParse(raw.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var w))
                {
                    code[n] = w;
                }
                else
                {
                    Error(AsmErrors.BadDirective, s.Line, s.Column, $"'.word' expects a 64-bit hexadecimal word (0x...), found '{raw}'");
                }
                continue;
            }
            var text = ExtractRelocation(s.Text, out var reloc, out var relocError);
            if (relocError is not null)
            {
                Error(AsmErrors.BadDirective, s.Line, s.Column, relocError);
                continue;
            }
            if (!InstructionParser.TryParse(text, s.Column, address, name => k.Labels.TryGetValue(name, out var a) ? a : null, out var inst, out var error))
            {
                Error(error.Code, s.Line, error.Column, error.Message);
                continue;
            }
            var form = inst.Form;
            if (!_target!.Has(form.Feature))
            {
                Error(AsmErrors.UnsupportedOnTarget, s.Line, s.Column, $"'{form.MnemonicTemplate}' needs the '{form.Feature.ToString().ToLowerInvariant()}' feature, which target {_target.Name} does not have");
                continue;
            }
            if (reloc is { } r)
            {
                if (!form.Operands.Any(o => o.Field == InstructionField.Imm && !o.IsMemory && o.Kind is OperandKind.U32 or OperandKind.S32))
                {
                    Error(AsmErrors.BadDirective, s.Line, s.Column, "%lo/%hi relocations need an instruction with a 32-bit immediate operand");
                    continue;
                }
                if (!_constants.Any(c => c.Name == r.Symbol) && !_globals.Any(g => g.Name == r.Symbol))
                {
                    Error(AsmErrors.UnknownSymbol, s.Line, s.Column, $"'{r.Symbol}' is not a .const or .global of this file");
                    continue;
                }
                k.Relocations.Add(r with { Offset = (ulong)n });
            }
            code[n] = InstructionCodec.Encode(inst);
            foreach (var op in form.Operands.Where(o => o.IsRegister))
            {
                uint reg = InstructionCodec.Get(inst, op.Field);
                if (reg != Reg.ZeroIndex)
                {
                    maxReg = Math.Max(maxReg, (int)reg + op.RegisterCount - 1);
                }
            }
            foreach (var op in form.Operands.Where(o => o.Kind == OperandKind.Pred))
            {
                uint p = InstructionCodec.Get(inst, op.Field);
                if (p < Pred.TrueIndex)
                {
                    predsUsed = Math.Max(predsUsed, p + 1);
                }
            }
            if (inst.Guard < Pred.TrueIndex)
            {
                predsUsed = Math.Max(predsUsed, inst.Guard + 1u);
            }
            if (k.LocationAt(n) is { } loc && (k.LineRows.Count == 0 || k.LineRows[^1] with { InstructionIndex = 0 } != loc with { InstructionIndex = 0 }))
            {
                k.LineRows.Add(loc with { InstructionIndex = (uint)n });
            }
        }
        k.Code = code;
        uint used = (uint)(maxReg + 1);
        if (k.Registers is null)
        {
            k.Registers = used;
        }
        else if (k.Registers < used)
        {
            Error(AsmErrors.RegisterOverLimit, k.Line, 1, $"kernel '{k.Name}' uses {used} registers but declares '.registers {k.Registers}'");
        }
        if (k.Registers > _target!.RegistersPerThread)
        {
            Error(AsmErrors.RegisterOverLimit, k.Line, 1, $"kernel '{k.Name}' needs {k.Registers} registers; target {_target.Name} has {_target.RegistersPerThread} per thread");
        }
        k.Predicates = predsUsed;
    }

    /// <summary>Replaces a <c>%lo(sym+addend)</c> or <c>%hi(sym)</c> operand with 0 and returns the relocation it asks for.</summary>
    private static string ExtractRelocation(string text, out BcRelocation? reloc, out string? error)
    {
        reloc = null;
        error = null;
        int at = text.IndexOf("%lo(", StringComparison.Ordinal);
        var kind = BcRelocationKind.ImmLo32;
        if (at < 0)
        {
            at = text.IndexOf("%hi(", StringComparison.Ordinal);
            kind = BcRelocationKind.ImmHi32;
        }
        if (at < 0)
        {
            return text;
        }
        int close = text.IndexOf(')', at);
        if (close < 0)
        {
            error = "missing ')' in relocation operand";
            return text;
        }
        var inner = text[(at + 4)..close].Trim();
        long addend = 0;
        int sign = inner.IndexOfAny(['+', '-']);
        var symbol = sign < 0 ? inner : inner[..sign].Trim();
        if (sign >= 0)
        {
            if (!InstructionParser.TryInteger(inner[(sign + 1)..].Trim(), out addend))
            {
                error = $"bad relocation addend in '{inner}'";
                return text;
            }
            addend = inner[sign] == '-' ? -addend : addend;
        }
        reloc = new BcRelocation(kind, 0, symbol, addend);
        return text[..at] + "0" + text[(close + 1)..];
    }

    private static bool TryNumber(string s, out long value) => InstructionParser.TryInteger(s, out value);

    private static string Invariant(long v) => v.ToString(CultureInfo.InvariantCulture);
}
