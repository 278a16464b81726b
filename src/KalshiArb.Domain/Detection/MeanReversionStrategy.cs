using System.Globalization;
using KalshiArb.Domain.Candles;

namespace KalshiArb.Domain.Detection;

/// <summary>
/// Mean reversion on the market's own trade tape: when the last trade is at least
/// max(k × mean absolute deviation, a floor) away from the mean close of the previous N candles, expect part of the
/// stretch back — below the mean buy YES, above it buy NO — with the fair value
/// last + share × (mean − last). Order: book whole, not crossed, fresh → tape long enough and fresh → stretch →
/// edge after fees, size and break-even through <see cref="SignalSizer"/> (the consensus strategy's rules).
/// </summary>
public sealed class MeanReversionStrategy(MeanReversionPolicy policy) : IDetectionStrategy
{
    public MeanReversionPolicy Policy { get; } = policy;

    public string StrategyId => StrategyIds.MeanReversion;

    public StrategyNeeds Needs => StrategyNeeds.Candles;

    public DetectionDecision Evaluate(StrategyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sizing = Policy.Sizing;
        var book = input.Book;
        if (!book.IsWhole) return Skip(input, SkipReason.BookNotWhole, null, $"book not whole: {book.NotWholeReason}");
        if (book.IsCrossed) return Skip(input, SkipReason.BookCrossed, null, "YES bid + NO bid >= 1");
        if (input.BookAge > sizing.MaxBookAge) return Skip(input, SkipReason.BookStale, null, $"book age {input.BookAge} > {sizing.MaxBookAge}");
        var candles = input.Candles;
        if (candles is null || candles.Count < Policy.CandlesKept)
            return Skip(input, SkipReason.TooFewCandles, null, $"{candles?.Count ?? 0} candles < {Policy.CandlesKept}");
        var tapeAge = TimeSpan.FromMilliseconds(Math.Max(0, input.Now.ToUnixTimeMilliseconds() - candles.LastTradeAtMs!.Value));
        if (tapeAge > Policy.MaxTapeAge) return Skip(input, SkipReason.TapeStale, null, $"last trade {tapeAge} old > {Policy.MaxTapeAge}");
        if (input.Bankroll <= Money.Zero) return Skip(input, SkipReason.NoBankroll, null, $"bankroll {input.Bankroll}");

        var (mean, mad) = Stretch.Of(candles, Policy.Lookback);
        var last = SignalSizer.Dollars(candles.Newest!.Value.Close);
        var deviation = last - mean;
        var needed = Math.Max(Policy.DeviationMultiple * mad, SignalSizer.Dollars(Policy.MinDeviation));
        if (!(Math.Abs(deviation) >= needed))
            return Skip(input, SkipReason.NotStretched, null,
                $"last {F(last)} - mean {F(mean)} = {F(deviation)}, needs {F(needed)} (MAD {F(mad)} x {F(Policy.DeviationMultiple)})");

        var fairYes = last - Policy.ReversionShare * deviation;
        var side = deviation < 0 ? OutcomeSide.Yes : OutcomeSide.No;
        var fair = side == OutcomeSide.Yes ? fairYes : 1 - fairYes;
        var stretchScore = Math.Clamp(Math.Abs(deviation) / (2 * needed), 0, 1);
        var sized = SignalSizer.Size(new SizingRequest(StrategyId, input.Ticker, book, side, fair, sizing, input.Fees, input.Bankroll,
            input.PerMarketCap, input.DecisionBucket,
            $"last {F(last)} vs mean {F(mean)} of {Policy.Lookback} candles (MAD {F(mad)})",
            (edge, liquidity) => Confidence(edge, liquidity, stretchScore)));
        return (DetectionDecision?)sized.Signal ?? sized.Skip!;
    }

    /// <summary>Half from the edge, a third from how far past the threshold the stretch is, the rest from the liquidity.</summary>
    private static double Confidence(double edge, double liquidity, double stretch)
    {
        static double Clamp01(double x) => double.IsNaN(x) ? 0 : Math.Clamp(x, 0, 1);
        return Clamp01(0.5 * Clamp01(edge / SignalConfidence.FullEdge) + 0.3 * stretch
                       + 0.2 * Clamp01(liquidity / SignalConfidence.FullLiquidityContracts));
    }

    private static string F(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);

    private static SkipDecision Skip(StrategyInput input, SkipReason reason, OutcomeSide? side, string detail) =>
        new(input.Ticker, reason, side, detail);
}
