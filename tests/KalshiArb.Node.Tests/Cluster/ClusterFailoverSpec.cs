using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.Risk;
using KalshiArb.Exchange.Accounts;

namespace KalshiArb.Node.Tests.Cluster;

/// <summary>
/// Real multi-node clusters in one process (loopback ports, one PostgreSQL journal, one exchange simulator):
/// market entities sharded across market nodes, the RiskGate singleton reachable everywhere and keeping its
/// state when its node leaves or crashes, an in-flight order restarting on another execution node.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverSpec
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Markets_spread_over_the_market_nodes_and_the_gate_keeps_its_state_when_its_node_leaves()
    {
        await using var kit = await ClusterKit.StartAsync();
        var n1 = await kit.AddNodeAsync("n1", ["market", "risk"]);
        var n2 = await kit.AddNodeAsync("n2", ["market", "execution", "risk"]);
        var n3 = await kit.AddNodeAsync("n3", ["execution"]);
        var tickers = kit.Simulator.Exchange.Games().SelectMany(g => new[] { g.AwayMarketTicker, g.HomeMarketTicker }).ToArray();

        // Every market has exactly one entity, and both market nodes carry some of them.
        await ClusterKit.EventuallyAsync(async () =>
        {
            var on1 = await ClusterKit.HostedEntitiesAsync(n1.Trading.Markets.Markets);
            var on2 = await ClusterKit.HostedEntitiesAsync(n2.Trading.Markets.Markets);
            Assert.Empty(on1.Intersect(on2));
            Assert.Equal(tickers.Order(), on1.Union(on2).Order());
            Assert.NotEmpty(on1);
            Assert.NotEmpty(on2);
        }, TimeSpan.FromSeconds(120));

        // A node without the market role reaches any market through its proxy (remote, through our serializer).
        foreach (var ticker in tickers)
        {
            var view = await n3.Trading.Markets.Markets.Ask<MarketStateView>(new GetMarketState(ticker), Ask);
            Assert.Equal(ticker, view.Ticker);
        }

        // The gate answers on every node, and a halt given on one node is seen on all.
        foreach (var node in kit.Nodes)
            Assert.Equal(KillSwitchState.Trading, (await node.Trading.RiskGate.Ask<RiskStateView>(GetRiskState.Instance, Ask)).KillSwitch);
        var halted = await n3.Trading.RiskGate.Ask<KillSwitchChanged>(new HaltTrading("cluster spec"), Ask);
        Assert.Equal(KillSwitchState.Halted, halted.State);
        Assert.Equal(KillSwitchState.Halted, (await n2.Trading.RiskGate.Ask<RiskStateView>(GetRiskState.Instance, Ask)).KillSwitch);

        // n1 is the oldest risk node, so it hosts the gate. It leaves; the gate starts on n2 from its journal.
        await ResolveAsync(n1, "/user/risk-gate/risk-gate");
        await kit.LeaveAsync(n1);
        await ClusterKit.EventuallyAsync(async () =>
        {
            var view = await n3.Trading.RiskGate.Ask<RiskStateView>(GetRiskState.Instance, TimeSpan.FromSeconds(2));
            Assert.Equal(KillSwitchState.Halted, view.KillSwitch);
        }, TimeSpan.FromSeconds(120));
        await ResolveAsync(n2, "/user/risk-gate/risk-gate");

        // The market entities n1 carried moved to n2: every market still answers.
        await ClusterKit.EventuallyAsync(async () =>
        {
            foreach (var ticker in tickers)
                Assert.Equal(ticker, (await n3.Trading.Markets.Markets.Ask<MarketStateView>(new GetMarketState(ticker), TimeSpan.FromSeconds(2))).Ticker);
        }, TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task An_in_flight_order_restarts_on_another_execution_node_when_its_node_crashes()
    {
        await using var kit = await ClusterKit.StartAsync();
        var n1 = await kit.AddNodeAsync("n1", ["risk"]);
        var n2 = await kit.AddNodeAsync("n2", ["execution"]);
        var n3 = await kit.AddNodeAsync("n3", ["execution"]);

        // A bid far below the market rests at the exchange.
        var ticker = kit.Simulator.Exchange.Games()[0].AwayMarketTicker;
        var signal = new TradeSignal("cluster-crash-1", ticker, OutcomeSide.Yes, new Price(500), Quantity.FromContracts(2), 0.5, 0.1, 1.0, "cluster spec",
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var executionId = ExecutionIds.FromSignal(signal.SignalId);
        // As an admission on a market node would place it.
        var placed = await n1.Trading.OrderRegion.Ask<OrderPlaced>(new PlaceOrder(executionId, signal), TimeSpan.FromSeconds(20));
        Assert.True(placed.IsNew);

        OrderStateView before = null!;
        await ClusterKit.EventuallyAsync(async () =>
        {
            before = await n1.Trading.OrderRegion.Ask<OrderStateView>(new GetOrderState(executionId), TimeSpan.FromSeconds(2));
            Assert.Equal(ExecutionOrderState.Resting, before.State);
            Assert.NotNull(before.ExchangeOrderId);
        }, TimeSpan.FromSeconds(60));

        var host = (await ClusterKit.HostedEntitiesAsync(n2.Trading.OrderRegion)).Contains(executionId) ? n2 : n3;
        var survivor = host == n2 ? n3 : n2;
        Assert.Contains(executionId, await ClusterKit.HostedEntitiesAsync(host.Trading.OrderRegion));

        await kit.CrashAsync(host);

        // The region remembered the entity: it is started on the survivor without any message for it, recovers
        // its journal and reconciles with the exchange (same exchange order, still resting, no second order).
        await ClusterKit.EventuallyAsync(async () =>
        {
            Assert.Contains(executionId, await ClusterKit.HostedEntitiesAsync(survivor.Trading.OrderRegion));
        }, TimeSpan.FromSeconds(120));
        var after = await survivor.Trading.OrderRegion.Ask<OrderStateView>(new GetOrderState(executionId), Ask);
        Assert.Equal(ExecutionOrderState.Resting, after.State);
        Assert.Equal(before.ExchangeOrderId, after.ExchangeOrderId);
        var atExchange = kit.Simulator.Exchange.Account(kit.Key.KeyId)!.Orders().Where(o => o.Snapshot.ClientOrderId == executionId).ToArray();
        Assert.Single(atExchange);

        // The restarted order still runs the venue order: a cancel through the survivor reaches the exchange.
        survivor.Trading.OrderRegion.Tell(new CancelOrder(executionId, "cluster spec"));
        await ClusterKit.EventuallyAsync(async () =>
        {
            var view = await survivor.Trading.OrderRegion.Ask<OrderStateView>(new GetOrderState(executionId), TimeSpan.FromSeconds(2));
            Assert.Equal(ExecutionOrderState.Canceled, view.State);
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(KalshiArb.Domain.Matching.EngineOrderStatus.Canceled,
            kit.Simulator.Exchange.Account(kit.Key.KeyId)!.Orders().Single(o => o.Snapshot.ClientOrderId == executionId).Snapshot.Status);
    }

    [Fact]
    public async Task The_gate_recovers_its_reservations_on_another_node_after_its_node_crashes()
    {
        await using var kit = await ClusterKit.StartAsync();
        var n1 = await kit.AddNodeAsync("n1", ["risk"]);
        var n2 = await kit.AddNodeAsync("n2", ["execution", "risk"]);
        var n3 = await kit.AddNodeAsync("n3", ["execution"]);

        var ticker = kit.Simulator.Exchange.Games()[1].HomeMarketTicker;
        var signal = new TradeSignal("cluster-gate-crash-1", ticker, OutcomeSide.No, new Price(400), Quantity.FromContracts(3), 0.5, 0.1, 1.0, "cluster spec",
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var executionId = ExecutionIds.FromSignal(signal.SignalId);
        await n2.Trading.OrderRegion.Ask<OrderPlaced>(new PlaceOrder(executionId, signal), TimeSpan.FromSeconds(20));
        RiskStateView before = null!;
        await ClusterKit.EventuallyAsync(async () =>
        {
            Assert.Equal(ExecutionOrderState.Resting, (await n2.Trading.OrderRegion.Ask<OrderStateView>(new GetOrderState(executionId), TimeSpan.FromSeconds(2))).State);
            before = await n3.Trading.RiskGate.Ask<RiskStateView>(GetRiskState.Instance, TimeSpan.FromSeconds(2));
            Assert.Contains(before.Reservations, r => r.ExecutionId == executionId);
        }, TimeSpan.FromSeconds(60));

        await ResolveAsync(n1, "/user/risk-gate/risk-gate");
        await kit.CrashAsync(n1);

        // Downed by the split-brain resolver, n1's gate starts on n2 and recovers the reservation from the journal.
        await ClusterKit.EventuallyAsync(async () =>
        {
            var view = await n3.Trading.RiskGate.Ask<RiskStateView>(GetRiskState.Instance, TimeSpan.FromSeconds(2));
            Assert.Contains(view.Reservations, r => r.ExecutionId == executionId);
            Assert.Equal(before.Reserved, view.Reserved);
        }, TimeSpan.FromSeconds(150));
        await ResolveAsync(n2, "/user/risk-gate/risk-gate");
    }

    [Fact]
    public async Task An_execution_node_that_is_shutting_down_takes_no_new_orders_while_the_others_trade()
    {
        await using var kit = await ClusterKit.StartAsync();
        var n1 = await kit.AddNodeAsync("n1", ["market", "risk"]);
        var n2 = await kit.AddNodeAsync("n2", ["execution"]);
        var n3 = await kit.AddNodeAsync("n3", ["execution"]);
        var ticker = kit.Simulator.Exchange.Games()[2].HomeMarketTicker;
        TradeSignal SignalFor(string id) => new(id, ticker, OutcomeSide.Yes, new Price(500), Quantity.FromContracts(1), 0.5, 0.1, 1.0, "cluster spec",
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        // Spread some shards over both execution nodes, then pick one new order for a shard on each. Both regions must
        // have registered with the coordinator first (a node that joined a moment later gets none of the first shards
        // until it does, or until a rebalance): keep placing until each hosts one.
        var extractor = new OrderMessageExtractor(KalshiArb.Node.Hosting.TradingConfig.From(n1.System.Settings.Config).Cluster.OrderShards);
        async Task<HashSet<string>> ShardsOn(ClusterNode node) =>
            (await node.Trading.OrderRegion.Ask<Akka.Cluster.Sharding.CurrentShardRegionState>(
                Akka.Cluster.Sharding.GetShardRegionState.Instance, Ask)).Shards.Select(s => s.ShardId).ToHashSet();
        var warm = 0;
        HashSet<string> shardsOn2 = [], shardsOn3 = [];
        await ClusterKit.EventuallyAsync(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var id = ExecutionIds.FromSignal("cluster-drain-warm-" + warm++);
                await n1.Trading.OrderRegion.Ask<OrderStateView>(new GetOrderState(id), TimeSpan.FromSeconds(20));
            }
            shardsOn3 = await ShardsOn(n3);
            shardsOn2 = await ShardsOn(n2);
            Assert.NotEmpty(shardsOn3);
            Assert.NotEmpty(shardsOn2);
        }, TimeSpan.FromSeconds(60));
        string Pick(HashSet<string> shards, string prefix) => Enumerable.Range(0, 10_000).Select(i => prefix + i)
            .First(s => shards.Contains(extractor.ShardId(ExecutionIds.FromSignal(s), new GetOrderState(ExecutionIds.FromSignal(s)))));
        var toDrainingNode = Pick(shardsOn3, "cluster-drain-n3-");
        var toOtherNode = Pick(shardsOn2, "cluster-drain-n2-");

        // n3 begins to shut down; hold it where it drains its orders.
        var draining = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var shutdown = CoordinatedShutdown.Get(n3.System);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "hold-for-spec", async () =>
        {
            draining.TrySetResult();
            await release.Task;
            return Akka.Done.Instance;
        });
        var stopped = shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance);
        await draining.Task.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            // Placed from the market node as its admission would: the draining node refuses, the other one trades.
            var refusedId = ExecutionIds.FromSignal(toDrainingNode);
            var refused = await n1.Trading.OrderRegion.Ask<object>(new PlaceOrder(refusedId, SignalFor(toDrainingNode)), TimeSpan.FromSeconds(20));
            Assert.Equal(new OrderNotPlaced(refusedId, "node shutting down: no new orders"), refused);
            var acceptedId = ExecutionIds.FromSignal(toOtherNode);
            var accepted = await n1.Trading.OrderRegion.Ask<object>(new PlaceOrder(acceptedId, SignalFor(toOtherNode)), TimeSpan.FromSeconds(20));
            Assert.True(Assert.IsType<OrderPlaced>(accepted).IsNew);
            Assert.DoesNotContain(kit.Simulator.Exchange.Account(kit.Key.KeyId)!.Orders(), o => o.Snapshot.ClientOrderId == refusedId);
        }
        finally
        {
            release.TrySetResult();
            await stopped.WaitAsync(TimeSpan.FromSeconds(60));
            n3.Stopped = true;
            await n3.Trading.DisposeAsync();
        }
    }

    private static Task<IActorRef> ResolveAsync(ClusterNode node, string path) =>
        node.System.ActorSelection(path).ResolveOne(Ask);
}
