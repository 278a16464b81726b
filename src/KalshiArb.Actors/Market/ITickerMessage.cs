namespace KalshiArb.Actors.Market;

/// <summary>
/// A message for one market's actor. The ticker is the entity id: the local <c>MarketRouter</c> and later the
/// "market" shard region route by it.
/// </summary>
public interface ITickerMessage
{
    string Ticker { get; }
}
