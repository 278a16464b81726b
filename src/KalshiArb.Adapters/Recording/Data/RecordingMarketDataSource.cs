using System.Diagnostics;
using System.Threading.Channels;
using Akka;
using Akka.Streams.Dsl;
using KalshiArb.Actors.Feed;
using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Recording.Format;
using KalshiArb.Recording.Reading;

namespace KalshiArb.Adapters.Recording.Data;

/// <summary>
/// The market data of a replay: <see cref="RunAsync"/> reads the recording in order, parses each market-data frame with
/// the live feed's own session (<see cref="RecordedFeedSession"/>: same parser, seq checks, series filter) and hands the
/// events to every consumer that materialized <see cref="Source"/> (the market feed; in paper mode also the paper venue's
/// feed). Odds snapshots go to the <see cref="RecordedOddsSource"/> and are polled at their recorded place among the
/// frames. Between replay steps (<see cref="ReplayOptions.Step"/>) it waits for the actors (<see cref="IReplayBarrier"/>)
/// and then moves the <see cref="ReplayClock"/>, so a replay's result does not depend on thread timing.
/// </summary>
public sealed class RecordingMarketDataSource : IMarketDataSource
{
    private readonly string _directory;
    private readonly RecordedFeedSession _session;
    private readonly RecordedOddsSource _odds;
    private readonly ReplayClock _clock;
    private readonly ReplayOptions _options;
    private readonly Lock _gate = new();
    // Events go to each consumer in chunks: a bounded channel takes a lock per write and per read, and one write per event
    // was the replay's busiest lock (the reader and the stream pulling from it contended on every event).
    private const int ChunkSize = 64;
    private readonly List<Channel<FeedEvent[]>> _consumers = [];
    // what FlushAsync writes to, replaced (under _gate) when a consumer comes
    private volatile Channel<FeedEvent[]>[] _emitTo = [];
    private readonly List<FeedEvent> _chunk = new(ChunkSize);
    private bool _finished;
    private long _snapshotRequests;

    public RecordingMarketDataSource(string directory, KalshiFeedOptions feedOptions, IEnumerable<string> markets, RecordedOddsSource odds,
        ReplayClock clock, ReplayOptions? options = null)
    {
        _directory = directory;
        _session = new RecordedFeedSession(feedOptions, markets, clock);
        _odds = odds;
        _clock = clock;
        _options = options ?? new ReplayOptions();
    }

    /// <summary>How this replay runs: its step and its pace.</summary>
    public ReplayOptions Options => _options;

    /// <summary>Frames, odds snapshots and events replayed so far.</summary>
    public ReplayProgress Progress { get; private set; } = new(0, 0, 0, 0);

    /// <summary>Asked for by a MarketActor whose book broke: a recording cannot answer, so it is only counted.</summary>
    public long SnapshotRequests => Interlocked.Read(ref _snapshotRequests);

    public Source<FeedEvent, NotUsed> Source()
    {
        var channel = Channel.CreateBounded<FeedEvent[]>(new BoundedChannelOptions(Math.Max(1, _options.BufferPerConsumer / ChunkSize))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_gate)
        {
            // a consumer that comes back after the end (the feed re-runs an ended source) gets an ended stream
            if (_finished) channel.Writer.TryComplete();
            else
            {
                _consumers.Add(channel);
                _emitTo = [.. _consumers];
            }
        }
        return ChannelSource.FromReader(channel.Reader).SelectMany(chunk => chunk);
    }

    public void AddMarkets(IReadOnlyCollection<string> tickers)
    {
        // the recording holds whatever was subscribed when it was made
    }

    public void RequestSnapshot(string ticker) => Interlocked.Increment(ref _snapshotRequests);

    public FeedCountersSnapshot? Counters() => _session.Counters.Snapshot();

