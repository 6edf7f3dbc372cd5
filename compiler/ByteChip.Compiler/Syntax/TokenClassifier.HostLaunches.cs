using ByteChip.Compiler.Preprocessor;

namespace ByteChip.Compiler.Syntax;

/// <summary>Kernel launches in skipped host code, with what the host code says about their arguments.</summary>
public static partial class TokenClassifier
{
    /// <summary>
    /// Finds <c>name&lt;args&gt;&lt;&lt;&lt;config&gt;&gt;&gt;(call)</c> and <c>name&lt;&lt;&lt;config&gt;&gt;&gt;(call)</c> in host code (the lexer splits
    /// "&lt;&lt;&lt;" into "&lt;&lt;" "&lt;" and "&gt;&gt;&gt;" into "&gt;&gt;" "&gt;"). Host code is never parsed, so two things are read from
    /// its tokens, looking back from the launch to the start of the host function (its parameters included):
    /// <list type="bullet">
    /// <item><c>const int N = 256;</c> / <c>constexpr int N = ...;</c>: <c>reduce&lt;N&gt;</c> becomes <c>reduce&lt;(256)&gt;</c>;</item>
    /// <item>the declared type of each launch argument that is a plain variable (<c>float* d_x;</c> gives
    /// <c>float *</c>, an array <c>float h[N]</c> decays to <c>float *</c>) and literals, for template argument deduction.
    /// Anything else (expressions, <c>std::</c> types) leaves the call arguments unknown.</item>
    /// </list>
    /// </summary>
    internal sealed class HostLaunchScanner(IReadOnlyList<PpToken> tokens, int scopeStart)
    {
        /// <summary>A launch: the kernel name, its template argument tokens (with '&lt;' '&gt;'), and its call arguments as a template argument list or null.</summary>
        public sealed record Launch(PpToken Name, List<PpToken> TemplateArguments, List<PpToken>? CallArguments);

        private static readonly HashSet<string> s_notTypeWords = ["return", "case", "goto", "else", "do", "delete", "new", "throw", "sizeof", "typedef", "using", "if", "while", "for", "switch"];

        private const int MaxSubstitutionDepth = 8;

        public List<Launch> Find(int from, int to)
        {
            var launches = new List<Launch>();
            for (int k = from; k + 2 <= to; k++)
            {
                if (tokens[k].Kind != PpTokenKind.Identifier)
                {
                    continue;
                }
                int configStart;
                List<PpToken> templateArguments;
                if (IsLaunchOpen(k + 1))
                {
                    templateArguments = [Synthetic("<", tokens[k]), Synthetic(">", tokens[k])];
                    configStart = k + 1;
                }
                else if (tokens[k + 1].Is("<") && MatchAngle(k + 1, to) is int close && IsLaunchOpen(close + 1))
                {
                    templateArguments = Substitute(k + 1, close, k, 0);
                    configStart = close + 1;
                }
                else
                {
                    continue;
                }
                int configEnd = FindLaunchClose(configStart + 2, to);
                List<PpToken>? callArguments = null;
                if (configEnd > 0 && configEnd + 1 <= to && tokens[configEnd + 1].Is("("))
                {
                    callArguments = CallArgumentTypes(configEnd + 1, to, k);
                }
                launches.Add(new Launch(tokens[k], templateArguments, callArguments));
                k = configStart + 1;
            }
            return launches;
        }

        private bool IsLaunchOpen(int k) => k + 1 < tokens.Count && tokens[k].Is("<<") && tokens[k + 1].Is("<") && tokens[k + 1].Location.Column == tokens[k].Location.Column + 2;

        /// <summary>The '&gt;' closing the '&lt;' at <paramref name="open"/> before any ';', '{' or '}', or null.</summary>
        private int? MatchAngle(int open, int to)
        {
            int depth = 0;
            for (int j = open; j <= to && j < open + 64; j++)
            {
                if (tokens[j].Is("<"))
                {
                    depth++;
                }
                else if (tokens[j].Is(">") && --depth == 0)
                {
                    return j;
                }
                else if (tokens[j].Is(";") || tokens[j].Is("{") || tokens[j].Is("}"))
                {
                    return null;
                }
            }
            return null;
        }

