namespace KalshiArb.Domain.Matching;

/// <summary>
/// The engine's mutable record of one live order; also a node of its price level's FIFO queue
/// (intrusive links so a cancel from the middle of a queue is O(1)).
/// </summary>
internal sealed class RestingOrder
{
    public required string OrderId { get; init; }
    public required string? ClientOrderId { get; init; }
    public required string AccountId { get; init; }
    public required OutcomeSide BookSide { get; init; }
    public required TimeInForce TimeInForce { get; init; }
    public required SelfTradePrevention SelfTradePrevention { get; init; }
    public required bool PostOnly { get; init; }
    public required long CreatedTimestampMs { get; init; }
    public long? ExpirationTimestampMs { get; init; }

    /// <summary>Price in the order's own outcome terms (YES bid price, or NO bid price for an Ask).</summary>
    public int BookTicks;
    public long Initial;
    public long Filled;
    public long Remaining;
    public long Canceled;
    public Money TakerFees;
    public Money MakerFees;
    public EngineOrderStatus Status;
    public EngineCancelReason CancelReason;
    public long LastUpdateTimestampMs;

    public RestingOrder? Prev;
    public RestingOrder? Next;
    public bool InBook;

    public OrderSide Side => BookSide.ToOrderSide();

    public Price YesPrice => BookSide == OutcomeSide.Yes ? new Price(BookTicks) : new Price(Price.TicksPerDollar - BookTicks);

    public EngineOrder Snapshot() => new(
        OrderId,
        ClientOrderId,
        AccountId,
        Side,
        YesPrice,
        new Quantity(Initial),
        new Quantity(Filled),
        new Quantity(Remaining),
        new Quantity(Canceled),
        Status,
        CancelReason,
        TakerFees,
        MakerFees,
        TimeInForce,
        SelfTradePrevention,
        PostOnly,
        CreatedTimestampMs,
        LastUpdateTimestampMs,
        ExpirationTimestampMs);
}
