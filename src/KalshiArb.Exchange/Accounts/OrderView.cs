namespace KalshiArb.Exchange.Accounts;

/// <summary>Immutable copy of an <see cref="OrderRecord"/> for readers outside the ledger's lock.</summary>
public sealed record OrderView(string Ticker, EngineOrder Snapshot, long? CancelAckMs, EngineOrder? BeforeCancel);
