using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace KalshiArb.Node.Tests.Soak;

/// <summary>
/// A real three-minute soak: `kalshiarb soak` run as its own process from the built kalshiarb.dll, which starts the
/// simulator and a node as its children and injects the seeded faults. It must pass and leave nothing running.
/// </summary>
public sealed partial class SoakCommandSpec
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(9);

    [Fact]
    public async Task A_three_minute_single_node_soak_loses_doubles_and_leaks_nothing()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kalshiarb.dll");
        Assert.True(File.Exists(dll), $"no {dll}: the Node project's output is not beside the tests");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "soak", "--duration", "00:03:00", "--seed", "11" }) info.ArgumentList.Add(a);
        var output = new StringBuilder();
        using var soak = new Process { StartInfo = info };
        soak.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        soak.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        soak.Start();
        soak.BeginOutputReadLine();
        soak.BeginErrorReadLine();
        using (var cts = new CancellationTokenSource(Bound))
        {
            try
            {
                await soak.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                soak.Kill(entireProcessTree: true);
                Assert.Fail($"the soak did not end within {Bound}:\n{output}");
            }
        }
        soak.WaitForExit(); // drains the redirected output
        var text = output.ToString();

        Assert.True(soak.ExitCode == 0, $"exit {soak.ExitCode}:\n{text}");
        Assert.Contains("lost 0, doubled 0, unapproved 0, late 0, positions equal", text, StringComparison.Ordinal);
        var recoveries = Recoveries().Match(text);
        Assert.True(recoveries.Success, text);
        Assert.Equal(recoveries.Groups[2].Value, recoveries.Groups[1].Value);
        Assert.True(int.Parse(recoveries.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= 9, text);
        Assert.Matches(@"orders [1-9]\d* journaled, [1-9]\d* at the venue", text);

        // Every child it started (the simulator, each incarnation of the node) is gone.
        var pids = ChildPid().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(pids);
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"pid {pid} still runs after the soak ended:\n{text}"));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"recoveries (\d+) of (\d+)")]
    private static partial Regex Recoveries();

    [GeneratedRegex(@"\(pid (\d+)")]
    private static partial Regex ChildPid();
}
