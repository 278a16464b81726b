using Akka.Event;

namespace KalshiArb.Actors.Feed;

/// <summary>Run a discovery round now (the catalog also runs one at start and then on its refresh interval).</summary>
public sealed record RefreshCatalog
{
    public static readonly RefreshCatalog Instance = new();
}

/// <summary>Ask for the last <see cref="CatalogResult"/> (null before the first round ends).</summary>
public sealed record GetCatalog
{
    public static readonly GetCatalog Instance = new();
}

public sealed record MarketCatalogSettings
{
    public IReadOnlyList<string> Series { get; init; } = Kalshi.Rest.KalshiRestOptions.DefaultSportsSeries;

    /// <summary>How often to look for new markets; null runs discovery only at start and on request.</summary>
    public TimeSpan? RefreshInterval { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Discovery: lists the open markets of the configured series and their fee rules (never blocking: the REST calls
/// are piped back as a message), sends each market's metadata to its MarketActor, then tells the subscribers
/// (the feed subscribes the tickers, the odds poller matches them to sportsbook events).
/// </summary>
public sealed class MarketCatalog : ReceiveActor, IWithTimers
{
    private const string RefreshTimer = "refresh";

    private readonly IMarketDiscovery _discovery;
    private readonly IActorRef _markets;
    private readonly IReadOnlyList<IActorRef> _subscribers;
    private readonly MarketCatalogSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IActorRef> _waiting = [];
    private bool _running;
    private CatalogResult? _last;

    public static Props Props(IMarketDiscovery discovery, IActorRef markets, IReadOnlyList<IActorRef> subscribers,
        MarketCatalogSettings? settings = null, TimeProvider? clock = null) =>
        Akka.Actor.Props.Create(() => new MarketCatalog(discovery, markets, subscribers, settings ?? new MarketCatalogSettings(),
            clock ?? TimeProvider.System));

    public MarketCatalog(IMarketDiscovery discovery, IActorRef markets, IReadOnlyList<IActorRef> subscribers,
        MarketCatalogSettings settings, TimeProvider clock)
    {
        _discovery = discovery;
        _markets = markets;
        _subscribers = subscribers;
        _settings = settings;
        _clock = clock;

        Receive<RefreshCatalog>(_ =>
        {
            if (!Sender.IsNobody() && !Sender.Equals(Self)) _waiting.Add(Sender);
            if (_running) return;
            _running = true;
            MarketCatalogStep.RunAsync(_discovery, _settings.Series, _clock.GetUtcNow().ToUnixTimeMilliseconds(), _stopping.Token)
                .PipeTo(Self, failure: ex => new CatalogResult([], [new CatalogRejection("catalog", CatalogRejectReason.DiscoveryFailed, ex.Message)],
                    _clock.GetUtcNow().ToUnixTimeMilliseconds()));
        });
        Receive<CatalogResult>(OnResult);
        Receive<GetCatalog>(_ => Sender.Tell(new CatalogSnapshot(_last)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Self.Tell(RefreshCatalog.Instance);

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void OnResult(CatalogResult result)
    {
        _running = false;
        _last = result;
        foreach (var m in result.Markets) _markets.Tell(m);
        if (result.Markets.Count > 0)
        {
            var discovered = new MarketsDiscovered(result.Markets);
            foreach (var s in _subscribers) s.Tell(discovered);
        }
        foreach (var r in result.Rejected) _log.Warning("catalog left out {0}: {1} {2}", r.Subject, r.Reason, r.Detail);
        _log.Info("catalog: {0} markets, {1} left out", result.Markets.Count, result.Rejected.Count);
        foreach (var w in _waiting) w.Tell(result);
        _waiting.Clear();
        if (_settings.RefreshInterval is { } every && every > TimeSpan.Zero)
            Timers.StartSingleTimer(RefreshTimer, RefreshCatalog.Instance, every);
    }
}

/// <summary>Answer to <see cref="GetCatalog"/>.</summary>
public sealed record CatalogSnapshot(CatalogResult? Last);
