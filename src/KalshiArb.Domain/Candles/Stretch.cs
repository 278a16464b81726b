namespace KalshiArb.Domain.Candles;

/// <summary>Mean and mean absolute deviation of candle closes, in dollars (probability).</summary>
public static class Stretch
{
    /// <summary>Over the <paramref name="lookback"/> candles before the newest one (the newest holds the last trade).</summary>
    public static (double Mean, double MeanAbsoluteDeviation) Of(CandleSeries candles, int lookback)
    {
        ArgumentNullException.ThrowIfNull(candles);
        if (lookback < 1 || candles.Count < lookback + 1)
            throw new ArgumentOutOfRangeException(nameof(lookback), $"{candles.Count} candles cannot give {lookback} before the newest");
        var first = candles.Count - 1 - lookback;
        long sum = 0;
        for (var i = first; i < candles.Count - 1; i++) sum += candles[i].Close.Ticks;
        var mean = (double)sum / lookback;
        double abs = 0;
        for (var i = first; i < candles.Count - 1; i++) abs += Math.Abs(candles[i].Close.Ticks - mean);
        return (mean / Price.TicksPerDollar, abs / lookback / Price.TicksPerDollar);
    }
}
