namespace KalshiArb.Actors.Tests.Persistence;

/// <summary>The group-commit loop against a store stand-in that records each transaction and can hold or refuse one.</summary>
public sealed class JournalGroupCommitterSpec
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static JournalRow Row(string pid, long seq) => new(pid, seq, 1, [1, 2, 3], null, "m", 1);

    [Fact]
    public async Task Writes_queued_while_a_commit_runs_go_into_the_next_commit_together()
    {
        var store = new RecordingStore();
        await using var committer = new JournalGroupCommitter(store);
        store.HoldNext();
        var first = committer.WriteAsync([Row("a", 1)]);
        await store.Entered.WaitAsync(Wait);

        var queued = Enumerable.Range(1, 20).Select(i => committer.WriteAsync([Row($"b{i}", 1), Row($"b{i}", 2)])).ToList();
        Assert.False(first.IsCompleted);
        Assert.All(queued, q => Assert.False(q.IsCompleted));
        store.Release();

        await first.WaitAsync(Wait);
        await Task.WhenAll(queued).WaitAsync(Wait);
        Assert.Equal(2, store.Commits.Count);
        Assert.Single(store.Commits[0]);
        Assert.Equal(40, store.Commits[1].Count);
        Assert.Equal(store.Commits[1].Select(r => (r.PersistenceId, r.SequenceNr)),
            Enumerable.Range(1, 20).SelectMany(i => new[] { ($"b{i}", 1L), ($"b{i}", 2L) }));
    }

    [Fact]
    public async Task A_refused_write_fails_alone_and_the_rest_of_its_group_is_committed()
    {
        var store = new RecordingStore { Refuse = rows => rows.Any(r => r.PersistenceId == "dup") };
        await using var committer = new JournalGroupCommitter(store);
        store.HoldNext();
        var first = committer.WriteAsync([Row("a", 1)]);
        await store.Entered.WaitAsync(Wait);
        var good1 = committer.WriteAsync([Row("b", 1)]);
        var bad = committer.WriteAsync([Row("dup", 1), Row("dup", 2)]);
        var good2 = committer.WriteAsync([Row("c", 1)]);
        store.Release();

        await Task.WhenAll(first, good1, good2).WaitAsync(Wait);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(Wait));
        Assert.Contains("refused", ex.Message);
        var committed = store.Commits.SelectMany(c => c).Select(r => r.PersistenceId).ToList();
        Assert.Equal(["a", "b", "c"], committed);
    }

    [Fact]
    public async Task A_highest_sequence_number_asked_after_a_write_is_answered_once_that_write_is_durable()
    {
        var store = new RecordingStore();
        await using var committer = new JournalGroupCommitter(store);
        store.HoldNext();
        var write = committer.WriteAsync([Row("a", 1), Row("a", 2)]);
        await store.Entered.WaitAsync(Wait);
        var highest = committer.HighestSequenceNrAsync("a");
        var unknown = committer.HighestSequenceNrAsync("never-written");
        Assert.False(highest.IsCompleted);

        store.Release();
        Assert.Equal(2, await highest.WaitAsync(Wait));
        Assert.Equal(0, await unknown.WaitAsync(Wait));
        Assert.True(write.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task With_a_reader_a_new_id_is_answered_while_a_commit_runs_and_an_id_with_a_queued_write_still_waits_for_it()
    {
        var store = new RecordingStore();
        await using var committer = new JournalGroupCommitter(store, reader: store);
        await committer.WriteAsync([Row("old", 1)]).WaitAsync(Wait);
        store.HoldNext();
        var held = committer.WriteAsync([Row("a", 1)]);
        await store.Entered.WaitAsync(Wait);
        var queued = committer.WriteAsync([Row("b", 1), Row("b", 2)]);

        // neither id has a write in line: answered now, while the commit is held
        Assert.Equal(0, await committer.HighestSequenceNrAsync("new").WaitAsync(Wait));
        Assert.Equal(1, await committer.HighestSequenceNrAsync("old").WaitAsync(Wait));
        // these have: answered only once their writes are durable
        var a = committer.HighestSequenceNrAsync("a");
        var b = committer.HighestSequenceNrAsync("b");
        Assert.False(a.IsCompleted);
        Assert.False(b.IsCompleted);

        store.Release();
        Assert.Equal(1, await a.WaitAsync(Wait));
        Assert.Equal(2, await b.WaitAsync(Wait));
        Assert.True(held.IsCompletedSuccessfully);
        Assert.True(queued.IsCompletedSuccessfully);
        // settled: the next read of "b" takes the reader again and sees the same
        Assert.Equal(2, await committer.HighestSequenceNrAsync("b").WaitAsync(Wait));
    }

    [Fact]
    public async Task With_a_reader_a_failed_write_no_longer_holds_reads_of_its_id_back()
    {
        var store = new RecordingStore { Refuse = rows => rows.Any(r => r.PersistenceId == "dup") };
        await using var committer = new JournalGroupCommitter(store, reader: store);
        await Assert.ThrowsAsync<InvalidOperationException>(() => committer.WriteAsync([Row("dup", 1)]).WaitAsync(Wait));
        store.HoldNext();
        var held = committer.WriteAsync([Row("a", 1)]);
        await store.Entered.WaitAsync(Wait);
        Assert.Equal(0, await committer.HighestSequenceNrAsync("dup").WaitAsync(Wait));
        store.Release();
        await held.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_store_that_fails_fails_the_writes_and_reads_waiting_on_it_and_the_loop_goes_on()
    {
        var store = new RecordingStore { FailAll = true };
        var committer = new JournalGroupCommitter(store);
        await Assert.ThrowsAsync<IOException>(() => committer.WriteAsync([Row("a", 1)]).WaitAsync(Wait));
        await Assert.ThrowsAsync<IOException>(() => committer.HighestSequenceNrAsync("a").WaitAsync(Wait));

        store.FailAll = false;
        await committer.WriteAsync([Row("a", 1)]).WaitAsync(Wait);
        Assert.Equal(1, await committer.HighestSequenceNrAsync("a").WaitAsync(Wait));

        await committer.DisposeAsync();
        Assert.True(store.Disposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => committer.WriteAsync([Row("b", 1)]));
    }

    /// <summary>Records committed groups; all or nothing per call, like one transaction.</summary>
    private sealed class RecordingStore : IJournalRowStore
    {
        private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
        private TaskCompletionSource? _hold;
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<IReadOnlyList<JournalRow>> Commits { get; } = [];
        public Func<IReadOnlyList<JournalRow>, bool>? Refuse { get; init; }
        public volatile bool FailAll;
        public bool Disposed { get; private set; }
        public Task Entered => _entered.Task;

        public void HoldNext() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _hold?.TrySetResult();

        public async Task InsertAsync(IReadOnlyList<JournalRow> rows)
        {
            if (_hold is { } hold)
            {
                _entered.TrySetResult();
                await hold.Task;
                _hold = null;
            }
            if (FailAll) throw new IOException("disk full");
            if (Refuse?.Invoke(rows) == true) throw new InvalidOperationException("refused: duplicate sequence number");
            Commits.Add(rows.ToList());
            foreach (var r in rows) _highest[r.PersistenceId] = Math.Max(_highest.GetValueOrDefault(r.PersistenceId), r.SequenceNr);
        }

        public Task<IReadOnlyDictionary<string, long>> HighestSequenceNrsAsync(IReadOnlyCollection<string> persistenceIds)
        {
            if (FailAll) throw new IOException("disk full");
            IReadOnlyDictionary<string, long> result = persistenceIds.Where(_highest.ContainsKey).ToDictionary(id => id, id => _highest[id]);
            return Task.FromResult(result);
        }

        public ValueTask DisposeAsync()
        {
            // the same stand-in may serve as writer and reader
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
