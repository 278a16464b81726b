using System.Collections.Concurrent;
using KalshiArb.Actors.Cluster;

namespace KalshiArb.Actors.Tests.Execution;

/// <summary>
/// The open-order watch on its own: a list it reads, a probe standing in for the "order" region. It wakes every listed
/// order, takes off only the ones that answer finished (and only up to the sequence number they answered), and a table
/// it cannot read is a visible reason, tried again, not a crash.
/// </summary>
public sealed class OpenOrderWatchSpec : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly OpenOrderWatchSettings Fast = new() { SweepInterval = TimeSpan.FromMilliseconds(200) };

    public OpenOrderWatchSpec() : base(OneMemberCluster.Config(ClusterRoles.Execution), "open-order-watch-spec")
    {
    }

    [Fact]
    public void Every_listed_order_is_woken_through_the_region_and_woken_again_at_each_sweep()
    {
        var list = new ListedOrders();
        list.Open("order-a", 1);
        list.Open("order-b", 1);
        var region = CreateTestProbe();
        Sys.ActorOf(OpenOrderWatch.Props(region.Ref, CreateTestProbe().Ref, list, Fast));

        var first = new[] { region.ExpectMsg<WakeOrder>(Wait).ExecutionId, region.ExpectMsg<WakeOrder>(Wait).ExecutionId };
        Assert.Equal(["a", "b"], first.Order(StringComparer.Ordinal));
        // Nobody answered (a node still starting): the next sweep wakes them again.
        var again = new[] { region.ExpectMsg<WakeOrder>(Wait).ExecutionId, region.ExpectMsg<WakeOrder>(Wait).ExecutionId };
        Assert.Equal(["a", "b"], again.Order(StringComparer.Ordinal));
        Assert.Empty(list.Removals);
    }

    [Fact]
    public async Task An_order_that_answers_finished_is_taken_off_up_to_the_sequence_number_it_answered_and_an_open_one_stays()
    {
        var list = new ListedOrders();
        list.Open("order-done", 1);
        list.Open("order-working", 1);
        var region = CreateTestProbe();
        var watch = Sys.ActorOf(OpenOrderWatch.Props(region.Ref, CreateTestProbe().Ref, list, Fast with { SweepInterval = TimeSpan.FromMinutes(1) }));
        for (var i = 0; i < 2; i++)
        {
            // As an order answers a wake: only when it is finished.
            var wake = region.ExpectMsg<WakeOrder>(Wait);
            if (wake.ExecutionId == "done") region.Reply(View(wake.ExecutionId, ExecutionOrderState.Filled, sequenceNr: 7));
        }
        // An answer saying "working" (a status asked by someone else) takes nothing off.
        watch.Tell(View("working", ExecutionOrderState.Resting, sequenceNr: 3));
        await AwaitAssertAsync(() => Assert.Equal([("order-done", 7L)], list.Removals.ToArray()), Wait);
        var status = await watch.Ask<OpenOrderWatchStatus>(GetOpenOrderWatchStatus.Instance, Wait);
        Assert.Equal(1, status.Removed);
        Assert.Equal(2, status.Woken);
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task A_table_it_cannot_read_is_reported_and_read_again_at_the_next_sweep()
    {
        var list = new ListedOrders { Failing = true };
        list.Open("order-a", 1);
        var region = CreateTestProbe();
        var watch = Sys.ActorOf(OpenOrderWatch.Props(region.Ref, CreateTestProbe().Ref, list, Fast));
        await AwaitAssertAsync(async () =>
            Assert.Contains("database is locked", (await watch.Ask<OpenOrderWatchStatus>(GetOpenOrderWatchStatus.Instance, Wait)).LastError), Wait);
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        list.Failing = false;
        Assert.Equal("a", region.ExpectMsg<WakeOrder>(Wait).ExecutionId);
        await AwaitAssertAsync(async () => Assert.Null((await watch.Ask<OpenOrderWatchStatus>(GetOpenOrderWatchStatus.Instance, Wait)).LastError), Wait);
    }

    [Fact]
    public void A_large_list_is_woken_in_steps_every_order_of_it()
    {
        var list = new ListedOrders();
        for (var i = 0; i < 25; i++) list.Open($"order-{i:D2}", 1);
        var region = CreateTestProbe();
        Sys.ActorOf(OpenOrderWatch.Props(region.Ref, CreateTestProbe().Ref, list, Fast with { SweepInterval = TimeSpan.FromMinutes(1), WakesPerTick = 10 }));
        var woken = new List<string>();
        for (var i = 0; i < 25; i++) woken.Add(region.ExpectMsg<WakeOrder>(Wait).ExecutionId);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"{i:D2}"), woken.Order(StringComparer.Ordinal));
    }

    private static OrderStateView View(string id, ExecutionOrderState state, long sequenceNr) =>
        new(id, true, state, "sig", "T1", OutcomeSide.Yes, Price.FromCents(45), Quantity.FromContracts(1), Quantity.Zero, "ex", [],
            Money.Zero, null, null, null, 0, 0, 0, sequenceNr);

    /// <summary>An open-order table in memory; can be made to fail like a locked database.</summary>
    private sealed class ListedOrders : IOpenOrderList
    {
        private readonly ConcurrentDictionary<string, long> _rows = new(StringComparer.Ordinal);

        public volatile bool Failing;

        public ConcurrentQueue<(string, long)> Removals { get; } = new();

        public void Open(string persistenceId, long sequenceNr) => _rows[persistenceId] = sequenceNr;

        public Task<IReadOnlyList<OpenOrderEntry>> ListAsync(CancellationToken ct) => Failing
            ? Task.FromException<IReadOnlyList<OpenOrderEntry>>(new InvalidOperationException("database is locked"))
            : Task.FromResult<IReadOnlyList<OpenOrderEntry>>(_rows.Select(kv => new OpenOrderEntry(kv.Key, kv.Value)).ToList());

        public Task RemoveFinishedAsync(string persistenceId, long finishedAtSequenceNr, CancellationToken ct)
        {
            Removals.Enqueue((persistenceId, finishedAtSequenceNr));
            if (_rows.TryGetValue(persistenceId, out var opened) && opened <= finishedAtSequenceNr) _rows.TryRemove(persistenceId, out _);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
