namespace KalshiArb.Domain.Fees;

/// <summary>Whether an order (or fill) took liquidity or rested on the book.</summary>
public enum FeeRole
{
    Taker,
    Maker,
}
