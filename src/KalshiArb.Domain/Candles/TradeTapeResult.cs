namespace KalshiArb.Domain.Candles;

/// <summary>What <see cref="CandleSeries.Add"/> did with one trade print.</summary>
public enum TradeTapeResult
{
    Applied,

    /// <summary>The print is older than the newest candle's interval: it cannot change a closed candle's open/close order.</summary>
    TooOld,

    /// <summary>Price outside [0, 1] or a count that is not positive.</summary>
    Invalid,
}
