using KalshiArb.Odds.Teams;

namespace KalshiArb.Odds.Tests.Api;

/// <summary>The path the MarketActor takes: ticker → shipped tables → Odds API event → lines → consensus.</summary>
public class MarketToConsensusTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 20, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Both_markets_of_a_game_get_complementary_fair_values()
    {
        var events = OddsApiParser.Parse(OddsSamples.TwoEventsDecimal, OddsFormat.Decimal).Events;
        var dir = TeamTables.LoadShipped();
        var settings = ConsensusSettings.Default with { Aggregation = ConsensusAggregation.Median };

        double FairFor(string ticker, string subTitle)
        {
            var r = EventResolver.ResolveTicker(ticker, subTitle, dir, events.Select(e => e.ToOddsEvent()).ToArray(), out _);
            Assert.True(r.IsMatched, r.Detail);
            var ev = events.Single(e => e.Id == r.EventId);
            var c = Consensus.Compute(ev.LinesFor(r.YesTeamName!), Now, settings);
            Assert.True(c.IsOk, c.Rejection.ToString());
            Assert.Equal(2, c.Consensus!.FreshBooks);
            return c.Consensus.FairProbability;
        }

        var phi = FairFor("KXNFLGAME-26SEP20PHITEN-PHI", "Philadelphia");
        var ten = FairFor("KXNFLGAME-26SEP20PHITEN-TEN", "Tennessee");
        Assert.Equal(1.0, phi + ten, 9);
        Assert.InRange(phi, 0.64, 0.66);
    }

    [Fact]
    public void A_market_without_an_event_lands_in_the_report()
    {
        var events = OddsApiParser.Parse(OddsSamples.TwoEventsDecimal, OddsFormat.Decimal).Events.Select(e => e.ToOddsEvent()).ToArray();
        var report = new UnmatchedReport();
        foreach (var (ticker, sub) in new[] { ("KXNFLGAME-26SEP20PHITEN-PHI", "Philadelphia"), ("KXNFLGAME-26SEP20DALNYG-DAL", "Dallas") })
            report.Add(ticker, sub, EventResolver.ResolveTicker(ticker, sub, TeamTables.LoadShipped(), events, out _));
        Assert.Equal(1, report.MatchedCount);
        Assert.Equal("NoEventForTeams", Assert.Single(report.Entries).ReasonCode);
    }
}
