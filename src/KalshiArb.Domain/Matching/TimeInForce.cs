namespace KalshiArb.Domain.Matching;

public enum TimeInForce
{
    /// <summary>Fills what crosses, rests the remainder.</summary>
    GoodTillCanceled = 0,

    /// <summary>Fills what crosses, cancels the remainder.</summary>
    ImmediateOrCancel = 1,

    /// <summary>Fills the whole count at once or nothing: checked before any fill.</summary>
    FillOrKill = 2,
}
