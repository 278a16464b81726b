using KalshiArb.Domain.Book;
using System.Numerics;

namespace KalshiArb.Domain.Matching;

/// <summary>
/// All bids of one outcome side, indexed by price tick. A bitset of occupied ticks finds the best
/// and the next-lower level with a few word scans instead of walking empty ticks.
/// </summary>
internal sealed class OrderQueueLadder
{
    private const int Ticks = Price.TicksPerDollar + 1;
    private readonly PriceLevel?[] _levels = new PriceLevel?[Ticks];
    private readonly ulong[] _occupied = new ulong[(Ticks + 63) / 64];

    /// <summary>Highest occupied tick, or -1 when the side is empty.</summary>
    public int Best => HighestAtOrBelow(Ticks - 1);

    public PriceLevel? LevelAt(int ticks) => _levels[ticks];

    public long SizeAt(int ticks) => _levels[ticks]?.Total ?? 0;

    public void Append(RestingOrder order)
    {
        var level = _levels[order.BookTicks] ??= new PriceLevel();
        level.Append(order);
        order.InBook = true;
        _occupied[order.BookTicks >> 6] |= 1UL << (order.BookTicks & 63);
    }

    /// <summary>Removes the order and its remaining size from its level.</summary>
    public void Remove(RestingOrder order)
    {
        var level = _levels[order.BookTicks]!;
        level.Total -= order.Remaining;
        level.Unlink(order);
        order.InBook = false;
        if (level.IsEmpty) ClearBit(order.BookTicks);
    }

    /// <summary>Takes <paramref name="hundredths"/> off an order that stays in the queue.</summary>
    public void Shrink(RestingOrder order, long hundredths)
    {
        _levels[order.BookTicks]!.Total -= hundredths;
    }

    /// <summary>Highest occupied tick ≤ <paramref name="ticks"/>, or -1.</summary>
    public int HighestAtOrBelow(int ticks)
    {
        if (ticks < 0) return -1;
        var word = ticks >> 6;
        var bits = _occupied[word] & (ulong.MaxValue >> (63 - (ticks & 63)));
        while (true)
        {
            if (bits != 0) return (word << 6) + 63 - BitOperations.LeadingZeroCount(bits);
            if (--word < 0) return -1;
            bits = _occupied[word];
        }
    }

    /// <summary>Aggregated levels, ascending by price (Kalshi orderbook order: best bid last).</summary>
    public BookLevel[] Levels()
    {
        var count = 0;
        for (var t = HighestAtOrBelow(Ticks - 1); t >= 0; t = HighestAtOrBelow(t - 1)) count++;
        var result = new BookLevel[count];
        var i = count;
        for (var t = HighestAtOrBelow(Ticks - 1); t >= 0; t = HighestAtOrBelow(t - 1))
            result[--i] = new BookLevel(new Price(t), new Quantity(_levels[t]!.Total));
        return result;
    }

    private void ClearBit(int ticks) => _occupied[ticks >> 6] &= ~(1UL << (ticks & 63));
}
