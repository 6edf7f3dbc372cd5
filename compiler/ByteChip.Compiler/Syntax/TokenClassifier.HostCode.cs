using Antlr4.Runtime;
using ByteChip.Compiler.Preprocessor;
using ByteChip.Compiler.Syntax.Generated;

namespace ByteChip.Compiler.Syntax;

/// <summary>Pass 1: host code is recognised and replaced by HostBody/HostCode tokens.</summary>
public static partial class TokenClassifier
{
    // ------------------------------------------------------------------ pass 1: host code

    private sealed class HostCodeFilter(IReadOnlyList<PpToken> tokens, List<ClassifiedToken> output)
    {
        public void Process(int start, int end, bool inStruct)
        {
            int i = start;
            while (i < end)
            {
                var t = tokens[i];
                if (t.Kind == PpTokenKind.Pragma || t.Is(";"))
                {
                    Emit(i);
                    i++;
                    continue;
                }
                if (!inStruct && t.IsIdentifier("extern") && i + 2 < end && tokens[i + 1].Kind == PpTokenKind.String && tokens[i + 2].Is("{"))
                {
                    // extern "C" { ... } is transparent for device compilation.
                    int close = Match(i + 2, end);
                    Process(i + 3, close, inStruct: false);
                    i = close + 1;
                    continue;
                }
                var (segmentEnd, bodyStart) = FindSegmentEnd(i, end);
                int headEnd = bodyStart >= 0 ? bodyStart : segmentEnd + 1;
                if (IsHostOnlyConstruct(i, headEnd))
                {
                    EmitHost(CudaParser.HostCode, i, segmentEnd);
                }
                else if (bodyStart >= 0)
                {
                    if (HasDeviceQualifier(i, bodyStart))
                    {
                        EmitRange(i, segmentEnd);
                    }
                    else if (IsSimpleHead(i, bodyStart))
                    {
                        EmitRange(i, bodyStart - 1);
                        EmitHost(CudaParser.HostBody, bodyStart, segmentEnd, i);
                    }
                    else
                    {
                        EmitHost(CudaParser.HostCode, i, segmentEnd);
                    }
                }
                else
                {
                    EmitDeclaration(i, segmentEnd);
                }
                i = segmentEnd + 1;
            }
        }

        private void Emit(int i)
        {
            var t = tokens[i];
            if (t.Kind == PpTokenKind.Other)
            {
                return; // already reported by the preprocessor as a stray character
            }
            output.Add(new ClassifiedToken(BaseType(t), t, t));
        }

        private void EmitRange(int from, int to)
        {
            for (int k = from; k <= to; k++)
            {
                // A launch in device code (kernel<<<g, b>>>(args);) becomes one invalid token up to its ';', so the
                // parser reports it once and goes on with the next statement.
                if (tokens[k].Is("<<") && k + 1 <= to && tokens[k + 1].Is("<") && tokens[k + 1].Location.Column == tokens[k].Location.Column + 2)
                {
                    int end = k;
                    while (end < to && !tokens[end].Is(";"))
                    {
                        end++;
                    }
                    if (output.Count > 0 && output[^1].Type == CudaParser.Identifier)
                    {
                        output.RemoveAt(output.Count - 1);
                    }
                    output.Add(new ClassifiedToken(CudaParser.Unknown, tokens[k], tokens[end]));
                    k = end;
                    continue;
                }
                Emit(k);
            }
        }

        /// <summary>Kernel launches in skipped host code (see <see cref="HostLaunchScanner"/>).</summary>
        public List<HostLaunchScanner.Launch> Launches { get; } = [];

        private void EmitHost(int type, int from, int to, int headStart = -1)
        {
            output.Add(new ClassifiedToken(type, tokens[from], tokens[Math.Max(from, to)]));
            Launches.AddRange(new HostLaunchScanner(tokens, headStart >= 0 ? headStart : from).Find(from, to));
        }

        /// <summary>A declaration: struct/union bodies are filtered member by member (host member functions).</summary>
        private void EmitDeclaration(int from, int to)
        {
            int k = from;
            int paren = 0;
            while (k <= to)
            {
                var t = tokens[k];
                if (t.Is("(") || t.Is("["))
                {
                    paren++;
                }
                else if (t.Is(")") || t.Is("]"))
                {
                    paren--;
                }
                else if (t.Is("{") && paren == 0)
                {
                    int close = Match(k, to + 1);
                    if (IsAggregateBody(from, k))
                    {
                        Emit(k);
                        Process(k + 1, close, inStruct: true);
                        if (close <= to)
                        {
                            Emit(close);
                        }
                    }
                    else
                    {
                        EmitRange(k, Math.Min(close, to));
                    }
                    k = close + 1;
                    continue;
                }
                Emit(k);
                k++;
            }
        }

        /// <summary>A struct/union body (not an enum or an initializer): the brace follows the key, its name or attributes.</summary>
        private bool IsAggregateBody(int from, int brace)
        {
            for (int k = brace - 1; k >= from; k--)
            {
                var t = tokens[k];
                if (t.IsIdentifier("struct") || t.IsIdentifier("union"))
                {
                    return true;
                }
                if (t.Is("=") || t.Is(",") || t.IsIdentifier("enum") || t.Is("}"))
                {
                    return false;
                }
            }
            return false;
        }

