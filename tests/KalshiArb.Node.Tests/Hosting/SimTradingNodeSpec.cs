using KalshiArb.Actors.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Node.Tests.Hosting;

/// <summary>
/// The embedded default end to end: simulator → signed REST/WS → books → odds consensus → signals → risk
/// gate → event-sourced orders → KalshiVenue → fills at the simulator.
/// </summary>
public sealed class SimTradingNodeSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-sim-node-").FullName;

    [Fact]
    public async Task The_default_node_finds_mispriced_markets_and_gets_filled_within_a_minute()
    {
        var settings = new NodeSettings { DataDirectory = Path.Combine(_dir, "data"), LogDirectory = Path.Combine(_dir, "logs") };
        var logger = NodeHostFactory.CreateLogger(settings);
        await using (var node = await TradingNode.StartAsync(settings, logger, (c, ct) => ExchangeConnection.EmbeddedAsync(settings, c, ct),
                         CancellationToken.None))
        {
            var config = node.Config;
            StatusReporter.NodeStatus? status = null;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            while (DateTime.UtcNow < deadline && await every.WaitForNextTickAsync())
            {
                status = await StatusReporter.QueryAsync(node, TimeSpan.FromSeconds(5), CancellationToken.None);
                if (status.Risk!.TotalExposure.Units > 0 && node.Simulator!.Exchange.Account(SimulatorAccountKey.DefaultKeyId)!.Fills().Count > 0) break;
            }

            Assert.NotNull(status);
            Assert.True(status!.Feed!.Connected, status.ToString());
            Assert.Equal(20, status.Odds!.MatchedMarkets);
            Assert.True(status.Risk!.TotalExposure.Units > 0, "no position was opened: " + status);
            var ledger = node.Simulator!.Exchange.Account(SimulatorAccountKey.DefaultKeyId)!;
            Assert.NotEmpty(ledger.Fills());
            Assert.Empty(status.Execution.NeedsAttention);
            // The gate never lets exposure past its configured total.
            Assert.True(status.Risk!.TotalExposure <= config.Limits.MaxTotalExposure, status.ToString());

            // The consensus each MarketActor trades on must be the simulator's hidden fair value for that
            // market's YES team (sportsbook noise is at most ±0.012), never the other team's.
            var report = new List<string>();
            foreach (var game in node.Simulator!.Exchange.Games())
            {
                foreach (var ticker in new[] { game.AwayMarketTicker, game.HomeMarketTicker })
                {
                    var view = await node.Markets.Markets.Ask<KalshiArb.Actors.Market.MarketStateView>(
                        new KalshiArb.Actors.Market.GetMarketState(ticker), TimeSpan.FromSeconds(5));
                    var hidden = node.Simulator!.Exchange.FairValue(ticker)!.Value;
                    report.Add($"{ticker} consensus {view.FairYes:F4} hidden {hidden:F4} offset {node.Simulator!.Exchange.KalshiOffset(ticker):F3} yesAsk {view.YesAsk?.Price} noAsk {view.NoAsk?.Price}");
                    Assert.NotNull(view.FairYes);
                    Assert.True(Math.Abs(view.FairYes!.Value - hidden) <= 0.03, string.Join("\n", report));
                }
            }
            await node.StopAsync();
        }
        (logger as IDisposable)?.Dispose();

        // The journal this real run wrote passes the audit (orders may still be working: the run was cut short).
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var rc = await KalshiArb.Node.Cli.AuditCommand.RunAsync(
            new KalshiArb.Node.Audit.AuditOptions { Settings = settings, RequireTerminal = false }, stdout, stderr, CancellationToken.None);
        Assert.True(rc == 0, stdout + "\n" + stderr);
        Assert.Matches(@"audit: [1-9]\d* orders, [1-9]\d* clean, 0 with violations", stdout.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a log file still closing only leaves a temp folder behind
        }
    }
}
