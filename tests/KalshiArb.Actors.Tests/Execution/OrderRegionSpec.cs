using KalshiArb.Actors.Tests.Risk;
using S = KalshiArb.Domain.Orders.ExecutionOrderState;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// The production order path in a one-member cluster (<see cref="ExecutionNode"/>): admission → "order" shard region
/// → venue, the desk routing reports, a node that shuts down taking no new orders, the journal's open-order table, and
/// orders that come back by themselves (the open-order watch) after a crash or a stop.
/// </summary>
public sealed class OrderRegionSpec : ExecutionSpec
{
    private readonly TestDatabase _db;

    public OrderRegionSpec() : this(new TestDatabase())
    {
    }

    private OrderRegionSpec(TestDatabase db) : base(db, "order-region-spec") => _db = db;

    private Task<ExecutionNode> StartNode(FakeVenue venue, string gateId, OrderActorSettings? settings = null) =>
        ExecutionNode.StartAsync(_db, venue, settings ?? FastSettings, RiskTestData.Settings(new ManualClock(), persistenceId: gateId));

    private async Task<OrderStateView> AwaitOrderAsync(ExecutionNode node, string executionId, Func<OrderStateView, bool> done)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var view = await node.OrderAsync(executionId);
            if (done(view)) return view;
            if (DateTime.UtcNow > deadline) Assert.Fail($"order {executionId} is {view.State}, filled {view.FilledCount}");
            await Task.Delay(50);
        }
    }

    private static async Task AwaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_signal_through_the_admission_reaches_the_venue_and_a_fill_routed_by_the_desk_reaches_the_entity()
    {
        var venue = new FakeVenue();
        await using var node = await StartNode(venue, "gate-region-path");
        var id = Send(node.Admission, Signal("sig-region-1", "T1"));

        await AwaitOrderAsync(node, id, o => o.State == S.Resting);
        Assert.Equal(1, venue.SubmitCount);

        // The same signal again lands on the same entity: no second order at the venue.
        Send(node.Admission, Signal("sig-region-1", "T1"));
        await AwaitAsync(async () => (await node.AdmissionAsync()).Repeated == 1, "the repeat to be answered");
        Assert.Equal(1, venue.SubmitCount);

        // Told to the desk directly (not pushed by the venue), so only the desk's routing can deliver it.
        var fill = venue.Fill(id, 4, 50, "t-region-1", push: false);
        node.Desk.Tell(fill);
        var partial = await AwaitOrderAsync(node, id, o => o.FilledCount == Quantity.FromContracts(4));
        Assert.Equal(S.PartiallyFilled, partial.State);

        // The entity reports to the desk of its node (by actor selection): the desk's status lists it.
        await AwaitAsync(async () => (await node.DeskAsync()).Open.SingleOrDefault()?.State == S.PartiallyFilled, "the desk to list the order");
    }

    [Fact]
    public async Task A_node_that_is_shutting_down_takes_no_new_orders()
    {
        var venue = new FakeVenue();
        var node = await StartNode(venue, "gate-region-drain");
        var resting = Send(node.Admission, Signal("sig-drain-1", "T1"));
        await AwaitOrderAsync(node, resting, o => o.State == S.Resting);

        // Hold the shutdown where the host drains its orders, and look at the node while it is there.
        var draining = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var shutdown = CoordinatedShutdown.Get(node.System);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "hold-for-test", async () =>
        {
            draining.TrySetResult();
            await release.Task;
            return Akka.Done.Instance;
        });
        var stopped = shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance);
        await draining.Task.WaitAsync(Wait);
        try
        {
            // Through the door: refused, counted.
            var viaAdmission = Send(node.Admission, Signal("sig-drain-2", "T2"));
            await AwaitAsync(async () => (await node.AdmissionAsync()).RefusedByReason.GetValueOrDefault(nameof(AdmissionRefusal.NodeShuttingDown)) == 1,
                "the admission to refuse");
            // Straight into the region (a signal from another node): the entity refuses it on this node.
            var direct = new PlaceOrder(ExecutionIds.FromSignal("sig-drain-3"), Signal("sig-drain-3", "T3"));
            var answer = await node.Region.Ask<object>(direct, Wait);
            Assert.Equal(new OrderNotPlaced(direct.ExecutionId, "node shutting down: no new orders"), answer);

            Assert.False((await node.OrderAsync(viaAdmission)).Exists);
            Assert.Equal(1, venue.SubmitCount);
        }
        finally
        {
            release.TrySetResult();
            await stopped.WaitAsync(Wait);
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_a_crash_unfinished_orders_come_back_by_themselves_and_reconcile()
    {
        var venue = new FakeVenue();
        string resting, partial, done;
        await using (var first = await StartNode(venue, "gate-region-restart"))
        {
            resting = Send(first.Admission, Signal("sig-r1", "T1"));
            partial = Send(first.Admission, Signal("sig-r2", "T2"));
            done = Send(first.Admission, Signal("sig-r3", "T3"));
            await AwaitOrderAsync(first, resting, o => o.State == S.Resting);
            await AwaitOrderAsync(first, partial, o => o.State == S.Resting);
            await AwaitOrderAsync(first, done, o => o.State == S.Resting);
            venue.Fill(done, 10, 50, "t-done");
            await AwaitOrderAsync(first, done, o => o.State == S.Filled);
            await first.CrashAsync();
        }

        // While nobody watched, the venue filled part of one order.
        venue.Fill(partial, 4, 50, "t-offline", push: false);
        var lookupsBefore = venue.LookupCount;

        await using var second = await StartNode(venue, "gate-region-restart");
        // Nothing is sent to the orders: the open-order watch wakes the listed ones, they recover and ask the venue.
        await AwaitAsync(async () =>
        {
            var s = await second.DeskAsync();
            return s.Open.Select(n => n.ExecutionId).Order(StringComparer.Ordinal).SequenceEqual(new[] { partial, resting }.Order(StringComparer.Ordinal))
                && s.Open.Single(n => n.ExecutionId == partial).State == S.PartiallyFilled;
        }, "both unfinished orders to come back, one with the offline fill");
        Assert.True(venue.LookupCount >= lookupsBefore + 2, "each order asked the venue");
        Assert.Equal(3, venue.SubmitCount);
        Assert.Equal(3, venue.OrderCount);

        // Fills pushed after the restart reach them.
        venue.Fill(resting, 10, 50, "t-after");
        await AwaitOrderAsync(second, resting, o => o.State == S.Filled);
        await AwaitAsync(async () => (await second.GateAsync()).Positions.SingleOrDefault(p => p.Ticker == "T2")?.Contracts == Quantity.FromContracts(4),
            "the gate to hold the offline fill");
    }

    [Fact]
    public async Task The_open_order_table_lists_exactly_the_unfinished_orders()
    {
        var venue = new FakeVenue();
        await using var node = await StartNode(venue, "gate-region-table");
        var resting = Send(node.Admission, Signal("sig-t1", "T1"));
        var filled = Send(node.Admission, Signal("sig-t2", "T2"));
        await AwaitOrderAsync(node, resting, o => o.State == S.Resting);
        await AwaitOrderAsync(node, filled, o => o.State == S.Resting);
        await using var list = OpenOrderList.For(node.System.Settings.Config.GetConfig("akka.persistence.journal.sql"));
        Assert.Equal(new[] { resting, filled }.Order(StringComparer.Ordinal), await ListedAsync(list));

        venue.Fill(filled, 10, 50, "t-table");
        await AwaitOrderAsync(node, filled, o => o.State == S.Filled);
        Assert.Equal([resting], await ListedAsync(list));

        // A wake gets an answer only from a finished order (what lets the watch clean an old journal's entries).
        Assert.Equal(S.Filled, (await node.Region.Ask<OrderStateView>(new WakeOrder(filled), Wait)).State);
        await Assert.ThrowsAsync<AskTimeoutException>(() => node.Region.Ask<OrderStateView>(new WakeOrder(resting), TimeSpan.FromMilliseconds(500)));
        node.Region.Tell(new CancelOrder(resting, "test"));
        await AwaitOrderAsync(node, resting, o => o.State == S.Canceled);
        Assert.Empty(await ListedAsync(list));
    }

    [Fact]
    public async Task A_reservation_whose_order_never_reached_the_journal_is_released_by_the_woken_empty_order()
    {
        var venue = new FakeVenue();
        var settings = FastSettings with { Policy = FastSettings.Policy with { IdleStopAfter = TimeSpan.FromMilliseconds(300) } };
        await using var node = await StartNode(venue, "gate-region-orphan", settings);
        // What a node that died between the gate's write and the order's own leaves behind: a reservation, no order.
        Assert.IsType<ReservationApproved>(await node.Gate.Ask<object>(
            new Reserve("orphan-1", "T-ORPHAN", OutcomeSide.Yes, Price.FromCents(50), Quantity.FromContracts(2)), Wait));
        Assert.Single((await node.GateAsync()).Reservations);

        // Nothing is sent to the order: the watch wakes the holders of reservations, the empty order idles out and
        // releases it, and the market can trade again.
        await AwaitAsync(async () => (await node.GateAsync()).Reservations.Count == 0, "the orphaned reservation to be released");
        Assert.Equal(0, venue.SubmitCount);
    }

    private static async Task<List<string>> ListedAsync(IOpenOrderList list) =>
        (await list.ListAsync(CancellationToken.None)).Select(e => e.PersistenceId["order-".Length..]).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task An_unfinished_order_that_stops_is_started_again_by_the_open_order_watch_and_reconciles()
    {
        var venue = new FakeVenue();
        await using var node = await StartNode(venue, "gate-region-stop");
        var id = Send(node.Admission, Signal("sig-stop", "T1"));
        await AwaitOrderAsync(node, id, o => o.State == S.Resting);
        var lookupsBefore = venue.LookupCount;

        // What a failed journal write does: the entity stops without passivating.
        var entity = await node.System.ActorSelection($"/system/sharding/order/*/{Uri.EscapeDataString(id)}").ResolveOne(Wait);
        entity.Tell(PoisonPill.Instance);

        await AwaitAsync(() => Task.FromResult(venue.LookupCount > lookupsBefore), "the restarted order to reconcile");
        venue.Fill(id, 10, 50, "t-1");
        await AwaitOrderAsync(node, id, o => o.State == S.Filled);
        Assert.Equal(1, venue.SubmitCount);
    }
}
