using KalshiArb.Domain.Risk;

namespace KalshiArb.Domain.Orders;

/// <summary>
/// One order's state, rebuilt only by <see cref="ExecutionOrderMachine.Apply"/> from its events.
/// Prices are in the side's own terms (a NO order's limit and fills are NO prices).
/// </summary>
public sealed record ExecutionOrder
{
    /// <summary>Our id; also the Kalshi client_order_id.</summary>
    public required string ExecutionId { get; init; }
    public required string Ticker { get; init; }
    public required OutcomeSide Side { get; init; }
    public required Price LimitPrice { get; init; }
    public required Quantity Count { get; init; }

    /// <summary>The signal the order came from (null in old journals).</summary>
    public string? SignalId { get; init; }

    /// <summary>The detection strategy of the order's signal (null: journaled before strategies, i.e. the consensus one).</summary>
    public string? StrategyId { get; init; }

    /// <summary>When the signal was decided (Unix ms).</summary>
    public long? SignalAtMs { get; init; }

    /// <summary>The end of the signal's horizon (Unix ms): no venue call after it. Null in journals written before horizons.</summary>
    public long? SubmitByMs { get; init; }

    /// <summary>Submits after the first (same client id, after the venue said it never saw the order).</summary>
    public int SubmitRetries { get; init; }

    public OrderExpiryReason? ExpiryReason { get; init; }

    public ExecutionOrderState State { get; init; } = ExecutionOrderState.Created;
    public string? ExchangeOrderId { get; init; }
    public Quantity FilledCount { get; init; } = Quantity.Zero;
    public OrderFills Fills { get; init; } = OrderFills.Empty;

    /// <summary>Sum of the per-fill fees as reported ($0.0001 units).</summary>
    public Money Fees { get; init; } = Money.Zero;

    /// <summary>Exact Σ price ticks × count hundredths of the fills, in $0.000001 — no rounding anywhere.</summary>
    public long FilledNotionalMicros { get; init; }

    public RiskDenialReason? DenialReason { get; init; }
    public OrderRejectReason? RejectReason { get; init; }
    public string? AttentionReason { get; init; }

    /// <summary>Filled count the venue reported when it canceled/expired the order (late fills up to it still apply).</summary>
    public Quantity? VenueFinalFilledCount { get; init; }

    public OutcomeSide? SettlementWinner { get; init; }
    public Money? Payout { get; init; }

    /// <summary>Payout − FilledCost − ChargedFees, set at settlement.</summary>
    public Money? RealizedPnl { get; init; }

    public Quantity RemainingCount => Count - FilledCount;

    /// <summary>Cost of the fills, rounded up to $0.0001 only if sub-tick (never for cent prices).</summary>
    public Money FilledCost => new(Money.CeilDiv(FilledNotionalMicros, 100));

    /// <summary>What Kalshi debits: the per-fill fees settled in whole cents per order, rounded up.</summary>
    public Money ChargedFees => Fees.CeilToCent();

    /// <summary>
    /// Count-weighted average fill price, rounded to the nearest $0.0001 (halves up); null before any fill.
    /// Exact inputs (FilledNotionalMicros / FilledCount) are kept for anyone who needs more.
    /// </summary>
    public Price? AverageFillPrice => FilledCount.Hundredths == 0
        ? null
        : new Price((int)((2 * FilledNotionalMicros + FilledCount.Hundredths) / (2 * FilledCount.Hundredths)));

    public bool IsTerminal => State.IsTerminal();
    public bool IsFinal => State.IsFinal();
}
