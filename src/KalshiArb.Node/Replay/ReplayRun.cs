using System.Diagnostics;
using Akka.Actor;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Adapters.Recording.Data;
using KalshiArb.Adapters.Recording.Providers;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Replay;

/// <param name="Recording">the recording directory</param>
/// <param name="DataDirectory">where the replay's journal goes (a fresh directory: audit it afterwards with <c>audit --data-dir</c>)</param>
/// <param name="ConfigOverlayPath">the operator's HOCON overlay, as for <c>run --config</c></param>
public sealed record ReplayRequest(string Recording, string DataDirectory, string? ConfigOverlayPath = null)
{
    public ReplayOptions Options { get; init; } = new();

    /// <summary>Bound on each wait for the actors (one step, one poll).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// <c>kalshiarb replay</c>: starts a paper-mode node on a fresh journal whose market side reads the recording
/// (<see cref="ReplaySources"/>), replays it through the node's own actors (feed session → MarketFeed → market region →
/// MarketActor → TradeSignal → admission → orders → paper venue), and reports what came out.
/// </summary>
public static class ReplayRun
{
    public static async Task<ReplayReport> RunAsync(ReplayRequest request, Serilog.ILogger log, CancellationToken ct)
    {
        if (!Directory.Exists(request.Recording)) throw new DirectoryNotFoundException($"no recording at {request.Recording}");
        var catalog = RecordedCatalog.Scan(request.Recording);
        if (catalog.Frames == 0) throw new InvalidDataException($"{request.Recording} holds no market-data frames ({catalog.Status}{(catalog.Fault is { } f ? ": " + f : "")})");
        log.Information("replaying {Recording}: {Frames} frames, {Odds} odds snapshots, {Markets} markets", request.Recording, catalog.Frames,
            catalog.OddsSnapshots, catalog.Markets.Count);

        var clock = new ReplayClock(new DateTimeOffset(catalog.FirstTicks, TimeSpan.Zero));
        var odds = new RecordedOddsSource(catalog.OddsFormat);
        var tickers = catalog.Markets.Select(m => m.Ticker).ToArray();
        var data = new RecordingMarketDataSource(request.Recording, new KalshiArb.Kalshi.Feed.KalshiFeedOptions(), tickers, odds, clock, request.Options);
        var sources = new ReplaySources(new RecordedMarketDiscovery(catalog), data, odds, clock);
        var settings = new NodeSettings { Mode = TradingMode.Paper, DataDirectory = request.DataDirectory, ConfigOverlayPath = request.ConfigOverlayPath };
        Directory.CreateDirectory(request.DataDirectory);

        var node = await TradingNode.StartAsync(settings, log, (config, token) => ExchangeConnection.EmbeddedAsync(settings, config, token), ct, replay: sources);
        await using (node)
        {
            var fills = new FillCounter();
            node.Venue?.Subscribe(fills);
            var barrier = new NodeReplayBarrier(node, tickers, request.StepTimeout);
            await barrier.WaitForCatalogAsync(tickers.Length, ct);
            var wall = Stopwatch.StartNew();
            var progress = await data.RunAsync(barrier, ct);
            wall.Stop();
            await barrier.QuiesceOrdersAsync(() => fills.Fills, ct);
            var timeout = request.StepTimeout;
            var markets = await Task.WhenAll(tickers.Select(t =>
                node.Markets.Markets.Ask<KalshiArb.Actors.Market.MarketStateView>(new KalshiArb.Actors.Market.GetMarketState(t), timeout, ct)));
            var report = new ReplayReport(catalog, progress,
                await node.Markets.Feed.Ask<FeedStateView>(GetFeedState.Instance, timeout, ct),
                await node.Markets.OddsPoller.Ask<OddsFeedStateView>(GetOddsFeedState.Instance, timeout, ct),
                node.Admission is { } admission
                    ? await admission.Ask<AdmissionStatus>(GetAdmissionStatus.Instance, timeout, ct)
                    : new AdmissionStatus(0, 0, 0, new Dictionary<string, long>(), new Dictionary<string, long>(), null),
                fills.Fills,
                node.Orders is { } desk ? await desk.Ask<PnlBook>(GetPnlBook.Instance, timeout, ct) : new PnlBook([], [], 0),
                data.SnapshotRequests,
                markets,
                wall.Elapsed)
            {
                ContractsFilled = fills.Contracts,
                RecentSignals = node.Admission is { } door ? (await door.Ask<RecentSignals>(GetRecentSignals.Instance, timeout, ct)).Signals : [],
            };
            await node.StopAsync();
            return report;
        }
    }
}
