using ByteChip.Compiler.Driver;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Compiler.Preprocessor;

/// <summary>
/// Reporting: every preprocessor diagnostic goes through <see cref="Error"/> or <see cref="Warning"/>, which add
/// the include chain as notes when the diagnostic is in a header ("in file included from here", innermost first,
/// as clang prints "In file included from" lines).
/// </summary>
public sealed partial class Preprocessor
{
    /// <summary>Past this many levels the chain is cut: an include cycle would otherwise print hundreds of notes.</summary>
    private const int MaxIncludeNotes = 8;

    private void Error(PreprocessorCode code, SourceLocation location, string message, params Diagnostic[] notes) =>
        _diagnostics.Report(new Diagnostic((int)code, DiagnosticSeverity.Error, message, location) { Notes = [.. notes, .. IncludeNotes(location)] });

    private void Warning(PreprocessorCode code, SourceLocation location, string message, params Diagnostic[] notes) =>
        _diagnostics.Report(new Diagnostic((int)code, DiagnosticSeverity.Warning, message, location) { Notes = [.. notes, .. IncludeNotes(location)] });

    /// <summary>Reports diagnostics collected on the side (lexer, <c>#if</c> evaluator) with the include chain added.</summary>
    private void Forward(DiagnosticBag scratch)
    {
        foreach (var d in scratch.Items)
        {
            _diagnostics.Report(d with { Notes = [.. d.Notes, .. IncludeNotes(d.Location)] });
        }
    }

    /// <summary>
    /// The include chain of the innermost open file, when <paramref name="location"/> is in that file: the place of
    /// each <c>#include</c> from the innermost to the main file.
    /// </summary>
    private List<Diagnostic> IncludeNotes(SourceLocation location)
    {
        var notes = new List<Diagnostic>();
        var files = _frames.Where(f => f.File != null).Select(f => f.File!).Reverse().ToList();
        if (files.Count == 0 || files[0].IncludedAt is null
            || (location.File != files[0].Source.Path && location.File != files[0].PresumedName))
        {
            return notes;
        }
        var chain = files.TakeWhile(f => f.IncludedAt is not null).Select(f => f.IncludedAt!.Value).ToList();
        for (int i = 0; i < chain.Count; i++)
        {
            if (i == MaxIncludeNotes - 1 && chain.Count > MaxIncludeNotes)
            {
                notes.Add(DiagnosticBag.Note(chain[^1], $"in file included from here ({chain.Count - i - 1} more levels of includes in between not shown)"));
                break;
            }
            notes.Add(DiagnosticBag.Note(chain[i], "in file included from here"));
        }
        return notes;
    }
}
