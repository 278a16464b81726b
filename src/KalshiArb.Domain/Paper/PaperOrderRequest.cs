using KalshiArb.Domain.Matching;

namespace KalshiArb.Domain.Paper;

/// <summary>A paper buy of <paramref name="Count"/> contracts of <paramref name="Side"/> at up to <paramref name="Limit"/> (that side's own price).</summary>
public sealed record PaperOrderRequest(
    OutcomeSide Side,
    Price Limit,
    Quantity Count,
    TimeInForce TimeInForce = TimeInForce.GoodTillCanceled,
    bool PostOnly = false,
    string? ClientOrderId = null);
