namespace KalshiArb.Exchange.Wire;

/// <summary>Engine order snapshot → Kalshi order object.</summary>
public static class OrderWire
{
    public static string StatusWire(EngineOrderStatus s) => s switch
    {
        EngineOrderStatus.Resting => "resting",
        EngineOrderStatus.Canceled => "canceled",
        _ => "executed",
    };

    public static string TimeInForceWire(TimeInForce t) => t switch
    {
        TimeInForce.FillOrKill => "fill_or_kill",
        TimeInForce.ImmediateOrCancel => "immediate_or_cancel",
        _ => "good_till_canceled",
    };

    public static OrderDto ToDto(string ticker, EngineOrder o, long? tsMs = null) => new(
        o.OrderId,
        o.ClientOrderId,
        ticker,
        o.OutcomeSide == Domain.Orders.OutcomeSide.Yes ? "yes" : "no",
        o.Side.ToWire(),
        o.Side.ToWire(),
        StatusWire(o.Status),
        o.YesPrice.ToWire(),
        o.YesPrice.Complement.ToWire(),
        o.FilledCount.ToWire(),
        o.RemainingCount.ToWire(),
        o.InitialCount.ToWire(),
        o.TakerFees.ToWire(),
        o.MakerFees.ToWire(),
        TimeInForceWire(o.TimeInForce),
        o.PostOnly,
        WireTime.IsoFromMs(o.CreatedTimestampMs),
        WireTime.IsoFromMs(o.LastUpdateTimestampMs),
        tsMs);

    /// <summary>Average YES-terms price per filled contract in the order's own outcome, or null when nothing filled.</summary>
    public static string? AverageFillPrice(Money fillCost, Money fees, Quantity filled)
    {
        if (!filled.IsPositive) return null;
        var net = fillCost - fees;
        // units per contract, truncated to $0.0001
        return new Money(net.Units * Quantity.UnitsPerContract / filled.Hundredths).ToWire();
    }
}
