namespace KalshiArb.Exchange.Accounts;

/// <summary>The account's view of one order: its last engine snapshot and the cash held for it.</summary>
public sealed class OrderRecord(string ticker, EngineOrder snapshot)
{
    public string Ticker { get; } = ticker;
    public EngineOrder Snapshot { get; set; } = snapshot;

    /// <summary>Cash set aside for the resting remainder (price × remaining + worst-case taker fee).</summary>
    public Money Reserved { get; set; }

    /// <summary>When a user cancel was acknowledged, and the order as it was just before (for the visibility-lag quirk).</summary>
    public long? CancelAckMs { get; set; }
    public EngineOrder? BeforeCancel { get; set; }
}
