namespace KalshiArb.Domain.Orders;

/// <summary>
/// Kalshi's time_in_force of an order: what our order request asks a venue for and what the matching engine of the
/// exchange simulator and the paper fill model honour.
/// </summary>
public enum TimeInForce
{
    /// <summary>Fills what crosses, rests the remainder.</summary>
    GoodTillCanceled = 0,

    /// <summary>Fills what crosses, cancels the remainder.</summary>
    ImmediateOrCancel = 1,

    /// <summary>Fills the whole count at once or nothing: checked before any fill.</summary>
    FillOrKill = 2,
}
