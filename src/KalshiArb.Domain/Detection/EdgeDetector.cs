using System.Globalization;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Detection;

/// <summary>
/// Turns one market's book and consensus into a signal or a coded skip. Pure: same input, same decision.
/// Order: freshness → book agreement → plausibility (an edge too good to be true is bad data) →
/// edge after fees (YES and NO) → fractional-Kelly size → break-even → signal.
/// </summary>
/// <remarks>
/// Size and fee interact (the fee per contract depends on the count through cent rounding, and the
/// average price on how deep we walk). We take the fee at the candidate size: start from the most the
/// book, cap and bankroll allow, quote it exactly, compute Kelly from that quote's all-in cost, and
/// shrink the size to the Kelly size until the quote at the size supports the size. Sizes are whole
/// contracts. Shrinking only ever lowers the average price, so this settles in one or two steps.
/// </remarks>
public static class EdgeDetector
{
    private const int MaxSizingSteps = 32;
    private const double RawPerDollar = 1e18; // FeeSchedule.Raw is in 1e-18 dollars

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

    private static DetectionDecision Choose(DetectionInput input, SideOutcome yes, SideOutcome no)
    {
        if (yes.Signal is { } ys && no.Signal is { } ns) return ys.ExpectedValue >= ns.ExpectedValue ? ys : ns;
        if (yes.Signal is { } y) return y;
        if (no.Signal is { } n) return n;
        // Neither trades: report the side that came closest (larger raw edge); no ask at all counts as worst.
        var pick = yes.RawEdge >= no.RawEdge ? yes : no;
        return pick.Skip!;
    }

    private static SideOutcome EvaluateSide(DetectionInput input, OutcomeSide side)
    {
        var policy = input.Policy;
        var book = input.Book;
        var fees = input.Fees;
        var fair = side == OutcomeSide.Yes ? input.FairYes : 1 - input.FairYes;

        if (book.BestAsk(side) is not { } best)
            return SideOutcome.Skipped(double.NegativeInfinity, Skip(input, SkipReason.NoLiquidity, side, "no ask"));
        var rawEdge = fair - Dollars(best.Price);
        if (rawEdge < policy.MinEdge)
            return SideOutcome.Skipped(rawEdge, Skip(input, SkipReason.EdgeBelowThreshold, side,
                $"fair {F(fair)} - ask {best.Price} = {F(rawEdge)} < {F(policy.MinEdge)}"));

        // Limit: the deepest ask level whose marginal all-in cost (price + exact fee per contract) still
        // clears the threshold. That cost rises with price, so stop at the first level that fails.
        Price? limit = null;
        foreach (var level in book.AskDepth(side))
        {
            if (fair - MarginalAllIn(fees, level.Price) < policy.MinEdge) break;
            limit = level.Price;
        }
        if (limit is not { } lim)
            return SideOutcome.Skipped(rawEdge, Skip(input, SkipReason.FeesEatEdge, side,
                $"fair {F(fair)} - all-in {F(MarginalAllIn(fees, best.Price))} at {best.Price} < {F(policy.MinEdge)}"));

        var liquidity = book.LiquidityToBuy(side, lim);
        var bound = Quantity.Min(liquidity, input.PerMarketCap);
        var size = WholeContracts(bound);
        var minSize = WholeContracts(policy.MinSize);
        if (size < minSize || size == 0)
        {
            var reason = WholeContracts(liquidity) < Math.Max(1, minSize) ? SkipReason.NoLiquidity : SkipReason.SizeBelowMinimum;
            return SideOutcome.Skipped(rawEdge, Skip(input, reason, side,
                $"liquidity {liquidity} / cap {input.PerMarketCap} at or below {lim} under minimum {policy.MinSize}"));
        }

        var bankroll = Dollars(input.Bankroll);
        for (var step = 0; step < MaxSizingSteps; step++)
        {
            var quote = book.QuoteBuy(side, Quantity.FromContracts(size), lim, fees);
            var cost = quote.AllInCostPerContract;
            var edge = fair - cost;
            if (edge < policy.MinEdge)
            {
                var r = fair - Dollars(quote.AveragePrice) >= policy.MinEdge ? SkipReason.FeesEatEdge : SkipReason.EdgeBelowThreshold;
                return SideOutcome.Skipped(rawEdge, Skip(input, r, side,
                    $"at {size} contracts: fair {F(fair)} - all-in {F(cost)} = {F(edge)} < {F(policy.MinEdge)}"));
            }
            var kelly = edge / (1 - cost);
            var kellySize = (long)Math.Floor(policy.KellyFraction * kelly * bankroll / cost);
            var affordable = (long)Math.Floor(bankroll / cost);
            var next = Math.Min(size, Math.Min(kellySize, affordable));
            if (next < Math.Max(1, minSize))
                return SideOutcome.Skipped(rawEdge, Skip(input, SkipReason.SizeBelowMinimum, side,
                    $"Kelly {F(kelly)} x {F(policy.KellyFraction)} of {input.Bankroll} at all-in {F(cost)} gives {next} contracts"));
            if (next == size)
                return Finish(input, side, fair, quote, kelly, liquidity);
            size = next;
        }
        return SideOutcome.Skipped(rawEdge, Skip(input, SkipReason.SizingDidNotConverge, side, $"size still moving after {MaxSizingSteps} steps"));
    }

