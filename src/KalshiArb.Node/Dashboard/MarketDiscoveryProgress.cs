using Akka.Actor;
using KalshiArb.Actors.Feed;
using KalshiArb.Node.Hosting;
using Spectre.Console;

namespace KalshiArb.Node.Dashboard;

/// <summary>
/// The first market discovery after start (listing every open market of the configured series and its fee rule can
/// take a while against Kalshi's rate limits): a spinner with the elapsed time on a terminal, a plain line every few
/// seconds otherwise, then one line with what was found. Bounded by <see cref="Limit"/>; the node trades either way.
/// </summary>
public static class MarketDiscoveryProgress
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task WaitAsync(IActorRef catalog, bool terminal, OperatorConsole operatorConsole, Serilog.ILogger log, CancellationToken stop)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stop);
        bounded.CancelAfter(Limit);
        var started = DateTime.UtcNow;
        CatalogResult? found;
        try
        {
            if (terminal)
            {
                // The spinner owns the line it draws on: console log lines wait (the log file still gets them).
                operatorConsole.Paused = true;
                try
                {
                    found = await AnsiConsole.Status().StartAsync("discovering markets…", ctx =>
                        PollAsync(catalog, elapsed => ctx.Status($"discovering markets… {elapsed.TotalSeconds:F0} s"), started, bounded.Token));
                }
                finally
                {
                    operatorConsole.Paused = false;
                }
            }
            else
            {
                var lastLine = started;
                found = await PollAsync(catalog, elapsed =>
                {
                    if (DateTime.UtcNow - lastLine < TerminalProgress.PlainEvery) return;
                    lastLine = DateTime.UtcNow;
                    log.Information("market discovery still running ({Seconds:F0} s)", elapsed.TotalSeconds);
                }, started, bounded.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping (duration, Ctrl-C) says nothing; only the bound running out is worth a warning.
            if (!stop.IsCancellationRequested)
                log.Warning("market discovery has not finished after {Limit}; the node keeps trying (see the log file)", Limit);
            return;
        }
        if (found is null) return;
        log.Information("markets discovered: {Markets} in {Seconds:F1} s ({Rejected} left out)", found.Markets.Count,
            (DateTime.UtcNow - started).TotalSeconds, found.Rejected.Count);
    }

    private static async Task<CatalogResult?> PollAsync(IActorRef catalog, Action<TimeSpan> tick, DateTime started, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var snapshot = await catalog.Ask<CatalogSnapshot>(GetCatalog.Instance, TimeSpan.FromSeconds(2), ct);
                if (snapshot.Last is { } last) return last;
            }
            catch (AskTimeoutException)
            {
                // the catalog singleton may still be starting; ask again
            }
            tick(DateTime.UtcNow - started);
            await Task.Delay(Poll, ct);
        }
    }
}
