using System.Text.Json;
using KalshiArb.Exchange.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KalshiArb.Exchange.Rest;

/// <summary>V2 order entry under /portfolio/events/orders: create, cancel, decrease, amend, batched create/cancel.</summary>
internal static class OrderEndpoints
{
    public const int MaxBatch = 20;

    public static void Map(IEndpointRouteBuilder api, SimulatedExchange x)
    {
        api.MapPost("/portfolio/events/orders", async (HttpContext ctx) =>
        {
            var body = await ReadBody(ctx);
            if (body is null) return ApiErrors.BadRequest("body is not valid JSON");
            var (created, rejection) = Create(x, RequestAccount.Get(ctx), body.Value);
            return rejection is not null ? ApiErrors.From(rejection) : Results.Json(created, WireJson.Options, statusCode: 201);
        });

        api.MapPost("/portfolio/events/orders/batched", async (HttpContext ctx) =>
        {
            var body = await ReadBody(ctx);
            if (body is not { ValueKind: JsonValueKind.Object } b || !b.TryGetProperty("orders", out var orders) || orders.ValueKind != JsonValueKind.Array)
                return ApiErrors.BadRequest("body must be {\"orders\":[...]}");
            if (orders.GetArrayLength() > MaxBatch) return ApiErrors.BadRequest($"at most {MaxBatch} orders per batch");
            var account = RequestAccount.Get(ctx);
            var items = new List<BatchCreateItemDto>();
            foreach (var o in orders.EnumerateArray())
            {
                var (created, rejection) = Create(x, account, o);
                items.Add(new BatchCreateItemDto(created, rejection is null ? null : ApiErrors.Body(rejection)));
            }
            return Results.Json(new BatchCreateResponseDto(items), WireJson.Options, statusCode: 201);
        });

        api.MapDelete("/portfolio/events/orders/batched", async (HttpContext ctx) =>
        {
            var body = await ReadBody(ctx);
            if (body is not { ValueKind: JsonValueKind.Object } b) return ApiErrors.BadRequest("body must be {\"ids\":[...]}");
            var ids = new List<string>();
            if (b.TryGetProperty("ids", out var idArray) && idArray.ValueKind == JsonValueKind.Array)
                ids.AddRange(idArray.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            else if (b.TryGetProperty("orders", out var orderArray) && orderArray.ValueKind == JsonValueKind.Array)
                ids.AddRange(orderArray.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("order_id", out var id) && id.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetProperty("order_id").GetString()!));
            else return ApiErrors.BadRequest("body must be {\"ids\":[...]} or {\"orders\":[{\"order_id\":...}]}");
            if (ids.Count > MaxBatch) return ApiErrors.BadRequest($"at most {MaxBatch} orders per batch");
            var account = RequestAccount.Get(ctx);
            var items = ids.Select(id =>
            {
                var (canceled, rejection) = Cancel(x, account, id);
                return new BatchCancelItemDto(id, canceled, rejection is null ? null : ApiErrors.Body(rejection));
            }).ToList();
            return Results.Json(new BatchCancelResponseDto(items), WireJson.Options);
        });

        api.MapDelete("/portfolio/events/orders/{orderId}", (HttpContext ctx, string orderId) =>
        {
            var (canceled, rejection) = Cancel(x, RequestAccount.Get(ctx), orderId);
            return rejection is not null ? ApiErrors.From(rejection) : Results.Json(canceled, WireJson.Options);
        });

        api.MapPost("/portfolio/events/orders/{orderId}/decrease", async (HttpContext ctx, string orderId) =>
        {
            var body = await ReadBody(ctx);
            if (body is null) return ApiErrors.BadRequest("body is not valid JSON");
            var bad = OrderBodyParser.TryParseDecrease(body.Value, out var by, out var to);
            if (bad is not null) return ApiErrors.From(bad);
            var account = RequestAccount.Get(ctx);
            var market = MarketOf(x, account, orderId);
            if (market is null) return ApiErrors.NotFound($"order {orderId} not found");
            var outcome = market.Decrease(account, orderId, by, to);
            if (outcome.Rejection is not null) return ApiErrors.From(outcome.Rejection);
            var o = outcome.Order!;
            return Results.Json(new DecreaseOrderResponseDto(o.OrderId, o.ClientOrderId, outcome.ReducedBy.ToWire(),
                o.RemainingCount.ToWire(), outcome.TimestampMs), WireJson.Options);
        });

        api.MapPost("/portfolio/events/orders/{orderId}/amend", async (HttpContext ctx, string orderId) =>
        {
            var body = await ReadBody(ctx);
            if (body is null) return ApiErrors.BadRequest("body is not valid JSON");
            var bad = OrderBodyParser.TryParseAmend(body.Value, out var price, out var count);
            if (bad is not null) return ApiErrors.From(bad);
            var account = RequestAccount.Get(ctx);
            var before = account.FindOrder(orderId);
            var market = MarketOf(x, account, orderId);
            if (market is null || before is null) return ApiErrors.NotFound($"order {orderId} not found");
            var outcome = market.Amend(account, orderId, price, count);
            if (outcome.Rejection is not null) return ApiErrors.From(outcome.Rejection);
            return Results.Json(new AmendOrderResponseDto(OrderWire.ToDto(before.Ticker, before.Snapshot),
                OrderWire.ToDto(before.Ticker, outcome.Order!), outcome.TimestampMs), WireJson.Options);
        });
    }

    private static (CreateOrderResponseDto?, ExchangeRejection?) Create(SimulatedExchange x, AccountLedger account, JsonElement body)
    {
        var bad = OrderBodyParser.TryParseCreate(body, out var request);
        if (bad is not null) return (null, bad);
        var market = x.Market(request.Ticker);
        if (market is null) return (null, new ExchangeRejection(ExchangeRejectCode.NotFound, $"market {request.Ticker} not found"));
        var outcome = market.Submit(account, request);
        if (outcome.Rejection is not null) return (null, outcome.Rejection);
        var o = outcome.Order!;
        return (new CreateOrderResponseDto(
            o.OrderId,
            o.ClientOrderId,
            o.FilledCount.ToWire(),
            o.RemainingCount.ToWire(),
            OrderWire.StatusWire(o.Status),
            OrderWire.AverageFillPrice(outcome.FillCost, o.TakerFees, o.FilledCount),
            o.FilledCount.IsPositive ? new Money(o.TakerFees.Units * Quantity.UnitsPerContract / o.FilledCount.Hundredths).ToWire() : null,
            outcome.TimestampMs), null);
    }

    private static (CancelOrderResponseDto?, ExchangeRejection?) Cancel(SimulatedExchange x, AccountLedger account, string orderId)
    {
        var market = MarketOf(x, account, orderId);
        if (market is null) return (null, new ExchangeRejection(ExchangeRejectCode.NotFound, $"order {orderId} not found"));
        var outcome = market.Cancel(account, orderId);
        if (outcome.Rejection is not null) return (null, outcome.Rejection);
        return (new CancelOrderResponseDto(orderId, outcome.Order!.ClientOrderId, outcome.ReducedBy.ToWire(), outcome.TimestampMs), null);
    }

    private static MarketRuntime? MarketOf(SimulatedExchange x, AccountLedger account, string orderId)
    {
        var view = account.FindOrder(orderId);
        return view is null ? null : x.Market(view.Ticker);
    }

    private static async Task<JsonElement?> ReadBody(HttpContext ctx)
    {
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