        /// <summary>The '&gt;' of the "&gt;&gt;" "&gt;" that ends the launch configuration, or -1.</summary>
        private int FindLaunchClose(int from, int to)
        {
            int depth = 0;
            for (int j = from; j + 1 <= to; j++)
            {
                var t = tokens[j];
                if (t.Is("(") || t.Is("["))
                {
                    depth++;
                }
                else if (t.Is(")") || t.Is("]"))
                {
                    depth--;
                }
                else if (t.Is(";"))
                {
                    return -1;
                }
                else if (depth == 0 && t.Is(">>") && tokens[j + 1].Is(">"))
                {
                    return j + 1;
                }
            }
            return -1;
        }

        /// <summary>Tokens <paramref name="from"/>..<paramref name="to"/> with host constants replaced by their parenthesised initializers.</summary>
        private List<PpToken> Substitute(int from, int to, int before, int depth)
        {
            var result = new List<PpToken>();
            for (int j = from; j <= to; j++)
            {
                var t = tokens[j];
                if (t.Kind == PpTokenKind.Identifier && depth < MaxSubstitutionDepth && FindHostConstant(t.Text, before) is var (initStart, initEnd, declaration))
                {
                    result.Add(Synthetic("(", t));
                    result.AddRange(Substitute(initStart, initEnd, declaration, depth + 1).Select(x => x with { Location = t.Location, Expansion = t.Expansion }));
                    result.Add(Synthetic(")", t));
                    continue;
                }
                result.Add(t);
            }
            return result;
        }

        private static PpToken Synthetic(string text, PpToken at) => new(PpTokenKind.Punctuator, text, at.Location) { Expansion = at.Expansion };

        /// <summary>The initializer of the last <c>const</c>/<c>constexpr</c> declaration of <paramref name="name"/> before <paramref name="before"/>.</summary>
        private (int Start, int End, int Declaration)? FindHostConstant(string name, int before)
        {
            for (int j = before - 1; j > scopeStart; j--)
            {
                if (!tokens[j].IsIdentifier(name) || !tokens[j + 1].Is("="))
                {
                    continue;
                }
                var specifiers = TypeWords(j - 1);
                if (specifiers.Count < 2 || !specifiers.Any(s => s.Text is "const" or "constexpr"))
                {
                    continue;
                }
                int end = j + 2;
                int depth = 0;
                while (end < before && !(depth == 0 && (tokens[end].Is(";") || tokens[end].Is(","))))
                {
                    depth += tokens[end].Is("(") ? 1 : tokens[end].Is(")") ? -1 : 0;
                    end++;
                }
                return end > j + 2 && end < before ? (j + 2, end - 1, j) : null;
            }
            return null;
        }

        /// <summary>The identifiers ending at <paramref name="last"/> (going back), in source order; empty if one is not a type word.</summary>
        private List<PpToken> TypeWords(int last)
        {
            var words = new List<PpToken>();
            int k = last;
            while (k >= scopeStart && tokens[k].Kind == PpTokenKind.Identifier)
            {
                words.Insert(0, tokens[k]);
                k--;
            }
            if (k >= scopeStart && !(tokens[k].Is(";") || tokens[k].Is("{") || tokens[k].Is("}") || tokens[k].Is("(") || tokens[k].Is(",") || tokens[k].Is(")")))
            {
                return [];
            }
            return words.Any(w => s_notTypeWords.Contains(w.Text)) ? [] : words;
        }

