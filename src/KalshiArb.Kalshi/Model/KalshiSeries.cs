using KalshiArb.Domain.Fees;

namespace KalshiArb.Kalshi.Model;

/// <summary>A series with its fee rule (from fee_type + fee_multiplier; an unknown fee_type is refused, never guessed).</summary>
public sealed record KalshiSeries(string Ticker, string? Title, string? Category, IReadOnlyList<string> Tags, FeeSchedule Fees)
{
    public bool ChargesMakerFees => Fees.ChargesMakers;
}
