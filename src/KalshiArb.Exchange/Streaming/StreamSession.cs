using System.Net.WebSockets;
using System.Threading.Channels;

namespace KalshiArb.Exchange.Streaming;

/// <summary>
/// One authenticated WebSocket connection: its subscriptions and an outbox drained by a single writer task,
/// so producers (market locks) never wait on the network and frames leave in the order they were queued.
/// </summary>
internal sealed class StreamSession
{
    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxQueued;
    private readonly CancellationTokenSource _abort = new();
    private int _nextSid;
    private long _queued;

    private static readonly TimeSpan OverflowGrace = TimeSpan.FromSeconds(2);
    private readonly Action _onOverflow;

    public StreamSession(long id, string accountId, WebSocket socket, int maxQueued, Action onOverflow)
    {
        _onOverflow = onOverflow;
        Id = id;
        AccountId = accountId;
        _socket = socket;
        _maxQueued = maxQueued;
    }

    public long Id { get; }
    public string AccountId { get; }

    /// <summary>Guards <see cref="Subscriptions"/>, seq numbers and the order of queued frames.</summary>
    public Lock Gate { get; } = new();

    public Dictionary<int, StreamSubscription> Subscriptions { get; } = [];

    public bool Overflowed { get; private set; }

    public CancellationToken Aborted => _abort.Token;

    public int NextSid() => ++_nextSid;

    /// <summary>Queues a frame; the caller holds <see cref="Gate"/>. A full outbox fails the connection with error 25.</summary>
    public void EnqueueLocked(byte[] frame)
    {
        if (Overflowed) return;
        if (Interlocked.Read(ref _queued) >= _maxQueued)
        {
            // Never drop a delta silently: tell the client and close, it must resubscribe and resync.
            Overflowed = true;
            _onOverflow();
            _outbox.Writer.TryWrite(StreamFrames.Error(null, 25, "buffer overflow: connection too slow"));
            _outbox.Writer.TryComplete();
            // a peer that stopped reading would block the writer forever: give the error frame a moment, then cut
            _abort.CancelAfter(OverflowGrace);
            return;
        }
        if (_outbox.Writer.TryWrite(frame)) Interlocked.Increment(ref _queued);
    }

    public void Enqueue(byte[] frame)
    {
        lock (Gate) EnqueueLocked(frame);
    }

    /// <summary>Sends queued frames until the outbox completes or the connection dies.</summary>
    public async Task RunWriterAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(_abort.Token))
            {
                Interlocked.Decrement(ref _queued);
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _abort.Token);
            }
            if (Overflowed && _socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "buffer overflow", CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the connection ended under us: the reader side notices and cleans up
            Abort();
        }
    }

    /// <summary>Kills the connection without a close handshake (fault injection, overflow, shutdown).</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        _abort.Cancel();
        _socket.Abort();
    }

    public void CompleteOutbox() => _outbox.Writer.TryComplete();
}
