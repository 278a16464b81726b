using Akka.Hosting;

namespace KalshiArb.Actors.Cluster;

/// <summary>
/// An actor reached through the node's <see cref="ActorRegistry"/> under <typeparamref name="TKey"/>, looked up at each
/// tell: it may be registered after the one holding this (the order desk after the order region whose entities tell
/// it). Until it is registered a message goes to dead letters, as one sent to a path where nothing runs yet would.
/// </summary>
public sealed class RegisteredActor<TKey> : ICanTell
{
    private readonly ActorSystem _system;

    public RegisteredActor(ActorSystem system) => _system = system;

    public void Tell(object message, IActorRef sender)
    {
        var target = ActorRegistry.For(_system).TryGet<TKey>(out var actor) ? actor : _system.DeadLetters;
        target.Tell(message, sender);
    }
}
