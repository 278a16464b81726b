using KalshiArb.Actors.Risk;
using KalshiArb.Exchange.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KalshiArb.Node.Tests.Pnl;

/// <summary>
/// Issue #13's P&amp;L check: the node trades against the simulator, trading halts, every game settles (one market at a
/// scalar value), and our P&amp;L, fees and positions must equal the simulator's account (what its /portfolio/positions
/// serves) to the unit; the risk gate must hold no position in a settled market and every order with fills is settled.
/// </summary>
public sealed partial class SimSettlementPnlSpec(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-sim-pnl-").FullName;

    [Fact]
    public async Task Settled_markets_leave_our_realized_pnl_fees_and_positions_equal_to_the_simulators()
    {
        var settings = Settings();
        var logger = NodeHostFactory.CreateLogger(settings);
        var ask = TimeSpan.FromSeconds(5);

        // the simulator outlives the node: its books are compared with the journal after the node stopped
        ExchangeConnection? exchange = null;
        await using var simulator = new DisposeAtEnd(() => exchange);
        await using (var node = await TradingNode.StartAsync(settings, logger, async (c, ct) => exchange = await ExchangeConnection.EmbeddedAsync(settings, c, ct),
                         CancellationToken.None, ownsExchange: false))
        {
            var sim = node.Simulator!.Exchange;
            var account = sim.Account(SimulatorAccountKey.DefaultKeyId)!;
            await TradeThenHaltAsync(node, account);

            // Before settlement: open positions match the simulator's (contracts, cost basis, fees) and status marks them.
            await Until(TimeSpan.FromSeconds(10), async () =>
                Differences(account.Positions(), await node.Orders!.Ask<PnlBook>(GetPnlBook.Instance, ask)).Count == 0, "open positions differ");
            var open = await StatusReporter.QueryAsync(node, ask, CancellationToken.None);
            output.WriteLine(open.ToString());
            Assert.NotNull(open.Pnl);
            Assert.Equal(account.Positions().Select(p => p.Ticker).Order(StringComparer.Ordinal), open.Pnl!.Markets.Select(m => m.Key));
            Assert.Contains(open.Pnl.Markets, m => m.Contracts != "0.00" && m.UnrealizedAtMid is not null);
            Assert.Contains($"pnl realized {open.Pnl.Total.Realized}", open.ToString());

            var tickers = sim.Games().SelectMany(g => new[] { g.AwayMarketTicker, g.HomeMarketTicker }).ToArray();
            var traded = account.Positions().Select(p => p.Ticker).ToHashSet(StringComparer.Ordinal);
            var scalar = tickers.First(traded.Contains);
            Assert.True(sim.SettleMarketAt(scalar, Price.Parse("0.3700")));
            foreach (var ticker in tickers.Where(t => t != scalar)) sim.SettleMarket(ticker);

            PnlBook? book = null;
            await Until(TimeSpan.FromSeconds(30), async () =>
            {
                book = await node.Orders!.Ask<PnlBook>(GetPnlBook.Instance, ask);
                return Differences(account.Positions(), book).Count == 0 && book.Positions.Where(p => traded.Contains(p.Ticker)).All(p => p.Settled);
            }, () => string.Join("\n", Differences(account.Positions(), book)));

            var sims = account.Positions();
            output.WriteLine($"{sims.Count} markets traded; realized before fees {Sum(sims, p => p.RealizedPnl)}, fees {Sum(sims, p => p.FeesPaid)}");
            Assert.NotEmpty(sims);
            Assert.All(sims, p => Assert.Equal(Quantity.Zero, p.Position));
            Assert.Equal(Sum(sims, p => p.RealizedPnl) - Sum(sims, p => p.FeesPaid), book!.Positions.Aggregate(Money.Zero, (s, p) => s + p.Realized));
            Assert.Equal(0, book.Refused);

            var settledStatus = await StatusReporter.QueryAsync(node, ask, CancellationToken.None);
            var expected = (Sum(sims, p => p.RealizedPnl) - Sum(sims, p => p.FeesPaid)).ToWire();
            Assert.Equal(expected, settledStatus.Pnl!.Total.Realized);
            Assert.Equal(Sum(sims, p => p.FeesPaid).ToWire(), settledStatus.Pnl.Total.Fees);
            Assert.Equal(expected, settledStatus.Pnl.Total.UnrealizedAtMid is null ? null : StatusReporter.NodeStatus.MarkedAtMid(settledStatus.Pnl));
            Assert.Contains($"pnl realized {expected}, at mid {expected}", settledStatus.ToString());
            var text = KalshiArb.Node.Admin.AdminStatusText.Render(KalshiArb.Node.Admin.AdminStatusDocument.From(settledStatus, node.Config.Limits));
            output.WriteLine(text);
            Assert.Contains($"pnl:         realized {expected}", text);
            Assert.Same(settledStatus.Pnl, PnlTracker.Get(node.System).Latest);
            Assert.True(PnlTracker.Get(node.System).Latest!.History.Count >= 1);

            // The gate released every settled position.
            await Until(TimeSpan.FromSeconds(10), async () =>
                (await node.RiskGate.Ask<RiskStateView>(GetRiskState.Instance, ask)).Positions.All(p => !traded.Contains(p.Ticker)), "the gate still holds a settled position");
            await EveryFilledOrderJournaledItsSettlementAsync(settings);
            await node.StopAsync();
        }
        (logger as IDisposable)?.Dispose();

        // Every order with fills journaled its settlement: the audit's P&L from the journal equals the simulator's.
        var journal = await KalshiArb.Node.Audit.OrderJournalReader.ReadAsync(AkkaConfigComposer.Compose(settings), null, CancellationToken.None);
        var run = KalshiArb.Node.Audit.JournalAuditor.AuditAll(journal, requireTerminal: true);
        var simAfter = exchange!.Simulator!.Exchange.Account(SimulatorAccountKey.DefaultKeyId)!.Positions();
        Assert.Equal(Sum(simAfter, p => p.RealizedPnl) - Sum(simAfter, p => p.FeesPaid), run.Pnl.Total.Realized);
        Assert.Equal(Sum(simAfter, p => p.FeesPaid), run.Pnl.Total.Fees);
        Assert.Equal(0, run.Pnl.Refused);
        var filled = run.Orders.Where(o => o.Journal.Entries.Any(e => e.Event is OrderFillAppliedEvent)).ToArray();
        Assert.NotEmpty(filled);
        Assert.All(filled, o => Assert.Contains(o.Journal.Entries, e => e.Event is OrderSettledEvent));
        Assert.True(run.IsClean, KalshiArb.Node.Audit.AuditTextReport.SummaryLine(run.Summary));
    }

    /// <summary>
    /// A node that traded and stopped before its markets settled: the next node on the same journal finds those fills
    /// (seeded from the journal), settles the orders when the markets settle, and matches the simulator to the unit.
    /// </summary>
    [Fact]
    public async Task After_a_restart_fills_from_before_are_in_the_pnl_and_settle_when_their_markets_do()
    {
        var settings = Settings();
        var logger = NodeHostFactory.CreateLogger(settings);
        var ask = TimeSpan.FromSeconds(5);
        ExchangeConnection? exchange = null;
        try
        {
            exchange = await TradeHaltAndStopAsync(settings, logger);
            var before = exchange.Simulator!.Exchange.Account(SimulatorAccountKey.DefaultKeyId)!.Positions();

            {
                await using (var node = await TradingNode.StartAsync(settings, logger, (_, _) => Task.FromResult(exchange!), CancellationToken.None,
                                 ownsExchange: false))
                {
                    var sim = exchange.Simulator!.Exchange;
                    var account = sim.Account(SimulatorAccountKey.DefaultKeyId)!;
                    Assert.Equal(before, account.Positions()); // halted: nothing traded in between
                    PnlBook? book = null;
                    await Until(TimeSpan.FromSeconds(30), async () =>
                    {
                        book = await node.Orders!.Ask<PnlBook>(GetPnlBook.Instance, ask);
                        return Differences(account.Positions(), book).Count == 0;
                    }, () => "seeded book differs: " + string.Join("\n", Differences(account.Positions(), book)));

                    // A settlement is news on the feed only: settle once this node's feed is subscribed and its books whole.
                    await Until(TimeSpan.FromSeconds(30), async () =>
                        (await StatusReporter.QueryAsync(node, ask, CancellationToken.None)).Feed is { Connected: true, TrackedMarkets: > 0, BooksAwaitingSnapshot: 0 },
                        "the feed did not come back");
                    foreach (var g in sim.Games()) sim.SettleGame(g.Index);
                    await Until(TimeSpan.FromSeconds(30), async () =>
                    {
                        book = await node.Orders!.Ask<PnlBook>(GetPnlBook.Instance, ask);
                        return Differences(account.Positions(), book).Count == 0 && book.Positions.All(p => p.Settled);
                    }, () => "after settlement: " + string.Join("\n", Differences(account.Positions(), book)));
                    Assert.Equal(0, book!.Refused);
                    await EveryFilledOrderJournaledItsSettlementAsync(settings);
                    await node.StopAsync();
                }
            }

            await AssertEveryFilledOrderSettledAsync(settings);
        }
        finally
        {
            if (exchange is not null) await exchange.DisposeAsync();
            (logger as IDisposable)?.Dispose();
        }
    }

    private NodeSettings Settings() => new() { DataDirectory = Path.Combine(_dir, "data"), LogDirectory = Path.Combine(_dir, "logs") };

    /// <summary>A first node trades against a new embedded simulator, halts and stops; the simulator lives on.</summary>
    private static async Task<ExchangeConnection> TradeHaltAndStopAsync(NodeSettings settings, Serilog.ILogger logger)
    {
        ExchangeConnection? exchange = null;
        try
        {
            await using (var node = await TradingNode.StartAsync(settings, logger,
                             async (c, ct) => exchange = await ExchangeConnection.EmbeddedAsync(settings, c, ct), CancellationToken.None, ownsExchange: false))
            {
                await TradeThenHaltAsync(node, exchange!.Simulator!.Exchange.Account(SimulatorAccountKey.DefaultKeyId)!);
                await node.StopAsync();
            }
        }
        catch
        {
            if (exchange is not null) await exchange.DisposeAsync();
            throw;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return exchange;
    }

    /// <summary>There were filled orders, and every one journaled its settlement (bounded, see below).</summary>
    private static async Task AssertEveryFilledOrderSettledAsync(NodeSettings settings)
    {
        await EveryFilledOrderJournaledItsSettlementAsync(settings);
        var journal = await KalshiArb.Node.Audit.OrderJournalReader.ReadAsync(AkkaConfigComposer.Compose(settings), null, CancellationToken.None);
        Assert.Contains(journal, o => o.Entries.Any(e => e.Event is OrderFillAppliedEvent));
    }

    /// <summary>Waits for the first fill, then halts and waits until every order has ended, so nothing fills while markets settle.</summary>
    private static async Task TradeThenHaltAsync(TradingNode node, AccountLedger account)
    {
        var ask = TimeSpan.FromSeconds(5);
        await Until(TimeSpan.FromSeconds(60), () => Task.FromResult(account.Fills().Count > 0), "no fill within a minute");
        await node.RiskGate.Ask<KillSwitchChanged>(new HaltTrading("pnl test"), ask);
        await Until(TimeSpan.FromSeconds(30), async () =>
            (await StatusReporter.QueryAsync(node, ask, CancellationToken.None)).Execution.Open.Count == 0, "orders still open after the halt");
    }

    private static Money Sum(IEnumerable<PositionView> positions, Func<PositionView, Money> money) =>
        positions.Aggregate(Money.Zero, (s, p) => s + money(p));

    private static List<string> Differences(IReadOnlyList<PositionView> sim, PnlBook? book)
    {
        var ours = book?.Positions.ToDictionary(p => p.Ticker, StringComparer.Ordinal) ?? [];
        var diffs = new List<string>();
        foreach (var s in sim)
        {
            if (!ours.TryGetValue(s.Ticker, out var o))
            {
                diffs.Add($"{s.Ticker}: missing from our book");
                continue;
            }
            if (o.Contracts != s.Position || o.CostBasis != s.CostBasis || o.RealizedBeforeFees != s.RealizedPnl || o.Fees != s.FeesPaid)
                diffs.Add($"{s.Ticker}: ours {o.Contracts} basis {o.CostBasis} realized {o.RealizedBeforeFees} fees {o.Fees}; " +
                          $"simulator {s.Position} basis {s.CostBasis} realized {s.RealizedPnl} fees {s.FeesPaid}");
        }
        diffs.AddRange(ours.Keys.Where(t => sim.All(s => s.Ticker != t)).Select(t => $"{t}: not in the simulator's positions"));
        return diffs;
    }

    private static Task Until(TimeSpan within, Func<Task<bool>> condition, string why) => Until(within, condition, () => why);

    /// <summary>
    /// The desk's book settles first; each order persists its settlement a moment later. Stopping in between would
    /// test the shutdown, not the settlement: wait (bounded) until the journal shows it for every filled order.
    /// </summary>
    private static Task EveryFilledOrderJournaledItsSettlementAsync(NodeSettings settings) =>
        Until(TimeSpan.FromSeconds(30), async () =>
        {
            var journal = await KalshiArb.Node.Audit.OrderJournalReader.ReadAsync(AkkaConfigComposer.Compose(settings), null, CancellationToken.None);
            return journal.Where(o => o.Entries.Any(e => e.Event is OrderFillAppliedEvent)).All(o => o.Entries.Any(e => e.Event is OrderSettledEvent));
        }, () => "a filled order did not journal its settlement");

    private static async Task Until(TimeSpan within, Func<Task<bool>> condition, Func<string> why)
    {
        var deadline = DateTime.UtcNow + within;
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(why());
            await every.WaitForNextTickAsync();
        }
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

    /// <summary>Disposes what the getter returns then (set later, e.g. by a node's start).</summary>
    private sealed class DisposeAtEnd(Func<IAsyncDisposable?> disposable) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => disposable() is { } d ? d.DisposeAsync() : ValueTask.CompletedTask;
    }
}
