using System.Collections;
using Microsoft.Build.Framework;

namespace ByteChip.Build;

/// <summary>
/// The build engine of one kernel's compilation while several run in parallel: it keeps the events, which
/// <see cref="ReplayTo"/> then forwards to the real engine on the task's own thread, kernel after kernel, so the
/// log reads the same whatever order the compilations finished in.
/// </summary>
internal sealed class RecordingBuildEngine(IBuildEngine inner) : IBuildEngine
{
    private readonly List<BuildEventArgs> _events = [];
    private readonly Lock _gate = new();

    public bool ContinueOnError => inner.ContinueOnError;

    public int LineNumberOfTaskNode => inner.LineNumberOfTaskNode;

    public int ColumnNumberOfTaskNode => inner.ColumnNumberOfTaskNode;

    public string ProjectFileOfTaskNode => inner.ProjectFileOfTaskNode;

    public void LogErrorEvent(BuildErrorEventArgs e) => Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e) => Add(e);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("a kernel compilation builds no projects");

    /// <summary>Forwards every recorded event, in order, to <paramref name="engine"/>.</summary>
    public void ReplayTo(IBuildEngine engine)
    {
        lock (_gate)
        {
            foreach (var e in _events)
            {
                switch (e)
                {
                    case BuildErrorEventArgs error:
                        engine.LogErrorEvent(error);
                        break;
                    case BuildWarningEventArgs warning:
                        engine.LogWarningEvent(warning);
                        break;
                    case BuildMessageEventArgs message:
                        engine.LogMessageEvent(message);
                        break;
                    case CustomBuildEventArgs custom:
                        engine.LogCustomEvent(custom);
                        break;
                }
            }
            _events.Clear();
        }
    }

    private void Add(BuildEventArgs e)
    {
        lock (_gate)
        {
            _events.Add(e);
        }
    }
}
