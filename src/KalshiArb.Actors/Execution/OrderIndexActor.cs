using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// The execution ids of orders that are not finished yet, journaled so an OrderSupervisor that restarts (or a
/// node that comes back) re-creates exactly those orders and lets them reconcile with the venue. An order is
/// indexed before it is created and leaves the index once it reports a terminal state.
/// </summary>
public sealed class OrderIndexActor : ReceivePersistentActor
{
    public const string DefaultPersistenceId = "order-index";

    private readonly string _persistenceId;
    private readonly int _snapshotEvery;
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);

    public OrderIndexActor(string persistenceId, int snapshotEvery)
    {
        _persistenceId = persistenceId;
        _snapshotEvery = snapshotEvery;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is not OrderIndexSnapshot s) return;
            _open.Clear();
            _open.UnionWith(s.OpenExecutionIds);
        });
        Recover<OrderIndexed>(e => _open.Add(e.ExecutionId));
        Recover<OrderUnindexed>(e => _open.Remove(e.ExecutionId));

        Command<TrackOrder>(t =>
        {
            var replyTo = Sender;
            if (_open.Contains(t.ExecutionId))
            {
                // Possibly still being journaled: confirm only after every pending write.
                DeferAsync(new OrderTracked(t.ExecutionId), m => replyTo.Tell(m));
                return;
            }
            // Pipelined writes (PersistAsync) so orders are not indexed one journal round trip at a time;
            // the confirmation, which lets the order start, still waits for its own write.
            _open.Add(t.ExecutionId);
            PersistAsync(new OrderIndexed(t.ExecutionId), e =>
            {
                replyTo.Tell(new OrderTracked(e.ExecutionId));
                MaybeSnapshot();
            });
        });
        Command<UntrackOrder>(u =>
        {
            if (!_open.Contains(u.ExecutionId)) return;
            Persist(new OrderUnindexed(u.ExecutionId), e =>
            {
                _open.Remove(e.ExecutionId);
                MaybeSnapshot();
            });
        });
        Command<GetTrackedOrders>(_ => Sender.Tell(new TrackedOrders(_open.OrderBy(x => x, StringComparer.Ordinal).ToArray())));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => Context.GetLogger().Warning("order index snapshot failed: {0}", f.Cause.Message));
    }

    public override string PersistenceId => _persistenceId;

    public static Props Props(string persistenceId = DefaultPersistenceId, int snapshotEvery = 200) =>
        Akka.Actor.Props.Create(() => new OrderIndexActor(persistenceId, snapshotEvery));

    private void MaybeSnapshot()
    {
        if (_snapshotEvery > 0 && LastSequenceNr % _snapshotEvery == 0)
            SaveSnapshot(new OrderIndexSnapshot(_open.OrderBy(x => x, StringComparer.Ordinal).ToArray()));
    }
}
