using Akka.Actor;
using Akka.Event;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Risk;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// Turns trade signals into OrderActors (one per execution id, derived from the signal id), routes the venue's
/// fills and order updates to them, re-creates unfinished orders after a restart (from the open-order index) so
/// they reconcile, restarts failed orders with backoff, and cancels every working order when the gate halts.
/// Every message is keyed by execution id. With an order shard region the orders are entities of that region
/// instead of children (the region remembers unfinished ones, so no index is kept here) and this actor is the
/// node's desk: it routes venue reports, fans the kill switch out, drains orders at shutdown and answers status.
/// </summary>
public sealed class OrderSupervisor : ReceiveActor, IWithUnboundedStash, IWithTimers
{
    private readonly IActorRef _gate;
    private readonly IVenue _venue;
    private readonly OrderSupervisorSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    private readonly Dictionary<string, IActorRef> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _idByChild = new();
    private readonly Dictionary<string, OrderStatusNotice> _status = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _executionByExchangeId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tracked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(PlaceOrder Place, IActorRef ReplyTo)>> _awaitingIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _restarts = new(StringComparer.Ordinal);
    private readonly IActorRef? _region;
    private readonly List<IActorRef> _drainWaiters = [];
    private IActorRef _index = ActorRefs.Nobody;
    private KillSwitchState? _killSwitch;
    private bool _draining;
    private int _unroutable;

    public OrderSupervisor(IActorRef riskGate, IVenue venue, OrderSupervisorSettings settings, IActorRef? orderRegion = null)
    {
        _gate = riskGate;
        _venue = venue;
        _settings = settings;
        _region = orderRegion;
        if (_region is null) Loading();
        else Ready();
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef riskGate, IVenue venue, OrderSupervisorSettings settings) =>
        Akka.Actor.Props.Create(() => new OrderSupervisor(riskGate, venue, settings, null));

    /// <summary>The desk of a node whose orders live in <paramref name="orderRegion"/> (the "order" shard region).</summary>
    public static Props ForRegion(IActorRef riskGate, IVenue venue, OrderSupervisorSettings settings, IActorRef orderRegion) =>
        Akka.Actor.Props.Create(() => new OrderSupervisor(riskGate, venue, settings, orderRegion));

    protected override void PreStart()
    {
        StartUp();
        if (_settings.SubscribeToVenue) _venue.Subscribe(new ActorVenueListener(Self));
    }

    // The venue keeps the listener across restarts (it targets Self, which survives them): do not subscribe twice.
    protected override void PostRestart(Exception reason) => StartUp();

    private void StartUp()
    {
        if (_region is null)
        {
            _index = Context.ActorOf(OrderIndexActor.Props(_settings.IndexPersistenceId), "index");
            _index.Tell(GetTrackedOrders.Instance);
        }
        _gate.Tell(SubscribeKillSwitch.Instance);
        // A singleton gate that moved to another node has forgotten its subscribers: subscribe again now and then.
        if (_settings.GateResubscribeInterval is { } every)
            Timers.StartPeriodicTimer("resubscribe", ResubscribeKillSwitch.Instance, every);
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_settings.MaxRestartsPerMinute, TimeSpan.FromMinutes(1), _ => Directive.Restart);

    // ------------------------------------------------------------------ start-up: wait for the index

