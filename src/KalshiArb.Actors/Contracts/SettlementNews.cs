using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;

namespace KalshiArb.Actors.Contracts;

/// <summary>
/// How a market's settlement reaches every order desk: the feed runs once in the cluster (a singleton on one market
/// node) while each execution node has its own desk, so in a cluster the news goes through distributed pub-sub to
/// every member; a system that is not a cluster member (unit tests) uses its own event stream. A desk may hear the
/// same settlement twice (event stream and topic, or redelivery): it settles once.
/// </summary>
public static class SettlementNews
{
    public const string Topic = "kalshiarb-market-settled";

    /// <summary>The feed came back after a drop: lifecycle events sent meanwhile are lost, so catch-ups check.</summary>
    public const string ReconnectTopic = "kalshiarb-feed-reconnected";

    public static void Publish(ActorSystem system, MarketSettled settled) => Publish(system, Topic, settled);

    /// <summary>Subscribes the desk; in a cluster the mediator answers with a <see cref="SubscribeAck"/>.</summary>
    public static void Subscribe(ActorSystem system, IActorRef desk) => Subscribe(system, Topic, typeof(MarketSettled), desk);

    public static void PublishReconnected(ActorSystem system, FeedReconnected reconnected) => Publish(system, ReconnectTopic, reconnected);

    /// <summary>Subscribes a settlement catch-up to feed reconnects (a <see cref="SubscribeAck"/> in a cluster).</summary>
    public static void SubscribeReconnected(ActorSystem system, IActorRef catchUp) => Subscribe(system, ReconnectTopic, typeof(FeedReconnected), catchUp);

    private static void Publish(ActorSystem system, string topic, object news)
    {
        if (IsClusterMember(system)) DistributedPubSub.Get(system).Mediator.Tell(new Publish(topic, news));
        else system.EventStream.Publish(news);
    }

    private static void Subscribe(ActorSystem system, string topic, Type type, IActorRef subscriber)
    {
        if (IsClusterMember(system)) DistributedPubSub.Get(system).Mediator.Tell(new Subscribe(topic, subscriber), subscriber);
        else system.EventStream.Subscribe(subscriber, type);
    }

    private static bool IsClusterMember(ActorSystem system) => system is ExtendedActorSystem { Provider: IClusterActorRefProvider };
}
