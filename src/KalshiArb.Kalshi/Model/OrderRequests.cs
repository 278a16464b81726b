namespace KalshiArb.Kalshi.Model;

/// <summary>
/// A V2 create (Side relative to YES: Bid buys YES, Ask sells YES = buys NO at 1 − Price). Without a ClientOrderId the call is never retried (a retry could double the order).
/// </summary>
public sealed record KalshiOrderRequest(
    string Ticker,
    string? ClientOrderId,
    OrderSide Side,
    Quantity Count,
    Price Price,
    TimeInForce TimeInForce = TimeInForce.GoodTillCanceled,
    SelfTradePrevention SelfTradePrevention = SelfTradePrevention.TakerAtCross,
    DateTimeOffset? ExpirationTime = null,
    bool? PostOnly = null,
    bool? ReduceOnly = null);

/// <summary>Decrease by an amount or down to a remaining size (exactly one).</summary>
public sealed record OrderDecrease(Quantity? ReduceBy, Quantity? ReduceTo);

/// <summary>UNCONFIRMED V2 amend: new price and/or new total count.</summary>
public sealed record OrderAmend(string Ticker, Price? Price, Quantity? Count, string? UpdatedClientOrderId = null);
