using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Detection;

/// <summary>Everything one evaluation of one market needs. Time comes in as values: the domain has no clock.</summary>
public sealed record DetectionInput
{
    public required string Ticker { get; init; }

    /// <summary>The market's live book; read (never changed) during the evaluation. Wholeness comes from it.</summary>
    public required OrderBook Book { get; init; }

    /// <summary>Consensus fair probability that YES wins (NO is 1 − this).</summary>
    public required double FairYes { get; init; }

    /// <summary>Number of fresh sportsbooks in the consensus.</summary>
    public required int ConsensusBooks { get; init; }

    /// <summary>Spread of the books' fair values (e.g. standard deviation, in probability).</summary>
    public required double Dispersion { get; init; }

    public required TimeSpan OddsAge { get; init; }
    public required TimeSpan BookAge { get; init; }
    public required DateTimeOffset GameStart { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// <summary>Bankroll share available to this market right now.</summary>
    public required Money Bankroll { get; init; }

    /// <summary>Contracts this market may still add (cap minus what is already held or reserved).</summary>
    public required Quantity PerMarketCap { get; init; }

    public required FeeSchedule Fees { get; init; }

    /// <summary>Decision sequence or time bucket: the same opportunity in the same bucket gets the same signal id.</summary>
    public required long DecisionBucket { get; init; }

    public DetectionPolicy Policy { get; init; } = DetectionPolicy.Default;
}
