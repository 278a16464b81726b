using Akka.Hosting;
using KalshiArb.Actors.Risk;
using KalshiArb.Exchange.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Node.Tests.Pnl;

public sealed partial class SimSettlementPnlSpec
{
    /// <summary>
    /// Markets that settle while the node is down send their lifecycle event to nobody and Kalshi does not replay it:
    /// the next node on the same journal must still settle them by asking the exchange (settlement catch-up), ending
    /// with P&amp;L, fees and positions equal to the simulator's account, no position left in the gate and every filled
    /// order settled.
    /// </summary>
    [Fact]
    public async Task Markets_settled_while_the_node_was_down_are_settled_from_the_exchange_when_it_comes_back()
    {
        var settings = Settings();
        var logger = NodeHostFactory.CreateLogger(settings);
        var ask = TimeSpan.FromSeconds(5);
        ExchangeConnection? exchange = null;
        try
        {
            exchange = await TradeHaltAndStopAsync(settings, logger);
            var traded = exchange.Simulator!.Exchange.Account(SimulatorAccountKey.DefaultKeyId)!.Positions()
                .Select(p => p.Ticker).ToHashSet(StringComparer.Ordinal);

            // Settled while no node listens: one market at a scalar value, the rest yes/no.
            var sim = exchange.Simulator.Exchange;
            var tickers = sim.Games().SelectMany(g => new[] { g.AwayMarketTicker, g.HomeMarketTicker }).ToArray();
            var scalar = tickers.First(traded.Contains);
            Assert.True(sim.SettleMarketAt(scalar, Price.Parse("0.3700")));
            foreach (var ticker in tickers.Where(t => t != scalar)) sim.SettleMarket(ticker);
            var simAccount = sim.Account(SimulatorAccountKey.DefaultKeyId)!;
            Assert.All(simAccount.Positions(), p => Assert.Equal(Quantity.Zero, p.Position));

            // a short interval: the first check may run before the journal has seeded the desk's book
            var overlay = Path.Combine(_dir, "catch-up.conf");
            await File.WriteAllTextAsync(overlay, "kalshiarb.orders.settlement-check-interval = 1s");
            {
                await using (var node = await TradingNode.StartAsync(settings with { ConfigOverlayPath = overlay }, logger, (_, _) => Task.FromResult(exchange!),
                                 CancellationToken.None, ownsExchange: false))
                {
                    PnlBook? book = null;
                    await Until(TimeSpan.FromSeconds(30), async () =>
                    {
                        book = await node.Orders!.Ask<PnlBook>(GetPnlBook.Instance, ask);
                        return Differences(simAccount.Positions(), book).Count == 0 && book.Positions.Count > 0 && book.Positions.All(p => p.Settled);
                    }, () => "not caught up: " + string.Join("\n", Differences(simAccount.Positions(), book)));

                    var sims = simAccount.Positions();
                    Assert.Equal(traded, sims.Select(p => p.Ticker).ToHashSet(StringComparer.Ordinal));
                    Assert.Equal(Sum(sims, p => p.RealizedPnl) - Sum(sims, p => p.FeesPaid), book!.Positions.Aggregate(Money.Zero, (s, p) => s + p.Realized));
                    Assert.Equal(0, book.Refused);
                    var catchUp = await ActorRegistry.For(node.System).Get<SettlementCatchUp>()
                        .Ask<SettlementCatchUpState>(GetSettlementCatchUpState.Instance, ask);
                    Assert.Equal(traded.Count, catchUp.Published);
                    Assert.Equal(0, catchUp.Failures);
                    await Until(TimeSpan.FromSeconds(10), async () =>
                        (await node.RiskGate.Ask<RiskStateView>(GetRiskState.Instance, ask)).Positions.All(p => !traded.Contains(p.Ticker)),
                        "the gate still holds a settled position");
                    await AssertEveryFilledOrderSettledAsync(settings);
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
}
