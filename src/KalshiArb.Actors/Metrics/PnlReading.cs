namespace KalshiArb.Actors.Metrics;

/// <summary>
/// The P&amp;L totals the gauges report, in dollars. Doubles because Prometheus samples are floats: this is a display of the
/// ledger's fixed-point figures, never an input to money arithmetic. An unrealized mark is null when it is not available.
/// </summary>
public sealed record PnlReading(double Realized, double Fees, double? UnrealizedAtMid, double? UnrealizedAtFair);
