namespace KalshiArb.Domain.Matching;

/// <summary>
/// One trade between a resting (maker) order and an incoming (taker) order, at the maker's price.
/// <see cref="TakerSide"/> is the outcome the taker bought (Kalshi trade "taker_side"); the maker bought the other.
/// </summary>
public sealed record Fill(
    string TradeId,
    string MakerOrderId,
    string TakerOrderId,
    string MakerAccountId,
    string TakerAccountId,
    string? MakerClientOrderId,
    string? TakerClientOrderId,
    Price YesPrice,
    Quantity Count,
    Money MakerFee,
    Money TakerFee,
    OutcomeSide TakerSide,
    long TimestampMs)
{
    public Price NoPrice => YesPrice.Complement;
    public OutcomeSide MakerSide => TakerSide.Opposite();

    /// <summary>The price the given side paid per contract (YES price for YES, NO price for NO).</summary>
    public Price PriceFor(OutcomeSide side) => side == OutcomeSide.Yes ? YesPrice : NoPrice;
}
