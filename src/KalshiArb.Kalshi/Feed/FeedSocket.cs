using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace KalshiArb.Kalshi.Feed;

/// <summary>
/// One WebSocket connection of the feed: connects within a deadline, sends commands in the order given (one send at
/// a time, as the socket requires), and hands on whole frames of at most <c>maxFrameBytes</c>. A bigger frame is
/// never held past the limit: the rest of it is read and dropped, and <c>onOversized</c> is told instead. Any close,
/// error or cancellation ends <see cref="RunAsync"/> with an exception, so the caller's restart loop takes over.
/// </summary>
internal sealed class FeedSocket(ClientWebSocket socket, int maxFrameBytes) : IDisposable
{
    private const int ChunkBytes = 16 * 1024;

    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Queues a command; commands queued before the socket is open go out once it is.</summary>
    public void Send(string text) => _outbox.Writer.TryWrite(text);

    public async Task RunAsync(Uri url, TimeSpan connectTimeout, Action onConnected, Action<byte[]> onFrame, Action onOversized)
    {
        var ct = _stop.Token;
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            connect.CancelAfter(connectTimeout);
            try
            {
                await socket.ConnectAsync(url, connect.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"feed connect: no answer from {url.Host} within {connectTimeout}");
            }
        }
        onConnected();
        var sending = SendLoopAsync(ct);
        try
        {
            await ReceiveLoopAsync(onFrame, onOversized, ct).ConfigureAwait(false);
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await _stop.CancelAsync().ConfigureAwait(false); // ends the send loop
            try
            {
                await sending.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // the receive side's failure is the one reported
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        await foreach (var text in _outbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(Action<byte[]> onFrame, Action onOversized, CancellationToken ct)
    {
        var chunk = new byte[ChunkBytes];
        var assembled = new ArrayBufferWriter<byte>(ChunkBytes);
        var oversized = false;
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk.AsMemory(), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new WebSocketException($"feed closed by the server: {socket.CloseStatus} {socket.CloseStatusDescription}");
            if (!oversized)
            {
                if (assembled.WrittenCount + result.Count > maxFrameBytes)
                {
                    oversized = true;
                    assembled.Clear();
                }
                else if (result.EndOfMessage && assembled.WrittenCount == 0)
                {
                    // the common case: the whole frame arrived in one read
                    onFrame(chunk.AsSpan(0, result.Count).ToArray());
                    continue;
                }
                else assembled.Write(chunk.AsSpan(0, result.Count));
            }
            if (!result.EndOfMessage) continue;
            if (oversized) onOversized();
            else onFrame(assembled.WrittenSpan.ToArray());
            oversized = false;
            assembled.Clear();
        }
    }

    public void Dispose()
    {
        _outbox.Writer.TryComplete();
        _stop.Cancel();
        socket.Abort();
        socket.Dispose();
        // _stop is not disposed: RunAsync may still be unwinding and cancel it (it holds no timer)
    }
}
