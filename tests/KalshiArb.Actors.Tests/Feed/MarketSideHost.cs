using Akka.Hosting;
using Akka.TestKit;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Hosting;

namespace KalshiArb.Actors.Tests.Feed;

/// <summary>
/// The market side as the node's manifest hosts it (<see cref="MarketsHosting.WithMarkets"/>) on a one-member cluster of
/// its own; every TradeSignal goes to <see cref="Signals"/>, a probe in that system.
/// </summary>
public sealed class MarketSideHost : IAsyncDisposable
{
    private readonly ActorHost _host;

    private MarketSideHost(ActorHost host, TestProbe signals)
    {
        _host = host;
        Signals = signals;
        Side = MarketSideRefs.From(host.Registry);
    }

    public TestProbe Signals { get; }
    public MarketSideRefs Side { get; }

    /// <summary><paramref name="options"/> gets the signal probe to use as the sink; <paramref name="marketData"/> is the member's one connection.</summary>
    public static async Task<MarketSideHost> StartAsync(TestKitBase kit, string name, IMarketDataSource marketData, Func<IActorRef, MarketSideOptions> options,
        int shards = 10)
    {
        string[] roles = [ClusterRoles.Market];
        TestProbe? signals = null;
        var host = await ActorHost.StartAsync(name, OneMemberCluster.Config(roles), akka => akka
            .WithClusterJoin(OneMemberCluster.Member(roles), TimeSpan.FromSeconds(20), _ => { }, _ => { })
            .WithActors((system, _) => signals = kit.CreateTestProbe(system, "signals"))
            .WithMarketDataHub(() => marketData, onThisMember: true)
            .WithMarkets(() => options(signals!), shards, roles));
        return new MarketSideHost(host, signals!);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
