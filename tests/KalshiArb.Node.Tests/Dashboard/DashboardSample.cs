using KalshiArb.Actors.Market;
using KalshiArb.Node.Dashboard;
using Serilog.Events;

namespace KalshiArb.Node.Tests.Dashboard;

/// <summary>A status document as a one-node sim run answers it a minute in: two fills, one open order, one denial kind.</summary>
internal static class DashboardSample
{
    public static readonly DateTimeOffset At = new(2026, 12, 7, 10, 44, 5, TimeSpan.Zero);

    public static AdminStatusDocument Status(KillSwitchState killSwitch = KillSwitchState.Trading) => new(
        new AdminFeedStatus(true, 182.4, 20, 1, 1, 0, null) { ResyncRequests = 1, BooksAwaitingSnapshot = 2 },
        new AdminOddsStatus(20, 0, 20, 480),
        new AdminOrdersStatus(3,
            [new AdminOrderLine("736894fa-debe-55ec-a317-90da652030b6", "KXNBAGAME-26DEC08LALBOS-BOS", ExecutionOrderState.Resting, "x-1", null)],
            [])
        {
            Ended = new Dictionary<string, long> { ["Filled"] = 27, ["RiskDenied(OrdersPerMinute)"] = 3 },
        },
        new AdminRiskStatus(killSwitch, "9990.1200", "9890.1200", "100.0000", "340.5000", 4, "-1.2000", 1, null,
            [new AdminPositionLine("KXNBAGAME-26DEC08LALBOS-LAL", "13.00", "4.8900")], 1,
            new Dictionary<string, int> { ["OrdersPerMinute"] = 3, ["MaxContractsPerMarket"] = 1 },
            new AdminRiskLimits("1000.0000", "100.0000", "50.00", 10, "200.0000", 5, 30)))
    {
        Cluster = new AdminClusterStatus("akka.tcp://kalshiarb@127.0.0.1:45651", "akka.tcp://kalshiarb@127.0.0.1:45651",
            [new ClusterMemberView("akka.tcp://kalshiarb@127.0.0.1:45651", ["market", "execution", "risk"], "Up", true)], []),
        Signals = new AdminSignalsStatus(56, 30, 26, new Dictionary<string, long> { ["Halted"] = 2 }, new Dictionary<string, long>()),
        Pnl = new AdminPnlStatus(new AdminPnlLine("total", "0", "1.8000", "0.4100", "0.6500", "0.9100"), [], [], []),
    };

    public static IReadOnlyList<RecentLogLine> Activity =>
    [
        new(At.AddSeconds(-20), LogEventLevel.Information,
            "order 736894fa: fill KXNBAGAME-26DEC08LALBOS-BOS No 25.00 @ 0.3600, fee 0.4032, taker, trade t13-1; filled 25.00 of 25.00"),
        new(At.AddSeconds(-3), LogEventLevel.Warning, "KXNCAAMBGAME-26DEC09DUKEUNC-UNC: not trading, EdgeTooGood"),
    ];

    /// <summary>The status plus two markets (one awaiting its snapshot), a signal and a fill, as GET /admin/dashboard answers.</summary>
    public static AdminDashboardDocument Document(AdminStatusDocument? status = null) => new(At, status ?? Status())
    {
        Markets = new AdminMarketsSection(20, 0,
        [
            new AdminMarketLine("KXNBAGAME-26DEC08LALBOS-BOS", MarketTradingStatus.Open, true, new AdminBookTop("0.6100", "40.00"),
                new AdminBookTop("0.6300", "25.00"), new AdminBookTop("0.3700", "25.00"), new AdminBookTop("0.3900", "40.00"), "0.5794", 5,
                "-0.0506", "0.0306", 4, "NoEdge", At.AddSeconds(-1)),
            new AdminMarketLine("KXNFLGAME-26DEC08KCBUF-KC", MarketTradingStatus.Open, false, null, null, null, null, "0.4170", 4, null, null, 0,
                "BookNotWhole", null),
        ], new Dictionary<string, long> { ["NoEdge"] = 812, ["EdgeTooGood"] = 2 }, new Dictionary<string, long> { ["BookNotWhole"] = 9 }),
        RecentSignals = new AdminRecentSignalsSection(
            [new AdminSignalLine(At.AddSeconds(-30), "KXNBAGAME-26DEC08LALBOS-BOS", OutcomeSide.No, "0.3700", "25.00", "0.5794", "0.0342", "placed", "s-1")]),
        RecentFills = new AdminRecentFillsSection(
            [new AdminFillLine(At.AddSeconds(-20), "KXNBAGAME-26DEC08LALBOS-BOS", OutcomeSide.No, "25.00", "0.3600", "0.4032", "taker", "x-1",
                "736894fa-debe-55ec-a317-90da652030b6", "t13-1")]),
    };

    public static DashboardView View(AdminStatusDocument? status = null, DashboardPrompt prompt = DashboardPrompt.None, string? notice = null) =>
        new("sim · kalshi-sim at http://127.0.0.1:35681/trade-api/v2 · admin 127.0.0.1:41179", At, Document(status), null, Activity, prompt, notice);
}
