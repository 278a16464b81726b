namespace KalshiArb.Kalshi.Model;

public enum MarketSettlementState
{
    /// <summary>Still trading, closed, or disputed: no settlement yet.</summary>
    Open,
    /// <summary>Determined or later with a known YES value.</summary>
    Settled,
    /// <summary>Determined or later, but neither a settlement value nor a yes/no result says what YES pays (a scalar without its value).</summary>
    ValueUnknown,
}

/// <summary>
/// What a REST market says about its settlement, read the same way as a market_lifecycle_v2 "determined"/"settled"
/// event: the settlement value when given, else $1 for result "yes" and $0 for "no".
/// </summary>
public readonly record struct MarketSettlementReading(MarketSettlementState State, Price? YesValue)
{
    public static MarketSettlementReading Of(KalshiMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        // amended is a corrected determination; disputed waits for its outcome
        if (market.Status is not (MarketStatus.Determined or MarketStatus.Amended or MarketStatus.Finalized or MarketStatus.Settled))
            return new(MarketSettlementState.Open, null);
        Price? yes = market.SettlementValue is { } value ? value
            : string.Equals(market.Result, "yes", StringComparison.OrdinalIgnoreCase) ? Price.One
            : string.Equals(market.Result, "no", StringComparison.OrdinalIgnoreCase) ? Price.Zero
            : null;
        return yes is null ? new(MarketSettlementState.ValueUnknown, null) : new(MarketSettlementState.Settled, yes);
    }
}
