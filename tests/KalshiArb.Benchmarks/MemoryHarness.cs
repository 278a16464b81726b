using System.Collections.Immutable;
using KalshiArb.Actors;
using Akka.Cluster.Sharding;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Hosting;
using KalshiArb.Actors.Market;
using KalshiArb.Actors.Serialization;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Load harness for target (b): 5,000 markets ≤ 150 MB resident. Creates real MarketActors in the "market" shard
/// region of a one-member cluster (as a node hosts them), gives each metadata, a 10-level-a-side book snapshot and a consensus, checks that every one
/// took them, and prints managed heap, working set and VmRSS after a forced full GC at three points: the plain
/// process, the cluster member with an empty region, and with every market loaded.
/// </summary>
public static class MemoryHarness
{
    private const int LevelsPerSide = 10;

    public static async Task Run(int markets)
    {
        Console.WriteLine($"memory harness: {markets} MarketActors, {LevelsPerSide} levels a side, {MachineLoad.Describe()}, server GC {System.Runtime.GCSettings.IsServerGC}");
        var plain = ProcessMemory.AfterFullGc();
        Console.WriteLine($"  plain process         {plain}");

        var config = ClusterConfig.OneMember(ClusterRoles.Market).WithFallback(SerializationConfig.Create()).WithFallback(HoconFiles.Load("base.conf"));
        string[] roles = [ClusterRoles.Market];
        var signals = new SignalCount();
        // The market region as the node's market hosting starts it, without the feed singletons (no outside sources here).
        var host = await ActorHost.StartAsync("bench-memory", config, akka => akka
            .WithClusterJoin(new ClusterMembership("127.0.0.1", 0, roles, []), TimeSpan.FromSeconds(30), _ => { }, _ => { })
            .WithRoleShardRegion<MarketRegion>(MarketRegion.TypeName, (system, _) =>
            {
                var sink = system.ActorOf(Props.Create(() => new SignalSink(signals)), "signals");
                return t => MarketActor.Props(t, sink);
            }, new MarketMessageExtractor(100), ClusterRoles.Market, roles));
        var system = host.System;
        try
        {
            var router = host.Registry.Get<MarketRegion>();
            // One round trip so the region is up and the system's own start-up allocations are done.
            await router.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
            var empty = ProcessMemory.AfterFullGc();
            Console.WriteLine($"  actor system, 0 mkts  {empty}");

            var now = DateTimeOffset.UtcNow;
            var nowMs = now.ToUnixTimeMilliseconds();
            for (var i = 0; i < markets; i++)
            {
                var ticker = Ticker(i);
                router.Tell(Metadata(ticker, i, now));
                router.Tell(Snapshot(ticker, i, nowMs));
                router.Tell(Consensus(ticker, i, nowMs, now));
            }

            var loaded = await CountLoaded(system, router, markets);
            Console.WriteLine($"  markets whole with metadata and consensus: {loaded}/{markets}; signals emitted: {signals.Value}");
            var full = ProcessMemory.AfterFullGc();
            Console.WriteLine($"  actor system, {markets} mkts {full}");

            Console.WriteLine($"  delta vs empty system: managed {ProcessMemory.Mb(full.ManagedHeapBytes - empty.ManagedHeapBytes)}, VmRSS {ProcessMemory.Mb(full.VmRssBytes - empty.VmRssBytes)}");
            Console.WriteLine($"  per market: managed {(full.ManagedHeapBytes - empty.ManagedHeapBytes) / (double)markets / 1024:F1} KB, VmRSS {(full.VmRssBytes - empty.VmRssBytes) / (double)markets / 1024:F1} KB");
            Console.WriteLine($"  delta vs plain process: VmRSS {ProcessMemory.Mb(full.VmRssBytes - plain.VmRssBytes)}");
            var pass = loaded == markets && full.VmRssBytes <= 150L * 1024 * 1024;
            Console.WriteLine($"  target (b) {markets} markets <= 150 MB resident (whole process VmRSS): {(pass ? "MET" : "NOT MET")}");
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>
    /// Asks every market for its state with one collecting actor as the sender, not an <c>Ask</c> per market: each ask's
    /// timeout stays registered with the scheduler (holding its reply) until it expires, which put ~3.5 MB of replies in
    /// the figure that a node never holds.
    /// </summary>
    private static async Task<int> CountLoaded(ActorSystem system, IActorRef router, int markets)
    {
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var collector = system.ActorOf(Props.Create(() => new LoadCounter(markets, done)), "load-counter");
        for (var i = 0; i < markets; i++) router.Tell(new GetMarketState(Ticker(i)), collector);
        var loaded = await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        system.Stop(collector);
        return loaded;
    }

    private static string Ticker(int i) => $"KXNBAGAME-26NOV23G{i:D5}-HOME";

    private static MarketMetadata Metadata(string ticker, int i, DateTimeOffset now) => new(
        ticker, ticker[..^5], "KXNBAGAME", $"Home team {i}", FeeType.Quadratic, 10_000,
        [PriceRange.CentGrid], MarketTradingStatus.Open, now.AddHours(3));

    /// <summary>YES bids below the mid, NO bids mirrored with a 2-cent spread: a plausible, uncrossed game market.</summary>
    private static BookSnapshotReceived Snapshot(string ticker, int i, long nowMs)
    {
        var yesTop = 30 + i % 40; // cents
        var noTop = 100 - yesTop - 2;
        var yes = ImmutableArray.CreateBuilder<BookLevel>(LevelsPerSide);
        var no = ImmutableArray.CreateBuilder<BookLevel>(LevelsPerSide);
        for (var k = 0; k < LevelsPerSide; k++)
        {
            yes.Add(new BookLevel(Price.FromCents(yesTop - k), Quantity.FromContracts(50 + (i + k) % 400)));
            no.Add(new BookLevel(Price.FromCents(noTop - k), Quantity.FromContracts(60 + (i * 7 + k) % 300)));
        }
        return new BookSnapshotReceived(ticker, 1, yes.MoveToImmutable(), no.MoveToImmutable(), nowMs);
    }

    /// <summary>Fair value at the mid: no edge, so the markets sit quietly as most do.</summary>
    private static ConsensusUpdated Consensus(string ticker, int i, long nowMs, DateTimeOffset now) =>
        new(ticker, $"odds-event-{i:D5}", (30 + i % 40 + 1) / 100.0, 6, 0.01, nowMs, now.AddHours(3));

    private sealed class LoadCounter : ReceiveActor
    {
        public LoadCounter(int expected, TaskCompletionSource<int> done)
        {
            var replies = 0;
            var loaded = 0;
            Receive<MarketStateView>(v =>
            {
                if (v.HasMetadata && v.IsWhole && v.FairYes.HasValue && v.Counters.SnapshotsApplied == 1) loaded++;
                if (++replies == expected) done.TrySetResult(loaded);
            });
        }
    }

    private sealed class SignalCount
    {
        public int Value;
    }

    private sealed class SignalSink : ReceiveActor
    {
        public SignalSink(SignalCount count) => Receive<TradeSignal>(_ => Interlocked.Increment(ref count.Value));
    }
}
