namespace KalshiArb.Kalshi.Feed;

/// <summary>The outcome of parsing one frame: an event, or the reason it was refused.</summary>
public readonly record struct ParsedFrame(FeedEvent? Event, FeedRejectReason Reason)
{
    public bool IsEvent => Event is not null;
    public static ParsedFrame Of(FeedEvent e) => new(e, FeedRejectReason.None);
    public static ParsedFrame Reject(FeedRejectReason reason) => new(null, reason);
}
