using Akka.Cluster.Tools.PublishSubscribe;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// The feed runs on one member and order desks on others: a settlement published on one member reaches a desk
/// subscribed on another (serialized across the wire), and one outside any cluster still hears it locally.
/// </summary>
public sealed class SettlementNewsSpec() : TestKit(OneMemberCluster.Config("market", "execution", "risk").WithFallback(SerializationConfig.Create()), "kalshiarb")
{
    [Fact]
    public async Task A_settlement_published_on_one_member_reaches_a_desk_on_another()
    {
        await OneMemberCluster.JoinAsync(Sys, TimeSpan.FromSeconds(20));
        var other = ActorSystem.Create(Sys.Name, Sys.Settings.Config);
        try
        {
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var cluster = Akka.Cluster.Cluster.Get(other);
            cluster.RegisterOnMemberUp(() => up.TrySetResult());
            cluster.Join(Akka.Cluster.Cluster.Get(Sys).SelfAddress);
            await up.Task.WaitAsync(TimeSpan.FromSeconds(20));

            var desk = CreateTestProbe(other);
            SettlementNews.Subscribe(other, desk.Ref);
            desk.ExpectMsg<SubscribeAck>(TimeSpan.FromSeconds(5));

            var settled = new MarketSettled("KXNBAGAME-26DEC08LALBOS-LAL", Price.One, 1_781_159_387_354);
            // the subscription spreads by gossip: publish until the other member's desk has it, bounded
            await AwaitAssertAsync(() =>
            {
                SettlementNews.Publish(Sys, settled);
                Assert.Equal(settled, desk.ExpectMsg<MarketSettled>(TimeSpan.FromMilliseconds(500)));
            }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));
        }
        finally
        {
            await other.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task Outside_a_cluster_the_settlement_goes_over_the_event_stream()
    {
        var local = ActorSystem.Create("local", SerializationConfig.Create());
        try
        {
            var desk = CreateTestProbe(local);
            SettlementNews.Subscribe(local, desk.Ref);
            var settled = new MarketSettled("KXNBAGAME-26DEC08LALBOS-BOS", Price.Zero, 5);
            SettlementNews.Publish(local, settled);
            Assert.Equal(settled, desk.ExpectMsg<MarketSettled>(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            await local.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
