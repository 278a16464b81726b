using KalshiArb.Domain.Matching;

namespace KalshiArb.Domain.Paper;

/// <summary>The model's mutable view of one paper order; published as <see cref="PaperOrder"/> snapshots.</summary>
internal sealed class PaperOrderRecord
{
    public PaperOrderRecord(long sequence, string orderId, PaperOrderRequest request, long timestampMs)
    {
        Sequence = sequence;
        OrderId = orderId;
        ClientOrderId = request.ClientOrderId;
        Side = request.Side;
        Limit = request.Limit;
        TimeInForce = request.TimeInForce;
        Initial = request.Count.Hundredths;
        Remaining = request.Count.Hundredths;
        CreatedMs = timestampMs;
        UpdatedMs = timestampMs;
    }

    /// <summary>Arrival order: time priority among our own orders at one price.</summary>
    public long Sequence { get; }
    public string OrderId { get; }
    public string? ClientOrderId { get; }
    public OutcomeSide Side { get; }
    public Price Limit { get; }
    public TimeInForce TimeInForce { get; }
    public long Initial { get; }
    public long Filled { get; set; }
    public long Remaining { get; set; }
    public long Canceled { get; set; }

    /// <summary>Size in front of us at our price (hundredths).</summary>
    public long QueueAhead { get; set; }

    /// <summary>
    /// Level shrinkage that pushed <see cref="QueueAhead"/> down before the trade that caused it was seen
    /// (Kalshi sends trades and book deltas on separate channels). A later trade at our price uses this
    /// credit up first, so the same contracts never advance us twice.
    /// </summary>
    public long ShrinkCredit { get; set; }

    public EngineOrderStatus Status { get; set; } = EngineOrderStatus.Resting;
    public EngineCancelReason CancelReason { get; set; }
    public long Fees { get; set; }
    public long CreatedMs { get; }
    public long UpdatedMs { get; set; }

    public bool IsResting => Status == EngineOrderStatus.Resting;

    public void CancelRemainder(EngineCancelReason reason, long timestampMs)
    {
        Canceled += Remaining;
        Remaining = 0;
        QueueAhead = 0;
        ShrinkCredit = 0;
        Status = EngineOrderStatus.Canceled;
        CancelReason = reason;
        UpdatedMs = timestampMs;
    }

    public void ApplyFill(long count, long fee, long timestampMs)
    {
        Filled += count;
        Remaining -= count;
        Fees += fee;
        UpdatedMs = timestampMs;
        if (Remaining == 0)
        {
            Status = EngineOrderStatus.Executed;
            QueueAhead = 0;
            ShrinkCredit = 0;
        }
    }

    public PaperOrder ToSnapshot() => new(
        OrderId, ClientOrderId, Side, Limit, TimeInForce,
        new Quantity(Initial), new Quantity(Filled), new Quantity(Remaining), new Quantity(Canceled), new Quantity(QueueAhead),
        Status, CancelReason, new Money(Fees), CreatedMs, UpdatedMs);
}
