using Akka.Cluster;
using Akka.Event;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Persistence;
using KalshiArb.Actors.Risk;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// Keeps every unfinished order alive somewhere in the cluster (a singleton on the execution role). The journal lists
/// open orders in its open-order table in the same transaction as their events; this actor reads the list when it
/// starts (after a crash or a restart), when an execution node leaves the cluster (its shards move), and every
/// <see cref="OpenOrderWatchSettings.SweepInterval"/>, and sends each listed order a <see cref="WakeOrder"/> through the
/// "order" region: an order that is not running starts, recovers from its journal and reconciles with the venue;
/// a running, unfinished one does nothing. This replaces sharding's remembered entities, which cost every order a write before its
/// first event and another when it stopped. An order that answers "finished" is an entry left by a journal written
/// before the table existed, and is taken off the list.
/// Every <see cref="OpenOrderWatchSettings.ReservationSweepInterval"/> it also wakes the order of every reservation the
/// risk gate holds. An order whose node died between the gate's write and its own has nothing in the journal, so no
/// table lists it; woken, it finds itself empty and releases the reservation when it idles out, as a finished order
/// that never told the gate re-reports its end when it recovers. Without this, such a reservation would block its
/// market (OrderInFlight) for ever.
/// </summary>
public sealed class OpenOrderWatch : ReceiveActor, IWithTimers
{
    private const string OrderPrefix = "order-";
    private static readonly TimeSpan WakeTick = TimeSpan.FromMilliseconds(100);

    private readonly IActorRef _orders;
    private readonly IActorRef _gate;
    private readonly IOpenOrderList _list;
    private readonly OpenOrderWatchSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Queue<string> _toWake = new();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _listed = new(StringComparer.Ordinal);
    private bool _listing;
    private bool _sweepAgain;
    private bool _firstSweep = true;
    private long _sweeps;
    private int _lastListed;
    private long _woken;
    private long _removed;
    private string? _lastError;

    public OpenOrderWatch(IActorRef orderRegion, IActorRef riskGate, IOpenOrderList list, OpenOrderWatchSettings settings)
    {
        _orders = orderRegion;
        _gate = riskGate;
        _list = list;
        _settings = settings;

        Receive<Sweep>(_ => StartSweep());
        Receive<Listed>(OnListed);
        Receive<ListFailed>(f =>
        {
            _listing = false;
            _lastError = f.Reason;
            _log.Warning("open-order watch: could not read the open-order table ({0}); trying again in {1} s", f.Reason,
                _settings.SweepInterval.TotalSeconds);
        });
        Receive<WakeNext>(_ => WakeSome());
        Receive<SweepReservations>(_ => AskReservations());
        Receive<ReservationHolders>(OnHolders);
        Receive<OrderStateView>(OnAnswer);
        Receive<Removed>(r => _log.Info("open-order watch: {0} was finished; taken off the open-order table", r.PersistenceId));
        Receive<RemoveFailed>(r => _log.Warning("open-order watch: could not take {0} off the open-order table: {1}", r.PersistenceId, r.Reason));
        Receive<ClusterEvent.MemberRemoved>(m =>
        {
            if (!m.Member.HasRole(ClusterRoles.Execution)) return;
            _log.Info("open-order watch: execution node {0} left; waking its open orders on the nodes that remain", m.Member.Address);
            StartSweep();
        });
        Receive<GetOpenOrderWatchStatus>(_ => Sender.Tell(new OpenOrderWatchStatus(_sweeps, _lastListed, _woken, _removed, _lastError)));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef orderRegion, IActorRef riskGate, IOpenOrderList list, OpenOrderWatchSettings? settings = null) =>
        Akka.Actor.Props.Create(() => new OpenOrderWatch(orderRegion, riskGate, list, settings ?? new OpenOrderWatchSettings()));

