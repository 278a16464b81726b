using KalshiArb.Actors.OddsFeed;

namespace KalshiArb.Actors.Tests.Serialization;

/// <summary>The dashboard's questions and answers cross nodes (admission and desks on every member): our serializer carries them.</summary>
public sealed class DashboardMessagesSpec : TestKit
{
    public DashboardMessagesSpec() : base(SerializationConfig.Create(), "dashboard-messages-spec")
    {
    }

    private T RoundTrip<T>(T message, string manifest) where T : notnull
    {
        var serializer = Assert.IsType<KalshiArbSerializer>(Sys.Serialization.FindSerializerFor(message));
        Assert.Equal(manifest, serializer.Manifest(message));
        return (T)serializer.FromBinary(serializer.ToBinary(message), manifest);
    }

    private static VenueFill Fill(string tradeId, long atMs) => new(tradeId, "x-1", "exec-1", "KXNFLGAME-26SEP20PHITEN-PHI", OutcomeSide.Yes,
        Price.FromCents(52), Quantity.FromContracts(5), Money.FromCents(9), true, atMs);

    [Fact]
    public void Recent_signals_fills_and_matched_markets_round_trip()
    {
        var signal = new RecentSignal(7, "sig-1", "exec-1", "KXNFLGAME-26SEP20PHITEN-PHI", OutcomeSide.No, Price.FromCents(47), Quantity.FromContracts(10),
            0.55, 0.04, "refused: Halted") { StrategyId = "consensus-edge" };
        var signals = RoundTrip(new RecentSignals([signal]), "order-admission-recent.v1");
        Assert.Equal(signal, Assert.Single(signals.Signals));
        Assert.IsType<GetRecentSignals>(RoundTrip(GetRecentSignals.Instance, "order-admission-recent-get.v1"));

        var fills = RoundTrip(new RecentFills([Fill("t-1", 9)], new Dictionary<string, string> { ["x-1"] = "exec-1" }), "execution-recent-fills.v1");
        Assert.Equal(Fill("t-1", 9), Assert.Single(fills.Fills));
        Assert.Equal("exec-1", fills.ExecutionIds["x-1"]);
        Assert.IsType<GetRecentFills>(RoundTrip(GetRecentFills.Instance, "execution-recent-fills-get.v1"));

        Assert.Equal(["A", "B"], RoundTrip(new MatchedMarkets(["A", "B"]), "matched-markets.v1").Tickers);
        Assert.IsType<GetMatchedMarkets>(RoundTrip(GetMatchedMarkets.Instance, "get-matched-markets.v1"));
    }

    [Fact]
    public void The_fill_log_keeps_the_newest_fills_once_each_and_forgets_dropped_orders()
    {
        var log = new RecentFillLog();
        log.Add(Fill("t-0", 0) with { ExchangeOrderId = "x-old" }, "exec-old");
        log.Add(Fill("t-0", 0), "exec-1"); // the venue repeating a trade
        Assert.Single(log.Snapshot().Fills);
        for (var i = 1; i <= RecentFillLog.Capacity; i++) log.Add(Fill("t-" + i, i), "exec-1");
        var snapshot = log.Snapshot();
        Assert.Equal(RecentFillLog.Capacity, snapshot.Fills.Count);
        Assert.Equal("t-" + RecentFillLog.Capacity, snapshot.Fills[0].TradeId);
        Assert.DoesNotContain("x-old", snapshot.ExecutionIds.Keys);
    }

    [Fact]
    public void The_signal_log_is_bounded_and_later_answers_replace_the_outcome()
    {
        var log = new RecentSignalLog();
        for (var i = 0; i < RecentSignalLog.Capacity + 5; i++)
            log.Add(new RecentSignal(i, "sig-" + i, "exec-" + i, "T", OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(1), 0.5, 0.03, "admitted"));
        log.Resolve("exec-54", "placed");
        log.Resolve("exec-53", "not placed: bad signal");
        var signals = log.Snapshot().Signals;
        Assert.Equal(RecentSignalLog.Capacity, signals.Count);
        Assert.Equal(("sig-54", "placed"), (signals[0].SignalId, signals[0].Outcome));
        Assert.Equal("not placed: bad signal", signals[1].Outcome);
        Assert.DoesNotContain(signals, s => s.SignalId == "sig-0");
    }
}
