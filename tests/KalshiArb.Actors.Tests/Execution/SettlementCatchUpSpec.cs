using System.Collections.Concurrent;
using Akka.TestKit;
using KalshiArb.Domain.Pnl;
using KalshiArb.Kalshi;
using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Model;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// The catch-up asks the exchange about every unsettled market in the desk's book and publishes a settled one as the
/// feed would; a failing or silent exchange is counted and bounded, never blocks, and a later check still settles.
/// </summary>
public sealed class SettlementCatchUpSpec : TestKit
{
    private const string Lal = "KXNBAGAME-26DEC08LALBOS-LAL";
    private const string Bos = "KXNBAGAME-26DEC08LALBOS-BOS";
    private const string Phi = "KXNFLGAME-26DEC07PHITEN-PHI";
    private static readonly SettlementCatchUpSettings Manual = new(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(3));

    private static PnlPosition Position(string ticker, bool settled) =>
        new(ticker, "", Quantity.FromContracts(1), Money.Zero, Money.Zero, Money.Zero, Money.Zero, settled);

    private static KalshiMarket Market(string ticker, MarketStatus status, string result) =>
        new(ticker, ticker[..ticker.LastIndexOf('-')], "KXNBAGAME", "binary", null, null, status, status.ToString().ToLowerInvariant(), result,
            null, null, null, null, null, null, null, null, null, null, null, null, new PriceGrid([new PriceRange(new Price(100), new Price(9900), new Price(100))]));

    private TestProbe Desk(params PnlPosition[] positions)
    {
        var desk = CreateTestProbe();
        desk.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is GetPnlBook) sender.Tell(new PnlBook(positions, [], 0));
            return AutoPilot.KeepRunning;
        }));
        return desk;
    }

    private TestProbe Settlements()
    {
        var news = CreateTestProbe();
        Sys.EventStream.Subscribe(news.Ref, typeof(MarketSettled));
        return news;
    }

    [Fact]
    public async Task A_market_settled_without_a_live_event_is_published_and_open_or_settled_ones_are_not()
    {
        var asked = new ConcurrentQueue<string>();
        var desk = Desk(Position(Lal, false), Position(Bos, false), Position(Phi, true));
        var news = Settlements();
        var catchUp = Sys.ActorOf(SettlementCatchUp.Props(desk.Ref, (ticker, _) =>
        {
            asked.Enqueue(ticker);
            return Task.FromResult<KalshiResult<KalshiMarket>>(ticker == Lal ? Market(ticker, MarketStatus.Finalized, "no") : Market(ticker, MarketStatus.Active, ""));
        }, Manual));

        var settled = news.ExpectMsg<MarketSettled>(TimeSpan.FromSeconds(5));
        Assert.Equal((Lal, Price.Zero), (settled.Ticker, settled.YesValue));
        news.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal([Bos, Lal], asked.ToArray()); // the settled market is not asked about
        var state = await catchUp.Ask<SettlementCatchUpState>(GetSettlementCatchUpState.Instance, TimeSpan.FromSeconds(3));
        Assert.Equal(new SettlementCatchUpState(1, 2, 1, 0, 0, null), state);
    }

    [Fact]
    public async Task Failures_and_silence_are_counted_with_a_reason_and_the_next_check_settles()
    {
        var calls = 0;
        var desk = Desk(Position(Lal, false));
        var news = Settlements();
        var catchUp = Sys.ActorOf(SettlementCatchUp.Props(desk.Ref, (ticker, ct) => Interlocked.Increment(ref calls) switch
        {
            1 => Task.FromResult<KalshiResult<KalshiMarket>>(new KalshiError(KalshiErrorKind.ServerError, 503, "unavailable", "try later", null)),
            2 => Silent(ct),
            _ => Task.FromResult<KalshiResult<KalshiMarket>>(Market(ticker, MarketStatus.Determined, "yes")),
        }, Manual));

        await AwaitAssertAsync(async () =>
            Assert.Equal(1, (await catchUp.Ask<SettlementCatchUpState>(GetSettlementCatchUpState.Instance, TimeSpan.FromSeconds(3))).Failures),
            TimeSpan.FromSeconds(5));
        catchUp.Tell(new CheckSettlements("reconnect"));
        // the silent call is cut at the call timeout, counted, and the actor still answers meanwhile
        await AwaitAssertAsync(async () =>
        {
            var s = await catchUp.Ask<SettlementCatchUpState>(GetSettlementCatchUpState.Instance, TimeSpan.FromSeconds(3));
            Assert.Equal(2, s.Failures);
            Assert.Contains("no answer", s.LastFailure, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(5));
        news.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        catchUp.Tell(new CheckSettlements("reconnect"));
        var settled = news.ExpectMsg<MarketSettled>(TimeSpan.FromSeconds(5));
        Assert.Equal((Lal, Price.One), (settled.Ticker, settled.YesValue));
    }

    [Fact]
    public void A_feed_reconnect_starts_a_check()
    {
        var desk = CreateTestProbe();
        Sys.ActorOf(SettlementCatchUp.Props(desk.Ref, (_, _) => throw new InvalidOperationException("an empty book asks nothing"), Manual));
        desk.ExpectMsg<GetPnlBook>(TimeSpan.FromSeconds(3));
        desk.Reply(new PnlBook([], [], 0));
        desk.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        SettlementNews.PublishReconnected(Sys, new FeedReconnected(1));
        desk.ExpectMsg<GetPnlBook>(TimeSpan.FromSeconds(3));
    }

    /// <summary>An exchange that never answers: only the call's own deadline ends it.</summary>
    private static async Task<KalshiResult<KalshiMarket>> Silent(CancellationToken ct)
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    }

    [Fact]
    public async Task A_desk_that_does_not_answer_is_a_counted_failure_not_a_stuck_check()
    {
        var silentDesk = CreateTestProbe();
        var catchUp = Sys.ActorOf(SettlementCatchUp.Props(silentDesk.Ref, (_, _) => throw new InvalidOperationException("must not be asked"),
            Manual with { DeskTimeout = TimeSpan.FromMilliseconds(200) }));
        silentDesk.ExpectMsg<GetPnlBook>(TimeSpan.FromSeconds(3));
        await AwaitAssertAsync(async () =>
            Assert.Equal(1, (await catchUp.Ask<SettlementCatchUpState>(GetSettlementCatchUpState.Instance, TimeSpan.FromSeconds(3))).Failures),
            TimeSpan.FromSeconds(5));
        catchUp.Tell(new CheckSettlements("reconnect"));
        silentDesk.ExpectMsg<GetPnlBook>(TimeSpan.FromSeconds(3)); // the next check runs
    }
}
