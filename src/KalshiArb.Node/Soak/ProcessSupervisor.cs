namespace KalshiArb.Node.Soak;

/// <summary>
/// Every child the soak started; disposing kills the ones still running. Also armed on process exit (SIGTERM of the
/// soak itself, an unhandled exception), so no simulator or node outlives the soak.
/// </summary>
public sealed class ProcessSupervisor : IDisposable
{
    /// <summary>How long the way out waits for killed children to be gone.</summary>
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<ChildProcess> _children = [];
    private readonly EventHandler _onExit;

    public ProcessSupervisor()
    {
        _onExit = (_, _) => KillAll();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandled;
    }

    public ChildProcess Track(ChildProcess child)
    {
        lock (_gate) _children.Add(child);
        return child;
    }

    /// <summary>Forgets a child that has exited and was disposed by its owner.</summary>
    public void Forget(ChildProcess child)
    {
        lock (_gate) _children.Remove(child);
    }

    public IReadOnlyList<int> RunningPids()
    {
        lock (_gate) return _children.Where(c => !c.HasExited).Select(c => c.Pid).ToArray();
    }

    /// <summary>kill -9 of every child, then waits (bounded) until each has exited, so none outlives the soak.</summary>
    public void KillAll()
    {
        ChildProcess[] children;
        lock (_gate) children = [.. _children];
        foreach (var c in children) c.Kill();
        var deadline = DateTime.UtcNow + ExitWait;
        foreach (var c in children) c.WaitForExit(deadline - DateTime.UtcNow);
    }

    private void OnUnhandled(object? sender, UnhandledExceptionEventArgs e) => KillAll();

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandled;
        ChildProcess[] children;
        lock (_gate)
        {
            children = [.. _children];
            _children.Clear();
        }
        foreach (var c in children) c.Dispose();
    }
}
