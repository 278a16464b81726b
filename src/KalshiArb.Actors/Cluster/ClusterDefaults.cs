using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.DistributedData;

namespace KalshiArb.Actors.Cluster;

/// <summary>
/// The reference configuration of sharding, distributed data, singletons and pub-sub (settlement news), including their serializer
/// bindings. Their extensions would add it only when first used, after the serializers were set up, and with
/// unregistered types forbidden the shard's remembered-entity events could then not be persisted.
/// </summary>
public static class ClusterDefaults
{
    public static Config Create() =>
        ClusterSharding.DefaultConfig()
            .WithFallback(Akka.Cluster.Tools.Singleton.ClusterSingleton.DefaultConfig())
            .WithFallback(DistributedData.DefaultConfig())
            .WithFallback(Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub.DefaultConfig());
}
