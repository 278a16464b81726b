using KalshiArb.Exchange.Liquidity;

namespace KalshiArb.Exchange.Tests.Streaming;

public sealed class LiveTickTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Background_ticks_in_load_mode_pump_consistent_deltas()
    {
        await using var h = await SimHarness.Start(liquidity: true, configure: o => o with
        {
            TickInterval = TimeSpan.FromMilliseconds(1),
            Liquidity = new LiquidityOptions { ChurnAllQuotes = true, LevelsPerSide = 5, TakerProbabilityPerTick = 0.5 },
        });
        await using var ws = await StreamClient.Connect(h.Sim, h.Alice.Account);
        await ws.Subscribe(["orderbook_delta"], [SimHarness.Market]);
        var replay = new BookReplay();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (replay.Deltas < 2000)
        {
            var f = await ws.Next();
            if (f.GetProperty("type").GetString() is "orderbook_snapshot" or "orderbook_delta") replay.Apply(f);
        }
        output.WriteLine($"{replay.Deltas} deltas for one market in {sw.ElapsedMilliseconds} ms");
        Assert.True(replay.LastSeq > 2000);
        Assert.True(h.X.FairValues.Ticks > 0);
    }
}