        /// <summary>Index of the matching closer of the bracket at <paramref name="open"/>, or <paramref name="end"/>-1.</summary>
        private int Match(int open, int end)
        {
            string o = tokens[open].Text;
            string c = o switch { "{" => "}", "(" => ")", _ => "]" };
            int depth = 0;
            for (int k = open; k < end; k++)
            {
                if (tokens[k].Is(o))
                {
                    depth++;
                }
                else if (tokens[k].Is(c) && --depth == 0)
                {
                    return k;
                }
            }
            return end - 1;
        }

        /// <summary>The last token of the declaration starting at <paramref name="i"/>, and the index of its function body brace or -1.</summary>
        private (int End, int BodyStart) FindSegmentEnd(int i, int end)
        {
            if (tokens[i].IsIdentifier("namespace"))
            {
                for (int k = i; k < end; k++)
                {
                    if (tokens[k].Is(";"))
                    {
                        return (k, -1);
                    }
                    if (tokens[k].Is("{"))
                    {
                        return (Match(k, end), -1);
                    }
                }
                return (end - 1, -1);
            }
            int depth = 0;
            for (int k = i; k < end; k++)
            {
                var t = tokens[k];
                if (t.Is("(") || t.Is("["))
                {
                    depth++;
                }
                else if (t.Is(")") || t.Is("]"))
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (depth == 0 && t.Is(";"))
                {
                    return (k, -1);
                }
                else if (depth == 0 && t.Is("{"))
                {
                    int close = Match(k, end);
                    if (IsFunctionBody(i, k))
                    {
                        return (close, k);
                    }
                    k = close;
                }
                else if (depth == 0 && t.Is("}"))
                {
                    // A stray closer: end the segment before it so the parser reports it.
                    return (Math.Max(i, k), -1);
                }
            }
            return (end - 1, -1);
        }

        private bool IsFunctionBody(int start, int brace)
        {
            if (brace == start)
            {
                return false;
            }
            var prev = tokens[brace - 1];
            if (prev.IsIdentifier("const") || prev.IsIdentifier("noexcept") || prev.IsIdentifier("override") || prev.IsIdentifier("final"))
            {
                return true;
            }
            if (!prev.Is(")"))
            {
                return false;
            }
            // The parenthesis must close a parameter list (or a member initializer), not __align__(16) or __attribute__((...)).
            int depth = 0;
            for (int k = brace - 1; k >= start; k--)
            {
                if (tokens[k].Is(")"))
                {
                    depth++;
                }
                else if (tokens[k].Is("(") && --depth == 0)
                {
                    if (k == start)
                    {
                        return false;
                    }
                    var before = tokens[k - 1];
                    return !(before.IsIdentifier("__align__") || before.IsIdentifier("alignas") || before.Is("(") || before.IsIdentifier("__launch_bounds__") || before.IsIdentifier("__attribute__"));
                }
            }
            return false;
        }

        private bool HasDeviceQualifier(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (tokens[k].IsIdentifier("__global__") || tokens[k].IsIdentifier("__device__"))
                {
                    return true;
                }
            }
            return false;
        }

        private bool IsHostOnlyConstruct(int from, int to)
        {
            var first = tokens[from];
            if (first.IsIdentifier("namespace") || first.IsIdentifier("class") || (first.IsIdentifier("using") && from + 1 < to && tokens[from + 1].IsIdentifier("namespace")))
            {
                return true;
            }
            bool device = HasDeviceQualifier(from, to);
            if (first.IsIdentifier("template"))
            {
                int close = from + 1;
                int angle = 0;
                for (; close < to; close++)
                {
                    if (tokens[close].Is("<"))
                    {
                        angle++;
                    }
                    else if (tokens[close].Is(">") && --angle == 0)
                    {
                        break;
                    }
                }
                if (close + 1 < to && tokens[close + 1].IsIdentifier("class"))
                {
                    return true;
                }
                bool isStruct = close + 1 < to && (tokens[close + 1].IsIdentifier("struct") || tokens[close + 1].IsIdentifier("union"));
                if (!device && !isStruct)
                {
                    return true;
                }
            }
            for (int k = from; k < to; k++)
            {
                var t = tokens[k];
                if (t.Is("::") && !(k > from && s_ignoredNamespaces.Contains(tokens[k - 1].Text)))
                {
                    return true;
                }
                if (t.Kind == PpTokenKind.Identifier && s_hostOnlyWords.Contains(t.Text) && !(k > from && (tokens[k - 1].IsIdentifier("enum") || tokens[k - 1].Is("<") || tokens[k - 1].Is(","))))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>A host function head the grammar can read: no templates, qualified names or operators.</summary>
        private bool IsSimpleHead(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                var t = tokens[k];
                if (t.Is("<") || t.Is(">") || t.Is("::") || t.Is("&&") || t.IsIdentifier("operator") || t.IsIdentifier("template") || t.IsIdentifier("const_iterator"))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
