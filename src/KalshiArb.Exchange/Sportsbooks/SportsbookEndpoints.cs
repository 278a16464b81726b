using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KalshiArb.Domain.Odds;
using KalshiArb.Exchange.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KalshiArb.Exchange.Sportsbooks;

/// <summary>
/// The Odds API v4 on the simulator's host: GET /v4/sports, /v4/sports/{sport}/events, /v4/sports/{sport}/odds.
/// apiKey in the query; quota headers on every answer; errors as {"message","error_code"} like the real API.
/// </summary>
internal static class SportsbookEndpoints
{
    public const string Prefix = "/v4";
    private static readonly string[] KnownRegions = ["us", "us2", "uk", "eu", "au"];

    // Team names go out as plain UTF-8 ("Montréal Canadiens"), as the real API writes them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder app, SimulatedExchange x)
    {
        app.MapGet(Prefix + "/sports", ctx => Serve(ctx, x, () => Sports(ctx, x)));
        app.MapGet(Prefix + "/sports/{sport}/events", ctx => Serve(ctx, x, () => Events(ctx, x)));
        app.MapGet(Prefix + "/sports/{sport}/odds", ctx => Serve(ctx, x, () => Odds(ctx, x)));
    }

    /// <summary>What every route shares: injected faults, the key check, quota headers.</summary>
    private static async Task Serve(HttpContext ctx, SimulatedExchange x, Func<Answer> handle)
    {
        var board = x.Sportsbooks;
        if (board.Options.ApplyFaults)
        {
            var delay = x.Faults.RestDelay;
            if (delay > TimeSpan.Zero) await Task.Delay(delay, x.Clock, ctx.RequestAborted);
            var fault = x.Faults.SampleRest();
            if (fault != RestFault.None)
            {
                var (status, code) = fault switch
                {
                    RestFault.TooManyRequests => (429, "EXCEEDED_FREQ_LIMIT"),
                    RestFault.InternalServerError => (500, "INTERNAL_ERROR"),
                    _ => (503, "SERVICE_UNAVAILABLE"),
                };
                await Write(ctx, board, Answer.Error(status, code, "injected fault"), charged: null);
                return;
            }
        }

        var key = ctx.Request.Query["apiKey"].ToString();
        if (key.Length == 0 || !string.Equals(key, board.Options.ApiKey, StringComparison.Ordinal))
        {
            await Write(ctx, board, Answer.Error(401, key.Length == 0 ? "MISSING_KEY" : "INVALID_KEY",
                key.Length == 0 ? "API key is missing" : "API key is not valid"), charged: null);
            return;
        }

        var answer = handle();
        if (answer.Status != 200)
        {
            await Write(ctx, board, answer, charged: null);
            return;
        }
        if (!board.Quota.TryCharge(answer.Cost, out var after))
        {
            await Write(ctx, board, Answer.Error(429, "OUT_OF_USAGE_CREDITS", "Usage quota has been reached"), charged: null);
            return;
        }
        await Write(ctx, board, answer, charged: after);
    }

    private static async Task Write(HttpContext ctx, SportsbookBoard board, Answer answer, QuotaState? charged)
    {
        var quota = charged ?? board.Quota.Current with { Last = 0 };
        var h = ctx.Response.Headers;
        h["x-requests-remaining"] = quota.Remaining.ToString(CultureInfo.InvariantCulture);
        h["x-requests-used"] = quota.Used.ToString(CultureInfo.InvariantCulture);
        h["x-requests-last"] = quota.Last.ToString(CultureInfo.InvariantCulture);
        ctx.Response.StatusCode = answer.Status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.Body.WriteAsync(answer.Body, ctx.RequestAborted);
    }

    // ------------------------------------------------------------------ routes

