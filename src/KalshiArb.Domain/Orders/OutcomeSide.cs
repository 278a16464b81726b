namespace KalshiArb.Domain.Orders;

/// <summary>Which contract of a binary market: YES pays $1 if the event happens, NO if it does not.</summary>
public enum OutcomeSide
{
    Yes = 0,
    No = 1,
}

public static class OutcomeSideExtensions
{
    public static OutcomeSide Opposite(this OutcomeSide side) => side == OutcomeSide.Yes ? OutcomeSide.No : OutcomeSide.Yes;

    /// <summary>Kalshi's wire spelling: "yes" / "no".</summary>
    public static string ToWire(this OutcomeSide side) => side == OutcomeSide.Yes ? "yes" : "no";
}
