using KalshiArb.Actors.Venues;
using KalshiArb.Adapters.Paper.Config;
using KalshiArb.Adapters.Paper.Execution;
using KalshiArb.Adapters.Tests.Common;
using KalshiArb.Domain.Book;

namespace KalshiArb.Adapters.Tests.Paper.Execution;

/// <summary>The paper venue's listener delivery and a create canceled before it reached the book.</summary>
public sealed class PaperVenueListenerTests
{
    private sealed class ThrowingListener : IVenueListener
    {
        public void OnFill(VenueFill fill) => throw new InvalidOperationException("listener bug");
        public void OnOrderUpdate(VenueOrderUpdate update) => throw new InvalidOperationException("listener bug");
    }

    [Fact]
    public async Task A_failing_listener_does_not_stop_delivery_to_others()
    {
        await using var venue = new PaperVenue(new PaperVenueOptions { OrderLatency = TimeSpan.Zero });
        var good = new RecordingVenueListener();
        venue.Subscribe(new ThrowingListener());
        venue.Subscribe(good);
        venue.ApplySnapshot("T", 1, [], [new BookLevel(Price.FromCents(48), Quantity.FromContracts(5))]);

        var r = await venue.SubmitAsync(new VenueOrderRequest("c", "T", OutcomeSide.Yes, Price.FromCents(52), Quantity.FromContracts(1),
            TimeInForce.ImmediateOrCancel), default);

        Assert.Equal(r.ExchangeOrderId, (await good.NextFillAsync()).ExchangeOrderId);
        await good.NextUpdateAsync();
        Assert.True(venue.ListenerFailures >= 2);
    }

    [Fact]
    public async Task A_create_canceled_on_its_way_leaves_its_client_id_free()
    {
        await using var venue = new PaperVenue(new PaperVenueOptions { OrderLatency = TimeSpan.FromSeconds(30) });
        venue.ApplySnapshot("T", 1, [], [new BookLevel(Price.FromCents(48), Quantity.FromContracts(5))]);
        using var cts = new CancellationTokenSource();
        var request = new VenueOrderRequest("c", "T", OutcomeSide.Yes, Price.FromCents(40), Quantity.FromContracts(1), TimeInForce.GoodTillCanceled);

        var pending = venue.SubmitAsync(request, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(VenueResultKind.NotFound, (await venue.FindOrderAsync("T", "c", default)).Kind);
    }
}
