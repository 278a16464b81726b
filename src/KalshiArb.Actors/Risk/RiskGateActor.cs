using Akka.Event;
using Akka.Persistence;
using KalshiArb.Actors.Metrics;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Risk;

/// <summary>
/// The gate every order must pass: wraps the domain <see cref="RiskBook"/>, journals every change before it
/// answers, and tells subscribers (the order desks and admissions) when the kill switch moves. One instance per cluster, meant to run
/// under <see cref="RiskGateSupervisor"/>, which starts it again when a journal failure stops it.
/// </summary>
public sealed class RiskGateActor : ReceivePersistentActor
{
    public const string DefaultPersistenceId = "risk-gate";

    private readonly RiskGateSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<IActorRef> _subscribers = new();
    private readonly Dictionary<RiskDenialReason, int> _denials = new();
    private RiskBook _book;
    private int _refusedUpdates;
    // Reservations whose ReservationRecorded is not durable yet, with who else asks to hear when it is (null: nobody
    // beyond the first asker, whom the write's own callback answers) and the token each asked with.
    private readonly Dictionary<string, List<(IActorRef Asker, long Attempt)>?> _reservationsInFlight = new(StringComparer.Ordinal);
    private int _writesInFlight; // PersistAsync writes whose handlers have not run: the book is ahead of the journal
    private bool _snapshotDue;

