using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Akka.Persistence.Journal;

namespace KalshiArb.Actors.Persistence;

/// <summary>Wraps tagged events in <see cref="Tagged"/> so the SQL read journal can query them by tag.</summary>
public sealed class OrderEventTagger : IWriteEventAdapter
{
    // Tagged turns a plain collection into a new immutable set on every event (a hash set, its nodes and enumerators:
    // measured a few KB per order lifecycle). Events share their tag collections (static arrays), so the set is built
    // once per collection; an event with a collection of its own gets its own entry, collected with it.
    private static readonly ConditionalWeakTable<IReadOnlyCollection<string>, IImmutableSet<string>> Sets = new();

    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) =>
        evt is ITaggedEvent tagged && tagged.Tags.Count > 0
            ? new Tagged(evt, Sets.GetValue(tagged.Tags, static tags => tags.ToImmutableHashSet()))
            : evt;
}
