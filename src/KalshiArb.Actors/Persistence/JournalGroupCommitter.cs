using System.Diagnostics;
using System.Threading.Channels;
using KalshiArb.Actors.Metrics;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// One writer per journal that commits whatever is queued as one transaction (group commit). Every order, the gate and
/// the shards write through one journal; Akka.Persistence.Sql builds and runs each write on its own (statement building
/// measured at most of a lifecycle's CPU, and one fsync per write), so under load the writes queued behind each other.
/// Here a write waits at most for the commit in progress; the next commit takes everything that queued meanwhile.
/// Highest-sequence-number reads (every persistent actor's recovery) go through the same loop, after the writes queued
/// before them are durable, so a recovering actor never misses its own last write.
/// </summary>
public sealed class JournalGroupCommitter : IAsyncDisposable
{
    /// <summary>A bound on one transaction, so one huge backlog does not become one huge commit.</summary>
    private const int MaxRowsPerCommit = 2_000;

    private readonly IJournalRowStore _store;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public JournalGroupCommitter(IJournalRowStore store)
    {
        _store = store;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Commits, per atomic write, all of its rows or none; a refused write fails alone, not its group.</summary>
    public Task WriteAsync(IReadOnlyList<JournalRow> atomicWrite)
    {
        var request = new WriteRequest(atomicWrite);
        if (!_queue.Writer.TryWrite(request)) return Task.FromException(new ObjectDisposedException(nameof(JournalGroupCommitter)));
        return request.Done.Task;
    }

    public Task<long> HighestSequenceNrAsync(string persistenceId)
    {
        var request = new HighestRequest(persistenceId);
        if (!_queue.Writer.TryWrite(request)) return Task.FromException<long>(new ObjectDisposedException(nameof(JournalGroupCommitter)));
        return request.Done.Task;
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
            if (reads.Count > 0) await AnswerAsync(reads).ConfigureAwait(false);
            writes.Clear();
            reads.Clear();
        }
    }

    private async Task CommitAsync(List<WriteRequest> writes)
    {
        try
        {
            await _store.InsertAsync(writes.Count == 1 ? writes[0].Rows : writes.SelectMany(w => w.Rows).ToList()).ConfigureAwait(false);
            foreach (var w in writes) w.Succeed();
            return;
        }
        catch (Exception) when (writes.Count > 1)
        {
            // One refused write (a duplicate sequence number from a second incarnation) must not fail the others:
            // commit each on its own and fail only the one the store refuses.
        }
        catch (Exception ex)
        {
            writes[0].Done.TrySetException(ex);
            return;
        }
        foreach (var w in writes)
        {
            try
            {
                await _store.InsertAsync(w.Rows).ConfigureAwait(false);
                w.Succeed();
            }
            catch (Exception ex)
            {
                w.Done.TrySetException(ex);
            }
        }
    }

    private async Task AnswerAsync(List<HighestRequest> reads)
    {
        try
        {
            var ids = reads.Select(r => r.PersistenceId).ToHashSet(StringComparer.Ordinal);
            var highest = await _store.HighestSequenceNrsAsync(ids).ConfigureAwait(false);
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
        await _loop.ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
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
