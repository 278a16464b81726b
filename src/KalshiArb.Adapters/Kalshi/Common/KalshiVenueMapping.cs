using KalshiArb.Domain.Matching;
using KalshiArb.Domain.Orders;
using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Model;

namespace KalshiArb.Adapters.Kalshi.Common;

/// <summary>Kalshi wire concepts ↔ venue contract. Prices leave as YES prices (V2) and come back in the bought side's own price.</summary>
public static class KalshiVenueMapping
{
    /// <summary>Every Kalshi error kind as a venue reason code.</summary>
    public static VenueResultKind ToResultKind(KalshiErrorKind kind) => kind switch
    {
        KalshiErrorKind.OrderAlreadyExists => VenueResultKind.AlreadyExists,
        KalshiErrorKind.InsufficientBalance => VenueResultKind.InsufficientBalance,
        KalshiErrorKind.InvalidPrice => VenueResultKind.InvalidPrice,
        KalshiErrorKind.InvalidOrder => VenueResultKind.InvalidOrder,
        KalshiErrorKind.MarketInactive => VenueResultKind.MarketInactive,
        KalshiErrorKind.NotFound => VenueResultKind.NotFound,
        KalshiErrorKind.RateLimited => VenueResultKind.RateLimited,
        KalshiErrorKind.Auth => VenueResultKind.AuthFailed,
        KalshiErrorKind.ServerError => VenueResultKind.ServerError,
        // no (usable) answer: whether the exchange acted is unknown
        KalshiErrorKind.Timeout or KalshiErrorKind.Transport or KalshiErrorKind.MalformedResponse => VenueResultKind.ServerError,
        _ => VenueResultKind.ServerError,
    };

    /// <summary>True when the request may have taken effect although no answer says so.</summary>
    public static bool IsOutcomeUnknown(KalshiErrorKind kind) =>
        kind is KalshiErrorKind.Timeout or KalshiErrorKind.Transport or KalshiErrorKind.MalformedResponse;

    /// <summary>
    /// Buying YES at p = V2 "bid" at p; buying NO at p = V2 "ask" (sell YES) at YES price 1 − p. ExpiresAtMs becomes
    /// expiration_time, which the wire carries in whole seconds rounded up (never earlier than asked).
    /// </summary>
    public static KalshiOrderRequest ToKalshiOrder(VenueOrderRequest request, SelfTradePrevention stp) => new(
        request.Ticker,
        request.ClientOrderId,
        request.Side.ToOrderSide(),
        request.Count,
        request.Side == OutcomeSide.Yes ? request.LimitPrice : request.LimitPrice.Complement,
        request.TimeInForce,
        stp,
        ExpirationTime: request.ExpiresAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        PostOnly: request.PostOnly ? true : null,
        ReduceOnly: request.ReduceOnly ? true : null);

    /// <summary>The create reply has counts only: resting while some remains, else executed if all filled, else canceled (IOC/FOK).</summary>
    public static VenueOrderStatus StatusAfterCreate(Quantity requested, OrderAck ack) =>
        ack.RemainingCount.IsPositive ? VenueOrderStatus.Resting
        : ack.FillCount >= requested ? VenueOrderStatus.Executed
        : VenueOrderStatus.Canceled;

    /// <summary>Pending and unrecognized statuses count as resting: not terminal, so the caller keeps reconciling.</summary>
    public static VenueOrderStatus ToStatus(KalshiOrderStatus status) => status switch
    {
        KalshiOrderStatus.Canceled => VenueOrderStatus.Canceled,
        KalshiOrderStatus.Executed => VenueOrderStatus.Executed,
        _ => VenueOrderStatus.Resting,
    };

    public static OutcomeSide? SideOf(OutcomeSide? outcome, OrderSide? bookSide) => outcome ?? bookSide?.ToOutcomeSide();

    /// <summary>The price of <paramref name="side"/> from Kalshi's YES (and optional NO) price.</summary>
    public static Price OwnPrice(OutcomeSide side, Price yesPrice, Price? noPrice = null) =>
        side == OutcomeSide.Yes ? yesPrice : noPrice ?? yesPrice.Complement;

    public static VenueOrderState? ToState(KalshiOrder order)
    {
        if (SideOf(order.Outcome, order.Side) is not { } side) return null;
        var limit = side == OutcomeSide.Yes
            ? order.YesPrice
            : order.NoPrice ?? order.YesPrice?.Complement;
        if (limit is null) return null;
        return new VenueOrderState(order.OrderId, order.ClientOrderId ?? "", order.Ticker, side, limit.Value, ToStatus(order.Status),
            order.InitialCount ?? order.FillCount + order.RemainingCount, order.FillCount, order.RemainingCount);
    }

    public static VenueFill? ToFill(KalshiFill fill, OutcomeSide? knownSide = null)
    {
        if ((SideOf(fill.Outcome, fill.Side) ?? knownSide) is not { } side) return null;
        return new VenueFill(fill.TradeId, fill.OrderId, fill.ClientOrderId, fill.Ticker, side, OwnPrice(side, fill.YesPrice, fill.NoPrice),
            fill.Count, fill.Fee, fill.IsTaker, fill.Ts ?? 0);
    }

    public static VenueFill? ToFill(FillReport fill, OutcomeSide? knownSide, long nowMs)
    {
        if ((SideOf(fill.Outcome, fill.Side) ?? knownSide) is not { } side) return null;
        return new VenueFill(fill.TradeId, fill.OrderId, fill.ClientOrderId, fill.MarketTicker, side, OwnPrice(side, fill.YesPrice),
            fill.Count, fill.Fee, fill.IsTaker, fill.TsMs ?? nowMs);
    }

    public static VenueOrderUpdate? ToUpdate(UserOrderUpdate update, OutcomeSide? knownSide, string? knownClientId, long nowMs)
    {
        if ((update.Side?.ToOutcomeSide() ?? knownSide) is not { } side || update.YesPrice is not { } yes) return null;
        var filled = update.FillCount ?? Quantity.Zero;
        var remaining = update.RemainingCount ?? Quantity.Zero;
        var state = new VenueOrderState(update.OrderId, update.ClientOrderId ?? knownClientId ?? "", update.MarketTicker, side,
            OwnPrice(side, yes), ToStatus(update.Status), update.InitialCount ?? filled + remaining, filled, remaining);
        return new VenueOrderUpdate(state, update.TsMs ?? nowMs);
    }
}
