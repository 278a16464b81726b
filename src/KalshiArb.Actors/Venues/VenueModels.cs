using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;

namespace KalshiArb.Actors.Venues;

/// <summary>Kalshi V2 time in force.</summary>
public enum VenueTimeInForce
{
    GoodTillCanceled,
    ImmediateOrCancel,
    FillOrKill,
}

/// <summary>
/// A buy of <paramref name="Count"/> contracts of <paramref name="Side"/> at up to <paramref name="LimitPrice"/>
/// (that side's own price; KalshiVenue converts a NO buy into V2 side "ask" at YES price 1 − limit).
/// </summary>
public sealed record VenueOrderRequest(
    string ClientOrderId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Count,
    VenueTimeInForce TimeInForce,
    bool PostOnly = false,
    bool ReduceOnly = false);

/// <summary>Outcome classes every venue maps its errors into (reason codes for audit and metrics).</summary>
public enum VenueResultKind
{
    Accepted,
    AlreadyExists,
    InsufficientBalance,
    InvalidPrice,
    InvalidOrder,
    MarketInactive,
    NotFound,
    RateLimited,
    AuthFailed,
    ServerError,
}

/// <summary>Venue order status as the exchange reports it.</summary>
public enum VenueOrderStatus
{
    Resting,
    Canceled,
    Executed,
}

/// <summary>Result of a create. On Accepted the order id and the fills that happened immediately are known.</summary>
public sealed record VenueSubmitResult(
    VenueResultKind Kind,
    string? ExchangeOrderId,
    VenueOrderStatus? Status,
    Quantity FilledCount,
    Quantity RemainingCount,
    string? Message)
{
    public bool IsAccepted => Kind == VenueResultKind.Accepted;

    public static VenueSubmitResult Rejected(VenueResultKind kind, string message) =>
        new(kind, null, null, Quantity.Zero, Quantity.Zero, message);
}

public sealed record VenueCancelResult(VenueResultKind Kind, Quantity ReducedBy, string? Message);

/// <summary>The venue's current view of one order.</summary>
public sealed record VenueOrderState(
    string ExchangeOrderId,
    string ClientOrderId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    VenueOrderStatus Status,
    Quantity InitialCount,
    Quantity FilledCount,
    Quantity RemainingCount);

/// <summary>Found (with state), NotFound (the venue never saw it), or an error kind (outcome unknown).</summary>
public sealed record VenueOrderLookup(VenueResultKind Kind, VenueOrderState? Order, string? Message)
{
    public static VenueOrderLookup Found(VenueOrderState order) => new(VenueResultKind.Accepted, order, null);
    public static readonly VenueOrderLookup NotFound = new(VenueResultKind.NotFound, null, null);
}

/// <summary>One execution of our order. <paramref name="Price"/> is in <paramref name="Side"/>'s own price.</summary>
public sealed record VenueFill(
    string TradeId,
    string ExchangeOrderId,
    string? ClientOrderId,
    string Ticker,
    OutcomeSide Side,
    Price Price,
    Quantity Count,
    Money Fee,
    bool IsTaker,
    long TimestampMs);

/// <summary>The venue says an order changed status (e.g. canceled by the exchange at market close).</summary>
public sealed record VenueOrderUpdate(VenueOrderState Order, long TimestampMs);
