using System.Collections;
using System.Collections.Immutable;

namespace KalshiArb.Domain.Orders;

/// <summary>
/// The fills applied to one order, in arrival order, compared by content so that two orders rebuilt
/// from the same events are equal.
/// </summary>
public sealed class OrderFills : IReadOnlyList<OrderFill>, IEquatable<OrderFills>
{
    public static readonly OrderFills Empty = new(ImmutableArray<OrderFill>.Empty);

    private readonly ImmutableArray<OrderFill> _fills;

    private OrderFills(ImmutableArray<OrderFill> fills) => _fills = fills;

    public int Count => _fills.Length;
    public OrderFill this[int index] => _fills[index];

    public bool ContainsTradeId(string tradeId)
    {
        // Orders see few fills; a scan beats keeping a second set in every immutable copy.
        foreach (var f in _fills)
            if (string.Equals(f.TradeId, tradeId, StringComparison.Ordinal)) return true;
        return false;
    }

    public OrderFills Add(OrderFill fill) => new(_fills.Add(fill));

    public bool Equals(OrderFills? other) =>
        other is not null && (ReferenceEquals(this, other) || _fills.AsSpan().SequenceEqual(other._fills.AsSpan()));

    public override bool Equals(object? obj) => Equals(obj as OrderFills);

    public override int GetHashCode() => _fills.Length == 0 ? 0 : HashCode.Combine(_fills.Length, _fills[^1]);

    public IEnumerator<OrderFill> GetEnumerator() => ((IEnumerable<OrderFill>)_fills).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
