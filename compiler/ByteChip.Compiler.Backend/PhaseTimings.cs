using System.Diagnostics;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// Wall time per compiler phase, summed over kernels, in the order the phases first ran (bytechipcc
/// <c>--time-report</c>, like clang's <c>-ftime-report</c>). Not thread-safe: one compilation, one instance.
/// </summary>
public sealed class PhaseTimings
{
    private readonly List<(string Phase, TimeSpan Time)> _phases = [];

    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases => _phases;

    /// <summary>The sum of the phases; parts (<see cref="IsPart"/>) are already inside their phase.</summary>
    public TimeSpan Total => _phases.Where(p => !IsPart(p.Phase)).Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Time);

    /// <summary>A part of a phase is named <c>phase/part</c> (<c>frontend/parse</c>) and listed after the phase.</summary>
    public static bool IsPart(string phase) => phase.Contains('/', StringComparison.Ordinal);

    public void Add(string phase, TimeSpan time)
    {
        int i = _phases.FindIndex(p => p.Phase == phase);
        if (i < 0)
        {
            _phases.Add((phase, time));
        }
        else
        {
            _phases[i] = (phase, _phases[i].Time + time);
        }
    }

    /// <summary>Times the code up to the scope's end: <c>using (timings?.Measure("isel")) { ... }</c>.</summary>
    public Scope Measure(string phase) => new(this, phase);

    public readonly struct Scope : IDisposable
    {
        private readonly PhaseTimings? _owner;
        private readonly string _phase;
        private readonly long _start;

        internal Scope(PhaseTimings owner, string phase)
        {
            _owner = owner;
            _phase = phase;
            _start = Stopwatch.GetTimestamp();
        }

        public void Dispose() => _owner?.Add(_phase, Stopwatch.GetElapsedTime(_start));
    }
}
