namespace KalshiArb.Actors.Market;

/// <summary>
/// A message for one market's actor. The ticker is the entity id the "market" shard region routes by.
/// </summary>
public interface ITickerMessage
{
    string Ticker { get; }
}
