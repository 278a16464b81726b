namespace KalshiArb.Node.Live;

/// <summary>What start-up reconciliation found at the venue compared with the order journal.</summary>
public enum ReconciliationFindingKind
{
    /// <summary>A resting order whose client_order_id the journal never wrote (manual or another program): unknown exposure.</summary>
    ForeignRestingOrder,

    /// <summary>One of our orders rests at the venue although the journal says it finished: the journal and venue disagree.</summary>
    FinishedOrderStillResting,

    /// <summary>The journal has this order working: OrderActor recovery reconciles it with the venue.</summary>
    JournalOpenOrder,

    /// <summary>A position held at the venue (listed so the log shows the exposure the run starts with).</summary>
    VenuePosition,

    /// <summary>A venue read failed; nothing can be concluded from it.</summary>
    VenueError,
}
