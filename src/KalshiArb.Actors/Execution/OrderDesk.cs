using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Sharding;
using Akka.Event;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Risk;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// The order desk of one execution node (one per node, next to the "order" shard region): routes the venue's fills
/// and order updates into the region, keeps the status its orders tell it, cancels them when the kill switch halts,
/// drains them at shutdown and answers status. It creates no orders: signals enter through <see cref="OrderAdmission"/>.
/// It also keeps the node's P&amp;L from its orders' fills and settles every order with fills when the order's market
/// settles (<see cref="MarketSettled"/>, see <see cref="OrderDeskSettlements"/>).
/// </summary>
public sealed class OrderDesk : ReceiveActor, IWithTimers
{
    private readonly IActorRef _gate;
    private readonly IVenue _venue;
    private readonly IActorRef _region;
    private readonly OrderDeskSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, OrderStatusNotice> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _executionByExchangeId = new(StringComparer.Ordinal);

    // Finished orders' exchange ids, for late reports that name only the exchange id: two generations of at most
    // FinishedIdsKept each, so the map no longer grows with every order ever placed.
    private const int FinishedIdsKept = 25_000;
    private Dictionary<string, string> _finishedByExchangeId = new(StringComparer.Ordinal);
    private Dictionary<string, string> _finishedBefore = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _drainWaiters = [];
    private readonly Dictionary<string, long> _ended = new(StringComparer.Ordinal);
    private KillSwitchState? _killSwitch;
    private int _unroutable;
    private readonly RecentFillLog _recentFills = new();
    private readonly OrderDeskSettlements _settlements = new();

