using Akka.Actor;
using Akka.Cluster.Sharding;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Market;

namespace KalshiArb.Actors.Cluster;

/// <summary>
/// The two shard regions. A node with the region's role hosts entities; any other node gets a proxy that
/// routes to them. Shard counts must be equal on every node (they come from the shared cluster.conf).
/// </summary>
public static class ShardRegions
{
    public const string Market = "market";
    public const string Order = "order";

    /// <summary>MarketActors by ticker. Not remembered: a market that moves rebuilds its book from a fresh snapshot.</summary>
    public static Task<IActorRef> StartMarketsAsync(ActorSystem system, Func<string, Props> entityProps, int shards) =>
        StartAsync(system, Market, ClusterRoles.Market, entityProps, new MarketMessageExtractor(shards), rememberEntities: false);

    /// <summary>
    /// OrderActors by execution id. Not remembered by sharding (that cost every order a write before its first event and
    /// another when it stopped): the journal lists unfinished orders in its open-order table in the same transaction as
    /// their events, and the <see cref="OpenOrderWatch"/> starts them again on the execution nodes that remain after a
    /// node leaves or dies, and after a restart; each recovers from its journal and reconciles with the venue.
    /// </summary>
    public static Task<IActorRef> StartOrdersAsync(ActorSystem system, Func<string, Props> entityProps, int shards) =>
        StartAsync(system, Order, ClusterRoles.Execution, entityProps, new OrderMessageExtractor(shards), rememberEntities: false);

    private static Task<IActorRef> StartAsync(ActorSystem system, string typeName, string role, Func<string, Props> entityProps,
        IMessageExtractor extractor, bool rememberEntities)
    {
        var sharding = ClusterSharding.Get(system);
        if (!Akka.Cluster.Cluster.Get(system).SelfRoles.Contains(role))
            return sharding.StartProxyAsync(typeName, role, extractor);
        var settings = ClusterShardingSettings.Create(system).WithRole(role).WithRememberEntities(rememberEntities);
        return sharding.StartAsync(typeName, entityProps, settings, extractor);
    }
}
