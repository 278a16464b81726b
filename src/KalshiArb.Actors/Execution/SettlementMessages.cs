using KalshiArb.Domain.Pnl;

namespace KalshiArb.Actors.Execution;

// The order desk's P&L. Kept together: each is one line.

/// <summary>Ask the order desk for its P&amp;L book.</summary>
public sealed record GetPnlBook
{
    public static readonly GetPnlBook Instance = new();
}

/// <summary>
/// The desk's P&amp;L: one position per market its orders traded (Kalshi's accounting, see <see cref="PnlLedger"/>), the
/// realized total after each fill or settlement (bounded, newest last), how many facts the ledger refused, and the
/// split per detection strategy (absent in v1 books).
/// </summary>
public sealed record PnlBook(IReadOnlyList<PnlPosition> Positions, IReadOnlyList<PnlPoint> History, int Refused,
    IReadOnlyList<StrategyPnl>? Strategies = null);

/// <summary>
/// After a start, the orders the journal holds with fills (read in the background): the desk books what it has not
/// seen into its P&amp;L and can settle them when their market settles. A settled order brings its market's YES value.
/// </summary>
public sealed record SeedPnl(IReadOnlyList<SeededOrder> Orders);

/// <param name="FillsAtMs">when each of <paramref name="Fills"/> was journaled, same order</param>
/// <param name="SettledYesValue">the market's YES value when the order journaled its settlement</param>
/// <param name="StrategyId">the order's detection strategy (null: journaled before strategies, the consensus one)</param>
public sealed record SeededOrder(string ExecutionId, string Ticker, Domain.Orders.OutcomeSide Side, bool Ended,
    IReadOnlyList<Domain.Orders.OrderFill> Fills, IReadOnlyList<long> FillsAtMs, Price? SettledYesValue, long SettledAtMs,
    string? StrategyId = null);
