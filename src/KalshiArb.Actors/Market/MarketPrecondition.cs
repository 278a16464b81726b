namespace KalshiArb.Actors.Market;

/// <summary>
/// Why the actor did not even ask the detector: state it must hold before an evaluation makes sense.
/// Counted per reason beside the detector's own <see cref="Domain.Detection.SkipReason"/>s.
/// </summary>
public enum MarketPrecondition
{
    /// <summary>Discovery has not sent the market's metadata (fees, price grid) yet.</summary>
    NoMetadata,

    /// <summary>Market status is not open (paused, closed, settled, unknown).</summary>
    MarketNotOpen,

    /// <summary>No consensus: never matched to a sportsbook event, or withdrawn (too few fresh books, unmatched).</summary>
    NoConsensus,
}
