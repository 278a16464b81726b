namespace KalshiArb.Domain.Primitives;

/// <summary>The set of prices a market accepts (the union of its price_ranges).</summary>
public sealed class PriceGrid
{
    private readonly PriceRange[] _ranges;

    public PriceGrid(IEnumerable<PriceRange> ranges)
    {
        _ranges = ranges.ToArray();
        if (_ranges.Length == 0) throw new ArgumentException("a market needs at least one price range", nameof(ranges));
        foreach (var r in _ranges)
        {
            if (r.Step.Ticks <= 0 || r.End < r.Start || !r.Start.IsValid || !r.End.IsValid)
                throw new ArgumentException($"invalid price range {r.Start}..{r.End} step {r.Step}", nameof(ranges));
        }
    }

    public static readonly PriceGrid Cents = new([PriceRange.CentGrid]);

    public IReadOnlyList<PriceRange> Ranges => _ranges;

    public WireParseError Validate(Price p)
    {
        if (!p.IsValid) return WireParseError.OutOfRange;
        foreach (var r in _ranges)
            if (r.Contains(p)) return WireParseError.None;
        return WireParseError.OffPriceGrid;
    }

    public bool Contains(Price p) => Validate(p) == WireParseError.None;

    /// <summary>The highest valid price ≤ p (for a buy limit), or null.</summary>
    public Price? FloorToGrid(Price p)
    {
        Price? best = null;
        foreach (var r in _ranges)
        {
            if (p < r.Start) continue;
            var capped = Price.Min(p, r.End);
            var steps = (capped.Ticks - r.Start.Ticks) / r.Step.Ticks;
            var candidate = new Price(r.Start.Ticks + steps * r.Step.Ticks);
            if (best is null || candidate > best.Value) best = candidate;
        }
        return best;
    }
}
