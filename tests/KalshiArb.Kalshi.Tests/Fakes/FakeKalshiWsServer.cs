using System.Collections.Concurrent;

namespace KalshiArb.Kalshi.Tests.Fakes;

/// <summary>
/// A loopback Kalshi-like WebSocket endpoint at /trade-api/ws/v2. It checks the signed handshake
/// (401 when wrong) and hands each connection to the test's script.
/// </summary>
public sealed class FakeKalshiWsServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private int _connections;

    private FakeKalshiWsServer(LoopbackServer server) => _server = server;

    public ConcurrentQueue<string> Commands { get; } = new();
    public int Connections => Volatile.Read(ref _connections);
    public int RejectedHandshakes;
    public Uri Url => new($"ws://{_server.BaseUrl.Authority}/trade-api/ws/v2");

    public static async Task<FakeKalshiWsServer> StartAsync(RSA publicKey, Func<WsConnection, FakeKalshiWsServer, Task> script)
    {
        FakeKalshiWsServer? self = null;
        var server = await LoopbackServer.StartAsync(async (ctx, seen) =>
        {
            if (!ctx.WebSockets.IsWebSocketRequest || seen.Path != "/trade-api/ws/v2")
            {
                ctx.Response.StatusCode = 404;
                return;
            }
            if (!SignatureValid(publicKey, seen))
            {
                Interlocked.Increment(ref self!.RejectedHandshakes);
                await LoopbackServer.Json(ctx, 401, """{"error":{"code":"authentication_error","message":"bad","details":"INCORRECT_API_KEY_SIGNATURE"}}""");
                return;
            }
            using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
            var n = Interlocked.Increment(ref self!._connections);
            await script(new WsConnection(socket, n), self);
        }, webSockets: true);
        self = new FakeKalshiWsServer(server);
        return self;
    }

    private static bool SignatureValid(RSA key, SeenRequest r)
    {
        if (!r.Headers.TryGetValue(KalshiSigner.TimestampHeader, out var ts) || !r.Headers.TryGetValue(KalshiSigner.SignatureHeader, out var sig)
            || !r.Headers.ContainsKey(KalshiSigner.KeyHeader)) return false;
        return key.VerifyData(Encoding.UTF8.GetBytes(ts + "GET/trade-api/ws/v2"), Convert.FromBase64String(sig), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
    }

    /// <summary>Reads the next command and records it.</summary>
    public async Task<string?> NextCommandAsync(WsConnection c)
    {
        var cmd = await c.ReceiveAsync();
        if (cmd is not null) Commands.Enqueue(cmd);
        return cmd;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
