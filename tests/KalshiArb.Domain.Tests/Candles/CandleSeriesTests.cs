using KalshiArb.Domain.Candles;

namespace KalshiArb.Domain.Tests.Candles;

public class CandleSeriesTests
{
    private const long Minute = 60_000;

    [Fact]
    public void Trades_in_one_interval_make_one_candle()
    {
        var s = new CandleSeries(TimeSpan.FromMinutes(1), 5);
        Assert.Equal(TradeTapeResult.Applied, s.Add(Price.Parse("0.50"), Quantity.FromContracts(10), 5 * Minute + 1_000));
        Assert.Equal(TradeTapeResult.Applied, s.Add(Price.Parse("0.55"), Quantity.FromContracts(3), 5 * Minute + 20_000));
        Assert.Equal(TradeTapeResult.Applied, s.Add(Price.Parse("0.47"), Quantity.FromContracts(2), 5 * Minute + 40_000));
        Assert.Equal(TradeTapeResult.Applied, s.Add(Price.Parse("0.49"), Quantity.Parse("0.5"), 5 * Minute + 59_999));

        Assert.Equal(1, s.Count);
        var c = s[0];
        Assert.Equal(5 * Minute, c.StartMs);
        Assert.Equal(Price.Parse("0.50"), c.Open);
        Assert.Equal(Price.Parse("0.55"), c.High);
        Assert.Equal(Price.Parse("0.47"), c.Low);
        Assert.Equal(Price.Parse("0.49"), c.Close);
        Assert.Equal(Quantity.Parse("15.5"), c.Volume);
        Assert.Equal(4, c.Trades);
        Assert.Equal(5 * Minute + 59_999, s.LastTradeAtMs);
    }

    [Fact]
    public void Empty_intervals_make_no_candle_and_the_oldest_drops_at_capacity()
    {
        var s = new CandleSeries(TimeSpan.FromMinutes(1), 2);
        s.Add(Price.Parse("0.40"), Quantity.FromContracts(1), 0);
        s.Add(Price.Parse("0.41"), Quantity.FromContracts(1), 3 * Minute); // minutes 1 and 2 had no trade
        Assert.Equal(2, s.Count);
        Assert.Equal(3 * Minute, s[1].StartMs);
        s.Add(Price.Parse("0.42"), Quantity.FromContracts(1), 4 * Minute);
        Assert.Equal(2, s.Count);
        Assert.Equal(Price.Parse("0.41"), s[0].Close);
        Assert.Equal(Price.Parse("0.42"), s.Newest!.Value.Close);
    }

    [Fact]
    public void A_print_older_than_the_newest_candle_or_malformed_is_refused_and_changes_nothing()
    {
        var s = new CandleSeries(TimeSpan.FromMinutes(1), 3);
        s.Add(Price.Parse("0.40"), Quantity.FromContracts(1), 2 * Minute);
        Assert.Equal(TradeTapeResult.TooOld, s.Add(Price.Parse("0.90"), Quantity.FromContracts(1), 2 * Minute - 1));
        Assert.Equal(TradeTapeResult.Invalid, s.Add(new Price(10_001), Quantity.FromContracts(1), 2 * Minute + 1));
        Assert.Equal(TradeTapeResult.Invalid, s.Add(Price.Parse("0.40"), Quantity.Zero, 2 * Minute + 1));
        Assert.Equal(1, s.Count);
        Assert.Equal(Price.Parse("0.40"), s[0].High);
        Assert.Equal(Quantity.FromContracts(1), s[0].Volume);
    }

    [Fact]
    public void Mean_and_mean_absolute_deviation_skip_the_newest_candle()
    {
        var s = new CandleSeries(TimeSpan.FromMinutes(1), 5);
        string[] closes = ["0.50", "0.52", "0.50", "0.48", "0.44"];
        for (var i = 0; i < closes.Length; i++) s.Add(Price.Parse(closes[i]), Quantity.FromContracts(1), i * Minute);
        var (mean, mad) = Stretch.Of(s, 4);
        Assert.Equal(0.50, mean, 12);
        Assert.Equal(0.01, mad, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Stretch.Of(s, 5));
    }
}
