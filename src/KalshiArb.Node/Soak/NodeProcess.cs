using System.Globalization;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Soak;

/// <summary>
/// One trading node as a child (`kalshiarb run --mode sim` against the simulator child, so every order goes over REST
/// to it): its data dir and admin port stay the same across restarts, so a restarted node recovers its own journal.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly ProcessSupervisor _supervisor;
    private readonly SoakLauncher _launcher;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logPath;
    private ChildProcess? _child;

    public NodeProcess(string name, ProcessSupervisor supervisor, SoakLauncher launcher, string dataDirectory, int adminPort,
        IReadOnlyDictionary<string, string> environment, string logPath)
    {
        Name = name;
        _supervisor = supervisor;
        _launcher = launcher;
        DataDirectory = dataDirectory;
        AdminPort = adminPort;
        _environment = environment;
        _logPath = logPath;
    }

    public string Name { get; }

    public string DataDirectory { get; }

    public int AdminPort { get; }

    public int Starts { get; private set; }

    /// <summary>The pid of the current child (0 before the first start).</summary>
    public int Pid => _child?.Pid ?? 0;

    public bool IsRunning => _child is { HasExited: false };

    public int? LastExitCode { get; private set; }

    /// <summary>The current child's exit code once it has exited.</summary>
    public int? ExitCode => _child?.ExitCode;

    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} is already running");
        ReleaseChild();
        // The old run's admin.json names a dead process: remove it so status calls wait for the new one.
        Directory.CreateDirectory(DataDirectory);
        File.Delete(AdminAccess.PathIn(DataDirectory));
        _child = _supervisor.Track(ChildProcess.Start(Name, _launcher,
            ["run", "--mode", "sim", "--data-dir", DataDirectory, "--admin-port", AdminPort.ToString(CultureInfo.InvariantCulture)],
            _environment, _logPath));
        Starts++;
    }

    /// <summary>kill -9: no drain, no goodbye; whatever was mid-submit stays so.</summary>
    public void Kill()
    {
        _child?.Kill();
    }

    /// <summary>SIGTERM and wait for the graceful stop; kill -9 after <paramref name="bound"/>. True when it stopped by itself.</summary>
    public async Task<bool> StopAsync(TimeSpan bound, CancellationToken ct)
    {
        if (_child is null || _child.HasExited) return true;
        _child.Terminate();
        if (await _child.WaitForExitAsync(bound, ct)) return true;
        _child.Kill();
        await _child.WaitForExitAsync(TimeSpan.FromSeconds(10), ct);
        return false;
    }

    public async Task WaitForExitAsync(TimeSpan bound, CancellationToken ct)
    {
        if (_child is not null) await _child.WaitForExitAsync(bound, ct);
    }

    /// <summary>The node's admin status; null while it does not answer (starting, stopped, busy).</summary>
    public async Task<AdminStatusDocument?> StatusAsync(CancellationToken ct)
    {
        using var client = AdminClient.Connect(DataDirectory, TimeSpan.FromSeconds(3), out _);
        if (client is null) return null;
        var reply = await client.GetStatusAsync(ct);
        return reply.Outcome == AdminCallOutcome.Ok ? reply.Value : null;
    }

    private void ReleaseChild()
    {
        if (_child is null) return;
        LastExitCode = _child.ExitCode;
        _supervisor.Forget(_child);
        _child.Dispose();
        _child = null;
    }

    public void Dispose() => ReleaseChild();
}
