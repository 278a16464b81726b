using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KalshiArb.Node.Soak;

/// <summary>
/// A `kalshiarb` child of the soak: its output goes to a log file (and to <see cref="LineReceived"/>), and it can be
/// killed (SIGKILL) or asked to stop (SIGTERM).
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Every line the child writes (stdout and stderr), on a thread-pool thread.</summary>
    public event Action<string>? LineReceived;

    public static ChildProcess Start(string name, SoakLauncher launcher, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var info = new ProcessStartInfo(launcher.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in launcher.LeadingArguments.Concat(arguments)) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, log);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            log.Dispose();
            process.Dispose();
            throw;
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_logGate)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // the child outlived its log (disposed on the way out): the line is not needed any more
            }
        }
        LineReceived?.Invoke(line);
    }

    /// <summary>kill -9 of the child and anything it started.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }
    }

    /// <summary>SIGTERM: the node stops gracefully (drains its orders); on Windows a kill.</summary>
    public void Terminate()
    {
        if (_process.HasExited) return;
        if (OperatingSystem.IsWindows())
        {
            Kill();
            return;
        }
        if (SendSignal(_process.Id, SigTerm) != 0 && !_process.HasExited)
            throw new InvalidOperationException($"cannot send SIGTERM to {Name} (pid {_process.Id}): errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>True when it exited within <paramref name="bound"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan bound, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(bound);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Blocks until the child has exited or <paramref name="bound"/> passed (the way out, where nothing async is left).</summary>
    public void WaitForExit(TimeSpan bound)
    {
        try
        {
            if (!_process.HasExited) _process.WaitForExit(bound > TimeSpan.Zero ? bound : TimeSpan.Zero);
        }
        catch (InvalidOperationException)
        {
            // never started or already disposed: nothing to wait for
        }
    }

    public void Dispose()
    {
        Kill();
        WaitForExit(TimeSpan.FromSeconds(10));
        _process.Dispose();
        lock (_logGate) _log.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
