using System.Collections.Concurrent;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using KalshiArb.Actors.Venues;
using KalshiArb.Adapters.Common;
using KalshiArb.Adapters.Kalshi.Common;
using KalshiArb.Adapters.Kalshi.Config;
using KalshiArb.Domain.Orders;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Adapters.Kalshi.Execution;

/// <summary>
/// Kalshi (real, demo or the simulator, by configuration only): REST V2 create/cancel, order lookup by client id,
/// fills by order id, and the private WebSocket <c>fill</c> + <c>user_orders</c> channels pushed to listeners.
/// Keeps no order state beyond a side/client-id memo per order it created (to label fills that omit them).
/// Events missed while the socket is down are not replayed: OrderActors reconcile through FindOrderAsync/GetFillsAsync.
/// </summary>
public sealed class KalshiVenue : IVenue, IAsyncDisposable
{
    private readonly KalshiRestClient _rest;
    private readonly KalshiFeed _accountFeed;
    private readonly IMaterializer _materializer;
    private readonly KalshiVenueOptions _options;
    private readonly TimeProvider _clock;
    private readonly VenueEventPump _pump = new();
    private readonly ConcurrentDictionary<string, (OutcomeSide Side, string ClientOrderId)> _created = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly HashSet<string> _confirmedChannels = new(StringComparer.Ordinal);
    private IDisposable? _ownedResources;
    private UniqueKillSwitch? _killSwitch;
    private Task? _feedDone;
    private long _unmappedEvents;
    private volatile bool _live;

    public const string FillChannel = "fill";
    public const string UserOrdersChannel = "user_orders";

