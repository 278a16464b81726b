namespace KalshiArb.Domain.Risk;

/// <summary>Result of applying a fill, a terminal order state or a settlement.</summary>
public sealed record RiskUpdate(RiskBook Book, RiskUpdateError Error, Money Released, Money Realized)
{
    public bool IsApplied => Error == RiskUpdateError.None;
}
