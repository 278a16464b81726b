using KalshiArb.Domain.Candles;

namespace KalshiArb.Domain.Tests.Candles;

public class CandleSeriesProperties
{
    /// <summary>Prints in time order: price in cents, count in hundredths, gap since the previous print in ms.</summary>
    private static readonly Gen<(int Cents, int Hundredths, int GapMs)[]> Tapes =
        (from cents in Gen.Choose(1, 99)
         from hundredths in Gen.Choose(1, 50_000)
         from gap in Gen.Choose(0, 150_000)
         select (cents, hundredths, gap)).ArrayOf();

    private static (CandleSeries Series, long[] AtMs) Build((int Cents, int Hundredths, int GapMs)[] tape, int capacity)
    {
        var s = new CandleSeries(TimeSpan.FromMinutes(1), capacity);
        var at = 1_700_000_000_000L;
        var times = new long[tape.Length];
        for (var i = 0; i < tape.Length; i++)
        {
            at += tape[i].GapMs;
            times[i] = at;
            Assert.Equal(TradeTapeResult.Applied, s.Add(Price.FromCents(tape[i].Cents), new Quantity(tape[i].Hundredths), at));
        }
        return (s, times);
    }

    [Property(MaxTest = 300)]
    public Property Volumes_and_prints_sum_to_the_tape_and_every_candle_is_ordered() =>
        Prop.ForAll(Tapes.ToArbitrary(), tape =>
        {
            var (s, times) = Build(tape, Math.Max(1, tape.Length));
            var candles = Enumerable.Range(0, s.Count).Select(i => s[i]).ToArray();
            var volumeOk = candles.Sum(c => c.Volume.Hundredths) == tape.Sum(t => (long)t.Hundredths);
            var printsOk = candles.Sum(c => c.Trades) == tape.Length;
            var shapeOk = candles.All(c => c.Low <= c.Open && c.Low <= c.Close && c.High >= c.Open && c.High >= c.Close);
            var timeOk = candles.Zip(candles.Skip(1)).All(p => p.First.StartMs < p.Second.StartMs) && candles.All(c => c.StartMs % 60_000 == 0);
            var lastOk = tape.Length == 0 ? s.Newest is null : s.Newest!.Value.Close == Price.FromCents(tape[^1].Cents) && s.LastTradeAtMs == times[^1];
            return volumeOk && printsOk && shapeOk && timeOk && lastOk;
        });

    [Property(MaxTest = 300)]
    public Property A_bounded_series_keeps_exactly_the_newest_candles_of_an_unbounded_one() =>
        Prop.ForAll(Tapes.ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (tape, capacity) =>
        {
            var (all, _) = Build(tape, Math.Max(1, tape.Length));
            var (bounded, _) = Build(tape, capacity);
            var expected = Enumerable.Range(0, all.Count).Select(i => all[i]).TakeLast(capacity).ToArray();
            var kept = Enumerable.Range(0, bounded.Count).Select(i => bounded[i]).ToArray();
            return bounded.Count <= capacity && expected.SequenceEqual(kept);
        });
}