    protected override void PreStart()
    {
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));
        Self.Tell(Sweep.Instance);
        Timers.StartPeriodicTimer("sweep", Sweep.Instance, _settings.SweepInterval);
        Timers.StartPeriodicTimer("wake", WakeNext.Instance, WakeTick);
        Timers.StartPeriodicTimer("reservations", SweepReservations.Instance, _settings.ReservationSweepInterval);
    }

    protected override void PostStop()
    {
        Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        _ = _list.DisposeAsync().AsTask();
    }

    private void StartSweep()
    {
        if (_listing)
        {
            _sweepAgain = true; // a node left while a read was running: read again once it is done
            return;
        }
        _listing = true;
        _sweepAgain = false;
        // Off the actor's thread: a store's driver may do its I/O synchronously (SQLite does).
        VenueCall.Run(ct => Task.Run(() => _list.ListAsync(ct), ct), _settings.ListTimeout).PipeTo(Self, success: entries => new Listed(entries),
            failure: ex => new ListFailed(ex.GetBaseException().Message));
    }

    private void OnListed(Listed listed)
    {
        _listing = false;
        _sweeps++;
        _lastListed = listed.Entries.Count;
        _lastError = null;
        if (_firstSweep && listed.Entries.Count > 0)
            _log.Info("open-order watch: {0} open orders in the journal; waking them", listed.Entries.Count);
        _firstSweep = false;
        _listed.Clear();
        foreach (var entry in listed.Entries)
        {
            if (!entry.PersistenceId.StartsWith(OrderPrefix, StringComparison.Ordinal)) continue;
            _listed[entry.PersistenceId] = entry.OpenedAtSequenceNr;
            Enqueue(entry.PersistenceId[OrderPrefix.Length..]);
        }
        WakeSome();
        if (_sweepAgain) StartSweep();
    }

    private void WakeSome()
    {
        for (var i = 0; i < _settings.WakesPerTick && _toWake.TryDequeue(out var executionId); i++)
        {
            _queued.Remove(executionId);
            _orders.Tell(new WakeOrder(executionId), Self);
            _woken++;
        }
    }

    /// <summary>Queues a wake unless one is already queued (a long list can outlast a sweep).</summary>
    private void Enqueue(string executionId)
    {
        if (_queued.Add(executionId)) _toWake.Enqueue(executionId);
    }

    private void AskReservations()
    {
        // The gate's view lists every reservation it holds; no answer (the gate moving, down) waits for the next sweep.
        _gate.Ask<RiskStateView>(GetRiskState.Instance, _settings.ListTimeout).PipeTo(Self,
            success: v => new ReservationHolders(v.Reservations.Select(r => r.ExecutionId).ToArray()),
            failure: _ => new ReservationHolders([]));
    }

    private void OnHolders(ReservationHolders holders)
    {
        foreach (var id in holders.ExecutionIds) Enqueue(id);
    }

    private void OnAnswer(OrderStateView view)
    {
        if (view.Exists && view.State is { } state && !state.IsTerminal()) return;
        var persistenceId = OrderActor.PersistenceIdFor(view.ExecutionId);
        if (!_listed.Remove(persistenceId)) return;
        // Finished (or nothing journaled under the id at all): only an entry from before the table can say otherwise.
        var upTo = view.Exists ? view.SequenceNr : long.MaxValue;
        VenueCall.Run(ct => Task.Run(async () =>
        {
            await _list.RemoveFinishedAsync(persistenceId, upTo, ct).ConfigureAwait(false);
            return persistenceId;
        }, ct), _settings.ListTimeout).PipeTo(Self,
            success: id => new Removed(id), failure: ex => new RemoveFailed(persistenceId, ex.GetBaseException().Message));
        _removed++;
    }

    private sealed class Sweep
    {
        public static readonly Sweep Instance = new();
    }

    private sealed class WakeNext
    {
        public static readonly WakeNext Instance = new();
    }

    private sealed class SweepReservations
    {
        public static readonly SweepReservations Instance = new();
    }

    private sealed record ReservationHolders(IReadOnlyList<string> ExecutionIds);

    private sealed record Listed(IReadOnlyList<OpenOrderEntry> Entries);

    private sealed record ListFailed(string Reason);

    private sealed record Removed(string PersistenceId);

    private sealed record RemoveFailed(string PersistenceId, string Reason);
}
