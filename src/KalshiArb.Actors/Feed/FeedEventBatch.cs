using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Actors.Feed;

/// <summary>
/// Events the source produced while the <see cref="MarketDataHub"/> was still busy with the previous ones, in order. One message
/// (and one acknowledgement) for many events: per-event hand-offs between the stream, the hub and its consumers capped how many
/// events a node could take. A batch is built only under back-pressure, so an idle hub still gets each event at once.
/// Local to the member (the hub and its consumers), never serialized; read-only once it leaves the stream.
/// </summary>
public sealed class FeedEventBatch
{
    private readonly List<FeedEvent> _events;

    internal FeedEventBatch(FeedEvent first) => _events = [first];

    public FeedEventBatch(IEnumerable<FeedEvent> events) => _events = [.. events];

    public IReadOnlyList<FeedEvent> Events => _events;

    public int Count => _events.Count;

    /// <summary>Only the stream's batching stage adds, before the batch is emitted.</summary>
    internal FeedEventBatch Add(FeedEvent e)
    {
        _events.Add(e);
        return this;
    }
}
