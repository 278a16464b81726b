using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace KalshiArb.Node.Audit;

/// <summary>
/// Reads order journals back through the SQL read journal in a throwaway local ActorSystem (no cluster, no
/// persistent actors of its own). A row that cannot be deserialized becomes a faulted <see cref="JournalEntry"/>
/// of its order instead of failing the read: an audit must show damage, not stop at it.
/// </summary>
public static class OrderJournalReader
{
    private const string OrderPrefix = "order-";

    /// <summary>How many empty positions in a row the search for an unreadable row crosses before giving up.</summary>
    private const int MaxGapWhileSearching = 10_000;

    private static readonly Config Quiet = ConfigurationFactory.ParseString("""
        akka.loglevel = OFF
        akka.stdout-loglevel = OFF
        akka.log-dead-letters = off
        akka.actor.provider = local
        """);

    /// <summary>
    /// All order journals (or just <paramref name="onlyOrder"/>: an execution id or an "order-…" persistence id).
    /// Throws <see cref="JournalReadException"/> when the journal itself cannot be read.
    /// </summary>
    public static async Task<IReadOnlyList<JournaledOrder>> ReadAsync(Config persistenceConfig, string? onlyOrder, CancellationToken ct,
        IProgress<(int Done, int Total)>? progress = null)
    {
        var system = ActorSystem.Create("kalshiarb-audit", Quiet.WithFallback(persistenceConfig));
        try
        {
            SqlReadJournal journal;
            try
            {
                // Its constructor talks to the journal plugin and throws when the store is unusable.
                journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
            }
            catch (Exception ex)
            {
                throw new JournalReadException($"cannot open the read journal: {ex.GetBaseException().Message}", ex);
            }
            var materializer = system.Materializer();
            IReadOnlyList<string> ids;
            if (onlyOrder is not null)
            {
                ids = [onlyOrder.StartsWith(OrderPrefix, StringComparison.Ordinal) ? onlyOrder : OrderActor.PersistenceIdFor(onlyOrder)];
            }
            else
            {
                try
                {
                    ids = (await journal.CurrentPersistenceIds().RunWith(Sink.Seq<string>(), materializer).WaitAsync(ct))
                        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw new JournalReadException($"cannot list persistence ids: {ex.GetBaseException().Message}", ex);
                }
            }

            var orders = new List<JournaledOrder>();
            for (var i = 0; i < ids.Count; i++)
            {
                // Progress counts journals read (a large journal takes minutes); ids that are not orders count too.
                progress?.Report((i, ids.Count));
                if (ids[i] == LegacyOrderIndex.PersistenceId) continue;
                if (await ReadOrderAsync(journal, materializer, ids[i], ct) is { } order) orders.Add(order);
            }
            progress?.Report((ids.Count, ids.Count));
            return orders;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<JournaledOrder?> ReadOrderAsync(SqlReadJournal journal, IMaterializer materializer, string pid, CancellationToken ct)
    {
        var looksLikeOrder = pid.StartsWith(OrderPrefix, StringComparison.Ordinal);
        if (!looksLikeOrder)
        {
            // Not named like an order: only its first event decides, so big non-order journals are not read whole.
            if (!await StartsWithOrderEventAsync(journal, materializer, pid, ct)) return null;
        }

        var rows = await ReadRowsAsync(journal, materializer, pid, ct);
        var hasOrderEvents = rows.Any(r => r.Event is OrderJournalEvent);
        var allUnreadable = rows.Count > 0 && rows.All(r => r.Fault is not null);
        if (!hasOrderEvents && !(looksLikeOrder && allUnreadable)) return null;

        var entries = rows.Select(r => r.Event switch
        {
            OrderJournalEvent e => new JournalEntry(r.SequenceNr, e.AtMs, e, null),
            null => new JournalEntry(r.SequenceNr, 0, null, r.Fault),
            var other => new JournalEntry(r.SequenceNr, 0, null, $"not an order event: {other.GetType().Name}"),
        }).ToArray();

        var executionId = looksLikeOrder
            ? pid[OrderPrefix.Length..]
            : entries.Select(e => e.Event).OfType<OrderCreatedEvent>().FirstOrDefault()?.ExecutionId ?? pid;
        return new JournaledOrder(pid, executionId, entries);
    }

    private static async Task<bool> StartsWithOrderEventAsync(SqlReadJournal journal, IMaterializer materializer, string pid, CancellationToken ct)
    {
        try
        {
            var first = await journal.CurrentEventsByPersistenceId(pid, 0, long.MaxValue).Take(1)
                .RunWith(Sink.Seq<EventEnvelope>(), materializer).WaitAsync(ct);
            return first.Count > 0 && first[0].Event is OrderJournalEvent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unreadable and not named like an order: nothing shows it is one, so it is not audited here.
            return false;
        }
    }

    private sealed record Row(long SequenceNr, object? Event, string? Fault);

    private static async Task<List<Row>> ReadRowsAsync(SqlReadJournal journal, IMaterializer materializer, string pid, CancellationToken ct)
    {
        var rows = new List<Row>();
        var next = 0L;
        while (true)
        {
            var lastSeen = next - 1;
            try
            {
                await journal.CurrentEventsByPersistenceId(pid, next, long.MaxValue)
                    .RunForeach(env =>
                    {
                        rows.Add(new Row(env.SequenceNr, env.Event, null));
                        lastSeen = env.SequenceNr;
                    }, materializer)
                    .WaitAsync(ct);
                return rows;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One undeserializable row fails the whole stream: find it by single positions after the last good one.
                var bad = await FindUnreadableAsync(journal, materializer, pid, Math.Max(1, lastSeen + 1), ct)
                          ?? throw new JournalReadException($"reading {pid} failed: {ex.GetBaseException().Message}", ex);
                rows.Add(bad);
                next = bad.SequenceNr + 1;
            }
        }
    }

    private static async Task<Row?> FindUnreadableAsync(SqlReadJournal journal, IMaterializer materializer, string pid, long from, CancellationToken ct)
    {
        for (var seq = from; seq < from + MaxGapWhileSearching; seq++)
        {
            try
            {
                var one = await journal.CurrentEventsByPersistenceId(pid, seq, seq)
                    .RunWith(Sink.Seq<EventEnvelope>(), materializer).WaitAsync(ct);
                if (one.Count > 0) return null; // readable now: the failure was not this row's payload
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new Row(seq, null, $"unreadable payload: {ex.GetBaseException().Message}");
            }
        }
        return null;
    }
}
