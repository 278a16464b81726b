using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using KalshiArb.Actors.Metrics;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// One ExecutionOrder, event-sourced under "order-{executionId}" as an entity of the "order" shard region. The
/// execution id is also the venue's client_order_id, which is what makes a repeated submit safe. What to do is
/// decided by <see cref="OrderLifecycle"/>; this actor only turns messages into its inputs, journals the decided
/// events (one atomic write per decision), performs the effects once they are durable, and keeps the timers.
/// </summary>
public sealed class OrderActor : PersistentActor
{
    private readonly IActorRef _gate;
    private readonly IVenue _venue;
    private readonly ICanTell _desk;
    private readonly OrderActorSettings _settings;
    private OrderProcess _state;

    // Whether the journal's events (so its open-order table) say the order is open.
    private bool _journaledOpen;

    // Whether the gate confirmed, in this incarnation, that the order's reservation is durable. Every venue call waits
    // for it: an approval given ahead of the gate's journal (ReservationHeld) lets the order journal its approval while
    // the gate journals the reservation, and the submit waits here until the gate pushes the approval (or, for a resend
    // after a restart, until a Reserve ask comes back approved).
    private bool _reservationDurable;
    private bool _confirming;
    private SubmitToVenue? _heldSubmit;

    // The ReserveAhead this incarnation has out at the gate (told, not asked: it is answered twice): its token, which
    // every answer echoes, and what it still waits for. Bounded by its own timer, as an ask would be.
    private long _gateAttempt;
    private GateWait _gateWait;

    // Set when this incarnation created the order from its signal: its first venue call is timed from the signal.
    // A recovered order's resubmit is not (its latency would measure the outage, not the order path).
    private bool _timeFirstSubmit;

    /// <param name="desk">The node's order desk (told every change); a <c>RegisteredActor</c> works, so it may start later.</param>
    public OrderActor(string executionId, IActorRef riskGate, IVenue venue, OrderActorSettings settings, ICanTell desk)
    {
        _gate = riskGate;
        _venue = venue;
        _desk = desk;
        _settings = settings;
        _state = OrderProcess.Start(executionId);
        PersistenceId = PersistenceIdFor(executionId);
    }

    // Untyped on purpose: a ReceivePersistentActor builds its handler table for every instance, and an order actor is
    // created for every signal (measured: a large share of each order's allocations, which the GC then copies).
    protected override bool ReceiveRecover(object message)
    {
        switch (message)
        {
            case OrderJournalEvent e:
                _state = OrderLifecycle.Evolve(_state, e.ToDomain(), e.AtMs);
                return true;
            case SnapshotOffer { Snapshot: ExecutionOrderSnapshot s }:
                _state = s.ToProcess();
                return true;
            case RecoveryCompleted:
                _journaledOpen = _state.Order is { IsTerminal: false };
                Decide(Recovered.Instance);
                return true;
            default:
                return message is SnapshotOffer;
        }
    }

