using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Kalshi.Feed;

public sealed record KalshiFeedOptions
{
    public const string DemoUrl = "wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2";
    public const string ProdUrl = "wss://external-api-ws.kalshi.com/trade-api/ws/v2";

    public Uri Url { get; init; } = new(DemoUrl);

    /// <summary>Only markets of these series pass (exact match on the ticker's series part).</summary>
    public IReadOnlyList<string> Series { get; init; } = KalshiRestOptions.DefaultSportsSeries;

    /// <summary>Channels subscribed with the market list.</summary>
    public IReadOnlyList<string> MarketChannels { get; init; } = ["orderbook_delta", "ticker", "trade", "market_lifecycle_v2"];

    /// <summary>Account channels subscribed without a market list (e.g. fill, user_orders, market_positions).</summary>
    public IReadOnlyList<string> AccountChannels { get; init; } = [];

    public IReadOnlyList<string> InitialMarkets { get; init; } = [];

    /// <summary>Frames buffered between the socket and the stream; overflow fails the connection (then resync).</summary>
    public int BufferSize { get; init; } = 16_384;

    /// <summary>
    /// Largest frame accepted. A full order book snapshot (99 levels a side) is about 5 KB and a list_subscriptions
    /// answer for 1,000 markets about 40 KB, so 1 MiB leaves ample room; anything bigger is refused unread, and the
    /// socket stops buffering it at this size (the rest of the frame is drained and dropped).
    /// </summary>
    public const int DefaultMaxFrameBytes = 1 << 20;

    public int MaxFrameBytes { get; init; } = DefaultMaxFrameBytes;

    /// <summary>No frame at all for this long: the connection is treated as dead.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Client WebSocket pings; an unanswered ping within KeepAliveTimeout drops the socket.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(15);
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>
    /// Called with every frame the market-data socket delivers, byte for byte, and its receive time, before parsing
    /// (the recorder's tap: it must return at once; the frame array is not reused by the socket).
    /// </summary>
    public Action<byte[], DateTimeOffset>? FrameReceived { get; init; }

    /// <summary>First wait after error 27 (too many requests); doubles per repeat, capped at MaxBackoff.</summary>
    public TimeSpan TooManyRequestsBackoff { get; init; } = TimeSpan.FromSeconds(1);
}
