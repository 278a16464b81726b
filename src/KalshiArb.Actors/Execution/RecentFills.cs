using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>Ask an <see cref="OrderDesk"/> for the last fills its venue reported.</summary>
public sealed record GetRecentFills
{
    public static readonly GetRecentFills Instance = new();
}

/// <summary>The newest fills first, at most <see cref="RecentFillLog.Capacity"/>; ExecutionIds maps exchange order ids to our orders where known.</summary>
public sealed record RecentFills(IReadOnlyList<VenueFill> Fills, IReadOnlyDictionary<string, string> ExecutionIds);

/// <summary>The last fills of one desk, bounded; a fill the venue repeats (same trade id) is kept once.</summary>
public sealed class RecentFillLog
{
    public const int Capacity = 50;

    private readonly LinkedList<VenueFill> _newestFirst = new();
    private readonly Dictionary<string, string> _executionIds = new(StringComparer.Ordinal);

    public void Add(VenueFill fill, string? executionId)
    {
        if (_newestFirst.Any(f => f.TradeId == fill.TradeId)) return;
        _newestFirst.AddFirst(fill);
        if (executionId is not null) _executionIds[fill.ExchangeOrderId] = executionId;
        if (_newestFirst.Count <= Capacity) return;
        var dropped = _newestFirst.Last!.Value;
        _newestFirst.RemoveLast();
        if (_newestFirst.All(f => f.ExchangeOrderId != dropped.ExchangeOrderId)) _executionIds.Remove(dropped.ExchangeOrderId);
    }

    public RecentFills Snapshot() => new(_newestFirst.ToArray(), new Dictionary<string, string>(_executionIds, StringComparer.Ordinal));
}