    protected override bool ReceiveCommand(object message)
    {
        switch (message)
        {
            case PlaceOrder p:
                _timeFirstSubmit = _state.Order is null;
                Decide(new PlaceRequested(p.ExecutionId, p.Signal.SignalId, p.Signal.Ticker, p.Signal.Side,
                    p.Signal.LimitPrice, p.Signal.Count, p.Signal.CreatedAtMs, Admitting: !ShuttingDown, StrategyId: p.Signal.StrategyId));
                return true;
            case GateAnswered g:
                if (g.Durable) _reservationDurable = true;
                Decide(g.Input);
                return true;
            case ReservationHeld h:
                if (IsAwaited(h.Attempt, GateWait.FirstAnswer)) OnHeld(h);
                return true;
            case ReservationApproved a:
                OnGateAnswer(a.Attempt, new RiskApprovedInput(a.Reservation.ExecutionId, a.Reservation.Amount), approved: true, "");
                return true;
            case ReservationDenied d:
                OnGateAnswer(d.Attempt, new RiskDeniedInput(d.ExecutionId, d.Reason), approved: false, $"denied: {d.Reason}");
                return true;
            case RiskGateUnavailable u:
                OnGateAnswer(u.Attempt, new RiskUnavailableInput(u.Reason), approved: false, u.Reason);
                return true;
            case GateWaitElapsed w:
            {
                var waited = $"no answer within {w.After.TotalSeconds:0.#} s";
                OnGateAnswer(w.Attempt, new RiskUnavailableInput(waited), approved: false, waited);
                return true;
            }
            case ReservationConfirmed:
                OnReservationConfirmed();
                return true;
            case ReservationNotConfirmed n:
                OnReservationNotConfirmed(n.Reason);
                return true;
            case OrderInput input:
                Decide(input);
                return true;
            case VenueFill f:
                Decide(new FillReported(f));
                return true;
            case VenueOrderUpdate u:
                Decide(new VenueUpdated(u.Order));
                return true;
            case CancelOrder c:
                Decide(new CancelCommanded(c.Reason));
                return true;
            case SettleOrder st:
                Decide(new SettleCommanded(st.Winner, st.Payout));
                return true;
            case GetOrderState:
                Sender.Tell(OrderStateView.Of(_state, LastSequenceNr));
                return true;
            case WakeOrder:
                // Recovery (and its reconciliation) already ran; only a finished order has something to say.
                if (_state.Order is not { IsTerminal: false }) Sender.Tell(OrderStateView.Of(_state, LastSequenceNr));
                return true;
            case ReceiveTimeout:
                Decide(IdleElapsed.Instance);
                return true;
            case OrderTimerTick tick:
                return Timers.Fired(tick) is not { } fired || ReceiveCommand(fired);
            case SaveSnapshotSuccess:
                return true;
            case SaveSnapshotFailure f:
                Log.Warning("order {0}: snapshot failed: {1}", ExecutionId, f.Cause.Message);
                return true;
            default:
                return false;
        }
    }

    // Akka reads it for every event it persists and every recovery step: built once, not per read.
    public override string PersistenceId { get; }

    // Not Akka's timers: see OrderTimers for why. Created on first use (Self is known by then).
    private OrderTimers? _timers;

    private OrderTimers Timers => _timers ??= new OrderTimers(Self);

    /// <summary>Without snapshots a new order's recovery is one journal read, not a snapshot read first.</summary>
    public override Recovery Recovery => _settings.SnapshotEvery > 0 ? base.Recovery : new Recovery(SnapshotSelectionCriteria.None);

    private string ExecutionId => _state.ExecutionId;

    public static string PersistenceIdFor(string executionId) => "order-" + executionId;

    public static Props Props(string executionId, IActorRef riskGate, IVenue venue, OrderActorSettings settings, ICanTell desk) =>
        Akka.Actor.Props.CreateBy(new Producer(executionId, riskGate, venue, settings, desk));

    /// <summary>
    /// Creates the actor with a plain constructor call. Props.Create(() => new OrderActor(…)) builds an expression tree at
    /// every call and reads each argument back out of it by reflection: for every order, since an order is an actor.
    /// </summary>
    private sealed class Producer(string executionId, IActorRef riskGate, IVenue venue, OrderActorSettings settings, ICanTell desk)
        : IIndirectActorProducer
    {
        public Type ActorType => typeof(OrderActor);

        public ActorBase Produce() => new OrderActor(executionId, riskGate, venue, settings, desk);

        public void Release(ActorBase actor)
        {
        }
    }

    private long Now => _settings.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Once this node's coordinated shutdown has begun it creates no new orders (the drain is running).</summary>
    private bool ShuttingDown => CoordinatedShutdown.Get(Context.System).ShutdownReason is not null;

