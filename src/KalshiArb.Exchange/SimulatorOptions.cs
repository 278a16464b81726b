using System.Net;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Exchange.Catalog;
using KalshiArb.Exchange.Faults;
using KalshiArb.Exchange.Liquidity;
using KalshiArb.Exchange.Sportsbooks;
using Microsoft.AspNetCore.Routing;

namespace KalshiArb.Exchange;

/// <summary>Everything a simulator run is configured with. Defaults suit unit tests: loopback, port 0, no lag.</summary>
public sealed record SimulatorOptions
{
    /// <summary>TCP port on <see cref="BindAddress"/>; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Interface Kestrel listens on. Loopback by default so a test or a developer run is never reachable from
    /// outside; <see cref="IPAddress.Any"/> lets a container publish the port.
    /// </summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// Host name written into the reported URLs, i.e. what clients dial (a container's service name, say).
    /// Null: the bind address itself, or loopback when bound to every interface (0.0.0.0 / ::) because
    /// that address cannot be dialled.
    /// </summary>
    public string? AdvertisedHost { get; init; }

    /// <summary>Seed for fair-value drift, synthetic liquidity and fault sampling: same seed, same sequence.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>API accounts that may sign requests (key id + PEM public key + starting cash).</summary>
    public IReadOnlyList<SimAccount> Accounts { get; init; } = [];

    /// <summary>Games to list; null means <see cref="DefaultCatalog.Games"/>.</summary>
    public IReadOnlyList<GameSpec>? Games { get; init; }

    /// <summary>Also list spread/total series markets so exact series filters are exercised.</summary>
    public bool IncludeNonGameSeries { get; init; } = true;

    /// <summary>How often fair values drift and synthetic makers/takers act. Null or zero: only manual <see cref="SimulatedExchange.Tick"/>.</summary>
    public TimeSpan? TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Standard deviation of the per-tick random walk of each game's log-odds.</summary>
    public double DriftPerTick { get; init; } = 0.02;

    public LiquidityOptions Liquidity { get; init; } = new();

    /// <summary>
    /// Accepted clock skew of KALSHI-ACCESS-TIMESTAMP, either way (Kalshi accepts about 5 s, rejects 30 s): a wider window
    /// here would hide a client whose clock drifts far enough to be refused by the real exchange.
    /// </summary>
    public TimeSpan SignatureWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>WebSocket ping period (Kalshi: 10 s).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a cancel is acknowledged, GET order keeps answering "resting" this long (Kalshi's observed lag).
    /// </summary>
    public TimeSpan CancelVisibilityLag { get; init; } = TimeSpan.Zero;

    /// <summary>Frames queued for one WS connection before it is failed with error 25 (buffer overflow).</summary>
    public int MaxQueuedFramesPerConnection { get; init; } = 200_000;

    /// <summary>Prints kept for GET /markets/trades (the oldest drop off first).</summary>
    public int TradeTapeCapacity { get; init; } = 50_000;

    /// <summary>Faults active from the start; also switchable at run time.</summary>
    public FaultSettings Faults { get; init; } = new();

    /// <summary>Clock for timestamps, signature window and the tick timer.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Extra routes on the same host (e.g. an Odds-API-compatible endpoint reading <see cref="SimulatedExchange.Games"/>).
    /// Paths outside /trade-api and /admin are served without Kalshi authentication.
    /// </summary>
    public Action<IEndpointRouteBuilder, SimulatedExchange>? MapExtraEndpoints { get; init; }

    /// <summary>The Odds-API-compatible endpoint under /v4 (books, vig, noise, stale share, apiKey, quota).</summary>
    public SportsbookOptions Sportsbooks { get; init; } = new();

    /// <summary>Games whose Kalshi quotes sit off the hidden fair value (sportsbooks stay on it): real edges for a demo.</summary>
    public KalshiMispricingOptions KalshiMispricing { get; init; } = new();

    /// <summary>Write ASP.NET Core logs and the request log to the console (off for tests).</summary>
    public bool ConsoleLogging { get; init; }

    /// <summary>Also write the simulator's logs here (tests capture the request log with it).</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? LogProvider { get; init; }

    /// <summary>Least severe level logged; Debug adds each request's headers (secrets masked).</summary>
    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>The host clients are told to use (see <see cref="AdvertisedHost"/>); throws when it is not a valid host name.</summary>
    public string ResolveAdvertisedHost()
    {
        if (AdvertisedHost is { } host)
        {
            // a bad name would only surface later as a client connection error far from its cause
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
                throw new ArgumentException($"advertised host '{host}' is not a valid host name or IP address", nameof(AdvertisedHost));
            return host;
        }
        if (BindAddress.Equals(IPAddress.Any)) return IPAddress.Loopback.ToString();
        if (BindAddress.Equals(IPAddress.IPv6Any)) return IPAddress.IPv6Loopback.ToString();
        return BindAddress.ToString();
    }
}
