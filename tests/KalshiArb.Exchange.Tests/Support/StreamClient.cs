using System.Net.WebSockets;

namespace KalshiArb.Exchange.Tests.Support;

/// <summary>Signed ClientWebSocket that hands back parsed frames one at a time.</summary>
public sealed class StreamClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;
    private int _nextId;

    private StreamClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public static async Task<StreamClient> Connect(ExchangeSimulator sim, TestAccount account, long? timestampMs = null, bool sign = true)
    {
        var socket = new ClientWebSocket();
        if (sign)
        {
            var ts = (timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            socket.Options.SetRequestHeader("KALSHI-ACCESS-KEY", account.KeyId);
            socket.Options.SetRequestHeader("KALSHI-ACCESS-TIMESTAMP", ts);
            socket.Options.SetRequestHeader("KALSHI-ACCESS-SIGNATURE", account.Sign(ts, "GET", sim.WsUrl.AbsolutePath));
        }
        try
        {
            using var cts = new CancellationTokenSource(DefaultTimeout);
            await socket.ConnectAsync(sim.WsUrl, cts.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new StreamClient(socket);
    }

    /// <summary>Sends a command and returns its id.</summary>
    public async Task<int> Command(string cmd, object? parameters = null)
    {
        var id = ++_nextId;
        var json = JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = id, ["cmd"] = cmd, ["params"] = parameters });
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        return id;
    }

    public Task SendRaw(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Next frame, or throws on timeout / close.</summary>
    public async Task<JsonElement> Next(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        while (true)
        {
            var r = await _socket.ReceiveAsync(buffer, cts.Token);
            if (r.MessageType == WebSocketMessageType.Close) throw new WebSocketException("server closed the connection");
            ms.Write(buffer, 0, r.Count);
            if (r.EndOfMessage) break;
        }
        return JsonDocument.Parse(ms.ToArray()).RootElement.Clone();
    }

    /// <summary>Skips frames until one matches.</summary>
    public async Task<JsonElement> NextWhere(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("no matching frame");
            var frame = await Next(left);
            if (match(frame)) return frame;
        }
    }

    /// <summary>
    /// Frames queued before a command's reply leave before it: send list_subscriptions and return everything up to its reply.
    /// </summary>
    public async Task<List<JsonElement>> DrainUntilSync()
    {
        var id = await Command("list_subscriptions");
        var frames = new List<JsonElement>();
        while (true)
        {
            var f = await Next();
            if (f.TryGetProperty("id", out var i) && i.GetInt32() == id) return frames;
            frames.Add(f);
        }
    }

    public static string Type(JsonElement frame) => frame.GetProperty("type").GetString()!;

    public async Task<int> Subscribe(string[] channels, string[]? tickers = null)
    {
        var p = new Dictionary<string, object> { ["channels"] = channels };
        if (tickers is not null) p["market_tickers"] = tickers;
        var id = await Command("subscribe", p);
        var reply = await NextWhere(f => f.TryGetProperty("id", out var i) && i.GetInt32() == id);
        Assert.Equal("subscribed", Type(reply));
        return reply.GetProperty("msg").GetProperty("sid").GetInt32();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }
        _socket.Dispose();
    }
}
