using Akka.Event;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Metrics;
using KalshiArb.Actors.Risk;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// The one way a signal becomes an order, on every node that produces signals: refuses them while this node shuts
/// down, while the kill switch is halted, or once they are past their horizon (<see cref="SignalAdmission"/>), and
/// otherwise places the order in the "order" shard region under the execution id derived from the signal id (a
/// repeated signal finds the same order). Counts what it admitted and refused, by reason. The order entity checks
/// its own node's shutdown again, so a drain holds on whichever node the order would live.
/// </summary>
public sealed class OrderAdmission : ReceiveActor, IWithTimers
{
    private readonly IActorRef _region;
    private readonly IActorRef _gate;
    private readonly OrderAdmissionSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<AdmissionRefusal, long> _refused = new();
    private readonly Dictionary<string, long> _notPlaced = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Strategy, AdmissionRefusal Refusal), long> _refusedByStrategy = new();
    private KillSwitchState? _killSwitch;
    private long _admitted;
    private long _placed;
    private long _repeated;
    private readonly RecentSignalLog _recent = new();
    private readonly HeldSignals? _held;

    public OrderAdmission(IActorRef orderRegion, IActorRef riskGate, OrderAdmissionSettings settings)
    {
        _region = orderRegion;
        _gate = riskGate;
        _settings = settings;
        _held = settings.HoldSignals ? new HeldSignals() : null;

        Receive<TradeSignal>(OnSignal);
        Receive<ReleaseHeldSignal>(_ =>
        {
            var next = _held?.TakeNext();
            if (next is not null) Place(next);
            Sender.Tell(new HeldSignalReleased(next is null ? null : ExecutionIds.FromSignal(next.SignalId), _held?.Count ?? 0));
        });
        Receive<OrderPlaced>(p =>
        {
            if (p.IsNew) _placed++;
            else _repeated++;
            _recent.Resolve(p.ExecutionId, p.IsNew ? "placed" : "repeated");
        });
        Receive<OrderNotPlaced>(n =>
        {
            _notPlaced[n.Reason] = _notPlaced.GetValueOrDefault(n.Reason) + 1;
            _recent.Resolve(n.ExecutionId, "not placed: " + n.Reason);
            _log.Info("order {0} not placed: {1}", n.ExecutionId, n.Reason);
        });
        Receive<KillSwitchChanged>(k => _killSwitch = k.State);
        Receive<ResubscribeKillSwitch>(_ => _gate.Tell(SubscribeKillSwitch.Instance));
        Receive<GetAdmissionStatus>(_ => Sender.Tell(new AdmissionStatus(_admitted, _placed, _repeated,
            _refused.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value), new Dictionary<string, long>(_notPlaced), _killSwitch)
        {
            RefusedByStrategy = _refusedByStrategy.GroupBy(kv => kv.Key.Strategy, StringComparer.Ordinal).ToDictionary(g => g.Key,
                g => (IReadOnlyDictionary<string, long>)g.ToDictionary(kv => kv.Key.Refusal.ToString(), kv => kv.Value), StringComparer.Ordinal),
        }));
        Receive<GetRecentSignals>(_ => Sender.Tell(_recent.Snapshot()));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef orderRegion, IActorRef riskGate, OrderAdmissionSettings? settings = null) =>
        Akka.Actor.Props.Create(() => new OrderAdmission(orderRegion, riskGate, settings ?? new OrderAdmissionSettings()));

    protected override void PreStart()
    {
        _gate.Tell(SubscribeKillSwitch.Instance);
        Timers.StartPeriodicTimer("resubscribe", ResubscribeKillSwitch.Instance, _settings.GateResubscribeInterval);
    }

    private void OnSignal(TradeSignal signal)
    {
        var now = _settings.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var shuttingDown = CoordinatedShutdown.Get(Context.System).ShutdownReason is not null;
        var refusal = SignalAdmission.Check(signal.CreatedAtMs, now, _settings.MaxSignalAge, _killSwitch, shuttingDown);
        var executionId = ExecutionIds.FromSignal(signal.SignalId);
        _recent.Add(new RecentSignal(now, signal.SignalId, executionId, signal.Ticker, signal.Side, signal.LimitPrice, signal.Count,
            signal.FairProbability, signal.EdgePerContract, refusal == AdmissionRefusal.None ? "admitted" : "refused: " + refusal)
        {
            StrategyId = signal.StrategyId,
            CreatedAtMs = signal.CreatedAtMs,
        });
        if (refusal != AdmissionRefusal.None)
        {
            var n = _refused[refusal] = _refused.GetValueOrDefault(refusal) + 1;
            var byStrategy = (signal.StrategyId, refusal);
            _refusedByStrategy[byStrategy] = _refusedByStrategy.GetValueOrDefault(byStrategy) + 1;
            TradingInstruments.RecordAdmissionRefusal(refusal);
            // One line per reason now and then, not one per signal: a halt refuses every signal it sees.
            if (IsPowerOfTwo(n)) _log.Info("signal {0} refused: {1} ({2} so far)", signal.SignalId, refusal, n);
            return;
        }
        _admitted++;
        if (_held is not null) _held.Add(signal);
        else _region.Tell(new PlaceOrder(executionId, signal));
    }

    private void Place(TradeSignal signal) => _region.Tell(new PlaceOrder(ExecutionIds.FromSignal(signal.SignalId), signal));

    private static bool IsPowerOfTwo(long n) => (n & (n - 1)) == 0;
}

public sealed record GetAdmissionStatus
{
    public static readonly GetAdmissionStatus Instance = new();
}

/// <summary>Replay: place the next held signal (<see cref="OrderAdmissionSettings.HoldSignals"/>); answered with <see cref="HeldSignalReleased"/>.</summary>
public sealed record ReleaseHeldSignal
{
    public static readonly ReleaseHeldSignal Instance = new();
}

/// <param name="ExecutionId">the order placed; null when nothing was held</param>
/// <param name="StillHeld">signals still waiting</param>
public sealed record HeldSignalReleased(string? ExecutionId, int StillHeld);

/// <summary>Signals this node admitted and refused (by reason), and what became of the admitted ones.</summary>
public sealed record AdmissionStatus(
    long Admitted,
    long Placed,
    long Repeated,
    IReadOnlyDictionary<string, long> RefusedByReason,
    IReadOnlyDictionary<string, long> NotPlacedByReason,
    KillSwitchState? KillSwitch)
{
    /// <summary><see cref="RefusedByReason"/> split by the signals' strategy id (empty from nodes that predate it).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> RefusedByStrategy { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, long>>();
}
