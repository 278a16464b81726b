namespace KalshiArb.Domain.Matching;

/// <summary>
/// Outcome of one engine operation (submit, cancel, decrease, amend, cancel-all).
/// A rejected operation has <see cref="Reject"/> set and changed nothing (empty lists).
/// </summary>
public sealed class MatchResult
{
    private static readonly Fill[] NoFills = [];
    private static readonly EngineOrder[] NoOrders = [];
    private static readonly LevelChange[] NoChanges = [];

    internal MatchResult(
        MatchRejectReason reject,
        EngineOrder? order,
        IReadOnlyList<Fill>? fills,
        IReadOnlyList<EngineOrder>? makerUpdates,
        IReadOnlyList<LevelChange>? levelChanges)
    {
        Reject = reject;
        Order = order;
        Fills = fills ?? NoFills;
        MakerUpdates = makerUpdates ?? NoOrders;
        LevelChanges = levelChanges ?? NoChanges;
    }

    internal static MatchResult Rejected(MatchRejectReason reason) => new(reason, null, null, null, null);

    public MatchRejectReason Reject { get; }
    public bool IsAccepted => Reject == MatchRejectReason.None;

    /// <summary>The order the operation addressed, as it stands afterwards (null when rejected or for cancel-all).</summary>
    public EngineOrder? Order { get; }

    /// <summary>Fills in execution order (best price first, then time priority).</summary>
    public IReadOnlyList<Fill> Fills { get; }

    /// <summary>Other orders changed by this operation: resting makers filled, or canceled by self-trade prevention / cancel-all.</summary>
    public IReadOnlyList<EngineOrder> MakerUpdates { get; }

    /// <summary>Book level changes caused by this operation, consecutive changes of one level merged.</summary>
    public IReadOnlyList<LevelChange> LevelChanges { get; }
}
