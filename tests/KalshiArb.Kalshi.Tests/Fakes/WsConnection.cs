using System.Net.WebSockets;
using System.Text;

namespace KalshiArb.Kalshi.Tests.Fakes;

/// <summary>The server side of one fake Kalshi WebSocket connection.</summary>
public sealed class WsConnection(WebSocket socket, int number)
{
    public int Number { get; } = number;

    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

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
