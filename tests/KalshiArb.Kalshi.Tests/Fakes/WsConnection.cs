using System.Net.WebSockets;

namespace KalshiArb.Kalshi.Tests.Fakes;

/// <summary>The server side of one fake Kalshi WebSocket connection.</summary>
public sealed class WsConnection(WebSocket socket, int number)
{
    public int Number { get; } = number;

    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>
    /// Raw bytes as one message, cut into fragments of <paramref name="fragment"/> bytes. Bytes that are not UTF-8
    /// must go as binary: the client's socket itself closes on a text message that is not UTF-8.
    /// </summary>
    public async Task SendRawAsync(byte[] bytes, int fragment, bool binary = false)
    {
        for (var at = 0; at < bytes.Length; at += fragment)
        {
            var n = Math.Min(fragment, bytes.Length - at);
            await socket.SendAsync(bytes.AsMemory(at, n), binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, endOfMessage: at + n >= bytes.Length, CancellationToken.None);
        }
    }

    /// <summary>The next text message, or null once the peer closed.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken ct = default)
    {
        var buffer = new byte[8192];
        using var ms = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult r;
            try
            {
                r = await socket.ReceiveAsync(buffer, ct);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                return null;
            }
            if (r.MessageType == WebSocketMessageType.Close) return null;
            ms.Write(buffer, 0, r.Count);
            if (r.EndOfMessage) return Encoding.UTF8.GetString(ms.ToArray());
        }
    }

    /// <summary>Kills the TCP connection without a close handshake.</summary>
    public void Abort() => socket.Abort();

    /// <summary>Keeps the connection open until the client goes away.</summary>
    public async Task DrainAsync()
    {
        while (await ReceiveAsync() is not null) { }
    }
}
