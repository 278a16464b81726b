using KalshiArb.Node.Admin;
using KalshiArb.Node.Cli;
using KalshiArb.Node.Hosting;
using Spectre.Console;

namespace KalshiArb.Node.Dashboard;

/// <summary>
/// The live dashboard while `run` owns a terminal: refreshes from the node's admin endpoint every
/// <see cref="Refresh"/>, shows the last fills/ends/warnings, and acts on keys (H/R after a y, Q to stop like Ctrl-C).
/// The console log is paused meanwhile (a log line would tear the screen); the log file keeps everything.
/// </summary>
public sealed class DashboardSession(IAnsiConsole screen, INodeControl node, OperatorConsole operatorConsole, IKeySource keys, string nodeText,
    Action quit, Serilog.ILogger log)
{
    public const string HaltReason = "halted from the dashboard (H)";
    public const string ResumeReason = "resumed from the dashboard (R)";

    public TimeSpan Refresh { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Until <paramref name="stop"/> (duration reached, Ctrl-C, or Q through <c>quit</c>).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var view = new DashboardView(nodeText, DateTimeOffset.UtcNow, null, null, [], DashboardPrompt.None, null);
        operatorConsole.Paused = true;
        try
        {
            await screen.Live(DashboardRenderer.Render(view)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Bottom)
                .StartAsync(async ctx =>
                {
                    var nextRefresh = DateTime.UtcNow;
                    while (!stop.IsCancellationRequested)
                    {
                        if (DateTime.UtcNow >= nextRefresh)
                        {
                            view = await RefreshAsync(view, stop);
                            nextRefresh = DateTime.UtcNow + Refresh;
                            ctx.UpdateTarget(DashboardRenderer.Render(view));
                        }
                        var wait = nextRefresh - DateTime.UtcNow;
                        var key = await keys.NextKeyAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stop);
                        if (key is not { } k) continue;
                        view = await PressAsync(view, k, stop);
                        ctx.UpdateTarget(DashboardRenderer.Render(view));
                    }
                });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // duration reached, Ctrl-C or Q: the run goes on to its graceful stop
        }
        finally
        {
            operatorConsole.Paused = false;
        }
    }

    private async Task<DashboardView> PressAsync(DashboardView view, char key, CancellationToken stop)
    {
        var (prompt, action) = DashboardKeys.Press(view.Prompt, key);
        view = view with { Prompt = prompt, Notice = prompt != DashboardPrompt.None ? null : view.Notice };
        switch (action)
        {
            case DashboardAction.Halt:
                view = view with { Notice = Answer("halt", await node.KillAsync(reduceOnly: false, HaltReason, stop)) };
                return await RefreshAsync(view, stop);
            case DashboardAction.Resume:
                view = view with { Notice = Answer("resume", await node.ResumeAsync(ResumeReason, stop)) };
                return await RefreshAsync(view, stop);
            case DashboardAction.Quit:
                log.Information("stop asked from the dashboard (Q)");
                quit();
                return view with { Notice = "stopping…" };
            default:
                return view;
        }
    }

    private string Answer(string what, AdminReply<AdminKillSwitchAnswer> reply)
    {
        var text = reply.Outcome == AdminCallOutcome.Ok ? KillCommand.KillSwitchLine(reply.Value!) : $"{what} FAILED: {reply.Message}";
        if (reply.Outcome == AdminCallOutcome.Ok) log.Information("dashboard {What}: {Answer}", what, text);
        else log.Warning("dashboard {What}: {Answer}", what, text);
        return text;
    }

    private async Task<DashboardView> RefreshAsync(DashboardView view, CancellationToken stop)
    {
        var reply = await node.GetDashboardAsync(stop);
        return view with
        {
            At = DateTimeOffset.UtcNow,
            Document = reply.Value ?? view.Document,
            StatusProblem = reply.Outcome == AdminCallOutcome.Ok ? null : reply.Message,
            Activity = operatorConsole.Recent.Snapshot(),
        };
    }
}
