namespace KalshiArb.Node.Admin;

// P&L as GET /admin/status answers it; every surface (status text, dashboard, web page, metrics) renders this one shape.
// Money travels as wire text in dollars ("12.3400"); a negative figure is a loss.

/// <summary>
/// Profit and loss since the journal began: Total, then one line per game (both markets of a game together) and per market.
/// History is the total over time, oldest first, one point per status refresh the node kept (bounded).
/// </summary>
public sealed record AdminPnlStatus(AdminPnlLine Total, IReadOnlyList<AdminPnlLine> Games, IReadOnlyList<AdminPnlLine> Markets,
    IReadOnlyList<AdminPnlPoint> History)
{
    /// <summary>Orders and realized P&amp;L per detection strategy (each booked as its own account), by strategy id.</summary>
    public IReadOnlyList<AdminStrategyLine> Strategies { get; init; } = [];
}

/// <param name="OrdersFilled">orders with a fill since the journal began (seeded at start)</param>
/// <param name="OrdersEnded">orders that ended since this node started</param>
public sealed record AdminStrategyLine(string StrategyId, int OrdersFilled, int OrdersEnded, string Realized, string Fees);

/// <param name="Key">"total", a game key, or a market ticker</param>
/// <param name="Contracts">net open contracts (YES &gt; 0, NO &lt; 0; 0 for the total and games)</param>
/// <param name="Realized">closed by fills and settlements, after fees</param>
/// <param name="Fees">Kalshi fees paid</param>
/// <param name="UnrealizedAtMid">open contracts marked at the book's mid minus their cost; null when some open market has no two-sided book</param>
/// <param name="UnrealizedAtFair">open contracts marked at the consensus fair value minus their cost; null when some open market has no fair value</param>
public sealed record AdminPnlLine(string Key, string Contracts, string Realized, string Fees, string? UnrealizedAtMid, string? UnrealizedAtFair);

/// <summary>The total at one moment: realized, and realized plus unrealized at mid (null when the mark was not available).</summary>
public sealed record AdminPnlPoint(DateTimeOffset At, string Realized, string? MarkedAtMid);
