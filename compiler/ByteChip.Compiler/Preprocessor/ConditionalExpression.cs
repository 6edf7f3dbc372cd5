using System.Globalization;
using ByteChip.Compiler.Driver;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>
/// Evaluates a macro-expanded <c>#if</c> expression (C11 6.10.1): intmax_t/uintmax_t arithmetic, identifiers
/// that are left are 0 (<c>true</c> is 1, as in C++), short-circuit operators do not report errors in the
/// operand they skip.
/// </summary>
internal sealed class ConditionalExpression(IReadOnlyList<PpToken> tokens, DiagnosticBag diagnostics, SourceLocation at)
{
    private readonly record struct Value(long Bits, bool Unsigned)
    {
        public bool IsTrue => Bits != 0;
    }

    private int _pos;
    private bool _failed;

    public long Evaluate()
    {
        var v = Comma(true);
        if (!_failed && _pos < tokens.Count)
        {
            Fail(tokens[_pos].Location, $"token is not a valid binary operator in a preprocessor subexpression");
        }
        return _failed ? 0 : v.Bits;
    }

    private PpToken? Peek => _pos < tokens.Count ? tokens[_pos] : null;

    private bool Accept(string p)
    {
        if (Peek is { } t && t.Is(p))
        {
            _pos++;
            return true;
        }
        return false;
    }

    private Value Fail(SourceLocation location, string message)
    {
        if (!_failed)
        {
            diagnostics.Error((int)PreprocessorCode.InvalidConditionalExpression, location.IsNone ? at : location, message);
        }
        _failed = true;
        return default;
    }

    private Value Comma(bool live)
    {
        var v = Conditional(live);
        while (Accept(","))
        {
            v = Conditional(live);
        }
        return v;
    }

    private Value Conditional(bool live)
    {
        var c = Binary(0, live);
        if (!Accept("?"))
        {
            return c;
        }
        var a = Comma(live && c.IsTrue);
        if (!Accept(":"))
        {
            return Fail(Peek?.Location ?? at, "expected ':' in preprocessor conditional");
        }
        var b = Conditional(live && !c.IsTrue);
        bool u = a.Unsigned || b.Unsigned;
        return c.IsTrue ? a with { Unsigned = u } : b with { Unsigned = u };
    }

    private static int Precedence(string op) => op switch
    {
        "||" => 1,
        "&&" => 2,
        "|" => 3,
        "^" => 4,
        "&" => 5,
        "==" or "!=" => 6,
        "<" or "<=" or ">" or ">=" => 7,
        "<<" or ">>" => 8,
        "+" or "-" => 9,
        "*" or "/" or "%" => 10,
        _ => -1,
    };

    private Value Binary(int minPrecedence, bool live)
    {
        var left = Unary(live);
        while (Peek is { Kind: PpTokenKind.Punctuator } t && Precedence(t.Text) is int p && p > minPrecedence - 1 && p >= 1 && p >= minPrecedence)
        {
            _pos++;
            string op = t.Text;
            bool rightLive = op switch
            {
                "&&" => live && left.IsTrue,
                "||" => live && !left.IsTrue,
                _ => live,
            };
            var right = Binary(p + 1, rightLive);
            left = Apply(op, left, right, rightLive, t.Location);
        }
        return left;
    }

