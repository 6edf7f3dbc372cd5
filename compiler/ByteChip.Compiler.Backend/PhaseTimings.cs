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

    public TimeSpan Total => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Time);

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