    private void Decide(OrderInput input)
    {
        var replyTo = Sender;
        var now = Now;
        var wasTerminal = _state.Order?.IsTerminal == true;
        var before = _state.Order?.State;
        var d = OrderLifecycle.Decide(_state, input, now, _settings.Policy);
        _state = d.State;
        if (_state.Order is { } order && order.State != before) TradingInstruments.RecordOrderTransition(before, order.State);
        if (d.Events.Count == 0)
        {
            foreach (var effect in d.Effects) Perform(effect, replyTo);
            return;
        }

        // One atomic write; the state already moved, and Persist holds every other command back until the
        // callback ran, so nothing observes it before it is durable.
        var journal = new OrderJournalEvent[d.Events.Count];
        for (var i = 0; i < journal.Length; i++) journal[i] = OrderJournalEvent.From(d.Events[i], now);
        // The journal's open-order table follows in the same transaction: what a restart or failover wakes again. Compared
        // with what the journal says, not with the state before this decision (a decision without events may already
        // have moved the state, e.g. an order waiting for the gate is journaled only once approved).
        var isOpen = _state.Order is { IsTerminal: false };
        if (isOpen != _journaledOpen)
        {
            journal[^1] = journal[^1] with { OpenOrderChange = isOpen ? OpenOrderChange.Opened : OpenOrderChange.Ended };
            _journaledOpen = isOpen;
        }
        var stored = 0;
        PersistAll(journal, _ =>
        {
            if (++stored < journal.Length) return;
            foreach (var e in d.Events)
                if (e is FillApplied fill) TradingInstruments.RecordFill(fill.Count.Hundredths / (double)Quantity.UnitsPerContract);
            var notice = OrderStatusNotice.Of(_state);
            _desk.Tell(!wasTerminal && _state.Order!.IsTerminal ? notice with { EndedAs = OrderOutcome.Of(_state.Order) } : notice, Self);
            foreach (var effect in d.Effects) Perform(effect, replyTo);
            MaybeSnapshot(journal.Length);
        });
    }

    private void Perform(OrderEffect effect, IActorRef replyTo)
    {
        switch (effect)
        {
            case AskRisk a:
                AskGate(a);
                break;
            case SubmitToVenue s:
                // The last word on the horizon: a write that finished late never turns into a late venue call.
                if (s.NotAfterMs is { } notAfter && Now > notAfter)
                {
                    Self.Tell(SubmitWindowClosed.Instance);
                    break;
                }
                if (!_reservationDurable)
                {
                    _heldSubmit = s;
                    if (!_confirming) ConfirmReservation();
                    break;
                }
                if (_timeFirstSubmit && _state.Order?.SignalAtMs is { } signalAt)
                {
                    _timeFirstSubmit = false;
                    TradingInstruments.RecordSignalToVenue(_settings.Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(signalAt));
                }
                VenueCall.Run(ct => _venue.SubmitAsync(s.Request, ct), _settings.Policy.VenueCallTimeout)
                    .PipeTo(Self, success: r => new SubmitAnswered(r), failure: ex => new SubmitLost(VenueCall.Describe(ex)));
                break;
            case LookupAtVenue l:
                VenueCall.Run(ct => _venue.FindOrderAsync(l.Ticker, l.ClientOrderId, ct), _settings.Policy.VenueCallTimeout)
                    .PipeTo(Self, success: r => new LookupAnswered(r), failure: ex => new LookupFailed(VenueCall.Describe(ex)));
                break;
            case FetchFills f:
                VenueCall.Run(ct => _venue.GetFillsAsync(f.ExchangeOrderId, ct), _settings.Policy.VenueCallTimeout)
                    .PipeTo(Self, success: fills => new FillsFetched(fills, f.Then), failure: ex => new LookupFailed(VenueCall.Describe(ex)));
                break;
            case CancelAtVenue c:
                VenueCall.Run(ct => _venue.CancelAsync(c.ExchangeOrderId, ct), _settings.Policy.VenueCallTimeout)
                    .PipeTo(Self, success: r => new CancelAnswered(r), failure: ex => new CancelAnswered(
                        new VenueCancelResult(VenueResultKind.ServerError, Quantity.Zero, VenueCall.Describe(ex))));
                break;
            case ReportFillToGate r:
                _gate.Tell(new ReportFill(r.Fill, r.EndsOrder));
                break;
            case ReleaseAtGate r:
                _gate.Tell(new ReportOrderTerminal(r.ExecutionId));
                break;
            case StartTimer t:
                Timers.StartSingle(t.Timer, new TimerFired(t.Timer), t.After);
                break;
            case StopAllTimers:
                // The lifecycle's own timers: a wait for the gate keeps its bound (it ends with the gate's answer or that).
                foreach (var timer in LifecycleTimers) Timers.Cancel(timer);
                break;
            case ReplyPlaced p:
                // Signals arrive with no sender: nobody to answer, and no dead letter either.
                if (!replyTo.IsNobody()) replyTo.Tell(new OrderPlaced(ExecutionId, p.IsNew, p.State));
                break;
            case ReplyNotPlaced n:
                if (!replyTo.IsNobody()) replyTo.Tell(new OrderNotPlaced(ExecutionId, n.Reason));
                break;
            case IdleAfter i:
                Context.SetReceiveTimeout(i.After);
                break;
            case Domain.Orders.Lifecycle.Passivate:
                // A sharded entity asks its shard to stop it, so messages sent meanwhile are not lost.
                Context.Parent.Tell(new Akka.Cluster.Sharding.Passivate(PoisonPill.Instance));
                break;
            case NotifyDesk:
                _desk.Tell(OrderStatusNotice.Of(_state), Self);
                break;
            case Narrate n:
                // One log event per event narrated: a fill that ends its order says both in one line (each log event is
                // formatted, queued and written on its own; two per lifecycle were a measurable share of its allocations).
                if (Log.IsInfoEnabled && string.Join(" — ", OrderNarration.Describe(n.Applied, n.Before, n.After)) is { Length: > 0 } told)
                    Log.Info("order {0}: {1}", ExecutionId, told);
                break;
            case LogLine l:
                Log.Log(l.Level switch
                {
                    OrderLogLevel.Debug => LogLevel.DebugLevel,
                    OrderLogLevel.Info => LogLevel.InfoLevel,
                    OrderLogLevel.Warning => LogLevel.WarningLevel,
                    _ => LogLevel.ErrorLevel,
                }, l.Text);
                break;
            default:
                throw new InvalidOperationException($"order {ExecutionId}: no way to perform {effect.GetType().Name}");
        }
    }

