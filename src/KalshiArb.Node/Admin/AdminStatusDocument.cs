using KalshiArb.Actors.Risk;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Risk;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Admin;

// What GET /admin/status answers. Money, prices and counts travel as their wire text ("12.3400"), never doubles.

/// <summary>Feed, odds and risk are null only when that component has not answered since the node started (see NotAnswering).</summary>
public sealed record AdminStatusDocument(AdminFeedStatus? Feed, AdminOddsStatus? Odds, AdminOrdersStatus Orders, AdminRiskStatus? Risk)
{
    /// <summary>Components that did not answer in time; their figures above (if any) are from their last answer.</summary>
    public IReadOnlyList<AdminSilence> NotAnswering { get; init; } = [];

    /// <summary>The membership and the execution nodes that did not answer; null for a node outside a cluster.</summary>
    public AdminClusterStatus? Cluster { get; init; }

    /// <summary>Signals at the door of every market node; null when no admission answered.</summary>
    public AdminSignalsStatus? Signals { get; init; }

    /// <summary>The open-order watch (what restarts unfinished orders); null when this node has none or it did not answer.</summary>
    public AdminOpenOrdersStatus? OpenOrders { get; init; }

    /// <summary>Profit and loss per market, per game and in total; null when the positions or marks did not answer.</summary>
    public AdminPnlStatus? Pnl { get; init; }

    public static AdminStatusDocument From(StatusReporter.NodeStatus s, RiskLimits? limits) => new(
        s.Feed is { } f
            ? new AdminFeedStatus(f.Connected, f.EventsPerSecond, f.TrackedMarkets, f.Gaps, f.Connects, f.Disconnects, f.LastDisconnectReason)
            {
                ResyncRequests = f.ResyncRequests,
                BooksAwaitingSnapshot = f.BooksAwaitingSnapshot,
            }
            : null,
        s.Odds is { } odds ? new AdminOddsStatus(odds.MatchedMarkets, odds.UnmatchedMarkets, odds.ConsensusSent, odds.Quota.Remaining) : null,
        new AdminOrdersStatus(s.Execution.TrackedCount, s.Execution.Open.Select(AdminOrderLine.From).ToArray(),
            s.Execution.NeedsAttention.Select(AdminOrderLine.From).ToArray()) { Ended = s.Execution.Ended },
        s.Risk is { } r
            ? new AdminRiskStatus(r.KillSwitch, r.Balance.ToWire(), r.AvailableBalance.ToWire(), r.Reserved.ToWire(),
                r.TotalExposure.ToWire(), r.OpenMarkets, r.RealizedToday.ToWire(), r.LossStreak, r.CooldownUntil,
                r.Positions.Select(p => new AdminPositionLine(p.Ticker, p.Contracts.ToWire(), p.CostBasis.ToWire())).ToArray(),
                r.Reservations.Count, r.DenialCounts, limits is null ? null : AdminRiskLimits.From(limits))
            {
                Outage = r.Outage is { } o ? AdminRiskOutage.From(o, s.At) : null,
            }
            : null)
    {
        NotAnswering = s.Silent.Select(x => new AdminSilence(x.Component, x.LastAnsweredAt, x.Describe(s.At))).ToArray(),
        Cluster = s.Cluster is { } c ? new AdminClusterStatus(c.Self, c.Leader, c.Members, s.UnansweredOrderDesks) : null,
        Signals = s.Admission is { } a ? new AdminSignalsStatus(a.Admitted, a.Placed, a.Repeated, a.RefusedByReason, a.NotPlacedByReason) : null,
        OpenOrders = s.OpenOrders is { } w ? new AdminOpenOrdersStatus(w.Sweeps, w.LastListed, w.Woken, w.LastError) : null,
        Pnl = s.Pnl,
    };
}

/// <summary>Reads of the open-order table, orders it listed last time, wakes sent, and why the last read failed (null: it worked).</summary>
public sealed record AdminOpenOrdersStatus(long Sweeps, int Listed, long Woken, string? LastError);

