using KalshiArb.Domain.Odds;
using KalshiArb.Odds.Api;
using KalshiArb.Odds.Teams;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalshiArb.Exchange.Tests.Sportsbooks;

/// <summary>The project's own Odds API client, parser, team tables, resolver and consensus against the simulator.</summary>
public sealed class OddsClientTests
{
    private static OddsApiClient Client(ExchangeSimulator sim, HttpClient http, OddsFormat format = OddsFormat.Decimal) =>
        new(http, new OddsApiOptions { BaseUrl = sim.OddsApiBaseUrl, ApiKey = OddsHttp.Key, MaxRetryAttempts = 0, OddsFormat = format },
            NullLogger<OddsApiClient>.Instance, environment: _ => null);

    private static IEnumerable<string> SportKeys(SimulatedExchange x) =>
        x.Games().Select(g => GameSeries.TryGetLeague(g.SeriesTicker, out var l) ? GameSeries.OddsApiSportKey(l) : throw new InvalidOperationException(g.SeriesTicker))
            .Distinct();

    private static async Task<List<OddsApiEvent>> AllEvents(ExchangeSimulator sim, OddsApiClient client)
    {
        var events = new List<OddsApiEvent>();
        foreach (var sport in SportKeys(sim.Exchange))
        {
            var result = await client.GetOddsAsync(sport);
            Assert.True(result.IsOk, $"{sport}: {result.Error}");
            Assert.Empty(result.Skipped);
            events.AddRange(result.Events);
        }
        return events;
    }

    [Theory]
    [InlineData(OddsFormat.Decimal)]
    [InlineData(OddsFormat.American)]
    public async Task The_client_parses_every_game_with_five_two_way_lines_and_tracks_the_quota(OddsFormat format)
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null });
        using var http = new HttpClient();
        var client = Client(sim, http, format);
        var events = await AllEvents(sim, client);

        Assert.Equal(sim.Exchange.Games().Count, events.Count);
        foreach (var e in events)
        {
            Assert.Equal(format, e.Format);
            Assert.Equal(5, e.LinesFor(e.HomeTeam).Count);
            Assert.Equal(5, e.LinesFor(e.AwayTeam).Count);
        }
        var sports = SportKeys(sim.Exchange).Count();
        Assert.Equal(2L * sports, client.Quota.Used);
        Assert.Equal(2L, client.Quota.LastCost);
        Assert.Equal(sim.Exchange.Options.Sportsbooks.StartingQuota - 2L * sports, client.Quota.Remaining);
    }

    [Fact]
    public async Task The_client_reports_a_wrong_key_as_unauthorized()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null });
        using var http = new HttpClient();
        var client = new OddsApiClient(http, new OddsApiOptions { BaseUrl = sim.OddsApiBaseUrl, ApiKey = "nope", MaxRetryAttempts = 0 },
            NullLogger<OddsApiClient>.Instance, environment: _ => null);
        var result = await client.GetOddsAsync("basketball_nba");
        Assert.Equal(OddsApiErrorKind.Unauthorized, result.Error?.Kind);
    }

    [Fact]
    public async Task Every_default_game_market_resolves_through_the_shipped_team_tables()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null });
        using var http = new HttpClient();
        var events = (await AllEvents(sim, Client(sim, http))).Select(e => e.ToOddsEvent()).ToList();
        var directory = TeamTables.LoadShipped();

        foreach (var game in sim.Exchange.Games())
        {
            Assert.True(GameSeries.TryGetLeague(game.SeriesTicker, out var league));
            Assert.True(directory.TryGetTable(league, out var table));
            foreach (var team in new[] { game.Away, game.Home })
            {
                Assert.True(table.TryGetByCode(team.Code, out var entry), $"{team.Code} not in {table.Name}");
                Assert.Equal(entry.FullName, team.FullName);
                Assert.Equal(entry.ShortName, team.ShortName);
            }
            foreach (var (ticker, team) in new[] { (game.AwayMarketTicker, game.Away), (game.HomeMarketTicker, game.Home) })
            {
                var info = sim.Exchange.Catalog.FindMarket(ticker)!;
                var resolution = EventResolver.ResolveTicker(ticker, info.YesSubTitle, directory, events, out var market);
                Assert.True(resolution.IsMatched, $"{ticker}: {resolution.ReasonCode} {resolution.Detail}");
                Assert.Equal(sim.Exchange.Sportsbooks.EventId(game.Index), resolution.EventId);
                Assert.Equal(team.FullName, resolution.YesTeamName);
                Assert.Equal(team == game.Home, resolution.YesIsHome);
                Assert.NotNull(market);
            }
        }
    }

    [Fact]
    public async Task By_default_some_books_are_stale_and_consensus_drops_exactly_those()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null });
        using var http = new HttpClient();
        var events = await AllEvents(sim, Client(sim, http));
        var board = sim.Exchange.Sportsbooks;
        var noise = sim.Exchange.Options.Sportsbooks.NoiseMax;
        var staleSeen = 0;

        foreach (var game in sim.Exchange.Games())
        {
            var e = events.Single(ev => ev.Id == board.EventId(game.Index));
            var lines = e.LinesFor(game.Home.FullName);
            var stale = lines.Where(l => board.IsStale(game.Index, l.BookKey)).Select(l => l.BookKey).ToHashSet();
            staleSeen += stale.Count;

            var outcome = Consensus.Compute(lines, sim.Exchange.Clock.GetUtcNow(), ConsensusSettings.Default);
            Assert.True(outcome.IsOk, $"{e.Id}: {outcome.Rejection}");
            Assert.Equal(stale.Order(), outcome.Dropped.Where(d => d.Reason == BookDropReason.Stale).Select(d => d.BookKey).Order());
            Assert.Equal(5 - stale.Count, outcome.Consensus!.FreshBooks);
            Assert.InRange(outcome.Consensus.FairProbability, game.HomeWinProbability - noise - 0.01, game.HomeWinProbability + noise + 0.01);

            // a stale line is a trap: its own de-vigged value sits well away from the fair value
            foreach (var line in lines.Where(l => stale.Contains(l.BookKey)))
            {
                Assert.True(sim.Exchange.Clock.GetUtcNow() - line.LastUpdate >= TimeSpan.FromHours(2));
                Assert.Equal(OddsRejection.None, Devig.TryDevigOdds([line.TeamPrice, line.OpponentPrice], line.Format, DevigMethod.Shin, out var r));
                Assert.True(Math.Abs(r.Probabilities[0] - game.HomeWinProbability) > 0.03, $"{line.BookKey} stale line too close to fair");
            }
        }
        Assert.True(staleSeen >= 1, "no stale book by default");
    }

    [Fact]
    public async Task Without_stale_share_every_book_is_fresh()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            TickInterval = null,
            Sportsbooks = new Exchange.Sportsbooks.SportsbookOptions { StaleShare = 0 },
        });
        using var http = new HttpClient();
        var events = await AllEvents(sim, Client(sim, http));
        var now = sim.Exchange.Clock.GetUtcNow();
        Assert.All(events, e => Assert.Empty(Consensus.Compute(e.LinesFor(e.HomeTeam), now, ConsensusSettings.Default).Dropped));
    }
}
