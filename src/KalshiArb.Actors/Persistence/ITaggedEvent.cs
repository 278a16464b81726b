namespace KalshiArb.Actors.Persistence;

/// <summary>A persisted event that the read side finds by tag (e.g. "order", "risk").</summary>
public interface ITaggedEvent
{
    IReadOnlyCollection<string> Tags { get; }
}
