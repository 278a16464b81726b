using System.Buffers;
using System.Net.WebSockets;

namespace KalshiArb.Exchange.Streaming;

/// <summary>Accepts an authenticated upgrade on /trade-api/ws/v2 and runs the connection's read and write loops.</summary>
internal sealed class StreamEndpoint(SimulatedExchange exchange)
{
    private const int MaxCommandBytes = 64 * 1024;
    private static readonly TimeSpan WriterDrainLimit = TimeSpan.FromSeconds(2);
    private readonly StreamCommands _commands = new(exchange);

    public async Task HandleAsync(HttpContext ctx)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            await Rest.ApiErrors.Write(ctx, 400, "invalid_parameters", "expected a WebSocket upgrade", null);
            return;
        }
        var accountId = Rest.RequestAccount.Get(ctx).AccountId;
        var ping = exchange.Options.PingInterval;
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = ping,
            // with a timeout set, the server sends real pings and drops peers that stop answering
            KeepAliveTimeout = ping * 3,
        });
        var session = new StreamSession(exchange.Hub.NewSessionId(), accountId, socket, exchange.Options.MaxQueuedFramesPerConnection, exchange.Hub.RecordOverflow);
        exchange.Hub.Add(session);
        var writer = Task.Run(session.RunWriterAsync);
        try
        {
            await ReadLoopAsync(session, socket);
        }
        finally
        {
            exchange.Hub.Remove(session);
            session.CompleteOutbox();
            // let queued frames drain, but a peer that stopped reading must not pin this handler
            try
            {
                await writer.WaitAsync(WriterDrainLimit);
            }
            catch (TimeoutException)
            {
                session.Abort();
                await writer;
            }
            if (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseReceived)
            {
                try
                {
                    using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", closeTimeout.Token);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                    // peer already gone: nothing to close
                    session.Abort();
                }
            }
        }
    }

    private async Task ReadLoopAsync(StreamSession session, WebSocket socket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxCommandBytes);
        try
        {
            while (!session.Aborted.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length >= MaxCommandBytes)
                    {
                        session.Enqueue(StreamFrames.Error(null, 1, "message too large"));
                        return;
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length, MaxCommandBytes - length), session.Aborted);
                    if (result.MessageType == WebSocketMessageType.Close) return;
                    length += result.Count;
                } while (!result.EndOfMessage);
                try
                {
                    _commands.Handle(session, buffer.AsMemory(0, length));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // a bug in one command must not kill the connection: Kalshi's code 17 is "internal error"
                    session.Enqueue(StreamFrames.Error(null, 17, $"internal error: {ex.GetType().Name}"));
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // connection dropped (client gone or fault injection): cleanup runs in the caller
            session.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
