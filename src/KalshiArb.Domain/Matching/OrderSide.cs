namespace KalshiArb.Domain.Matching;

/// <summary>
/// Kalshi V2 order side, relative to YES: Bid buys YES at the price; Ask sells YES at the price,
/// which is the same as buying NO at 1 − price.
/// </summary>
public enum OrderSide
{
    Bid = 0,
    Ask = 1,
}

public static class OrderSideExtensions
{
    /// <summary>The bid ladder an order of this side rests on: a Bid is a YES bid, an Ask a NO bid.</summary>
    public static OutcomeSide ToOutcomeSide(this OrderSide side) => side == OrderSide.Bid ? OutcomeSide.Yes : OutcomeSide.No;

    public static OrderSide ToOrderSide(this OutcomeSide side) => side == OutcomeSide.Yes ? OrderSide.Bid : OrderSide.Ask;

    /// <summary>Kalshi's wire spelling: "bid" / "ask".</summary>
    public static string ToWire(this OrderSide side) => side == OrderSide.Bid ? "bid" : "ask";
}
