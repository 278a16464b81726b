namespace KalshiArb.Domain.Venues;

/// <summary>
/// A buy of <paramref name="Count"/> contracts of <paramref name="Side"/> at up to <paramref name="LimitPrice"/>
/// (that side's own price; KalshiVenue converts a NO buy into V2 side "ask" at YES price 1 − limit).
/// <paramref name="ExpiresAtMs"/>, when set, is the venue-side expiry (Kalshi <c>expiration_time</c>): the venue ends
/// the order then on its own, even if we have lost track of it.
/// </summary>
public sealed record VenueOrderRequest(
    string ClientOrderId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Count,
    TimeInForce TimeInForce,
    bool PostOnly = false,
    bool ReduceOnly = false,
    long? ExpiresAtMs = null);
