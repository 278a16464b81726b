using Akka.Cluster.Sharding;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Risk;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// The whole life of one ExecutionOrder, event-sourced under "order-{executionId}". The execution id is also
/// the venue's client_order_id, which is what makes a repeated submit safe. Rules kept here:
/// <list type="bullet">
/// <item>Persist before acting: every venue call, gate report and reply happens in the persist callback. One
/// exception, for latency: the Reserve ask leaves while OrderCreated is being written (the two writes overlap); a
/// reservation whose Created never became durable is released when the empty order idles out (OrphanRelease).</item>
/// <item>On approval RiskApproved and SubmitRequested are one atomic write, approval first, then the venue call.</item>
/// <item>The order changes only through ExecutionOrderMachine; a refused event is logged, counted, never journaled.</item>
/// <item>At most one venue call is in flight; anything that wants another while one runs is re-driven by a lookup.</item>
/// <item>Submit happens once after approval; again (same client id) only when the venue says it never saw the order.</item>
/// </list>
/// </summary>
public sealed class OrderActor : ReceivePersistentActor, IWithTimers
{
    private const string CancelTimer = "cancel-after";
    private const string PollTimer = "poll";
    private const string ReconcileTimer = "reconcile";

    private readonly string _executionId;
    private readonly IActorRef _gate;
    private readonly IVenue _venue;
    private readonly ICanTell? _owner;
    private readonly OrderActorSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    private ExecutionOrder? _order;
    private string? _signalId;
    private int _refused;
    private int _duplicates;
    private int _reconcileAttempts;
    private int _polls;
    private VenueOp _op = VenueOp.None;
    private bool _reconcileQueued;
    private VenueOrderState? _pendingUpdate;
    private bool _riskPending;
    private bool _cancelWanted;
    private bool _cancelSent;
    private bool _terminalReported;