        /// <summary>The call's arguments as <c>&lt; type-or-(literal), ... &gt;</c>, or null when one is not understood.</summary>
        private List<PpToken>? CallArgumentTypes(int open, int to, int launch)
        {
            var result = new List<PpToken> { Synthetic("<", tokens[open]) };
            int depth = 0;
            int start = open + 1;
            for (int j = open; j <= to; j++)
            {
                if (tokens[j].Is("(") || tokens[j].Is("[") || tokens[j].Is("{"))
                {
                    depth++;
                    continue;
                }
                bool close = tokens[j].Is(")") || tokens[j].Is("]") || tokens[j].Is("}");
                if (close)
                {
                    depth--;
                }
                if (depth == 0 && close || depth == 1 && tokens[j].Is(","))
                {
                    if (j == start)
                    {
                        return close && result.Count == 1 ? [.. result, Synthetic(">", tokens[j])] : null;
                    }
                    if (j != start + 1 || ArgumentType(tokens[start], launch) is not { } argument)
                    {
                        return null;
                    }
                    if (result.Count > 1)
                    {
                        result.Add(Synthetic(",", tokens[start]));
                    }
                    result.AddRange(argument);
                    start = j + 1;
                    if (close)
                    {
                        result.Add(Synthetic(">", tokens[j]));
                        return result;
                    }
                }
            }
            return null;
        }

        /// <summary>A literal as <c>(literal)</c>; a variable as its declared type; null otherwise.</summary>
        private List<PpToken>? ArgumentType(PpToken argument, int launch)
        {
            if (argument.Kind is PpTokenKind.Number or PpTokenKind.Character)
            {
                return [Synthetic("(", argument), argument, Synthetic(")", argument)];
            }
            if (argument.Kind != PpTokenKind.Identifier)
            {
                return null;
            }
            for (int j = launch - 1; j > scopeStart; j--)
            {
                if (!tokens[j].IsIdentifier(argument.Text) || !(tokens[j + 1].Text is ";" or "=" or "," or ")" or "["))
                {
                    continue;
                }
                int p = j - 1;
                while (p > scopeStart && (tokens[p].Is("*") || tokens[p].Is("&") || tokens[p].IsIdentifier("__restrict__")))
                {
                    p--;
                }
                var pointers = Enumerable.Range(p + 1, j - p - 1).Select(x => tokens[x]).Where(x => x.Is("*")).ToList();
                List<PpToken> baseType;
                if (tokens[p].Kind == PpTokenKind.Identifier)
                {
                    baseType = TypeWords(p);
                }
                else if (tokens[p].Is(","))
                {
                    baseType = DeclarationBaseType(p);
                }
                else
                {
                    continue; // an assignment or another use, not the declaration
                }
                if (baseType.Count == 0)
                {
                    continue; // f(x, n) or return n;  a use, not the declaration
                }
                var type = new List<PpToken>(baseType);
                type.AddRange(pointers.Select(x => x with { Location = argument.Location }));
                if (tokens[j + 1].Is("["))
                {
                    type.Add(Synthetic("*", argument)); // an array argument decays
                }
                return type.Select(x => x with { Location = argument.Location, Expansion = argument.Expansion }).ToList();
            }
            return null;
        }

        /// <summary><c>float *a, *b;</c>: the type words at the start of the declaration whose ',' is at <paramref name="comma"/>.</summary>
        private List<PpToken> DeclarationBaseType(int comma)
        {
            int s = comma - 1;
            while (s > scopeStart && !(tokens[s].Is(";") || tokens[s].Is("{") || tokens[s].Is("}") || tokens[s].Is("(")))
            {
                s--;
            }
            if (tokens[s].Is("("))
            {
                return []; // a parameter list: each parameter has its own type
            }
            var words = new List<PpToken>();
            int k = s + 1;
            while (k < comma && tokens[k].Kind == PpTokenKind.Identifier)
            {
                words.Add(tokens[k]);
                k++;
            }
            if (words.Count > 1 && tokens[k].Text is "=" or "," or "[" or ";")
            {
                words.RemoveAt(words.Count - 1); // float a, b;  'a' is the first declarator
            }
            return words.Any(w => s_notTypeWords.Contains(w.Text)) ? [] : words;
        }
    }
}
