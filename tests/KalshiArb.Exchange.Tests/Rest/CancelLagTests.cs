using static KalshiArb.Exchange.Tests.Support.SimHarness;

namespace KalshiArb.Exchange.Tests.Rest;

public sealed class CancelLagTests
{
    [Fact]
    public async Task Canceled_order_still_reads_resting_during_the_lag()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var h = await Start(configure: o => o with { CancelVisibilityLag = TimeSpan.FromMilliseconds(400), Clock = clock });
        var id = (await h.Alice.Post("/portfolio/events/orders", Order("bid", "0.2000", "1.00"))).Str("order_id");
        Assert.Equal(200, (await h.Alice.Delete($"/portfolio/events/orders/{id}")).Status);
        Assert.Equal("resting", (await h.Alice.Get($"/portfolio/orders/{id}")).Str("order", "status"));
        clock.Advance(TimeSpan.FromMilliseconds(450));
        Assert.Equal("canceled", (await h.Alice.Get($"/portfolio/orders/{id}")).Str("order", "status"));
    }
}
