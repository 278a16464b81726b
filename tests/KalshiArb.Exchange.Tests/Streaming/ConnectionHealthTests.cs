using KalshiArb.Exchange.Liquidity;

namespace KalshiArb.Exchange.Tests.Streaming;

public sealed class ConnectionHealthTests
{
    private const int Ping = 0x9;
    private const int Text = 0x1;

    [Fact]
    public async Task Server_pings_at_the_configured_interval()
    {
        await using var h = await SimHarness.Start(configure: o => o with { PingInterval = TimeSpan.FromMilliseconds(200) });
        await using var raw = await RawWebSocket.Connect(h.Sim, h.Alice.Account);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var frame = await raw.NextFrame(cts.Token);
        Assert.NotNull(frame);
        Assert.Equal(Ping, frame.Value.Opcode);
    }

    [Fact]
    public async Task A_reader_that_falls_behind_gets_error_25_and_is_disconnected()
    {
        await using var h = await SimHarness.Start(liquidity: true, configure: o => o with
        {
            MaxQueuedFramesPerConnection = 50,
            Liquidity = new LiquidityOptions { ChurnAllQuotes = true, LevelsPerSide = 8 },
        });
        await using var raw = await RawWebSocket.Connect(h.Sim, h.Alice.Account);
        await raw.SendText("""{"id":1,"cmd":"subscribe","params":{"channels":["orderbook_delta"]}}""");
        // the client reads nothing while the exchange churns: socket buffers fill, then the outbox
        for (var i = 0; i < 20_000 && h.X.OverflowedConnections == 0; i++) h.X.Tick();
        Assert.Equal(1, h.X.OverflowedConnections);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sawError = false;
        while (await raw.NextFrame(cts.Token) is { } frame)
        {
            if (frame.Opcode == Text && Encoding.UTF8.GetString(frame.Payload).Contains("\"code\":25", StringComparison.Ordinal)) sawError = true;
            if (frame.Opcode == 0x8) break;
        }
        Assert.True(sawError, "the error 25 frame should precede the close");
    }
}
