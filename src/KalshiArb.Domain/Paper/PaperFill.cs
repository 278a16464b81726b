namespace KalshiArb.Domain.Paper;

/// <summary>One paper execution; <paramref name="Price"/> is in <paramref name="Side"/>'s own price, <paramref name="Fee"/> rounded up to $0.0001.</summary>
public sealed record PaperFill(
    string TradeId,
    string OrderId,
    string? ClientOrderId,
    OutcomeSide Side,
    Price Price,
    Quantity Count,
    Money Fee,
    bool IsTaker,
    long TimestampMs)
{
    /// <summary>Cash this fill costs the buyer: notional plus fee.</summary>
    public Money Cost => Money.Notional(Price, Count) + Fee;
}
