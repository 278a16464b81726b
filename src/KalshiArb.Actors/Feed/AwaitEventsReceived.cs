namespace KalshiArb.Actors.Feed;

/// <summary>
/// Asks a market-data consumer (the <see cref="MarketFeed"/>, the paper venue's feed) to answer with
/// <see cref="EventsReceivedReached"/> once it has taken <paramref name="Count"/> events in all (at once if it already has).
/// A replay waits on this between its steps: one answer when the events are in, not a poll of the consumer's state.
/// </summary>
public sealed record AwaitEventsReceived(long Count);
