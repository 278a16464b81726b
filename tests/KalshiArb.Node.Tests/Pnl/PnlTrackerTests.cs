using KalshiArb.Domain.Pnl;

namespace KalshiArb.Node.Tests.Pnl;

public sealed class PnlTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static PnlBook Book()
    {
        var ledger = new PnlLedger();
        ledger.Apply(new PnlFill("G-A", "G", OutcomeSide.Yes, Price.Parse("0.40"), Quantity.FromContracts(10), Money.Parse("0.17"), T0));
        ledger.Apply(new PnlFill("G-B", "G", OutcomeSide.No, Price.Parse("0.30"), Quantity.FromContracts(2), Money.Parse("0.03"), T0));
        return new PnlBook(ledger.Positions.ToArray(), ledger.History.ToArray(), 0);
    }

    [Fact]
    public void The_status_shape_carries_wire_money_and_leaves_a_missing_mark_unknown()
    {
        var tracker = new PnlTracker();
        Assert.Null(tracker.Latest);
        var marks = new Dictionary<string, PnlMark> { ["G-A"] = new(Price.Parse("0.45"), Price.Parse("0.50")), ["G-B"] = new(null, Price.Parse("0.60")) };
        var status = tracker.Record(Book(), marks, T0);

        Assert.Equal(("total", "-0.2000", "0.2000"), (status.Total.Key, status.Total.Realized, status.Total.Fees));
        Assert.Null(status.Total.UnrealizedAtMid);             // G-B has no two-sided book
        Assert.Equal("1.2000", status.Total.UnrealizedAtFair);  // 10 × 0.50 − 4.00, plus 2 × (1 − 0.60) − 0.60
        Assert.Equal(["G-A", "G-B"], status.Markets.Select(m => m.Key));
        Assert.Equal(["10.00", "-2.00"], status.Markets.Select(m => m.Contracts));
        Assert.Equal("0.5000", status.Markets[0].UnrealizedAtMid);
        Assert.Equal("G", Assert.Single(status.Games).Key);
        var point = Assert.Single(status.History);
        Assert.Equal(("-0.2000", (string?)null), (point.Realized, point.MarkedAtMid));
        Assert.Same(status, tracker.Latest);
        Func<KalshiArb.Node.Admin.AdminPnlStatus?> read = tracker.Read;
        Assert.Same(status, read());
    }

    [Fact]
    public void History_keeps_one_point_per_interval_and_only_the_newest()
    {
        var tracker = new PnlTracker();
        var book = Book();
        var marks = new Dictionary<string, PnlMark> { ["G-A"] = new(Price.Parse("0.45"), null), ["G-B"] = new(Price.Parse("0.65"), null) };
        tracker.Record(book, marks, T0);
        tracker.Record(book, marks, T0.AddSeconds(1)); // too soon: no new point
        Assert.Single(tracker.Latest!.History);
        for (var i = 1; i <= PnlTracker.PointsKept + 5; i++) tracker.Record(book, marks, T0 + PnlTracker.PointInterval * i);

        var history = tracker.Latest!.History;
        Assert.Equal(PnlTracker.PointsKept, history.Count);
        Assert.Equal(T0 + PnlTracker.PointInterval * (PnlTracker.PointsKept + 5), history[^1].At);
        Assert.Equal("0.4000", history[^1].MarkedAtMid); // −0.20 + (10 × 0.45 − 4.00) + (2 × 0.35 − 0.60)
    }
}
