using Akka.Event;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Risk;

/// <summary>
/// What the RiskGate singleton runs and what everyone talks to. It owns one <see cref="RiskGateActor"/> and starts it
/// again with backoff whenever it stops: a failed journal write stops a persistent actor for good. While the gate is
/// down an order is refused at once (<see cref="RiskGateUnavailable"/>) instead of waiting out its ask, reports and
/// commands are held and delivered in order to the next gate, a halt reaches the order desks at once, and
/// <see cref="GetRiskState"/> answers with the last state seen and the outage.
/// </summary>
public sealed class RiskGateSupervisor : ReceiveActor, IWithTimers
{
    private const string StartTimer = "start-gate";

    private readonly RiskGateSettings _settings;
    private readonly RiskGateBackoff _backoff;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly RiskGateOutbox _outbox;
    private readonly HashSet<IActorRef> _subscribers = new();
    // Reserves relayed to the gate and not yet finally answered, by execution id, oldest asker first (the gate answers
    // one id in order). A ReserveAhead stays after its held answer, until its approval is pushed: if the gate stops
    // first, its asker hears that the held reservation was never made durable. Answers are matched by the asker's token.
    private readonly Dictionary<string, List<PendingReserve>> _reserves = new(StringComparer.Ordinal);
    private readonly Queue<ViewAsk> _viewAsks = new();
    private readonly HashSet<string> _approvedSinceView = new(StringComparer.Ordinal);

    private IActorRef? _gate;
    private bool _gateUp; // recovered since its start
    private long _recoveredSeq; // its journal position once recovered: a higher one proves the journal takes writes
    private int _probes; // our own view asks outstanding
    private int _incarnation;
    private int _restarts;
    private DateTimeOffset _upSince;
    private RiskGateStopping? _stopping;
    private Exception? _crash;
    private RiskGateOutage? _outage;
    private RiskStateView _lastView = EmptyView;
    private KillSwitchState? _announced; // what subscribers last heard
    private bool _localHalt; // announced by us while the gate was down; the gate has not journaled it yet

    public RiskGateSupervisor(RiskGateSettings settings, RiskGateBackoff backoff)
    {
        _settings = settings;
        _backoff = backoff;
        _outbox = new RiskGateOutbox(backoff.BufferCapacity);

        Receive<Reserve>(r => Relay(r.ExecutionId, r, ahead: false, attempt: 0));
        Receive<ReserveAhead>(r => Relay(r.ExecutionId, r, ahead: true, r.Attempt));
        Receive<ReservationApproved>(a => FromGate(a, () =>
        {
            _approvedSinceView.Add(a.Reservation.ExecutionId);
            AnswerReserve(a.Reservation.ExecutionId, a, a.Attempt);
            // Probably a write after an outage: a view shows whether the journal took it.
            if (_outage is not null) AskProbe();
        }));
        Receive<ReservationHeld>(h => FromGate(h, () =>
        {
            _approvedSinceView.Add(h.Reservation.ExecutionId);
            AnswerReserve(h.Reservation.ExecutionId, h, h.Attempt);
        }));
        Receive<ReservationDenied>(d => FromGate(d, () => AnswerReserve(d.ExecutionId, d, d.Attempt)));
        Receive<RiskStateView>(v => FromGate(v, () => OnView(v)));
        Receive<KillSwitchChanged>(k => FromGate(k, () => OnGateKillSwitch(k)));
        Receive<RiskGateStopping>(s => FromGate(s, () => _stopping ??= s));
        Receive<Terminated>(OnTerminated);
        Receive<StartGate>(_ => Start());

        Receive<ReportFill>(m => Deliver(m, Sender));
        Receive<ReportOrderTerminal>(m => Deliver(m, Sender));
        Receive<ReportSettlement>(m => Deliver(m, Sender));
        Receive<LoadVenueState>(m => Deliver(m, Sender));
        Receive<EnterReduceOnly>(m => Deliver(m, Sender, always: true));
        Receive<ResumeTrading>(m => Deliver(m, Sender, always: true));
        Receive<HaltTrading>(OnHalt);
        Receive<SubscribeKillSwitch>(_ => OnSubscribe());
        Receive<GetRiskState>(_ => OnGetState());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(RiskGateSettings settings, RiskGateBackoff? backoff = null) =>
        Akka.Actor.Props.Create(() => new RiskGateSupervisor(settings, backoff ?? RiskGateBackoff.Default));

    protected override void PreStart() => Start();

    // An exception escaping the gate is a bug; restarting in place would drop its pending replies silently. Stop it,
    // so in-flight orders are answered and the backoff restarts it like any other stop.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(ex =>
    {
        _crash ??= ex;
        return Directive.Stop;
    });

