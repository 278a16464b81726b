using KalshiArb.Actors.Market;
using KalshiArb.Domain.Orders;

namespace KalshiArb.Node.Admin;

// What GET /admin/dashboard answers and what the console dashboard renders: the status document plus the markets,
// the last signals and the last fills. Money, prices and counts are wire text ("0.5300"), probabilities too ("0.5523").

/// <summary>
/// The whole operator view at <paramref name="At"/>. Each section beyond <paramref name="Status"/> is null when the
/// components it comes from did not answer in time (the rest still stands).
/// </summary>
public sealed record AdminDashboardDocument(DateTimeOffset At, AdminStatusDocument Status)
{
    public AdminMarketsSection? Markets { get; init; }

    public AdminRecentSignalsSection? RecentSignals { get; init; }

    public AdminRecentFillsSection? RecentFills { get; init; }
}

/// <summary>
/// The matched markets (at most <see cref="AdminDashboardQuery.MaxMarkets"/>, in ticker order) with their book top, fair value and
/// edges; skips and blocks summed over the markets shown. <paramref name="NotAnswering"/> markets were asked and did not answer.
/// </summary>
public sealed record AdminMarketsSection(int Matched, int NotAnswering, IReadOnlyList<AdminMarketLine> Lines,
    IReadOnlyDictionary<string, long> SkipsByReason, IReadOnlyDictionary<string, long> BlockedByReason);

/// <param name="YesEdge">fair − YES ask before fees; null without a consensus or an ask</param>
/// <param name="LastSkip">why the last evaluation did not signal (a skip reason or a blocking precondition)</param>
public sealed record AdminMarketLine(string Ticker, MarketTradingStatus Status, bool BookWhole, AdminBookTop? YesBid, AdminBookTop? YesAsk,
    AdminBookTop? NoBid, AdminBookTop? NoAsk, string? FairYes, int ConsensusBooks, string? YesEdge, string? NoEdge, long SignalsSent,
    string? LastSkip, DateTimeOffset? LastEvaluationAt);

public sealed record AdminBookTop(string Price, string Size);

/// <summary>The newest signals first, every market node together (at most <see cref="AdminDashboardQuery.MaxSignals"/>).</summary>
public sealed record AdminRecentSignalsSection(IReadOnlyList<AdminSignalLine> Lines);

/// <param name="Outcome">"placed", "repeated", "admitted" (no answer yet), "refused: Halted", "not placed: …"</param>
public sealed record AdminSignalLine(DateTimeOffset At, string Ticker, OutcomeSide Side, string LimitPrice, string Count, string FairYes,
    string Edge, string Outcome, string SignalId);

/// <summary>The newest fills first, every execution node together (at most <see cref="AdminDashboardQuery.MaxFills"/>).</summary>
public sealed record AdminRecentFillsSection(IReadOnlyList<AdminFillLine> Lines);

/// <param name="Liquidity">"maker" or "taker"</param>
/// <param name="ExecutionId">our order, when the desk knows it</param>
public sealed record AdminFillLine(DateTimeOffset At, string Ticker, OutcomeSide Side, string Count, string Price, string Fee, string Liquidity,
    string ExchangeOrderId, string? ExecutionId, string TradeId);