    private static Answer Sports(HttpContext ctx, SimulatedExchange x)
    {
        var all = string.Equals(ctx.Request.Query["all"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var active = x.Games().Select(g => SportKeyOf(g.SeriesTicker)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Answer.Json(0, w =>
        {
            w.WriteStartArray();
            foreach (var league in Enum.GetValues<League>())
            {
                var key = GameSeries.OddsApiSportKey(league);
                if (!all && !active.Contains(key)) continue;
                var (group, title, description) = Describe(league);
                w.WriteStartObject();
                w.WriteString("key", key);
                w.WriteString("group", group);
                w.WriteString("title", title);
                w.WriteString("description", description);
                w.WriteBoolean("active", active.Contains(key));
                w.WriteBoolean("has_outrights", false);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static Answer Events(HttpContext ctx, SimulatedExchange x)
    {
        var sport = ctx.Request.RouteValues["sport"]?.ToString() ?? "";
        if (!IsKnownSport(sport)) return Answer.Error(404, "UNKNOWN_SPORT", $"Unknown sport: {sport}");
        var filterError = ReadFilters(ctx, out var filters);
        if (filterError is not null) return filterError;
        var unix = filters.UnixDates;
        var games = ListedGames(x, sport, filters);
        return Answer.Json(0, w =>
        {
            w.WriteStartArray();
            foreach (var g in games) WriteEventHead(w, x, g, sport, unix);
            w.WriteEndArray();
        });
    }

    private static Answer Odds(HttpContext ctx, SimulatedExchange x)
    {
        var q = ctx.Request.Query;
        var sport = ctx.Request.RouteValues["sport"]?.ToString() ?? "";
        if (!IsKnownSport(sport)) return Answer.Error(404, "UNKNOWN_SPORT", $"Unknown sport: {sport}");

        var markets = List(q["markets"].ToString());
        if (markets.Length == 0) markets = ["h2h"];
        if (markets.Any(m => m != "h2h"))
            return Answer.Error(422, "INVALID_MARKET", "only markets=h2h is offered by this simulator");

        var format = q["oddsFormat"].ToString();
        if (format.Length == 0) format = "decimal";
        if (format is not ("decimal" or "american"))
            return Answer.Error(422, "INVALID_ODDS_FORMAT", "oddsFormat must be decimal or american");

        var books = x.Sportsbooks.Books;
        var bookKeys = List(q["bookmakers"].ToString());
        int regionUnits;
        HashSet<string> wanted;
        if (bookKeys.Length > 0)
        {
            // every 10 bookmakers cost as much as one region
            regionUnits = (bookKeys.Length + 9) / 10;
            wanted = bookKeys.ToHashSet(StringComparer.OrdinalIgnoreCase);
            books = books.Where(b => wanted.Contains(b.Key)).ToArray();
        }
        else
        {
            var regions = List(q["regions"].ToString());
            if (regions.Length == 0) return Answer.Error(422, "MISSING_REGION", "regions or bookmakers is required");
            if (regions.FirstOrDefault(r => !KnownRegions.Contains(r)) is { } bad)
                return Answer.Error(422, "INVALID_REGION", $"unknown region: {bad}");
            regionUnits = regions.Distinct(StringComparer.Ordinal).Count();
            wanted = regions.ToHashSet(StringComparer.Ordinal);
            books = books.Where(b => wanted.Contains(b.Region)).ToArray();
        }

        var filterError = ReadFilters(ctx, out var filters);
        if (filterError is not null) return filterError;
        var games = ListedGames(x, sport, filters);
        var now = x.Clock.GetUtcNow();
        var american = format == "american";
        var cost = games.Count == 0 ? 0 : markets.Distinct(StringComparer.Ordinal).Count() * regionUnits;
        return Answer.Json(cost, w =>
        {
            w.WriteStartArray();
            foreach (var g in games)
            {
                w.WriteStartObject();
                WriteEventFields(w, x, g, sport, filters.UnixDates);
                w.WriteStartArray("bookmakers");
                foreach (var line in x.Sportsbooks.Lines(g.Index, now).Where(l => books.Contains(l.Book)))
                {
                    w.WriteStartObject();
                    w.WriteString("key", line.Book.Key);
                    w.WriteString("title", line.Book.Title);
                    WriteTime(w, "last_update", line.LastUpdate, filters.UnixDates);
                    w.WriteStartArray("markets");
                    w.WriteStartObject();
                    w.WriteString("key", "h2h");
                    WriteTime(w, "last_update", line.LastUpdate, filters.UnixDates);
                    w.WriteStartArray("outcomes");
                    WriteOutcome(w, g.Home.FullName, american ? line.HomeAmerican : line.HomeDecimal);
                    WriteOutcome(w, g.Away.FullName, american ? line.AwayAmerican : line.AwayDecimal);
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    // ------------------------------------------------------------------ pieces

    private sealed record Filters(HashSet<string>? EventIds, DateTimeOffset? From, DateTimeOffset? To, bool UnixDates);

    private static Answer? ReadFilters(HttpContext ctx, out Filters filters)
    {
        var q = ctx.Request.Query;
        filters = new Filters(null, null, null, false);
        var ids = List(q["eventIds"].ToString());
        var dateFormat = q["dateFormat"].ToString();
        if (dateFormat.Length > 0 && dateFormat is not ("iso" or "unix"))
            return Answer.Error(422, "INVALID_DATE_FORMAT", "dateFormat must be iso or unix");
        if (!TryTime(q["commenceTimeFrom"].ToString(), out var from))
            return Answer.Error(422, "INVALID_COMMENCE_TIME_FROM", "commenceTimeFrom must be YYYY-MM-DDTHH:MM:SSZ");
        if (!TryTime(q["commenceTimeTo"].ToString(), out var to))
            return Answer.Error(422, "INVALID_COMMENCE_TIME_TO", "commenceTimeTo must be YYYY-MM-DDTHH:MM:SSZ");
        filters = new Filters(ids.Length > 0 ? ids.ToHashSet(StringComparer.OrdinalIgnoreCase) : null, from, to, dateFormat == "unix");
        return null;
    }

    private static bool TryTime(string text, out DateTimeOffset? value)
    {
        value = null;
        if (text.Length == 0) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return false;
        value = t;
        return true;
    }

    /// <summary>The sport's games still to be decided, by commence time, narrowed by the filters.</summary>
    private static List<Catalog.GameView> ListedGames(SimulatedExchange x, string sport, Filters f) =>
        x.Games()
            .Where(g => SportKeyOf(g.SeriesTicker) == sport)
            .Where(g => x.Market(g.HomeMarketTicker)?.Status is not (MarketStatus.Determined or MarketStatus.Finalized))
            .Where(g => f.EventIds is null || f.EventIds.Contains(x.Sportsbooks.EventId(g.Index)))
            .Where(g => f.From is null || g.CommenceTime >= f.From)
            .Where(g => f.To is null || g.CommenceTime <= f.To)
            .OrderBy(g => g.CommenceTime).ThenBy(g => g.Index)
            .ToList();

    private static void WriteEventHead(Utf8JsonWriter w, SimulatedExchange x, Catalog.GameView g, string sport, bool unix)
    {
        w.WriteStartObject();
        WriteEventFields(w, x, g, sport, unix);
        w.WriteEndObject();
    }

    private static void WriteEventFields(Utf8JsonWriter w, SimulatedExchange x, Catalog.GameView g, string sport, bool unix)
    {
        w.WriteString("id", x.Sportsbooks.EventId(g.Index));
        w.WriteString("sport_key", sport);
        w.WriteString("sport_title", GameSeries.TryGetLeague(g.SeriesTicker, out var league) ? Describe(league).Title : sport);
        WriteTime(w, "commence_time", g.CommenceTime, unix);
        w.WriteString("home_team", g.Home.FullName);
        w.WriteString("away_team", g.Away.FullName);
    }

    private static void WriteOutcome(Utf8JsonWriter w, string name, double price)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteNumber("price", price);
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset t, bool unix)
    {
        if (unix) w.WriteNumber(name, t.ToUnixTimeSeconds());
        else w.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static string? SportKeyOf(string seriesTicker) =>
        GameSeries.TryGetLeague(seriesTicker, out var league) ? GameSeries.OddsApiSportKey(league) : null;

    private static bool IsKnownSport(string sport) => Enum.GetValues<League>().Any(l => GameSeries.OddsApiSportKey(l) == sport);

    private static (string Group, string Title, string Description) Describe(League league) => league switch
    {
        League.Nfl => ("American Football", "NFL", "US Football"),
        League.Ncaaf => ("American Football", "NCAAF", "US College Football"),
        League.Nba => ("Basketball", "NBA", "US Basketball"),
        League.Ncaamb => ("Basketball", "NCAAB", "US College Basketball"),
        League.Ncaawb => ("Basketball", "WNCAAB", "US Women's College Basketball"),
        League.Mlb => ("Baseball", "MLB", "Major League Baseball"),
        League.Nhl => ("Ice Hockey", "NHL", "US Ice Hockey"),
        _ => ("Sports", league.ToString(), league.ToString()),
    };

    private static string[] List(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A finished answer: status, body bytes and the quota units it costs if served.</summary>
    private sealed record Answer(int Status, ReadOnlyMemory<byte> Body, long Cost)
    {
        public static Answer Json(long cost, Action<Utf8JsonWriter> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
            return new Answer(200, buffer.WrittenMemory, cost);
        }

        public static Answer Error(int status, string code, string message)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            {
                w.WriteStartObject();
                w.WriteString("message", message);
                w.WriteString("error_code", code);
                w.WriteEndObject();
            }
            return new Answer(status, buffer.WrittenMemory, 0);
        }
    }
}
