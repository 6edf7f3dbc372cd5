using System.Text;

namespace ByteChip.Tools.Bcgolden;

/// <summary>One tool of a RUN pipeline: <c>[not] TOOL ARGS</c>; <c>not</c> expects exit code 1 (a user error, not a crash).</summary>
public sealed record ToolCommand(bool ExpectFailure, string Tool, IReadOnlyList<string> Args)
{
    /// <inheritdoc/>
    public override string ToString() => (ExpectFailure ? "not " : "") + Tool + (Args.Count == 0 ? "" : " " + string.Join(" ", Args));
}

/// <summary>What checks the pipeline's output.</summary>
public enum SinkKind
{
    /// <summary>Only the exit codes are checked.</summary>
    None,

    /// <summary>FileCheck directives of the file (<c>| FileCheck [--check-prefix=P]</c>).</summary>
    FileCheck,

    /// <summary>The whole output equals a sibling <c>.expected</c> file (<c>| precise [NAME]</c>).</summary>
    Precise,

    /// <summary>The diagnostics equal the file's <c>expected-error</c>/<c>expected-warning</c> annotations (<c>| verify</c>).</summary>
    Verify,
}

/// <summary>The end of a RUN pipeline: the checker, whether it also sees standard error (<c>|&amp;</c>), its prefixes or name.</summary>
public sealed record RunSink(SinkKind Kind, bool IncludeStderr, IReadOnlyList<string> Prefixes, string? Name);

/// <summary>
/// A parsed RUN line: <c>RUN: [not] TOOL ARGS [| [not] TOOL ARGS]... [| SINK]</c> where TOOL is bytechipcc, bcas,
/// bcobjdump or bcrun and SINK is <c>FileCheck [--check-prefix=P|--check-prefixes=P,Q]</c>, <c>precise [NAME]</c> or
/// <c>verify</c>; <c>|&amp;</c> before the sink adds standard error to what it reads. Substitutions: <c>%s</c> the
/// file, <c>%S</c>/<c>%p</c> its folder, <c>%{inputs}</c> the folder's <c>Inputs</c>, <c>%{launch}</c> the launch
/// description next to the file (<c>NAME.launch.json</c> for <c>NAME.cu</c>), <c>%{samples}</c> the checkout's
/// <c>samples</c> folder (two levels above the suite's root), so a case runs a sample's own kernel without a copy.
/// </summary>
public sealed record RunPipeline(int Line, string Text, IReadOnlyList<ToolCommand> Commands, RunSink Sink)
{
    /// <summary>The tools a RUN line may name.</summary>
    public static readonly string[] Tools = ["bytechipcc", "bcas", "bcobjdump", "bcrun"];

