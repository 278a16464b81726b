using System.Collections.Immutable;
using System.Text.Json;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Risk;
using KalshiArb.Domain.Odds;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Node.Tests.Admin;

/// <summary>
/// A risk gate that is down, or an open-order table the watch cannot read, shows as such in the status line, the admin
/// document and the `status` text.
/// </summary>
public sealed class AdminStatusOutageSpec
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 23, 11, 50, TimeSpan.Zero);

    private const string Shown = "risk UNAVAILABLE: journal write failed at 23:11:49 (database or disk is full); retrying in 2 s";

    private static StatusReporter.NodeStatus Status(RiskGateOutage? outage) => new(
        new FeedStateView(true, 1, null, null, 1, 0, 500, 12.5, 40, 0, 0, 3,
            ImmutableDictionary<FeedIgnoreReason, long>.Empty, ImmutableDictionary<FeedRejectReason, long>.Empty),
        new OddsFeedStateView([], KalshiArb.Odds.Api.QuotaSnapshot.Unknown, 2, 1, 7, ImmutableDictionary<ConsensusRejection, long>.Empty),
        new ExecutionStatus([], [], 0),
        new RiskStateView(KillSwitchState.Trading, Money.FromDollars(1_000), Money.FromDollars(1_000), Money.Zero, Money.Zero, 0, Money.Zero,
            0, null, [], [], new Dictionary<string, int>(), 0, 12, outage))
    {
        At = At,
    };

    /// <summary>The `status` command renders the JSON it receives, so go through it.</summary>
    private static AdminStatusDocument OverTheWire(StatusReporter.NodeStatus status) =>
        JsonSerializer.Deserialize<AdminStatusDocument>(JsonSerializer.Serialize(AdminStatusDocument.From(status, null), AdminJson.Options),
            AdminJson.Options)!;

    [Fact]
    public void A_gate_that_is_down_shows_why_and_when_it_is_retried()
    {
        var status = Status(new RiskGateOutage("journal write failed at 23:11:49 (database or disk is full)", At.AddSeconds(-1), At.AddSeconds(2), 3));
        Assert.Contains(Shown + "; last seen Trading, balance", status.ToString());

        var doc = OverTheWire(status);
        var outage = doc.Risk!.Outage;
        Assert.NotNull(outage);
        Assert.Equal((3, At.AddSeconds(2)), (outage.Restarts, outage.RetryAt));
        Assert.Equal(Shown, "risk UNAVAILABLE: " + outage.Summary);
        var lines = AdminStatusText.Render(doc).Split(Environment.NewLine);
        Assert.StartsWith("kill switch:", lines[0]);
        Assert.StartsWith(Shown, lines[1]);
    }

    [Fact]
    public void A_restarted_gate_not_yet_proven_says_it_waits_for_a_write()
    {
        var status = Status(new RiskGateOutage("journal write failed at 23:11:49 (database or disk is full)", At.AddSeconds(-9), null, 4));
        Assert.Contains("risk UNAVAILABLE: journal write failed at 23:11:49 (database or disk is full); restarted, waiting for the journal to take a write",
            AdminStatusText.Render(OverTheWire(status)));
    }

    [Fact]
    public void An_open_order_table_the_watch_cannot_read_is_shown_with_its_reason_and_a_readable_one_with_its_count()
    {
        var down = Status(null) with { OpenOrders = new OpenOrderWatchStatus(7, 3, 21, 0, "database is locked") };
        Assert.Contains("| open-order table UNREADABLE: database is locked | risk Trading", down.ToString());
        var doc = OverTheWire(down);
        Assert.Equal(new AdminOpenOrdersStatus(7, 3, 21, "database is locked"), doc.OpenOrders);
        Assert.Contains("OPEN-ORDER TABLE UNREADABLE: database is locked", AdminStatusText.Render(doc));

        var fine = Status(null) with { OpenOrders = new OpenOrderWatchStatus(8, 2, 23, 0, null) };
        Assert.DoesNotContain("UNREADABLE", fine.ToString());
        Assert.Contains("open-order table read 8 times, lists 2", AdminStatusText.Render(OverTheWire(fine)));
        // A node without a watch (or one that did not answer) leaves the line out.
        Assert.DoesNotContain("open-order", AdminStatusText.Render(OverTheWire(Status(null))));
    }

    [Fact]
    public void A_gate_that_answers_shows_no_outage()
    {
        var status = Status(null);
        Assert.Contains("risk Trading, balance", status.ToString());
        Assert.DoesNotContain("UNAVAILABLE", status.ToString());
        var doc = OverTheWire(status);
        Assert.Null(doc.Risk!.Outage);
        Assert.DoesNotContain("UNAVAILABLE", AdminStatusText.Render(doc));
    }
}
