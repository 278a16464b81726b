namespace KalshiArb.Kalshi.Feed;

/// <summary>
/// The outcome of parsing one frame: an event, or the reason it was refused. An event may come with a reason too: one of
/// its fields was an unknown word and reads as unknown (the caller counts the reason and keeps the event).
/// </summary>
public readonly record struct ParsedFrame(FeedEvent? Event, FeedRejectReason Reason)
{
    public bool IsEvent => Event is not null;
    public static ParsedFrame Of(FeedEvent e) => new(e, FeedRejectReason.None);
    public static ParsedFrame Noted(FeedEvent e, FeedRejectReason note) => new(e, note);
    public static ParsedFrame Reject(FeedRejectReason reason) => new(null, reason);
}