    private Value Apply(string op, Value a, Value b, bool live, SourceLocation location)
    {
        bool u = a.Unsigned || b.Unsigned;
        ulong ua = (ulong)a.Bits, ub = (ulong)b.Bits;
        switch (op)
        {
            case "||": return new(a.IsTrue || b.IsTrue ? 1 : 0, false);
            case "&&": return new(a.IsTrue && b.IsTrue ? 1 : 0, false);
            case "|": return new(a.Bits | b.Bits, u);
            case "^": return new(a.Bits ^ b.Bits, u);
            case "&": return new(a.Bits & b.Bits, u);
            case "==": return new(a.Bits == b.Bits ? 1 : 0, false);
            case "!=": return new(a.Bits != b.Bits ? 1 : 0, false);
            case "<": return new((u ? ua < ub : a.Bits < b.Bits) ? 1 : 0, false);
            case "<=": return new((u ? ua <= ub : a.Bits <= b.Bits) ? 1 : 0, false);
            case ">": return new((u ? ua > ub : a.Bits > b.Bits) ? 1 : 0, false);
            case ">=": return new((u ? ua >= ub : a.Bits >= b.Bits) ? 1 : 0, false);
            case "<<": return new(a.Bits << (int)(b.Bits & 63), a.Unsigned);
            case ">>": return new(a.Unsigned ? (long)(ua >> (int)(b.Bits & 63)) : a.Bits >> (int)(b.Bits & 63), a.Unsigned);
            case "+": return new(unchecked(a.Bits + b.Bits), u);
            case "-": return new(unchecked(a.Bits - b.Bits), u);
            case "*": return new(unchecked(a.Bits * b.Bits), u);
            default:
                if (b.Bits == 0)
                {
                    if (live && !_failed)
                    {
                        diagnostics.Error((int)PreprocessorCode.DivisionByZeroInConditional, location, $"{(op == "/" ? "division" : "remainder")} by zero in preprocessor expression");
                        _failed = true;
                    }
                    return new(0, u);
                }
                if (u)
                {
                    return new((long)(op == "/" ? ua / ub : ua % ub), true);
                }
                if (a.Bits == long.MinValue && b.Bits == -1)
                {
                    return new(op == "/" ? long.MinValue : 0, false);
                }
                return new(op == "/" ? a.Bits / b.Bits : a.Bits % b.Bits, false);
        }
    }

    private Value Unary(bool live)
    {
        if (Peek is not { } t)
        {
            return Fail(at, "expected value in preprocessor expression");
        }
        _pos++;
        switch (t.Kind)
        {
            case PpTokenKind.Punctuator:
                switch (t.Text)
                {
                    case "+": return Unary(live);
                    case "-": { var v = Unary(live); return v with { Bits = unchecked(-v.Bits) }; }
                    case "~": { var v = Unary(live); return v with { Bits = ~v.Bits }; }
                    case "!": { var v = Unary(live); return new(v.IsTrue ? 0 : 1, false); }
                    case "(":
                        var inner = Comma(live);
                        if (!Accept(")"))
                        {
                            return Fail(Peek?.Location ?? t.Location, "expected ')' in preprocessor expression");
                        }
                        return inner;
                }
                return Fail(t.Location, $"invalid token '{t.Text}' at start of a preprocessor expression");
            case PpTokenKind.Identifier:
                return new(t.Text == "true" ? 1 : 0, false);
            case PpTokenKind.Number:
                return ParseNumber(t);
            case PpTokenKind.Character:
                return new(CharacterValue(t.Text), false);
            default:
                return Fail(t.Location, $"invalid token '{t.Text}' in preprocessor expression");
        }
    }

    private Value ParseNumber(PpToken t)
    {
        string s = t.Text;
        int end = s.Length;
        bool unsignedSuffix = false;
        while (end > 0 && s[end - 1] is 'u' or 'U' or 'l' or 'L')
        {
            unsignedSuffix |= s[end - 1] is 'u' or 'U';
            end--;
        }
        string digits = s[..end];
        ulong value;
        bool ok;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = ulong.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            ok = TryParseBase(digits[2..], 2, out value);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            ok = TryParseBase(digits[1..], 8, out value);
        }
        else
        {
            ok = ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
        if (!ok)
        {
            return Fail(t.Location, $"invalid integer constant '{t.Text}' in preprocessor expression");
        }
        return new((long)value, unsignedSuffix || value > long.MaxValue);
    }

    private static bool TryParseBase(string digits, int radix, out ulong value)
    {
        value = 0;
        if (digits.Length == 0)
        {
            return false;
        }
        foreach (char c in digits)
        {
            int d = c - '0';
            if (d < 0 || d >= radix)
            {
                return false;
            }
            value = unchecked(value * (ulong)radix + (ulong)d);
        }
        return true;
    }

    /// <summary>The value of a character constant; shared with the semantic analysis.</summary>
    public static long CharacterValue(string text)
    {
        int q = text.IndexOf('\'');
        string body = q >= 0 && text.Length >= q + 2 ? text[(q + 1)..^1] : "";
        if (body.Length == 0)
        {
            return 0;
        }
        if (body[0] != '\\')
        {
            return body[0];
        }
        if (body.Length < 2)
        {
            return '\\';
        }
        return body[1] switch
        {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' when body.Length == 2 => 0,
            'a' => 7,
            'b' => 8,
            'f' => 12,
            'v' => 11,
            'x' => long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) ? h : 0,
            >= '0' and <= '7' => TryParseBase(body[1..], 8, out var o) ? (long)o : 0,
            _ => body[1],
        };
    }
}
