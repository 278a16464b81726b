namespace KalshiArb.Odds.Tests.Api;

public class OddsApiParserTests
{
    [Fact]
    public void Parses_events_bookmakers_markets_and_outcomes()
    {
        var r = OddsApiParser.Parse(OddsSamples.TwoEventsDecimal, OddsFormat.Decimal);
        Assert.True(r.IsOk);
        Assert.Empty(r.Skipped);
        Assert.Equal(2, r.Events.Count);
        var ev = r.Events[0];
        Assert.Equal(("ev1", "americanfootball_nfl", "Tennessee Titans", "Philadelphia Eagles"), (ev.Id, ev.SportKey, ev.HomeTeam, ev.AwayTeam));
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 17, 0, 0, TimeSpan.Zero), ev.CommenceTime);
        var pin = ev.Bookmakers[0];
        Assert.Equal(("pinnacle", "Pinnacle"), (pin.Key, pin.Title));
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 15, 58, 30, TimeSpan.Zero), pin.Markets[0].LastUpdate);
        Assert.Equal(new OddsApiOutcome("Tennessee Titans", 2.74), pin.Markets[0].Outcomes[1]);
        Assert.Null(ev.Bookmakers[1].Markets[0].LastUpdate);
        Assert.Empty(r.Events[1].Bookmakers);
    }

    [Fact]
    public void Lines_for_a_team_feed_the_consensus()
    {
        var ev = OddsApiParser.Parse(OddsSamples.TwoEventsDecimal, OddsFormat.Decimal).Events[0];
        var lines = ev.LinesFor("Philadelphia Eagles");
        Assert.Equal(2, lines.Count);
        Assert.Equal(new BookLine("pinnacle", new DateTimeOffset(2026, 9, 20, 15, 58, 30, TimeSpan.Zero), 1.5, 2.74, OddsFormat.Decimal), lines[0]);
        // No market last_update: the bookmaker's is used.
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 15, 50, 0, TimeSpan.Zero), lines[1].LastUpdate);

        var c = Consensus.Compute(lines, new DateTimeOffset(2026, 9, 20, 16, 0, 0, TimeSpan.Zero), ConsensusSettings.Default);
        Assert.True(c.IsOk);
        Assert.Empty(ev.LinesFor("Dallas Cowboys"));
    }

    [Fact]
    public void A_three_way_market_is_not_read_as_two_way()
    {
        const string body = """
        [{"id":"s","sport_key":"x","commence_time":"2026-09-20T17:00:00Z","home_team":"A","away_team":"B",
          "bookmakers":[{"key":"b","title":"B","last_update":"2026-09-20T15:00:00Z","markets":[{"key":"h2h","outcomes":[
            {"name":"A","price":2.1},{"name":"B","price":3.2},{"name":"Draw","price":3.3}]}]}]}]
        """;
        var ev = OddsApiParser.Parse(body, OddsFormat.Decimal).Events.Single();
        Assert.Empty(ev.LinesFor("A"));
    }

    [Fact]
    public void American_prices_are_checked_in_their_own_format()
    {
        const string body = """
        [{"id":"a","commence_time":"2026-09-20T17:00:00Z","home_team":"A","away_team":"B",
          "bookmakers":[
            {"key":"ok","last_update":"2026-09-20T15:00:00Z","markets":[{"key":"h2h","outcomes":[{"name":"A","price":-110},{"name":"B","price":-110}]}]},
            {"key":"bad","last_update":"2026-09-20T15:00:00Z","markets":[{"key":"h2h","outcomes":[{"name":"A","price":50},{"name":"B","price":-110}]}]}]}]
        """;
        var r = OddsApiParser.Parse(body, OddsFormat.American);
        var ev = r.Events.Single();
        Assert.Single(ev.LinesFor("A"));
        Assert.Empty(ev.Bookmakers.Single(b => b.Key == "bad").Markets);
        Assert.Equal(1, r.Skipped[MalformedReason.OutcomeBadPrice]);
    }

    [Theory]
    [InlineData("not json", MalformedReason.NotJson)]
    [InlineData("", MalformedReason.NotJson)]
    [InlineData("[{\"id\":", MalformedReason.NotJson)]
    [InlineData("{\"message\":\"hi\"}", MalformedReason.NotAnArray)]
    [InlineData("42", MalformedReason.NotAnArray)]
    public void Bodies_that_are_not_an_array_are_refused_whole(string body, MalformedReason reason)
    {
        var r = OddsApiParser.Parse(body, OddsFormat.Decimal);
        Assert.Equal(reason, r.BodyRejection);
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Bad_elements_are_skipped_and_counted_per_reason()
    {
        const string body = """
        [
          7,
          {"id":"no-home","commence_time":"2026-09-20T17:00:00Z","away_team":"B"},
          {"id":"bad-time","commence_time":"yesterday","home_team":"A","away_team":"B"},
          {"id":"num-team","commence_time":"2026-09-20T17:00:00Z","home_team":5,"away_team":"B"},
          {"id":"good","commence_time":1789923600,"home_team":"A","away_team":"B","bookmakers":[
            {"title":"no key","last_update":"2026-09-20T15:00:00Z","markets":[]},
            {"key":"bad-update","last_update":"soon","markets":[]},
            {"key":"ok","last_update":"2026-09-20T15:00:00Z","markets":[
              {"outcomes":[]},
              {"key":"h2h","outcomes":[{"price":1.9},{"name":"B","price":1.9}]},
              {"key":"h2h","outcomes":[{"name":"A","price":"1.9"},{"name":"B","price":1.9}]},
              {"key":"h2h","outcomes":[{"name":"A","price":0.9},{"name":"B","price":1.9}]},
              {"key":"h2h","outcomes":[{"name":"A","price":1.9},{"name":"B","price":1.9}]}]}]}
        ]
        """;
        var r = OddsApiParser.Parse(body, OddsFormat.Decimal);
        Assert.True(r.IsOk);
        var ev = r.Events.Single();
        Assert.Equal("good", ev.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1789923600), ev.CommenceTime);
        Assert.Single(ev.Bookmakers.Single().Markets);
        Assert.Equal(1, r.Skipped[MalformedReason.EventNotAnObject]);
        Assert.Equal(2, r.Skipped[MalformedReason.EventMissingField]);
        Assert.Equal(1, r.Skipped[MalformedReason.EventBadCommenceTime]);
        Assert.Equal(1, r.Skipped[MalformedReason.BookmakerMissingField]);
        Assert.Equal(1, r.Skipped[MalformedReason.BookmakerBadLastUpdate]);
        Assert.Equal(1, r.Skipped[MalformedReason.MarketMissingField]);
        Assert.Equal(2, r.Skipped[MalformedReason.OutcomeMissingField]);
        Assert.Equal(1, r.Skipped[MalformedReason.OutcomeBadPrice]);
    }

    [Fact]
    public void Event_maps_to_the_domain_shape_used_for_resolution()
    {
        var ev = OddsApiParser.Parse(OddsSamples.TwoEventsDecimal, OddsFormat.Decimal).Events[0];
        Assert.Equal(new OddsEvent("ev1", "Tennessee Titans", "Philadelphia Eagles", new DateTimeOffset(2026, 9, 20, 17, 0, 0, TimeSpan.Zero)), ev.ToOddsEvent());
    }
}
