namespace KalshiArb.Domain.Candles;

/// <summary>
/// The trades of one market in one interval [<see cref="StartMs"/>, + interval): YES prices open/high/low/close, the
/// contracts traded and how many prints. Built only from trades, so Low ≤ Open, Close ≤ High always.
/// </summary>
public readonly record struct Candle(long StartMs, Price Open, Price High, Price Low, Price Close, Quantity Volume, int Trades)
{
    public static Candle Start(long startMs, Price price, Quantity count) => new(startMs, price, price, price, price, count, 1);

    public Candle With(Price price, Quantity count) =>
        this with { High = Price.Max(High, price), Low = Price.Min(Low, price), Close = price, Volume = Volume + count, Trades = Trades + 1 };
}
