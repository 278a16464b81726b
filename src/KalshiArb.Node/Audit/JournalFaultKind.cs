namespace KalshiArb.Node.Audit;

/// <summary>Damage to the journal itself, found before the order rules are checked.</summary>
public enum JournalFaultKind
{
    /// <summary>A row whose payload cannot be deserialized.</summary>
    UnreadableEvent,

    /// <summary>A readable row that is not an order event, inside an order's journal.</summary>
    UnexpectedEvent,

    /// <summary>Sequence numbers skip: rows were removed (Akka never leaves gaps in an actor's journal).</summary>
    SequenceGap,
}