    private void Loading()
    {
        Receive<TrackedOrders>(t =>
        {
            _tracked.UnionWith(t.ExecutionIds);
            _log.Info("order supervisor: re-creating {0} unfinished orders", t.ExecutionIds.Count);
            foreach (var id in t.ExecutionIds) ChildFor(id);
            Become(Ready);
            Stash.UnstashAll();
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private void Ready()
    {
        Receive<TradeSignal>(s => Place(new PlaceOrder(ExecutionIds.FromSignal(s.SignalId), s), Sender));
        Receive<PlaceOrder>(p => Place(p, Sender));
        Receive<OrderTracked>(OnTracked);
        Receive<IOrderMessage>(m => Deliver(m.ExecutionId, m, Sender));
        Receive<VenueFill>(f => Route(f.ClientOrderId, f.ExchangeOrderId, f));
        Receive<VenueOrderUpdate>(u => Route(u.Order.ClientOrderId, u.Order.ExchangeOrderId, u));
        Receive<OrderStatusNotice>(OnNotice);
        Receive<KillSwitchChanged>(OnKillSwitch);
        Receive<GetExecutionStatus>(_ => Sender.Tell(Status()));
        Receive<Terminated>(OnTerminated);
        Receive<RecreateOrder>(r =>
        {
            if (_tracked.Contains(r.ExecutionId)) ChildFor(r.ExecutionId);
        });
        Receive<ResubscribeKillSwitch>(_ => _gate.Tell(SubscribeKillSwitch.Instance));
        Receive<DrainOrders>(OnDrain);
    }

    // ------------------------------------------------------------------ placing

    private void Place(PlaceOrder place, IActorRef replyTo)
    {
        var id = place.ExecutionId;
        if (_draining)
        {
            replyTo.Tell(new OrderNotPlaced(id, "node shutting down"));
            return;
        }
        if (_region is not null)
        {
            // The region remembers the entity before it starts it: that is the crash-safe index.
            _region.Tell(place, replyTo);
            return;
        }
        if (_children.TryGetValue(id, out var child) || _tracked.Contains(id))
        {
            (child ?? ChildFor(id)).Tell(place, replyTo);
            return;
        }
        // Index first: an order that exists must be found again after a crash.
        if (!_awaitingIndex.TryGetValue(id, out var waiting))
        {
            waiting = new List<(PlaceOrder, IActorRef)>();
            _awaitingIndex[id] = waiting;
            _index.Tell(new TrackOrder(id));
        }
        waiting.Add((place, replyTo));
    }

    private void OnTracked(OrderTracked tracked)
    {
        _tracked.Add(tracked.ExecutionId);
        var child = ChildFor(tracked.ExecutionId);
        if (!_awaitingIndex.Remove(tracked.ExecutionId, out var waiting)) return;
        foreach (var (place, replyTo) in waiting) child.Tell(place, replyTo);
    }

    private void Deliver(string executionId, object message, IActorRef? sender)
    {
        if (_region is not null) _region.Tell(new Akka.Cluster.Sharding.ShardingEnvelope(executionId, message), sender);
        else ChildFor(executionId).Tell(message, sender);
    }

    private IActorRef ChildFor(string executionId)
    {
        if (_children.TryGetValue(executionId, out var existing)) return existing;
        var child = Context.ActorOf(OrderActor.Props(executionId, _gate, _venue, _settings.Order, Self), "order-" + Uri.EscapeDataString(executionId));
        Context.Watch(child);
        _children[executionId] = child;
        _idByChild[child] = executionId;
        return child;
    }

    // ------------------------------------------------------------------ routing the venue's reports

    private void Route(string? clientOrderId, string exchangeOrderId, object message)
    {
        if (!string.IsNullOrEmpty(clientOrderId))
        {
            // A late fill for a finished order still belongs to it: the order recovers and applies what is due.
            Deliver(clientOrderId, message, ActorRefs.NoSender);
        }
        else if (_executionByExchangeId.TryGetValue(exchangeOrderId, out var id))
        {
            Deliver(id, message, ActorRefs.NoSender);
        }
        else
        {
            _unroutable++;
            _log.Warning("order supervisor: no order for exchange order {0}; dropped {1}", exchangeOrderId, message.GetType().Name);
        }
    }

    private void OnNotice(OrderStatusNotice notice)
    {
        var id = notice.ExecutionId;
        if (notice.ExchangeOrderId is { } exchangeId) _executionByExchangeId[exchangeId] = id;
        if (notice.State.IsTerminal())
        {
            _status.Remove(id);
            _restarts.Remove(id);
            if (_tracked.Remove(id)) _index.Tell(new UntrackOrder(id));
            AnswerDrainWaiters();
            return;
        }
        _status[id] = notice;
    }

    // ------------------------------------------------------------------ kill switch, failures, status

    private void OnKillSwitch(KillSwitchChanged change)
    {
        var previous = _killSwitch;
        _killSwitch = change.State;
        // Re-subscribing repeats the current state: only a change into Halted cancels (once).
        if (change.State != KillSwitchState.Halted || previous == KillSwitchState.Halted) return;
        var ids = new HashSet<string>(_children.Keys, StringComparer.Ordinal);
        ids.UnionWith(_tracked);
        ids.UnionWith(_status.Keys);
        ids.UnionWith(change.InFlightExecutionIds);
        _log.Warning("order supervisor: halt ({0}); canceling {1} orders", change.Reason, ids.Count);
        // Orders needing attention are a person's to resolve: a cancel would hide them as "cancel requested".
        foreach (var id in ids.Where(id => !NeedsAttention(id))) Deliver(id, new CancelOrder(id, "halt: " + change.Reason), Self);
    }

    // ------------------------------------------------------------------ shutdown

    private void OnDrain(DrainOrders drain)
    {
        _draining = true;
        var open = OpenIds();
        _log.Warning("order supervisor: draining for shutdown; {0} open orders, {1}", open.Count,
            drain.CancelResting ? "canceling them" : "leaving them working");
        if (drain.CancelResting)
        {
            foreach (var id in open.Where(id => !NeedsAttention(id))) Deliver(id, new CancelOrder(id, "shutdown"), Self);
        }
        _drainWaiters.Add(Sender);
        if (!drain.CancelResting || open.Count == 0) AnswerDrainWaiters(force: true);
        else AnswerDrainWaiters(); // every open order may already need attention: nothing will end them
    }

    private void AnswerDrainWaiters(bool force = false)
    {
        if (_drainWaiters.Count == 0) return;
        var open = OpenIds();
        if (!force && open.Any(id => _status.TryGetValue(id, out var n) && n.State != ExecutionOrderState.NeedsAttention)) return;
        foreach (var w in _drainWaiters) w.Tell(new OrdersDrained(open.Count));
        _drainWaiters.Clear();
    }

    private bool NeedsAttention(string executionId) =>
        _status.TryGetValue(executionId, out var n) && n.State == ExecutionOrderState.NeedsAttention;

    private HashSet<string> OpenIds()
    {
        var ids = new HashSet<string>(_status.Keys, StringComparer.Ordinal);
        ids.UnionWith(_tracked);
        return ids;
    }

    private void OnTerminated(Terminated t)
    {
        if (!_idByChild.Remove(t.ActorRef, out var id)) return;
        _children.Remove(id);
        if (!_tracked.Contains(id)) return; // finished orders passivate; they recover on demand

        // An unfinished order stopped (journal failure, too many restarts): bring it back with backoff.
        var n = _restarts.GetValueOrDefault(id);
        _restarts[id] = n + 1;
        var delay = TimeSpan.FromTicks(Math.Min(_settings.MaxBackoff.Ticks, _settings.MinBackoff.Ticks << Math.Min(n, 20)));
        _log.Warning("order supervisor: order {0} stopped unfinished; re-creating in {1}", id, delay);
        Timers.StartSingleTimer("recreate-" + id, new RecreateOrder(id), delay);
    }

    private ExecutionStatus Status()
    {
        var all = _status.Values.OrderBy(n => n.ExecutionId, StringComparer.Ordinal).ToArray();
        return new ExecutionStatus(
            all.Where(n => n.State != ExecutionOrderState.NeedsAttention).ToArray(),
            all.Where(n => n.State == ExecutionOrderState.NeedsAttention).ToArray(),
            _region is null ? _tracked.Count : _status.Count);
    }

    protected override void PostStop()
    {
        if (_unroutable > 0) _log.Warning("order supervisor stopped; {0} venue reports could not be routed", _unroutable);
        base.PostStop();
    }

    private sealed record RecreateOrder(string ExecutionId);
}
