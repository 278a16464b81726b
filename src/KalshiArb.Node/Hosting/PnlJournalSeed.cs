using Akka.Actor;
using Akka.Hosting;
using KalshiArb.Actors.Cluster;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Pnl;
using KalshiArb.Node.Audit;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// After a (re)start the order desk knows only the orders that tell it something; the journal knows every fill. This
/// reads the order journals in the background (bounded by <paramref name="within"/>) and hands the desk the orders
/// with fills (<see cref="SeedPnl"/>), so P&amp;L survives restarts and a market that settles later settles them too.
/// </summary>
public static class PnlJournalSeed
{
    /// <summary>How long the background read may take before the desk goes on with live fills only.</summary>
    public static readonly TimeSpan ReadWithin = TimeSpan.FromMinutes(2);

    /// <summary>Seeds this member's order desk (execution role) in the background, once the desk runs.</summary>
    public static AkkaConfigurationBuilder WithPnlSeed(this AkkaConfigurationBuilder akka, NodeSettings settings, NodeStartup start) =>
        !settings.HasRole(ClusterRoles.Execution)
            ? akka
            : akka.WithActors((_, registry) => Start(settings, registry.Get<OrderDesk>(), ReadWithin, start.Log));

    public static void Start(NodeSettings settings, IActorRef desk, TimeSpan within, Serilog.ILogger log) =>
        _ = Task.Run(async () =>
        {
            using var deadline = new CancellationTokenSource(within);
            try
            {
                var journal = await OrderJournalReader.ReadAsync(AkkaConfigComposer.Compose(settings), null, deadline.Token);
                var orders = journal.Select(Of).OfType<SeededOrder>().ToArray();
                desk.Tell(new SeedPnl(orders));
                log.Information("P&L: {Orders} journaled orders with fills handed to the order desk", orders.Length);
            }
            catch (Exception e) when (e is JournalReadException or OperationCanceledException)
            {
                log.Warning("P&L: the journal could not be read to seed the order desk ({Reason}); P&L counts only fills from now on",
                    e.GetBaseException().Message);
            }
        });

    /// <summary>An order's fills and settlement from its journal; null when it has none.</summary>
    public static SeededOrder? Of(JournaledOrder journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var events = journal.Entries.Where(e => e.Event is not null).Select(e => e.Event!).ToArray();
        if (events.OfType<OrderCreatedEvent>().FirstOrDefault() is not { } created) return null;
        var fills = events.OfType<OrderFillAppliedEvent>().ToArray();
        if (fills.Length == 0) return null;
        var order = ExecutionOrderMachine.Replay(events.Select(e => e.ToDomain()), out _);
        var settled = events.OfType<OrderSettledEvent>().FirstOrDefault();
        var filled = fills.Aggregate(Domain.Primitives.Quantity.Zero, (q, f) => q + f.Count);
        return new SeededOrder(created.ExecutionId, created.Ticker, created.Side, order?.IsTerminal ?? false,
            fills.Select(f => new OrderFill(f.TradeId, f.Count, f.Price, f.Fee, f.IsTaker)).ToArray(), fills.Select(f => f.AtMs).ToArray(),
            settled is null ? null : OrderSettlement.YesValueOf(created.Side, filled, (Settled)settled.ToDomain()), settled?.AtMs ?? 0, created.StrategyId);
    }
}