    protected override void PostStop()
    {
        // Handed over or shut down: the next gate (maybe on another node) answers from the journal.
        foreach (var (id, askers) in _reserves)
        foreach (var pending in askers)
            pending.Asker.Tell(new RiskGateUnavailable(id, "risk gate unavailable: moving or shutting down", pending.Attempt));
        if (_outbox.Held + _outbox.Unconfirmed > 0)
            _log.Warning("risk gate supervisor stopping with {0} reports and commands not journaled", _outbox.Held + _outbox.Unconfirmed);
    }

    private DateTimeOffset Now => _settings.Clock();

    private void FromGate(object message, Action handle)
    {
        if (_gate is not null && Sender.Equals(_gate)) handle();
        else Unhandled(message);
    }

    // ------------------------------------------------------------------ the gate's life

    private void Start()
    {
        _stopping = null;
        _crash = null;
        _gateUp = false;
        _gate = Context.ActorOf(RiskGateActor.Props(_settings), $"gate-{++_incarnation}");
        Context.Watch(_gate);
        if (_outage is not null) _outage = _outage with { RetryAt = null };
        // The first view tells where the recovered journal ends. What was held goes next; the subscription and a
        // second view come after it, so their answers include a held halt and confirm what was held.
        AskView(null, recovered: true);
        _outbox.SendHeld(_gate);
        _gate.Tell(SubscribeKillSwitch.Instance);
        AskView(null);
    }

    private void OnTerminated(Terminated t)
    {
        if (_gate is null || !t.ActorRef.Equals(_gate))
        {
            _subscribers.Remove(t.ActorRef);
            return;
        }

        var now = Now;
        var why = _stopping?.Describe()
                  ?? (_crash is { } ex ? $"risk gate crashed at {now:HH:mm:ss} ({ex.GetBaseException().Message})" : $"risk gate stopped at {now:HH:mm:ss}");
        if (_outage is null && _gateUp && now - _upSince >= _backoff.ResetAfter) _restarts = 0;
        var delay = _backoff.DelayFor(_restarts, Random.Shared.NextDouble());
        _restarts++;
        _gate = null;
        _gateUp = false;
        _probes = 0;

        if (_outage is null)
        {
            _outage = new RiskGateOutage(why, now, now + delay, _restarts);
            _log.Warning("risk gate unavailable: {0}; retrying in {1} s", why, RiskGateOutageText.Seconds(delay));
        }
        else
        {
            _outage = _outage with { Reason = why, RetryAt = now + delay, Restarts = _restarts };
            _log.Info("risk gate still unavailable (restart {0}): {1}; retrying in {2} s", _restarts, why, RiskGateOutageText.Seconds(delay));
        }

        // Held reservations among them included: their writes were not confirmed, so they are never approved.
        var refusal = UnavailableReason(now);
        foreach (var (id, askers) in _reserves)
        foreach (var pending in askers)
            pending.Asker.Tell(new RiskGateUnavailable(id, refusal, pending.Attempt));
        _reserves.Clear();
        var view = OutageView();
        while (_viewAsks.TryDequeue(out var ask)) ask.Asker?.Tell(view);
        _outbox.Requeue();
        if (_outbox.Held > 0) _log.Info("risk gate: {0} reports and commands held for the next start", _outbox.Held);
        Timers.StartSingleTimer(StartTimer, StartGate.Instance, delay);
    }

