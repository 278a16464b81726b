using static KalshiArb.Actors.Tests.Market.MarketFixtures;

namespace KalshiArb.Actors.Tests.Market;

public sealed class MarketStateSpec
{
    [Fact]
    public void Applying_a_delta_allocates_nothing()
    {
        var state = new MarketState(Ticker, MarketActorSettings.Default);
        state.ApplyMetadata(Metadata(), 0);
        Assert.Equal(BookUpdateResult.Applied, state.ApplySnapshot(Snapshot(0)));

        // messages built up front: the measured loop is only the hot path
        const int n = 10_000;
        var deltas = new BookDeltaReceived[n];
        for (var i = 0; i < n; i++)
        {
            var side = i % 4 < 2 ? OutcomeSide.Yes : OutcomeSide.No;
            var sign = i % 2 == 0 ? 1 : -1;
            deltas[i] = new BookDeltaReceived(Ticker, 2 + i, side, Price.FromCents(side == OutcomeSide.Yes ? 45 : 50),
                Quantity.FromContracts(sign * 5), i);
        }
        for (var i = 0; i < 100; i++) state.ApplyDelta(deltas[i]); // warm-up (JIT, statics)

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 100; i < n; i++)
            if (state.ApplyDelta(deltas[i]) != BookUpdateResult.Applied) Assert.Fail($"delta {i} refused");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(n, state.Counters().DeltasApplied);
        Assert.True(state.Book.IsWhole);
    }

    [Fact]
    public void A_new_price_grid_applies_from_the_next_snapshot()
    {
        var state = new MarketState(Ticker, MarketActorSettings.Default);
        state.ApplySnapshot(Snapshot(0));
        // no metadata yet: a half-cent level is accepted by a book without a grid
        Assert.Equal(BookUpdateResult.Applied,
            state.ApplyDelta(new BookDeltaReceived(Ticker, 2, OutcomeSide.Yes, new Price(4_050), Quantity.FromContracts(1), 1)));

        state.ApplyMetadata(Metadata(), 2);
        Assert.Equal(BookUpdateResult.Applied, state.ApplySnapshot(Snapshot(3)));
        Assert.Equal(BookUpdateResult.InvalidPrice,
            state.ApplyDelta(new BookDeltaReceived(Ticker, 2, OutcomeSide.Yes, new Price(4_050), Quantity.FromContracts(1), 4)));
        Assert.False(state.Book.IsWhole);
    }
}