    private void AskGate(AskRisk a)
    {
        var timeout = a.Timeout;
        if (_settings.ReserveAhead)
        {
            // One message: answered held at once, then approved once durable, both to this actor. A fresh random token
            // per ask (never 0) tells this ask's answers from a late one to an earlier ask or incarnation.
            _gateAttempt = Random.Shared.NextInt64(1, long.MaxValue);
            _gate.Tell(new ReserveAhead(a.ExecutionId, a.Ticker, a.Side, a.LimitPrice, a.Count, _gateAttempt), Self);
            AwaitGate(GateWait.FirstAnswer, timeout);
            return;
        }
        _gate.Ask<object>(new Reserve(a.ExecutionId, a.Ticker, a.Side, a.LimitPrice, a.Count), timeout)
            .PipeTo(Self, success: reply => reply switch
            {
                ReservationApproved r => new GateAnswered(new RiskApprovedInput(r.Reservation.ExecutionId, r.Reservation.Amount), Durable: true),
                ReservationDenied d => new GateAnswered(new RiskDeniedInput(d.ExecutionId, d.Reason), Durable: false),
                RiskGateUnavailable u => new GateAnswered(new RiskUnavailableInput(u.Reason), Durable: false),
                _ => new GateAnswered(new RiskUnavailableInput($"unexpected answer {reply.GetType().Name}"), Durable: false),
            }, failure: ex => new GateAnswered(new RiskUnavailableInput($"no answer within {timeout.TotalSeconds:0.#} s ({VenueCall.Describe(ex)})"), Durable: false));
    }

    /// <summary>
    /// Held, not yet durable: the order journals its approval now, overlapping the gate's write, and its venue call
    /// waits for the approval the gate pushes once that write is durable (bounded like the first answer was).
    /// </summary>
    private void OnHeld(ReservationHeld h)
    {
        if (!_reservationDurable)
        {
            _confirming = true;
            AwaitGate(GateWait.Durable, _settings.Policy.RiskTimeout);
        }
        else EndGateWait();
        Decide(new RiskApprovedInput(h.Reservation.ExecutionId, h.Reservation.Amount));
    }

    private bool IsAwaited(long attempt, GateWait what) => _gateWait == what && attempt == _gateAttempt;

    /// <summary>
    /// An answer to the ReserveAhead out (or its wait's bound): as the first answer it goes to the domain as
    /// <paramref name="input"/>; after a held answer it confirms the reservation (<paramref name="approved"/>) or holds the
    /// submit back for <paramref name="reason"/>. One carrying another token (an earlier ask's or incarnation's) changes nothing.
    /// </summary>
    private void OnGateAnswer(long attempt, OrderInput input, bool approved, string reason)
    {
        if (_gateWait == GateWait.None || attempt != _gateAttempt) return;
        var first = _gateWait == GateWait.FirstAnswer;
        EndGateWait();
        if (first)
        {
            if (approved) _reservationDurable = true;
            Decide(input);
        }
        else if (approved) OnReservationConfirmed();
        else OnReservationNotConfirmed(reason);
    }

