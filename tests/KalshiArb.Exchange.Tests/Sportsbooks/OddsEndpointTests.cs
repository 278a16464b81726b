using System.Net;
using KalshiArb.Domain.Odds;
using KalshiArb.Exchange.Sportsbooks;

namespace KalshiArb.Exchange.Tests.Sportsbooks;

public sealed class OddsEndpointTests
{
    private static Task<ExchangeSimulator> Start(Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Games = SimHarness.Games, TickInterval = null, Seed = 7 };
        return ExchangeSimulator.StartAsync(configure is null ? options : configure(options));
    }

    [Fact]
    public async Task Odds_list_every_game_of_the_sport_with_five_books_named_as_the_catalog()
    {
        await using var sim = await Start();
        using var http = new OddsHttp(sim);
        var answer = await http.Odds("americanfootball_nfl");
        Assert.Equal(HttpStatusCode.OK, answer.Status);

        var nfl = sim.Exchange.Games().Where(g => g.SeriesTicker == "KXNFLGAME").ToList();
        var events = answer.Body.EnumerateArray().ToList();
        Assert.Equal(nfl.Count, events.Count);
        foreach (var e in events)
        {
            var game = nfl.Single(g => sim.Exchange.Sportsbooks.EventId(g.Index) == e.GetProperty("id").GetString());
            Assert.Equal(32, e.GetProperty("id").GetString()!.Length);
            Assert.Equal("americanfootball_nfl", e.GetProperty("sport_key").GetString());
            Assert.Equal(game.Home.FullName, e.GetProperty("home_team").GetString());
            Assert.Equal(game.Away.FullName, e.GetProperty("away_team").GetString());
            Assert.Equal(game.CommenceTime, e.GetProperty("commence_time").GetDateTimeOffset());
            var books = e.GetProperty("bookmakers").EnumerateArray().ToList();
            Assert.Equal(["draftkings", "fanduel", "betmgm", "williamhill_us", "pinnacle"], books.Select(b => b.GetProperty("key").GetString()));
            foreach (var b in books)
            {
                var market = Assert.Single(b.GetProperty("markets").EnumerateArray().ToList());
                Assert.Equal("h2h", market.GetProperty("key").GetString());
                Assert.Equal(b.GetProperty("last_update").GetString(), market.GetProperty("last_update").GetString());
                var names = market.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
                Assert.Equal([game.Home.FullName, game.Away.FullName], names);
            }
        }
    }

    [Fact]
    public async Task Fresh_lines_carry_the_book_vig_and_devig_back_to_the_hidden_fair_value_within_noise()
    {
        await using var sim = await Start();
        for (var i = 0; i < 5; i++) sim.Exchange.Tick();   // fair values have moved away from the specs
        using var http = new OddsHttp(sim);
        var noise = sim.Exchange.Options.Sportsbooks.NoiseMax;
        var checkedLines = 0;
        foreach (var e in (await http.Odds("basketball_nba")).Body.EnumerateArray())
        {
            var game = sim.Exchange.Games().Single(g => sim.Exchange.Sportsbooks.EventId(g.Index) == e.GetProperty("id").GetString());
            foreach (var b in e.GetProperty("bookmakers").EnumerateArray())
            {
                var key = b.GetProperty("key").GetString()!;
                if (sim.Exchange.Sportsbooks.IsStale(game.Index, key)) continue;
                var prices = b.GetProperty("markets")[0].GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("price").GetDouble()).ToArray();
                Assert.All(prices, p => Assert.Equal(Math.Round(p, 2), p));
                var overround = 1 / prices[0] + 1 / prices[1] - 1;
                var expected = key == "pinnacle" ? 0.025 : 0.045;
                Assert.InRange(overround, expected - 0.012, expected + 0.012);
                Assert.Equal(OddsRejection.None, Devig.TryDevigOdds(prices, OddsFormat.Decimal, DevigMethod.Shin, out var fair));
                // noise plus two-decimal price rounding
                Assert.InRange(fair.Probabilities[0], game.HomeWinProbability - noise - 0.01, game.HomeWinProbability + noise + 0.01);
                checkedLines++;
            }
        }
        Assert.True(checkedLines >= 8, $"only {checkedLines} fresh lines checked");
    }

    [Fact]
    public async Task American_odds_are_whole_numbers_outside_minus100_to_100_and_agree_with_decimal()
    {
        await using var sim = await Start();
        using var http = new OddsHttp(sim);
        var dec = (await http.Odds("baseball_mlb")).Body;
        var am = (await http.Odds("baseball_mlb", "regions=us,eu&markets=h2h&oddsFormat=american")).Body;
        var decPrices = dec.EnumerateArray().SelectMany(Prices).ToList();
        var amPrices = am.EnumerateArray().SelectMany(Prices).ToList();
        Assert.Equal(decPrices.Count, amPrices.Count);
        Assert.NotEmpty(amPrices);
        for (var i = 0; i < amPrices.Count; i++)
        {
            var a = amPrices[i];
            Assert.Equal(Math.Round(a), a);
            Assert.True(a <= -100 || a >= 100, $"american {a}");
            Assert.Equal(OddsRejection.None, ImpliedProbability.TryFromAmerican(a, out var pa));
            Assert.Equal(OddsRejection.None, ImpliedProbability.TryFromDecimal(decPrices[i], out var pd));
            Assert.InRange(pa - pd, -0.006, 0.006);
        }
    }

    private static IEnumerable<double> Prices(JsonElement e) =>
        e.GetProperty("bookmakers").EnumerateArray()
            .SelectMany(b => b.GetProperty("markets")[0].GetProperty("outcomes").EnumerateArray())
            .Select(o => o.GetProperty("price").GetDouble());

    [Theory]
    [InlineData("")]
    [InlineData("apiKey=wrong")]
    public async Task A_missing_or_wrong_key_answers_401_with_a_message(string keyQuery)
    {
        await using var sim = await Start();
        using var http = new OddsHttp(sim);
        var answer = await http.Get($"/v4/sports/basketball_nba/odds?{keyQuery}&regions=us");
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("message").GetString()));
        Assert.Equal(0, answer.Used);
        Assert.Equal(0, answer.Last);
    }

    [Fact]
    public async Task Quota_headers_count_markets_times_regions_and_empty_answers_cost_nothing()
    {
        await using var sim = await Start(o => o with { Sportsbooks = new SportsbookOptions { StartingQuota = 100 } });
        using var http = new OddsHttp(sim);

        var sports = await http.Get($"/v4/sports?apiKey={OddsHttp.Key}");
        Assert.Equal((100L, 0L, 0L), (sports.Remaining!.Value, sports.Used!.Value, sports.Last!.Value));
        Assert.Contains(sports.Body.EnumerateArray(), s => s.GetProperty("key").GetString() == "icehockey_nhl");

        var two = await http.Odds("americanfootball_nfl");
        Assert.Equal((98L, 2L, 2L), (two.Remaining!.Value, two.Used!.Value, two.Last!.Value));

        var one = await http.Odds("americanfootball_nfl", "regions=eu&markets=h2h");
        Assert.Equal((97L, 3L, 1L), (one.Remaining!.Value, one.Used!.Value, one.Last!.Value));
        var pinnacleOnly = one.Body[0].GetProperty("bookmakers").EnumerateArray().Select(b => b.GetProperty("key").GetString()).ToList();
        Assert.Equal(["pinnacle"], pinnacleOnly);

        var picked = await http.Odds("americanfootball_nfl", "bookmakers=draftkings,fanduel&markets=h2h");
        Assert.Equal(1L, picked.Last);
        Assert.Equal(["draftkings", "fanduel"], picked.Body[0].GetProperty("bookmakers").EnumerateArray().Select(b => b.GetProperty("key").GetString()));

        var empty = await http.Odds("americanfootball_nfl", "regions=us,eu&markets=h2h&eventIds=0123456789abcdef0123456789abcdef");
        Assert.Empty(empty.Body.EnumerateArray());
        Assert.Equal((96L, 4L, 0L), (empty.Remaining!.Value, empty.Used!.Value, empty.Last!.Value));

        var events = await http.Get($"/v4/sports/icehockey_nhl/events?apiKey={OddsHttp.Key}");
        Assert.Equal(0L, events.Last);
        var nhl = Assert.Single(events.Body.EnumerateArray().ToList());
        Assert.Equal("Montréal Canadiens", nhl.GetProperty("home_team").GetString());
    }

    [Fact]
    public async Task An_exhausted_quota_answers_429_and_charges_nothing()
    {
        await using var sim = await Start(o => o with { Sportsbooks = new SportsbookOptions { StartingQuota = 3 } });
        using var http = new OddsHttp(sim);
        Assert.Equal(HttpStatusCode.OK, (await http.Odds("basketball_nba")).Status);
        var refused = await http.Odds("basketball_nba");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal((1L, 2L, 0L), (refused.Remaining!.Value, refused.Used!.Value, refused.Last!.Value));
        Assert.Equal("OUT_OF_USAGE_CREDITS", refused.Body.GetProperty("error_code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.Odds("basketball_nba", "regions=eu&markets=h2h")).Status);
    }

    [Theory]
    [InlineData("/v4/sports/curling_world/odds?apiKey=sim-odds-key&regions=us", HttpStatusCode.NotFound)]
    [InlineData("/v4/sports/basketball_nba/odds?apiKey=sim-odds-key&regions=us&markets=spreads", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v4/sports/basketball_nba/odds?apiKey=sim-odds-key&markets=h2h", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v4/sports/basketball_nba/odds?apiKey=sim-odds-key&regions=mars", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v4/sports/basketball_nba/odds?apiKey=sim-odds-key&regions=us&oddsFormat=fractional", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v4/sports/basketball_nba/odds?apiKey=sim-odds-key&regions=us&commenceTimeFrom=yesterday", HttpStatusCode.UnprocessableEntity)]
    public async Task Bad_requests_are_refused_with_a_message_and_cost_nothing(string path, HttpStatusCode status)
    {
        await using var sim = await Start();
        using var http = new OddsHttp(sim);
        var answer = await http.Get(path);
        Assert.Equal(status, answer.Status);
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("message").GetString()));
        Assert.Equal(0, answer.Used);
    }

    [Fact]
    public async Task Commence_time_filters_narrow_the_events()
    {
        await using var sim = await Start();
        using var http = new OddsHttp(sim);
        // SimHarness: the extra PHI at TEN game on 2026-09-20 17:00, the default NFL slate from 2026-09-21
        var answer = await http.Odds("americanfootball_nfl", "regions=us&markets=h2h&commenceTimeTo=2026-09-20T23:00:00Z");
        var only = Assert.Single(answer.Body.EnumerateArray().ToList());
        Assert.Equal(sim.Exchange.Sportsbooks.EventId(0), only.GetProperty("id").GetString());
        var later = await http.Odds("americanfootball_nfl", "regions=us&markets=h2h&commenceTimeFrom=2026-09-21T00:00:00Z");
        Assert.Equal(3, later.Body.GetArrayLength());
    }

    [Fact]
    public async Task Injected_faults_reach_the_odds_endpoint_too()
    {
        await using var sim = await Start();
        using var http = new OddsHttp(sim);
        sim.Exchange.Faults.TooManyRequestsShare = 1.0;
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.Odds("basketball_nba")).Status);
        sim.Exchange.Faults.TooManyRequestsShare = 0;
        Assert.Equal(HttpStatusCode.OK, (await http.Odds("basketball_nba")).Status);
    }

    [Fact]
    public async Task A_settled_game_leaves_the_listing()
    {
        await using var sim = await Start();
        using var http = new OddsHttp(sim);
        var before = (await http.Odds("americanfootball_nfl")).Body.GetArrayLength();
        sim.Exchange.SettleGame(0, homeWins: true);
        var after = (await http.Odds("americanfootball_nfl")).Body;
        Assert.Equal(before - 1, after.GetArrayLength());
        Assert.DoesNotContain(after.EnumerateArray(), e => e.GetProperty("id").GetString() == sim.Exchange.Sportsbooks.EventId(0));
    }
}
