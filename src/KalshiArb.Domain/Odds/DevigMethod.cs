namespace KalshiArb.Domain.Odds;

/// <summary>
/// How a book's overround is removed. Shin is the default: it is the most accurate in the
/// literature (Štrumbelj 2014); multiplicative is the least (it ignores favourite–longshot bias).
/// </summary>
public enum DevigMethod
{
    Shin = 0,
    Multiplicative,
    Additive,
    Power,
    OddsRatio,
}
