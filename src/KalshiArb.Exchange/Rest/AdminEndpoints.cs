using System.Text.Json;
using KalshiArb.Exchange.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KalshiArb.Exchange.Rest;

/// <summary>Unauthenticated control endpoints under /admin (loopback only): faults, lifecycle, fair values, ticks.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatedExchange x)
    {
        var admin = app.MapGroup("/admin");

        admin.MapGet("/faults", () => Results.Json(FaultsDto(x.Faults.Current()), WireJson.Options));

        admin.MapPost("/faults", async (HttpContext ctx) =>
        {
            var body = await ReadBody(ctx);
            if (body is not { ValueKind: JsonValueKind.Object } b) return ApiErrors.BadRequest("body must be a JSON object");
            var f = x.Faults;
            if (b.TryGetProperty("rest_delay_ms", out var d) && d.TryGetInt32(out var ms)) f.RestDelay = TimeSpan.FromMilliseconds(ms);
            if (b.TryGetProperty("too_many_requests_share", out var t) && t.TryGetDouble(out var ts)) f.TooManyRequestsShare = ts;
            if (b.TryGetProperty("server_error_share", out var s) && s.TryGetDouble(out var ss)) f.ServerErrorShare = ss;
            foreach (var m in Strings(b, "pause_markets")) f.PauseMarket(m);
            foreach (var m in Strings(b, "resume_markets")) f.ResumeMarket(m);
            foreach (var m in Strings(b, "skip_seq_markets")) f.SkipNextSeq(m);
            if (b.TryGetProperty("drop_connections", out var drop) && drop.ValueKind == JsonValueKind.True) f.DropAllConnections();
            return Results.Json(FaultsDto(f.Current()), WireJson.Options);
        });

        admin.MapPost("/markets/{ticker}/close", (string ticker) =>
            x.Market(ticker) is null ? ApiErrors.NotFound($"market {ticker} not found")
                : Results.Json(new { closed = x.CloseMarket(ticker) }, WireJson.Options));

        admin.MapPost("/markets/{ticker}/settle", async (HttpContext ctx, string ticker) =>
        {
            if (x.Market(ticker) is null) return ApiErrors.NotFound($"market {ticker} not found");
            var body = await ReadBody(ctx);
            bool? yes = null;
            if (body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.String)
            {
                yes = r.GetString() switch { "yes" => true, "no" => false, _ => null };
                if (yes is null) return ApiErrors.BadRequest("result must be \"yes\" or \"no\" (omit it to draw from the fair value)");
            }
            var settled = x.SettleMarket(ticker, yes);
            return Results.Json(new { settled, result = x.MarketState(ticker, false)!.Result }, WireJson.Options);
        });

        admin.MapGet("/games", () => Results.Json(x.Games().Select(GameDto).ToList(), WireJson.Options));

        admin.MapPost("/games/{index:int}/fair-value", async (HttpContext ctx, int index) =>
        {
            if (index < 0 || index >= x.Catalog.Games.Count) return ApiErrors.NotFound($"game {index} not found");
            var body = await ReadBody(ctx);
            if (body is not { ValueKind: JsonValueKind.Object } b || !b.TryGetProperty("home_win_probability", out var p) || !p.TryGetDouble(out var prob))
                return ApiErrors.BadRequest("body must be {\"home_win_probability\": 0.6}");
            x.FairValues.SetHomeWinProbability(index, prob);
            return Results.Json(GameDto(x.Game(index)), WireJson.Options);
        });

        admin.MapPost("/games/{index:int}/settle", async (HttpContext ctx, int index) =>
        {
            if (index < 0 || index >= x.Catalog.Games.Count) return ApiErrors.NotFound($"game {index} not found");
            var body = await ReadBody(ctx);
            bool? home = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("home_wins", out var h)
                         && h.ValueKind is JsonValueKind.True or JsonValueKind.False ? h.GetBoolean() : null;
            x.SettleGame(index, home);
            return Results.Json(new { settled = true }, WireJson.Options);
        });

        admin.MapPost("/tick", (HttpRequest req) =>
        {
            var count = int.TryParse(req.Query["count"], out var c) && c > 0 ? Math.Min(c, 10_000) : 1;
            for (var i = 0; i < count; i++) x.Tick();
            return Results.Json(new { ticks = x.FairValues.Ticks }, WireJson.Options);
        });

        admin.MapGet("/status", () => Results.Json(new
        {
            connections = x.ConnectionCount,
            markets = x.Catalog.Markets.Count,
            ticks = x.FairValues.Ticks,
        }, WireJson.Options));
    }

    private static object FaultsDto(FaultSettings f) => new
    {
        rest_delay_ms = (long)f.RestDelay.TotalMilliseconds,
        too_many_requests_share = f.TooManyRequestsShare,
        server_error_share = f.ServerErrorShare,
        paused_markets = f.PausedMarkets,
    };

    private static object GameDto(Catalog.GameView g) => new
    {
        index = g.Index,
        series_ticker = g.SeriesTicker,
        event_ticker = g.EventTicker,
        away_team = g.Away.FullName,
        home_team = g.Home.FullName,
        commence_time = WireTime.Iso(g.CommenceTime),
        home_win_probability = g.HomeWinProbability,
        away_market_ticker = g.AwayMarketTicker,
        home_market_ticker = g.HomeMarketTicker,
    };

    private static IEnumerable<string> Strings(JsonElement b, string name) =>
        b.TryGetProperty(name, out var arr) && arr.ValueKind == JsonValueKind.Array
            ? arr.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private static async Task<JsonElement?> ReadBody(HttpContext ctx)
    {
        if (ctx.Request.ContentLength is 0) return null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
