using System.Globalization;
using KalshiArb.Domain.Book;

namespace KalshiArb.Domain.Detection;

/// <summary>
/// Turns one market's book and consensus into a signal or a coded skip. Pure: same input, same decision.
/// Order: freshness → book agreement → plausibility (an edge too good to be true is bad data) →
/// edge after fees (YES and NO) → fractional-Kelly size → break-even → signal.
/// Sizing (edge after fees, Kelly, break-even) is <see cref="SignalSizer"/>, shared with the other strategies.
/// </summary>
public static class EdgeDetector
{
    public static DetectionDecision Evaluate(DetectionInput input)
    {
        var policy = input.Policy;
        var book = input.Book;
        if (!book.IsWhole) return Skip(input, SkipReason.BookNotWhole, null, $"book not whole: {book.NotWholeReason}");
        if (book.IsCrossed) return Skip(input, SkipReason.BookCrossed, null, "YES bid + NO bid >= 1");
        if (input.BookAge > policy.MaxBookAge) return Skip(input, SkipReason.BookStale, null, $"book age {input.BookAge} > {policy.MaxBookAge}");
        if (input.OddsAge > policy.MaxOddsAge) return Skip(input, SkipReason.OddsStale, null, $"odds age {input.OddsAge} > {policy.MaxOddsAge}");
        if (input.Now >= input.GameStart && !policy.AllowInPlay) return Skip(input, SkipReason.GameStarted, null, $"game started {input.GameStart:O}");
        if (input.ConsensusBooks < policy.MinBooks) return Skip(input, SkipReason.TooFewBooks, null, $"{input.ConsensusBooks} books < {policy.MinBooks}");
        if (!(input.FairYes > 0 && input.FairYes < 1)) return Skip(input, SkipReason.InvalidFairValue, null, $"fair value {input.FairYes} outside (0, 1)");
        // NaN spread counts as disagreement
        if (!(input.Dispersion <= policy.MaxBookSpread))
            return Skip(input, SkipReason.BooksDisagree, null, $"books' fair values {F(input.Dispersion)} apart > {F(policy.MaxBookSpread)}");
        if (TooGoodToBeTrue(input) is { } tooGood) return tooGood;
        if (input.Bankroll <= Money.Zero) return Skip(input, SkipReason.NoBankroll, null, $"bankroll {input.Bankroll}");

        var yes = EvaluateSide(input, OutcomeSide.Yes);
        var no = EvaluateSide(input, OutcomeSide.No);
        return Choose(input, yes, no);
    }

    /// <summary>
    /// Either side's edge at its best ask above <see cref="DetectionPolicy.MaxEdge"/> makes the whole market suspect:
    /// the same bad consensus prices both sides. Every signal's edge (after fees, at a deeper average) is at most this.
    /// </summary>
    private static SkipDecision? TooGoodToBeTrue(DetectionInput input)
    {
        var max = Dollars(input.Policy.MaxEdge);
        foreach (var side in (ReadOnlySpan<OutcomeSide>)[OutcomeSide.Yes, OutcomeSide.No])
        {
            if (input.Book.BestAsk(side) is not { } best) continue;
            var fair = side == OutcomeSide.Yes ? input.FairYes : 1 - input.FairYes;
            var edge = fair - Dollars(best.Price);
            if (edge > max)
                return Skip(input, SkipReason.EdgeTooGood, side, $"{side.ToWire().ToUpperInvariant()} fair {F(fair)} - ask {best.Price} = {F(edge)} > {F(max)}: bad data, not money");
        }
        return null;
    }

    private static DetectionDecision Choose(DetectionInput input, SideSizing yes, SideSizing no)
    {
        if (yes.Signal is { } ys && no.Signal is { } ns) return ys.ExpectedValue >= ns.ExpectedValue ? ys : ns;
        if (yes.Signal is { } y) return y;
        if (no.Signal is { } n) return n;
        // Neither trades: report the side that came closest (larger raw edge); no ask at all counts as worst.
        var pick = yes.RawEdge >= no.RawEdge ? yes : no;
        return pick.Skip!;
    }

    private static SideSizing EvaluateSide(DetectionInput input, OutcomeSide side)
    {
        var fair = side == OutcomeSide.Yes ? input.FairYes : 1 - input.FairYes;
        return SignalSizer.Size(new SizingRequest(StrategyIds.ConsensusEdge, input.Ticker, input.Book, side, fair, input.Policy,
            input.Fees, input.Bankroll, input.PerMarketCap, input.DecisionBucket, BooksBasis(input.ConsensusBooks),
            (edge, liquidity) => SignalConfidence.Score(edge, input.ConsensusBooks, input.Dispersion, liquidity, input.GameStart - input.Now)));
    }

    // "N books" for a signal's reason, made once per count rather than twice per evaluation
    private static readonly string[] s_booksBasis = [.. Enumerable.Range(0, 33).Select(n => $"{n} books")];

    private static string BooksBasis(int books) => books >= 0 && books < s_booksBasis.Length ? s_booksBasis[books] : $"{books} books";

    private static double Dollars(Price p) => SignalSizer.Dollars(p);
    private static double Dollars(Money m) => SignalSizer.Dollars(m);
    private static string F(double x) => SignalSizer.F(x);

    private static SkipDecision Skip(DetectionInput input, SkipReason reason, OutcomeSide? side, string detail) =>
        new(input.Ticker, reason, side, detail);
}