public sealed record AdminFeedStatus(bool Connected, double EventsPerSecond, int TrackedMarkets, long Gaps, long Connects, long Disconnects,
    string? LastDisconnectReason)
{
    /// <summary>Snapshots asked for because a book broke in its actor.</summary>
    public long ResyncRequests { get; init; }

    /// <summary>Books not traded on until their snapshot arrives (after a gap or a reconnect).</summary>
    public int BooksAwaitingSnapshot { get; init; }
}

/// <summary>A component that did not answer; LastAnsweredAt null: not since the node started.</summary>
public sealed record AdminSilence(string Component, DateTimeOffset? LastAnsweredAt, string Text);

public sealed record AdminOddsStatus(int MatchedMarkets, int UnmatchedMarkets, long ConsensusSent, long? QuotaRemaining);

public sealed record AdminOrdersStatus(int Tracked, IReadOnlyList<AdminOrderLine> Open, IReadOnlyList<AdminOrderLine> NeedsAttention)
{
    /// <summary>How orders ended since the desks started, e.g. "Filled", "Expired(HorizonPassedBeforeSubmit)".</summary>
    public IReadOnlyDictionary<string, long> Ended { get; init; } = new Dictionary<string, long>();
}

/// <summary>Signals admitted (new orders, repeats of a known signal) and refused at the door, by reason.</summary>
public sealed record AdminSignalsStatus(long Admitted, long Placed, long Repeated, IReadOnlyDictionary<string, long> Refused,
    IReadOnlyDictionary<string, long> NotPlaced);

public sealed record AdminOrderLine(string ExecutionId, string Ticker, ExecutionOrderState State, string? ExchangeOrderId, string? AttentionReason)
{
    public static AdminOrderLine From(OrderStatusNotice n) => new(n.ExecutionId, n.Ticker, n.State, n.ExchangeOrderId, n.AttentionReason);
}

public sealed record AdminRiskStatus(
    KillSwitchState KillSwitch,
    string Balance,
    string AvailableBalance,
    string Reserved,
    string TotalExposure,
    int OpenMarkets,
    string RealizedToday,
    int LossStreak,
    DateTimeOffset? CooldownUntil,
    IReadOnlyList<AdminPositionLine> Positions,
    int Reservations,
    IReadOnlyDictionary<string, int> DenialCounts,
    AdminRiskLimits? Limits)
{
    /// <summary>Set while the risk gate is down or not yet proven to write again; the figures above are then the last seen.</summary>
    public AdminRiskOutage? Outage { get; init; }
}

/// <param name="Summary">"journal write failed at 23:11:49 (disk full); retrying in 2 s", as of the status</param>
public sealed record AdminRiskOutage(string Reason, DateTimeOffset Since, DateTimeOffset? RetryAt, int Restarts, string Summary)
{
    public static AdminRiskOutage From(RiskGateOutage o, DateTimeOffset now) =>
        new(o.Reason, o.Since, o.RetryAt, o.Restarts, RiskGateOutageText.Describe(o, now));
}

public sealed record AdminPositionLine(string Ticker, string Contracts, string CostBasis);

public sealed record AdminRiskLimits(string MaxTotalExposure, string MaxExposurePerMarket, string MaxContractsPerMarket, int MaxOpenMarkets,
    string DailyLossLimit, int LossStreakLimit, int MaxOrdersPerMinute)
{
    public static AdminRiskLimits From(RiskLimits l) => new(l.MaxTotalExposure.ToWire(), l.MaxExposurePerMarket.ToWire(),
        l.MaxContractsPerMarket.ToWire(), l.MaxOpenMarkets, l.DailyLossLimit.ToWire(), l.LossStreakLimit, l.MaxOrdersPerMinute)
    {
        MaxExposurePerGame = l.MaxExposurePerGame?.ToWire(),
    };

    /// <summary>Both markets of one game together; null when no per-game limit is set.</summary>
    public string? MaxExposurePerGame { get; init; }
}

public sealed record AdminClusterStatus(string Self, string? Leader, IReadOnlyList<ClusterMemberView> Members, IReadOnlyList<string> UnansweredOrderDesks);
