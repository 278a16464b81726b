using KalshiArb.Domain.Candles;

namespace KalshiArb.Domain.Tests.Detection;

/// <summary>
/// A lookback of 4 one-minute candles closing 0.50, 0.52, 0.50, 0.48 (mean 0.50, mean absolute deviation 0.01), then the
/// newest candle holding the last trade; k = 2.5, floor 0.03 (so 0.03 is needed), half the stretch expected back.
/// </summary>
internal static class MeanReversionCases
{
    public const long T0 = 1_790_000_000_000; // a minute boundary (divisible by 60,000)
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(T0 + 4 * 60_000 + 20_000);

    public static readonly MeanReversionPolicy Policy = new()
    {
        CandleInterval = TimeSpan.FromMinutes(1),
        Lookback = 4,
        DeviationMultiple = 2.5,
        MinDeviation = Price.FromCents(3),
        ReversionShare = 0.5,
        MaxTapeAge = TimeSpan.FromMinutes(5),
    };

    public static CandleSeries Tape(string last, params string[] closes)
    {
        closes = closes.Length == 0 ? ["0.50", "0.52", "0.50", "0.48"] : closes;
        var s = new CandleSeries(Policy.CandleInterval, Policy.CandlesKept);
        for (var i = 0; i < closes.Length; i++) s.Add(Price.Parse(closes[i]), Quantity.FromContracts(5), T0 + i * 60_000 + 10_000);
        s.Add(Price.Parse(last), Quantity.FromContracts(5), T0 + closes.Length * 60_000 + 10_000);
        return s;
    }

    public static StrategyInput Input(OrderBook book, CandleSeries candles) => new()
    {
        Ticker = DetectionCases.Ticker,
        Book = book,
        BookAge = TimeSpan.FromSeconds(1),
        Now = Now,
        Bankroll = Money.FromDollars(10_000),
        PerMarketCap = Quantity.FromContracts(1_000),
        Fees = FeeSchedule.SportsGame,
        DecisionBucket = 42,
        Candles = candles,
    };
}
