namespace KalshiArb.Domain.Matching;

/// <summary>
/// A V2 create-order request. <paramref name="YesPrice"/> is always the YES price, as on Kalshi's wire:
/// an Ask at 0.4000 rests as a NO bid at 0.6000. <paramref name="ExpirationTimestampMs"/> (Kalshi expiration_time)
/// takes effect when the owner calls <see cref="MatchingEngine.ExpireDue"/>; it must be later than the submit time.
/// </summary>
public readonly record struct NewOrder(
    string AccountId,
    OrderSide Side,
    Price YesPrice,
    Quantity Count,
    TimeInForce TimeInForce = TimeInForce.GoodTillCanceled,
    SelfTradePrevention SelfTradePrevention = SelfTradePrevention.TakerAtCross,
    bool PostOnly = false,
    string? ClientOrderId = null,
    long? ExpirationTimestampMs = null);
