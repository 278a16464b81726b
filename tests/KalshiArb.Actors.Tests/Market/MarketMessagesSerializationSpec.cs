using System.Collections.Immutable;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Domain.Detection;
using KalshiArb.Domain.Odds;
using KalshiArb.Odds.Api;
using static KalshiArb.Actors.Tests.Market.MarketFixtures;

namespace KalshiArb.Actors.Tests.Market;

/// <summary>Every market-side message that may cross nodes goes through our serializer under its versioned manifest and back.</summary>
public sealed class MarketMessagesSerializationSpec() : TestKit(SerializationConfig.Create(), "market-serialization")
{
    private static readonly TradeSignal Signal = new("sig-abc", Ticker, OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(82),
        0.6, 0.0825, 0.7, "buy YES", 1_770_000_000_000);

    public static TheoryData<object, string> Messages() => new()
    {
        { Metadata(), "market-metadata.v1" },
        { Snapshot(1_770_000_000_000), "book-snapshot.v1" },
        { new BookDeltaReceived(Ticker, 7, OutcomeSide.No, Price.Parse("0.5100"), Quantity.Parse("-3.50"), 12), "book-delta.v1" },
        { new BookInvalidated(Ticker, BookInvalidation.Disconnect, 5), "book-invalidated.v1" },
        { new BookResyncRequested(Ticker, BookUpdateResult.Gap), "book-resync-requested.v1" },
        { new BookConfirmed(Ticker, 8), "book-confirmed.v1" },
        { new TradeReceived(Ticker, "t-9", Price.FromCents(48), Quantity.FromContracts(2), 9), "market-trade.v1" },
        { new MarketStatusChanged(Ticker, MarketTradingStatus.Closed, 3), "market-status-changed.v1" },
        { Consensus(4, T0), "consensus-updated.v1" },
        { new ConsensusWithdrawn(Ticker, "TooFewFreshBooks", 6), "consensus-withdrawn.v1" },
        { new GetMarketState(Ticker), "get-market-state.v1" },
        { new EvaluateDueBy(Ticker, 1_770_487_200_250), "evaluate-due-by.v1" },
        { new MarketEvaluationsDue(Ticker, 1_770_487_200_500), "market-evaluations-due.v1" },
        { new TrackMarkets([Ticker]), "feed-track-markets.v1" },
        { new MarketsDiscovered([Metadata()]), "markets-discovered.v1" },
        { GetFeedState.Instance, "get-feed-state.v1" },
        { new AwaitEventsReceived(1_549_142), "await-feed-events.v1" },
        { new EventsReceivedReached(1_549_150), "feed-events-reached.v1" },
        { new PollSport("basketball_nba"), "odds-poll-sport.v1" },
        { GetOddsFeedState.Instance, "get-odds-feed-state.v1" },
        { GetUnmatchedMarkets.Instance, "get-unmatched-markets.v1" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Round_trips_under_its_manifest(object message, string manifest) => AssertRoundTrip(message, manifest);

    [Fact]
    public void Market_state_view_round_trips()
    {
        var view = new MarketStateView(Ticker, true, MarketTradingStatus.Open, true, BookUpdateResult.Applied,
            new BookLevel(Price.FromCents(45), Quantity.FromContracts(200)), new BookLevel(Price.FromCents(50), Quantity.FromContracts(200)),
            null, new BookLevel(Price.FromCents(55), Quantity.FromContracts(200)), 1, 7, Price.FromCents(48), 2, 0.6, 4, 0.01, 3, 4, "evt-1", T0,
            0.1, -0.15, Signal, SkipReason.OddsStale, "odds age", MarketPrecondition.NoConsensus, 5,
            new MarketCounters(3, 1, 1, ImmutableDictionary<SkipReason, long>.Empty.Add(SkipReason.OddsStale, 2),
                ImmutableDictionary<MarketPrecondition, long>.Empty.Add(MarketPrecondition.NoConsensus, 1), 1, 10,
                ImmutableDictionary<BookUpdateResult, long>.Empty.Add(BookUpdateResult.Gap, 1), 1, 2)
            {
                SkipsByStrategy = ImmutableDictionary<string, ImmutableDictionary<SkipReason, long>>.Empty
                    .Add(StrategyIds.ConsensusEdge, ImmutableDictionary<SkipReason, long>.Empty.Add(SkipReason.OddsStale, 2)),
            });
        var back = (MarketStateView)AssertRoundTrip(view, "market-state.v1", compare: false);
        Assert.Equal(2, back.Counters.SkipsByStrategy![StrategyIds.ConsensusEdge][SkipReason.OddsStale]);
        Assert.Equal(view with { Counters = back.Counters }, back);
        Assert.Equal(2, back.Counters.Skips(SkipReason.OddsStale));
        Assert.Equal(1, back.Counters.Blocked(MarketPrecondition.NoConsensus));
        Assert.Equal(1, back.Counters.BookRejects(BookUpdateResult.Gap));
        Assert.Equal(10, back.Counters.DeltasApplied);
    }

    [Fact]
    public void Feed_and_odds_state_views_round_trip()
    {
        var feed = new FeedStateView(true, 1, 2, "silence", 3, 2, 100, 12.5, 90, 1, 0, 20,
            ImmutableDictionary<FeedIgnoreReason, long>.Empty.Add(FeedIgnoreReason.TickerSummary, 7),
            ImmutableDictionary<FeedRejectReason, long>.Empty.Add(FeedRejectReason.ForeignSeries, 4));
        var f = (FeedStateView)AssertRoundTrip(feed, "feed-state.v1", compare: false);
        Assert.Equal(7, f.Ignored[FeedIgnoreReason.TickerSummary]);
        Assert.Equal(4, f.ParseRejects[FeedRejectReason.ForeignSeries]);
        Assert.Equal(feed with { Ignored = f.Ignored, ParseRejects = f.ParseRejects }, f);

        var odds = new OddsFeedStateView([new SportPollView("basketball_nba", 2, 3, 1, 4, "Timeout: x", 5, 60_000, PollPace.Paced)],
            new QuotaSnapshot(400, 100, 2, T0), 2, 1, 6, ImmutableDictionary<ConsensusRejection, long>.Empty.Add(ConsensusRejection.TooFewFreshBooks, 3));
        var o = (OddsFeedStateView)AssertRoundTrip(odds, "odds-feed-state.v1", compare: false);
        Assert.Equal(odds.Sports, o.Sports);
        Assert.Equal(odds.Quota, o.Quota);
        Assert.Equal(3, o.ConsensusRejects[ConsensusRejection.TooFewFreshBooks]);

        var unmatched = new UnmatchedMarkets([new UnmatchedMarket(Ticker, "Oklahoma City", ResolutionStatus.Unmatched, "NoEventForTeams", "none")], 3, "text");
        var u = (UnmatchedMarkets)AssertRoundTrip(unmatched, "unmatched-markets.v1", compare: false);
        Assert.Equal(unmatched.Entries, u.Entries);
        Assert.Equal(3, u.MatchedCount);
    }

    private object AssertRoundTrip(object message, string manifest, bool compare = true)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<KalshiArbSerializer>(serializer);
        var withManifest = (KalshiArbSerializer)serializer;
        Assert.Equal(manifest, withManifest.Manifest(message));
        var bytes = withManifest.ToBinary(message);
        Assert.DoesNotContain("KalshiArb.", System.Text.Encoding.UTF8.GetString(bytes));
        var back = withManifest.FromBinary(bytes, manifest);
        Assert.IsType(message.GetType(), back);
        if (compare) Assert.Equal(Normalize(message), Normalize(back));
        return back;
    }

    // records holding lists compare by reference: compare their JSON instead
    private static string Normalize(object o) => System.Text.Json.JsonSerializer.Serialize(o, o.GetType(), KalshiArbSerializer.JsonOptions);
}
