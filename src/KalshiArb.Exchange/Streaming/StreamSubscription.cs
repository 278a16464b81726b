namespace KalshiArb.Exchange.Streaming;

/// <summary>One sid of one connection. Mutated only under its session's gate.</summary>
internal sealed class StreamSubscription(int sid, StreamChannel channel, bool allMarkets)
{
    public int Sid { get; } = sid;
    public StreamChannel Channel { get; } = channel;

    /// <summary>Every market, including ones not named (public/private feeds subscribed without tickers).</summary>
    public bool AllMarkets { get; } = allMarkets;

    public HashSet<string> Markets { get; } = new(StringComparer.Ordinal);

    /// <summary>Last seq sent on this sid (orderbook snapshot/delta only).</summary>
    public long Seq { get; set; }

    public bool Removed { get; set; }

    public bool Covers(string ticker) => AllMarkets || Markets.Contains(ticker);
}
