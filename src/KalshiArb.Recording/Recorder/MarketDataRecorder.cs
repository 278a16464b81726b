using System.Collections.Concurrent;
using KalshiArb.Recording.Writing;

namespace KalshiArb.Recording.Recorder;

/// <summary>
/// The node's recorder (<c>run --record DIR</c>): the feed and the odds client hand it what they received and return
/// at once; a bounded queue takes it to one writer thread of its own, which appends to a <see cref="RecordingWriter"/>
/// and seals a quiet block every <see cref="MarketDataRecorderOptions.FlushInterval"/>. A full queue drops the record
/// and counts it (the feed is never slowed); a writer that fails (disk full) is reported once and everything after it is
/// counted as dropped. <see cref="EndIntake"/> ends the recording at the start of a shutdown: what is offered after it
/// (or after the close) is counted apart, not as dropped. <see cref="Dispose"/> drains the queue and closes the
/// recording (index written).
/// </summary>
public sealed class MarketDataRecorder : IDisposable
{
    private readonly record struct Entry(RecordKind Kind, long Ticks, uint Source, byte[] Payload, string? Key);

    private static readonly byte[] TickerField = "\"market_ticker\":\""u8.ToArray();

    private readonly MarketDataRecorderOptions _options;
    private readonly RecordingWriter _writer;
    private readonly BlockingCollection<Entry> _queue;
    private readonly Thread _thread;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private long _offered;
    private long _written;
    private long _droppedFull;
    private long _droppedFailed;
    private long _afterEnd;
    private volatile string? _fault;
    private int _disposed;
    private int _intakeEnded;

    public MarketDataRecorder(string directory, MarketDataRecorderOptions? options = null) : this(directory, options, startWriter: true)
    {
    }

    /// <summary>Specs hold the writer back to fill the queue (<see cref="StartWriter"/> lets it go).</summary>
    internal MarketDataRecorder(string directory, MarketDataRecorderOptions? options, bool startWriter)
    {
        _options = options ?? new MarketDataRecorderOptions();
        _options.Validate();
        System.IO.Directory.CreateDirectory(directory);
        _writer = new RecordingWriter(directory, _options.Writer);
        _queue = new BlockingCollection<Entry>(_options.QueueCapacity);
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "market-data-recorder" };
        if (startWriter) _thread.Start();
    }

    internal void StartWriter() => _thread.Start();

    public string Directory => _writer.Directory;

    public RecorderCounts Counts => new(Interlocked.Read(ref _offered), Interlocked.Read(ref _written), Interlocked.Read(ref _droppedFull),
        Interlocked.Read(ref _droppedFailed), _fault, Interlocked.Read(ref _afterEnd));

    /// <summary>
    /// The recording ends here (the node's shutdown begins: its market feed stops); records already queued are still
    /// written. Frames the connection still delivers until it closes are counted apart, not as drops. In paper mode the
    /// paper venue may still fill a draining order on such a frame: a replay of the recording does not see that fill.
    /// </summary>
    public void EndIntake() => Volatile.Write(ref _intakeEnded, 1);

    /// <summary>A market-data WS frame as received (the array is kept, not copied: the socket allocates one per frame).</summary>
    public bool RecordFrame(byte[] frame, DateTimeOffset receivedAt) =>
        Offer(new Entry(RecordKind.MarketDataFrame, receivedAt.UtcTicks, _options.FeedSourceId, frame, null));

    /// <summary>An odds answer body as received, keyed by sport.</summary>
    public bool RecordOdds(string sportKey, byte[] body, DateTimeOffset receivedAt) =>
        Offer(new Entry(RecordKind.OddsSnapshot, receivedAt.UtcTicks, _options.OddsSourceId, body, sportKey));

    /// <summary>A marker the node writes itself (e.g. the discovered catalog, see FORMAT.md).</summary>
    public bool RecordMarker(string key, byte[] payload, DateTimeOffset at) =>
        Offer(new Entry(RecordKind.Marker, at.UtcTicks, _options.OddsSourceId, payload, key));

    private bool Offer(Entry entry)
    {
        Interlocked.Increment(ref _offered);
        if (Volatile.Read(ref _intakeEnded) != 0 || Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Increment(ref _afterEnd);
            return false;
        }
        if (_fault is not null)
        {
            Interlocked.Increment(ref _droppedFailed);
            return false;
        }
        bool added;
        try
        {
            added = _queue.TryAdd(entry);
        }
        catch (InvalidOperationException)
        {
            added = false; // closed while we were adding: shutting down
        }
        if (!added)
        {
            Interlocked.Increment(ref _droppedFull);
            return false;
        }
        return true;
    }

    private void WriteLoop()
    {
        var flushMs = (int)Math.Max(1, _options.FlushInterval.TotalMilliseconds);
        while (!_queue.IsCompleted)
        {
            Entry e;
            try
            {
                if (!_queue.TryTake(out e, flushMs))
                {
                    Guarded(() => _writer.FlushIfDue(DateTime.UtcNow.Ticks));
                    continue;
                }
            }
            catch (InvalidOperationException)
            {
                break; // completed and empty
            }
            if (_fault is not null)
            {
                Interlocked.Increment(ref _droppedFailed);
                continue;
            }
            var key = e.Key ?? (e.Kind == RecordKind.MarketDataFrame ? TickerOf(e.Payload) : null);
            if (Guarded(() => _writer.Append(e.Kind, e.Ticks, e.Source, e.Payload, key))) Interlocked.Increment(ref _written);
            else Interlocked.Increment(ref _droppedFailed);
        }
    }

    /// <summary>The frame's market ticker (the record key), found by a byte search rather than a parse: one per frame, shared strings.</summary>
    private string? TickerOf(ReadOnlySpan<byte> frame)
    {
        var at = frame.IndexOf(TickerField);
        if (at < 0) return null;
        var rest = frame[(at + TickerField.Length)..];
        var end = rest.IndexOf((byte)'"');
        if (end is <= 0 or > 64) return null;
        var text = Encoding.UTF8.GetString(rest[..end]);
        if (_keys.TryGetValue(text, out var known)) return known;
        _keys[text] = text;
        return text;
    }

    private bool Guarded(Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _fault ??= $"{ex.GetType().Name}: {ex.Message}";
            return false;
        }
    }

    /// <summary>Stops taking records, writes what is queued (bounded by <paramref name="timeout"/>) and closes the recording.</summary>
    public RecorderCounts Close(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return Counts;
        _queue.CompleteAdding();
        if (!_thread.Join(timeout)) _fault ??= $"writer still busy after {timeout.TotalSeconds:0.#} s at close";
        else
        {
            Guarded(_writer.Dispose);
            _queue.Dispose();
        }
        return Counts;
    }

    public void Dispose() => Close(TimeSpan.FromSeconds(30));
}
