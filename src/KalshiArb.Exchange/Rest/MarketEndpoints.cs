using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KalshiArb.Exchange.Rest;

/// <summary>Public market data: /markets, /markets/{ticker}, /markets/{ticker}/orderbook, /series, /events.</summary>
internal static class MarketEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SimulatedExchange x)
    {
        api.MapGet("/markets", (HttpRequest req) =>
        {
            var q = req.Query;
            var error = Paging.TryRead(q["limit"], q["cursor"], out var limit, out var offset);
            if (error is not null) return ApiErrors.BadRequest(error);
            string? series = q["series_ticker"], evt = q["event_ticker"];
            var statuses = Paging.CommaSet(q["status"]);
            var tickers = Paging.CommaSet(q["tickers"]);
            var matching = x.Markets
                .Where(m => (string.IsNullOrEmpty(series) || m.Info.SeriesTicker == series)
                            && (string.IsNullOrEmpty(evt) || m.Info.EventTicker == evt)
                            && (tickers is null || tickers.Contains(m.Ticker)))
                .Select(m => m.Snapshot(withLevels: false))
                .Where(s => statuses is null || statuses.Any(f => s.Status.MatchesFilter(f)))
                .ToList();
            var (page, cursor) = Paging.Page(matching, offset, limit);
            return Results.Json(new MarketsPageDto(page.Select(MarketWire.ToDto).ToList(), cursor), WireJson.Options);
        });

        api.MapGet("/markets/{ticker}", (string ticker) =>
        {
            var state = x.MarketState(ticker, withLevels: false);
            return state is null
                ? ApiErrors.NotFound($"market {ticker} not found")
                : Results.Json(new MarketEnvelopeDto(MarketWire.ToDto(state)), WireJson.Options);
        });

        api.MapGet("/markets/{ticker}/orderbook", (string ticker, HttpRequest req) =>
        {
            var depth = 0;
            var depthText = (string?)req.Query["depth"];
            if (!string.IsNullOrEmpty(depthText) &&
                (!int.TryParse(depthText, NumberStyles.None, CultureInfo.InvariantCulture, out depth) || depth > 100))
                return ApiErrors.BadRequest("depth must be between 0 and 100");
            var state = x.MarketState(ticker, withLevels: true);
            if (state is null) return ApiErrors.NotFound($"market {ticker} not found");
            var yes = depth > 0 ? state.YesLevels.TakeLast(depth).ToList() : state.YesLevels;
            var no = depth > 0 ? state.NoLevels.TakeLast(depth).ToList() : state.NoLevels;
            return Results.Json(new OrderbookEnvelopeDto(new OrderbookDto(
                Markets.MarketRuntime.LevelsWire(yes), Markets.MarketRuntime.LevelsWire(no))), WireJson.Options);
        });

        api.MapGet("/series/{ticker}", (string ticker) =>
        {
            var s = x.Catalog.FindSeries(ticker);
            return s is null
                ? ApiErrors.NotFound($"series {ticker} not found")
                : Results.Json(new SeriesEnvelopeDto(MarketWire.ToDto(s)), WireJson.Options);
        });

        api.MapGet("/series", (HttpRequest req) =>
        {
            var category = (string?)req.Query["category"];
            var list = x.Catalog.Series
                .Where(s => string.IsNullOrEmpty(category) || string.Equals(s.Category, category, StringComparison.OrdinalIgnoreCase))
                .OrderBy(s => s.Ticker, StringComparer.Ordinal)
                .Select(MarketWire.ToDto)
                .ToList();
            return Results.Json(new SeriesListDto(list), WireJson.Options);
        });

        api.MapGet("/events", (HttpRequest req) =>
        {
            var q = req.Query;
            var error = Paging.TryRead(q["limit"], q["cursor"], out var limit, out var offset);
            if (error is not null) return ApiErrors.BadRequest(error);
            var series = (string?)q["series_ticker"];
            var nested = string.Equals(q["with_nested_markets"], "true", StringComparison.OrdinalIgnoreCase);
            var events = x.Catalog.Events.Where(e => string.IsNullOrEmpty(series) || e.SeriesTicker == series).ToList();
            var (page, cursor) = Paging.Page(events, offset, limit);
            var dtos = page.Select(e => MarketWire.ToDto(e, nested ? MarketsOf(x, e) : null)).ToList();
            return Results.Json(new EventsPageDto(dtos, cursor), WireJson.Options);
        });

        api.MapGet("/events/{eventTicker}", (string eventTicker) =>
        {
            var e = x.Catalog.FindEvent(eventTicker);
            return e is null
                ? ApiErrors.NotFound($"event {eventTicker} not found")
                : Results.Json(new EventEnvelopeDto(MarketWire.ToDto(e, null), MarketsOf(x, e)), WireJson.Options);
        });
    }

    private static List<MarketDto> MarketsOf(SimulatedExchange x, Catalog.EventInfo e) =>
        e.MarketTickers.Select(t => MarketWire.ToDto(x.MarketState(t, withLevels: false)!)).ToList();
}
