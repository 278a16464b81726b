using Akka.Configuration;
using KalshiArb.Domain.Orders;
using KalshiArb.Node.Audit;

namespace KalshiArb.Node.Live;

/// <summary>
/// Which execution ids (= client_order_ids) the order journal knows, and which of them are not terminal
/// (still working, or not yet settled by the state machine). An order whose journal has unreadable rows is
/// counted as open and listed in <see cref="Damaged"/>: its state cannot be trusted as finished.
/// </summary>
public sealed record JournalOrderIndex(IReadOnlySet<string> Known, IReadOnlySet<string> Open, IReadOnlySet<string> Damaged)
{
    public static JournalOrderIndex Empty { get; } = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    /// <summary>
    /// Reads every order journal through <see cref="OrderJournalReader"/> (the same reader as `audit`).
    /// Throws <see cref="JournalReadException"/> when the journal itself cannot be read.
    /// </summary>
    public static async Task<JournalOrderIndex> ReadAsync(Config config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        var orders = await OrderJournalReader.ReadAsync(config, onlyOrder: null, ct).ConfigureAwait(false);
        return From(orders);
    }

    /// <summary>The index of already read journals: replays each through the domain state machine.</summary>
    public static JournalOrderIndex From(IEnumerable<JournaledOrder> orders)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        var damaged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            known.Add(order.ExecutionId);
            if (order.Entries.Any(e => !e.IsReadable)) damaged.Add(order.ExecutionId);
            var state = ExecutionOrderMachine.Replay(order.Entries.Where(e => e.IsReadable).Select(e => e.Event!.ToDomain()), out _);
            if (state is null || !state.IsTerminal || damaged.Contains(order.ExecutionId)) open.Add(order.ExecutionId);
        }
        return new JournalOrderIndex(known, open, damaged);
    }

    public override string ToString() => $"JournalOrderIndex({Known.Count} known, {Open.Count} open, {Damaged.Count} damaged)";
}
