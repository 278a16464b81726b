using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiArb.Tests.Shared;

namespace KalshiArb.Kalshi.Tests.Fuzz;

/// <summary>Hostile WebSocket frames: nothing escapes the parser or the session as an exception; every refusal has a reason.</summary>
public sealed class FeedFrameFuzzTests
{
    private const string Phi = "KXNFLGAME-26SEP20PHITEN-PHI";

    internal static readonly string[] Frames =
    [
        $$$"""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"{{{Phi}}}","yes_dollars_fp":[["0.4700","3.00"],["0.4800","10.50"]],"no_dollars_fp":[["0.5200","1.00"]]}}""",
        $$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.5200","delta_fp":"-1.00","side":"no","ts_ms":1781159387354}}""",
        $$$"""{"type":"ticker","sid":11,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.50","yes_bid_dollars":"0.49","yes_ask_dollars":"0.51","volume_fp":"100.00","open_interest_fp":"50.00","ts_ms":1}}""",
        $$$"""{"type":"trade","sid":11,"msg":{"trade_id":"t1","market_ticker":"{{{Phi}}}","yes_price_dollars":"0.50","no_price_dollars":"0.50","count_fp":"3.00","taker_side":"yes","ts_ms":1}}""",
        $$$"""{"type":"fill","sid":13,"msg":{"trade_id":"t","order_id":"o","market_ticker":"{{{Phi}}}","is_taker":true,"outcome_side":"yes","book_side":"bid","yes_price_dollars":"0.50","count_fp":"1.00","fee_cost":"0.0175","post_position_fp":"1.00","client_order_id":"c","ts_ms":1}}""",
        $$$"""{"type":"user_order","sid":14,"msg":{"order_id":"o","client_order_id":"c","ticker":"{{{Phi}}}","status":"resting","side":"bid","yes_price_dollars":"0.50","fill_count_fp":"0.00","remaining_count_fp":"1.00","initial_count_fp":"1.00","ts_ms":1}}""",
        $$$"""{"type":"market_position","sid":15,"msg":{"market_ticker":"{{{Phi}}}","position_fp":"-2.00","market_exposure_dollars":"1.00","realized_pnl_dollars":"-0.50","fees_paid_dollars":"0.04","ts_ms":1}}""",
        $$$"""{"type":"market_lifecycle_v2","sid":16,"msg":{"market_ticker":"{{{Phi}}}","event_type":"determined","result":"yes","close_ts":1781159387,"ts_ms":1}}""",
        """{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":1}}""",
        $$$"""{"type":"ok","id":3,"sid":1,"seq":7,"msg":{"market_tickers":["{{{Phi}}}"]}}""",
        """{"type":"error","id":2,"msg":{"code":6,"msg":"Already subscribed"}}""",
        """{"type":"unsubscribed","id":5,"sid":4}""",
    ];

    internal static readonly string[] Fields =
    [
        "type", "sid", "seq", "id", "msg", "market_ticker", "ticker", "market_tickers", "yes_dollars_fp", "no_dollars_fp", "yes_dollars",
        "price_dollars", "delta_fp", "side", "ts_ms", "yes_bid_dollars", "yes_ask_dollars", "volume_fp", "open_interest_fp", "trade_id",
        "yes_price_dollars", "no_price_dollars", "count_fp", "taker_side", "order_id", "client_order_id", "is_taker", "outcome_side",
        "book_side", "fee_cost", "post_position_fp", "status", "fill_count_fp", "remaining_count_fp", "initial_count_fp", "position_fp",
        "market_exposure_dollars", "realized_pnl_dollars", "fees_paid_dollars", "event_type", "result", "close_ts", "channel", "code",
        "orderbook_snapshot", "orderbook_delta", "fill", "error", "ok",
    ];

    private static readonly Gen<byte[]> Hostile = Gen.Elements(Frames).SelectMany(f => HostileJson.From(f, Fields));

    private static IEnumerable<string> TickersOf(FeedEvent e) => e switch
    {
        BookSnapshot s => [s.MarketTicker],
        BookDelta d => [d.MarketTicker],
        TickerUpdate t => [t.MarketTicker],
        TradePrint t => [t.MarketTicker],
        FillReport f => [f.MarketTicker],
        UserOrderUpdate u => [u.MarketTicker],
        MarketPositionUpdate p => [p.MarketTicker],
        MarketLifecycle l => [l.MarketTicker],
        CommandAcknowledged a => a.MarketTickers,
        _ => [],
    };

    [Fact]
    public void Every_sample_frame_parses()
    {
        foreach (var f in Frames) Assert.True(FeedFrameParser.Parse(System.Text.Encoding.UTF8.GetBytes(f)).IsEvent, f);
    }

    [Property(MaxTest = 3_000)]
    public Property Hostile_frames_get_an_event_or_a_reason_and_events_carry_only_valid_tickers() =>
        Prop.ForAll(Hostile.ToArbitrary(), frame =>
        {
            var p = new FeedFrameParser().ParseFrame(frame);
            if (p.Event is null) return (p.Reason != FeedRejectReason.None).Label("refusal has a reason");
            return TickersOf(p.Event).All(MarketTickerGrammar.IsValid).Label($"tickers of {p.Event}");
        });

    [Property(MaxTest = 1_000)]
    public Property The_session_turns_hostile_frames_into_counts_not_exceptions() =>
        Prop.ForAll(Hostile.ListOf().ToArbitrary(), frames =>
        {
            var counters = new FeedCounters();
            var session = new FeedSession(new KalshiFeedOptions { MaxFrameBytes = 64 * 1024 }, [Phi], counters, _ => { }, (_, _) => { }, TimeProvider.System);
            session.OnConnected();
            var output = new List<FeedEvent>();
            var resyncs = 0;
            foreach (var f in frames)
            {
                try
                {
                    session.OnFrame(f, output);
                }
                catch (FeedResyncRequiredException)
                {
                    resyncs++; // by design: a terminal error frame asks for a reconnect
                }
            }
            var snap = counters.Snapshot();
            return (snap.Frames == frames.Count).Label("every frame counted")
                .And((snap.TotalRejected + resyncs <= frames.Count).Label("at most one refusal per frame"))
                .And(output.SelectMany(TickersOf).All(MarketTickerGrammar.IsValid).Label("only valid tickers reach downstream"));
        });

    [Theory]
    [InlineData(65)]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void Deep_nesting_is_refused_with_a_reason(int depth)
    {
        var nested = HostileJson.Nested(depth);
        foreach (var frame in new[] { nested, $$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{{{nested}}}}""", $$$"""{"type":"ticker","sid":1,"msg":{"market_ticker":"{{{Phi}}}","x":{{{nested}}}}}""" })
        {
            var p = FeedFrameParser.Parse(System.Text.Encoding.UTF8.GetBytes(frame));
            Assert.False(p.IsEvent);
            Assert.NotEqual(FeedRejectReason.None, p.Reason);
        }
    }
}