    private void OnView(RiskStateView view)
    {
        _lastView = view;
        _approvedSinceView.Clear();
        if (!_viewAsks.TryDequeue(out var ask)) return;
        _outbox.ConfirmUpTo(ask.Mark);
        if (ask.Recovered)
        {
            _gateUp = true;
            _recoveredSeq = view.SequenceNr;
            if (_outage is null) Up("risk gate up; journal seq {0}", view.SequenceNr);
        }
        // Recovery alone proves little (a full disk still reads): the outage ends with the first write it takes.
        else if (_outage is { } o && _gateUp && view.SequenceNr > _recoveredSeq)
        {
            _outage = null;
            Up("risk gate recovered after {0} s; journal seq {1}", RiskGateOutageText.Seconds(Now - o.Since), view.SequenceNr);
        }
        if (ask.Asker is null) _probes--;
        else ask.Asker.Tell(_outage is null ? view : view with { Outage = _outage });
        EnsureProbe();
    }

    private void Up(string format, params object[] args)
    {
        _upSince = Now;
        _log.Info(format, args);
    }

    // ------------------------------------------------------------------ requests

    /// <param name="reserve">
    /// a <see cref="Reserve"/> (answered once) or <see cref="ReserveAhead"/> (<paramref name="ahead"/>: answered held, then
    /// approved once durable)
    /// </param>
    private void Relay(string executionId, object reserve, bool ahead, long attempt)
    {
        if (_gate is null)
        {
            Sender.Tell(new RiskGateUnavailable(executionId, UnavailableReason(Now), attempt));
            return;
        }
        // Relayed, not forwarded: if the gate dies first, the asker is answered now rather than at its timeout.
        if (!_reserves.TryGetValue(executionId, out var askers)) _reserves[executionId] = askers = [];
        askers.Add(new PendingReserve(Sender, attempt, ahead, Held: false));
        _gate.Tell(reserve);
    }

    private void AnswerReserve(string executionId, object answer, long attempt)
    {
        if (!_reserves.TryGetValue(executionId, out var askers) || askers.Count == 0)
        {
            _log.Warning("risk gate answered {0} for {1}, which nobody is waiting for", answer.GetType().Name, executionId);
            return;
        }
        // The oldest asker with this token that expects this kind of answer: a held answer goes to a ReserveAhead not yet
        // held, a denial to an ask not yet answered, an approval to the oldest (an earlier incarnation's confirmation may
        // still wait for its write while a new incarnation's first ask is answered; the gate approves an id's waiters in
        // the order they asked). Tokens tell orders' asks apart; 0 (a Reserve) falls back to that order.
        var i = answer switch
        {
            ReservationHeld => askers.FindIndex(a => a.Attempt == attempt && a.Ahead && !a.Held),
            ReservationApproved => askers.FindIndex(a => a.Attempt == attempt),
            _ => askers.FindIndex(a => a.Attempt == attempt && !a.Held),
        };
        if (i < 0)
        {
            _log.Warning("risk gate answered {0} for {1} (ask {2}), which nobody is waiting for", answer.GetType().Name, executionId, attempt);
            return;
        }
        var pending = askers[i];
        if (answer is ReservationHeld) askers[i] = pending with { Held = true }; // its approval follows once durable
        else
        {
            askers.RemoveAt(i);
            if (askers.Count == 0) _reserves.Remove(executionId);
        }
        pending.Asker.Tell(answer);
    }

    private void OnGetState()
    {
        if (_gate is null) Sender.Tell(OutageView());
        else AskView(Sender);
    }

    private void Deliver(object message, IActorRef sender, bool always = false)
    {
        if (_gate is not null)
        {
            _outbox.Send(_gate, message, sender);
            EnsureProbe();
        }
        else if (!_outbox.Hold(message, sender, always) && (_outbox.Dropped == 1 || _outbox.Dropped % 1000 == 0))
        {
            _log.Warning("risk gate down and {0} reports already held: dropped {1} (total {2})", _outbox.Held, message.GetType().Name,
                _outbox.Dropped);
        }
    }

