using KalshiArb.Adapters.Kalshi.Execution;
using KalshiArb.Domain.Matching;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Adapters.Kalshi.Config;

/// <summary>Where a <see cref="KalshiVenue"/> points: real Kalshi (live/demo) or the local simulator differ only here.</summary>
public sealed record KalshiVenueOptions
{
    public string Name { get; init; } = "kalshi-live";

    /// <summary>REST base including /trade-api/v2.</summary>
    public Uri RestBaseUrl { get; init; } = new(KalshiRestOptions.ProdBaseUrl);

    /// <summary>WebSocket v2 URL (private fill + user_orders channels).</summary>
    public Uri WebSocketUrl { get; init; } = new(KalshiFeedOptions.ProdUrl);

    /// <summary>Series whose private events are passed on (fills of other series are ignored by the feed).</summary>
    public IReadOnlyList<string> Series { get; init; } = KalshiRestOptions.DefaultSportsSeries;

    public SelfTradePrevention SelfTradePrevention { get; init; } = SelfTradePrevention.TakerAtCross;

    /// <summary>Pages of GET /portfolio/orders searched for a client order id before answering NotFound.</summary>
    public int MaxOrderPages { get; init; } = 50;

    /// <summary>REST tuning (timeouts, retries, rate tier); its BaseUrl is replaced by <see cref="RestBaseUrl"/>.</summary>
    public KalshiRestOptions Rest { get; init; } = new();

    /// <summary>Feed tuning (backoff, liveness); its Url, Series and channels are set by the venue.</summary>
    public KalshiFeedOptions Feed { get; init; } = new();

    public static KalshiVenueOptions Live => new();

    public static KalshiVenueOptions Demo => new()
    {
        Name = "kalshi-demo",
        RestBaseUrl = new Uri(KalshiRestOptions.DemoBaseUrl),
        WebSocketUrl = new Uri(KalshiFeedOptions.DemoUrl),
    };

    /// <summary>The in-process or local exchange simulator.</summary>
    public static KalshiVenueOptions Simulator(Uri restBaseUrl, Uri webSocketUrl) => new()
    {
        Name = "kalshi-sim",
        RestBaseUrl = restBaseUrl,
        WebSocketUrl = webSocketUrl,
    };
}