    /// <param name="accountFeed">A feed subscribed to the account channels (see <see cref="AccountFeedOptions"/>).</param>
    public KalshiVenue(KalshiVenueOptions options, KalshiRestClient rest, KalshiFeed accountFeed, IMaterializer materializer, TimeProvider? clock = null)
    {
        _options = options;
        _rest = rest;
        _accountFeed = accountFeed;
        _materializer = materializer;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Builds the REST client and the private feed from <paramref name="options"/> alone.</summary>
    public static KalshiVenue Create(KalshiVenueOptions options, KalshiSigner signer, IMaterializer materializer,
        HttpMessageHandler? handler = null, TimeProvider? clock = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan; // the REST client's per-attempt timeout governs
        var rest = new KalshiRestClient(http, options.Rest with { BaseUrl = options.RestBaseUrl }, signer, clock);
        var feed = new KalshiFeed(AccountFeedOptions(options), signer, clock);
        return new KalshiVenue(options, rest, feed, materializer, clock) { _ownedResources = http };
    }

    /// <summary>Feed settings for the private channels only: no market data, no market list.</summary>
    public static KalshiFeedOptions AccountFeedOptions(KalshiVenueOptions options) => options.Feed with
    {
        Url = options.WebSocketUrl,
        Series = options.Series,
        MarketChannels = [],
        AccountChannels = [FillChannel, UserOrdersChannel],
        InitialMarkets = [],
    };

    public string Name => _options.Name;

    /// <summary>Completes when the fill and user_orders channels were first confirmed by the exchange.</summary>
    public Task AccountFeedReady => _ready.Task;

    /// <summary>True while the private channels are subscribed on a live socket.</summary>
    public bool IsAccountFeedLive => _live;

    /// <summary>Private events that could not be mapped (missing side or price), counted not guessed.</summary>
    public long UnmappedEvents => Interlocked.Read(ref _unmappedEvents);

    public long ListenerFailures => _pump.ListenerFailures;

    public async Task<VenueSubmitResult> SubmitAsync(VenueOrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _rest.CreateOrderAsync(KalshiVenueMapping.ToKalshiOrder(request, _options.SelfTradePrevention), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            var kind = KalshiVenueMapping.ToResultKind(result.Error.Kind);
            if (KalshiVenueMapping.IsOutcomeUnknown(result.Error.Kind))
                throw new VenueOutcomeUnknownException(kind, $"create {request.ClientOrderId}: {result.Error}");
            return VenueSubmitResult.Rejected(kind, result.Error.ToString());
        }
        var ack = result.Value;
        _created[ack.OrderId] = (request.Side, request.ClientOrderId);
        return new VenueSubmitResult(VenueResultKind.Accepted, ack.OrderId, KalshiVenueMapping.StatusAfterCreate(request.Count, ack),
            ack.FillCount, ack.RemainingCount, null);
    }

    public async Task<VenueCancelResult> CancelAsync(string exchangeOrderId, CancellationToken ct)
    {
        var result = await _rest.CancelOrderAsync(exchangeOrderId, ct).ConfigureAwait(false);
        if (result.IsSuccess) return new VenueCancelResult(VenueResultKind.Accepted, result.Value.ReducedBy, null);
        var kind = KalshiVenueMapping.ToResultKind(result.Error.Kind);
        if (KalshiVenueMapping.IsOutcomeUnknown(result.Error.Kind))
            throw new VenueOutcomeUnknownException(kind, $"cancel {exchangeOrderId}: {result.Error}");
        return new VenueCancelResult(kind, Domain.Primitives.Quantity.Zero, result.Error.ToString());
    }

    /// <summary>Pages through GET /portfolio/orders?ticker= and matches client_order_id (Kalshi has no lookup by client id).</summary>
    public async Task<VenueOrderLookup> FindOrderAsync(string ticker, string clientOrderId, CancellationToken ct)
    {
        string? cursor = null;
        for (var page = 0; page < _options.MaxOrderPages; page++)
        {
            var result = await _rest.GetOrdersAsync(ticker, cursor: cursor, ct: ct).ConfigureAwait(false);
            if (!result.IsSuccess)
                return new VenueOrderLookup(KalshiVenueMapping.ToResultKind(result.Error.Kind), null, result.Error.ToString());
            foreach (var order in result.Value.Items)
            {
                if (order.ClientOrderId != clientOrderId || order.Ticker != ticker) continue;
                if (KalshiVenueMapping.ToState(order) is not { } state)
                    return new VenueOrderLookup(VenueResultKind.ServerError, null, $"order {order.OrderId} has no side or price");
                _created.TryAdd(order.OrderId, (state.Side, clientOrderId));
                return VenueOrderLookup.Found(state);
            }
            cursor = result.Value.Cursor;
            if (cursor is null) return VenueOrderLookup.NotFound;
        }
        return new VenueOrderLookup(VenueResultKind.ServerError, null, $"client order id not found within {_options.MaxOrderPages} pages");
    }

    /// <summary>All fills of one order (every page). Throws <see cref="VenueOutcomeUnknownException"/> when Kalshi does not answer.</summary>
    public async Task<IReadOnlyList<VenueFill>> GetFillsAsync(string exchangeOrderId, CancellationToken ct)
    {
        var result = await KalshiRestClient.CollectAllAsync(c => _rest.GetFillsAsync(orderId: exchangeOrderId, cursor: c, ct: ct)).ConfigureAwait(false);
        if (!result.IsSuccess)
            throw new VenueOutcomeUnknownException(KalshiVenueMapping.ToResultKind(result.Error.Kind), $"fills of {exchangeOrderId}: {result.Error}");
        KnownSide(exchangeOrderId, out var side, out _);
        var fills = new List<VenueFill>(result.Value.Count);
        foreach (var fill in result.Value)
        {
            if (fill.OrderId != exchangeOrderId) continue;
            if (KalshiVenueMapping.ToFill(fill, side) is { } mapped) fills.Add(mapped);
            else Interlocked.Increment(ref _unmappedEvents);
        }
        // Kalshi lists newest first; callers apply fills oldest first
        fills.Reverse();
        return fills;
    }

    /// <summary>Registers the listener and starts the private WebSocket feed (once).</summary>
    public void Subscribe(IVenueListener listener)
    {
        _pump.Subscribe(listener);
        Start();
    }

    /// <summary>Starts the private feed if it is not running yet.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_killSwitch is not null) return;
            var (killSwitch, done) = _accountFeed.Source()
                .ViaMaterialized(KillSwitches.Single<FeedEvent>(), Keep.Right)
                .ToMaterialized(Sink.ForEach<FeedEvent>(OnFeedEvent), Keep.Both)
                .Run(_materializer);
            _killSwitch = killSwitch;
            _feedDone = done;
        }
    }

    private void OnFeedEvent(FeedEvent e)
    {
        switch (e)
        {
            case SubscriptionConfirmed confirmed:
                lock (_gate)
                {
                    _confirmedChannels.Add(confirmed.Channel);
                    if (_confirmedChannels.Contains(FillChannel) && _confirmedChannels.Contains(UserOrdersChannel))
                    {
                        _live = true;
                        _ready.TrySetResult();
                    }
                }
                break;
            case FeedDisconnected:
                lock (_gate)
                {
                    _confirmedChannels.Clear();
                    _live = false;
                }
                break;
            case FillReport fill:
            {
                KnownSide(fill.OrderId, out var side, out _);
                if (KalshiVenueMapping.ToFill(fill, side, NowMs()) is { } mapped) _pump.Publish(mapped);
                else Interlocked.Increment(ref _unmappedEvents);
                break;
            }
            case UserOrderUpdate update:
            {
                KnownSide(update.OrderId, out var side, out var clientId);
                if (KalshiVenueMapping.ToUpdate(update, side, clientId, NowMs()) is { } mapped) _pump.Publish(mapped);
                else Interlocked.Increment(ref _unmappedEvents);
                break;
            }
        }
    }

    private void KnownSide(string orderId, out OutcomeSide? side, out string? clientOrderId)
    {
        if (_created.TryGetValue(orderId, out var known))
        {
            side = known.Side;
            clientOrderId = known.ClientOrderId;
        }
        else
        {
            side = null;
            clientOrderId = null;
        }
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async ValueTask DisposeAsync()
    {
        UniqueKillSwitch? killSwitch;
        Task? done;
        lock (_gate)
        {
            killSwitch = _killSwitch;
            done = _feedDone;
        }
        killSwitch?.Shutdown();
        // bounded: a socket stuck in its close handshake must not hold up shutdown (the stream's own error is not ours to rethrow here)
        if (done is not null) await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        await _pump.DisposeAsync().ConfigureAwait(false);
        _ownedResources?.Dispose();
    }
}
