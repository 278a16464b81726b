using Akka.Cluster.Sharding;

namespace KalshiArb.Actors.Market;

/// <summary>
/// For the "market" shard region: the entity id is the ticker of any <see cref="ITickerMessage"/>. Messages pass
/// unwrapped.
/// </summary>
public sealed class MarketMessageExtractor(int maxShards = 100) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => (message as ITickerMessage)?.Ticker;
}