    /// <summary>Replays the whole recording into the consumers, then ends their streams. Returns what was replayed.</summary>
    public async Task<ReplayProgress> RunAsync(IReplayBarrier barrier, CancellationToken ct)
    {
        var events = new List<FeedEvent>(8);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        long frames = 0, odds = 0, emitted = 0, records = 0;
        var stepTicks = _options.Step.Ticks;
        long step = long.MinValue;
        long firstTicks = 0;
        var wall = Stopwatch.StartNew();
        try
        {
            await EmitAsync(_session.Connected(), ct).ConfigureAwait(false);
            emitted++;
            using var reader = RecordingReader.Open(_directory);
            while (reader.TryRead(out var m))
            {
                ct.ThrowIfCancellationRequested();
                records++;
                var at = m.ReceivedUtcTicks / stepTicks;
                if (at > step)
                {
                    // every record from here on is at or after the step's start: evaluations due by then run now, as live's timer ran them
                    if (step != long.MinValue)
                    {
                        await FlushAsync(ct).ConfigureAwait(false);
                        await barrier.SettleAsync(emitted, touched, TicksToUnixMs(at * stepTicks), ct).ConfigureAwait(false);
                    }
                    else firstTicks = m.ReceivedUtcTicks;
                    touched.Clear();
                    step = at;
                    _clock.AdvanceTo(at * stepTicks);
                    if (_options.RealTime) await PaceAsync(m.ReceivedUtcTicks - firstTicks, wall, ct).ConfigureAwait(false);
                }
                switch (m.Kind)
                {
                    case RecordKind.MarketDataFrame:
                        frames++;
                        events.Clear();
                        try
                        {
                            _session.OnFrame(m.Payload.Span, TicksToUnixMs(m.ReceivedUtcTicks), events);
                        }
                        catch (FeedResyncRequiredException)
                        {
                            // live would reconnect; a recording goes on with what it holds (the rejection is in the counters)
                        }
                        foreach (var e in events)
                        {
                            if (TickerOf(e) is { } ticker) touched.Add(ticker);
                            await EmitAsync(e, ct).ConfigureAwait(false);
                            emitted++;
                        }
                        break;
                    case RecordKind.OddsSnapshot when m.KeyText is { } sport:
                        odds++;
                        // the frames before it are applied first, so the consensus lands between the same book changes every time
                        var oddsAtMs = TicksToUnixMs(m.ReceivedUtcTicks);
                        await FlushAsync(ct).ConfigureAwait(false);
                        await barrier.SettleAsync(emitted, touched, oddsAtMs, ct).ConfigureAwait(false);
                        touched.Clear();
                        _odds.Offer(sport, m.Payload.Span, new DateTimeOffset(m.ReceivedUtcTicks, TimeSpan.Zero));
                        await barrier.PollOddsAsync(sport, oddsAtMs, ct).ConfigureAwait(false);
                        break;
                }
                if ((records & 0xFFF) == 0) Progress = new ReplayProgress(records, frames, odds, emitted);
            }
            // the recording ends: what was still due runs (live ran on past its last frame)
            await FlushAsync(ct).ConfigureAwait(false);
            await barrier.SettleAsync(emitted, touched, long.MaxValue, ct).ConfigureAwait(false);
            Progress = new ReplayProgress(records, frames, odds, emitted) { Status = reader.Status, Fault = reader.Fault?.ToString() };
            return Progress;
        }
        finally
        {
            lock (_gate)
            {
                _finished = true;
                foreach (var c in _consumers) c.Writer.TryComplete();
            }
        }
    }

    /// <summary>Queues one event for the consumers; a full chunk goes out at once, the rest at the next <see cref="FlushAsync"/>.</summary>
    private ValueTask EmitAsync(FeedEvent e, CancellationToken ct)
    {
        _chunk.Add(e);
        return _chunk.Count >= ChunkSize ? FlushAsync(ct) : ValueTask.CompletedTask;
    }

    /// <summary>Hands every queued event to every consumer (before each wait for the actors: they must have them all).</summary>
    private async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_chunk.Count == 0) return;
        var chunk = _chunk.ToArray();
        _chunk.Clear();
        foreach (var c in _emitTo)
            if (!c.Writer.TryWrite(chunk))
                await c.Writer.WriteAsync(chunk, ct).ConfigureAwait(false);
    }

    private static async Task PaceAsync(long recordedTicks, Stopwatch wall, CancellationToken ct)
    {
        var ahead = TimeSpan.FromTicks(recordedTicks) - wall.Elapsed;
        if (ahead > TimeSpan.Zero) await Task.Delay(ahead, ct).ConfigureAwait(false);
    }

    // as live's DateTimeOffset.ToUnixTimeMilliseconds of the same receive time (floored)
    private static long TicksToUnixMs(long utcTicks) => new DateTimeOffset(utcTicks, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static string? TickerOf(FeedEvent e) => e switch
    {
        BookSnapshot s => s.MarketTicker,
        BookDelta d => d.MarketTicker,
        BookGap g => g.MarketTicker,
        TradePrint t => t.MarketTicker,
        MarketLifecycle l => l.MarketTicker,
        _ => null,
    };
}
