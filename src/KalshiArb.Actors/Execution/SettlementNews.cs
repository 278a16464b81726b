using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// How a market's settlement reaches every order desk: the feed runs once in the cluster (a singleton on one market
/// node) while each execution node has its own desk, so in a cluster the news goes through distributed pub-sub to
/// every member; a system that is not a cluster member (unit tests) uses its own event stream. A desk may hear the
/// same settlement twice (event stream and topic, or redelivery): it settles once.
/// </summary>
public static class SettlementNews
{
    public const string Topic = "kalshiarb-market-settled";

    public static void Publish(ActorSystem system, MarketSettled settled)
    {
        if (IsClusterMember(system)) DistributedPubSub.Get(system).Mediator.Tell(new Publish(Topic, settled));
        else system.EventStream.Publish(settled);
    }

    /// <summary>Subscribes the desk; in a cluster the mediator answers with a <see cref="SubscribeAck"/>.</summary>
    public static void Subscribe(ActorSystem system, IActorRef desk)
    {
        if (IsClusterMember(system)) DistributedPubSub.Get(system).Mediator.Tell(new Subscribe(Topic, desk), desk);
        else system.EventStream.Subscribe(desk, typeof(MarketSettled));
    }

    private static bool IsClusterMember(ActorSystem system) => system is ExtendedActorSystem { Provider: IClusterActorRefProvider };
}
