namespace KalshiArb.Exchange.Tests.Streaming;

public sealed class DeterminismTests
{
    [Fact]
    public async Task Same_seed_and_ticks_give_the_same_books()
    {
        async Task<string> Run(int seed)
        {
            await using var h = await SimHarness.Start(liquidity: true, configure: o => o with { Seed = seed });
            for (var i = 0; i < 60; i++) h.X.Tick();
            return (await h.Alice.Get($"/markets/{SimHarness.Market}/orderbook")).Text
                   + (await h.Alice.Get($"/markets/{SimHarness.Market}")).Body.GetProperty("market").GetProperty("volume_fp").GetString();
        }
        var a = await Run(11);
        Assert.Equal(a, await Run(11));
        Assert.NotEqual(a, await Run(12));
    }
}
