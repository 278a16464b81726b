using System.Diagnostics;
using System.Threading.Channels;
using KalshiArb.Actors.Metrics;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// One writer per journal that commits whatever is queued as one transaction (group commit). Every order, the gate and
/// the shards write through one journal; Akka.Persistence.Sql builds and runs each write on its own (statement building
/// measured at most of a lifecycle's CPU, and one fsync per write), so under load the writes queued behind each other.
/// Here a write waits at most for the commit in progress; the next commit takes everything that queued meanwhile.
/// Highest-sequence-number reads (every persistent actor's recovery) of an id with a write queued or committing go
/// through the same loop, after the writes queued before them are durable, so a recovering actor never misses its own
/// last write. Every other read (every new order's, the common case) goes to a second loop on its own connection and is
/// answered while a commit runs, instead of waiting for it and for the next one.
/// </summary>
public sealed class JournalGroupCommitter : IAsyncDisposable
{
    /// <summary>A bound on one transaction, so one huge backlog does not become one huge commit.</summary>
    private const int MaxRowsPerCommit = 2_000;

    private readonly IJournalRowStore _store;
    private readonly IJournalRowStore? _reader;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<HighestRequest> _reads = Channel.CreateUnbounded<HighestRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly Task _readLoop;

    // Writes queued or committing, by persistence id: a read of such an id must wait for them (see the summary).
    private readonly Dictionary<string, int> _unsettled = new(StringComparer.Ordinal);

    /// <param name="store">the writer's store: every commit, and the reads that must follow a queued write</param>
    /// <param name="reader">a second store (its own connection) for the reads that need not wait; null: all reads wait in line</param>
    public JournalGroupCommitter(IJournalRowStore store, IJournalRowStore? reader = null)
    {
        _store = store;
        _reader = reader;
        _loop = Task.Run(RunAsync);
        _readLoop = reader is null ? Task.CompletedTask : Task.Run(() => RunReadsAsync(reader));
    }

    /// <summary>Commits, per atomic write, all of its rows or none; a refused write fails alone, not its group.</summary>
    public Task WriteAsync(IReadOnlyList<JournalRow> atomicWrite)
    {
        var request = new WriteRequest(atomicWrite);
        if (_reader is not null) Unsettle(request, +1);
        if (_queue.Writer.TryWrite(request)) return request.Done.Task;
        if (_reader is not null) Unsettle(request, -1);
        return Task.FromException(new ObjectDisposedException(nameof(JournalGroupCommitter)));
    }

    public Task<long> HighestSequenceNrAsync(string persistenceId)
    {
        var request = new HighestRequest(persistenceId);
        var queued = _reader is not null && !HasUnsettledWrite(persistenceId)
            ? _reads.Writer.TryWrite(request)
            : _queue.Writer.TryWrite(request);
        return queued ? request.Done.Task : Task.FromException<long>(new ObjectDisposedException(nameof(JournalGroupCommitter)));
    }

    private bool HasUnsettledWrite(string persistenceId)
    {
        lock (_unsettled) return _unsettled.ContainsKey(persistenceId);
    }

    private void Unsettle(WriteRequest write, int by)
    {
        lock (_unsettled)
        {
            string? last = null;
            foreach (var row in write.Rows)
            {
                // an atomic write is one actor's: its rows share an id, counted once
                if (row.PersistenceId == last) continue;
                last = row.PersistenceId;
                var n = _unsettled.GetValueOrDefault(last) + by;
                if (n > 0) _unsettled[last] = n;
                else _unsettled.Remove(last);
            }
        }
    }

    private async Task RunReadsAsync(IJournalRowStore reader)
    {
        var reads = new List<HighestRequest>();
        while (await _reads.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reads.Count < MaxRowsPerCommit && _reads.Reader.TryRead(out var read)) reads.Add(read);
            await AnswerAsync(reader, reads).ConfigureAwait(false);
            reads.Clear();
        }
    }

    private async Task RunAsync()
    {
        var writes = new List<WriteRequest>();
        var reads = new List<HighestRequest>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var rows = 0;
            while (rows < MaxRowsPerCommit && _queue.Reader.TryRead(out var item))
            {
                if (item is WriteRequest w)
                {
                    writes.Add(w);
                    rows += w.Rows.Count;
                }
                else reads.Add((HighestRequest)item);
            }
            if (writes.Count > 0) await CommitAsync(writes).ConfigureAwait(false);
            if (reads.Count > 0) await AnswerAsync(_store, reads).ConfigureAwait(false);
            writes.Clear();
            reads.Clear();
        }
    }

    private async Task CommitAsync(List<WriteRequest> writes)
    {
        try
        {
            await _store.InsertAsync(writes.Count == 1 ? writes[0].Rows : writes.SelectMany(w => w.Rows).ToList()).ConfigureAwait(false);
            foreach (var w in writes) Settle(w, null);
            return;
        }
        catch (Exception) when (writes.Count > 1)
        {
            // One refused write (a duplicate sequence number from a second incarnation) must not fail the others:
            // commit each on its own and fail only the one the store refuses.
        }
        catch (Exception ex)
        {
            Settle(writes[0], ex);
            return;
        }
        foreach (var w in writes)
        {
            try
            {
                await _store.InsertAsync(w.Rows).ConfigureAwait(false);
                Settle(w, null);
            }
            catch (Exception ex)
            {
                Settle(w, ex);
            }
        }
    }

    /// <summary>The write is durable or failed: reads of its id may skip the line again, then its writer hears.</summary>
    private void Settle(WriteRequest write, Exception? failure)
    {
        if (_reader is not null) Unsettle(write, -1);
        if (failure is null) write.Succeed();
        else write.Done.TrySetException(failure);
    }

    private static async Task AnswerAsync(IJournalRowStore store, List<HighestRequest> reads)
    {
        try
        {
            var ids = reads.Select(r => r.PersistenceId).ToHashSet(StringComparer.Ordinal);
            var highest = await store.HighestSequenceNrsAsync(ids).ConfigureAwait(false);
            foreach (var r in reads) r.Done.TrySetResult(highest.GetValueOrDefault(r.PersistenceId));
        }
        catch (Exception ex)
        {
            foreach (var r in reads) r.Done.TrySetException(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _reads.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await _readLoop.ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        if (_reader is not null) await _reader.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class WriteRequest(IReadOnlyList<JournalRow> rows)
    {
        public IReadOnlyList<JournalRow> Rows { get; } = rows;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly long _queuedAt = Stopwatch.GetTimestamp();

        /// <summary>Durable: the writer may go on; the latency it saw (queue wait plus commit) is recorded.</summary>
        public void Succeed()
        {
            TradingInstruments.RecordJournalWrite(_queuedAt);
            Done.TrySetResult();
        }
    }

    private sealed class HighestRequest(string persistenceId)
    {
        public string PersistenceId { get; } = persistenceId;
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
