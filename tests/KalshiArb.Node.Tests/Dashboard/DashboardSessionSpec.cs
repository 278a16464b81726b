using System.Collections.Concurrent;
using KalshiArb.Node.Dashboard;
using Spectre.Console.Testing;

namespace KalshiArb.Node.Tests.Dashboard;

/// <summary>The dashboard session against a scripted keyboard and a node that answers like the admin endpoint.</summary>
public sealed class DashboardSessionSpec
{
    private sealed class ScriptedKeys(params char[] keys) : IKeySource
    {
        private readonly ConcurrentQueue<char> _keys = new(keys);

        public async Task<char?> NextKeyAsync(TimeSpan within, CancellationToken ct)
        {
            if (_keys.TryDequeue(out var k)) return k;
            await Task.Delay(within, ct);
            return null;
        }
    }

    private sealed class FakeNode : INodeControl
    {
        public KillSwitchState State { get; private set; } = KillSwitchState.Trading;
        public List<string> Calls { get; } = [];

        public Task<AdminReply<AdminStatusDocument>> GetStatusAsync(CancellationToken ct) =>
            Task.FromResult(new AdminReply<AdminStatusDocument>(AdminCallOutcome.Ok, DashboardSample.Status(State), "", ""));

        public Task<AdminReply<AdminDashboardDocument>> GetDashboardAsync(CancellationToken ct) =>
            Task.FromResult(new AdminReply<AdminDashboardDocument>(AdminCallOutcome.Ok, DashboardSample.Document(DashboardSample.Status(State)), "", ""));

        public Task<AdminReply<AdminKillSwitchAnswer>> KillAsync(bool reduceOnly, string reason, CancellationToken ct)
        {
            Calls.Add($"kill reduceOnly={reduceOnly} {reason}");
            State = KillSwitchState.Halted;
            return Task.FromResult(new AdminReply<AdminKillSwitchAnswer>(AdminCallOutcome.Ok, new AdminKillSwitchAnswer(State, reason, []), "", ""));
        }

        public Task<AdminReply<AdminKillSwitchAnswer>> ResumeAsync(string reason, CancellationToken ct)
        {
            Calls.Add($"resume {reason}");
            State = KillSwitchState.Trading;
            return Task.FromResult(new AdminReply<AdminKillSwitchAnswer>(AdminCallOutcome.Ok, new AdminKillSwitchAnswer(State, reason, []), "", ""));
        }
    }

    private static async Task<(FakeNode Node, string Screen, bool Quit, OperatorConsole Console)> Run(params char[] keys)
    {
        var node = new FakeNode();
        var screen = new TestConsole().Width(180).Interactive();
        var operatorConsole = new OperatorConsole();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var quit = false;
        var session = new DashboardSession(screen, node, operatorConsole, new ScriptedKeys(keys), "sim · test", () =>
        {
            quit = true;
            stop.Cancel();
        }, Serilog.Core.Logger.None) { Refresh = TimeSpan.FromMilliseconds(100) };

        await session.RunAsync(stop.Token);
        return (node, screen.Output, quit, operatorConsole);
    }

    [Fact]
    public async Task H_then_y_halts_through_the_kill_switch_and_Q_stops_the_run()
    {
        var (node, screen, quit, console) = await Run('h', 'y', 'q');

        Assert.Equal(["kill reduceOnly=False " + DashboardSession.HaltReason], node.Calls);
        Assert.True(quit);
        Assert.Contains("kill switch: HALTED (halted from the dashboard (H))", screen);
        Assert.False(console.Paused, "the console log comes back when the dashboard ends");
    }

    [Fact]
    public async Task H_then_n_halts_nothing()
    {
        var (node, _, quit, _) = await Run('h', 'n', 'q');

        Assert.Empty(node.Calls);
        Assert.True(quit);
    }

    [Fact]
    public async Task R_then_y_resumes()
    {
        var (node, _, _, _) = await Run('r', 'y', 'q');

        Assert.Equal(["resume " + DashboardSession.ResumeReason], node.Calls);
    }
}
