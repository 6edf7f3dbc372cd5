using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ByteChip.Tools.Bcgolden;

/// <summary>
/// LLVM FileCheck semantics over a tool's output, line by line: <c>CHECK</c> finds the pattern after the previous
/// match, <c>CHECK-NEXT</c> on the next line, <c>CHECK-SAME</c> on the same line, <c>CHECK-EMPTY</c> expects an
/// empty next line, <c>CHECK-NOT</c> must not match between the surrounding matches, consecutive <c>CHECK-DAG</c>s
/// match in any order without overlapping, <c>CHECK-COUNT-N</c> matches N times in a row, and <c>CHECK-LABEL</c>s
/// are matched first and split the output into blocks that the other directives cannot cross.
/// </summary>
public sealed partial class FileCheck
{
    private readonly string[] _lines;
    private readonly string _file;
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    private FileCheck(string output, string file)
    {
        var text = output.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }
        _lines = text.Split('\n');
        _file = file;
    }

    private readonly record struct Pos(int Line, int Col) : IComparable<Pos>
    {
        public int CompareTo(Pos other) => Line != other.Line ? Line.CompareTo(other.Line) : Col.CompareTo(other.Col);

        public static bool operator <(Pos a, Pos b) => a.CompareTo(b) < 0;

        public static bool operator >(Pos a, Pos b) => a.CompareTo(b) > 0;

        public static bool operator <=(Pos a, Pos b) => a.CompareTo(b) <= 0;

        public static bool operator >=(Pos a, Pos b) => a.CompareTo(b) >= 0;
    }

    private readonly record struct Hit(Pos Start, Pos End, Match Match, CheckPattern Pattern);

    private sealed class CheckFailure(string message) : Exception(message);

    /// <summary>Checks <paramref name="output"/> against the directives; null when everything matches, else a report.</summary>
    public static string? Run(string output, IReadOnlyList<CheckDirective> directives, string file, IReadOnlyList<string> prefixes)
    {
        // As FileCheck without --allow-unused-prefixes: every prefix of the RUN line must have a directive.
        var unused = prefixes.Where(p => !directives.Any(d => d.Prefix == p)).ToList();
        if (unused.Count > 0)
        {
            return $"{file}: error: no check strings found with prefix{(unused.Count > 1 ? "es" : "")} {string.Join(", ", unused.Select(p => $"'{p}:'"))}\n";
        }
        var check = new FileCheck(output, file);
        try
        {
            check.RunAll(directives);
            return null;
        }
        catch (CheckFailure f)
        {
            return f.Message;
        }
        catch (GoldenException e)
        {
            return $"{file}: error: {e.Message}";
        }
    }

    private void RunAll(IReadOnlyList<CheckDirective> directives)
    {
        var end = new Pos(_lines.Length - 1, _lines[^1].Length);
        var labels = new List<(int Index, Hit Hit)>();
        var pos = new Pos(0, 0);
        for (int i = 0; i < directives.Count; i++)
        {
            if (directives[i].Kind == CheckKind.Label)
            {
                if (directives[i].Pattern.Replace("[[@LINE", "", StringComparison.Ordinal).Contains("[[", StringComparison.Ordinal))
                {
                    throw Failure(directives[i], $"{directives[i].Spelling} may not define or use variables (labels are matched before everything else)", pos);
                }
                var hit = Find(directives[i], pos, end) ?? throw NotFound(directives[i], pos, "");
                labels.Add((i, hit));
                pos = hit.End;
            }
        }
        int first = 0;
        var regionStart = new Pos(0, 0);
        int previousLine = -1;
        foreach (var (index, hit) in labels)
        {
            RunBlock(directives, first, index, regionStart, hit.Start, previousLine);
            first = index + 1;
            regionStart = hit.End;
            previousLine = hit.Start.Line;
        }
        RunBlock(directives, first, directives.Count, regionStart, end, previousLine);
    }

    private void RunBlock(IReadOnlyList<CheckDirective> directives, int from, int to, Pos start, Pos end, int previousLine)
    {
        var pos = start;
        var nots = new List<CheckDirective>();
        int i = from;
        while (i < to)
        {
            var d = directives[i];
            switch (d.Kind)
            {
                case CheckKind.Not:
                    nots.Add(d);
                    i++;
                    continue;
                case CheckKind.Dag:
                    int j = i;
                    while (j < to && directives[j].Kind == CheckKind.Dag)
                    {
                        j++;
                    }
                    var (groupStart, groupEnd) = MatchDagGroup(directives, i, j, pos, end);
                    CheckNots(nots, pos, groupStart);
                    pos = groupEnd;
                    previousLine = groupEnd.Line;
                    i = j;
                    continue;
                case CheckKind.Next or CheckKind.Same or CheckKind.Empty when previousLine < 0:
                    throw Failure(d, $"{d.Spelling} cannot be the first directive of a block: it needs a previous match", pos);
            }
            Hit hit;
            switch (d.Kind)
            {
                case CheckKind.Empty:
                    int next = previousLine + 1;
                    if (next >= _lines.Length || new Pos(next, 0) > end)
                    {
                        throw NotFound(d, pos, " on the line after the previous match (the output ends there)");
                    }
                    if (_lines[next].Trim().Length != 0)
                    {
                        throw Failure(d, $"{d.Spelling}: line {next + 1} of the output is not empty", new Pos(next, 0));
                    }
                    hit = new Hit(new Pos(next, 0), new Pos(next, 0), Match.Empty, null!);
                    break;
                case CheckKind.Next:
                    // As FileCheck: the first match after the previous one must be on the next line (not on the same
                    // line, not further down).
                    hit = Find(d, pos, end) ?? throw NotFound(d, pos, "");
                    if (hit.Start.Line == previousLine)
                    {
                        throw Failure(d, $"{d.Spelling}: is on the same line as the previous match (output line {previousLine + 1})", hit.Start, hit);
                    }
                    if (hit.Start.Line != previousLine + 1)
                    {
                        throw Failure(d, $"{d.Spelling}: is not on the line after the previous match: it is on output line {hit.Start.Line + 1}, the previous match on line {previousLine + 1}", hit.Start, hit);
                    }
                    break;
                case CheckKind.Same:
                    var sameEnd = new Pos(previousLine, _lines[previousLine].Length);
                    hit = Find(d, pos, sameEnd < end ? sameEnd : end) ?? throw NotFound(d, pos, $" on the same line as the previous match (output line {previousLine + 1})");
                    break;
                default:
                    hit = Find(d, pos, end) ?? throw NotFound(d, pos, "");
                    for (int k = 1; k < d.Count; k++)
                    {
                        Define(hit);
                        hit = Find(d, hit.End, end) ?? throw NotFound(d, hit.End, $" (match {k + 1} of {d.Count})");
                    }
                    break;
            }
            CheckNots(nots, pos, hit.Start);
            Define(hit);
            pos = hit.End;
            previousLine = hit.Start.Line;
            i++;
        }
        CheckNots(nots, pos, end);
    }

    private (Pos Start, Pos End) MatchDagGroup(IReadOnlyList<CheckDirective> directives, int from, int to, Pos pos, Pos end)
    {
        var taken = new List<(Pos Start, Pos End)>();
        Pos groupStart = end, groupEnd = pos;
        for (int i = from; i < to; i++)
        {
            var d = directives[i];
            var search = pos;
            Hit hit;
            while (true)
            {
                hit = Find(d, search, end) ?? throw NotFound(d, pos, " (CHECK-DAG: in any order, not overlapping the group's other matches)");
                var found = hit;
                int o = taken.FindIndex(t => (found.Start < t.End && t.Start < found.End) || found.Start == t.Start);
                if (o < 0)
                {
                    break;
                }
                var overlap = taken[o];
                search = overlap.End > search ? overlap.End : new Pos(search.Line, search.Col + 1);
            }
            Define(hit);
            taken.Add((hit.Start, hit.End));
            groupStart = hit.Start < groupStart ? hit.Start : groupStart;
            groupEnd = hit.End > groupEnd ? hit.End : groupEnd;
        }
        return (groupStart, groupEnd);
    }

    private void CheckNots(List<CheckDirective> nots, Pos from, Pos to)
    {
        foreach (var n in nots)
        {
            if (Find(n, from, to) is { } bad)
            {
                throw Failure(n, $"{n.Spelling}: excluded string found in input (output line {bad.Start.Line + 1})", bad.Start, bad);
            }
        }
        nots.Clear();
    }

    private void Define(Hit hit)
    {
        if (hit.Pattern is null)
        {
            return;
        }
        foreach (var name in hit.Pattern.Defines)
        {
            _variables[name] = hit.Match.Groups[name].Value;
        }
    }

    private Hit? Find(CheckDirective d, Pos from, Pos to)
    {
        if (d.Pattern.Length == 0 && d.Kind != CheckKind.Empty)
        {
            throw Failure(d, $"{d.Spelling}: empty pattern (use {d.Spelling.Split('-')[0]}-EMPTY for an empty line)", from);
        }
        CheckPattern pattern;
        try
        {
            pattern = CheckPattern.Compile(d.Pattern, d.Line, _variables);
        }
        catch (GoldenException e)
        {
            throw Failure(d, $"{d.Spelling}: {e.Message}", from);
        }
        for (int line = from.Line; line <= to.Line && line < _lines.Length; line++)
        {
            string text = _lines[line];
            int begin = line == from.Line ? Math.Min(from.Col, text.Length) : 0;
            int stop = line == to.Line ? Math.Min(to.Col, text.Length) : text.Length;
            if (stop < begin)
            {
                continue;
            }
            var m = pattern.Regex.Match(text, begin, stop - begin);
            if (m.Success)
            {
                return new Hit(new Pos(line, m.Index), new Pos(line, m.Index + m.Length), m, pattern);
            }
        }
        return null;
    }

    private CheckFailure NotFound(CheckDirective d, Pos from, string where) =>
        Failure(d, $"{d.Spelling}: expected string not found in input{where}", from, guess: true);

    // A report like FileCheck's: the directive, the variables, then the output around the place in question with
    // '>' on its line and a caret under its column ("^~~~" under a match that should not be there); when nothing
    // matched, '?' marks the line most like the pattern after the search start (a possible intended match).
    private CheckFailure Failure(CheckDirective d, string message, Pos from, Hit? at = null, bool guess = false)
    {
        var sb = new StringBuilder();
        sb.Append(_file).Append(':').Append(d.Line).Append(": error: ").Append(message).Append('\n');
        sb.Append("    ").Append(d.Spelling).Append(": ").Append(d.Pattern).Append('\n');
        if (_variables.Count > 0)
        {
            sb.Append("  with ").Append(string.Join(", ", _variables.Select(v => $"{v.Key} = \"{v.Value}\""))).Append('\n');
        }
        var marked = at?.Start ?? from;
        int width = at is { } h && h.End.Line == h.Start.Line ? Math.Max(1, h.End.Col - h.Start.Col) : 1;
        int? intended = guess ? PossibleMatch(d, from) : null;
        sb.Append(at is null
            ? $"  output:{marked.Line + 1}:{marked.Col + 1}: note: scanning from here (> marks the line, ^ the column)\n"
            : $"  output:{marked.Line + 1}:{marked.Col + 1}: note: match here (> marks the line, ^ the match)\n");
        if (intended is { } g)
        {
            sb.Append($"  output:{g + 1}: note: possible intended match here (marked ?)\n");
        }
        int first = _lines.Length <= 60 ? 0 : Math.Max(0, marked.Line - 10);
        int last = _lines.Length <= 60 ? _lines.Length - 1 : Math.Min(_lines.Length - 1, Math.Max(marked.Line + 30, (intended ?? 0) + 2));
        if (first > 0)
        {
            sb.Append("        ...\n");
        }
        for (int i = first; i <= last; i++)
        {
            string gutter = i == marked.Line ? "  > " : i == intended ? "  ? " : "    ";
            sb.Append(gutter).Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").Append(_lines[i]).Append('\n');
            if (i == marked.Line)
            {
                sb.Append(' ', 11 + Math.Min(marked.Col, _lines[i].Length)).Append('^').Append('~', width - 1).Append('\n');
            }
        }
        if (last < _lines.Length - 1)
        {
            sb.Append("        ...\n");
        }
        return new CheckFailure(sb.ToString());
    }

    // The output line at or after the search start that shares the most words of the pattern's literal text
    // (regexes and variables left out), or null when no line shares any.
    private int? PossibleMatch(CheckDirective d, Pos from)
    {
        var words = LiteralWords().Matches(PatternParts().Replace(d.Pattern, " ")).Select(m => m.Value).Distinct().ToList();
        int? best = null;
        int bestScore = 0;
        for (int i = from.Line; i < _lines.Length && i < from.Line + 500; i++)
        {
            int score = words.Count(w => _lines[i].Contains(w, StringComparison.Ordinal));
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }
        return best;
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\[\[.*?\]\]")]
    private static partial Regex PatternParts();

    [GeneratedRegex(@"[\w.%@$]+")]
    private static partial Regex LiteralWords();
}
