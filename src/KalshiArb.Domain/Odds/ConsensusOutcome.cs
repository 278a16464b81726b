namespace KalshiArb.Domain.Odds;

/// <summary>Either a consensus or the reason there is none (with the books that were dropped).</summary>
public sealed record ConsensusOutcome(TeamConsensus? Consensus, ConsensusRejection Rejection, IReadOnlyList<DroppedBook> Dropped)
{
    public bool IsOk => Consensus is not null;
}
