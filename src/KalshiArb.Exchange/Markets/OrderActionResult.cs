namespace KalshiArb.Exchange.Markets;

/// <summary>What a create/cancel/decrease/amend did: the order afterwards, or the refusal.</summary>
public sealed record OrderActionResult(EngineOrder? Order, ExchangeRejection? Rejection, Quantity ReducedBy, Money FillCost, long TimestampMs)
{
    public bool IsAccepted => Rejection is null;

    public static OrderActionResult Reject(ExchangeRejectCode code, string message, long ts) =>
        new(null, new ExchangeRejection(code, message), Quantity.Zero, Money.Zero, ts);
}
