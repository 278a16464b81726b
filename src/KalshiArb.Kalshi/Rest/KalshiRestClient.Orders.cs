using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Wire;

namespace KalshiArb.Kalshi.Rest;

public sealed partial class KalshiRestClient
{
    public const string OrdersPath = "/portfolio/events/orders";
    /// <summary>UNCONFIRMED: batched V2 create (POST) and cancel (DELETE with {"ids":[...]}) path.</summary>
    public const string BatchedOrdersPath = "/portfolio/events/orders/batched";

    /// <summary>V2 create. Retried on 429/5xx/timeouts only when the order has a client_order_id.</summary>
    public Task<KalshiResult<OrderAck>> CreateOrderAsync(KalshiOrderRequest order, CancellationToken ct = default)
    {
        var retryable = !string.IsNullOrEmpty(order.ClientOrderId);
        var body = Json(WireMapper.ToDto(order), KalshiJsonContext.Default.CreateOrderRequestDto);
        return SendAsync(new Call(HttpMethod.Post, OrdersPath, null, body, retryable, IsWrite: true, KalshiRateTier.RequestCost),
            KalshiJsonContext.Default.CreateOrderResponseDto, WireMapper.ToOrderAck, ct);
    }

    /// <summary>V2 cancel (idempotent: retried). 404 not_found means unknown or already finished.</summary>
    public Task<KalshiResult<CancelAck>> CancelOrderAsync(string orderId, CancellationToken ct = default) =>
        SendAsync(new Call(HttpMethod.Delete, $"{OrdersPath}/{Seg(orderId)}", null, null, Retryable: true, IsWrite: true, KalshiRateTier.CancelCost),
            KalshiJsonContext.Default.CancelOrderResponseDto, WireMapper.ToCancelAck, ct);

    /// <summary>Decrease by or down to a size. Only reduce_to is idempotent, so only it is retried.</summary>
    public Task<KalshiResult<CancelAck>> DecreaseOrderAsync(string orderId, OrderDecrease decrease, CancellationToken ct = default)
    {
        if (decrease.ReduceBy is null == decrease.ReduceTo is null)
            return Task.FromResult<KalshiResult<CancelAck>>(new KalshiError(KalshiErrorKind.InvalidOrder, 0, "invalid_order", "exactly one of reduce_by / reduce_to", null));
        var body = Json(new DecreaseOrderRequestDto(decrease.ReduceBy?.ToWire(), decrease.ReduceTo?.ToWire()), KalshiJsonContext.Default.DecreaseOrderRequestDto);
        return SendAsync(new Call(HttpMethod.Post, $"{OrdersPath}/{Seg(orderId)}/decrease", null, body, Retryable: decrease.ReduceTo is not null, IsWrite: true, KalshiRateTier.RequestCost),
            KalshiJsonContext.Default.CancelOrderResponseDto, WireMapper.ToCancelAck, ct);
    }

    /// <summary>Amend price and/or count (body UNCONFIRMED). Not retried.</summary>
    public Task<KalshiResult<AmendAck>> AmendOrderAsync(string orderId, OrderAmend amend, CancellationToken ct = default)
    {
        var body = Json(new AmendOrderRequestDto
        {
            Ticker = amend.Ticker,
            Price = amend.Price?.ToWire(),
            Count = amend.Count?.ToWire(),
            UpdatedClientOrderId = amend.UpdatedClientOrderId,
        }, KalshiJsonContext.Default.AmendOrderRequestDto);
        return SendAsync(new Call(HttpMethod.Post, $"{OrdersPath}/{Seg(orderId)}/amend", null, body, Retryable: false, IsWrite: true, KalshiRateTier.RequestCost),
            KalshiJsonContext.Default.AmendOrderResponseDto, WireMapper.ToAmendAck, ct);
    }

    /// <summary>Batched create (path UNCONFIRMED). Retried only when every order carries a client id.</summary>
    public Task<KalshiResult<IReadOnlyList<BatchItemResult<OrderAck>>>> CreateOrdersAsync(IReadOnlyList<KalshiOrderRequest> orders, CancellationToken ct = default)
    {
        var retryable = orders.Count > 0 && orders.All(o => !string.IsNullOrEmpty(o.ClientOrderId));
        var body = Json(new BatchCreateOrdersRequestDto(orders.Select(WireMapper.ToDto).ToList()), KalshiJsonContext.Default.BatchCreateOrdersRequestDto);
        return SendAsync(new Call(HttpMethod.Post, BatchedOrdersPath, null, body, retryable, IsWrite: true, KalshiRateTier.RequestCost * Math.Max(1, orders.Count)),
            KalshiJsonContext.Default.BatchCreateOrdersResponseDto, dto =>
            {
                var list = new List<BatchItemResult<OrderAck>>();
                foreach (var item in dto.Orders ?? [])
                {
                    if (item is null)
                    {
                        list.Add(new(null, null, KalshiError.Malformed("null batch item")));
                        continue;
                    }
                    if (item.Error is not null)
                    {
                        list.Add(new(item.ClientOrderId, null, WireMapper.ToError(item.Error, 400)));
                        continue;
                    }
                    var ack = item.Order is null ? KalshiError.Malformed("batch item without order or error") : WireMapper.ToOrderAck(item.Order);
                    list.Add(ack.IsSuccess ? new(item.ClientOrderId ?? ack.Value.ClientOrderId, ack.Value, null) : new(item.ClientOrderId, null, ack.Error));
                }
                return KalshiResult<IReadOnlyList<BatchItemResult<OrderAck>>>.Ok(list);
            }, ct);
    }

    /// <summary>Batched cancel (path UNCONFIRMED; DELETE with {"ids":[...]}), retried as cancels are idempotent.</summary>
    public Task<KalshiResult<IReadOnlyList<BatchItemResult<CancelAck>>>> CancelOrdersAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default)
    {
        var body = Json(new BatchCancelOrdersRequestDto(orderIds.ToList()), KalshiJsonContext.Default.BatchCancelOrdersRequestDto);
        return SendAsync(new Call(HttpMethod.Delete, BatchedOrdersPath, null, body, Retryable: true, IsWrite: true, KalshiRateTier.CancelCost * Math.Max(1, orderIds.Count)),
            KalshiJsonContext.Default.BatchCancelOrdersResponseDto, dto =>
            {
                var list = new List<BatchItemResult<CancelAck>>();
                foreach (var item in dto.Orders ?? [])
                {
                    if (item is null)
                    {
                        list.Add(new(null, null, KalshiError.Malformed("null batch item")));
                        continue;
                    }
                    if (item.Error is not null)
                    {
                        list.Add(new(item.OrderId, null, WireMapper.ToError(item.Error, 400)));
                        continue;
                    }
                    var ack = WireMapper.ToCancelAck(item.Order ?? new CancelOrderResponseDto { OrderId = item.OrderId, ReducedBy = item.ReducedBy });
                    list.Add(ack.IsSuccess ? new(ack.Value.OrderId, ack.Value, null) : new(item.OrderId, null, ack.Error));
                }
                return KalshiResult<IReadOnlyList<BatchItemResult<CancelAck>>>.Ok(list);
            }, ct);
    }
}
