using Akka.Persistence.Journal;

namespace KalshiArb.Actors.Persistence;

/// <summary>Wraps tagged events in <see cref="Tagged"/> so the SQL read journal can query them by tag.</summary>
public sealed class OrderEventTagger : IWriteEventAdapter
{
    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) =>
        evt is ITaggedEvent tagged && tagged.Tags.Count > 0 ? new Tagged(evt, tagged.Tags) : evt;
}