    private static SideOutcome Finish(DetectionInput input, OutcomeSide side, double fair, TakeQuote quote, double kelly, Quantity liquidity)
    {
        var rawEdge = fair - Dollars(quote.AveragePrice);
        if (BreakEvenExit.LowestExitPrice(quote.Filled, quote.TotalCost, input.Fees) is not { } exit)
            return SideOutcome.Skipped(rawEdge, Skip(input, SkipReason.BreakEvenImpossible, side,
                $"{quote.Filled} for {quote.TotalCost}: no exit <= 0.99 covers cost plus exit fee"));

        var cost = quote.AllInCostPerContract;
        var edge = fair - cost;
        // cannot pass the check at the best ask (cost only adds to it); kept so no signal ever carries such an edge
        if (edge > Dollars(input.Policy.MaxEdge))
            return SideOutcome.Skipped(rawEdge, Skip(input, SkipReason.EdgeTooGood, side, $"edge {F(edge)} > {F(Dollars(input.Policy.MaxEdge))}"));
        var contracts = (double)quote.Filled.Hundredths / Quantity.UnitsPerContract;
        var ev = edge * contracts;
        var limit = quote.WorstPrice; // never sweep deeper than the size needs
        var confidence = SignalConfidence.Score(edge, input.ConsensusBooks, input.Dispersion,
            (double)liquidity.Hundredths / Quantity.UnitsPerContract, input.GameStart - input.Now);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"buy {side.ToWire().ToUpperInvariant()} {quote.Filled} <= {limit}: fair {F(fair)} vs all-in {F(cost)} " +
            $"(avg {quote.AveragePrice} + fee {quote.TakerFee}), edge {F(edge)}/contract, EV {ev:F4}, " +
            $"Kelly {F(kelly)} x {F(input.Policy.KellyFraction)}, {input.ConsensusBooks} books, break-even {exit}");
        var signal = new SignalDecision(
            input.Ticker,
            SignalId.Create(input.Ticker, side, limit, input.DecisionBucket),
            side, limit, quote.Filled, quote.AveragePrice, quote.TakerFee, quote.TotalCost,
            fair, cost, edge, ev, kelly, confidence, exit, reason);
        return new SideOutcome(rawEdge, signal, null);
    }

    /// <summary>Price plus the exact (unrounded) taker fee of one contract at that price, in dollars.</summary>
    private static double MarginalAllIn(FeeSchedule fees, Price price) =>
        Dollars(price) + (double)fees.Raw(FeeRole.Taker, Quantity.FromContracts(1), price) / RawPerDollar;

    private static long WholeContracts(Quantity q) => Math.Max(0, q.Hundredths) / Quantity.UnitsPerContract;

    private static double Dollars(Price p) => (double)p.Ticks / Price.TicksPerDollar;
    private static double Dollars(Money m) => (double)m.Units / Money.UnitsPerDollar;
    private static string F(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);

    private static SkipDecision Skip(DetectionInput input, SkipReason reason, OutcomeSide? side, string detail) =>
        new(input.Ticker, reason, side, detail);

    private readonly record struct SideOutcome(double RawEdge, SignalDecision? Signal, SkipDecision? Skip)
    {
        public static SideOutcome Skipped(double rawEdge, SkipDecision skip) => new(rawEdge, null, skip);
    }
}
