using KalshiArb.Domain.Book;
using KalshiArb.Domain.Candles;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Detection;

/// <summary>Everything any strategy may read about one market at one moment. Time comes in as values.</summary>
public sealed record StrategyInput
{
    public required string Ticker { get; init; }

    /// <summary>The market's live book; read, never changed.</summary>
    public required OrderBook Book { get; init; }

    public required TimeSpan BookAge { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// <summary>Bankroll share available to this market right now.</summary>
    public required Money Bankroll { get; init; }

    /// <summary>Contracts this market may still add.</summary>
    public required Quantity PerMarketCap { get; init; }

    public required FeeSchedule Fees { get; init; }

    /// <summary>Decision time bucket: the same opportunity of one strategy in one bucket gets the same signal id.</summary>
    public required long DecisionBucket { get; init; }

    /// <summary>Null when the market has none (never matched, or withdrawn).</summary>
    public MarketConsensus? Consensus { get; init; }

    /// <summary>The trade tape's candles; null when no strategy that needs them is enabled.</summary>
    public CandleSeries? Candles { get; init; }
}
