using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KalshiArb.Exchange.Rest;

/// <summary>
/// Public endpoints third-party Kalshi clients call besides ours: /exchange/status and the trade tape /markets/trades
/// (a literal segment, so it is never read as the ticker of /markets/{ticker}).
/// </summary>
internal static class ExchangeEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SimulatedExchange x)
    {
        // the simulator has no exchange-wide maintenance window: it trades whenever it runs
        api.MapGet("/exchange/status", () => Results.Json(new ExchangeStatusDto(ExchangeActive: true, TradingActive: true), WireJson.Options));

        api.MapGet("/markets/trades", (HttpRequest req) =>
        {
            var q = req.Query;
            var error = Paging.TryRead(q["limit"], null, out var limit, out _);
            if (error is not null) return ApiErrors.BadRequest(error);
            if (!Paging.TryReadSequence(q["cursor"], out var before)) return ApiErrors.BadRequest("invalid cursor");
            if (!TryUnixSeconds(q["min_ts"], out var minMs)) return ApiErrors.BadRequest("min_ts must be unix seconds");
            if (!TryUnixSeconds(q["max_ts"], out var maxMs)) return ApiErrors.BadRequest("max_ts must be unix seconds");
            var ticker = (string?)q["ticker"];
            var (page, next) = x.Trades.Read(string.IsNullOrEmpty(ticker) ? null : ticker, minMs, maxMs is { } m ? m + 999 : null, before, limit);
            var dtos = page.Select(t => new PublicTradeDto(t.TradeId, t.Ticker, t.Count.ToWire(), t.YesPrice.ToWire(),
                t.YesPrice.Complement.ToWire(), t.TakerSide.ToWire(), WireTime.IsoFromMs(t.TsMs))).ToList();
            return Results.Json(new TradesPageDto(dtos, Paging.SequenceCursor(next)), WireJson.Options);
        });
    }

    /// <summary>Kalshi's min_ts/max_ts are unix seconds; absent is no bound.</summary>
    private static bool TryUnixSeconds(string? text, out long? ms)
    {
        ms = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799) return false;
        ms = seconds * 1000;
        return true;
    }
}
