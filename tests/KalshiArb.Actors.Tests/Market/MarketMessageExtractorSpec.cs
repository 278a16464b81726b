using static KalshiArb.Actors.Tests.Market.MarketFixtures;

namespace KalshiArb.Actors.Tests.Market;

public sealed class MarketMessageExtractorSpec
{
    private readonly MarketMessageExtractor _extractor = new(50);

    [Fact]
    public void Routes_every_ticker_message_by_its_ticker_and_passes_it_unwrapped()
    {
        var delta = new BookDeltaReceived(Ticker, 2, Domain.Orders.OutcomeSide.Yes, Domain.Primitives.Price.FromCents(40),
            Domain.Primitives.Quantity.FromContracts(1), 0);
        var query = new GetMarketState(Ticker);

        Assert.Equal(Ticker, _extractor.EntityId(delta));
        Assert.Equal(Ticker, _extractor.EntityId(query));
        Assert.Same(delta, _extractor.EntityMessage(delta));
        var shard = _extractor.ShardId(Ticker, delta);
        Assert.Equal(shard, _extractor.ShardId(Ticker, query));
        Assert.InRange(int.Parse(shard, System.Globalization.CultureInfo.InvariantCulture), 0, 49);
    }

    [Fact]
    public void Ignores_messages_without_a_ticker() => Assert.Null(_extractor.EntityId("not a market message"));
}
