namespace KalshiArb.Exchange.Markets;

/// <summary>Best YES bid and best NO bid (YES ask = 1 − best NO bid) with their sizes.</summary>
public readonly record struct BookTop(Price? YesBid, Quantity YesBidSize, Price? NoBid, Quantity NoBidSize)
{
    public Price? YesAsk => NoBid?.Complement;
}