    public OrderActor(string executionId, IActorRef riskGate, IVenue venue, OrderActorSettings settings, ICanTell? owner)
    {
        _executionId = executionId;
        _gate = riskGate;
        _venue = venue;
        _settings = settings;
        _owner = owner;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is not OrderSnapshot s) return;
            _order = s.ToOrder();
            _signalId = s.SignalId;
        });
        Recover<OrderJournalEvent>(e =>
        {
            var r = ExecutionOrderMachine.Apply(_order, e.ToDomain());
            if (r.IsApplied) _order = r.Order;
            else _refused++;
            if (e is OrderCreatedEvent created) _signalId = created.SignalId;
        });
        Recover<RecoveryCompleted>(_ => ResumeAfterRecovery());

        Command<PlaceOrder>(OnPlace);
        Command<RiskAnswered>(OnRiskAnswer);
        Command<RiskUnanswered>(OnRiskUnanswered);
        Command<Submitted>(OnSubmitted);
        Command<SubmitLost>(lost =>
        {
            _op = VenueOp.None;
            _log.Warning("order {0}: submit outcome unknown ({1}); reconciling", _executionId, lost.Reason);
            Reconcile();
        });
        Command<Looked>(OnLooked);
        Command<LookupFailed>(failed =>
        {
            _op = VenueOp.None;
            RetryReconcile(failed.Reason);
            DrainQueued();
        });
        Command<FillsFetched>(OnFillsFetched);
        Command<CancelAnswered>(OnCancelAnswered);
        Command<VenueFill>(fill => ApplyFill(fill));
        Command<VenueOrderUpdate>(OnVenueUpdate);
        Command<CancelOrder>(c => RequestCancel(c.Reason));
        Command<CancelAfterElapsed>(_ => RequestCancel("timeout"));
        Command<PollDue>(_ => Reconcile());
        Command<ReconcileDue>(_ => Reconcile());
        Command<SettleOrder>(OnSettle);
        Command<GetOrderState>(_ => Sender.Tell(View()));
        Command<ReceiveTimeout>(_ =>
        {
            if (_order is not null && !_order.IsTerminal) return;
            if (_order is null) ReleaseOrphanReservation();
            // A sharded entity must ask its shard to stop it, or a remembered entity is restarted at once.
            if (_settings.PassivateThroughShard) Context.Parent.Tell(new Passivate(PoisonPill.Instance));
            else Context.Stop(Self);
        });
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => _log.Warning("order {0}: snapshot failed: {1}", _executionId, f.Cause.Message));
    }

    public override string PersistenceId => PersistenceIdFor(_executionId);

    public ITimerScheduler Timers { get; set; } = null!;

    public static string PersistenceIdFor(string executionId) => "order-" + executionId;

    public static Props Props(string executionId, IActorRef riskGate, IVenue venue, OrderActorSettings settings, ICanTell? owner = null) =>
        Akka.Actor.Props.Create(() => new OrderActor(executionId, riskGate, venue, settings, owner));

    // ------------------------------------------------------------------ journal

    /// <summary>
    /// Checks the event against the state machine; if it applies, journals it and runs <paramref name="then"/> with
    /// the new order once it is stored. The order field moves at once: Persist holds every other command back until
    /// the callback has run, so nothing observes the state before it is durable.
    /// </summary>
    private bool Record(OrderJournalEvent e, Action<ExecutionOrder>? then = null)
    {
        var r = ExecutionOrderMachine.Apply(_order, e.ToDomain());
        if (!r.IsApplied)
        {
            if (r.IsDuplicate) _duplicates++;
            else
            {
                _refused++;
                _log.Warning("order {0}: {1} refused in state {2}: {3}", _executionId, e.GetType().Name, _order?.State, r.Error);
            }
            return false;
        }

        var next = r.Order!;
        _order = next;
        Persist(e, _ =>
        {
            _owner?.Tell(Notice(next), Self);
            then?.Invoke(next);
            if (_settings.SnapshotEvery > 0 && LastSequenceNr % _settings.SnapshotEvery == 0 && _signalId is not null)
                SaveSnapshot(OrderSnapshot.From(_signalId, next)); // the state at this sequence number, not a later pending one
        });
        return true;
    }

    /// <summary>
    /// <see cref="Record"/> for several events in one atomic journal write: each must apply in turn, or nothing is
    /// journaled. <paramref name="then"/> runs once, with the order after the last event, when all are stored.
    /// </summary>
    private bool RecordAll(OrderJournalEvent[] events, Action<ExecutionOrder>? then = null)
    {
        var states = new ExecutionOrder[events.Length];
        var order = _order;
        for (var i = 0; i < events.Length; i++)
        {
            var r = ExecutionOrderMachine.Apply(order, events[i].ToDomain());
            if (!r.IsApplied)
            {
                if (r.IsDuplicate) _duplicates++;
                else
                {
                    _refused++;
                    _log.Warning("order {0}: {1} refused in state {2}: {3}", _executionId, events[i].GetType().Name, order?.State, r.Error);
                }
                return false;
            }
            order = states[i] = r.Order!;
        }

        _order = order;
        var stored = 0;
        PersistAll(events, _ =>
        {
            var state = states[stored++];
            _owner?.Tell(Notice(state), Self);
            if (stored == states.Length) then?.Invoke(state);
            if (_settings.SnapshotEvery > 0 && LastSequenceNr % _settings.SnapshotEvery == 0 && _signalId is not null)
                SaveSnapshot(OrderSnapshot.From(_signalId, state));
        });
        return true;
    }

    private long Now => _settings.ClockMs();

    private OrderStatusNotice Notice(ExecutionOrder o) => new(o.ExecutionId, o.Ticker, o.State, o.ExchangeOrderId, o.AttentionReason);

    // ------------------------------------------------------------------ recovery

    private void ResumeAfterRecovery()
    {
        if (_order is null)
        {
            Context.SetReceiveTimeout(_settings.IdleStopAfter);
            return;
        }
        _owner?.Tell(Notice(_order), Self);
        _log.Info("order {0} recovered in {1}", _executionId, _order.State);
        switch (_order.State)
        {
            case S.Created:
                AskRisk(); // the gate answers a known execution id with the same approval
                break;
            case S.RiskApproved:
                Submit();
                break;
            case S.Submitting:
                Reconcile();
                break;
            case S.Resting or S.PartiallyFilled or S.CancelRequested:
                ReportFillsToGate();
                Reconcile();
                break;
            case S.NeedsAttention:
                ReportFillsToGate();
                break;
            default:
                ReportFillsToGate();
                Finished();
                break;
        }
    }

    /// <summary>The gate de-duplicates by trade id, so re-reporting after a crash repairs a report lost with it.</summary>
    private void ReportFillsToGate()
    {
        foreach (var f in _order!.Fills)
            _gate.Tell(new ReportFill(new RiskFill(_executionId, f.TradeId, _order.Ticker, _order.Side, f.Count, f.Price, f.Fee)));
    }

    // ------------------------------------------------------------------ create and risk

    private void OnPlace(PlaceOrder place)
    {
        if (_order is not null)
        {
            Sender.Tell(new OrderPlaced(_executionId, IsNew: false, _order.State));
            return;
        }
        if (place.ExecutionId != _executionId)
        {
            Sender.Tell(new OrderNotPlaced(place.ExecutionId, $"sent to order {_executionId}"));
            return;
        }

        var s = place.Signal;
        var replyTo = Sender;
        _signalId = s.SignalId;
        var created = new OrderCreatedEvent(_executionId, s.SignalId, s.Ticker, s.Side, s.LimitPrice, s.Count, Now);
        Context.SetReceiveTimeout(null);
        if (!Record(created, o => replyTo.Tell(new OrderPlaced(_executionId, IsNew: true, o.State))))
        {
            _signalId = null;
            replyTo.Tell(new OrderNotPlaced(_executionId, "invalid order (count, limit price or ticker)"));
            Context.SetReceiveTimeout(_settings.IdleStopAfter);
            return;
        }
        // Ask while OrderCreated is being written: the gate's write and ours overlap instead of running in turn.
        // The answer is a command, so it waits for the Created write like any other; nothing reaches the venue
        // before Created, RiskApproved and SubmitRequested are all durable.
        AskRisk();
    }

    /// <summary>
    /// An order that recovered with an empty journal and was never placed may still hold a reservation at the gate
    /// (asked while its OrderCreated write was lost in a crash). It never existed, so release whatever is under its id;
    /// the gate ignores an unknown id. Sent only when the empty order idles out, long after any ask of the lost
    /// incarnation has reached the gate.
    /// </summary>
    private void ReleaseOrphanReservation() => _gate.Tell(new ReportOrderTerminal(_executionId));

    private void AskRisk()
    {
        if (_riskPending) return;
        _riskPending = true;
        var o = _order!;
        _gate.Ask<object>(new Reserve(_executionId, o.Ticker, o.Side, o.LimitPrice, o.Count), _settings.RiskTimeout)
            .PipeTo(Self, success: reply => new RiskAnswered(reply), failure: ex => new RiskUnanswered(VenueCall.Describe(ex)));
    }

    private void OnRiskAnswer(RiskAnswered answer)
    {
        _riskPending = false;
        if (_order?.State != S.Created) return;
        switch (answer.Reply)
        {
            case ReservationApproved a when a.Reservation.ExecutionId == _executionId:
                var approved = new OrderRiskApprovedEvent(a.Reservation.Amount, Now);
                if (_cancelWanted) Record(approved, _ => CancelBeforeSubmit());
                // One write instead of two: the journal still reads approval before submit (the audit's rule),
                // and a crash before it leaves the order Created, which asks the gate again and gets the same approval.
                else RecordAll([approved, new OrderSubmitRequestedEvent(Now)], _ => SendToVenue());
                break;
            case ReservationDenied d when d.ExecutionId == _executionId:
                Record(new OrderRiskDeniedEvent(d.Reason, Now), _ => Finished());
                break;
            default:
                OnRiskUnanswered(new RiskUnanswered($"unexpected answer {answer.Reply.GetType().Name}"));
                break;
        }
    }

    private void OnRiskUnanswered(RiskUnanswered failed)
    {
        _riskPending = false;
        if (_order?.State != S.Created) return;
        // Fail closed: without an answer the order never reaches a venue. Finished() also tells the gate the
        // order is over, which releases a reservation the gate may have granted after we stopped waiting.
        _log.Warning("order {0}: risk gate did not answer ({1}); rejecting", _executionId, failed.Reason);
        Record(new OrderRejectedEvent(OrderRejectReason.RiskUnavailable, failed.Reason, Now), _ => Finished());
    }

    private void CancelBeforeSubmit() => Record(new OrderCanceledEvent(Quantity.Zero, Now), _ => Finished());

    // ------------------------------------------------------------------ submit

    private void Submit() => Record(new OrderSubmitRequestedEvent(Now), _ => SendToVenue());

    private void SendToVenue()
    {
        if (_op != VenueOp.None)
        {
            // Never two submits racing: a lookup decides whether the venue has it.
            _reconcileQueued = true;
            return;
        }
        var o = _order!;
        var request = new VenueOrderRequest(_executionId, o.Ticker, o.Side, o.LimitPrice, o.Count, _settings.TimeInForce);
        _op = VenueOp.Submit;
        VenueCall.Run(ct => _venue.SubmitAsync(request, ct), _settings.VenueCallTimeout)
            .PipeTo(Self, success: r => new Submitted(r), failure: ex => new SubmitLost(VenueCall.Describe(ex)));
    }

    private void OnSubmitted(Submitted submitted)
    {
        _op = VenueOp.None;
        var r = submitted.Result;
        switch (r.Kind)
        {
            case VenueResultKind.Accepted when !string.IsNullOrEmpty(r.ExchangeOrderId):
                var o = _order!;
                ApplyVenueState(new VenueOrderState(r.ExchangeOrderId, _executionId, o.Ticker, o.Side, o.LimitPrice,
                    r.Status ?? VenueOrderStatus.Resting, o.Count, r.FilledCount, r.RemainingCount));
                break;
            case VenueResultKind.Accepted:
            case VenueResultKind.AlreadyExists:
                // The venue has an order under our client id: find it rather than guess.
                Reconcile();
                break;
            default:
                _log.Warning("order {0}: venue refused ({1}): {2}", _executionId, r.Kind, r.Message);
                Record(new OrderRejectedEvent(r.Kind.ToRejectReason(), r.Message, Now), _ => Finished());
                break;
        }
        DrainQueued();
    }

    // ------------------------------------------------------------------ reconcile (lookups)

    private void Reconcile()
    {
        if (_order is null || _order.IsFinal) return;
        if (_op != VenueOp.None)
        {
            _reconcileQueued = true;
            return;
        }
        _op = VenueOp.Lookup;
        var ticker = _order.Ticker;
        VenueCall.Run(ct => _venue.FindOrderAsync(ticker, _executionId, ct), _settings.VenueCallTimeout)
            .PipeTo(Self, success: r => new Looked(r), failure: ex => new LookupFailed(VenueCall.Describe(ex)));
    }

    private void OnLooked(Looked looked)
    {
        _op = VenueOp.None;
        var lookup = looked.Lookup;
        var o = _order!;
        if (lookup.Kind == VenueResultKind.Accepted && lookup.Order is { } found)
        {
            _reconcileAttempts = 0;
            ApplyVenueState(found);
        }
        else if (lookup.Kind == VenueResultKind.NotFound && o.ExchangeOrderId is null && o.State == S.Submitting)
        {
            // The venue never saw it: submit again under the same client id (a duplicate would answer AlreadyExists).
            _log.Info("order {0}: venue has no such order; submitting again with the same client id", _executionId);
            SendToVenue();
        }
        else if (lookup.Kind == VenueResultKind.NotFound && o.ExchangeOrderId is null && o.State == S.CancelRequested)
        {
            // Canceled before it ever reached the venue.
            Record(new OrderCanceledEvent(Quantity.Zero, Now), _ => Finished());
        }
        else
        {
            RetryReconcile($"lookup answered {lookup.Kind}: {lookup.Message}");
        }
        DrainQueued();
    }

    private void RetryReconcile(string reason)
    {
        if (_order is null || _order.IsTerminal || _order.State == S.NeedsAttention) return;
        _reconcileAttempts++;
        if (_reconcileAttempts >= _settings.MaxReconcileAttempts)
        {
            _log.Error("order {0}: cannot reconcile after {1} tries ({2}); needs attention", _executionId, _reconcileAttempts, reason);
            Record(new OrderNeedsAttentionEvent($"reconcile failed {_reconcileAttempts} times: {reason}", Now), _ => Timers.CancelAll());
            return;
        }
        _log.Warning("order {0}: reconcile try {1} failed ({2})", _executionId, _reconcileAttempts, reason);
        Timers.StartSingleTimer(ReconcileTimer, ReconcileDue.Instance, _settings.ReconcileRetryInterval);
    }

    private void DrainQueued()
    {
        if (_op != VenueOp.None) return;
        if (_pendingUpdate is { } update)
        {
            _pendingUpdate = null;
            ApplyVenueState(update);
        }
        else if (_reconcileQueued)
        {
            _reconcileQueued = false;
            Reconcile();
        }
    }

    // ------------------------------------------------------------------ the venue's view of the order

    private void OnVenueUpdate(VenueOrderUpdate update)
    {
        if (_order is null || _order.IsFinal || !IsOurs(update.Order.ClientOrderId, update.Order.ExchangeOrderId)) return;
        if (_op != VenueOp.None)
        {
            _pendingUpdate = update.Order;
            return;
        }
        ApplyVenueState(update.Order);
    }

    private bool IsOurs(string? clientOrderId, string exchangeOrderId) =>
        clientOrderId == _executionId || (_order?.ExchangeOrderId is { } known && known == exchangeOrderId);

    /// <summary>Brings the order in line with what the venue reports: acknowledgement, missing fills, then its status.</summary>
    private void ApplyVenueState(VenueOrderState s)
    {
        if (_order!.ExchangeOrderId is null && s.ExchangeOrderId.Length > 0
            && Record(new OrderAcknowledgedEvent(s.ExchangeOrderId, Now), _ => AfterAcknowledged(s)))
            return;
        AfterAcknowledged(s);
    }

    private void AfterAcknowledged(VenueOrderState s)
    {
        if (s.FilledCount > _order!.FilledCount && _op == VenueOp.None)
        {
            _op = VenueOp.Fills;
            VenueCall.Run(ct => _venue.GetFillsAsync(s.ExchangeOrderId, ct), _settings.VenueCallTimeout)
                .PipeTo(Self, success: fills => new FillsFetched(fills, s), failure: ex => new LookupFailed(VenueCall.Describe(ex)));
            return;
        }
        ApplyVenueStatus(s);
    }

    private void OnFillsFetched(FillsFetched fetched)
    {
        _op = VenueOp.None;
        foreach (var fill in fetched.Fills)
            if (fill.ExchangeOrderId == fetched.Then.ExchangeOrderId) ApplyFill(fill);
        ApplyVenueStatus(fetched.Then);
        DrainQueued();
    }

    private void ApplyVenueStatus(VenueOrderState s)
    {
        var o = _order!;
        if (o.IsTerminal) return;
        switch (s.Status)
        {
            case VenueOrderStatus.Canceled:
                Record(new OrderCanceledEvent(s.FilledCount, Now), _ => Finished());
                break;
            case VenueOrderStatus.Executed:
                // Executed but not every fill is visible yet: look again shortly.
                SchedulePoll("executed, fills pending");
                break;
            default:
                if (o.State == S.CancelRequested)
                {
                    if (_cancelSent) SchedulePoll("cancel sent, venue still says resting");
                    else SendCancel();
                }
                else if (_cancelWanted) RequestCancel("requested before acknowledgement");
                else if (o.State is S.Resting or S.PartiallyFilled && !Timers.IsTimerActive(CancelTimer))
                    Timers.StartSingleTimer(CancelTimer, CancelAfterElapsed.Instance, _settings.CancelAfter);
                break;
        }
    }

    private void SchedulePoll(string why)
    {
        _polls++;
        if (_polls > _settings.MaxPolls)
        {
            Record(new OrderNeedsAttentionEvent($"venue did not reach a final status after {_settings.MaxPolls} lookups ({why})", Now),
                _ => Timers.CancelAll());
            return;
        }
        Timers.StartSingleTimer(PollTimer, PollDue.Instance, _settings.PollInterval);
    }

    // ------------------------------------------------------------------ fills

    private void ApplyFill(VenueFill fill)
    {
        if (_order is null || !IsOurs(fill.ClientOrderId, fill.ExchangeOrderId)) return;
        if (fill.Side != _order.Side || fill.Ticker != _order.Ticker)
        {
            _refused++;
            _log.Warning("order {0}: fill {1} for {2}/{3} does not match the order", _executionId, fill.TradeId, fill.Ticker, fill.Side);
            return;
        }
        Record(new OrderFillAppliedEvent(fill.TradeId, fill.Count, fill.Price, fill.Fee, fill.IsTaker, Now), o =>
        {
            _gate.Tell(new ReportFill(new RiskFill(_executionId, fill.TradeId, o.Ticker, o.Side, fill.Count, fill.Price, fill.Fee)));
            if (o.State == S.Filled) Finished();
        });
    }

    // ------------------------------------------------------------------ cancel

    private void RequestCancel(string reason)
    {
        if (_order is null || _order.IsTerminal) return;
        switch (_order.State)
        {
            case S.Created:
                _cancelWanted = true; // decided when the gate answers
                break;
            case S.RiskApproved:
                CancelBeforeSubmit();
                break;
            case S.CancelRequested:
                if (!_cancelSent) SendCancel();
                break;
            default:
                _log.Info("order {0}: cancel requested ({1})", _executionId, reason);
                _cancelWanted = false;
                Record(new OrderCancelRequestedEvent(reason, Now), _ => SendCancel());
                break;
        }
    }

    private void SendCancel()
    {
        if (_order?.ExchangeOrderId is not { } exchangeId) return; // not acknowledged yet: the acknowledgement path sends it
        if (_op != VenueOp.None)
        {
            _reconcileQueued = true; // the lookup sees CancelRequested + resting and comes back here
            return;
        }
        _op = VenueOp.Cancel;
        _cancelSent = true;
        VenueCall.Run(ct => _venue.CancelAsync(exchangeId, ct), _settings.VenueCallTimeout)
            .PipeTo(Self, success: r => new CancelAnswered(r), failure: ex => new CancelAnswered(
                new VenueCancelResult(VenueResultKind.ServerError, Quantity.Zero, VenueCall.Describe(ex))));
    }

    private void OnCancelAnswered(CancelAnswered answered)
    {
        _op = VenueOp.None;
        var r = answered.Result;
        // Accepted or NotFound: the venue is ending it; anything else: send again on the next lookup.
        if (r.Kind is not (VenueResultKind.Accepted or VenueResultKind.NotFound))
        {
            _log.Warning("order {0}: cancel answered {1}: {2}", _executionId, r.Kind, r.Message);
            _cancelSent = false;
        }
        // A cancel may be acknowledged while the venue still reports the order resting: look until it is final.
        Reconcile();
    }

    // ------------------------------------------------------------------ settlement, end

    private void OnSettle(SettleOrder settle)
    {
        if (_order is null) return;
        Record(new OrderSettledEvent(settle.Winner, settle.Payout, Now));
    }

    /// <summary>Terminal: stop timers, release the gate's reservation (idempotent at the gate), allow passivation.</summary>
    private void Finished()
    {
        Timers.CancelAll();
        _cancelWanted = false;
        if (!_terminalReported)
        {
            _terminalReported = true;
            _gate.Tell(new ReportOrderTerminal(_executionId));
        }
        Context.SetReceiveTimeout(_settings.IdleStopAfter);
    }

    private OrderStateView View()
    {
        var o = _order;
        return new OrderStateView(
            _executionId,
            o is not null,
            o?.State,
            _signalId,
            o?.Ticker,
            o?.Side,
            o?.LimitPrice,
            o?.Count,
            o?.FilledCount ?? Quantity.Zero,
            o?.ExchangeOrderId,
            o?.Fills.ToArray() ?? [],
            o?.Fees ?? Money.Zero,
            o?.DenialReason,
            o?.RejectReason,
            o?.AttentionReason,
            _refused,
            _duplicates,
            _reconcileAttempts,
            LastSequenceNr);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "order {0}: journal write failed for {1}; stopping (the supervisor restarts and reconciles)", _executionId, @event.GetType().Name);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    // ------------------------------------------------------------------ internal messages

    private enum VenueOp
    {
        None,
        Submit,
        Lookup,
        Fills,
        Cancel,
    }

    private sealed record RiskAnswered(object Reply);

    private sealed record RiskUnanswered(string Reason);

    private sealed record Submitted(VenueSubmitResult Result);

    private sealed record SubmitLost(string Reason);

    private sealed record Looked(VenueOrderLookup Lookup);

    private sealed record LookupFailed(string Reason);

    private sealed record FillsFetched(IReadOnlyList<VenueFill> Fills, VenueOrderState Then);

    private sealed record CancelAnswered(VenueCancelResult Result);

    private sealed record CancelAfterElapsed
    {
        public static readonly CancelAfterElapsed Instance = new();
    }

    private sealed record PollDue
    {
        public static readonly PollDue Instance = new();
    }

    private sealed record ReconcileDue
    {
        public static readonly ReconcileDue Instance = new();
    }
}
