using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Tests.Market;
using KalshiArb.Domain.Odds;
using KalshiArb.Odds.Api;
using KalshiArb.Odds.Teams;

namespace KalshiArb.Actors.Tests.OddsFeed;

public sealed class OddsPollerSpec : TestKit
{
    private const string Sport = "basketball_nba";
    private const string Okc = "KXNBAGAME-26FEB07HOUOKC-OKC";
    private const string Hou = "KXNBAGAME-26FEB07HOUOKC-HOU";
    private const string Lal = "KXNBAGAME-26FEB07BOSLAL-LAL";
    private const string Mia = "KXNBAGAME-26FEB07NYKMIA-MIA";
    private const string Bad = "KXNBAGAME-26FEB07ZZZQQQ-ZZZ";

    private static readonly DateTimeOffset Tip = new(2026, 2, 8, 1, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(MarketFixtures.T0);
    private readonly FakeOddsSource _odds = new();
    private static readonly OddsPollerSettings Manual = new() { AutoPoll = false };

    private static MarketsDiscovered Discovered(params (string Ticker, string SubTitle)[] markets) =>
        new(markets.Select(m => MarketFixtures.Metadata(m.Ticker) with { YesSubTitle = m.SubTitle }).ToArray());

    private OddsApiEvent HouAtOkc(TimeSpan age) => FakeOddsSource.Event("evt-okc", "Oklahoma City Thunder", "Houston Rockets", Tip,
        ("pinnacle", 1.62, 2.45, _clock.Now - age), ("draftkings", 1.60, 2.40, _clock.Now - age), ("fanduel", 1.65, 2.30, _clock.Now - age));

    private OddsApiEvent BosAtLalStale() => FakeOddsSource.Event("evt-lal", "Los Angeles Lakers", "Boston Celtics", Tip,
        ("pinnacle", 2.0, 1.9, _clock.Now.AddHours(-3)), ("draftkings", 2.1, 1.8, _clock.Now.AddHours(-3)));

    private IActorRef Start(Akka.TestKit.TestProbe markets, OddsPollerSettings? settings = null) =>
        Sys.ActorOf(OddsPoller.Props(_odds, TeamTables.LoadShipped(), markets, settings ?? Manual, _clock));

    [Fact]
    public void Sends_each_matched_market_the_consensus_that_its_yes_team_wins()
    {
        _odds.Events[Sport] = [HouAtOkc(TimeSpan.FromMinutes(5))];
        var markets = CreateTestProbe();
        var poller = Start(markets);
        poller.Tell(Discovered((Okc, "Oklahoma City"), (Hou, "Houston")));
        poller.Tell(new PollSport(Sport));

        var okc = markets.ExpectMsg<ConsensusUpdated>();
        var hou = markets.ExpectMsg<ConsensusUpdated>();
        Assert.Equal((Okc, Hou), (okc.Ticker, hou.Ticker));
        Assert.Equal(("evt-okc", 3, Tip, _clock.NowMs), (okc.EventId, okc.FreshBooks, okc.CommenceTime, okc.AsOfMs));
        Assert.InRange(okc.FairYes, 0.58, 0.64);
        Assert.Equal(1.0, okc.FairYes + hou.FairYes, 6);
        Assert.True(okc.Dispersion > 0);
    }

    [Fact]
    public void Unmatched_ambiguous_and_unreadable_markets_never_get_consensus_and_are_listed()
    {
        _odds.Events[Sport] = [HouAtOkc(TimeSpan.FromMinutes(5))];
        var markets = CreateTestProbe();
        var poller = Start(markets);
        poller.Tell(Discovered((Okc, "Oklahoma City"), (Mia, "Miami"), (Bad, "Nobody"), (Hou, "Oklahoma City")));
        poller.Tell(new PollSport(Sport));

        Assert.Equal(Okc, markets.ExpectMsg<ConsensusUpdated>().Ticker);
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        poller.Tell(GetUnmatchedMarkets.Instance);
        var report = ExpectMsg<UnmatchedMarkets>();
        Assert.Equal(1, report.MatchedCount);
        Assert.Equal([Hou, Mia, Bad], report.Entries.Select(e => e.Ticker));
        Assert.Equal("YesSubTitleMismatch", report.Entries[0].ReasonCode);
        Assert.Equal("NoEventForTeams", report.Entries[1].ReasonCode);
        Assert.Equal($"BadTicker:{TickerRejection.UnknownTeams}", report.Entries[2].ReasonCode);
        Assert.Contains("unmatched/ambiguous 3", report.Text);
    }

    [Fact]
    public void A_game_with_only_stale_books_gets_no_consensus_and_a_market_that_goes_stale_is_withdrawn()
    {
        _odds.Events[Sport] = [HouAtOkc(TimeSpan.FromMinutes(5)), BosAtLalStale()];
        var markets = CreateTestProbe();
        var poller = Start(markets);
        poller.Tell(Discovered((Okc, "Oklahoma City"), (Lal, "Los Angeles L")));
        poller.Tell(new PollSport(Sport));
        Assert.Equal(Okc, markets.ExpectMsg<ConsensusUpdated>().Ticker);
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        // the OKC lines stop updating: an hour later they are stale too
        _clock.Advance(TimeSpan.FromHours(1));
        poller.Tell(new PollSport(Sport));
        var withdrawn = markets.ExpectMsg<ConsensusWithdrawn>();
        Assert.Equal((Okc, nameof(ConsensusRejection.TooFewFreshBooks)), (withdrawn.Ticker, withdrawn.ReasonCode));

        poller.Tell(GetOddsFeedState.Instance);
        var state = ExpectMsg<OddsFeedStateView>();
        Assert.Equal(3, state.ConsensusRejects[ConsensusRejection.TooFewFreshBooks]);
        Assert.Equal(1, state.ConsensusSent);
        var sport = Assert.Single(state.Sports);
        Assert.Equal((Sport, 2, 2L, 0L, 2), (sport.SportKey, sport.Markets, sport.Polls, sport.Failures, sport.Events));
    }

    [Fact]
    public void A_failed_poll_is_recorded_and_sends_nothing()
    {
        var markets = CreateTestProbe();
        var poller = Start(markets);
        poller.Tell(Discovered((Okc, "Oklahoma City")));
        poller.Tell(new PollSport(Sport));
        markets.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        poller.Tell(GetOddsFeedState.Instance);
        var sport = Assert.Single(ExpectMsg<OddsFeedStateView>().Sports);
        Assert.Equal((1L, 1L), (sport.Polls, sport.Failures));
        Assert.Contains("503", sport.LastError);
    }

    [Fact]
    public void Polls_on_its_own_schedule_and_slows_down_as_the_quota_runs_low()
    {
        _odds.Events[Sport] = [HouAtOkc(TimeSpan.FromMinutes(5))];
        var schedule = new PollScheduleSettings
        {
            BaseInterval = TimeSpan.FromMilliseconds(100), MinInterval = TimeSpan.FromMilliseconds(100), ReserveRequests = 10,
        };
        var markets = CreateTestProbe();
        var poller = Start(markets, new OddsPollerSettings { Schedule = schedule });
        poller.Tell(Discovered((Okc, "Oklahoma City")));

        // the first poll runs at once, the next ones every 100 ms
        markets.ExpectMsg<ConsensusUpdated>();
        markets.ExpectMsg<ConsensusUpdated>(TimeSpan.FromSeconds(3));
        markets.ExpectMsg<ConsensusUpdated>(TimeSpan.FromSeconds(3));

        // at the reserve the poller drops to the slowest pace
        _odds.Quota = new QuotaSnapshot(11, 489, 2, _clock.Now);
        AwaitAssert(() =>
        {
            poller.Tell(GetOddsFeedState.Instance);
            var sport = Assert.Single(ExpectMsg<OddsFeedStateView>().Sports);
            Assert.Equal(PollPace.Reserve, sport.Pace);
            Assert.Equal((long)schedule.MaxInterval.TotalMilliseconds, sport.NextIntervalMs);
        }, TimeSpan.FromSeconds(3));
    }
}
