namespace KalshiArb.Kalshi.Feed;

/// <summary>
/// The live feed's per-connection state machine (<see cref="FeedSession"/>: the same parser, seq checks per sid, gap
/// handling and series filter) run over recorded frames instead of a socket. Commands it would send (subscribe,
/// get_snapshot) go nowhere: the recording already holds what the exchange answered. Not thread-safe: one replay loop.
/// </summary>
public sealed class RecordedFeedSession
{
    private readonly FeedSession _session;

    public RecordedFeedSession(KalshiFeedOptions options, IEnumerable<string> markets, TimeProvider clock)
    {
        _session = new FeedSession(options, markets, Counters, _ => { }, (_, _) => { }, clock);
    }

    public FeedCounters Counters { get; } = new();

    /// <summary>The recording's connection opened: the <see cref="FeedConnected"/> event live would emit.</summary>
    public FeedConnected Connected() => _session.OnConnected();

    /// <summary>One recorded frame in, what live would emit out (appended to <paramref name="output"/>).</summary>
    public void OnFrame(ReadOnlySpan<byte> frame, List<FeedEvent> output) => _session.OnFrame(frame, output);

    /// <summary>As <see cref="OnFrame(ReadOnlySpan{byte}, List{FeedEvent})"/>, the events stamped with the frame's recorded receive time.</summary>
    public void OnFrame(ReadOnlySpan<byte> frame, long receivedAtMs, List<FeedEvent> output) => _session.OnFrame(frame, receivedAtMs, output);
}
