using System.Globalization;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Detection;

/// <summary>
/// Edge after fees, fractional-Kelly size and break-even for buying one side at a fair value — shared by every
/// strategy, so each sizes and limits the same way (the strategies differ only in where the fair value comes from).
/// </summary>
/// <remarks>
/// Size and fee interact (the fee per contract depends on the count through cent rounding, and the
/// average price on how deep we walk). We take the fee at the candidate size: start from the most the
/// book, cap and bankroll allow, quote it exactly, compute Kelly from that quote's all-in cost, and
/// shrink the size to the Kelly size until the quote at the size supports the size. Sizes are whole
/// contracts. Shrinking only ever lowers the average price, so this settles in one or two steps.
/// </remarks>
public static class SignalSizer
{
    private const int MaxSizingSteps = 32;
    private const double RawPerDollar = 1e18; // FeeSchedule.Raw is in 1e-18 dollars

    public static SideSizing Size(in SizingRequest r)
    {
        var policy = r.Policy;
        var book = r.Book;
        var fees = r.Fees;
        var side = r.Side;
        var fair = r.Fair;

        if (book.BestAsk(side) is not { } best)
            return SideSizing.Skipped(double.NegativeInfinity, Skip(r, SkipReason.NoLiquidity, "no ask"));
        var rawEdge = fair - Dollars(best.Price);
        if (rawEdge < policy.MinEdge)
        {
            var ask = best.Price;
            return SideSizing.Skipped(rawEdge, Skip(r, SkipReason.EdgeBelowThreshold,
                () => $"fair {F(fair)} - ask {ask} = {F(rawEdge)} < {F(policy.MinEdge)}"));
        }

        // Limit: the deepest ask level whose marginal all-in cost (price + exact fee per contract) still
        // clears the threshold. That cost rises with price, so stop at the first level that fails.
        Price? limit = null;
        foreach (var level in book.AskDepth(side))
        {
            if (fair - MarginalAllIn(fees, level.Price) < policy.MinEdge) break;
            limit = level.Price;
        }
        if (limit is not { } lim)
        {
            var ask = best.Price;
            return SideSizing.Skipped(rawEdge, Skip(r, SkipReason.FeesEatEdge,
                () => $"fair {F(fair)} - all-in {F(MarginalAllIn(fees, ask))} at {ask} < {F(policy.MinEdge)}"));
        }

        var liquidity = book.LiquidityToBuy(side, lim);
        var bound = Quantity.Min(liquidity, r.PerMarketCap);
        var size = WholeContracts(bound);
        var minSize = WholeContracts(policy.MinSize);
        if (size < minSize || size == 0)
        {
            var reason = WholeContracts(liquidity) < Math.Max(1, minSize) ? SkipReason.NoLiquidity : SkipReason.SizeBelowMinimum;
            var cap = r.PerMarketCap;
            return SideSizing.Skipped(rawEdge, Skip(r, reason,
                () => $"liquidity {liquidity} / cap {cap} at or below {lim} under minimum {policy.MinSize}"));
        }

        var bankroll = Dollars(r.Bankroll);
        for (var step = 0; step < MaxSizingSteps; step++)
        {
            var quote = book.QuoteBuy(side, Quantity.FromContracts(size), lim, fees);
            var cost = quote.AllInCostPerContract;
            var edge = fair - cost;
            if (edge < policy.MinEdge)
            {
                var why = fair - Dollars(quote.AveragePrice) >= policy.MinEdge ? SkipReason.FeesEatEdge : SkipReason.EdgeBelowThreshold;
                var at = size;
                return SideSizing.Skipped(rawEdge, Skip(r, why,
                    () => $"at {at} contracts: fair {F(fair)} - all-in {F(cost)} = {F(edge)} < {F(policy.MinEdge)}"));
            }
            var kelly = edge / (1 - cost);
            var kellySize = (long)Math.Floor(policy.KellyFraction * kelly * bankroll / cost);
            var affordable = (long)Math.Floor(bankroll / cost);
            var next = Math.Min(size, Math.Min(kellySize, affordable));
            if (next < Math.Max(1, minSize))
            {
                var bankrollMoney = r.Bankroll;
                return SideSizing.Skipped(rawEdge, Skip(r, SkipReason.SizeBelowMinimum,
                    () => $"Kelly {F(kelly)} x {F(policy.KellyFraction)} of {bankrollMoney} at all-in {F(cost)} gives {next} contracts"));
            }
            if (next == size)
                return Finish(r, quote, kelly, liquidity);
            size = next;
        }
        return SideSizing.Skipped(rawEdge, Skip(r, SkipReason.SizingDidNotConverge, $"size still moving after {MaxSizingSteps} steps"));
    }

