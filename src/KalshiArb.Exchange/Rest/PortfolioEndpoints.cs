using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KalshiArb.Exchange.Rest;

/// <summary>Authenticated reads: balance, positions, fills, orders.</summary>
internal static class PortfolioEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SimulatedExchange x)
    {
        api.MapGet("/portfolio/balance", (HttpContext ctx) =>
        {
            var account = RequestAccount.Get(ctx);
            var available = account.Available;
            var exposure = account.Positions().Aggregate(0L, (sum, p) => sum + p.CostBasis.Units);
            return Results.Json(new BalanceDto(
                available.Units / Domain.Primitives.Money.UnitsPerCent,
                available.ToWire(),
                exposure / Domain.Primitives.Money.UnitsPerCent,
                account.UpdatedMs / 1000), WireJson.Options);
        });

        api.MapGet("/portfolio/positions", (HttpContext ctx) =>
        {
            var q = ctx.Request.Query;
            var error = Paging.TryRead(q["limit"], q["cursor"], out var limit, out var offset);
            if (error is not null) return ApiErrors.BadRequest(error);
            var ticker = (string?)q["ticker"];
            var positions = RequestAccount.Get(ctx).Positions()
                .Where(p => string.IsNullOrEmpty(ticker) || p.Ticker == ticker)
                .Select(p => new PositionDto(p.Ticker, p.Position.ToWire(), p.CostBasis.ToWire(), p.RealizedPnl.ToWire(),
                    p.FeesPaid.ToWire(), p.TotalTraded.ToWire(), WireTime.IsoFromMs(p.LastUpdatedMs)))
                .ToList();
            var (page, cursor) = Paging.Page(positions, offset, limit);
            return Results.Json(new PositionsPageDto(page, cursor), WireJson.Options);
        });

        api.MapGet("/portfolio/fills", (HttpContext ctx) =>
        {
            var q = ctx.Request.Query;
            var error = Paging.TryRead(q["limit"], q["cursor"], out var limit, out var offset);
            if (error is not null) return ApiErrors.BadRequest(error);
            string? ticker = q["ticker"], orderId = q["order_id"];
            long minTs = 0, maxTs = long.MaxValue;
            if (!string.IsNullOrEmpty(q["min_ts"]) && !long.TryParse(q["min_ts"], NumberStyles.None, CultureInfo.InvariantCulture, out minTs))
                return ApiErrors.BadRequest("min_ts must be unix seconds");
            if (!string.IsNullOrEmpty(q["max_ts"]) && !long.TryParse(q["max_ts"], NumberStyles.None, CultureInfo.InvariantCulture, out maxTs))
                return ApiErrors.BadRequest("max_ts must be unix seconds");
            var fills = RequestAccount.Get(ctx).Fills()
                .Where(f => (string.IsNullOrEmpty(ticker) || f.Ticker == ticker)
                            && (string.IsNullOrEmpty(orderId) || f.OrderId == orderId)
                            && f.TimestampMs / 1000 >= minTs && f.TimestampMs / 1000 <= maxTs)
                .Select(f => new FillDto(f.FillId, f.TradeId, f.OrderId, f.ClientOrderId, f.Ticker, f.OutcomeSide.ToWire(),
                    f.OutcomeSide == OutcomeSide.Yes ? "bid" : "ask", f.Count.ToWire(), f.YesPrice.ToWire(),
                    f.YesPrice.Complement.ToWire(), f.IsTaker, f.Fee.ToWire(), WireTime.IsoFromMs(f.TimestampMs), f.TimestampMs / 1000))
                .ToList();
            var (page, cursor) = Paging.Page(fills, offset, limit);
            return Results.Json(new FillsPageDto(page, cursor), WireJson.Options);
        });

        api.MapGet("/portfolio/orders", (HttpContext ctx) =>
        {
            var q = ctx.Request.Query;
            var error = Paging.TryRead(q["limit"], q["cursor"], out var limit, out var offset);
            if (error is not null) return ApiErrors.BadRequest(error);
            string? ticker = q["ticker"], status = q["status"];
            var now = x.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            var orders = RequestAccount.Get(ctx).Orders()
                .Where(o => string.IsNullOrEmpty(ticker) || o.Ticker == ticker)
                .Select(o => OrderViews.Visible(o, now, x.Options.CancelVisibilityLag))
                .Where(o => string.IsNullOrEmpty(status) || o.Status == status)
                .ToList();
            var (page, cursor) = Paging.Page(orders, offset, limit);
            return Results.Json(new OrdersPageDto(page, cursor), WireJson.Options);
        });

        api.MapGet("/portfolio/orders/{orderId}", (HttpContext ctx, string orderId) =>
        {
            var view = RequestAccount.Get(ctx).FindOrder(orderId);
            if (view is null) return ApiErrors.NotFound($"order {orderId} not found");
            var now = x.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            return Results.Json(new OrderEnvelopeDto(OrderViews.Visible(view, now, x.Options.CancelVisibilityLag)), WireJson.Options);
        });
    }
}
