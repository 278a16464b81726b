using Akka.Cluster.Sharding;

namespace KalshiArb.Actors.Tests;

/// <summary>
/// A shard region's stand-in for specs that need no cluster: routes every message through the production
/// <see cref="IMessageExtractor"/> (unwrapping <see cref="ShardingEnvelope"/>s as a region does), starts an entity on
/// its first message, stops it when it asks to passivate, and (like a region that remembers its entities) starts
/// one that stopped on its own again after <c>restartAfter</c>.
/// </summary>
public sealed class ShardStandIn : ReceiveActor, IWithTimers
{
    private readonly IMessageExtractor _extractor;
    private readonly Func<string, Props> _entityProps;
    private readonly TimeSpan? _restartAfter;
    private readonly Dictionary<string, IActorRef> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _ids = new();
    private readonly HashSet<IActorRef> _passivating = new();

    public ShardStandIn(IMessageExtractor extractor, Func<string, Props> entityProps, TimeSpan? restartAfter)
    {
        _extractor = extractor;
        _entityProps = entityProps;
        _restartAfter = restartAfter;

        Receive<Passivate>(p =>
        {
            _passivating.Add(Sender);
            Sender.Tell(p.StopMessage);
        });
        Receive<Terminated>(t =>
        {
            if (!_ids.Remove(t.ActorRef, out var id)) return;
            _entities.Remove(id);
            if (!_passivating.Remove(t.ActorRef) && _restartAfter is { } after)
                Timers.StartSingleTimer("restart-" + id, new StartEntity(id), after);
        });
        Receive<StartEntity>(s => EntityFor(s.EntityId));
        ReceiveAny(Route);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IMessageExtractor extractor, Func<string, Props> entityProps, TimeSpan? restartAfter = null) =>
        Akka.Actor.Props.Create(() => new ShardStandIn(extractor, entityProps, restartAfter));

    /// <summary>Starts (or keeps) the entity without a message for it, as a region does for a remembered entity.</summary>
    public sealed record StartEntity(string EntityId);

    private void Route(object message)
    {
        var (id, payload) = message is ShardingEnvelope envelope
            ? (envelope.EntityId, envelope.Message)
            : (_extractor.EntityId(message), _extractor.EntityMessage(message));
        if (id is null)
        {
            Unhandled(message);
            return;
        }
        EntityFor(id).Forward(payload);
    }

    private IActorRef EntityFor(string id)
    {
        if (_entities.TryGetValue(id, out var existing)) return existing;
        var entity = Context.ActorOf(_entityProps(id), Uri.EscapeDataString(id));
        Context.Watch(entity);
        _entities[id] = entity;
        _ids[entity] = id;
        return entity;
    }
}
