using System.Collections.Immutable;

namespace KalshiArb.Domain.Risk;

/// <summary>
/// The ids the gate has seen lately (execution ids, trade ids), for its duplicate checks, in bounded memory: two
/// generations of at most <see cref="GenerationSize"/> ids; when the newer one is full it becomes the older one and the
/// oldest generation is forgotten. So the last <see cref="GenerationSize"/> ids are always remembered, and at most twice
/// that. A set of every id ever seen grew for ever and was copied into every snapshot (measured: at 2,000 orders a second
/// the gate's two sets and their snapshots were the largest source of long-lived memory). A duplicate comes within
/// seconds: a repeated signal is refused past its horizon (seconds) anyway, and the order itself ignores a fill it has.
/// Count-based, not time-based, so replaying the journal rebuilds exactly the same sets.
/// </summary>
public sealed record RecentIds
{
    public const int DefaultGenerationSize = 25_000;

    private ImmutableHashSet<string> _current = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);
    private ImmutableHashSet<string> _previous = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    public RecentIds(int generationSize = DefaultGenerationSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generationSize, 1);
        GenerationSize = generationSize;
    }

    public static RecentIds Empty { get; } = new();

    public int GenerationSize { get; }

    /// <summary>How many ids are remembered now (both generations).</summary>
    public int Count => _current.Count + _previous.Count;

    public bool Contains(string id) => _current.Contains(id) || _previous.Contains(id);

    public RecentIds Add(string id)
    {
        if (Contains(id)) return this;
        return _current.Count < GenerationSize
            ? this with { _current = _current.Add(id) }
            : this with { _previous = _current, _current = ImmutableHashSet.Create(StringComparer.Ordinal, id) };
    }

    /// <summary>Every id remembered, older generation first (what a snapshot stores).</summary>
    public IEnumerable<string> Items => _previous.Concat(_current);

    /// <summary>From a snapshot: the ids it stored, as the newer generation (the next id beyond its size starts a new one).</summary>
    public static RecentIds Of(IEnumerable<string> ids, int generationSize = DefaultGenerationSize) =>
        new(generationSize) { _current = ImmutableHashSet.CreateRange(StringComparer.Ordinal, ids) };
}