    /// <summary>Parses the RUN text of <paramref name="file"/>'s line <paramref name="line"/>.</summary>
    public static RunPipeline Parse(string text, int line, GoldenFile file)
    {
        string where = $"{file.RelativePath}:{line}";
        var segments = new List<(List<string> Words, bool Stderr)> { ([], false) };
        foreach (var word in Split(text, where))
        {
            if (word is "|" or "|&")
            {
                if (segments[^1].Words.Count == 0)
                {
                    throw new GoldenException($"{where}: empty command before '{word}'");
                }
                segments.Add(([], word == "|&"));
            }
            else
            {
                segments[^1].Words.Add(Substitute(word, file));
            }
        }
        if (segments[^1].Words.Count == 0)
        {
            throw new GoldenException($"{where}: the RUN line is empty or ends with a pipe");
        }
        var sink = new RunSink(SinkKind.None, false, [], null);
        var last = segments[^1];
        switch (last.Words[0])
        {
            case "FileCheck":
                var prefixes = new List<string>();
                foreach (var a in last.Words.Skip(1))
                {
                    if (a.StartsWith("--check-prefix=", StringComparison.Ordinal) || a.StartsWith("--check-prefixes=", StringComparison.Ordinal))
                    {
                        prefixes.AddRange(a[(a.IndexOf('=') + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    }
                    else
                    {
                        throw new GoldenException($"{where}: unknown FileCheck option '{a}' (use --check-prefix=P or --check-prefixes=P,Q)");
                    }
                }
                foreach (var prefix in prefixes.Where(p => !ValidPrefix(p)))
                {
                    throw new GoldenException($"{where}: invalid check prefix '{prefix}' (a letter, then letters, digits, '-' and '_')");
                }
                if (prefixes.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1) is { } twice)
                {
                    throw new GoldenException($"{where}: check prefix '{twice.Key}' is given twice");
                }
                sink = new RunSink(SinkKind.FileCheck, last.Stderr, prefixes.Count == 0 ? ["CHECK"] : prefixes, null);
                break;
            case "precise":
                if (last.Words.Count > 2 || (last.Words.Count == 2 && !last.Words[1].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
                {
                    throw new GoldenException($"{where}: use 'precise' or 'precise NAME' (letters, digits, '-' and '_')");
                }
                sink = new RunSink(SinkKind.Precise, last.Stderr, [], last.Words.Count == 2 ? last.Words[1] : null);
                break;
            case "verify":
                if (last.Words.Count > 1)
                {
                    throw new GoldenException($"{where}: 'verify' takes no options");
                }
                sink = new RunSink(SinkKind.Verify, true, [], null);
                break;
        }
        int toolSegments = sink.Kind == SinkKind.None ? segments.Count : segments.Count - 1;
        if (toolSegments == 0)
        {
            throw new GoldenException($"{where}: no tool before '{last.Words[0]}'");
        }
        var commands = new List<ToolCommand>();
        for (int i = 0; i < toolSegments; i++)
        {
            var words = segments[i].Words;
            bool not = words[0] == "not";
            if (not)
            {
                words = words[1..];
            }
            if (words.Count == 0 || !Tools.Contains(words[0]))
            {
                throw new GoldenException($"{where}: unknown tool '{(words.Count == 0 ? "" : words[0])}' (use {string.Join(", ", Tools)}, then FileCheck, precise or verify)");
            }
            if (i > 0 && segments[i].Stderr)
            {
                throw new GoldenException($"{where}: '|&' only goes before FileCheck or precise");
            }
            commands.Add(new ToolCommand(not, words[0], words[1..]));
        }
        return new RunPipeline(line, text, commands, sink);
    }

    private static bool ValidPrefix(string p) => p.Length > 0 && char.IsAsciiLetter(p[0]) && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Substitute(string word, GoldenFile file)
    {
        string dir = Path.GetDirectoryName(file.FullPath)!;
        string stem = Path.Combine(dir, Path.GetFileNameWithoutExtension(file.FullPath));
        return word
            .Replace("%{inputs}", Path.Combine(dir, "Inputs"), StringComparison.Ordinal)
            .Replace("%{launch}", stem + ".launch.json", StringComparison.Ordinal)
            .Replace("%{samples}", file.SamplesFolder, StringComparison.Ordinal)
            .Replace("%s", file.FullPath, StringComparison.Ordinal)
            .Replace("%S", dir, StringComparison.Ordinal)
            .Replace("%p", dir, StringComparison.Ordinal);
    }

    // Shell-like words: blanks separate, '...' and "..." quote, '|' and '|&' are words of their own.
    private static List<string> Split(string text, string where)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\'' or '"')
            {
                int close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    throw new GoldenException($"{where}: unterminated {c} quote");
                }
                current.Append(text, i + 1, close - i - 1);
                inWord = true;
                i = close;
            }
            else if (c == '|')
            {
                Flush();
                bool amp = i + 1 < text.Length && text[i + 1] == '&';
                words.Add(amp ? "|&" : "|");
                i += amp ? 1 : 0;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
        }
    }
}
