namespace KalshiArb.Actors.Persistence;

/// <summary>
/// What a journal row does to the open-order table, written in the same transaction as the row: an order's entity is
/// restarted after a crash or a failover only if the table lists it (see <see cref="OpenOrderTags"/>).
/// </summary>
public enum OpenOrderChange : byte
{
    None = 0,
    /// <summary>The order became open (created, or a finished order reopened): list it.</summary>
    Opened = 1,
    /// <summary>The order finished: take it off the list.</summary>
    Ended = 2,
}
