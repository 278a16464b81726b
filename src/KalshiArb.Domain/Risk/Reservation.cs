namespace KalshiArb.Domain.Risk;

/// <summary>
/// Room held for one approved order until it is terminal. <see cref="Amount"/> = cost at the limit price +
/// worst-case fee + rounding margin. A reducing order (shrinks the position) holds balance but no exposure.
/// </summary>
public sealed record Reservation(
    string ExecutionId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Count,
    Money Amount,
    bool IsReducing,
    DateTimeOffset ApprovedAt)
{
    public Quantity FilledCount { get; init; } = Quantity.Zero;
    public Money Released { get; init; } = Money.Zero;
    public Money Unreleased => Amount - Released;
    public Quantity RemainingCount => Count - FilledCount;
}