    public OrderDesk(IActorRef riskGate, IVenue venue, IActorRef orderRegion, OrderDeskSettings settings)
    {
        _gate = riskGate;
        _venue = venue;
        _region = orderRegion;
        _settings = settings;

        Receive<VenueFill>(f =>
        {
            _recentFills.Add(f, string.IsNullOrEmpty(f.ClientOrderId) ? _executionByExchangeId.GetValueOrDefault(f.ExchangeOrderId) : f.ClientOrderId);
            Route(f.ClientOrderId, f.ExchangeOrderId, f);
        });
        Receive<VenueOrderUpdate>(u => Route(u.Order.ClientOrderId, u.Order.ExchangeOrderId, u));
        Receive<IOrderMessage>(m => _region.Forward(m));
        Receive<OrderStatusNotice>(OnNotice);
        Receive<KillSwitchChanged>(OnKillSwitch);
        Receive<ResubscribeKillSwitch>(_ => _gate.Tell(SubscribeKillSwitch.Instance));
        Receive<DrainOrders>(OnDrain);
        Receive<GetExecutionStatus>(_ => Sender.Tell(Status()));
        Receive<GetRecentFills>(_ => Sender.Tell(_recentFills.Snapshot()));
        Receive<MarketSettled>(OnMarketSettled);
        Receive<SubscribeAck>(_ => { });
        Receive<GetPnlBook>(_ => Sender.Tell(_settlements.Book()));
        Receive<SeedPnl>(seed =>
        {
            var settle = _settlements.Seed(seed);
            _log.Info("order desk: P&L seeded from the journal with {0} orders; {1} settled late", seed.Orders.Count, settle.Count);
            foreach (var s in settle) _region.Tell(s);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef riskGate, IVenue venue, IActorRef orderRegion, OrderDeskSettings? settings = null) =>
        Akka.Actor.Props.Create(() => new OrderDesk(riskGate, venue, orderRegion, settings ?? new OrderDeskSettings()));

    protected override void PreStart()
    {
        SettlementNews.Subscribe(Context.System, Self);
        if (_settings.SubscribeToVenue) _venue.Subscribe(new ActorVenueListener(Self));
        _gate.Tell(SubscribeKillSwitch.Instance);
        // A singleton gate that moved to another node has forgotten its subscribers: subscribe again now and then.
        Timers.StartPeriodicTimer("resubscribe", ResubscribeKillSwitch.Instance, _settings.GateResubscribeInterval);
    }

    // The venue keeps the listener across restarts (it targets Self, which survives them): do not subscribe twice.
    protected override void PostRestart(Exception reason)
    {
        _gate.Tell(SubscribeKillSwitch.Instance);
        Timers.StartPeriodicTimer("resubscribe", ResubscribeKillSwitch.Instance, _settings.GateResubscribeInterval);
    }

    private void Route(string? clientOrderId, string exchangeOrderId, object report)
    {
        // A late fill for a finished order still belongs to it: the entity recovers and applies what is due.
        if (!string.IsNullOrEmpty(clientOrderId)) _region.Tell(report, ActorRefs.NoSender);
        else if (_executionByExchangeId.TryGetValue(exchangeOrderId, out var id)
                 || _finishedByExchangeId.TryGetValue(exchangeOrderId, out id)
                 || _finishedBefore.TryGetValue(exchangeOrderId, out id))
            _region.Tell(new ShardingEnvelope(id, report), ActorRefs.NoSender);
        else
        {
            _unroutable++;
            _log.Warning("order desk: no order for exchange order {0}; dropped {1}", exchangeOrderId, report.GetType().Name);
        }
    }

    private void OnNotice(OrderStatusNotice notice)
    {
        foreach (var settle in _settlements.OnNotice(notice, Now())) _region.Tell(settle);
        if (notice.ExchangeOrderId is { } exchangeId) _executionByExchangeId[exchangeId] = notice.ExecutionId;
        if (notice.EndedAs is { } outcome) _ended[outcome] = _ended.GetValueOrDefault(outcome) + 1;
        if (notice.State.IsTerminal())
        {
            if (notice.ExchangeOrderId is { } finished) Finish(finished, notice.ExecutionId);
            _open.Remove(notice.ExecutionId);
            AnswerDrainWaiters();
            return;
        }
        _open[notice.ExecutionId] = notice;
    }

    /// <summary>
    /// Every order with fills gets its payout once. The gate is told every time: it releases the position once and takes
    /// a repeat quietly, and a repeat covers a first report lost while the gate singleton was moving.
    /// </summary>
    private void OnMarketSettled(MarketSettled settled)
    {
        var (first, orders) = _settlements.OnMarketSettled(settled, Now());
        _gate.Tell(new ReportSettlement(settled.Ticker, settled.YesValue));
        if (first) _log.Info("order desk: market {0} settled at {1} a YES contract; settling {2} orders", settled.Ticker, settled.YesValue, orders.Count);
        foreach (var settle in orders) _region.Tell(settle);
    }

    private DateTimeOffset Now() => Context.System.Scheduler.Now;

    private void Finish(string exchangeId, string executionId)
    {
        _executionByExchangeId.Remove(exchangeId);
        if (_finishedByExchangeId.Count >= FinishedIdsKept)
        {
            (_finishedBefore, _finishedByExchangeId) = (_finishedByExchangeId, _finishedBefore);
            _finishedByExchangeId.Clear();
        }
        _finishedByExchangeId[exchangeId] = executionId;
    }

    private void OnKillSwitch(KillSwitchChanged change)
    {
        var previous = _killSwitch;
        _killSwitch = change.State;
        // Re-subscribing repeats the current state: only a change into Halted cancels (once).
        if (change.State != KillSwitchState.Halted || previous == KillSwitchState.Halted) return;
        var ids = new HashSet<string>(_open.Keys, StringComparer.Ordinal);
        // Orders still holding a reservation may live on this node before they told the desk anything.
        ids.UnionWith(change.InFlightExecutionIds);
        _log.Warning("order desk: halt ({0}); canceling {1} orders", change.Reason, ids.Count);
        // Orders needing attention are a person's to resolve: a cancel would hide them as "cancel requested".
        foreach (var id in ids.Where(id => !NeedsAttention(id))) _region.Tell(new CancelOrder(id, "halt: " + change.Reason));
    }

    private void OnDrain(DrainOrders drain)
    {
        // A planned stop is not a warning; orders it cancels are listed as they end.
        _log.Info("order desk: draining for shutdown; {0} open orders, {1}", _open.Count,
            drain.CancelResting ? "canceling them" : "leaving them working");
        if (drain.CancelResting)
            foreach (var id in _open.Keys.Where(id => !NeedsAttention(id)).ToArray()) _region.Tell(new CancelOrder(id, "shutdown"));
        _drainWaiters.Add(Sender);
        if (!drain.CancelResting || _open.Count == 0) AnswerDrainWaiters(force: true);
        else AnswerDrainWaiters(); // every open order may already need attention: nothing will end them
    }

    private void AnswerDrainWaiters(bool force = false)
    {
        if (_drainWaiters.Count == 0) return;
        if (!force && _open.Values.Any(n => n.State != ExecutionOrderState.NeedsAttention)) return;
        foreach (var w in _drainWaiters) w.Tell(new OrdersDrained(_open.Count));
        _drainWaiters.Clear();
    }

    private bool NeedsAttention(string executionId) =>
        _open.TryGetValue(executionId, out var n) && n.State == ExecutionOrderState.NeedsAttention;

    private ExecutionStatus Status()
    {
        var all = _open.Values.OrderBy(n => n.ExecutionId, StringComparer.Ordinal).ToArray();
        return new ExecutionStatus(
            all.Where(n => n.State != ExecutionOrderState.NeedsAttention).ToArray(),
            all.Where(n => n.State == ExecutionOrderState.NeedsAttention).ToArray(),
            all.Length) { Ended = new Dictionary<string, long>(_ended) };
    }

    protected override void PostStop()
    {
        if (_unroutable > 0) _log.Warning("order desk stopped; {0} venue reports could not be routed", _unroutable);
        base.PostStop();
    }
}