    private static SideSizing Finish(in SizingRequest r, TakeQuote quote, double kelly, Quantity liquidity)
    {
        var side = r.Side;
        var fair = r.Fair;
        var rawEdge = fair - Dollars(quote.AveragePrice);
        if (BreakEvenExit.LowestExitPrice(quote.Filled, quote.TotalCost, r.Fees) is not { } exit)
            return SideSizing.Skipped(rawEdge, Skip(r, SkipReason.BreakEvenImpossible,
                () => $"{quote.Filled} for {quote.TotalCost}: no exit <= 0.99 covers cost plus exit fee"));

        var cost = quote.AllInCostPerContract;
        var edge = fair - cost;
        var maxEdge = Dollars(r.Policy.MaxEdge);
        // a strategy checks the edge at the best ask first; kept so no signal ever carries such an edge
        if (edge > maxEdge)
            return SideSizing.Skipped(rawEdge, Skip(r, SkipReason.EdgeTooGood, () => $"edge {F(edge)} > {F(maxEdge)}"));
        var contracts = (double)quote.Filled.Hundredths / Quantity.UnitsPerContract;
        var ev = edge * contracts;
        var limit = quote.WorstPrice; // never sweep deeper than the size needs
        var confidence = r.Confidence(edge, (double)liquidity.Hundredths / Quantity.UnitsPerContract);
        var kellyFraction = r.Policy.KellyFraction;
        var basis = r.Basis;
        var signal = new SignalDecision(
            r.Ticker,
            SignalId.Create(r.StrategyId, r.Ticker, side, limit, r.DecisionBucket),
            side, limit, quote.Filled, quote.AveragePrice, quote.TakerFee, quote.TotalCost,
            fair, cost, edge, ev, kelly, confidence, exit,
            () => string.Create(CultureInfo.InvariantCulture,
                $"buy {side.ToWire().ToUpperInvariant()} {quote.Filled} <= {limit}: fair {F(fair)} vs all-in {F(cost)} " +
                $"(avg {quote.AveragePrice} + fee {quote.TakerFee}), edge {F(edge)}/contract, EV {ev:F4}, " +
                $"Kelly {F(kelly)} x {F(kellyFraction)}, {basis}, break-even {exit}"),
            r.StrategyId);
        return new SideSizing(rawEdge, signal, null);
    }

    /// <summary>Price plus the exact (unrounded) taker fee of one contract at that price, in dollars.</summary>
    private static double MarginalAllIn(FeeSchedule fees, Price price) =>
        Dollars(price) + (double)fees.Raw(FeeRole.Taker, Quantity.FromContracts(1), price) / RawPerDollar;

    private static long WholeContracts(Quantity q) => Math.Max(0, q.Hundredths) / Quantity.UnitsPerContract;

    internal static double Dollars(Price p) => (double)p.Ticks / Price.TicksPerDollar;
    internal static double Dollars(Money m) => (double)m.Units / Money.UnitsPerDollar;
    internal static string F(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);

    private static SkipDecision Skip(in SizingRequest r, SkipReason reason, string detail) => new(r.Ticker, reason, r.Side, detail);

    /// <summary>A skip whose detail is formatted only if read (see <see cref="SkipDecision"/>).</summary>
    private static SkipDecision Skip(in SizingRequest r, SkipReason reason, Func<string> describe) => new(r.Ticker, reason, r.Side, describe);
}
