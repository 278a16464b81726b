namespace KalshiArb.Domain.Matching;

/// <summary>FIFO queue of resting orders at one price, with their total remaining size.</summary>
internal sealed class PriceLevel
{
    public RestingOrder? Head;
    public RestingOrder? Tail;
    public long Total;

    public bool IsEmpty => Head is null;

    public void Append(RestingOrder order)
    {
        order.Prev = Tail;
        order.Next = null;
        if (Tail is null) Head = order;
        else Tail.Next = order;
        Tail = order;
        Total += order.Remaining;
    }

    /// <summary>Unlinks the order; the caller has already subtracted what it consumed from <see cref="Total"/>.</summary>
    public void Unlink(RestingOrder order)
    {
        if (order.Prev is null) Head = order.Next;
        else order.Prev.Next = order.Next;
        if (order.Next is null) Tail = order.Prev;
        else order.Next.Prev = order.Prev;
        order.Prev = null;
        order.Next = null;
    }
}