    public RiskGateActor(RiskGateSettings settings)
    {
        _settings = settings;
        _book = RiskBook.Create(settings.Limits, settings.InitialBalance, settings.TradingDayOf(settings.Clock()));

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is RiskGateSnapshot s) _book = s.ToBook(_settings.Limits);
        });
        Recover<RiskJournalEvent>(e => _book = RiskJournal.Apply(_book, e));

        Command<Reserve>(r => OnReserve(r, ahead: false, attempt: 0));
        Command<ReserveAhead>(r => OnReserve(r.ToReserve(), ahead: true, r.Attempt));
        Command<ReportFill>(OnFill);
        Command<ReportOrderTerminal>(OnTerminal);
        Command<ReportSettlement>(OnSettlement);
        Command<HaltTrading>(h => ChangeKillSwitch(KillSwitchState.Halted, h.Reason));
        Command<EnterReduceOnly>(r => ChangeKillSwitch(KillSwitchState.ReduceOnly, r.Reason));
        Command<ResumeTrading>(r => ChangeKillSwitch(KillSwitchState.Trading, r.Reason));
        Command<SubscribeKillSwitch>(_ =>
        {
            if (_subscribers.Add(Sender)) Context.Watch(Sender);
            Sender.Tell(KillSwitchNotice("subscribed"));
        });
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
        // After every write-ahead change before it is durable: a view never shows what the journal may still lose (and
        // RiskGateSupervisor takes an answer as proof that the reports sent before it are safe).
        Command<GetRiskState>(_ =>
        {
            var asker = Sender;
            DeferAsync(GetRiskState.Instance, _ => asker.Tell(View()));
        });
        Command<LoadVenueState>(OnLoadVenueState);
        Command<SaveSnapshotSuccess>(s => _log.Debug("risk gate snapshot saved at {0}", s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(f => _log.Warning("risk gate snapshot failed: {0}", f.Cause.Message));
    }

    public override string PersistenceId => _settings.PersistenceId;

    public static Props Props(RiskGateSettings settings) => Akka.Actor.Props.Create(() => new RiskGateActor(settings));

    // A parent (RiskGateSupervisor) sees only Terminated: tell it why first, so it can say so while it restarts us.
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        TellParentStopping("journal write failed", cause);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        // Reservations, fills and releases move the book before their write (see OnReserve): rejected, the book is ahead
        // of the journal (and a reservation's approval never leaves). Stop, so the next start rebuilds the book from the
        // journal; RiskGateSupervisor delivers the unconfirmed reports again. Other events change the book only once
        // written, so the gate carries on as before.
        var stop = @event is ReservationRecorded or RiskFillRecorded or ReservationReleased;
        if (stop) TellParentStopping("journal rejected a write", cause);
        base.OnPersistRejected(cause, @event, sequenceNr);
        if (stop) Context.Stop(Self);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        TellParentStopping("journal recovery failed", reason);
        base.OnRecoveryFailure(reason, message);
    }

    private void TellParentStopping(string what, Exception cause) =>
        Context.Parent.Tell(RiskGateStopping.From(what, cause, _settings.Clock()));

    /// <param name="ahead">
    /// a <see cref="ReserveAhead"/>: answered held at once, then approved (pushed to the same asker) once the reservation
    /// is durable
    /// </param>
    /// <param name="attempt">the asker's token, echoed in every answer</param>
    private void OnReserve(Reserve reserve, bool ahead, long attempt)
    {
        // Idempotent: the same execution id asking again (a retry, a recovering order, an order confirming a held
        // reservation) gets the same approval.
        if (_book.Reservations.TryGetValue(reserve.ExecutionId, out var held))
        {
            if (!SameOrder(held, reserve))
            {
                Sender.Tell(Deny(reserve.ExecutionId, RiskDenialReason.DuplicateExecutionId, attempt));
                return;
            }
            // The reservation may still be on its way to the journal: approve only after it is durable (after its own
            // write, not after every write queued since: a burst's confirmations would all wait for its last one).
            if (_reservationsInFlight.TryGetValue(held.ExecutionId, out var waiting))
            {
                (waiting ?? (_reservationsInFlight[held.ExecutionId] = [])).Add((Sender, attempt));
                if (ahead) Sender.Tell(new ReservationHeld(held, attempt));
            }
            else Sender.Tell(new ReservationApproved(held, attempt));
            return;
        }

        var now = _settings.Clock();
        var day = _settings.TradingDayOf(now);
        var decision = _book.Evaluate(reserve.ToRequest(), now, day);
        if (!decision.IsApproved || decision.Reservation is null)
        {
            Sender.Tell(Deny(reserve.ExecutionId, decision.Denial, attempt));
            return;
        }

        // The next Reserve must see this reservation, so the book moves now. PersistAsync lets the journal batch
        // concurrent reservations instead of writing them one round trip at a time (the gate serves every order in the
        // cluster). An approval leaves only once the event is journaled; a held answer leaves now, and its order waits
        // for that approval before anything reaches a venue. If the write fails the actor stops and restarts from the
        // journal without it; no approval is sent, and the order fails closed (at once through RiskGateSupervisor,
        // else on its own timeout), or a later ask of the same order is evaluated afresh by the new incarnation.
        var replyTo = Sender;
        var reservation = decision.Reservation;
        _book = decision.Book;
        _reservationsInFlight[reservation.ExecutionId] = null;
        WriteAhead(new ReservationRecorded(reservation, day), () =>
        {
            replyTo.Tell(new ReservationApproved(reservation, attempt));
            if (_reservationsInFlight.Remove(reservation.ExecutionId, out var waiting) && waiting is not null)
                foreach (var (asker, askedWith) in waiting) asker.Tell(new ReservationApproved(reservation, askedWith));
        });
        if (ahead) replyTo.Tell(new ReservationHeld(reservation, attempt));
    }

    private static bool SameOrder(Reservation r, Reserve q) =>
        r.Ticker == q.Ticker && r.Side == q.Side && r.LimitPrice == q.LimitPrice && r.Count == q.Count;

    private ReservationDenied Deny(string executionId, RiskDenialReason reason, long attempt)
    {
        var key = reason;
        _denials[key] = _denials.GetValueOrDefault(key) + 1;
        TradingInstruments.RecordRiskDenial(reason);
        _log.Info("risk denied {0}: {1}", executionId, reason);
        return new ReservationDenied(executionId, reason, attempt);
    }

    /// <summary>
    /// Moves the book now and journals the change without holding other commands back (the journal batches
    /// concurrent writes: the gate serves every order in the cluster). Safe because a failed or rejected write stops
    /// the gate, which then rebuilds the book from the journal, and RiskGateSupervisor delivers the reports the gate
    /// had not confirmed again. <paramref name="then"/> runs once the event is durable.
    /// </summary>
    private void WriteAhead(RiskJournalEvent e, Action? then = null)
    {
        _writesInFlight++;
        PersistAsync(e, _ =>
        {
            _writesInFlight--;
            then?.Invoke();
            MaybeSnapshot();
        });
    }

    private void OnFill(ReportFill report)
    {
        var day = _settings.TradingDayOf(_settings.Clock());
        var update = _book.ApplyFill(report.Fill, day);
        if (!update.IsApplied)
        {
            // Orders re-report their fills after a restart: a fill the gate already holds is the normal case.
            if (update.Error == RiskUpdateError.DuplicateTradeId)
            {
                _refusedUpdates++;
                _log.Debug("risk gate already has fill {0}", report.Fill.TradeId);
            }
            else Refused("fill " + report.Fill.TradeId, update.Error);
            return;
        }
        _book = update.Book;
        var releases = false;
        if (report.EndsOrder && _book.ApplyOrderTerminal(report.Fill.ExecutionId) is { IsApplied: true } end)
        {
            _book = end.Book;
            releases = true;
        }
        WriteAhead(new RiskFillRecorded(report.Fill, day, releases));
    }

    private void OnTerminal(ReportOrderTerminal report)
    {
        var update = _book.ApplyOrderTerminal(report.ExecutionId);
        if (!update.IsApplied)
        {
            // Orders re-report their end after a restart; an already released reservation is the normal case.
            if (update.Error != RiskUpdateError.UnknownReservation) Refused("terminal " + report.ExecutionId, update.Error);
            return;
        }
        _book = update.Book;
        WriteAhead(new ReservationReleased(report.ExecutionId));
    }

    private void OnSettlement(ReportSettlement report)
    {
        var now = _settings.Clock();
        var day = _settings.TradingDayOf(now);
        var update = _book.ApplySettlement(report.Ticker, report.YesValue, now, day);
        if (!update.IsApplied)
        {
            // Determined then settled, a redelivery, or a market we never held: nothing to release, nothing wrong.
            if (update.Error == RiskUpdateError.NoPosition) _log.Debug("risk gate: settlement of {0} without a position", report.Ticker);
            else Refused("settlement " + report.Ticker, update.Error);
            return;
        }
        Persist(new SettlementRecorded(report.Ticker, report.YesValue, now, day), _ =>
        {
            _book = update.Book;
            MaybeSnapshot();
        });
    }

    private void Refused(string what, RiskUpdateError error)
    {
        _refusedUpdates++;
        _log.Warning("risk gate refused {0}: {1}", what, error);
    }

    private void ChangeKillSwitch(KillSwitchState state, string reason)
    {
        if (_book.KillSwitch == state)
        {
            Sender.Tell(KillSwitchNotice(reason));
            return;
        }
        var replyTo = Sender;
        Persist(new KillSwitchRecorded(state, reason, _settings.Clock()), e =>
        {
            _book = RiskJournal.Apply(_book, e);
            _log.Warning("kill switch now {0}: {1}", state, reason);
            var notice = KillSwitchNotice(reason);
            replyTo.Tell(notice);
            // Halt: subscribers cancel every resting order they own.
            foreach (var s in _subscribers)
                if (!s.Equals(replyTo)) s.Tell(notice);
            MaybeSnapshot();
        });
    }

    private KillSwitchChanged KillSwitchNotice(string reason) =>
        new(_book.KillSwitch, reason, _book.InFlightExecutionIds.OrderBy(x => x, StringComparer.Ordinal).ToArray());

    private void OnLoadVenueState(LoadVenueState load)
    {
        var now = _settings.Clock();
        var limits = _settings.Limits;
        var resting = load.RestingOrders
            .Where(o => o.RemainingCount.IsPositive)
            .Select(o => new Reservation(o.ExecutionId, o.Ticker, o.Side, o.LimitPrice, o.RemainingCount,
                Money.Notional(o.LimitPrice, o.RemainingCount) + limits.WorstCaseFees.TakerFee(o.RemainingCount, o.LimitPrice)
                + limits.FeeRoundingMargin,
                IsReducing: false, now))
            .ToArray();
        var replyTo = Sender;
        Persist(new VenueStateRecorded(load.Balance, load.Positions, resting, now), e =>
        {
            _book = RiskJournal.Apply(_book, e);
            _log.Info("venue state loaded: balance {0}, {1} positions, {2} resting orders", load.Balance, load.Positions.Count, resting.Length);
            replyTo.Tell(new VenueStateLoaded(load.Positions.Count, resting.Length));
            MaybeSnapshot();
        });
    }

    /// <summary>
    /// Every SnapshotEvery events, at the first moment no write-ahead change is pending: a snapshot must hold exactly
    /// the journal up to its sequence number, not a book that is already ahead of it.
    /// </summary>
    private void MaybeSnapshot()
    {
        if (_settings.SnapshotEvery > 0 && LastSequenceNr % _settings.SnapshotEvery == 0) _snapshotDue = true;
        if (!_snapshotDue || _writesInFlight > 0) return;
        _snapshotDue = false;
        SaveSnapshot(RiskGateSnapshot.From(_book));
    }

    private RiskStateView View() => new(
        _book.KillSwitch,
        _book.Balance,
        _book.AvailableBalance,
        _book.Reserved,
        _book.TotalExposure,
        _book.OpenMarkets,
        _book.RealizedToday,
        _book.LossStreak,
        _book.CooldownUntil,
        _book.Positions.Values.OrderBy(p => p.Ticker, StringComparer.Ordinal).ToArray(),
        _book.Reservations.Values.OrderBy(r => r.ExecutionId, StringComparer.Ordinal).ToArray(),
        _denials.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
        _refusedUpdates,
        LastSequenceNr);
}
