namespace KalshiArb.Actors.Feed;

/// <summary>
/// The <see cref="AwaitEventsReceived"/> asks a consumer holds until its event count reaches theirs. Few at a time (a replay
/// has one outstanding), so a list; checking an empty one per event costs a length test.
/// </summary>
internal sealed class EventCountWaiters
{
    private readonly List<(long Count, IActorRef ReplyTo)> _waiting = [];

    /// <summary>Answers at once when <paramref name="received"/> is already there, else holds the ask.</summary>
    public void Add(AwaitEventsReceived ask, IActorRef replyTo, long received)
    {
        if (received >= ask.Count) replyTo.Tell(new EventsReceivedReached(received));
        else _waiting.Add((ask.Count, replyTo));
    }

    /// <summary>Answers every ask whose count <paramref name="received"/> has reached.</summary>
    public void Reached(long received)
    {
        if (_waiting.Count == 0) return;
        for (var i = _waiting.Count - 1; i >= 0; i--)
        {
            if (_waiting[i].Count > received) continue;
            _waiting[i].ReplyTo.Tell(new EventsReceivedReached(received));
            _waiting.RemoveAt(i);
        }
    }
}