    private void AwaitGate(GateWait what, TimeSpan bound)
    {
        _gateWait = what;
        Timers.StartSingle(GateWaitTimer, new GateWaitElapsed(_gateAttempt, bound), bound);
    }

    private void EndGateWait()
    {
        if (_gateWait == GateWait.Durable) _confirming = false;
        _gateWait = GateWait.None;
        Timers.Cancel(GateWaitTimer);
    }

    private void OnReservationConfirmed()
    {
        _confirming = false;
        _reservationDurable = true;
        if (_heldSubmit is { } submit)
        {
            _heldSubmit = null;
            Perform(submit, ActorRefs.Nobody);
        }
    }

    private void OnReservationNotConfirmed(string reason)
    {
        _confirming = false;
        if (_heldSubmit is not null)
        {
            _heldSubmit = null;
            Decide(new SubmitHeldBack(reason));
        }
    }

    /// <summary>
    /// Asks the gate again for this order's reservation: approved only once it is durable (the gate reserves afresh if it
    /// lost it). The path of a resend after a restart, and of a submit whose held reservation the gate did not confirm
    /// before the order's own write was done.
    /// </summary>
    private void ConfirmReservation()
    {
        if (_state.Order is not { } o) return;
        _confirming = true;
        var timeout = _settings.Policy.RiskTimeout;
        _gate.Ask<object>(new Reserve(ExecutionId, o.Ticker, o.Side, o.LimitPrice, o.Count), timeout)
            .PipeTo(Self, success: reply => reply switch
            {
                ReservationApproved => ReservationConfirmed.Instance,
                ReservationDenied d => new ReservationNotConfirmed($"denied: {d.Reason}"),
                RiskGateUnavailable u => new ReservationNotConfirmed(u.Reason),
                _ => new ReservationNotConfirmed($"unexpected answer {reply.GetType().Name}"),
            }, failure: ex => new ReservationNotConfirmed($"no answer within {timeout.TotalSeconds:0.#} s ({VenueCall.Describe(ex)})"));
    }

    /// <summary>The gate's answer to an ask (reserve-ahead off); <paramref name="Durable"/>: an approval whose reservation is journaled.</summary>
    private sealed record GateAnswered(OrderInput Input, bool Durable);

    private sealed record ReservationConfirmed
    {
        public static readonly ReservationConfirmed Instance = new();
    }

    private sealed record ReservationNotConfirmed(string Reason);

    private enum GateWait
    {
        None,
        /// <summary>The ReserveAhead's first answer: held, approved, denied or unavailable.</summary>
        FirstAnswer,
        /// <summary>Held: the approval pushed once the reservation is durable.</summary>
        Durable,
    }

    private const string GateWaitTimer = "gate-wait";

    private static readonly OrderTimer[] LifecycleTimers = Enum.GetValues<OrderTimer>();

    /// <summary>The bound of a wait for the gate; only the wait of the same token ends by it.</summary>
    private sealed record GateWaitElapsed(long Attempt, TimeSpan After);

    /// <summary>Snapshots when the decision's write crossed a multiple of SnapshotEvery.</summary>
    private void MaybeSnapshot(int written)
    {
        var every = _settings.SnapshotEvery;
        if (every <= 0 || _state.Order is null) return;
        if (LastSequenceNr / every > (LastSequenceNr - written) / every) SaveSnapshot(ExecutionOrderSnapshot.From(_state));
    }

    protected override void PreRestart(Exception reason, object message)
    {
        _timers?.Dispose();
        base.PreRestart(reason, message);
    }

    protected override void PostStop()
    {
        _timers?.Dispose();
        base.PostStop();
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // Stops the entity; the open-order watch (or the next message for it) starts it again and it recovers from what
        // the journal has: the failed decision's write was atomic, so nothing of it is half there.
        Log.Error(cause, "order {0}: journal write failed for {1}; stopping to recover from the journal", ExecutionId, @event.GetType().Name);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        // The state moved ahead of the journal: start over from what is durable.
        Log.Error(cause, "order {0}: journal refused {1}; restarting from the journal", ExecutionId, @event.GetType().Name);
        base.OnPersistRejected(cause, @event, sequenceNr);
        Context.Stop(Self);
    }
}
