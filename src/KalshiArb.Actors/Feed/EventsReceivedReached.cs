namespace KalshiArb.Actors.Feed;

/// <summary>The answer to <see cref="AwaitEventsReceived"/>: the consumer has taken <paramref name="EventsReceived"/> events (at least the count asked for).</summary>
public sealed record EventsReceivedReached(long EventsReceived);
