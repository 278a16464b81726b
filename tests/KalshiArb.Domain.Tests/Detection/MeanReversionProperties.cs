using KalshiArb.Domain.Candles;

namespace KalshiArb.Domain.Tests.Detection;

public class MeanReversionProperties
{
    private static readonly MeanReversionStrategy Strategy = new(MeanReversionCases.Policy);

    private static readonly Gen<string[]> Closes = Gen.Choose(30, 70).Select(c => $"0.{c:00}").ArrayOf(4);

    private static readonly Gen<(int YesBid, int YesAsk, int Size)> Quotes =
        from bid in Gen.Choose(1, 97)
        from ask in Gen.Choose(bid + 1, 99)
        from size in Gen.Choose(1, 500)
        select (bid, ask, size);

    private static StrategyInput Input(string[] closes, int lastCents, (int YesBid, int YesAsk, int Size) q)
    {
        var book = DetectionCases.MarketBook($"0.{q.YesAsk:00}", q.Size.ToString(), $"0.{q.YesBid:00}", q.Size.ToString());
        return MeanReversionCases.Input(book, MeanReversionCases.Tape($"0.{lastCents:00}", closes));
    }

    [Property(MaxTest = 300)]
    public Property No_signal_when_the_book_is_not_whole_or_stale() =>
        Prop.ForAll(Closes.ToArbitrary(), Gen.Choose(1, 99).ToArbitrary(), Quotes.Zip(Gen.Choose(31, 100_000)).ToArbitrary(),
            (closes, last, quoteAndAge) =>
            {
                var (quote, staleSeconds) = quoteAndAge;
                var input = Input(closes, last, quote);
                var broken = Input(closes, last, quote);
                broken.Book.Invalidate();
                var stale = input with { BookAge = TimeSpan.FromSeconds(staleSeconds) };
                return Strategy.Evaluate(broken) is SkipDecision { Reason: SkipReason.BookNotWhole }
                       && Strategy.Evaluate(stale) is SkipDecision { Reason: SkipReason.BookStale };
            });

    [Property(MaxTest = 500)]
    public Property Every_signal_leans_against_the_stretch_within_its_bounds() =>
        Prop.ForAll(Closes.ToArbitrary(), Gen.Choose(1, 99).ToArbitrary(), Quotes.ToArbitrary(), (closes, last, quote) =>
        {
            var input = Input(closes, last, quote);
            if (Strategy.Evaluate(input) is not SignalDecision s) return true;
            var (mean, _) = Stretch.Of(input.Candles!, 4);
            var expectedSide = last / 100.0 < mean ? OutcomeSide.Yes : OutcomeSide.No;
            return s.Side == expectedSide
                   && s.StrategyId == StrategyIds.MeanReversion
                   && s.Size.IsPositive && s.Size <= Quantity.FromContracts(quote.Size)
                   && s.EdgePerContract >= MeanReversionCases.Policy.Sizing.MinEdge
                   && s.EdgePerContract <= 0.10;
        });
}