    private void OnHalt(HaltTrading halt)
    {
        // No outage (a first start still recovering included): the gate journals it and answers the commander itself.
        if (_outage is null && _gate is not null)
        {
            Deliver(halt, Sender, always: true);
            return;
        }
        // The desks must cancel now, not once the journal is back; the gate journals the halt when it is.
        var notice = new KillSwitchChanged(KillSwitchState.Halted, halt.Reason, InFlightIds());
        _localHalt = true;
        Announce(notice);
        Sender.Tell(notice with { Reason = halt.Reason + " (in effect now; journaled when the risk gate is back)" });
        Deliver(halt, Self, always: true);
    }

    private void OnSubscribe()
    {
        if (Sender.IsNobody()) return;
        if (_subscribers.Add(Sender)) Context.Watch(Sender);
        // Not known yet (the gate has not answered since this supervisor started): Announce tells every subscriber.
        if (_announced is { } state) Sender.Tell(new KillSwitchChanged(state, "subscribed", InFlightIds()));
    }

    private void OnGateKillSwitch(KillSwitchChanged change)
    {
        // Until the gate has journaled a halt we announced, its older state must not undo that halt at the desks.
        if (_localHalt)
        {
            if (change.State != KillSwitchState.Halted) return;
            _localHalt = false;
        }
        Announce(change);
    }

    private void Announce(KillSwitchChanged change)
    {
        if (_announced == change.State) return;
        _announced = change.State;
        foreach (var s in _subscribers) s.Tell(change);
    }

    // ------------------------------------------------------------------ views

    private void AskView(IActorRef? asker, bool recovered = false)
    {
        _gate!.Tell(GetRiskState.Instance);
        _viewAsks.Enqueue(new ViewAsk(asker, _outbox.Mark, recovered));
        if (asker is null) _probes++;
    }

    private void AskProbe()
    {
        if (_probes == 0 && _gate is not null) AskView(null);
    }

    /// <summary>One view at a time confirms what was sent before it; another follows while anything is unconfirmed.</summary>
    private void EnsureProbe()
    {
        if (_outbox.Unconfirmed > 0) AskProbe();
    }

    private RiskStateView OutageView() => _lastView with
    {
        KillSwitch = _announced ?? _lastView.KillSwitch,
        Outage = _outage ?? new RiskGateOutage("risk gate not started", Now, null, _restarts),
    };

    private string UnavailableReason(DateTimeOffset now) =>
        "risk gate unavailable: " + (_outage is { } o ? RiskGateOutageText.Describe(o, now) : "not started");

    private string[] InFlightIds() => _lastView.Reservations.Select(r => r.ExecutionId).Union(_approvedSinceView, StringComparer.Ordinal)
        .OrderBy(x => x, StringComparer.Ordinal).ToArray();

    private static readonly RiskStateView EmptyView = new(KillSwitchState.Trading, Money.Zero, Money.Zero, Money.Zero, Money.Zero, 0,
        Money.Zero, 0, null, [], [], new Dictionary<string, int>(), 0, 0);

    /// <param name="Asker">null for the supervisor's own view (a confirmation)</param>
    /// <param name="Mark">the outbox's last message when asked: the answer confirms everything up to it</param>
    /// <param name="Recovered">asked first after a start: the answer is the recovered state</param>
    private sealed record ViewAsk(IActorRef? Asker, long Mark, bool Recovered);

    /// <param name="Attempt">the ReserveAhead's token (0 for a Reserve)</param>
    /// <param name="Held">told held: still waits for its approval</param>
    private readonly record struct PendingReserve(IActorRef Asker, long Attempt, bool Ahead, bool Held);

    private sealed class StartGate : INoSerializationVerificationNeeded
    {
        public static readonly StartGate Instance = new();
    }
}
