using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Persistence.Sql.Journal;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// Akka.Persistence.Sql's journal with its write path and its highest-sequence-number read replaced by
/// <see cref="JournalGroupCommitter"/> (one writer committing whatever queued as one transaction, prepared statements).
/// Rows go into the plugin's own table in its own format (Csv tags), so replay, the read journal, audit and existing
/// journals are unchanged; replay and deletes stay the plugin's. Selected by <c>class</c> in hocon/persistence-*.conf.
/// </summary>
public sealed class GroupCommitJournal : SqlWriteJournal
{
    private readonly JournalGroupCommitter _committer;
    private readonly Akka.Serialization.Serialization _serialization;
    private readonly string _tagSeparator;

    // A row's tags column and open-order change by tag set: the sets are shared (see OrderEventTagger), so each is
    // joined once instead of once per row.
    private readonly ConditionalWeakTable<IImmutableSet<string>, RowTags> _rowTags = new();

    public GroupCommitJournal(Config config) : base(config)
    {
        var provider = config.GetString("provider-name", "");
        var connectionString = config.GetString("connection-string", "");
        // Two stores on their own connections: the writer, and the reader of new ids' highest sequence numbers.
        _committer = new JournalGroupCommitter(RowStore(provider, connectionString), RowStore(provider, connectionString));
        _serialization = Context.System.Serialization;
        _tagSeparator = config.GetString("tag-separator", ";");
    }

    private static IJournalRowStore RowStore(string provider, string connectionString) =>
        provider.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase)
            ? new SqliteJournalRowStore(connectionString)
            : provider.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase)
                ? new PostgresJournalRowStore(connectionString)
                : throw new ConfigurationException($"GroupCommitJournal supports SQLite and PostgreSQL, not provider-name '{provider}'");

    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var writes = messages as IReadOnlyList<AtomicWrite> ?? messages.ToList();
        var now = DateTime.UtcNow.Ticks;
        var commits = new Task?[writes.Count];
        Exception[]? rejections = null;
        for (var i = 0; i < writes.Count; i++)
        {
            List<JournalRow> rows;
            try
            {
                rows = ToRows(writes[i], now);
            }
            catch (Exception ex)
            {
                // An event that cannot be serialized is rejected (its actor is told and goes on), never written.
                (rejections ??= new Exception[writes.Count])[i] = ex;
                continue;
            }
            commits[i] = _committer.WriteAsync(rows);
        }
        return CompleteAsync(commits, rejections);
    }

    private static async Task<IImmutableList<Exception>> CompleteAsync(Task?[] commits, Exception[]? rejections)
    {
        // A failed commit fails the call (the writing actor stops and recovers from what is durable).
        foreach (var commit in commits)
            if (commit is not null) await commit.ConfigureAwait(false);
        // null: every write succeeded (AsyncWriteJournal wants one entry per write otherwise).
        return rejections is null ? null! : rejections.ToImmutableList();
    }

    /// <summary>
    /// A brand-new persistence id (every new order) is answered "recovered, nothing to replay" straight away: the base
    /// journal would first create a replay-filter child actor for it (an actor per recovery, measured among the larger
    /// costs of a new order) only to find there is nothing to filter. Ids with events, and any failed look-up, take
    /// the plugin's own replay.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        switch (message)
        {
            case ReplayMessages replay:
                _committer.HighestSequenceNrAsync(replay.PersistenceId).PipeTo(Self,
                    success: highest => new ReplayLookedUp(replay, highest),
                    failure: _ => new ReplayLookedUp(replay, -1));
                return true;
            case ReplayLookedUp { Highest: 0 } looked:
                looked.Replay.PersistentActor.Tell(new RecoverySuccess(0), ActorRefs.NoSender);
                return true;
            case ReplayLookedUp looked:
                return base.AroundReceive(receive, looked.Replay);
            default:
                return base.AroundReceive(receive, message);
        }
    }

    private sealed record ReplayLookedUp(ReplayMessages Replay, long Highest);

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        _committer.HighestSequenceNrAsync(persistenceId);

    private List<JournalRow> ToRows(AtomicWrite write, long now)
    {
        var events = (IImmutableList<IPersistentRepresentation>)write.Payload;
        var rows = new List<JournalRow>(events.Count);
        foreach (var e in events)
        {
            var payload = e.Payload;
            string? tags = null;
            var openOrder = OpenOrderChange.None;
            if (payload is Tagged tagged)
            {
                payload = tagged.Payload;
                if (tagged.Tags.Count > 0)
                {
                    if (!_rowTags.TryGetValue(tagged.Tags, out var rowTags)) rowTags = _rowTags.GetValue(tagged.Tags, RowTagsFor);
                    tags = rowTags.Column;
                    openOrder = rowTags.OpenOrder;
                }
            }
            var serializer = _serialization.FindSerializerFor(payload);
            rows.Add(new JournalRow(
                e.PersistenceId,
                e.SequenceNr,
                e.Timestamp > 0 ? e.Timestamp : now,
                serializer.ToBinary(payload),
                tags,
                Akka.Serialization.Serialization.ManifestFor(serializer, payload),
                serializer.Identifier,
                openOrder));
        }
        return rows;
    }

    private RowTags RowTagsFor(IImmutableSet<string> tags) =>
        new(_tagSeparator + string.Join(_tagSeparator, tags) + _tagSeparator, OpenOrderTags.ChangeFor(tags));

    private sealed record RowTags(string Column, OpenOrderChange OpenOrder);

    protected override void PostStop()
    {
        // Completes the queue: what is queued is still committed, then the connection closes (not awaited: an actor
        // does not block; nothing can be queued any more).
        _ = _committer.DisposeAsync().AsTask();
        base.PostStop();
    }
}
