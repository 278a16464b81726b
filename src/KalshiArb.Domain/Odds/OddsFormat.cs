namespace KalshiArb.Domain.Odds;

/// <summary>How a sportsbook price is written: American (−110, +240) or decimal (1.91).</summary>
public enum OddsFormat
{
    American,
    Decimal,
}
